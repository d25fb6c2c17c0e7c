"""The Ray engine: same records as the local engine, resumable by shard (real model, local Ray)."""

from __future__ import annotations

import json

import pytest

from lasswell import query, store
from lasswell.corpus import ingest as local_ingest

from .test_corpus import _jsonl, _small_articles

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'lasswell[ray]')")


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """100 articles in two JSONL shards and a Parquet shard, plus one broken record."""
    import duckdb

    base = _small_articles()
    records = [{**base[i % len(base)], "id": f"r{i}"} for i in range(100)]
    folder = tmp_path_factory.mktemp("shards")
    _jsonl(folder / "a.jsonl", records[:45])
    _jsonl(folder / "b.jsonl", [*records[45:95], {"id": "broken"}])
    _jsonl(folder / "c.tmp", records[95:])
    duckdb.connect().execute(
        f"COPY (SELECT * FROM read_json('{folder / 'c.tmp'}', format='newline_delimited')) "
        f"TO '{folder / 'c.parquet'}' (FORMAT PARQUET)"
    )
    return folder, records


@pytest.fixture(scope="module")
def both(shards, tmp_path_factory):
    from lasswell import ray_engine

    folder, _ = shards
    out = tmp_path_factory.mktemp("ray") / "parquet"
    inputs = [str(folder / "*.jsonl"), str(folder / "c.parquet")]
    ray_stats = ray_engine.ingest(inputs, out, actors=2, num_cpus=2, batch=16)
    db = tmp_path_factory.mktemp("local") / "c.duckdb"
    local_ingest(inputs, db, workers=1)
    return out, db, ray_stats


def _rows(con, sql):
    return con.execute(sql).fetchall()


def test_ray_writes_the_same_records_as_the_local_engine(both):
    out, db, stats = both
    assert (stats.written, stats.failed) == (100, 1)
    r, loc = query.open_parquet(out), store.connect(db, read_only=True)
    for sql in (
        "SELECT article_id, record_id, title, published FROM articles ORDER BY ALL",
        "SELECT article_id, idx, text, kind, speaker_name, cue_text FROM quotes ORDER BY ALL",
        "SELECT article_id, entity_id, name, type FROM entities ORDER BY ALL",
        "SELECT source, reason FROM errors ORDER BY ALL",
        "SELECT speaker_id, name, quotes, articles FROM speakers ORDER BY ALL",
    ):
        assert _rows(r, sql) == _rows(loc, sql), sql


def test_parquet_schema_is_the_export_schema(both, tmp_path):
    out, db, _ = both
    loc = store.connect(db, read_only=True)
    query.export_parquet(loc, tmp_path / "export")
    import duckdb

    con = duckdb.connect()
    for table in ("articles", "zones", "entities", "mentions", "quotes", "errors"):
        ray_schema = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}/{table}/*.parquet')").fetchall()
        export_schema = con.execute(
            f"DESCRIBE SELECT * FROM read_parquet('{tmp_path}/export/{table}.parquet')"
        ).fetchall()
        assert ray_schema == export_schema, table


def test_rerun_skips_finished_shards(both, shards):
    from lasswell import ray_engine

    out, _, _ = both
    folder, _ = shards
    before = len(list((out / "quotes").glob("*.parquet")))
    again = ray_engine.ingest([str(folder / "*.jsonl"), str(folder / "c.parquet")], out, actors=2, num_cpus=2)
    assert (again.written, again.skipped) == (0, 100)
    assert len(list((out / "quotes").glob("*.parquet"))) == before
    done = [json.loads(p.read_text()) for p in (out / "_done").glob("*.json")]
    assert sorted(d["written"] for d in done) == [5, 45, 50]


def test_quotes_command_reads_the_parquet(both):
    from click.testing import CliRunner

    from lasswell.cli import main

    out, _, _ = both
    r = CliRunner().invoke(
        main, ["quotes", "--parquet", str(out), "--speaker", "Peskov", "--format", "jsonl"]
    )
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert r.exit_code == 0 and rows and {q["speaker"] for q in rows} == {"Dmitri Peskov"}
