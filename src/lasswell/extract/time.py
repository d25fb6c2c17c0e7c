"""Time expressions of news text: find them and resolve them to ISO dates (EVENTS.md §2-3).

The words live in ``lang/<code>/time.json``; this module knows the shapes of expressions. A week or
a span gives its month or year; vague or discourse-relative ones ("le même jour") have no value."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lasswell.errors import UnsupportedLanguageError

# An occurred event cannot be later than its anchor: a day-month without year that falls more than this
# after the anchor is last year's. One day covers time zones and late-evening publication.
OCCURRED_FUTURE_SLACK = dt.timedelta(days=1)
# A planned event whose day-month falls this long before the anchor is next year's; a date a few weeks
# back is rather a schedule reported late than one a year away.
PLANNED_PAST_SLACK = dt.timedelta(days=30)
# Datelines and bylines ("PARIS, 22 mars 2021 -", "publié le lundi 22 mars 2021") sit in the article head.
HEAD_CHARS = 500
# A "ce lundi 22 mars" up to this long before the publication is the day the article was written.
ANCHOR_MAX_LAG = dt.timedelta(days=7)

_B, _E = r"(?<!\w)", r"(?!\w)"
_WORD = re.compile(r"\w+")
# A bare month or season is no date ("mai" the verb, "Mars" the planet): it needs a cue, a year or "dernier".
_CUED = r"(?(pre)|(?(y)|(?(ln)|(?!))))"


@dataclass(frozen=True)
class DateMention:
    """A time expression of a text; ``text == source[start:end]``."""

    start: int
    end: int
    text: str


def _fold(text: str) -> str:
    """Lower-case, accent-free, with plain apostrophes, hyphens and spaces: the key of the json tables."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[‐‑–]", "-", text).split())


def _token(ch: str) -> str:
    """Regex of one character of a json phrase: any apostrophe, any spacing, accent optional."""
    special = {"'": "['’]", "’": "['’]", " ": r"\s+", "-": r"\s?[-‐‑]\s?"}
    if ch in special:
        return special[ch]
    base = _fold(ch)
    # "août" also as "aout": news copy often drops accents (above all on capitals).
    return f"[{base}{ch}]" if not ch.isascii() and len(base) == 1 and base != ch else re.escape(ch)


def _alt(words: Any, glue: bool = False, exact: bool = False) -> str:
    """Alternation of phrases as a trie, so that a failing attempt costs one test per letter, not per phrase.

    Greedy optional tails prefer the longest phrase. With ``glue`` each phrase takes the spaces after
    it, except "mi-" and "l'" that stick to the next word (cues before a month or a year)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        tokens = [re.escape(c) if exact else _token(c) for c in word.lower()]
        for token in tokens + ([r"\s+"] if glue and word[-1] not in "-'’" else []):
            node = node.setdefault(token, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    parts = [token + _emit(child) for token, child in node.items() if token]
    body = "(?:" + "|".join(parts) + ")" if len(parts) > 1 else "".join(parts)
    return f"(?:{body})?" if "" in node and parts else body


@cache
def _data(lang: str) -> dict[str, Any]:
    path = resources.files("lasswell.lang").joinpath(lang, "time.json")
    if not re.fullmatch(r"[a-z]{2,3}", lang) or not path.is_file():
        raise UnsupportedLanguageError(f"language {lang!r} is not supported (no time expressions)")
    return json.loads(path.read_text(encoding="utf-8"))


def _shapes(d: dict[str, Any]) -> dict[str, str]:
    """The regex of every kind of expression, in resolution priority order, then of the anchors (_keys)."""
    glued = ("month_prefixes", "year_prefixes", "season_prefixes")
    a = {k: _alt(v, glue=k in glued) for k, v in d.items() if isinstance(v, (list, dict))}
    w, m, ln, part = a["weekdays"], a["months"], _alt(d["last"] + d["next"]), a["day_parts"]
    day, year = rf"(?:{a['first_day']}|[12]\d|3[01]|0?[1-9]){_E}", rf"(?:1[6-9]|20)\d\d{_E}"
    # A bare year is a year only after a cue word, and not when it is an amount ("en 2000 euros").
    byear = rf"(?:19|20)\d\d{_E}(?![ \u00a0\u202f]\d{{3}}{_E})(?!\s*(?:%|€|\$|euros?{_E}|dollars?{_E}))"
    lead = rf"(?:(?P<lead>{a['leads']})\s+)?(?:{a['article']}\s+)?"
    dmy, my = (
        rf"(?P<d2>{day})\s+(?P<m2>{m})(?:\s+(?P<y2>{year}))?",
        rf"(?:\s+(?:(?P<y>{year})|(?P<ln>{ln})))?",
    )
    hour = rf"(?<!\d)(?:[01]?\d|2[0-3])\s?{a['hour_marks']}(?:\s?[0-5]\d)?{_E}"
    hours, suffix = rf"{hour}\s+{a['time_joiners']}\s+{hour}", a["time_suffixes"]
    count = rf"(?:\d{{1,3}}|{a['numbers']}|{a['vague_numbers']})"
    stems = [k[:-3] for k in d["discourse"] if k.endswith(" de")]  # "au lendemain de" + the event
    dated = rf"(?:(?P<w>{w})\s+)?(?P<d>{day})\s+(?P<m>{m})\s+(?P<y>(?:19|20)\d\d){_E}"
    nto = a["night_to"]
    return {
        "not_dates": a["not_dates"] + _E,
        "vague": a["vague"] + _E,
        "discourse": _alt(k for k in d["discourse"] if not k.endswith(" de"))
        + rf"{_E}|{_alt(stems)}\s+(?:d['’](?=\w)|(?:des?|du){_E})",
        "night": rf"{a['night_words']}\s+{a['night_from']}\s+(?:(?P<w1>{w})(?:\s+{day})?(?:\s+{nto}\s+"
        rf"(?P<w2>{w})(?:\s+{dmy})?)?|(?P<d1>{day})\s+{nto}\s+{day}\s+(?P<m1>{m})(?:\s+(?P<y1>{year}))?){_E}",
        "span": rf"{a['span_from']}\s+(?:{w}\s+)?(?P<d1>{day})(?:\s+(?P<m1>{m})(?:\s+(?P<y1>{year}))?)?"
        rf"\s+{a['span_to']}\s+(?:{w}\s+)?{dmy}{_E}",
        # 12/5/20 is a date, 12.5.20 is not
        "numeric": rf"{lead}(?P<d>[12]\d|3[01]|0?[1-9])(?P<sep>[/.])(?P<mo>1[0-2]|0?[1-9])(?P=sep)"
        r"(?P<y>(?:19|20)\d\d|(?<=/)\d\d)(?!\w|[/.]\d)",
        "iso": r"(?P<y>(?:19|20)\d\d)-(?P<mo>1[0-2]|0[1-9])-(?P<d>[12]\d|3[01]|0[1-9])(?!\w|-\d)",
        "weekday": rf"{lead}(?P<w>{w})(?:\s+{part})?(?:\s+(?P<d>{day})(?:\s+(?P<m>{m})"
        rf"(?:\s+(?P<y>{year}))?)?)?(?:\s+(?P<ln>{ln}))?(?:\s+{part})?{_E}",
        "daymonth": rf"{lead}(?P<d>{day})(?:\s*{a['list_joiners']}\s*{day})*\s+(?P<m>{m})"
        rf"(?:\s+(?P<y>{year}))?{_E}",
        "month": rf"(?P<pre>{a['month_prefixes']})?(?P<m>{m}){my}{_E}{_CUED}",
        "season": rf"(?P<pre>{a['season_prefixes']})?(?P<s>{a['seasons']}){my}{_E}{_CUED}",
        "yearrange": rf"(?:{a['year_range_from']}\s+)?(?P<y1>{byear})"
        rf"(?:\s*[-–/]\s*|\s+{a['year_range_to']}\s+)(?P<y2>\d\d{_E}|{byear})",
        "year": rf"(?P<pre>{a['year_prefixes']})(?P<y>{byear})(?:\s*{a['year_list']}\s*{byear})?",
        "relative": rf"(?P<r>{a['relative']})(?:\s+{part})?{_E}",
        "ago": rf"(?P<dir>{a['ago_before']}|{a['ago_after']})\s+(?P<n>{count})\s+(?P<u>{a['units']}){_E}",
        "duration": rf"{a['duration_prefixes']}\s+{count}\s+{a['units']}{_E}",
        "time": rf"(?:{a['time_prefixes']}\s+(?:{hours}|{hour})|{a['time_ranges']}\s+{hours}|{hour}"
        rf"(?=\s+{suffix})|(?<!\d)(?:[01]?\d|2[0-3])\s?h\s?[0-5]\d)(?:\s+{suffix})?{_E}",
        # Byline ("publié le ..."), dateline at a line start ("PARIS, 22 mars 2021 -"), "ce lundi 22 mars".
        "_byline": rf"{a['published']}\s+{a['article']}\s+{dated}",
        "_dateline": rf"(?m:^)[ \t]*(?:[^\W\d][\w'’ .()-]{{0,40}},[ \t]*)?{dated}"
        r"(?=[ \t]*[.,]?[ \t]*(?:[-–—(]|$))",
        "_this": rf"{a['this']}\s+(?:(?P<w>{w})(?:\s+{part})?\s+)?(?P<d>{day})\s+(?P<m>{m})"
        rf"(?:\s+(?P<y>(?:19|20)\d\d))?{_E}",
    }


@dataclass(frozen=True)
class _Grammar:
    """Compiled patterns, the words that open each kind, and the lookup tables of one language."""

    patterns: dict[str, re.Pattern[str]]
    openers: dict[str, tuple[str, ...]]
    gate: re.Pattern[str]
    tables: dict[str, Any]


@cache
def _grammar(lang: str) -> _Grammar:
    d, flags = _data(lang), re.IGNORECASE
    patterns = {k: re.compile(f"{_B}(?:{v})", flags) for k, v in _shapes(d).items()}
    # A kind is tried only at the words that can open it (the first words of its json lists), found by
    # one scan with their accents, so that the verb "a" is not tried as "à", nor "des" as "dès".
    openers: dict[str, list[str]] = {"": d["digit_openers"]}
    for kind, sources in d["openers"].items():
        for source in sources:
            for phrase in d[source]:
                openers.setdefault(_WORD.findall(phrase.lower())[0], []).append(kind)
    gate = re.compile(rf"{_B}(?:\d|{_alt(set(openers) - {''}, exact=True)}{_E})", flags)
    t: dict[str, Any] = {k: {_fold(x): y for x, y in v.items()} for k, v in d.items() if isinstance(v, dict)}
    t["words"] = {
        k: frozenset(map(_fold, d[k])) for k in ("first_day", "last", "next", "this", "until", "ago_before")
    }
    return _Grammar(patterns, {k: tuple(dict.fromkeys(v)) for k, v in openers.items()}, gate, t)


def find_dates(text: str, lang: str = "fr") -> list[DateMention]:
    """All time expressions in `text` (sorted, non-overlapping, longest match wins)."""
    g = _grammar(lang)
    found: dict[tuple[int, int], str] = {}
    for word in g.gate.finditer(text):
        key = word[0].lower()
        for kind in g.openers.get("" if key.isdigit() else key, ()):
            if m := g.patterns[kind].match(text, word.start()):
                found.setdefault(m.span(), kind)
    taken: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
    # Names that contain a weekday ("Journal du dimanche") win over it, then are dropped.
    return [DateMention(s, e, text[s:e]) for s, e in sorted(taken) if found[s, e] != "not_dates"]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 juin, 29 février of a common year
        return None


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _month_shift(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def _weekday_date(weekday: int, anchor: dt.date, planned: bool, lastnext: str | None) -> dt.date:
    """The nearest weekday at/before the anchor if occurred, at/after if planned ("lundi" may be today)."""
    ahead, behind = (weekday - anchor.weekday()) % 7, (anchor.weekday() - weekday) % 7
    if lastnext == "last":
        return anchor - dt.timedelta(days=behind or 7)
    if lastnext == "next" or planned:
        return anchor + dt.timedelta(days=ahead or (7 if lastnext else 0))
    return anchor - dt.timedelta(days=behind)


@dataclass(frozen=True)
class _Ctx:
    """One resolution: the language tables, the anchor and whether the event is planned."""

    g: _Grammar
    anchor: dt.date | None
    planned: bool

    def look(self, table: str, word: str) -> Any:
        return self.g.tables[table][_fold(word)]

    def day(self, word: str) -> int:
        folded = _fold(word)
        return 1 if folded in self.g.tables["words"]["first_day"] else int(folded)

    def lastnext(self, word: str | None) -> str | None:
        words, folded = self.g.tables["words"], _fold(word or "")
        return "last" if folded in words["last"] else "next" if folded in words["next"] else None

    def calendar(self, day: str, month: str, year: str | None, weekday: int | None) -> dt.date | None:
        """Day-month completed with a year that fits the weekday if one is given, then the status."""
        n_day, n_month = self.day(day), self.look("months", month)
        if year or self.anchor is None:
            return _safe(int(year), n_month, n_day) if year else None
        a = self.anchor
        dates = [d for y in (a.year - 1, a.year, a.year + 1) if (d := _safe(y, n_month, n_day))]
        for pool in ([d for d in dates if d.weekday() == weekday], dates):
            if self.planned and (ok := [d for d in pool if d >= a - PLANNED_PAST_SLACK]):
                return min(ok)
            if not self.planned and (ok := [d for d in pool if d <= a + OCCURRED_FUTURE_SLACK]):
                return max(ok)
        return None

    def year_of(self, month: int, lastnext: str | None) -> int:
        """Year of a month named without one: the last such month before the anchor, or the next one."""
        assert self.anchor is not None
        now, year = self.anchor.month, self.anchor.year
        if lastnext == "last":
            return year - (month >= now)
        if lastnext == "next" or self.planned:
            return year + (month <= now if lastnext else month < now)
        return year - (month > now)

    def shift(self, unit: str, n: int) -> str | None:
        """The anchor moved by n units, at the precision of the unit (a week gives its month)."""
        a = self.anchor
        if a is None:
            return None
        if unit in ("day", "night"):
            # A night is dated by its start: the night that just ended began the day before.
            return (a + dt.timedelta(days=n - (unit == "night" and not self.planned))).isoformat()
        if unit == "week":
            return (a + dt.timedelta(days=7 * n)).isoformat()[:7]
        if unit == "month":
            return "{:04d}-{:02d}".format(*_month_shift(a.year, a.month, n))
        return f"{a.year + n:04d}"


def _r_weekday(m: re.Match[str], c: _Ctx) -> str | None:
    weekday = c.look("weekdays", m["w"])
    if m["d"] and m["m"]:
        return _iso(c.calendar(m["d"], m["m"], m["y"], weekday))
    if c.anchor is None:
        return None
    if m["d"]:  # "jeudi 9": the 9th of this month or a neighbour that is a Thursday, nearest first
        months = (_month_shift(c.anchor.year, c.anchor.month, n) for n in (-1, 0, 1))
        dates = [d for y, mo in months if (d := _safe(y, mo, c.day(m["d"]))) and d.weekday() == weekday]
        if dates:  # else the number is no day ("mardi 3 personnes ont été arrêtées")
            return min(dates, key=lambda d: abs(d - c.anchor)).isoformat()  # type: ignore[operator]
    return _weekday_date(weekday, c.anchor, c.planned, c.lastnext(m["ln"])).isoformat()


def _r_night(m: re.Match[str], c: _Ctx) -> str | None:
    """A night span takes its start date (EVENTS.md §3); a past night ended at or before the anchor."""
    if m["d1"]:
        return _iso(c.calendar(m["d1"], m["m1"], m["y1"], None))
    first = c.look("weekdays", m["w1"])
    last = c.look("weekdays", m["w2"]) if m["w2"] else None
    gap = dt.timedelta(days=(last - first) % 7 or 7) if last is not None else dt.timedelta()
    if m["d2"]:
        end = c.calendar(m["d2"], m["m2"], m["y2"], last)
        return _iso(end and end - gap)
    if c.anchor is None:
        return None
    if c.planned or last is None:
        return _weekday_date(first, c.anchor, c.planned, None).isoformat()
    return (_weekday_date(last, c.anchor, False, None) - gap).isoformat()


def _r_span(m: re.Match[str], c: _Ctx) -> str | None:
    """'du 27 novembre au 4 décembre': a span gives its month, or its year across months (EVENTS.md §3)."""
    end = c.calendar(m["d2"], m["m2"], m["y2"], None)
    if end is None:
        return None
    month = c.look("months", m["m1"]) if m["m1"] else end.month
    start = _safe(int(m["y1"]) if m["y1"] else end.year - (month > end.month), month, c.day(m["d1"]))
    if start is None or start > end:
        return None
    if (start.year, start.month) == (end.year, end.month):
        return end.isoformat()[:7]
    return f"{end.year:04d}" if start.year == end.year else None


def _r_numeric(m: re.Match[str], c: _Ctx) -> str | None:
    year = int(m["y"])
    if len(m["y"]) == 2:  # 12/01/22: two-digit years of news are this century's up to 49
        year += 2000 if year < 50 else 1900
    return _iso(_safe(year, int(m["mo"]), int(m["d"])))


def _r_month(m: re.Match[str], c: _Ctx) -> str | None:
    """'en février dernier' gives 2019-02 against 2019-07-23; a season ('cet été') gives its year."""
    season = "s" in m.re.groupindex
    month = c.look("seasons", m["s"]) if season else c.look("months", m["m"])
    if m["y"] or c.anchor is None:
        year = int(m["y"]) if m["y"] else None
    elif season and _fold(m["pre"] or "") in c.g.tables["words"]["this"]:
        year = c.anchor.year
    else:
        year = c.year_of(month, c.lastnext(m["ln"]))
    return None if year is None else f"{year:04d}" if season else f"{year:04d}-{month:02d}"


def _r_ago(m: re.Match[str], c: _Ctx) -> str | None:
    count = int(m["n"]) if m["n"].isdigit() else c.g.tables["numbers"].get(_fold(m["n"]))
    if count is None:  # "il y a quelques semaines"
        return None
    sign = -1 if _fold(m["dir"]) in c.g.tables["words"]["ago_before"] else 1
    return c.shift(c.look("units", m["u"]), sign * count)


_RESOLVERS: dict[str, Callable[[re.Match[str], _Ctx], str | None]] = {
    # Vague, relative to another event of the text, a duration, a period of years: no value.
    **dict.fromkeys(("not_dates", "vague", "discourse", "yearrange", "duration"), lambda m, c: None),
    **{"night": _r_night, "span": _r_span, "numeric": _r_numeric, "iso": _r_numeric, "weekday": _r_weekday},
    **{"month": _r_month, "season": _r_month, "ago": _r_ago, "year": lambda m, c: f"{int(m['y']):04d}"},
    "daymonth": lambda m, c: _iso(c.calendar(m["d"], m["m"], m["y"], None)),
    "relative": lambda m, c: c.shift(*c.look("relative", m["r"])),
    "time": lambda m, c: _iso(c.anchor),  # a clock time alone is on the anchor's day
}


def resolve_date(expr: str, anchor: dt.date | None, status: str = "occurred", lang: str = "fr") -> str | None:
    """ISO value of one time expression: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; None if it cannot be resolved.

    `anchor` is the reference date (publication date or an explicit date found in the article);
    status 'occurred' -> a bare weekday is the one in the past (in the week of the anchor, at or before it),
    'planned' -> the coming one (at or after the anchor)."""
    g, expr = _grammar(lang), expr.strip()
    ctx = _Ctx(g, anchor, status == "planned")
    for kind, pattern in g.patterns.items():
        if kind[0] != "_" and (m := pattern.fullmatch(expr)):
            value = _RESOLVERS[kind](m, ctx)
            # "jusqu'à mardi 14": an open span up to a day gives the month (EVENTS.md §3).
            cue = _fold(m.groupdict().get("lead") or m.groupdict().get("pre") or "")
            until = cue in g.tables["words"]["until"] or g.tables["month_prefixes"].get(cue) == "until"
            return value[:7] if value and until else value
    # An expression cut by someone else ("le soir de la fusillade"): resolve its longest time expression.
    inner = max(find_dates(expr, lang), key=lambda x: x.end - x.start, default=None)
    return resolve_date(inner.text, anchor, status, lang) if inner and inner.text != expr else None


def explicit_anchor(text: str, published: dt.date | None, lang: str = "fr") -> dt.date | None:
    """An explicit full date stated in the article text (e.g. dateline 'PARIS, 22 mars 2021',
    'ce lundi 22 mars' completed with the published year) that should anchor relative expressions
    before `published` (EVENTS.md §3); falls back to `published`."""
    g = _grammar(lang)
    ctx = _Ctx(g, published, False)
    head = [m for k in ("_byline", "_dateline") for m in g.patterns[k].finditer(text, 0, HEAD_CHARS)]
    for m in sorted(head, key=re.Match.start):
        if found := ctx.calendar(m["d"], m["m"], m["y"], None):
            return found
    # "ce lundi 22 mars" is the writer's today, unless it is after the publication ("ce samedi" to come).
    for m in g.patterns["_this"].finditer(text):
        found = ctx.calendar(m["d"], m["m"], m["y"], ctx.look("weekdays", m["w"]) if m["w"] else None)
        if found and (published is None or dt.timedelta(0) <= published - found <= ANCHOR_MAX_LAG):
            return found
    return published
