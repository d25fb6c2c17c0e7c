"""Corpus ingest speed: 1 vs 2 workers on the same articles, peak memory per worker, and the
ratio to the analysis throughput of one process with no store.

    python benchmarks/ingest.py [--n 2000] [--corpus PATH]

Every run is a subprocess timed wall-clock from start to exit (interpreter, model load, reading
and output included): `lasswell analyze --format jsonl` (output to /dev/null) as the baseline,
then `lasswell ingest` into a fresh database with 1 and 2 workers; the resident memory of the
process tree is sampled every 0.2 s.
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


def run(cmd: list[str], workers: int) -> tuple[float, list[float]]:
    """Wall seconds of a command, and the peak RSS (MB) of its ``workers`` largest processes."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(proc.pid)
    peaks: dict[int, float] = {}
    while proc.poll() is None:
        try:
            for p in [parent, *parent.children(recursive=True)]:
                peaks[p.pid] = max(peaks.get(p.pid, 0.0), p.memory_info().rss / 2**20)
        except psutil.Error:
            pass
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - t
    err = proc.stderr.read()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {err}")
    # With a pool, the workers are the children that loaded a model; serially, the parent is.
    children = sorted((v for pid, v in peaks.items() if pid != proc.pid), reverse=True)
    return seconds, (children[:workers] if workers > 1 else [peaks.get(proc.pid, 0.0)])


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
        lasswell = [sys.executable, "-m", "lasswell.cli"]
        base, _ = run([*lasswell, "analyze", str(src), "--format", "jsonl"], 1)
        print(f"articles: {args.n}")
        print(f"lasswell analyze --format jsonl (1 process): {args.n / base:6.2f} articles/s  ({base:.1f} s)")
        results = {}
        for workers in (1, 2):
            db = Path(tmp) / f"w{workers}.duckdb"
            secs, rss = run(
                [*lasswell, "ingest", str(src), "--db", str(db), "--workers", str(workers)], workers
            )
            results[workers] = secs
            print(
                f"lasswell ingest, {workers} worker(s): {args.n / secs:6.2f} articles/s  ({secs:.1f} s), "
                f"peak RSS per worker: {', '.join(f'{r:.0f} MB' for r in rss)}"
            )
        print(f"speed-up with 2 workers: {results[1] / results[2]:.2f}x  (target >= 1.7x)")
        print(
            f"ingest (1 worker) vs analyze throughput: {base / results[1]:.3f}; "
            f"overhead {results[1] / base - 1:+.1%}  (target <= 10%)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
