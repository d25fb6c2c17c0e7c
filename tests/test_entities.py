"""Entities clustered per article: acronyms joined to the names they abbreviate (real model)."""

from __future__ import annotations

import pytest

import lasswell
from lasswell.extract.entities import _initials

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("name", "acronym", "expected"),
    [
        ("La République en marche", "lrem", True),
        ("Les Républicains", "lr", True),
        ("Front national", "fn", True),
        ("Organisation pour la sécurité et la coopération en Europe", "osce", True),
        ("Agence régionale de santé", "ars", True),
        ("Front national", "rn", False),
        ("Paris", "p", False),
    ],
)
def test_initials(name, acronym, expected):
    assert (acronym in _initials(name)) is expected


def test_an_acronym_joins_the_name_it_abbreviates():
    text = (
        "Le maire de Béziers a été élu avec le soutien du Front national. "
        "Il a quitté le FN en 2017, a-t-il rappelé."
    )
    ents = {e.name: e for e in lasswell.analyze(text, lang="fr").entities}
    assert "FN" not in ents
    assert [m.text for m in ents["Front national"].mentions] == ["Front national", "FN"]


def test_a_name_after_a_role_is_a_person_the_model_missed():
    text = (
        "Lundi, le Premier ministre albanais Edi Rama s'est rendu à Pristina. "
        "« Je suis à Pristina pour écouter », a écrit Edi Rama sur son compte."
    )
    art = lasswell.analyze(text, lang="fr")
    people = {e.name: e for e in art.entities if e.type == "PER"}
    assert "Edi Rama" in people
    assert art.quotes[0].speaker.name == "Edi Rama"


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "La vice-secrétaire d'État américaine Wendy Sherman est arrivée.",
            "Wendy Sherman",
            ("vice-secrétaire d'État américaine",),
        ),
        (
            "Dominique Sopo, président de l'association SOS Racisme, a répondu.",
            "Dominique Sopo",
            ("président de l'association SOS Racisme",),
        ),
        # a preposition before the name: the phrase before it is someone else's
        ("Un tacle du président de SOS Racisme contre Jean Messiha a fait réagir.", "Jean Messiha", ()),
    ],
)
def test_roles_read_around_a_name(text, name, roles):
    people = {e.name: e for e in lasswell.analyze(text, lang="fr").entities if e.type == "PER"}
    assert people[name].roles == roles


def test_a_one_letter_surname_ending_a_sentence_is_the_same_person():
    text = (
        "L'application sera disponible mardi, annonce Cédric O\n\n"
        "L'application sera disponible mardi, a annoncé le secrétaire d'Etat au Numérique, Cédric O.\n\n"
        "« Les villes font circuler le virus », a affirmé Cédric O. Il a cité des études."
    )
    people = [e for e in lasswell.analyze(text, lang="fr").entities if e.type == "PER"]
    assert len(people) == 1 and len(people[0].mentions) == 3


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # two people of one family stay two; a bare surname joins the one named last before it
        (
            "Penelope Fillon aurait été employée comme assistante. François Fillon et sa femme sont "
            "accusés. Fillon dément.",
            {"Penelope Fillon": ["Penelope Fillon"], "François Fillon": ["François Fillon", "Fillon"]},
        ),
        # a particle belongs to the surname
        (
            "Bruno Le Maire a présenté le budget. Le Maire a ensuite répondu aux questions.",
            {"Bruno Le Maire": ["Bruno Le Maire", "Le Maire"]},
        ),
        # a hyphenated surname, whole or bare
        (
            "Le ministre Eric Dupond-Moretti a salué le budget. M. Dupond-Moretti estime qu'il suffira.",
            {"Eric Dupond-Moretti": ["Eric Dupond-Moretti", "Dupond-Moretti"]},
        ),
        # a name apposed to a role is a person, whatever the recogniser said
        (
            "Dans leur collimateur: le gouverneur de la Banque centrale, Riad Salamé, critiqué pour son "
            "incapacité à enrayer la dépréciation.",
            {"Riad Salamé": ["Riad Salamé"]},
        ),
    ],
)
def test_people_sharing_a_surname(text, people):
    found = {
        e.name: [m.text for m in e.mentions]
        for e in lasswell.analyze(text, lang="fr").entities
        if e.type == "PER"
    }
    assert found == people


def test_a_compound_of_countries_after_a_role_word_is_no_person():
    text = "En 1997, l'Acte fondateur Russie-OTAN a été conclu à Paris."
    ents = {e.name: e.type for e in lasswell.analyze(text, lang="fr").entities}
    assert ents.get("Russie-OTAN") != "PER"
