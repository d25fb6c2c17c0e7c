"""Article structure: zones by offsets (fast, no model)."""

from __future__ import annotations

import pytest

from lasswell.clean import structure

PLAYER = (
    'window.pvp_3cef10cb = new Pvp(\'dmpublic\', {idDM: "x45h8hy", mediaType: "dm-public"}, '
    '{ \'sequenceUrl\': "//pms.orange.fr/embed", "mute": true, "autoplay": false'
)


@pytest.fixture(scope="module")
def fr():
    from lasswell.lang import load_language

    return load_language("fr")


def test_script_code_inside_a_paragraph_is_boilerplate(fr):
    body = "Il souffre, a-t-il dit. " + PLAYER
    text = "Un titre\n\n" + body + "\n\nLa suite de l'article."
    zones = [(z.kind, text[z.start : z.end]) for z in structure(text, fr).zones]
    assert ("boilerplate", PLAYER) in zones
    assert ("body", "Il souffre, a-t-il dit. ") in zones
    assert ("body", "La suite de l'article.") in zones


def test_see_also_pattern_needs_a_word_boundary(fr):
    text = "Un titre\n\nIl ajoute avoir également reçu un cadeau.\n\nFin."
    assert "boilerplate" not in [z.kind for z in structure(text, fr).zones]
    text = "Un titre\n\nLe texte.\n\nVoir également : nos autres articles"
    assert [z.kind for z in structure(text, fr).zones][-1] == "boilerplate"
