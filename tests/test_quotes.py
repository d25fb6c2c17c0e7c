"""Quote extraction on sentences (real model): kinds, contents, speakers, negatives."""

from __future__ import annotations

import pytest

import lasswell

pytestmark = pytest.mark.slow


def quotes(text):
    art = lasswell.analyze(text, lang="fr")
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in art.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # direct, postposed incise with a name
        (
            "« Il n'y a rien à dire sur le résultat », a déclaré Dmitri Peskov aux journalistes.",
            [("direct", "Il n'y a rien à dire sur le résultat", "Dmitri Peskov")],
        ),
        # direct with inverted pronoun, resolved to the person named before
        (
            "Le ministre Bruno Le Maire était à Bercy lundi.\n"
            "« Nous ne changerons pas de cap », a-t-il assuré.",
            [("direct", "Nous ne changerons pas de cap", "Bruno Le Maire")],
        ),
        # colon intro
        (
            "Marine Le Pen a lancé à ses militants : « J'appelle les électeurs à ouvrir les yeux. »",
            [("direct", "J'appelle les électeurs à ouvrir les yeux.", "Marine Le Pen")],
        ),
        # indirect que-clause, no final stop
        (
            "Sergueï Ryabkov a souligné que Moscou n'accepterait rien de moins qu'une garantie écrite.",
            [("indirect", "Moscou n'accepterait rien de moins qu'une garantie écrite", "Sergueï Ryabkov")],
        ),
        # selon X
        (
            "Selon le Kremlin, les discussions continueront la semaine prochaine.",
            [("indirect", "les discussions continueront la semaine prochaine", "Kremlin")],
        ),
        (
            "Les discussions continueront la semaine prochaine, selon la CGT.",
            [("indirect", "Les discussions continueront la semaine prochaine", "CGT")],
        ),
        # mixed: a quoted fragment inside indirect speech
        (
            "Ryabkov a juré que la Russie ne céderait pas aux « tentatives de chantage ».",
            [("mixed", "la Russie ne céderait pas aux « tentatives de chantage »", "Ryabkov")],
        ),
        # de + infinitive
        (
            "La Corée du Nord annonce avoir tiré un nouveau missile balistique.",
            [("indirect", "avoir tiré un nouveau missile balistique", "Corée du Nord")],
        ),
        # negatives: scare quotes, mental states, negated and hypothetical speech
        ("La « protégée » de Macron a visité le salon de l'agriculture samedi.", []),
        ("Le ministre croit que la réforme passera sans difficulté au Sénat.", []),
        ("Le ministre n'a pas dit que la réforme passerait au Sénat.", []),
        ("Le ministre pourrait annoncer que la réforme passera au Sénat.", []),
        ("Il a parlé du budget pendant deux heures devant les députés.", []),
    ],
)
def test_sentences(text, expected):
    assert quotes(text) == expected


def test_continuation_keeps_the_speaker():
    text = (
        "« Jusqu'à présent, il n'y a rien à dire », a déclaré Dmitri Peskov. "
        "« Il reste encore plusieurs rounds à venir avec les Américains. »"
    )
    got = quotes(text)
    assert [g[2] for g in got] == ["Dmitri Peskov", "Dmitri Peskov"]
    assert got[1][1] == "Il reste encore plusieurs rounds à venir avec les Américains."


def test_role_noun_resolves_to_the_person():
    text = (
        "Le porte-parole du Kremlin, Dmitri Peskov, était à Moscou mardi.\n"
        "« Rien à dire sur le résultat des pourparlers », a déclaré le porte-parole du Kremlin."
    )
    assert quotes(text)[-1][2] == "Dmitri Peskov"


def test_unknown_source_stays_unknown():
    (q,) = quotes("Il a été signalé plus tôt que l'administration envisageait des sanctions.")
    assert q[2] is None
