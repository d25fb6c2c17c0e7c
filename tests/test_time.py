"""Time expressions: finding them in French news and resolving them to ISO dates (EVENTS.md §2-3)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lasswell.errors import UnsupportedLanguageError
from lasswell.extract.time import DateMention, explicit_anchor, find_dates, resolve_date

TUE = dt.date(2022, 1, 11)  # a Tuesday


@pytest.mark.parametrize(
    ("expr", "anchor", "status", "expected"),
    [
        # weekdays: the anchor's own weekday is the anchor, others the nearest past / coming one
        ("lundi", TUE, "occurred", "2022-01-10"),
        ("Lundi", TUE, "occurred", "2022-01-10"),
        ("mardi", TUE, "occurred", "2022-01-11"),
        ("jeudi", TUE, "occurred", "2022-01-06"),
        ("mercredi", TUE, "planned", "2022-01-12"),
        ("lundi", TUE, "planned", "2022-01-17"),
        ("ce lundi", TUE, "occurred", "2022-01-10"),
        ("lundi dernier", TUE, "occurred", "2022-01-10"),
        ("mardi dernier", TUE, "occurred", "2022-01-04"),
        ("mardi prochain", TUE, "planned", "2022-01-18"),
        ("samedi prochain", dt.date(2018, 12, 17), "planned", "2018-12-22"),
        ("dimanche soir", TUE, "occurred", "2022-01-09"),
        ("mardi matin", TUE, "occurred", "2022-01-11"),
        ("ce mardi au matin", TUE, "occurred", "2022-01-11"),
        ("à partir de mercredi", dt.date(2020, 8, 18), "planned", "2020-08-19"),
        # weekday with a date: the year is the one whose weekday fits
        ("vendredi 4 février", TUE, "planned", "2022-02-04"),
        ("le mardi 4 février 2020", TUE, "occurred", "2020-02-04"),
        ("ce dimanche 12 janvier", dt.date(2020, 1, 12), "occurred", "2020-01-12"),
        ("ce mardi matin 20 novembre", dt.date(2018, 11, 20), "occurred", "2018-11-20"),
        ("jeudi 9", dt.date(2016, 6, 12), "planned", "2016-06-09"),
        ("jeudi 30", TUE, "occurred", "2021-12-30"),
        # day and month: year of the anchor, last year if that is well after an occurred event
        ("le 4 février", TUE, "occurred", "2021-02-04"),
        ("le 4 février", TUE, "planned", "2022-02-04"),
        ("le 10 janvier", TUE, "occurred", "2022-01-10"),
        ("le 9 octobre", dt.date(2020, 2, 22), "planned", "2020-10-09"),
        ("1er mars", TUE, "occurred", "2021-03-01"),
        ("4 et 5 février", TUE, "planned", "2022-02-04"),
        ("le 29 février", dt.date(2021, 3, 5), "occurred", "2020-02-29"),
        ("12/01/2022", None, "occurred", "2022-01-12"),
        ("12/01/22", None, "occurred", "2022-01-12"),
        ("2022-01-12", None, "occurred", "2022-01-12"),
        # spans give their month, or their year across months; nights take their start date
        ("du 3 au 5 mai 2021", TUE, "occurred", "2021-05"),
        ("du 27 novembre au 4 décembre", dt.date(2018, 12, 11), "occurred", "2018"),
        ("jusqu'à mardi 14", dt.date(2016, 6, 12), "occurred", "2016-06"),
        ("la nuit de samedi à dimanche", dt.date(2018, 12, 9), "occurred", "2018-12-08"),
        ("dans la nuit de jeudi à vendredi", dt.date(2020, 6, 12), "occurred", "2020-06-11"),
        ("la nuit du 3 au 4 mai 2021", None, "occurred", "2021-05-03"),
        ("la nuit de samedi à dimanche", TUE, "planned", "2022-01-15"),
        ("cette nuit", TUE, "occurred", "2022-01-10"),
        ("dans la nuit", TUE, "planned", "2022-01-11"),
        # months, seasons and years
        ("en janvier", TUE, "occurred", "2022-01"),
        ("en mars", TUE, "occurred", "2021-03"),
        ("en mars", TUE, "planned", "2022-03"),
        ("début mars", TUE, "planned", "2022-03"),
        ("mi-janvier", TUE, "occurred", "2022-01"),
        ("fin aout", dt.date(2016, 9, 25), "occurred", "2016-08"),
        ("en février dernier", dt.date(2019, 7, 23), "occurred", "2019-02"),
        ("janvier prochain", TUE, "planned", "2023-01"),
        ("janvier 2020", None, "occurred", "2020-01"),
        ("en octobre 2019", None, "occurred", "2019-10"),
        ("en 1997", None, "occurred", "1997"),
        ("dès 2012", None, "occurred", "2012"),
        ("fin 2021", None, "occurred", "2021"),
        ("l'année 1997", None, "occurred", "1997"),
        ("en 2013 et 2014", None, "occurred", "2013"),
        ("cet été", TUE, "planned", "2022"),
        ("l'été dernier", TUE, "occurred", "2021"),
        ("à l'automne prochain", dt.date(2017, 2, 10), "planned", "2017"),
        # relative words
        ("hier", TUE, "occurred", "2022-01-10"),
        ("avant-hier", TUE, "occurred", "2022-01-09"),
        ("aujourd'hui", TUE, "occurred", "2022-01-11"),
        ("aujourd’hui", TUE, "occurred", "2022-01-11"),
        ("demain", TUE, "planned", "2022-01-12"),
        ("ce matin", TUE, "occurred", "2022-01-11"),
        ("ce soir", TUE, "planned", "2022-01-11"),
        ("hier soir", TUE, "occurred", "2022-01-10"),
        ("la veille", TUE, "occurred", "2022-01-10"),
        ("le lendemain", TUE, "planned", "2022-01-12"),
        ("Dans l'après-midi", TUE, "occurred", "2022-01-11"),
        ("vers 11h45", TUE, "occurred", "2022-01-11"),
        ("De 13h00 à 14h45", TUE, "occurred", "2022-01-11"),
        ("à 3 heures du matin", TUE, "occurred", "2022-01-11"),
        ("il y a deux jours", TUE, "occurred", "2022-01-09"),
        ("il y a 20 ans", TUE, "occurred", "2002"),
        ("dans trois semaines", TUE, "planned", "2022-02"),
        ("cette semaine", TUE, "occurred", "2022-01"),
        ("la semaine dernière", TUE, "occurred", "2022-01"),
        ("la semaine dernière", dt.date(2022, 1, 5), "occurred", "2021-12"),
        ("la semaine prochaine", dt.date(2021, 12, 28), "planned", "2022-01"),
        ("ce mois-ci", TUE, "occurred", "2022-01"),
        ("au début du mois", TUE, "occurred", "2022-01"),
        ("le mois dernier", TUE, "occurred", "2021-12"),
        ("le mois prochain", dt.date(2021, 12, 1), "planned", "2022-01"),
        ("cette année", TUE, "occurred", "2022"),
        ("l'an dernier", TUE, "occurred", "2021"),
        ("l'année dernière", TUE, "occurred", "2021"),
        ("l'an prochain", TUE, "planned", "2023"),
        # vague or relative to another event of the text: found, but no value
        ("ces derniers jours", TUE, "occurred", None),
        ("récemment", TUE, "occurred", None),
        ("bientôt", TUE, "planned", None),
        ("dans les prochains jours", TUE, "planned", None),
        ("il y a quelques semaines", TUE, "occurred", None),
        ("depuis dix jours", TUE, "occurred", None),
        ("le même jour", TUE, "occurred", None),
        ("au lendemain de", TUE, "occurred", None),
        ("1998-99", TUE, "occurred", None),
        ("durant la campagne", TUE, "occurred", None),
        # an expression cut by someone else is resolved through the time expression it contains
        ("le soir de la fusillade", TUE, "occurred", None),
        ("mardi 14 au matin, à Paris", dt.date(2016, 6, 12), "planned", "2016-06-14"),
    ],
)
def test_resolve_date(expr, anchor, status, expected):
    assert resolve_date(expr, anchor, status) == expected


@pytest.mark.parametrize(
    "expr",
    [
        "lundi",
        "hier",
        "ce matin",
        "le 4 février",
        "cette semaine",
        "l'an dernier",
        "en mars",
        "vers 11h45",
        "la nuit de samedi à dimanche",
        "il y a deux jours",
        "jeudi 9",
    ],
)
def test_relative_expressions_need_an_anchor(expr):
    assert resolve_date(expr, None) is None


def test_full_dates_need_no_anchor():
    assert resolve_date("le mardi 4 février 2020", None) == "2020-02-04"
    assert resolve_date("31 juin 2020", None) is None  # no such day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les pourparlers de lundi à Genève, puis jeudi à Vienne.", ["lundi", "jeudi"]),
        ("Le mardi 4 février 2020, il a parlé.", ["Le mardi 4 février 2020"]),
        ("Réunion ce dimanche 12 janvier au siège.", ["ce dimanche 12 janvier"]),
        ("Dans la nuit de samedi à dimanche, des heurts.", ["Dans la nuit de samedi à dimanche"]),
        ("Prévue du 3 au 5 mai, la visite.", ["du 3 au 5 mai"]),
        ("Les 4 et 5 février derniers.", ["4 et 5 février"]),
        ("Il a signé le 1er mars, puis en mai.", ["le 1er mars", "en mai"]),
        (
            "En 1997, l'Acte fondateur ; depuis 2008 ; l'année 1999.",
            ["En 1997", "depuis 2008", "l'année 1999"],
        ),
        ("Début mars, fin 2021 et mi-janvier.", ["Début mars", "fin 2021", "mi-janvier"]),
        ("Selon le Journal du dimanche, samedi prochain.", ["samedi prochain"]),
        (
            "Hier, aujourd'hui et demain ; la semaine dernière.",
            ["Hier", "aujourd'hui", "demain", "la semaine dernière"],
        ),
        ("Vers 11h45, le 12/01/2022.", ["Vers 11h45", "le 12/01/2022"]),
    ],
)
def test_find_dates(text, expected):
    found = find_dates(text)
    assert [m.text for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "sa voiture",
        "100 000 soldats",
        "mar",
        "mer",
        "Il mai pas.",
        "Mars est une planète.",
        "Les lundis sont calmes, le salundi aussi.",
        "1997 personnes sont venues.",
        "Il a payé en 2000 euros.",
        "La version 12.5.20 est sortie.",
        "Le Journal du dimanche révèle.",
        "il a dit que la réunion aura lieu",
        "Ils sont 12 000 en 2 heures de route.",
    ],
)
def test_find_dates_negatives(text):
    assert find_dates(text) == []


def test_mentions_are_sorted_and_do_not_overlap():
    text = "Lundi 4 juin, hier soir, le 5 et la nuit de dimanche à lundi 5 juin 2018 vers 3h du matin."
    found = find_dates(text)
    assert found == sorted(found, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert DateMention(0, 12, "Lundi 4 juin") in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("PARIS, 22 mars 2021 - Le gouvernement a annoncé lundi...", None, dt.date(2021, 3, 22)),
        ("Titre\n\n10 janvier 2016 . –\nLa Corée du Nord a tiré mercredi.", None, dt.date(2016, 1, 10)),
        (
            "Titre\nAFP, publié le lundi 22 mars 2021 à 10h00\nTexte.",
            dt.date(2021, 3, 23),
            dt.date(2021, 3, 22),
        ),
        (
            "Le ministre a parlé ce lundi 22 mars devant les députés.",
            dt.date(2021, 3, 23),
            dt.date(2021, 3, 22),
        ),
        ("La marche aura lieu ce samedi 27 mars à Paris.", dt.date(2021, 3, 23), dt.date(2021, 3, 23)),
        ("Attentats du 13 novembre 2015 : le procès s'ouvre.", dt.date(2021, 9, 8), dt.date(2021, 9, 8)),
        ("Le ministre a parlé ce lundi 22 mars.", None, None),
        ("Rien de daté.", dt.date(2021, 3, 23), dt.date(2021, 3, 23)),
    ],
)
def test_explicit_anchor(text, published, expected):
    assert explicit_anchor(text, published) == expected


def test_unsupported_language_is_a_clear_error():
    with pytest.raises(UnsupportedLanguageError, match="not supported"):
        find_dates("Monday", lang="en")
    with pytest.raises(UnsupportedLanguageError):
        resolve_date("lundi", TUE, lang="xx")
    with pytest.raises(UnsupportedLanguageError):
        explicit_anchor("lundi", TUE, lang="../fr")


_WORDS = [
    "lundi",
    "Dimanche",
    "le",
    "ce",
    "du",
    "au",
    "à",
    "de",
    "la",
    "nuit",
    "4",
    "1er",
    "31",
    "février",
    "mai",
    "mars",
    "2020",
    "1997",
    "en",
    "début",
    "mi-",
    "fin",
    "dernier",
    "prochain",
    "hier",
    "soir",
    "vers",
    "11h45",
    "il y a",
    "deux",
    "jours",
    "jusqu'à",
    "12/01/22",
    "-",
    ",",
    "’",
    "été",
    "cette",
    "semaine",
    "même",
    "jour",
]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join)))
def test_find_dates_never_raises_and_keeps_offsets(text):
    found = find_dates(text)
    assert all(text[m.start : m.end] == m.text and m.start < m.end for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    for m in found:
        value = resolve_date(m.text, TUE, "planned")
        assert value is None or len(value) in (4, 7, 10)
