"""Ray engine vs local engine on the same corpus (2 actors vs 2 worker processes).

    python benchmarks/ray_vs_local.py [--n 2000] [--shards 4]

The corpus is cut into JSONL shards; each engine runs as a `lasswell ingest` subprocess timed
wall-clock (start-up, model loads, Ray start included); the process tree's resident memory is
sampled every 0.2 s (for Ray: the sum over its processes, and the largest actor).
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


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak total RSS (MB) of the process tree, peak RSS of its largest process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    total = largest = 0.0
    while proc.poll() is None:
        try:
            rss = [p.memory_info().rss / 2**20 for p in [root, *root.children(recursive=True)]]
            total, largest = max(total, sum(rss)), max(largest, max(rss))
        except psutil.Error:
            pass
        time.sleep(0.2)
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr.read())
    return time.perf_counter() - t, total, largest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--shards", type=int, default=4)
    args = ap.parse_args()
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[: args.n]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "shards"
        folder.mkdir()
        per = -(-len(lines) // args.shards)
        for i in range(args.shards):
            (folder / f"s{i}.jsonl").write_text(
                "\n".join(lines[i * per : (i + 1) * per]) + "\n", encoding="utf-8"
            )
        cli = [sys.executable, "-m", "lasswell.cli", "ingest", str(folder / "*.jsonl")]
        local = timed([*cli, "--db", str(Path(tmp) / "c.duckdb"), "--workers", "2"])
        ray = timed([*cli, "--engine", "ray", "--out", str(Path(tmp) / "pq"), "--actors", "2"])
        n = len(lines)
        for name, (secs, total, largest) in (("local, 2 workers", local), ("ray, 2 actors", ray)):
            print(
                f"{name:18}: {n / secs:6.2f} articles/s ({secs:.1f} s), "
                f"{n / secs / 2:5.2f} articles/s per core, "
                f"peak RSS {total:.0f} MB in all, largest process {largest:.0f} MB"
            )
        print(f"ray overhead over local: {ray[0] / local[0] - 1:+.1%}")
        done = [json.loads(p.read_text()) for p in (Path(tmp) / "pq" / "_done").glob("*.json")]
        print(f"ray shards done: {len(done)}, articles written: {sum(d['written'] for d in done)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
