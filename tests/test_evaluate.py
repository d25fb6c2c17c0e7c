"""Scoring exactly as GUIDELINES section 4."""

from __future__ import annotations

import pytest

from lasswell.evaluate import fold_name, names_match, score_article
from lasswell.records import Article, Quote, Speaker


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("Dmitri Peskov", "Dmitri Peskov", True),
        ("Peskov", "Dmitri Peskov", True),
        ("Dmitri Peskov", "Peskov", True),
        ("OTAN", "l'OTAN", True),
        ("les États-Unis", "Etats-Unis", True),
        ("Kremlin", "le Kremlin", True),
        ("Sergueï Ryabkov", "Dmitri Peskov", False),
        ("Ryabkov", "Sergueï Ryabkov", True),
        ("Le Pen", "Marine Le Pen", True),
        ("Marine", "Marine Le Pen", False),
        (None, "Dmitri Peskov", False),
        ("Pyongyang", "la Corée du Nord", False),
    ],
)
def test_names_match(pred, gold, ok):
    assert names_match(pred, gold) is ok


def test_alias_counts():
    assert names_match("Pyongyang", "la Corée du Nord", ["Pyongyang"])


def test_fold_name():
    assert fold_name("L’OTAN") == "otan"
    assert fold_name("la Mairie de Paris") == "mairie de paris"


def _gold(content_start, content_end, name):
    return {
        "kind": "direct",
        "content": "x" * (content_end - content_start),
        "cue": None,
        "speaker_name": name,
        "content_start": content_start,
        "content_end": content_end,
        "cue_start": None,
        "cue_end": None,
    }


def test_overlap_levels_and_one_to_one():
    gold = {"id": "t", "quotes": [_gold(0, 100, "A B"), _gold(200, 300, "C")]}
    preds = (
        Quote(0, 50, "x" * 50, "direct", 1.0, speaker=Speaker("B")),  # 50%: lenient only
        Quote(
            10, 60, "x" * 50, "direct", 1.0, speaker=Speaker("B")
        ),  # second match of the same gold: spurious
        Quote(200, 295, "x" * 95, "direct", 1.0, speaker=Speaker("Z")),  # strict, wrong speaker
    )
    c = score_article(Article(text="", lang="fr", quotes=preds), gold)
    assert (c.gold, c.pred, c.lenient, c.strict, c.speaker_right) == (2, 3, 2, 1, 1)
    s = c.scores()
    assert s["lenient_p"] == round(2 / 3, 4) and s["lenient_r"] == 1.0
    assert s["speaker_accuracy"] == 0.5
