"""Language data and detection."""

from __future__ import annotations

import pytest

from lasswell.errors import UnsupportedLanguageError
from lasswell.lang import detect_language, load_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Russie ne voit aucune raison d'être optimiste après les pourparlers avec les États-Unis.", "fr"),
        (
            "The Kremlin said on Tuesday that it saw no reason to be optimistic after the talks in Geneva.",
            "en",
        ),
        ("Der Kreml sieht nach den Gesprächen in Genf keinen Grund für Optimismus, sagte er auch.", "de"),
        ("12 34 56", None),
        ("Genève", None),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_unsupported_language_is_a_clear_error():
    with pytest.raises(UnsupportedLanguageError, match="not supported"):
        load_language("de")


def test_french_data_has_every_cue_kind(fr):
    for kind in ("que", "inf", "incise", "np", "mental"):
        assert fr.cues[kind], kind
    assert "déclarer" in fr.cues["que"]
    assert "croire" in fr.cues["mental"] and "croire" not in fr.cues["que"]
