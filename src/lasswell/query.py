"""Queries over the corpus store: top speakers, merges, quote and event search, Parquet export."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from lasswell import store
from lasswell.errors import LasswellError
from lasswell.identity import name_key
from lasswell.store_events import actor_key

# Hard caps on what one query may return (a UI or script asks for pages, not the corpus).
MAX_LIMIT = 10_000
# The 16 PLOVER event types (EVENT types of the records; see EVENTS.md of the gold set).
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True)
class QuoteFilter:
    """What ``lasswell quotes`` asks for."""

    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    kind: str | None = None
    limit: int = 50
    offset: int = 0


def top_speakers(con: duckdb.DuckDBPyConnection, top: int = 20) -> list[dict[str, Any]]:
    """Speakers by number of quotes: id, name, type, quotes, articles, first and last date."""
    rows = con.execute(
        "SELECT speaker_id, name, type, quotes, articles, first_date, last_date, variants FROM speakers "
        "ORDER BY quotes DESC, name LIMIT ?",
        [min(top, MAX_LIMIT)],
    ).fetchall()
    cols = ("speaker_id", "name", "type", "quotes", "articles", "first_date", "last_date", "variants")
    return [dict(zip(cols, r, strict=True)) for r in rows]


def merges(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every name that was merged into a speaker with another name, and why."""
    rows = con.execute(
        """SELECT s.name, n.name, n.speaker_type, n.reason FROM speaker_names n
        JOIN speakers s USING (speaker_id)
        WHERE speaker_id IN (SELECT speaker_id FROM speaker_names GROUP BY speaker_id HAVING count(*) > 1)
           OR n.reason LIKE 'ambiguous%'
        ORDER BY s.name, n.name"""
    ).fetchall()
    return [dict(zip(("speaker", "variant", "type", "reason"), r, strict=True)) for r in rows]


def quotes(con: duckdb.DuckDBPyConnection, f: QuoteFilter) -> list[dict[str, Any]]:
    """Quotes matching the filter, newest first."""
    where, params = ["TRUE"], []
    if f.speaker:
        where.append(
            "n.speaker_id IN (SELECT speaker_id FROM speaker_names WHERE speaker_key = ? "
            "OR speaker_key LIKE ? OR speaker_id = ?)"
        )
        key = name_key(f.speaker)
        params += [key, f"% {key}", f.speaker]
    if f.since:
        where.append("a.published_date >= CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        where.append("a.published_date <= CAST(? AS DATE)")
        params.append(f.until)
    if f.kind:
        where.append("q.kind = ?")
        params.append(f.kind)
    if f.search:
        words = store.terms(f.search)
        if words:
            where.append(
                "(q.article_id, q.idx) IN (SELECT article_id, idx FROM quote_terms WHERE term IN "
                "(SELECT unnest(?)) GROUP BY article_id, idx HAVING count(DISTINCT term) = ?)"
            )
            params += [words, len(words)]
    params += [min(max(f.limit, 0), MAX_LIMIT), max(f.offset, 0)]
    rows = con.execute(
        f"""SELECT q.article_id, q.idx, a.published, a.title, coalesce(s.name, q.speaker_name), n.speaker_id,
               q.kind, q.text, q.cue_text, q.confidence, a.source
        FROM quotes q JOIN articles a USING (article_id)
        LEFT JOIN speaker_names n ON n.speaker_key = q.speaker_key
             AND n.speaker_type = coalesce(q.speaker_type, 'OTHER')
        LEFT JOIN speakers s ON s.speaker_id = n.speaker_id
        WHERE {" AND ".join(where)}
        ORDER BY a.published_date DESC NULLS LAST, q.article_id, q.idx LIMIT ? OFFSET ?""",
        params,
    ).fetchall()
    cols = (
        "article_id",
        "idx",
        "published",
        "title",
        "speaker",
        "speaker_id",
        "kind",
        "text",
        "cue",
        "confidence",
        "source",
    )
    return [dict(zip(cols, r, strict=True)) for r in rows]


def event_type(value: str) -> str:
    """``value`` as a PLOVER type (any case); a LasswellError listing the types otherwise."""
    up = value.strip().upper()
    if up not in PLOVER_TYPES:
        raise LasswellError(f"unknown event type {value!r}: use one of {', '.join(PLOVER_TYPES)}")
    return up


def day_bounds(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """The first day of ``since`` and the last day of ``until`` (each ``YYYY-MM-DD``, ``YYYY-MM``
    or ``YYYY``: ``until=2022-01`` is up to January 31st); a LasswellError for anything else."""
    out = []
    for value, end in ((since, 0), (until, 1)):
        if value is None or value == "":
            out.append(None)
            continue
        bounds = store.period(value)
        if bounds[0] is None:
            raise LasswellError(f"bad date {value!r}: use YYYY-MM-DD, YYYY-MM or YYYY")
        out.append(bounds[end])
    return out[0], out[1]


def _actor_clause(con: duckdb.DuckDBPyConnection, actor: str) -> tuple[str, list[Any]]:
    """SQL condition on the actor: a country code if some actor has it, else a name substring."""
    text = actor.strip()
    if _COUNTRY.match(text):
        code = text.upper()
        if con.execute("SELECT 1 FROM events WHERE upper(actor_country) = ? LIMIT 1", [code]).fetchone():
            return "upper(e.actor_country) = ?", [code]
    key = actor_key(text)
    return ("contains(e.actor_key, ?)", [key]) if key else ("FALSE", [])


EVENT_FIELDS = (
    "article_id",
    "idx",
    "date",
    "date_text",
    "type",
    "status",
    "mode",
    "confidence",
    "actor",
    "actor_country",
    "recipient",
    "recipient_country",
    "location",
    "location_country",
    "trigger",
    "quote_index",
    "cameo",
    "title",
    "published",
    "source",
)


def events(
    con: duckdb.DuckDBPyConnection,
    actor: str | None = None,
    type: str | None = None,  # the name of the CLI option (shadows the builtin here only)
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events matching the filters (``EVENT_FIELDS``), newest first.

    ``actor``: three letters are an ISO 3166 alpha-3 code (any case) matched exactly on the
    actor's country, when some actor of the corpus has that country; anything else is a case-
    and accent-insensitive substring of the actor's name (``russie`` finds *la Russie*, ``etats
    unis`` *les États-Unis*).
    ``type``: a PLOVER type (``PLOVER_TYPES``, any case). ``since`` / ``until``
    (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) compare the event's own date value when it has
    one — a month or a year value matches when that period overlaps the range — else the
    article's publication date; events with neither are left out by a date filter. Raises
    LasswellError on an unknown type or a bad date.
    """
    first, last = day_bounds(since, until)
    where, params = ["TRUE"], []
    if actor and actor.strip():
        clause, args = _actor_clause(con, actor)
        where.append(clause)
        params += args
    if type:
        where.append("e.type = ?")
        params.append(event_type(type))
    if first:
        where.append("e.period_end >= ?")
        params.append(first)
    if last:
        where.append("e.period_start <= ?")
        params.append(last)
    params += [min(max(limit, 0), MAX_LIMIT), max(offset, 0)]
    rows = con.execute(
        f"""SELECT e.article_id, e.idx, coalesce(e.date_value, CAST(e.published_date AS VARCHAR)),
               e.date_text, e.type, e.status, e.mode, e.confidence, e.actor_name, e.actor_country,
               e.recipient_name, e.recipient_country, e.location_name, e.location_country,
               e.trigger_text, e.quote_index, e.cameo, a.title, a.published, a.source
        FROM events e JOIN articles a USING (article_id)
        WHERE {" AND ".join(where)}
        ORDER BY e.period_start DESC NULLS LAST, e.article_id, e.idx LIMIT ? OFFSET ?""",
        params,
    ).fetchall()
    return [dict(zip(EVENT_FIELDS, r, strict=True)) for r in rows]


def export_parquet(con: duckdb.DuckDBPyConnection, out: str | Path) -> list[Path]:
    """One Parquet file per record type (``store.TABLES``) in the folder ``out``."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in store.TABLES:
        path = folder / f"{table}.parquet"
        con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(path)}' (FORMAT PARQUET)")
        written.append(path)
    return written


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def figures(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Corpus counts for the home page."""
    out = {}
    for table in ("articles", "quotes", "events", "speakers", "errors"):
        out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out


def latest_articles(con: duckdb.DuckDBPyConnection, limit: int = 20) -> list[dict[str, Any]]:
    """The most recently published (then most recently ingested) articles."""
    rows = con.execute(
        "SELECT a.article_id, a.title, a.published, a.source, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) FROM articles a "
        "ORDER BY a.published_date DESC NULLS LAST, a.ingested_at DESC, a.article_id LIMIT ?",
        [min(limit, MAX_LIMIT)],
    ).fetchall()
    return [dict(zip(("article_id", "title", "published", "source", "quotes"), r, strict=True)) for r in rows]


def speaker(con: duckdb.DuckDBPyConnection, speaker_id: str) -> dict[str, Any] | None:
    """One speaker's identity: name, type, variants, counts, dates, and the names merged."""
    row = con.execute(
        "SELECT speaker_id, name, type, variants, quotes, articles, first_date, last_date FROM speakers "
        "WHERE speaker_id = ?",
        [speaker_id],
    ).fetchone()
    if row is None:
        return None
    cols = ("speaker_id", "name", "type", "variants", "quotes", "articles", "first_date", "last_date")
    out = dict(zip(cols, row, strict=True))
    out["merged"] = [
        dict(zip(("variant", "reason"), r, strict=True))
        for r in con.execute(
            "SELECT name, reason FROM speaker_names WHERE speaker_id = ? ORDER BY name", [speaker_id]
        ).fetchall()
    ]
    return out


def speaker_keys(con: duckdb.DuckDBPyConnection, article_id: str) -> list[tuple[str | None, str | None]]:
    """(speaker id, speaker name) of each quote of an article, in quote order."""
    return con.execute(
        """SELECT n.speaker_id, coalesce(s.name, q.speaker_name) FROM quotes q
        LEFT JOIN speaker_names n ON n.speaker_key = q.speaker_key
             AND n.speaker_type = coalesce(q.speaker_type, 'OTHER')
        LEFT JOIN speakers s ON s.speaker_id = n.speaker_id
        WHERE q.article_id = ? ORDER BY q.idx""",
        [article_id],
    ).fetchall()


def open_parquet(folder: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory corpus database over Parquet files — ``lasswell export`` output
    (``<table>.parquet``) or the Ray engine's (``<table>/*.parquet``) —, with the search index
    and the corpus-wide speaker identity computed on load."""
    from lasswell import identity

    folder = Path(folder)
    con = store.connect(":memory:")
    found = False
    for table in store.TABLES:
        if table in ("speakers", "speaker_names"):
            continue
        files = (
            [folder / f"{table}.parquet"]
            if (folder / f"{table}.parquet").exists()
            else sorted((folder / table).glob("*.parquet"))
        )
        if not files:
            continue
        found = True
        paths = [str(f) for f in files]
        con.execute(f"INSERT INTO {table} SELECT * FROM read_parquet(?)", [paths])
    if not found:
        raise LasswellError(f"no corpus Parquet files under {folder}")
    rows = con.execute("SELECT article_id, idx, text FROM quotes").fetchall()
    store.insert_terms(con, rows)
    identity.refresh(con)
    return con
