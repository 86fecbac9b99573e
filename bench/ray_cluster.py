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
processes, Ray's raylet, GCS and workers), sampled every 0.2 s from /proc, and its CPU time the sum
of each process's last reading (the wall time on a shared machine says more about the others' load
than about ours). Output files of the engines must be the same bytes (the HTML pages' "made at"
minute aside).

Then, in this process and serially, the per-article cost of each phase on the same feeds
(CPU seconds): read, parse + clean (``ingest``), features (``stream.article_features``), the
ordered assignment (``observe`` + ``vectorize`` + ``assign``), and briefing per source (the serial
run's CPU per article less the other phases, its start-up counted in), what the Ray driver adds per article (pickling the rows out and back), Ray's fixed
cost per run (10 headlines), and the projection: with P cores in all, the parallel phases (parse +
clean + features + briefing) take their cost / P per article, the driver keeps reading, the
assignment and the pickling, so throughput is at most 1 / max(driver, parallel / P) articles/s.

* ``replay``: a synthetic feed of ``--replay`` articles, the UCI dev headlines replayed in order with
  new ids and dates (each pass after the last one's end), for the 100,000-article run.

    PYTHONPATH=src .venv/bin/python bench/ray_cluster.py [--uci 10000] [--replay 100000] [--multinews 40]
        [--cpus 2] [--rounds 1]
        [--nodes 10 --cores-per-node 16]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
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


def replayed(src: Path, n: int, dest: Path) -> Path:
    """A synthetic feed of ``n`` real articles: ``src``'s lines replayed in order, each replay with new ids,
    story keys and dates moved past the previous replay's last date (plus 60 days), so that no replayed
    report joins a story of an earlier pass by its date, and the feed grows as a real archive would."""
    rows = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    stamps = [datetime.fromisoformat(r["published"].replace("Z", "+00:00")) for r in rows if r.get("published")]
    step = (max(stamps) - min(stamps)) + timedelta(days=60)
    with dest.open("w", encoding="utf-8") as fh:
        for i in range(n):
            k, row = divmod(i, len(rows))
            row = dict(rows[row])
            if k:
                row["id"] = f"{row['id']}-r{k}"
                row["story"] = f"{row.get('story')}-r{k}"
                if row.get("published"):
                    when = datetime.fromisoformat(row["published"].replace("Z", "+00:00")) + k * step
                    row["published"] = when.isoformat().replace("+00:00", "Z")
                if row.get("url"):
                    row["url"] = f"{row['url']}#r{k}"
            fh.write(json.dumps(row) + "\n")
    return dest


def tree_usage(root: int) -> dict[int, tuple[float, float]]:
    """pid -> (resident MB, CPU seconds so far) for ``root`` and every process below it (one /proc scan)."""
    parent: dict[int, int] = {}
    usage: dict[int, tuple[float, float]] = {}
    tick, page = os.sysconf("SC_CLK_TCK"), os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            parent[int(entry)] = int(fields[1])
            usage[int(entry)] = (int(fields[21]) * page / 2**20, (int(fields[11]) + int(fields[12])) / tick)
        except (OSError, ValueError, IndexError):
            continue
    out, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in out or pid not in usage:
            continue
        out[pid] = usage[pid]
        todo.extend(child for child, p in parent.items() if p == pid)
    return out


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
    peak, cpu = [0.0], {}

    def sample() -> None:
        while proc.poll() is None:
            seen = tree_usage(proc.pid)
            peak[0] = max(peak[0], sum(rss for rss, _ in seen.values()))
            cpu.update({pid: used for pid, (_, used) in seen.items()})  # the last reading of each process
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{engine} x{workers} failed:\n{stderr[-3000:]}")
    got = json.loads(stdout.strip().splitlines()[-1])
    got["peak_rss_mb"], got["cpu"] = peak[0], sum(cpu.values())
    return got


def phase_costs(feed: Path) -> dict[str, float]:
    """CPU seconds per article of each phase, serially in this process (after a warm-up)."""
    from newsfuse.cluster.ingest import clean_items, collect, read_items
    from newsfuse.cluster.online import ClusterState
    from newsfuse.cluster.stream import article_features, cluster_articles, stream_order
    from newsfuse.config import Settings

    settings = Settings()
    warm = collect(clean_items(list(read_items([str(feed)], settings))[:50], settings)).articles
    cluster_articles(ClusterState(), warm)  # warm-up: language model, stop words, wordfreq tables
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
    t = time.process_time()  # what the Ray engine's driver adds per article: rows out and back, pickled
    for item, article, terms in zip(items, articles, computed[0], strict=False):
        pickle.loads(pickle.dumps(item))
        pickle.loads(pickle.dumps((article, terms)))
    shipping = time.process_time() - t
    n = max(1, len(articles))
    return {"articles": len(articles), "read_ms": 1000 * read / n, "clean_ms": 1000 * clean / n,
            "features_ms": 1000 * features / n, "assign_ms": 1000 * assign / n, "ship_ms": 1000 * shipping / n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--uci", type=int, default=10000, help="UCI headlines (0: skip)")
    ap.add_argument("--multinews", type=int, default=40, help="Multi-News articles, briefed (0: skip)")
    ap.add_argument("--replay", type=int, default=0,
                    help="a synthetic feed of this many UCI headlines replayed with new dates (0: skip)")
    ap.add_argument("--cpus", type=int, default=2, help="local --workers and Ray CPUs")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each engine; the fastest is reported")
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
        if args.replay:
            feeds["replay"] = replayed(UCI, args.replay, Path(tmp) / "replay.jsonl")
        if args.multinews:
            feeds["multinews"] = first_lines(MULTINEWS, args.multinews, Path(tmp) / "multinews.jsonl")
        briefing_s_per_source = None
        for name, feed in feeds.items():
            runs = [("local", 1), ("local", args.cpus), ("ray", args.cpus)]
            outputs = {}
            print(f"\n## {name}: {feed.name}")
            print("| engine | CPUs | articles | stories | briefed | wall s | CPU s (tree) | articles/s | "
                  "articles/CPU-s | peak RSS MB (tree) |")
            print("|---|---|---|---|---|---|---|---|---|---|")
            for engine, workers in runs:
                got = {}
                for r in range(args.rounds):  # the best of the rounds: the machine is shared
                    out = Path(tmp) / f"out-{name}-{engine}-{workers}-{r}"
                    this = run_one(feed, out, engine, workers)
                    outputs[(engine, workers)] = files(out)
                    if not got or this["wall"] < got["wall"]:
                        got = this
                print(f"| {engine} | {workers} | {got['articles']} | {got['stories']} | {got['briefed']} | "
                      f"{got['wall']:.1f} | {got['cpu']:.1f} | {got['articles'] / got['wall']:.1f} | "
                      f"{got['articles'] / max(got['cpu'], 1e-9):.1f} | {got['peak_rss_mb']:.0f} |", flush=True)
                if name == "multinews" and (engine, workers) == ("local", 1) and got["articles"]:
                    briefing_s_per_source = got["cpu"] / got["articles"]
            same = all(o == outputs[("local", 1)] for o in outputs.values())
            print(f"same files on every engine: {same}")
        tiny = first_lines(UCI, 10, Path(tmp) / "tiny.jsonl")
        fixed = min((run_one(tiny, Path(tmp) / f"out-tiny-{r}", "ray", args.cpus) for r in range(args.rounds)),
                    key=lambda got: got["wall"])
        print(f"\nRay's fixed cost (10 headlines, {args.cpus} CPUs): wall {fixed['wall']:.1f} s, "
              f"CPU {fixed['cpu']:.1f} s, peak RSS {fixed['peak_rss_mb']:.0f} MB")
        print("\n## per-article CPU ms, serial, this process")
        costs = {name: phase_costs(feed) for name, feed in feeds.items()}
        for name, c in costs.items():
            print(f"{name}: {c['articles']} articles; read {c['read_ms']:.2f}, parse + clean {c['clean_ms']:.2f}, "
                  f"features {c['features_ms']:.2f}, assignment {c['assign_ms']:.2f}, "
                  f"Ray driver's pickling {c['ship_ms']:.2f}")
        cores = args.nodes * args.cores_per_node
        print(f"\n## projection: {args.nodes} nodes x {args.cores_per_node} cores = {cores} cores")
        for name, c in costs.items():
            parallel = c["clean_ms"] + c["features_ms"]
            brief = 0.0
            if briefing_s_per_source and name == "multinews":  # the serial run's CPU, less the other phases
                brief = max(0.0, 1000 * briefing_s_per_source - parallel - c["read_ms"] - c["assign_ms"])
            driver = c["read_ms"] + c["assign_ms"] + c["ship_ms"]
            spread = (parallel + brief) / cores
            what = "the driver's serial pass" if driver >= spread else "the parallel phases"
            print(f"{name}: parallel {parallel + brief:.2f} ms/article ({brief:.0f} of it briefing) -> {spread:.3f} ms "
                  f"on {cores} cores; driver (read + assignment + pickling) {driver:.2f} ms; "
                  f"bound {1000 / max(driver, spread):,.0f} articles/s, set by {what}")

if __name__ == "__main__":
    main()
