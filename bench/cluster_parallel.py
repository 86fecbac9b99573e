"""`newsfuse cluster` with briefings: articles per second serially and with --workers, side by side.

The feed is the Multi-News validation articles (``../shared/eval/cluster-multinews-val``:
82 stories, ~3.5 full articles each), read as the JSON Lines dump it is. Each run writes to
its own folder with no state; the runs alternate (serial, parallel, serial, parallel) on this
shared machine and the best of each is reported. The files written must be the same bytes
(the HTML pages' "made at" minute aside).

    PYTHONPATH=src .venv/bin/python bench/cluster_parallel.py [--workers 2] [--limit 293] [--rounds 1]
"""

from __future__ import annotations

import argparse
import re
import resource
import tempfile
import time
from pathlib import Path

from newsfuse.cluster.api import ClusterOptions, run_cluster
from newsfuse.config import Settings

FEED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "cluster-multinews-val" / "articles.jsonl"
_MADE_AT = re.compile(rb"on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): _MADE_AT.sub(b"", p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()}


def cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def one(feed: Path, out: Path, workers: int) -> tuple[float, float, int]:
    start, used = time.perf_counter(), cpu()
    report = run_cluster([str(feed)], out, settings=Settings(parse_processes=1), options=ClusterOptions(workers=workers))
    return time.perf_counter() - start, cpu() - used, report.new_articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="first N articles only (0: all)")
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    if not FEED.exists():
        print(f"skipped: {FEED} is absent (research data lives in ../shared beside the checkout)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        feed = FEED
        if args.limit:
            feed = Path(tmp) / "feed.jsonl"
            feed.write_text("".join(FEED.read_text(encoding="utf-8").splitlines(keepends=True)[: args.limit]),
                            encoding="utf-8")
        best: dict[int, tuple[float, float, int]] = {}
        outputs: dict[int, dict[str, bytes]] = {}
        for r in range(args.rounds):
            for workers in (1, args.workers):
                out = Path(tmp) / f"out-{workers}-{r}"
                result = one(feed, out, workers)
                outputs[workers] = files(out)
                if workers not in best or result[0] < best[workers][0]:
                    best[workers] = result
        for workers, (wall, used, n) in best.items():
            print(f"workers={workers}: {n} articles, {len(outputs[workers]) // 3} stories' files, wall {wall:.1f} s, "
                  f"CPU {used:.1f} s, {n / wall:.2f} articles/s")
        print(f"speed-up x{best[1][0] / best[args.workers][0]:.2f}; same files: {outputs[1] == outputs[args.workers]}")


if __name__ == "__main__":
    main()
