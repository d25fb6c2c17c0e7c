"""Quotation-mark pairing (pure text, no model)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lasswell.extract.marks import find_marked, pair_marks


def contents(text, fr):
    return [text[m.start : m.end] for m in pair_marks(text, 0, len(text), fr)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Il n'y a rien à dire », a déclaré Peskov.", ["Il n'y a rien à dire"]),
        ('"Jusqu\'à présent, rien", a déclaré Peskov.', ["Jusqu'à présent, rien"]),
        ("“Nous viendrons”, a-t-il dit.", ["Nous viendrons"]),
        (
            "\"Ce sont les 'lignes rouges' que nous gardons. »",
            ["Ce sont les 'lignes rouges' que nous gardons."],
        ),
        ("« Il parle d'une “trahison” réelle », dit-elle.", ["Il parle d'une “trahison” réelle"]),
        ("« A », a-t-il dit, « B ».", ["A", "B"]),
        ("Un texte sans guillemets.", []),
        # an unclosed quote runs to the paragraph end only when long enough
        (
            "« Nous partons demain matin pour Genève et Vienne",
            ["Nous partons demain matin pour Genève et Vienne"],
        ),
        ("« court", []),
    ],
)
def test_pair_marks(text, expected, fr):
    assert contents(text, fr) == expected


def test_closing_mark_continues_previous_paragraph(fr):
    text = "« Début de la citation\nqui se poursuit ici. »\n"
    spans = find_marked(text, [(0, 22), (23, 45)], fr)
    assert [text[m.start : m.end] for m in spans] == ["Début de la citation", "qui se poursuit ici."]


@given(st.text(alphabet='ab «»"“” .\n', max_size=200))
def test_spans_always_inside_text_and_ordered(fr, text):
    spans = pair_marks(text, 0, len(text), fr)
    for m in spans:
        assert 0 <= m.start <= m.end <= len(text)
    assert [m.start for m in spans] == sorted(m.start for m in spans)


def test_many_unbalanced_marks_do_not_explode(fr):
    text = "« " * 500 + "fin."
    assert len(pair_marks(text, 0, len(text), fr)) <= 1
