"""Statements that are events: a quote's words make it a demand, refusal, threat, criticism or
praise (real model)."""

from __future__ import annotations

import pytest

import lasswell

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« C'est un scandale absolu », a déclaré le député Jean Dupont.", ["ACCUSE"]),
        ("« Nous refusons ces exigences », a déclaré Sergueï Ryabkov.", ["REJECT"]),
        ("« Bravo aux soignants », a écrit la ministre Agnès Buzyn.", ["SUPPORT"]),
        # a negated word makes no act; a quote without such a word is no event
        ("« Ce n'est pas un scandale », a déclaré le député Jean Dupont.", []),
        ("« Il fait beau à Paris », a déclaré le député Jean Dupont.", []),
    ],
)
def test_statement_events_are_linked_to_their_quote(text, expected):
    art = lasswell.analyze(text, lang="fr")
    linked = [e for e in art.events if e.quote_index is not None]
    assert [e.type for e in linked] == expected
    for e in linked:
        assert e.actor is not None and e.actor.name == art.quotes[e.quote_index].speaker.name
