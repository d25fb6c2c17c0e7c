"""Clean: the article's structure by offsets — title, dateline, captions, boilerplate, body.

Nothing is deleted: every zone is a (kind, start, end) range of the original text, and the
extractors read only the title and body zones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lasswell.lang import LanguageData
from lasswell.records import Dateline, Zone

# A first paragraph longer than this is body text, not a headline (French news titles run
# 40-150 characters; the longest in the dev set is 117).
MAX_TITLE_CHARS = 220
# A date/byline line ("AFP, publié le lundi 29 juin 2020 à 23h10", "12 juin 2016 . –") is short.
MAX_BYLINE_CHARS = 90
# Boilerplate footers sit at the end: once a boilerplate paragraph is found in the last part of
# the article (this share of paragraphs), every later paragraph is taken as footer too.
FOOTER_TAIL_SHARE = 0.4

_PARA = re.compile(r"[^\r\n]+")
_MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_DATE = re.compile(r"\b(?P<d>1er|\d{1,2})\s+(?P<m>" + "|".join(_MONTHS) + r")\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_DATELINE = re.compile(
    r"(?P<place>[A-ZÀ-Ý][\w’'.-]*(?:[ -][A-ZÀ-Ýa-zà-ÿ][\w’'.-]*){0,3}?)"
    r"(?:\s*,\s*(?P<when>[^()–—\n]{2,40}?))?"
    r"\s*(?:\((?P<outlet>[^()\n]{2,40})\))?\s*[–—-]{1,2}\s+"
)


@dataclass(frozen=True)
class Structure:
    """The result of :func:`structure`."""

    title: str | None
    dateline: Dateline | None
    zones: tuple[Zone, ...]
    paragraphs: tuple[tuple[int, int], ...]
    published: str | None

    def extractable(self) -> list[tuple[int, int]]:
        """Ranges the extractors read: the title and body zones."""
        return [(z.start, z.end) for z in self.zones if z.kind in ("title", "body")]


# A video player or tracking snippet a scraper left inside a paragraph
# (``window.pvp_3cef… = new Pvp('dmpublic', {…}, {…});``): up to the end of its braces.
_CODE = re.compile(r"\bwindow\.[\w$]+\s*=\s*new\s+\w+\((?:[^;]*?\}\s*\)\s*;?|.*)")


def _without_code(text: str, zone: Zone) -> list[Zone]:
    """A body zone with the script code inside it cut out as boilerplate."""
    if zone.kind != "body":
        return [zone]
    out, at = [], zone.start
    for m in _CODE.finditer(text, zone.start, zone.end):
        if m.start() > at:
            out.append(Zone("body", at, m.start()))
        out.append(Zone("boilerplate", m.start(), m.end()))
        at = m.end()
    if at < zone.end:
        out.append(Zone("body", at, zone.end))
    return out or [zone]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` as (start, end), surrounding whitespace trimmed."""
    out = []
    for m in _PARA.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def parse_french_date(s: str) -> str | None:
    """``12 juin 2016`` → ``2016-06-12`` (first date found), else None."""
    m = _DATE.search(s)
    if not m:
        return None
    day = 1 if m["d"].lower() == "1er" else int(m["d"])
    return f"{int(m['y']):04d}-{_MONTHS[m['m'].lower()]:02d}-{day:02d}"


def _matches(patterns: tuple[re.Pattern[str], ...], s: str) -> bool:
    return any(p.search(s) for p in patterns)


def _compiled(lang: LanguageData, key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in lang.zones.get(key, ()))


def _is_title(text: str, paras: list[tuple[int, int]], title_hint: str | None) -> bool:
    if len(paras) < 2:
        return False
    s, e = paras[0]
    first = text[s:e]
    if title_hint:
        return first.strip() == title_hint.strip()
    return len(first) <= MAX_TITLE_CHARS and not first.rstrip().endswith((".", "…"))


def _dateline(text: str, start: int, end: int) -> Dateline | None:
    m = _DATELINE.match(text, start, end)
    if not m:
        return None
    place, outlet = m["place"], m["outlet"]
    # Without an outlet in parentheses, only an upper-case place ("PARIS -") is a dateline:
    # a sentence may well start "La Russie – ...".
    if not outlet and not (place.isupper() and len(place) > 2):
        return None
    return Dateline(
        start=m.start(),
        end=m.end(),
        text=text[m.start() : m.end()].rstrip(),
        place=place.strip().title() if place.isupper() else place.strip(),
        outlet=outlet.strip() if outlet else None,
    )


def structure(text: str, lang: LanguageData, title_hint: str | None = None) -> Structure:
    """Split ``text`` into zones (title, byline, dateline, caption, boilerplate, body)."""
    paras = paragraphs(text)
    captions, boiler = _compiled(lang, "caption"), _compiled(lang, "boilerplate")
    kinds: list[str] = []
    footer_from = int(len(paras) * (1 - FOOTER_TAIL_SHARE))
    in_footer = False
    for i, (s, e) in enumerate(paras):
        p = text[s:e]
        if i == 0 and _is_title(text, paras, title_hint):
            kinds.append("title")
        elif in_footer or _matches(boiler, p):
            kinds.append("boilerplate")
            in_footer = in_footer or i >= footer_from
        elif _matches(captions, p):
            kinds.append("caption")
        elif len(p) <= MAX_BYLINE_CHARS and parse_french_date(p) and i <= 2:
            kinds.append("byline")
        else:
            kinds.append("body")
    zones, dateline = [], None
    for (s, e), kind in zip(paras, kinds, strict=False):
        if kind == "body" and dateline is None and not any(k == "body" for k in kinds[: len(zones)]):
            dateline = _dateline(text, s, e)
            if dateline:
                zones.append(Zone("dateline", dateline.start, dateline.end))
                s = dateline.end
        zones.append(Zone(kind, s, e))
    zones = [part for z in zones for part in _without_code(text, z)]
    title = text[paras[0][0] : paras[0][1]] if kinds and kinds[0] == "title" else title_hint
    bylines = [text[s:e] for (s, e), k in zip(paras, kinds, strict=True) if k == "byline"]
    published = next((d for d in map(parse_french_date, bylines) if d), None)
    return Structure(title, dateline, tuple(zones), tuple(paras), published)
