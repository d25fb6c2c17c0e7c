"""Corpus ingest speed: 1 vs 2 workers on the same articles, peak memory per worker, and the
ratio to the analysis throughput of one process with no store.

    python benchmarks/ingest.py [--n 2000] [--corpus PATH]

Each ingest runs as `lasswell ingest` in a subprocess into a fresh database; its process
tree's resident memory is sampled every 0.2 s. The analysis-only baseline is
`analyze_many` over the same articles in this process (model load excluded).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "orangesum-2000.jsonl"
SAMPLE_SECONDS = 0.2


def run_ingest(src: Path, workers: int, db: Path) -> tuple[float, list[float]]:
    """Seconds of analysis reported by the ingest, and peak RSS (MB) of each worker."""
    cmd = [
        sys.executable,
        "-m",
        "lasswell.cli",
        "ingest",
        str(src),
        "--db",
        str(db),
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(proc.pid)
    peaks: dict[int, float] = {}
    while proc.poll() is None:
        try:
            procs = [parent] + parent.children(recursive=True)
            for p in procs:
                peaks[p.pid] = max(peaks.get(p.pid, 0.0), p.memory_info().rss / 2**20)
        except psutil.Error:
            pass
        time.sleep(SAMPLE_SECONDS)
    err = proc.stderr.read()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed: {err}")
    summary = [line for line in err.splitlines() if line.startswith("read ")][-1]
    seconds = float(summary.rsplit("(", 1)[1].split(" s")[0])
    # Workers are the children that loaded a model (the resource tracker stays small).
    workers_rss = sorted((v for pid, v in peaks.items() if pid != proc.pid), reverse=True)[:workers]
    return seconds, workers_rss or [peaks.get(proc.pid, 0.0)]


def baseline(src: Path) -> float:
    """Seconds for analyze_many over the same articles, model already loaded."""
    from lasswell.ingest import iter_inputs
    from lasswell.nlp import load_model
    from lasswell.pipeline import analyze_many

    load_model("fr_core_news_md")
    raws = list(iter_inputs([str(src)]))
    t = time.perf_counter()
    for _ in analyze_many(raws, lang="fr"):
        pass
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with args.corpus.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i >= args.n:
                    break
                out.write(json.dumps(json.loads(line), ensure_ascii=False) + "\n")
        base = baseline(src)
        print(f"articles: {args.n}")
        print(f"analysis only (1 process, no store): {args.n / base:6.2f} articles/s  ({base:.1f} s)")
        results = {}
        for workers in (1, 2):
            secs, rss = run_ingest(src, workers, Path(tmp) / f"w{workers}.duckdb")
            results[workers] = secs
            print(
                f"ingest, {workers} worker(s): {args.n / secs:6.2f} articles/s  ({secs:.1f} s), "
                f"peak RSS per worker: {', '.join(f'{r:.0f} MB' for r in rss)}"
            )
        print(f"speed-up with 2 workers: {results[1] / results[2]:.2f}x  (target >= 1.7x)")
        print(f"ingest overhead over analysis (1 worker): {results[1] / base - 1:+.1%}  (target <= 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
