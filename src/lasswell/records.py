"""The records: frozen dataclasses of plain types, the one boundary of the package.

Everything the pipeline returns is built from these, never from live spaCy objects. Every
offset is a character offset into ``Article.text`` (end exclusive). ``to_dict`` /
``from_dict`` are the JSON schema (documented in the README); a round trip is lossless.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = 2  # 2: events


@dataclass(frozen=True)
class Span:
    """A piece of the article text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Zone:
    """A region of the article: title, dateline, body, caption, boilerplate."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Dateline:
    """``Moscou (CNSNews.com) –``: where the story was filed and by which outlet."""

    start: int
    end: int
    text: str
    place: str | None
    outlet: str | None


@dataclass(frozen=True)
class Entity:
    """One referent of the article with all its mentions."""

    id: str
    name: str
    type: str
    roles: tuple[str, ...] = ()
    gender: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Speaker:
    """Who a quote is attributed to: a resolved name and where the text names them."""

    name: str | None
    entity_id: str | None = None
    mention: Span | None = None


@dataclass(frozen=True)
class Quote:
    """A reported statement, with its cue, speaker and addressee."""

    start: int
    end: int
    text: str
    kind: str
    confidence: float
    cue: Span | None = None
    speaker: Speaker | None = None
    addressee: Span | None = None


@dataclass(frozen=True)
class Actor:
    """Who acts in an event, or is acted upon: resolved like a speaker, plus a country."""

    name: str | None
    entity_id: str | None = None
    country: str | None = None
    mention: Span | None = None


@dataclass(frozen=True)
class Place:
    """Where an event took place: the gazetteer entry the mention resolved to."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    mention: Span | None = None


@dataclass(frozen=True)
class TimeRef:
    """A time expression and its ISO value (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), if resolvable."""

    start: int
    end: int
    text: str
    value: str | None = None


@dataclass(frozen=True)
class Event:
    """A PLOVER event: who did what to whom, where and when (see EVENTS.md in the gold set)."""

    type: str
    trigger: Span
    status: str = "occurred"
    mode: str | None = None
    confidence: float = 0.5
    actor: Actor | None = None
    recipient: Actor | None = None
    location: Place | None = None
    date: TimeRef | None = None
    quote_index: int | None = None
    cameo: str | None = None


@dataclass(frozen=True)
class Article:
    """The analysis of one article. ``error`` is set (and the rest empty) when it failed."""

    text: str
    lang: str | None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    id: str | None = None
    dateline: Dateline | None = None
    zones: tuple[Zone, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record (the output contract)."""
        out = asdict(self)
        out["schema_version"] = SCHEMA_VERSION
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild an Article from :meth:`to_dict` output."""
        return cls(
            text=d["text"],
            lang=d.get("lang"),
            title=d.get("title"),
            published=d.get("published"),
            source=d.get("source"),
            id=d.get("id"),
            dateline=Dateline(**d["dateline"]) if d.get("dateline") else None,
            zones=tuple(Zone(**z) for z in d.get("zones", ())),
            entities=tuple(_entity(e) for e in d.get("entities", ())),
            quotes=tuple(_quote(q) for q in d.get("quotes", ())),
            events=tuple(_event(e) for e in d.get("events", ())),
            meta=dict(d.get("meta") or {}),
            error=d.get("error"),
        )


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(d["start"], d["end"], d["text"]) if d else None


def _entity(d: dict[str, Any]) -> Entity:
    return Entity(
        id=d["id"],
        name=d["name"],
        type=d["type"],
        roles=tuple(d.get("roles", ())),
        gender=d.get("gender"),
        mentions=tuple(Span(**m) for m in d.get("mentions", ())),
    )


def _quote(d: dict[str, Any]) -> Quote:
    sp = d.get("speaker")
    speaker = (
        Speaker(name=sp.get("name"), entity_id=sp.get("entity_id"), mention=_span(sp.get("mention")))
        if sp
        else None
    )
    return Quote(
        start=d["start"],
        end=d["end"],
        text=d["text"],
        kind=d["kind"],
        confidence=d["confidence"],
        cue=_span(d.get("cue")),
        speaker=speaker,
        addressee=_span(d.get("addressee")),
    )


def _actor(d: dict[str, Any] | None) -> Actor | None:
    if not d:
        return None
    return Actor(d.get("name"), d.get("entity_id"), d.get("country"), _span(d.get("mention")))


def _place(d: dict[str, Any] | None) -> Place | None:
    if not d:
        return None
    return Place(
        name=d["name"],
        country=d.get("country"),
        lat=d.get("lat"),
        lon=d.get("lon"),
        geonames_id=d.get("geonames_id"),
        mention=_span(d.get("mention")),
    )


def _event(d: dict[str, Any]) -> Event:
    return Event(
        type=d["type"],
        trigger=Span(**d["trigger"]),
        status=d.get("status", "occurred"),
        mode=d.get("mode"),
        confidence=d.get("confidence", 0.5),
        actor=_actor(d.get("actor")),
        recipient=_actor(d.get("recipient")),
        location=_place(d.get("location")),
        date=TimeRef(**d["date"]) if d.get("date") else None,
        quote_index=d.get("quote_index"),
        cameo=d.get("cameo"),
    )
