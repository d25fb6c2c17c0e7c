"""Corpus ingest (real model): mixed folders, WARC, idempotency, 1 vs 2 workers, kill -9 and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from io import BytesIO

import pytest

from lasswell import store
from lasswell.corpus import ingest

from .conftest import DATA, EXAMPLE

pytestmark = pytest.mark.slow


def _small_articles(n: int | None = None) -> list[dict]:
    """Short articles cut from the committed texts (WiNER-fr CC BY 2.5 and the example): one
    paragraph each, with an id, so that an ingest has many quick batches."""
    texts = [
        json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((DATA / "winer").glob("*.json"))
    ]
    texts.append(EXAMPLE.read_text(encoding="utf-8"))
    paras = [p for t in texts for p in t.split("\n") if len(p) > 200]
    return [{"id": f"p{i}", "date": "2022-01-11", "text": p} for i, p in enumerate(paras[:n])]


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _table(db, sql):
    con = store.connect(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_folder_with_broken_files_ingests_the_rest_and_records_three_errors(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "sub" / "broken.html").write_text("<html><body><div><p></div></html", encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01")  # not an article suffix: not read
    (folder / "a.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    _jsonl(folder / "sub" / "b.jsonl", _small_articles(2))
    stats = ingest([str(folder)], tmp_path / "c.duckdb", workers=1)
    assert (stats.written, stats.failed) == (3, 3)
    reasons = sorted(r for (r,) in _table(tmp_path / "c.duckdb", "SELECT reason FROM errors"))
    assert any("empty" in r for r in reasons) and any("binary" in r for r in reasons)
    assert any("no article text" in r for r in reasons)


def test_warc_reader_on_a_warc_the_test_writes(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, art in enumerate(_small_articles(2)):
            html = f"<html><head><title>Article {i}</title></head><body><article><h1>Article {i}</h1>"
            html += "".join(f"<p>{p}</p>" for p in [art["text"], art["text"]]) + "</article></body></html>"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    f"https://example.org/{i}",
                    "response",
                    payload=BytesIO(html.encode()),
                    http_headers=headers,
                )
            )
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/x.png", "response", payload=BytesIO(b"\x89PNG"), http_headers=headers
            )
        )
    stats = ingest([str(path)], tmp_path / "w.duckdb", workers=1)
    assert (stats.read, stats.written, stats.failed) == (2, 2, 0)
    sources = sorted(s for (s,) in _table(tmp_path / "w.duckdb", "SELECT source FROM articles"))
    assert sources[0].endswith("#https://example.org/0")


def test_reingest_changes_nothing(tmp_path):
    src = _jsonl(tmp_path / "a.jsonl", _small_articles(6))
    db = tmp_path / "i.duckdb"
    first = ingest([str(src)], db, workers=1)
    counts = {t: _table(db, f"SELECT count(*) FROM {t}")[0][0] for t in store.TABLES}
    again = ingest([str(src)], db, workers=1)
    assert (first.written, again.written, again.skipped) == (6, 0, 6)
    assert counts == {t: _table(db, f"SELECT count(*) FROM {t}")[0][0] for t in store.TABLES}


def test_two_workers_give_the_same_records_as_one(tmp_path):
    src = _jsonl(tmp_path / "a.jsonl", _small_articles(8))
    sql = "SELECT article_id, idx, text, speaker_name, kind FROM quotes ORDER BY ALL"
    ingest([str(src)], tmp_path / "one.duckdb", workers=1, batch=2)
    ingest([str(src)], tmp_path / "two.duckdb", workers=2, batch=2)
    assert _table(tmp_path / "one.duckdb", sql) == _table(tmp_path / "two.duckdb", sql)


def test_kill_9_then_rerun_loses_nothing_and_duplicates_nothing(tmp_path):
    records = _small_articles()
    src = _jsonl(tmp_path / "a.jsonl", records)
    db = tmp_path / "k.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "lasswell.cli",
        "ingest",
        str(src),
        "--db",
        str(db),
        "--workers",
        "1",
        "--batch",
        "2",
    ]
    proc = subprocess.Popen(
        cmd, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    deadline = time.time() + 120
    for line in proc.stderr:  # wait until at least one batch is committed, then kill -9
        if line.startswith("ingest:") and int(line.split()[1]) >= 2:
            break
        assert time.time() < deadline, "no progress line"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _table(db, "SELECT count(*) FROM articles")[0][0]
    assert 0 < partial < len(records)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f"already stored {partial}" in done.stderr
    ids = _table(db, "SELECT record_id FROM articles ORDER BY record_id")
    assert sorted(r[0] for r in ids) == sorted(r["id"] for r in records)
    dupes = _table(db, "SELECT count(*) - count(DISTINCT (article_id, idx)) FROM quotes")[0][0]
    assert dupes == 0
    clean = tmp_path / "clean.duckdb"
    ingest([str(src)], clean, workers=1)
    sql = "SELECT count(*), count(DISTINCT text) FROM quotes"
    assert _table(db, sql) == _table(clean, sql)


def test_corpus_commands(tmp_path):
    from click.testing import CliRunner

    from lasswell.cli import main

    src = _jsonl(tmp_path / "a.jsonl", _small_articles(6))
    db = str(tmp_path / "q.duckdb")
    run = CliRunner().invoke
    r = run(main, ["ingest", str(src), "--db", db, "--workers", "1"])
    assert r.exit_code == 0, r.output
    r = run(main, ["speakers", "--db", db, "--top", "3", "--format", "jsonl"])
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert r.exit_code == 0 and 0 < len(rows) <= 3 and rows[0]["quotes"] >= rows[-1]["quotes"]
    name = rows[0]["name"]
    r = run(
        main,
        ["quotes", "--db", db, "--speaker", name.split()[-1], "--format", "csv", "--since", "2022-01-01"],
    )
    assert r.exit_code == 0 and r.output.splitlines()[0].startswith("article_id,")
    assert all(name in line for line in r.output.splitlines()[1:])
    r = run(main, ["export", "--db", db, "--parquet", str(tmp_path / "pq")])
    assert r.exit_code == 0 and (tmp_path / "pq" / "quotes.parquet").exists()
    r = run(main, ["quotes", "--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code == 1 and "no corpus database" in r.output and "Traceback" not in r.output
