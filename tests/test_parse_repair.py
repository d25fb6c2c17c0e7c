"""Parse repairs: the stranded compound tense (real model)."""

from __future__ import annotations

import pytest

from lasswell.nlp import load_model
from lasswell.parse_repair import COMPONENT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    return load_model("fr_core_news_md")


def test_the_component_runs_last(nlp):
    assert nlp.pipe_names[-1] == COMPONENT


@pytest.mark.parametrize(
    ("text", "verb", "subject", "dep"),
    [
        # an inserted phrase between the auxiliary and the participle
        (
            # Wikinews, 24 March 2017 (CC BY 2.5)
            "François Fillon, le candidat LR à la présidentielle en France, a, lors de « L'Émission "
            "politique » du jeudi 23 mars, accusé l' Élysée de tenir un « cabinet noir » visant à nuire à "
            "sa campagne.",
            "accusé",
            "François",
            "nsubj",
        ),
        # a passive: the subject undergoes it
        (
            "Il avait d'ailleurs déjà été accueilli par un concert de casseroles.",
            "accueilli",
            "Il",
            "nsubj:pass",
        ),
    ],
)
def test_a_stranded_participle_becomes_the_root(nlp, text, verb, subject, dep):
    doc = nlp(text)
    (v,) = [t for t in doc if t.text == verb]
    assert v.dep_ == "ROOT"
    assert [c.text for c in v.children if c.dep_ == dep] == [subject]
    assert [c.dep_ for c in v.children if c.lemma_ == "avoir"] == ["aux:tense"]


@pytest.mark.parametrize(
    "text",
    [
        "Le scientifique a alors l'idée d'utiliser des bulles de savon.",  # avoir, the main verb
        "Chaque pays a sa méthode, dit-il, éprouvée depuis longtemps.",  # another verb first
        "Les chercheurs ont tourné leurs expériences vers le ciel.",  # nothing to repair
    ],
)
def test_other_sentences_keep_their_parse(nlp, text):
    with nlp.select_pipes(disable=[COMPONENT]):
        stock = nlp(text)
    assert [(t.dep_, t.head.i) for t in nlp(text)] == [(t.dep_, t.head.i) for t in stock]


def test_the_stock_parse_is_what_gets_repaired(nlp):
    text = "Il avait d'ailleurs déjà été accueilli par un concert de casseroles."
    with nlp.select_pipes(disable=[COMPONENT]):
        stock = nlp(text)
    assert next(stock.sents).root.lemma_ == "avoir"  # if the model stops stranding it, this test says so
