"""Parse repairs: the stranded compound tense (real model), the second subject (given parses)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from lasswell.nlp import load_model
from lasswell.parse_repair import COMPONENT, repair_parse

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


def _doc(rows: list[tuple[str, str, int, str, str]], ents: list[str] | None = None) -> Doc:
    """A parsed Doc from (word, pos, head index, dep, morph) rows: the parser's mistake as given;
    ``ents`` the recogniser's IOB tags (*B-PER*, *I-PER*, *O*)."""
    words, pos, heads, deps, morphs = zip(*rows, strict=True)
    return Doc(
        Vocab(),
        words=list(words),
        pos=list(pos),
        heads=list(heads),
        deps=list(deps),
        morphs=list(morphs),
        ents=ents,
    )


# "les policiers évacuaient les manifestants" with the object taken for a second subject
_SECOND_SUBJECT = [
    ("les", "DET", 1, "det", ""),
    ("policiers", "NOUN", 2, "nsubj", "Number=Plur"),
    ("évacuaient", "VERB", 2, "ROOT", "Mood=Ind|Tense=Imp|VerbForm=Fin"),
    ("les", "DET", 4, "det", ""),
    ("manifestants", "NOUN", 2, "nsubj", "Number=Plur"),
    (".", "PUNCT", 2, "punct", ""),
]


def test_a_second_subject_after_the_verb_is_its_object():
    doc = repair_parse(_doc(_SECOND_SUBJECT))
    assert [(t.text, t.dep_) for t in doc if t.dep_ in ("nsubj", "obj")] == [
        ("policiers", "nsubj"),
        ("manifestants", "obj"),
    ]


def test_a_quote_s_inverted_subject_stays_a_subject():
    # « … les salles ouvertes », prévient le président: punctuation between the first "subject"
    # (inside the quote) and the verb
    rows = [
        ("les", "DET", 1, "det", ""),
        ("salles", "NOUN", 4, "nsubj", "Number=Plur"),
        ("ouvertes", "ADJ", 1, "amod", ""),
        (",", "PUNCT", 4, "punct", ""),
        ("prévient", "VERB", 4, "ROOT", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
        ("le", "DET", 6, "det", ""),
        ("président", "NOUN", 4, "nsubj", "Number=Sing"),
    ]
    doc = repair_parse(_doc(rows))
    assert [t.dep_ for t in doc if t.text in ("salles", "président")] == ["nsubj", "nsubj"]


def test_a_subject_hung_on_a_fronted_adjunct_is_the_verb_s():
    # "Vers 18h00, Anne Hidalgo va donner …" with the name made a complement of "18h00"
    rows = [
        ("Vers", "ADP", 1, "case", ""),
        ("18h00", "PROPN", 5, "obl:mod", ""),
        (",", "PUNCT", 1, "punct", ""),
        ("Anne", "PROPN", 1, "nmod", ""),
        ("Hidalgo", "PROPN", 3, "flat:name", ""),
        ("va", "VERB", 5, "ROOT", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
        ("partir", "VERB", 5, "xcomp", "VerbForm=Inf"),
    ]
    doc = repair_parse(_doc(rows))
    assert (doc[3].dep_, doc[3].head.text) == ("nsubj", "va")


def test_a_complement_with_its_preposition_stays():
    # "Lors de la visite du ministre, partira le convoi": "du ministre" is the visit's
    rows = [
        ("Lors", "ADV", 7, "advmod", ""),
        ("de", "ADP", 3, "case", ""),
        ("la", "DET", 3, "det", ""),
        ("visite", "NOUN", 7, "obl:mod", ""),
        ("du", "ADP", 5, "case", ""),
        ("ministre", "NOUN", 3, "nmod", ""),
        (",", "PUNCT", 3, "punct", ""),
        ("partira", "VERB", 7, "ROOT", "Mood=Ind|Tense=Fut|VerbForm=Fin"),
    ]
    doc = repair_parse(_doc(rows))
    assert (doc[5].dep_, doc[5].head.text) == ("nmod", "visite")


def test_two_subjects_joined_by_et_are_one_coordination():
    # "Un travailleur et un patient avaient été tués", both hung on the verb
    rows = [
        ("Un", "DET", 1, "det", ""),
        ("travailleur", "NOUN", 7, "nsubj:pass", ""),
        ("et", "CCONJ", 7, "cc", ""),
        ("un", "DET", 4, "det", ""),
        ("patient", "NOUN", 7, "nsubj:pass", ""),
        ("avaient", "AUX", 7, "aux:tense", ""),
        ("été", "AUX", 7, "aux:pass", ""),
        ("tués", "VERB", 7, "ROOT", "Tense=Past|VerbForm=Part"),
    ]
    doc = repair_parse(_doc(rows))
    assert (doc[4].dep_, doc[4].head.text, doc[2].head.text) == ("conj", "travailleur", "patient")


def test_subjects_of_different_kinds_are_left_alone():
    # a passive subject and an active one on one verb: not a coordination to guess
    rows = [
        ("Pierre", "PROPN", 3, "nsubj", ""),
        ("et", "CCONJ", 3, "cc", ""),
        ("Paul", "PROPN", 3, "nsubj:pass", ""),
        ("partent", "VERB", 3, "ROOT", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
    ]
    doc = repair_parse(_doc(rows))
    assert doc[2].dep_ == "nsubj:pass"


# "un ancien leader des gilets jaunes, Eric Drouet, a été exfiltré", both hung on the verb
_APPOSED = [
    ("un", "DET", 2, "det", ""),
    ("ancien", "ADJ", 2, "amod", ""),
    ("leader", "NOUN", 10, "nsubj:pass", ""),
    ("des", "ADP", 4, "case", ""),
    ("gilets", "NOUN", 2, "nmod", ""),
    (",", "PUNCT", 10, "punct", ""),
    ("Eric", "PROPN", 10, "nsubj:pass", ""),
    ("Drouet", "PROPN", 6, "flat:name", ""),
    (",", "PUNCT", 10, "punct", ""),
    ("a", "AUX", 10, "aux:tense", ""),
    ("exfiltré", "VERB", 10, "ROOT", "Tense=Past|VerbForm=Part"),
]


def test_a_name_apposed_to_a_role_subject_is_its_apposition():
    doc = repair_parse(_doc(_APPOSED, ["O"] * 6 + ["B-PER", "I-PER"] + ["O"] * 3))
    assert (doc[6].dep_, doc[6].head.text) == ("appos", "leader")
    assert [c.text for c in doc[10].children if c.dep_ == "nsubj:pass"] == ["leader"]


@pytest.mark.parametrize(
    ("rows", "ents"),
    [
        # two names: a list of subjects, not a role and its holder
        (
            [
                ("Pierre", "PROPN", 3, "nsubj", ""),
                (",", "PUNCT", 3, "punct", ""),
                ("Paul", "PROPN", 3, "nsubj", ""),
                ("partent", "VERB", 3, "ROOT", "VerbForm=Fin"),
            ],
            ["B-PER", "O", "B-PER", "O"],
        ),
        # a name and a role with a word between them, not only a comma
        (
            [
                ("le", "DET", 1, "det", ""),
                ("maire", "NOUN", 5, "nsubj", ""),
                ("puis", "ADV", 3, "advmod", ""),
                ("Paul", "PROPN", 5, "nsubj", ""),
                (",", "PUNCT", 5, "punct", ""),
                ("partent", "VERB", 5, "ROOT", "VerbForm=Fin"),
            ],
            ["O", "O", "O", "B-PER", "O", "O"],
        ),
    ],
)
def test_subjects_that_are_no_apposition_are_left_alone(rows, ents):
    doc = repair_parse(_doc(rows, ents))
    assert not any(t.dep_ == "appos" for t in doc)


def _conjunct_rows(between: list[str]) -> list[tuple[str, str, int, str, str]]:
    """ "interpeller la LICRA et <between> SOS" with "SOS" hung on the verb as its conjunct."""
    rows = [
        ("interpeller", "VERB", 0, "ROOT", "VerbForm=Inf"),
        ("la", "DET", 2, "det", ""),
        ("LICRA", "NOUN", 0, "obj", ""),
        ("et", "CCONJ", 4 + len(between), "cc", ""),
    ]
    rows += [(w, "ADV", 4 + len(between), "advmod", "") for w in between]
    return [*rows, ("SOS", "PROPN", 0, "conj", "")]


def test_a_noun_hung_on_the_verb_as_its_conjunct_joins_the_complement_before_et():
    doc = repair_parse(_doc(_conjunct_rows([])))
    assert (doc[4].dep_, doc[4].head.text) == ("conj", "LICRA")


def test_a_contrast_is_no_coordination():
    # "qualifie un mouvement et non pas une association"
    doc = repair_parse(_doc(_conjunct_rows(["non", "pas"])))
    assert doc[6].head.text == "interpeller"


# "la part de certains députés Les Républicains et Rassemblement national", the second party
# hung on "part"
_NAMES = [
    ("la", "DET", 1, "det", ""),
    ("part", "NOUN", 1, "ROOT", ""),
    ("de", "ADP", 4, "case", ""),
    ("certains", "DET", 4, "det", ""),
    ("députés", "NOUN", 1, "nmod", ""),
    ("Les", "DET", 6, "det", ""),
    ("Républicains", "NOUN", 4, "nmod", ""),
    ("et", "CCONJ", 8, "cc", ""),
    ("Rassemblement", "NOUN", 1, "conj", ""),
    ("national", "ADJ", 8, "amod", ""),
]


def test_a_name_conjoined_too_high_joins_the_name_before_et():
    doc = repair_parse(_doc(_NAMES, ["O"] * 5 + ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG"]))
    assert doc[8].head.text == "Républicains"


def test_a_conjunct_of_another_kind_stays_where_it_is():
    # "la part de certains députés Les Républicains et Marie Dupont": a person, not a party
    doc = repair_parse(_doc(_NAMES, ["O"] * 5 + ["B-ORG", "I-ORG", "O", "B-PER", "I-PER"]))
    assert doc[8].head.text == "part"
