"""Ingest: bytes from files, stdin or records in; decoded articles (RawArticle) out.

One reader per format (plain text, HTML, JSON, JSONL). A source that cannot be read yields
an :class:`InputFailure` instead of raising, so one broken article never stops a batch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lasswell.errors import InputError

# spaCy's own default limit on one document (nlp.max_length). Longer inputs are refused with a
# clear message: at the parser's ~10k words/s here, a 1M-character article already takes ~20 s.
MAX_CHARS = 1_000_000
# Share of control characters (other than whitespace) above which bytes are taken as binary.
BINARY_CONTROL_SHARE = 0.02
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
WARC_SUFFIXES = (".warc", ".warc.gz")
# Parquet record files (text, or title + article, as JSON records) are read when named or
# globbed, not picked up by a folder walk (a folder may hold `lasswell export` output).
PARQUET_SUFFIXES = frozenset({".parquet"})
# Files a directory walk picks up (other files in a corpus folder are not articles).
ARTICLE_SUFFIXES = frozenset({".txt", ".text"}) | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class RawArticle:
    """A decoded article before analysis."""

    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InputFailure:
    """A source that could not be read, and why."""

    source: str
    reason: str


def decode_bytes(data: bytes, max_chars: int = MAX_CHARS) -> str:
    """Decode article bytes: BOM, UTF-8, else the detected encoding. Raises InputError."""
    if not data.strip():
        raise InputError("empty input")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif b"\x00" in data[:4096]:
        raise InputError("binary input (NUL bytes): not a text article")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _detect_decode(data)
    _check_text(text, max_chars)
    return text


def _detect_decode(data: bytes) -> str:
    """Non-UTF-8 bytes: Windows-1252 first (what French news that is not UTF-8 almost always is;
    detectors misread short Latin texts), the detector only when cp1252 cannot decode them."""
    try:
        text = data.decode("cp1252")
        if all(c.isprintable() or c.isspace() for c in text[:4096]):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot detect the text encoding (binary file?)")
    return str(best)


def _check_text(text: str, max_chars: int) -> None:
    if not text.strip():
        raise InputError("empty input")
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls / len(sample) > BINARY_CONTROL_SHARE:
        raise InputError("binary input (control characters): not a text article")
    if len(text) > max_chars:
        raise InputError(
            f"input too large: {len(text):,} characters (limit {max_chars:,}; "
            "split it into articles or raise --max-chars)"
        )


def read_text(data: bytes, source: str, max_chars: int = MAX_CHARS) -> RawArticle:
    """A plain-text article: the decoded file, unchanged (offsets point into it)."""
    return RawArticle(text=decode_bytes(data, max_chars), source=source)


def read_html(data: bytes, source: str, max_chars: int = MAX_CHARS) -> RawArticle:
    """An HTML page: body and metadata through trafilatura; text = title + body."""
    import trafilatura

    html = decode_bytes(data, max_chars=max_chars * 20)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in the HTML page")
    body = doc.text.strip()
    title = (doc.title or "").strip() or None
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    _check_text(text, max_chars)
    meta = {k: v for k, v in (("author", doc.author), ("site", doc.sitename), ("url", doc.url)) if v}
    return RawArticle(text=text, title=title, published=doc.date, source=source, meta=meta)


def record_to_article(rec: Any, source: str, max_chars: int = MAX_CHARS) -> RawArticle:
    """A JSON record: ``text``, or ``title`` (+ ``heading``) + ``article``."""
    if not isinstance(rec, dict):
        raise InputError("JSON record is not an object")
    title = rec.get("title") or None
    if isinstance(rec.get("text"), str):
        text = rec["text"]
    elif isinstance(rec.get("article"), str):
        parts = [p for p in (title, rec.get("heading"), rec["article"]) if p]
        text = "\n\n".join(parts)
    else:
        raise InputError("JSON record has no 'text' or 'article' string field")
    _check_text(text, max_chars)
    published = rec.get("published") or rec.get("date")
    rid = rec.get("id")
    return RawArticle(
        text=text,
        title=title if isinstance(title, str) else None,
        published=str(published) if published else None,
        source=f"{source}#{rid}" if rid is not None else source,
        id=str(rid) if rid is not None else None,
    )


def read_json(data: bytes, source: str, max_chars: int = MAX_CHARS) -> Iterator[RawArticle | InputFailure]:
    """A JSON file: one record, or a list of records."""
    try:
        obj = json.loads(decode_bytes(data, max_chars=max_chars * 100))
    except (json.JSONDecodeError, InputError) as exc:
        yield InputFailure(source, f"invalid JSON: {exc}")
        return
    for i, rec in enumerate(obj if isinstance(obj, list) else [obj]):
        yield _safe_record(rec, f"{source}[{i}]" if isinstance(obj, list) else source, max_chars)


def read_jsonl(
    lines: Iterable[bytes], source: str, max_chars: int = MAX_CHARS
) -> Iterator[RawArticle | InputFailure]:
    """A JSONL stream, one record per line, read lazily (memory stays flat)."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFailure(where, f"invalid JSON line: {exc}")
            continue
        yield _safe_record(rec, where, max_chars)


def _safe_record(rec: Any, where: str, max_chars: int) -> RawArticle | InputFailure:
    try:
        return record_to_article(rec, where, max_chars)
    except InputError as exc:
        return InputFailure(where, str(exc))


def iter_path(path: str, max_chars: int = MAX_CHARS) -> Iterator[RawArticle | InputFailure]:
    """Articles from one path (``-`` is stdin; a directory is walked), by suffix; failures
    become InputFailure."""
    source = "<stdin>" if path == "-" else path
    if path != "-" and Path(path).is_dir():
        yield from iter_directory(Path(path), max_chars)
        return
    if path.lower().endswith(WARC_SUFFIXES):
        yield from read_warc(path, max_chars)
        return
    suffix = "" if path == "-" else Path(path).suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        yield from read_parquet(path, max_chars)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as fh:
                yield from read_jsonl(fh, source, max_chars)
            return
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        yield InputFailure(source, f"cannot read: {exc.strerror or exc}")
        return
    if suffix in JSON_SUFFIXES:
        yield from read_json(data, source, max_chars)
        return
    reader = read_html if suffix in HTML_SUFFIXES or _looks_like_html(data) else read_text
    try:
        yield reader(data, source, max_chars)
    except InputError as exc:
        yield InputFailure(source, str(exc))


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def iter_inputs(paths: Iterable[str], max_chars: int = MAX_CHARS) -> Iterator[RawArticle | InputFailure]:
    """Articles from many paths, in order; a quoted glob (``'shards/*.jsonl'``) is expanded."""
    import glob

    for path in paths:
        matches = sorted(glob.glob(path)) if glob.has_magic(path) and not Path(path).exists() else [path]
        for match in matches or [path]:
            yield from iter_path(match, max_chars)


def iter_directory(root: Path, max_chars: int = MAX_CHARS) -> Iterator[RawArticle | InputFailure]:
    """Every article file under ``root`` (recursively, in name order), WARC files included."""
    for p in sorted(root.rglob("*")):
        name = p.name.lower()
        if p.is_file() and (p.suffix.lower() in ARTICLE_SUFFIXES or name.endswith(WARC_SUFFIXES)):
            yield from iter_path(str(p), max_chars)


def read_warc(path: str, max_chars: int = MAX_CHARS) -> Iterator[RawArticle | InputFailure]:
    """HTML pages of a WARC / WARC.gz crawl (response records), streamed one by one."""
    try:
        with open(path, "rb") as fh:
            yield from _read_warc_stream(fh, path, max_chars)
    except OSError as exc:
        yield InputFailure(path, f"cannot read WARC: {exc}")


def _read_warc_stream(fh, path: str, max_chars: int) -> Iterator[RawArticle | InputFailure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            rid = record.rec_headers.get_header("WARC-Record-ID") or uri
            where = f"{path}#{uri}"
            try:
                art = read_html(record.content_stream().read(), where, max_chars)
                yield RawArticle(art.text, art.title, art.published, where, rid, {**art.meta, "url": uri})
            except InputError as exc:
                yield InputFailure(where, str(exc))
    except ArchiveLoadFailed as exc:
        yield InputFailure(path, f"cannot read WARC: {exc}")


def read_parquet(
    path: str, max_chars: int = MAX_CHARS, source: str | None = None
) -> Iterator[RawArticle | InputFailure]:
    """A Parquet file of records (the JSON record shapes), row by row."""
    import duckdb

    source = source or path
    try:
        con = duckdb.connect()
        cur = con.execute("SELECT * FROM read_parquet(?)", [path])
        cols = [d[0] for d in cur.description]
        n = 0
        while rows := cur.fetchmany(256):
            for row in rows:
                n += 1
                yield _safe_record(dict(zip(cols, row, strict=True)), f"{source}:{n}", max_chars)
        con.close()
    except duckdb.Error as exc:
        yield InputFailure(source, f"cannot read Parquet: {exc}")


def iter_bytes(data: bytes, source: str, max_chars: int = MAX_CHARS) -> Iterator[RawArticle | InputFailure]:
    """Articles from the bytes of one file named ``source`` (by its suffix): the readers of
    ``iter_path`` for data that is already in memory (a Ray block, a shard read remotely)."""
    name = source.lower()
    if name.endswith(WARC_SUFFIXES):
        import io

        yield from _read_warc_stream(io.BytesIO(data), source, max_chars)
        return
    suffix = Path(source).suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".parquet") as tmp:
            tmp.write(data)
            tmp.flush()
            yield from read_parquet(tmp.name, max_chars, source=source)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data.splitlines(keepends=True), source, max_chars)
    elif suffix in JSON_SUFFIXES:
        yield from read_json(data, source, max_chars)
    else:
        reader = read_html if suffix in HTML_SUFFIXES or _looks_like_html(data) else read_text
        try:
            yield reader(data, source, max_chars)
        except InputError as exc:
            yield InputFailure(source, str(exc))
