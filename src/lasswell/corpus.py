"""Corpus ingest: many articles → the DuckDB store, in parallel, resumable, idempotent.

The parent process reads the inputs (streaming), drops articles already stored, and sends
batches to N worker processes, each of which loads the spaCy model once and runs the same
``analyze_many`` as ``lasswell analyze``. The parent is the single writer: each finished batch
is one transaction. A killed ingest loses at most the batches in flight, and the rerun does
them again (stored articles are skipped by key), so nothing is lost and nothing duplicated.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from lasswell import identity, store
from lasswell.ingest import InputFailure, RawArticle, iter_inputs
from lasswell.records import Article

# Articles per batch sent to a worker: large enough for nlp.pipe batching and few
# transactions, small enough that a killed run redoes little (32 ≈ 2 s of work here).
BATCH = 32
# Batches in flight per worker: two keeps every worker busy while the parent writes; more
# only costs memory (the parent reads ahead no further than this).
IN_FLIGHT_PER_WORKER = 2


@dataclass
class Stats:
    """What an ingest did."""

    read: int = 0
    skipped: int = 0
    written: int = 0
    failed: int = 0
    quotes: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Articles analysed per second."""
        return (self.written + self.failed) / self.seconds if self.seconds else 0.0


Keyed = tuple[str, RawArticle]


def analyze_batch(batch: list[Keyed], lang: str | None, model: str | None) -> list[tuple[str, Article]]:
    """The per-record function of both engines (local processes and Ray actors): analyse one
    batch of keyed articles (the model is loaded once per process and cached)."""
    from lasswell.pipeline import analyze_many

    arts = analyze_many([raw for _, raw in batch], lang=lang, model=model, batch=len(batch) or 1)
    return [(key, art) for (key, _), art in zip(batch, arts, strict=True)]


def warm(model: str | None, lang: str | None) -> None:
    """Worker initialiser: load the model before the first batch arrives."""
    from lasswell.lang import load_language
    from lasswell.nlp import DEFAULT_MODELS, load_model

    load_model(model or DEFAULT_MODELS[load_language(lang if lang and lang != "auto" else "fr").code])


def _batches(
    items: Iterable[RawArticle | InputFailure], con, stats: Stats, failures: list[tuple[str, str]], size: int
) -> Iterator[list[Keyed]]:
    """Keyed batches of articles not yet stored; input failures go to ``failures``."""
    buf: list[Keyed] = []

    def flush() -> list[Keyed]:
        known = store.existing(con, [k for k, _ in buf])
        stats.skipped += len(known)
        return [(k, r) for k, r in buf if k not in known]

    for item in items:
        stats.read += 1
        if isinstance(item, InputFailure):
            failures.append((item.source, item.reason))
            continue
        buf.append((store.article_key(item.text, item.id), item))
        if len(buf) >= size:
            fresh = flush()
            buf = []
            if fresh:
                yield fresh
    if buf and (fresh := flush()):
        yield fresh


def ingest(
    paths: Iterable[str],
    db: str | Path,
    workers: int | None = None,
    lang: str | None = "fr",
    model: str | None = None,
    on_batch: Callable[[Stats], None] | None = None,
    batch: int = BATCH,
) -> Stats:
    """Ingest every article under ``paths`` into the database ``db``."""
    workers = workers or os.cpu_count() or 1
    stats, failures = Stats(), []
    start = time.perf_counter()
    con = store.connect(db)
    try:
        batches = _batches(iter_inputs(paths), con, stats, failures, max(1, batch))
        results = (
            _run_serial(batches, lang, model) if workers == 1 else _run_pool(batches, workers, lang, model)
        )
        for done in results:
            _write(con, done, failures, stats)
            stats.seconds = time.perf_counter() - start
            if on_batch:
                on_batch(stats)
        _write(con, [], failures, stats)
        identity.refresh(con)
    finally:
        con.close()
    stats.seconds = time.perf_counter() - start
    return stats


def outcome(done: list[tuple[str, Article]], failures: list[tuple[str, str]]):
    """Analysed articles split into (stored articles, error rows (source, reason))."""
    ok = [(k, a) for k, a in done if not a.error]
    return ok, failures + [(a.source or k, a.error) for k, a in done if a.error]


def _write(con, done: list[tuple[str, Article]], failures: list[tuple[str, str]], stats: Stats) -> None:
    ok, errs = outcome(done, failures)
    stats.written += store.write_batch(con, ok, errs)
    stats.quotes += sum(len(a.quotes) for _, a in ok)
    stats.failed += len(errs)
    stats.errors.extend(f"{s}: {r}" for s, r in errs)
    failures.clear()


def _run_serial(batches: Iterable[list[Keyed]], lang, model) -> Iterator[list[tuple[str, Article]]]:
    for batch in batches:
        yield analyze_batch(batch, lang, model)


def _run_pool(
    batches: Iterable[list[Keyed]], workers: int, lang, model
) -> Iterator[list[tuple[str, Article]]]:
    """Results of the batches, as workers finish them, with a bounded read-ahead."""
    with ProcessPoolExecutor(max_workers=workers, initializer=warm, initargs=(model, lang)) as pool:
        pending: set[Future] = set()
        source = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(pending) < workers * IN_FLIGHT_PER_WORKER:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                pending.add(pool.submit(analyze_batch, batch, lang, model))
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield fut.result()
