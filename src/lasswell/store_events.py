"""Events in the store: an :class:`~lasswell.records.Event` flattened into a row of the ``events``
table (``EVENT_COLUMNS``), and rebuilt from it.

Besides the record's fields a row carries what the corpus queries filter on: the folded names of
actor and recipient (``actor_key``, ``recipient_key``: :func:`actor_key`), the
article's ``published_date``, and ``period_start`` / ``period_end``, the days the event may fall
on — the period of its resolved date value (``2022-01`` is the whole of January), else the
article's publication day. An actor with no field set is read back as no actor (as speakers are).
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from typing import Any

import duckdb

from lasswell.identity import name_key
from lasswell.records import Actor, Event, Place, Span, TimeRef

# The events columns, in table order (a row of ``event_row``).
EVENT_COLUMNS = (
    "article_id",
    "idx",
    "type",
    "status",
    "mode",
    "confidence",
    "trigger_start",
    "trigger_end",
    "trigger_text",
    *(
        f"{who}_{col}"
        for who in ("actor", "recipient")
        for col in ("name", "entity_id", "country", "key", "mention_start", "mention_end", "mention_text")
    ),
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "location_geonames_id",
    "location_mention_start",
    "location_mention_end",
    "location_mention_text",
    "date_start",
    "date_end",
    "date_text",
    "date_value",
    "quote_index",
    "cameo",
    "published_date",
    "period_start",
    "period_end",
)


def actor_key(name: str) -> str:
    """The folded name the actor filter searches: :func:`~lasswell.identity.name_key` with
    hyphens as spaces (``les États-Unis`` → ``etats unis``)."""
    return " ".join(name_key(name).replace("-", " ").split())


def _actor_cols(actor: Actor | None) -> tuple:
    if actor is None:
        return (None,) * 7
    key = actor_key(actor.name) if actor.name else None
    return (actor.name, actor.entity_id, actor.country, key, *_span_cols(actor.mention))


def _place_cols(p: Place | None) -> tuple:
    if p is None:
        return (None,) * 8
    return (p.name, p.country, p.lat, p.lon, p.geonames_id, *_span_cols(p.mention))


def event_row(key: str, i: int, ev: Event, published: str | None) -> tuple:
    """Row of ``events`` (``EVENT_COLUMNS``) for event ``i`` of the article ``key`` published on
    ``published`` (ISO date or None): the event flattened, folded names and filter period."""
    t = ev.date
    first, last = period(t.value if t else None)
    if first is None:
        first, last = period(published)
    return (
        key,
        i,
        ev.type,
        ev.status,
        ev.mode,
        ev.confidence,
        *_span_cols(ev.trigger),
        *_actor_cols(ev.actor),
        *_actor_cols(ev.recipient),
        *_place_cols(ev.location),
        *((t.start, t.end, t.text, t.value) if t else (None,) * 4),
        ev.quote_index,
        ev.cameo,
        published,
        first,
        last,
    )


def period(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day of an ISO date, month or year (``2022-01`` → Jan 1st, Jan 31st);
    ``(None, None)`` when ``value`` is none of these."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", (value or "").strip())
    if not m:
        return None, None
    y, mo, d = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if d:
            return date(y, mo, d), date(y, mo, d)
        if mo:
            return date(y, mo, 1), date(y, mo, monthrange(y, mo)[1])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None, None


def read_events(con: duckdb.DuckDBPyConnection, key: str) -> tuple[Event, ...]:
    """The events of the article stored under ``key``, in article order."""
    cols = [c for c in EVENT_COLUMNS[2:-3] if not c.endswith("_key")]
    rows = con.execute(
        f"SELECT {', '.join(cols)} FROM events WHERE article_id = ? ORDER BY idx", [key]
    ).fetchall()
    return tuple(_event(dict(zip(cols, r, strict=True))) for r in rows)


def _actor(r: dict[str, Any], who: str) -> Actor | None:
    name, eid, country = r[f"{who}_name"], r[f"{who}_entity_id"], r[f"{who}_country"]
    mention = _span(r[f"{who}_mention_start"], r[f"{who}_mention_end"], r[f"{who}_mention_text"])
    if name is None and eid is None and country is None and mention is None:
        return None
    return Actor(name, eid, country, mention)


def _event(r: dict[str, Any]) -> Event:
    """An Event from a row of ``events`` (as a column → value dict)."""
    place = None
    if r["location_name"] is not None:
        mention = _span(r["location_mention_start"], r["location_mention_end"], r["location_mention_text"])
        place = Place(
            r["location_name"],
            r["location_country"],
            r["location_lat"],
            r["location_lon"],
            r["location_geonames_id"],
            mention,
        )
    when = None
    if r["date_start"] is not None:
        when = TimeRef(r["date_start"], r["date_end"], r["date_text"], r["date_value"])
    return Event(
        type=r["type"],
        trigger=Span(r["trigger_start"], r["trigger_end"], r["trigger_text"]),
        status=r["status"],
        mode=r["mode"],
        confidence=r["confidence"],
        actor=_actor(r, "actor"),
        recipient=_actor(r, "recipient"),
        location=place,
        date=when,
        quote_index=r["quote_index"],
        cameo=r["cameo"],
    )


def _span_cols(s: Span | None) -> tuple:
    return (s.start, s.end, s.text) if s else (None, None, None)


def _span(s: Any, e: Any, t: Any) -> Span | None:
    return Span(s, e, t) if s is not None else None
