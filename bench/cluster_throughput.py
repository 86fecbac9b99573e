"""Throughput and peak memory of the clustering step at 1k, 10k and 100k articles.

Volume is synthesised by replaying the UCI News Aggregator headlines
(``../shared/eval/cluster-uci-dev``, 46,618 articles over one month) with the
dates of each further copy shifted by 31 days, so the real story mix and
arrival rate are kept. Only the clustering step is timed (features, TF-IDF,
candidate lookup, assignment), not reading or briefing.

Each size runs in a child process so peak RSS is its own. The baseline, run
side by side in the same child on the same articles, is the same clusterer
with the inverted index replaced by a scan over every live story (what a
naive implementation does); it is skipped at 100k where it would take too long.

    PYTHONPATH=src .venv/bin/python bench/cluster_throughput.py [--sizes 1000,10000,100000] [--bodies]

``--bodies`` replays the Multi-News validation articles (~750 words each,
undated: they get one synthetic day per copy) instead of headlines.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from newsfuse.cluster import online
from newsfuse.cluster.online import ClusterState
from newsfuse.cluster.stream import cluster_articles
from newsfuse_eval.clusterdata import Labelled, load_labelled, shifted

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
#: Above this many articles the all-live-stories scan is not run (minutes per point).
BASELINE_MAX = 10_000


def feed(n: int, bodies: bool) -> Labelled:
    if bodies:
        data = load_labelled(EVAL / "cluster-multinews-val" / "articles.jsonl")
        base = datetime(2020, 1, 1)
        dated = tuple(type(a)(a.id, a.origin, a.title, a.text, base + timedelta(minutes=i), a.outlet, a.url)
                      for i, a in enumerate(data.articles))
        data = Labelled(dated, data.gold)
        copies, step = -(-n // len(data.articles)), timedelta(days=1)
    else:
        data = load_labelled(EVAL / "cluster-uci-dev" / "articles.jsonl")
        copies, step = -(-n // len(data.articles)), timedelta(days=31)
    more = shifted(data, copies, step)
    articles = sorted(more.articles, key=lambda a: (a.published, a.id))[:n]
    return Labelled(tuple(articles), {a.id: more.gold[a.id] for a in articles})


def _scan_candidates(state: ClusterState, vecs: online.ArticleVectors) -> set[str]:
    return set(state.stories)


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def child(n: int, bodies: bool) -> dict:
    data = feed(n, bodies)
    cluster_articles(ClusterState(), data.articles[:50])  # warm up: stop words, wordfreq tables
    before = _rss_mb()
    seen = [0]
    real = online.candidates

    def counted(state: ClusterState, vecs: online.ArticleVectors) -> set[str]:
        found = real(state, vecs)
        seen[0] += len(found)
        return found

    online.candidates = counted
    try:
        start, cpu = time.perf_counter(), time.process_time()
        state = ClusterState()
        cluster_articles(state, data.articles)
        indexed, indexed_cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        online.candidates = real
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"n": len(data.articles), "stories": len(state.stories), "indexed_s": indexed, "cpu_s": indexed_cpu,
           "candidates": seen[0] / len(data.articles),
           "rss_before_mb": before, "peak_rss_mb": peak, "baseline_s": None}
    if len(data.articles) <= BASELINE_MAX:
        online.candidates = _scan_candidates  # the naive scan; expired stories are skipped by is_live
        try:
            start = time.process_time()
            cluster_articles(ClusterState(), data.articles)
            out["baseline_s"] = time.process_time() - start
        finally:
            online.candidates = real
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--bodies", action="store_true")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent (the eval sets live in ../shared/eval)")
        return 0
    if args.child:
        print(json.dumps(child(args.child, args.bodies)))
        return 0
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--child", str(n)] + (["--bodies"] if args.bodies else [])
        rows.append(json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout))
    first = rows[0]
    print("CPU seconds (process time: the machine is shared, wall time is noisy); wall seconds beside")
    print("cands = live stories compared per article: set by how many stories run at once in the"
          " feed's window, not by its length")
    print(f"{'articles':>9} {'stories':>8} {'cpu s':>7} {'wall s':>7} {'art/cpu-s':>9} {'cpu/n vs 1st':>12} "
          f"{'cands':>6} "
          f"{'peak RSS MB':>11} {'growth MB':>9} {'scan cpu s':>10} {'scan/index':>10}")
    for r in rows:
        per = (r["cpu_s"] / r["n"]) / (first["cpu_s"] / first["n"])
        scan = f"{r['baseline_s']:10.1f} {r['baseline_s'] / r['cpu_s']:10.2f}" if r["baseline_s"] else f"{'-':>10} {'-':>10}"
        print(f"{r['n']:9d} {r['stories']:8d} {r['cpu_s']:7.1f} {r['indexed_s']:7.1f} {r['n'] / r['cpu_s']:9.0f} {per:12.2f} "
              f"{r['candidates']:6.1f} "
              f"{r['peak_rss_mb']:11.0f} {r['peak_rss_mb'] - r['rss_before_mb']:9.0f} {scan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
