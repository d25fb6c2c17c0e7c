"""Scale-out: the corpus ingest on Ray Data — the same per-record function, another executor.

    lasswell ingest 'shards/*.jsonl' --engine ray --out parquet/
    lasswell ingest 'shards/*.jsonl' --engine ray --address ray://head:10001 --out parquet/

Per shard (a JSONL, JSON, HTML, text or WARC file): ``read_binary_files`` → the project's
readers (``ingest.iter_bytes``) → ``map_batches`` on an actor pool whose actors load the model
once and run ``corpus.analyze_batch`` (the function the local engine runs) → ``map_batches``
writer tasks that store each block in an in-memory DuckDB with the corpus schema
(``store.write_batch``) and copy its tables to Parquet — so the files have exactly the schema
of ``lasswell export``. A shard is recorded as done only once all its parts are written; a
rerun skips done shards and rewrites unfinished ones from scratch (their parts are removed
first), so nothing is lost or duplicated. Speaker identity is corpus-wide: it is computed when
the Parquet is read (``lasswell quotes/speakers --parquet``), not per shard.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lasswell import store
from lasswell.corpus import BATCH, Stats, analyze_batch, outcome, warm
from lasswell.ingest import ARTICLE_SUFFIXES, MAX_CHARS, WARC_SUFFIXES, InputFailure, RawArticle, iter_bytes
from lasswell.records import Article

# Actors take less than a whole CPU so that read, repartition and write tasks always find one:
# with every CPU held by an actor the pipeline deadlocks (ray-project/ray#44687; seen here with
# 0.75 and the all-to-all repartition, which asks for a whole CPU). Two actors at 0.5 leave one
# CPU of a 2-core machine to the other tasks; the actors still run on both cores.
ACTOR_CPUS = 0.5
TASK_CPUS = 0.25
# Tables written per shard: speaker identity (speakers, speaker_names) needs the whole corpus.
SHARD_TABLES = tuple(t for t in store.TABLES if t not in ("speakers", "speaker_names"))
DONE = "_done"


def shards(inputs: Iterable[str]) -> list[str]:
    """Input files: globs expanded (quoted on the command line), folders walked."""
    out: list[str] = []
    for item in inputs:
        matches = sorted(glob.glob(item)) or [item]
        for m in matches:
            p = Path(m)
            if p.is_dir():
                out.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file() and _article_file(f.name))
            else:
                out.append(m)
    return list(dict.fromkeys(out))


def _article_file(name: str) -> bool:
    name = name.lower()
    return Path(name).suffix in ARTICLE_SUFFIXES or name.endswith(WARC_SUFFIXES)


def shard_id(path: str) -> str:
    """Identity of a shard: its path, size and modification time (a changed file is new work)."""
    st = os.stat(path)
    return hashlib.sha256(
        f"{os.path.abspath(path)}\x00{st.st_size}\x00{st.st_mtime_ns}".encode()
    ).hexdigest()[:16]


def _records(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One file's bytes → one row per article (or per input failure), keyed like locally."""
    out = []
    for item in iter_bytes(row["bytes"], row["path"], MAX_CHARS):
        if isinstance(item, InputFailure):
            out.append({"key": "", "raw": "", "source": item.source, "failure": item.reason})
        else:
            raw = json.dumps(item.__dict__, ensure_ascii=False)
            out.append(
                {
                    "key": store.article_key(item.text, item.id),
                    "raw": raw,
                    "source": item.source,
                    "failure": "",
                }
            )
    return out


class Analyzer:
    """An actor: loads the model once, then analyses batches with ``corpus.analyze_batch``."""

    def __init__(self, lang: str | None, model: str | None) -> None:
        self.lang, self.model = lang, model
        warm(model, lang)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        keyed = [
            (k, RawArticle(**json.loads(r)))
            for k, r, f in zip(batch["key"], batch["raw"], batch["failure"], strict=True)
            if not f
        ]
        done = dict(analyze_batch(keyed, self.lang, self.model)) if keyed else {}
        articles, failures = [], []
        for k, s, f in zip(batch["key"], batch["source"], batch["failure"], strict=True):
            if f:
                articles.append("")
                failures.append(json.dumps([s, f], ensure_ascii=False))
            else:
                articles.append(json.dumps([k, done[k].to_dict()], ensure_ascii=False))
                failures.append("")
        return {"article": articles, "failure": failures}


def write_parts(batch: dict[str, Any], out: str, shard: str) -> dict[str, list[int]]:
    """A writer task: one block → an in-memory corpus database → one Parquet part per table."""
    done: list[tuple[str, Article]] = []
    failures: list[tuple[str, str]] = []
    for a, f in zip(batch["article"], batch["failure"], strict=True):
        if f:
            failures.append(tuple(json.loads(f)))
        else:
            key, d = json.loads(a)
            done.append((key, Article.from_dict(d)))
    ok, errs = outcome(done, failures)
    con = store.connect(":memory:")
    store.write_batch(con, ok, errs)
    part = f"{shard}-{uuid.uuid4().hex[:12]}.parquet"
    for table in SHARD_TABLES:
        folder = Path(out) / table
        folder.mkdir(parents=True, exist_ok=True)
        path = str(folder / part).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {table}) TO '{path}' (FORMAT PARQUET)")
    con.close()
    return {"written": [len(ok)], "failed": [len(errs)], "quotes": [sum(len(a.quotes) for _, a in ok)]}


def _forget_parts(out: Path, shard: str) -> None:
    """Remove the parts an interrupted run left for ``shard`` (they are rewritten whole)."""
    for table in SHARD_TABLES:
        for part in (out / table).glob(f"{shard}-*.parquet"):
            part.unlink()


def ingest(
    inputs: Iterable[str],
    out: str | Path,
    address: str | None = None,
    actors: int = 2,
    lang: str | None = "fr",
    model: str | None = None,
    batch: int = BATCH,
    num_cpus: int | None = None,
) -> Stats:
    """Ingest the shards under ``inputs`` into Parquet files under ``out`` with Ray Data."""
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "logging_level": "warning",
        }
        if address:
            kwargs["address"] = address
        elif num_cpus:
            kwargs["num_cpus"] = num_cpus
        ray.init(**kwargs)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False  # the CLI prints its own summary
    out = Path(out)
    (out / DONE).mkdir(parents=True, exist_ok=True)
    stats = Stats()
    start = time.perf_counter()
    try:
        for path in shards(inputs):
            sid = shard_id(path)
            marker = out / DONE / f"{sid}.json"
            if marker.exists():
                stats.skipped += json.loads(marker.read_text())["written"]
                continue
            _forget_parts(out, sid)
            result = _run_shard(ray, path, str(out), sid, actors, lang, model, batch)
            stats.written += result["written"]
            stats.failed += result["failed"]
            stats.quotes += result["quotes"]
            stats.read += result["written"] + result["failed"]
            marker.write_text(json.dumps({"shard": path, **result}))
    finally:
        if started_here:
            ray.shutdown()
    stats.seconds = time.perf_counter() - start
    return stats


def _run_shard(ray, path: str, out: str, sid: str, actors: int, lang, model, batch: int) -> dict[str, int]:
    ds = ray.data.read_binary_files([path], include_paths=True, num_cpus=TASK_CPUS)
    # One file is one block: cut the articles into batch-sized blocks so every actor gets work.
    ds = ds.flat_map(_records, num_cpus=TASK_CPUS).repartition(target_num_rows_per_block=batch)
    ds = ds.map_batches(
        Analyzer,
        fn_constructor_kwargs={"lang": lang, "model": model},
        batch_size=batch,
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=ACTOR_CPUS,
    )
    ds = ds.map_batches(
        write_parts, fn_kwargs={"out": out, "shard": sid}, batch_size=None, num_cpus=TASK_CPUS
    )
    totals = {"written": 0, "failed": 0, "quotes": 0}
    for row in ds.iter_rows():
        for k in totals:
            totals[k] += int(row[k])
    return totals
