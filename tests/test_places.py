"""Places and countries: country_of, lookup_place, country_name, capital_country."""

from __future__ import annotations

import pytest

from lasswell.errors import UnsupportedLanguageError
from lasswell.extract.places import (
    IGO,
    GazetteerEntry,
    capital_country,
    country_name,
    country_of,
    lookup_place,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nationality adjectives and demonyms, every form
        ("russe", "RUS"),
        ("russes", "RUS"),
        ("américaine", "USA"),
        ("Américains", "USA"),
        ("français", "FRA"),
        ("françaises", "FRA"),
        ("ukrainiennes", "UKR"),
        ("grecque", "GRC"),
        ("turques", "TUR"),
        ("israélien", "ISR"),
        ("palestiniens", "PSE"),
        ("britannique", "GBR"),
        ("allemandes", "DEU"),
        ("chinoise", "CHN"),
        ("nord-coréens", "PRK"),
        ("sud-coréenne", "KOR"),
        ("sud-africaine", "ZAF"),
        ("kosovare", "XKX"),
        # country names, with or without article, any case
        ("la Russie", "RUS"),
        ("Russie", "RUS"),
        ("RUSSIE", "RUS"),
        ("les États-Unis", "USA"),
        ("les Etats-Unis", "USA"),
        ("l'Ukraine", "UKR"),
        ("le Royaume-Uni", "GBR"),
        ("la Grande-Bretagne", "GBR"),
        ("la Corée du Nord", "PRK"),
        ("le Soudan du Sud", "SSD"),
        ("le Kosovo", "XKX"),
        # capitals as metonyms
        ("Moscou", "RUS"),
        ("Washington", "USA"),
        ("Kiev", "UKR"),
        ("Kyiv", "UKR"),
        ("Pékin", "CHN"),
        ("Ankara", "TUR"),
        ("Bruxelles", IGO),  # as an actor: the EU
        # seats and institutions
        ("le Kremlin", "RUS"),
        ("la Maison Blanche", "USA"),
        ("la Maison-Blanche", "USA"),
        ("la Maison blanche", "USA"),
        ("le Pentagone", "USA"),
        ("l'Élysée", "FRA"),
        ("l'Elysée", "FRA"),
        ("Matignon", "FRA"),
        ("Bercy", "FRA"),
        ("le Quai d'Orsay", "FRA"),
        ("Downing Street", "GBR"),
        ("l'Assemblée nationale", "FRA"),
        ("le Hezbollah", "LBN"),
        # intergovernmental organisations
        ("l'OTAN", IGO),
        ("l'Otan", IGO),
        ("ONU", IGO),
        ("UE", IGO),
        ("l'Union européenne", IGO),
        ("la Commission européenne", IGO),
        ("OSCE", IGO),
        ("OMS", IGO),
        ("FMI", IGO),
        ("le G7", IGO),
        ("l'Organisation pour la sécurité et la coopération en Europe", IGO),
        # longer phrases holding a cue
        ("le porte-parole du Kremlin", "RUS"),
        ("le vice-ministre russe des Affaires étrangères", "RUS"),
        ("la vice-secrétaire d'État américaine", "USA"),
        ("la police française", "FRA"),
        ("le Sénat américain", "USA"),
        ("l'ambassade d'Australie à Washington", "AUS"),  # the first cue wins
        ("les forces turquo-syriennes", "TUR"),
        ("le tribunal de Lorient", "FRA"),  # a city in passing
        ("la Cour d'appel de San Francisco", "USA"),
        ("le préfet du Calvados", "FRA"),  # a French body, no other country named
        ("l'Assemblée nationale sénégalaise", "SEN"),  # ...but a named country wins
    ],
)
def test_country_of(text: str, expected: str) -> None:
    assert country_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "le président",
        "Marine Le Pen",
        "François Hollande",  # not the Netherlands
        "Dominique Sopo",  # a given name before a surname is a person, not Dominica
        "Maurice Papon",
        "une grenade lacrymogène",  # lower case: the weapon, not Grenada
        "les paris sportifs",
        "qu'il vienne",
        "le Sénat",  # ambiguous unless qualified
        "la France et la Belgique",  # two countries coordinated: no one's
        "kurde",
        "arabe",
        "latino-américains",
        "le régime de Franco",  # a combining form only before a hyphen
        "la ministre de la Santé",  # no city in a ministry's name
        "l'équipe de François Fillon",  # nor in a person's first name
        "un véhicule de police",
        "Amnesty International",
    ],
)
def test_country_of_none(text: str) -> None:
    assert country_of(text) is None


@pytest.mark.parametrize(
    ("name", "context", "country", "kind"),
    [
        ("Genève", (), "CHE", "city"),
        ("Geneve", (), "CHE", "city"),
        ("Paris", (), "FRA", "city"),
        ("Paris", ("USA",), "FRA", "city"),  # not Paris, Texas, even in a US article
        ("Vienne", (), "AUT", "city"),
        ("Vienne", ("FRA",), "FRA", "city"),  # Vienne (Isère) in a France-only article
        ("Vienne", ("FRA", "AUT"), "AUT", "city"),
        ("Tripoli", (), "LBY", "city"),
        ("Tripoli", ("LBN",), "LBN", "city"),
        ("London", (), "GBR", "city"),
        ("Londres", (), "GBR", "city"),
        ("Moscou", (), "RUS", "city"),
        ("Le Mans", (), "FRA", "city"),
        ("Saint-Étienne", (), "FRA", "city"),
        ("la Russie", (), "RUS", "country"),
        ("les États-Unis", (), "USA", "country"),
        ("le Mali", (), "MLI", "country"),
        ("Kosovo", (), "XKX", "country"),
        ("Calvados", (), "FRA", "region"),
        ("Californie", (), "USA", "region"),
        ("l'Élysée", (), "FRA", "city"),  # a seat of government: the capital it stands in
        ("la Maison blanche", (), "USA", "city"),
        ("nord de la Syrie", (), "SYR", "country"),
        ("Grande mosquée de Paris", (), "FRA", "city"),
    ],
)
def test_lookup_place(name: str, context: tuple[str, ...], country: str, kind: str) -> None:
    entry = lookup_place(name, context)
    assert entry is not None
    assert (entry.country, entry.kind) == (country, kind)


def test_lookup_place_geneva_entry() -> None:
    entry = lookup_place("Genève")
    assert isinstance(entry, GazetteerEntry)
    assert entry.name == "Genève"
    assert entry.geonames_id is not None
    assert entry.lat == pytest.approx(46.2, abs=0.1) and entry.lon == pytest.approx(6.15, abs=0.1)
    assert entry.population > 100_000


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("London", "Londres"),
        ("Moscow", "Moscou"),
        ("Vienna", "Vienne"),
        ("Caen", "Caen"),
        ("la Russie", "Russie"),
    ],
)
def test_lookup_place_french_name(query: str, name: str) -> None:
    entry = lookup_place(query)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize("name", ["", "Xyzzyville", "place de la République", "le président", "A27 et A304"])
def test_lookup_place_unknown(name: str) -> None:
    assert lookup_place(name) is None


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [
        ("RUS", "la Russie"),
        ("USA", "les États-Unis"),
        ("FRA", "la France"),
        ("UKR", "l'Ukraine"),
        ("MLI", "le Mali"),
        ("MEX", "le Mexique"),
        ("KHM", "le Cambodge"),
        ("MOZ", "le Mozambique"),
        ("ZWE", "le Zimbabwe"),
        ("NLD", "les Pays-Bas"),
        ("IRN", "l'Iran"),
        ("ISR", "Israël"),
        ("CUB", "Cuba"),
        ("GBR", "le Royaume-Uni"),
        ("HUN", "la Hongrie"),
        ("YEM", "le Yémen"),
        ("SSD", "le Soudan du Sud"),
        ("COD", "la République démocratique du Congo"),
        ("XKX", "le Kosovo"),
        ("rus", "la Russie"),
    ],
)
def test_country_name(iso3: str, expected: str) -> None:
    assert country_name(iso3) == expected


@pytest.mark.parametrize("iso3", ["IGO", "XXX", ""])
def test_country_name_unknown(iso3: str) -> None:
    assert country_name(iso3) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Moscou", "RUS"),
        ("Washington", "USA"),
        ("Kiev", "UKR"),
        ("Kyiv", "UKR"),
        ("Pékin", "CHN"),
        ("Paris", "FRA"),
        ("Londres", "GBR"),
        ("Berlin", "DEU"),
        ("Téhéran", "IRN"),
        ("Teheran", "IRN"),
        ("Lyon", None),
        ("Marine Le Pen", None),
        ("", None),
    ],
)
def test_capital_country(name: str, expected: str | None) -> None:
    assert capital_country(name) == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: country_of("la Russie", lang="en"),
        lambda: lookup_place("Paris", lang="en"),
        lambda: country_name("RUS", lang="de"),
        lambda: capital_country("Moscou", lang="xx"),
    ],
)
def test_unsupported_language(call) -> None:
    with pytest.raises(UnsupportedLanguageError):
        call()


def test_city_index_cache_round_trips(tmp_path, monkeypatch):
    """The on-disk copy of the city index is the index itself; a corrupt copy is rebuilt."""
    from lasswell.extract import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = places._city_index()
    path = places._cache_path()
    assert path is not None and path.exists() and path.is_relative_to(tmp_path)
    assert places._city_index() == built
    path.write_bytes(b"not a pickle")
    assert places._city_index() == built
    monkeypatch.setenv("LASSWELL_CACHE", "off")
    assert places._cache_path() is None
