"""`newsfuse cluster` on the local engine (serial, --workers N) and the Ray engine, side by side,
with per-article costs of each phase and a projection to a cluster of nodes.

Two feeds, read in place from ``../shared/eval``:

* ``uci``: the first ``--uci`` UCI News Aggregator dev headlines (headline only, dated): reading,
  cleaning and clustering; headline-only stories get no briefing, so this is the clustering
  throughput.
* ``multinews``: the first ``--multinews`` Multi-News validation articles (full text, undated),
  with a briefing per story: the briefing throughput.

Each run is its own process (so each starts cold, Ray included, and its peak RSS is its own): peak
RSS is the largest sum of resident memory over the run's whole process tree (driver, worker
processes, Ray's raylet, GCS and workers), sampled every 0.2 s from /proc. Output files of the
engines must be the same bytes (the HTML pages' "made at" minute aside).

Then, in this process and serially, the per-article cost of each phase on the same feeds
(CPU seconds): read + parse + clean (``ingest``), features (``stream.article_features``), the
ordered assignment (``observe`` + ``vectorize`` + ``assign``), and briefing per source (from the
serial run), and the projection: with P cores in all, the parallel phases take their cost / P
per article, the assignment keeps its whole cost on the driver, so throughput is at most
1 / max(assignment, (read + clean + features + briefing) / P) articles/s, before Ray's overheads.

    PYTHONPATH=src .venv/bin/python bench/ray_cluster.py [--uci 10000] [--multinews 40] [--cpus 2]
        [--nodes 10 --cores-per-node 16]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
UCI = EVAL / "cluster-uci-dev" / "articles.jsonl"
MULTINEWS = EVAL / "cluster-multinews-val" / "articles.jsonl"
_MADE_AT = re.compile(rb"on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")


def first_lines(src: Path, n: int, dest: Path) -> Path:
    with src.open(encoding="utf-8") as fh:
        dest.write_text("".join(line for _, line in zip(range(n), fh, strict=False)), encoding="utf-8")
    return dest


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): _MADE_AT.sub(b"", p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()}


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and every process below it (one /proc scan)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            parent[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    total, todo, seen = 0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        todo.extend(child for child, p in parent.items() if p == pid)
    return total / 2**20


def run_one(feed: Path, out: Path, engine: str, workers: int) -> dict:
    """One cold run in its own process; wall time, CPU of the process tree's waited-for children, peak RSS."""
    code = ("import json, sys, time, resource; from pathlib import Path; "
            "from newsfuse.cluster.api import ClusterOptions, run_cluster; from newsfuse.config import Settings; "
            "t = time.perf_counter(); "
            f"r = run_cluster([{str(feed)!r}], Path({str(out)!r}), settings=Settings(parse_processes=1), "
            f"options=ClusterOptions(workers={workers}, engine={engine!r})); "
            "w = time.perf_counter() - t; "
            "print(json.dumps({'wall': w, 'articles': r.new_articles, 'stories': r.stories, "
            "'briefed': len([p for p in r.written if p.suffix == '.json' and p.parent.name == 'stories'])}))")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = [0.0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_mb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{engine} x{workers} failed:\n{stderr[-3000:]}")
    got = json.loads(stdout.strip().splitlines()[-1])
    got["peak_rss_mb"] = peak[0]
    return got


def phase_costs(feed: Path) -> dict[str, float]:
    """CPU seconds per article of each phase, serially in this process (after a warm-up)."""
    from newsfuse.cluster.ingest import clean_items, collect, read_items
    from newsfuse.cluster.online import ClusterState
    from newsfuse.cluster.stream import article_features, cluster_articles, stream_order
    from newsfuse.config import Settings

    settings = Settings()
    list(clean_items(list(read_items([str(feed)], settings))[:20], settings))  # warm-up: models, tables
    article_features([], None)
    t = time.process_time()
    items = list(read_items([str(feed)], settings))
    read = time.process_time() - t
    t = time.process_time()
    articles = collect(clean_items(items, settings)).articles
    clean = time.process_time() - t
    ordered = stream_order(articles)
    t = time.process_time()
    computed = article_features(ordered, None)
    features = time.process_time() - t
    t = time.process_time()
    cluster_articles(ClusterState(), ordered, features=lambda _a, _e: computed)
    assign = time.process_time() - t
    n = max(1, len(articles))
    return {"articles": len(articles), "read_ms": 1000 * read / n, "clean_ms": 1000 * clean / n,
            "features_ms": 1000 * features / n, "assign_ms": 1000 * assign / n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--uci", type=int, default=10000, help="UCI headlines (0: skip)")
    ap.add_argument("--multinews", type=int, default=40, help="Multi-News articles, briefed (0: skip)")
    ap.add_argument("--cpus", type=int, default=2, help="local --workers and Ray CPUs")
    ap.add_argument("--nodes", type=int, default=10)
    ap.add_argument("--cores-per-node", type=int, default=16)
    args = ap.parse_args()
    if not UCI.exists() or not MULTINEWS.exists():
        print(f"skipped: {EVAL} is absent (research data lives in ../shared beside the checkout)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        feeds = {}
        if args.uci:
            feeds["uci"] = first_lines(UCI, args.uci, Path(tmp) / "uci.jsonl")
        if args.multinews:
            feeds["multinews"] = first_lines(MULTINEWS, args.multinews, Path(tmp) / "multinews.jsonl")
        briefing_s_per_source = None
        for name, feed in feeds.items():
            runs = [("local", 1), ("local", args.cpus), ("ray", args.cpus)]
            outputs = {}
            print(f"\n## {name}: {feed.name}")
            print("| engine | CPUs | articles | stories | briefed | wall s | articles/s | peak RSS MB (tree) |")
            print("|---|---|---|---|---|---|---|---|")
            for engine, workers in runs:
                out = Path(tmp) / f"out-{name}-{engine}-{workers}"
                got = run_one(feed, out, engine, workers)
                outputs[(engine, workers)] = files(out)
                print(f"| {engine} | {workers} | {got['articles']} | {got['stories']} | {got['briefed']} | "
                      f"{got['wall']:.1f} | {got['articles'] / got['wall']:.1f} | {got['peak_rss_mb']:.0f} |", flush=True)
                if name == "multinews" and (engine, workers) == ("local", 1) and got["articles"]:
                    briefing_s_per_source = got["wall"] / got["articles"]
            same = all(o == outputs[("local", 1)] for o in outputs.values())
            print(f"same files on every engine: {same}")
        print("\n## per-article CPU ms, serial, this process")
        costs = {name: phase_costs(feed) for name, feed in feeds.items()}
        for name, c in costs.items():
            print(f"{name}: {c['articles']} articles; read {c['read_ms']:.2f}, clean {c['clean_ms']:.2f}, "
                  f"features {c['features_ms']:.2f}, assignment {c['assign_ms']:.2f}")
        cores = args.nodes * args.cores_per_node
        print(f"\n## projection: {args.nodes} nodes x {args.cores_per_node} cores = {cores} cores")
        for name, c in costs.items():
            parallel = c["read_ms"] + c["clean_ms"] + c["features_ms"]
            brief = 0.0
            if briefing_s_per_source and name == "multinews":  # the serial run's wall, less the other phases
                brief = max(0.0, 1000 * briefing_s_per_source - parallel - c["assign_ms"])
            bound = max(c["assign_ms"], (parallel + brief) / cores)
            what = "assignment (serial)" if c["assign_ms"] >= (parallel + brief) / cores else "parallel phases"
            print(f"{name}: parallel work {parallel + brief:.2f} ms/article ({brief:.0f} of it briefing) -> "
                  f"{(parallel + brief) / cores:.3f} ms on {cores} cores; assignment {c['assign_ms']:.2f} ms; "
                  f"bound {1000 / bound:,.0f} articles/s, set by the {what}")


if __name__ == "__main__":
    main()
