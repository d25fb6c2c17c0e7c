"""Store: a corpus in one DuckDB file — explicit schema, versioned migrations, one writer.

Tables (see ``MIGRATIONS``): ``articles``, ``zones``, ``entities``, ``mentions``, ``quotes``,
``quote_terms`` (the full-text index over quotes), ``speakers`` and ``speaker_names`` (speaker
identity across articles, with the audit of what was merged), ``errors``, and (version 2)
``events``. Rows are the records of :mod:`lasswell.records`, flattened; :func:`read_article`
rebuilds an Article (an actor with no field set is no actor, as for speakers).

An article's key is a hash of its normalised text and its source record id, so re-ingesting
the same input changes nothing; every batch is written in one transaction, so a killed
ingest leaves whole articles or none.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from lasswell.errors import LasswellError
from lasswell.records import Article, Dateline, Entity, Quote, Span, Speaker, Zone
from lasswell.store_events import EVENT_COLUMNS, event_row, period, read_events

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE articles (
            article_id VARCHAR PRIMARY KEY, record_id VARCHAR, source VARCHAR, title VARCHAR,
            published VARCHAR, published_date DATE, lang VARCHAR, text VARCHAR,
            dateline_start INTEGER, dateline_end INTEGER, dateline_text VARCHAR,
            dateline_place VARCHAR, dateline_outlet VARCHAR, meta JSON,
            ingested_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE zones (article_id VARCHAR, idx INTEGER, kind VARCHAR,
            start_char INTEGER, end_char INTEGER, PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE entities (article_id VARCHAR, idx INTEGER, entity_id VARCHAR, name VARCHAR,
            type VARCHAR, gender VARCHAR, roles VARCHAR[], PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE mentions (article_id VARCHAR, entity_id VARCHAR, idx INTEGER,
            start_char INTEGER, end_char INTEGER, text VARCHAR,
            PRIMARY KEY (article_id, entity_id, idx))""",
        """CREATE TABLE quotes (article_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER,
            text VARCHAR, kind VARCHAR, confidence DOUBLE,
            cue_start INTEGER, cue_end INTEGER, cue_text VARCHAR,
            speaker_name VARCHAR, speaker_entity_id VARCHAR, speaker_type VARCHAR, speaker_key VARCHAR,
            mention_start INTEGER, mention_end INTEGER, mention_text VARCHAR,
            addressee_start INTEGER, addressee_end INTEGER, addressee_text VARCHAR,
            PRIMARY KEY (article_id, idx))""",
        "CREATE TABLE quote_terms (term VARCHAR, article_id VARCHAR, idx INTEGER)",
        """CREATE TABLE speakers (speaker_id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR,
            variants VARCHAR[], quotes INTEGER, articles INTEGER, first_date DATE, last_date DATE)""",
        """CREATE TABLE speaker_names (speaker_key VARCHAR, speaker_type VARCHAR, name VARCHAR,
            speaker_id VARCHAR, reason VARCHAR)""",
        """CREATE TABLE errors (error_id VARCHAR PRIMARY KEY, source VARCHAR, reason VARCHAR,
            failed_at TIMESTAMP DEFAULT current_timestamp)""",
    ],
    # 2: PLOVER events. actor_key / recipient_key are the folded names (store_events.actor_key) the
    # actor filter searches; period_start / period_end are the days the event may fall on: the
    # period of its date value (2022-01 → January), else the article's publication day.
    2: [
        """CREATE TABLE events (article_id VARCHAR, idx INTEGER, type VARCHAR, status VARCHAR,
            mode VARCHAR, confidence DOUBLE, trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
            actor_name VARCHAR, actor_entity_id VARCHAR, actor_country VARCHAR, actor_key VARCHAR,
            actor_mention_start INTEGER, actor_mention_end INTEGER, actor_mention_text VARCHAR,
            recipient_name VARCHAR, recipient_entity_id VARCHAR, recipient_country VARCHAR,
            recipient_key VARCHAR, recipient_mention_start INTEGER, recipient_mention_end INTEGER,
            recipient_mention_text VARCHAR,
            location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
            location_geonames_id BIGINT, location_mention_start INTEGER, location_mention_end INTEGER,
            location_mention_text VARCHAR,
            date_start INTEGER, date_end INTEGER, date_text VARCHAR, date_value VARCHAR,
            quote_index INTEGER, cameo VARCHAR, published_date DATE, period_start DATE, period_end DATE,
            PRIMARY KEY (article_id, idx))""",
    ],
}
SCHEMA_VERSION = max(MIGRATIONS)
# Record types exported one Parquet file each (lasswell export), in this order.
TABLES = (
    "articles",
    "zones",
    "entities",
    "mentions",
    "quotes",
    "events",
    "speakers",
    "speaker_names",
    "errors",
)
_SPACE = re.compile(r"\s+")
_TERM = re.compile(r"[^\W_]{2,}", re.UNICODE)


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating and migrating if needed) the corpus database at ``path``."""
    if read_only and not Path(path).exists():
        raise LasswellError(f"no corpus database at {path} (create it with `lasswell ingest`)")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise LasswellError(f"cannot open {path}: {exc}") from exc
    if read_only:
        found = schema_version(con)
        if found != SCHEMA_VERSION:
            con.close()
            hint = (
                f" (`lasswell ingest … --db {path}` migrates it in place)" if found < SCHEMA_VERSION else ""
            )
            raise LasswellError(f"{path} has schema {found}, this lasswell needs {SCHEMA_VERSION}{hint}")
    else:
        migrate(con)
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the database (0 for an empty one)."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not found:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Apply the migrations the database has not seen, each in its own transaction."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
    current = schema_version(con)
    for version in sorted(v for v in MIGRATIONS if v > current):
        con.begin()
        for ddl in MIGRATIONS[version]:
            con.execute(ddl)
        con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
        con.commit()


def normalise(text: str) -> str:
    """The text an article's identity is computed from: NFC, whitespace runs collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_key(text: str, record_id: str | None) -> str:
    """Stable article id: hash of the normalised text and the source record id."""
    h = hashlib.sha256(normalise(text).encode("utf-8"))
    h.update(b"\x00" + (record_id or "").encode("utf-8"))
    return h.hexdigest()[:24]


def error_key(source: str, reason: str) -> str:
    """Stable id of an error row (the same failure twice is one row)."""
    return hashlib.sha256(f"{source}\x00{reason}".encode()).hexdigest()[:24]


def terms(text: str) -> list[str]:
    """Search terms of a text: lower-cased, accent-folded words of two letters or more."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return list(dict.fromkeys(_TERM.findall(folded)))


def existing(con: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> set[str]:
    """Which of ``keys`` are already stored articles."""
    if not keys:
        return set()
    rows = con.execute("SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [list(keys)])
    return {r[0] for r in rows.fetchall()}


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert many rows at once, column-wise (one UNNEST per column: fast in DuckDB)."""
    if not rows:
        return
    cols = list(zip(*rows, strict=True))
    select = ", ".join(f"unnest(${i + 1}) AS {c}" for i, c in enumerate(columns))
    con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}", [list(c) for c in cols])


def insert_terms(con: duckdb.DuckDBPyConnection, quotes: Iterable[tuple[str, int, str]]) -> None:
    """Index (article_id, idx, text) quotes for search (used where quotes come from Parquet)."""
    _insert(
        con,
        "quote_terms",
        ["term", "article_id", "idx"],
        [(t, a, i) for a, i, text in quotes for t in terms(text)],
    )


def write_batch(
    con: duckdb.DuckDBPyConnection,
    articles: Iterable[tuple[str, Article]],
    errors: Iterable[tuple[str, str]] = (),
) -> int:
    """Write analysed articles (keyed) and errors (source, reason) in one transaction.

    Articles already stored are left as they are; returns how many were written.
    """
    from lasswell.identity import name_key

    articles = list(articles)
    con.begin()
    try:
        fresh = [(k, a) for k, a in articles if k not in existing(con, [k for k, _ in articles])]
        rows = _rows(fresh, name_key)
        for table, (columns, values) in rows.items():
            _insert(con, table, columns, values)
        errs = [(error_key(s, r), s, r) for s, r in errors]
        if errs:
            con.execute(
                "INSERT INTO errors (error_id, source, reason) SELECT unnest($1), unnest($2), unnest($3) "
                "ON CONFLICT DO NOTHING",
                [list(c) for c in zip(*errs, strict=True)],
            )
        con.commit()
    except Exception:
        con.rollback()
        raise
    return len(fresh)


def _span_cols(s: Span | None) -> tuple:
    return (s.start, s.end, s.text) if s else (None, None, None)


def _rows(fresh: list[tuple[str, Article]], name_key) -> dict[str, tuple[list[str], list[tuple]]]:
    out: dict[str, tuple[list[str], list[tuple]]] = {
        "articles": (
            [
                "article_id",
                "record_id",
                "source",
                "title",
                "published",
                "published_date",
                "lang",
                "text",
                "dateline_start",
                "dateline_end",
                "dateline_text",
                "dateline_place",
                "dateline_outlet",
                "meta",
            ],
            [],
        ),
        "zones": (["article_id", "idx", "kind", "start_char", "end_char"], []),
        "entities": (["article_id", "idx", "entity_id", "name", "type", "gender", "roles"], []),
        "mentions": (["article_id", "entity_id", "idx", "start_char", "end_char", "text"], []),
        "quotes": (
            [
                "article_id",
                "idx",
                "start_char",
                "end_char",
                "text",
                "kind",
                "confidence",
                "cue_start",
                "cue_end",
                "cue_text",
                "speaker_name",
                "speaker_entity_id",
                "speaker_type",
                "speaker_key",
                "mention_start",
                "mention_end",
                "mention_text",
                "addressee_start",
                "addressee_end",
                "addressee_text",
            ],
            [],
        ),
        "quote_terms": (["term", "article_id", "idx"], []),
        "events": (list(EVENT_COLUMNS), []),
    }
    for key, a in fresh:
        d = a.dateline
        published = _date(a.published)
        out["events"][1].extend(event_row(key, i, ev, published) for i, ev in enumerate(a.events))
        out["articles"][1].append(
            (
                key,
                a.id,
                a.source,
                a.title,
                a.published,
                published,
                a.lang,
                a.text,
                d.start if d else None,
                d.end if d else None,
                d.text if d else None,
                d.place if d else None,
                d.outlet if d else None,
                json.dumps(a.meta, ensure_ascii=False),
            )
        )
        out["zones"][1].extend((key, i, z.kind, z.start, z.end) for i, z in enumerate(a.zones))
        types = {e.id: e.type for e in a.entities}
        for i, e in enumerate(a.entities):
            out["entities"][1].append((key, i, e.id, e.name, e.type, e.gender, list(e.roles)))
            out["mentions"][1].extend(
                (key, e.id, j, m.start, m.end, m.text) for j, m in enumerate(e.mentions)
            )
        for i, q in enumerate(a.quotes):
            sp = q.speaker
            name = sp.name if sp else None
            stype = types.get(sp.entity_id) if sp and sp.entity_id else None
            out["quotes"][1].append(
                (
                    key,
                    i,
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    q.confidence,
                    *_span_cols(q.cue),
                    name,
                    sp.entity_id if sp else None,
                    stype,
                    name_key(name) if name else None,
                    *_span_cols(sp.mention if sp else None),
                    *_span_cols(q.addressee),
                )
            )
            out["quote_terms"][1].extend((t, key, i) for t in terms(q.text))
    return out


def _date(published: str | None) -> str | None:
    """``published`` as an ISO date when it starts with one (for date filters), else None."""
    if published and re.match(r"^\d{4}-\d{2}-\d{2}", published) and period(published[:10])[0]:
        return published[:10]
    return None


def read_article(con: duckdb.DuckDBPyConnection, key: str) -> Article | None:
    """Rebuild the Article stored under ``key`` (None if absent)."""
    row = con.execute(
        "SELECT record_id, source, title, published, lang, text, dateline_start, dateline_end, "
        "dateline_text, dateline_place, dateline_outlet, meta FROM articles WHERE article_id = ?",
        [key],
    ).fetchone()
    if row is None:
        return None
    rid, source, title, published, lang, text, ds, de, dt, dp, do, meta = row
    zones = tuple(
        Zone(*r)
        for r in con.execute(
            "SELECT kind, start_char, end_char FROM zones WHERE article_id = ? ORDER BY idx", [key]
        ).fetchall()
    )
    mentions: dict[str, list[Span]] = {}
    for eid, s, e, t in con.execute(
        "SELECT entity_id, start_char, end_char, text FROM mentions WHERE article_id = ? "
        "ORDER BY entity_id, idx",
        [key],
    ).fetchall():
        mentions.setdefault(eid, []).append(Span(s, e, t))
    entities = tuple(
        Entity(eid, name, typ, tuple(roles or ()), gender, tuple(mentions.get(eid, ())))
        for eid, name, typ, gender, roles in con.execute(
            "SELECT entity_id, name, type, gender, roles FROM entities WHERE article_id = ? ORDER BY idx",
            [key],
        ).fetchall()
    )
    quotes = tuple(
        _quote(r)
        for r in con.execute(
            "SELECT start_char, end_char, text, kind, confidence, cue_start, cue_end, cue_text, "
            "speaker_name, speaker_entity_id, mention_start, mention_end, mention_text, addressee_start, "
            "addressee_end, addressee_text FROM quotes WHERE article_id = ? ORDER BY idx",
            [key],
        ).fetchall()
    )
    dateline = Dateline(ds, de, dt, dp, do) if ds is not None else None
    return Article(
        text=text,
        lang=lang,
        title=title,
        published=published,
        source=source,
        id=rid,
        dateline=dateline,
        zones=zones,
        entities=entities,
        quotes=quotes,
        events=read_events(con, key),
        meta=json.loads(meta) if meta else {},
    )


def _span(s: Any, e: Any, t: Any) -> Span | None:
    return Span(s, e, t) if s is not None else None


def _quote(r: tuple) -> Quote:
    (s, e, text, kind, conf, cs, ce, ct, name, eid, ms, me, mt, as_, ae, at) = r
    mention = _span(ms, me, mt)
    speaker = Speaker(name, eid, mention) if (name is not None or eid is not None or mention) else None
    return Quote(s, e, text, kind, conf, _span(cs, ce, ct), speaker, _span(as_, ae, at))
