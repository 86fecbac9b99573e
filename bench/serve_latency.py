"""``newsfuse serve`` under load: page latency, ingest throughput, and SIGKILL recovery.

    python bench/serve_latency.py                   # latency, SQLite (10,000 reports / 1,000 stories)
    python bench/serve_latency.py --postgres        # the same on a throwaway PostgreSQL (Debian's server)
    python bench/serve_latency.py --ingest          # reports/s through the app vs `newsfuse cluster`
    python bench/serve_latency.py --kill            # SIGKILL mid-ingest of 1,000 reports, restart, check

Latency store, synthetic from real: report texts are real articles (../shared/eval
Multi-News validation, and examples/in-amenas), each copy made unique by a
dateline line; each story gets one real briefing (briefed once from real
articles by the normal pipeline) under its own id and title, and ten reports.
The load loop is one client on 127.0.0.1 against the real server process
(uvicorn), a bounded number of requests per page kind, after a warm-up.
Target (issue 14): p95 < 100 ms for pages.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from newsfuse.config import Settings
from newsfuse.model import DocMeta, RawDocument
from newsfuse.serve.jobs import default_briefer
from newsfuse.store import records as rec
from newsfuse.store.database import open_database

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
MULTINEWS = EVAL / "cluster-multinews-val" / "articles.jsonl"
UCI = EVAL / "cluster-uci-dev" / "articles.jsonl"


def real_articles() -> list[dict]:
    """Real articles with text: Multi-News validation when ../shared is there, plus the example story."""
    rows = []
    if MULTINEWS.is_file():
        for line in MULTINEWS.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if len((r.get("text") or "").split()) > 80:
                rows.append({"title": r.get("title"), "text": r["text"], "outlet": r.get("outlet"), "story": r.get("story")})
    for p in sorted((ROOT / "examples" / "in-amenas").glob("*.txt")):
        rows.append({"title": p.stem, "text": p.read_text(encoding="utf-8"), "outlet": None, "story": "in-amenas"})
    return rows


def real_briefings(articles: list[dict], n: int) -> list[dict]:
    """``n`` briefings made by the real pipeline from real stories: the example story first (five
    reports, a full page: figures, disputes, timeline), then the shortest Multi-News stories."""
    by_story: dict[str, list[dict]] = {}
    for a in articles:
        by_story.setdefault(str(a["story"]), []).append(a)
    groups = sorted((g for g in by_story.values() if len(g) >= 3),
                    key=lambda g: (g[0]["story"] != "in-amenas", sum(len(a["text"]) for a in g)))[:n]
    out = []
    for g in groups:
        docs = [RawDocument(f"bench:{i}", a["text"], "text", DocMeta(title=a["title"], outlet=a["outlet"]))
                for i, a in enumerate(g[:5])]
        out.append(default_briefer(docs, Settings()))
    return out


def build_store(url: str, stories: int, per_story: int, seed: int = 7) -> list[str]:
    """Fill the store directly (the ingest path is measured separately); returns the story ids."""
    rng = random.Random(seed)
    articles = real_articles()
    briefings = real_briefings(articles, 3)
    print(f"briefings: {len(briefings)} real ones made", file=sys.stderr)
    db = open_database(url)
    ids = []
    t0 = time.perf_counter()
    for s in range(stories):
        sid = f"story-bench{s:05d}"
        ids.append(sid)
        with db.write() as conn:
            picked = rng.sample(articles, per_story)
            rids = []
            for k, a in enumerate(picked):
                text = f"{a['text']}\n\nFiled for bench story {s}, report {k}."
                doc = RawDocument(f"bench:{s}:{k}", text, "text", DocMeta(title=a["title"], outlet=a["outlet"],
                                                                          url=f"http://bench.example/{s}/{k}"))
                rid, _ = rec.add_report(conn, doc)
                rec.mark_report(conn, rid, "clustered", None, f"a-{s}-{k}", sid, text, a["title"])
                rec.touch_story(conn, sid, a["title"])
                rids.append(rid)
            briefing = json.loads(json.dumps(briefings[s % len(briefings)]))
            briefing["story"]["title"] = f"{picked[0]['title'] or 'Story'} ({s})"
            rec.add_version(conn, sid, rids, briefing)
            conn.execute("UPDATE jobs SET status = 'done' WHERE status = 'queued'")
    print(f"store: {stories} stories, {stories * per_story} reports written in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    db.close()
    return ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, worker: bool = False, allow_private: bool = False) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "newsfuse.cli", "serve", "--db", db, "--port", str(port)]
    cmd += [] if worker else ["--no-worker"]
    cmd += ["--allow-private"] if allow_private else []
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/api/stamp", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def latency(db: str, ids: list[str], requests: int, label: str) -> None:
    proc, base = start_server(db)
    rng = random.Random(11)
    words = ["hostages", "election", "storm", "court ruling", "police", "minister said", "oil", "fire", "vote",
             "earthquake", "bank", "protest"]
    kinds = {"front page": lambda: "/", "front page by sources": lambda: "/?order=sources",
             "story page": lambda: f"/stories/{rng.choice(ids)}",
             "search": lambda: f"/search?q={rng.choice(words)}",
             "api stories": lambda: "/api/stories?limit=50"}
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for make in kinds.values():  # warm-up
                for _ in range(5):
                    client.get(make())
            print(f"\n{label}: {requests} sequential requests per page, one client on 127.0.0.1")
            print(f"{'page':24} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
            for name, make in kinds.items():
                times = []
                for _ in range(requests):
                    path = make()
                    t0 = time.perf_counter()
                    r = client.get(path)
                    times.append((time.perf_counter() - t0) * 1000)
                    assert r.status_code == 200, (path, r.status_code)
                print(f"{name:24} {statistics.median(times):8.1f} {percentile(times, 0.95):8.1f} {max(times):8.1f}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def start_postgres() -> tuple[str, callable]:
    """A throwaway PostgreSQL cluster on a unix socket (as tests/serve/conftest.py starts it)."""
    initdb = shutil.which("initdb") or sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))[-1]
    pg_ctl = str(Path(initdb).with_name("pg_ctl"))
    root = tempfile.mkdtemp(prefix="newsfuse-bench-pg-")
    data, sock = os.path.join(root, "data"), os.path.join(root, "sock")
    os.makedirs(sock)
    pre = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
        pre = ["runuser", "-u", "postgres", "--"]
    subprocess.run(pre + [str(initdb), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"], check=True,
                   capture_output=True)
    subprocess.run(pre + [pg_ctl, "-D", data, "-l", os.path.join(root, "log"), "-w", "-o",
                          f"-c listen_addresses='' -k {sock}", "start"], check=True, capture_output=True)

    def stop() -> None:
        subprocess.run(pre + [pg_ctl, "-D", data, "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)

    return f"postgresql:///postgres?host={sock}&user=postgres", stop


def ingest(tmp: Path) -> None:
    """Reports per second through the app's worker (briefing included) vs `newsfuse cluster`, same reports."""
    from newsfuse.cluster.api import ClusterOptions, run_cluster
    from newsfuse.serve.jobs import Worker
    from newsfuse_eval.multigenre import available, materialise, stories

    if not available():
        raise SystemExit("--ingest needs ../shared/eval (the multi-genre report half)")
    report_stories = list(stories("report"))
    folder = tmp / "reports"
    for s in report_stories:
        materialise(s, folder / s.id)
    files = sorted(str(p) for p in folder.rglob("*.txt"))
    docs = []
    for s in report_stories:
        for a in s.articles:
            docs.append(RawDocument(f"{s.id}/{a.name}", a.text, "text", DocMeta(title=a.title, outlet=a.outlet)))
    db = open_database(str(tmp / "ingest.db"))
    t0 = time.perf_counter()
    with db.write() as conn:
        for d in docs:
            rec.add_report(conn, d)
    Worker(db).drain()
    app_s = time.perf_counter() - t0
    with db.read() as conn:
        n_stories = conn.execute("SELECT COUNT(*) FROM stories WHERE version > 0").fetchone()[0]
    t0 = time.perf_counter()
    report = run_cluster(files, tmp / "cluster-out", None, Settings(), ClusterOptions())
    cluster_s = time.perf_counter() - t0
    print(f"\ningest, multi-genre report half ({len(docs)} reports, {len(report_stories)} labelled stories):")
    print(f"  app worker (store, clean, cluster, brief):  {app_s:6.1f} s  {len(docs) / app_s:5.2f} reports/s  "
          f"-> {n_stories} stories")
    print(f"  newsfuse cluster (same files, briefings):   {cluster_s:6.1f} s  {len(files) / cluster_s:5.2f} reports/s  "
          f"-> {report.stories} stories")


def kill_test(tmp: Path, n: int = 1000, kill_after: float = 8.0) -> None:
    """SIGKILL the server while it ingests ``n`` real reports (UCI headlines + the example story), restart."""
    records = []
    # Full texts: the example story (its briefing takes seconds); the rest are UCI headline records, which
    # are clustered by headline and get no briefing until a full article joins them (as in `newsfuse cluster`).
    full = [a for a in real_articles() if a["story"] == "in-amenas"]
    for a in full:
        records.append(RawDocument(f"mn:{len(records)}", a["text"], "text", DocMeta(title=a["title"], outlet=a["outlet"])))
    if UCI.is_file():
        with UCI.open(encoding="utf-8") as fh:
            for line in fh:
                if len(records) >= n:
                    break
                r = json.loads(line)
                if r.get("title"):
                    records.append(RawDocument(f"uci:{r['id']}", r["title"], "text",
                                               DocMeta(title=r["title"], outlet=r.get("outlet"), url=r.get("url"))))
    records = records[:n]
    expected = len({rec.report_id(d) for d in records})  # a headline repeated word for word is one report
    path = str(tmp / "kill.db")
    db = open_database(path)
    with db.write() as conn:  # stored raw first, as the upload/feed handlers do
        for d in records:
            rec.add_report(conn, d)
    db.close()
    proc, _ = start_server(path, worker=True)
    time.sleep(kill_after)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(path) as conn:
        done_before = conn.execute("SELECT COUNT(*) FROM reports WHERE state != 'raw'").fetchone()[0]
        running = conn.execute("SELECT COUNT(*) FROM jobs WHERE status = 'running'").fetchone()[0]
    print(f"\nkill -9 after {kill_after:g} s: {done_before}/{len(records)} reports processed, {running} job(s) left running")
    t0 = time.perf_counter()
    proc, base = start_server(path, worker=True)
    try:
        while True:
            s = httpx.get(base + "/api/stamp", timeout=10).json()
            if s["queued"] == 0 and s["running"] == 0:
                break
            if time.perf_counter() - t0 > 1800:
                raise SystemExit("recovery did not finish within 30 minutes")
            time.sleep(1)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    with sqlite3.connect(path) as conn:
        total, distinct = conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM reports").fetchone()
        states = dict(conn.execute("SELECT state, COUNT(*) FROM reports GROUP BY state").fetchall())
        jobs = dict(conn.execute("SELECT status, COUNT(*) FROM jobs GROUP BY status").fetchall())
        placed = [a for (arts,) in conn.execute("SELECT articles FROM cluster_stories") for a in json.loads(arts)]
        clustered = conn.execute("SELECT COUNT(*) FROM reports WHERE state = 'clustered'").fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    print(f"after restart ({time.perf_counter() - t0:.0f} s): reports {total} stored ({distinct} distinct), "
          f"states {states}; jobs {jobs}")
    print(f"  articles in the clusterer: {len(placed)} ({len(set(placed))} distinct) for {clustered} clustered reports; "
          f"integrity_check: {integrity}")
    print(f"  expected {expected} distinct reports of {len(records)} records")
    ok = (total == distinct == expected and "raw" not in states and set(jobs) <= {"done", "failed"}
          and len(placed) == len(set(placed)) == clustered and integrity == "ok")
    print("  RECOVERY OK" if ok else "  RECOVERY CHECK FAILED")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--per-story", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200, help="requests per page kind (default 200)")
    parser.add_argument("--postgres", action="store_true", help="also measure on a throwaway PostgreSQL server")
    parser.add_argument("--ingest", action="store_true", help="measure ingest throughput instead of latency")
    parser.add_argument("--kill", action="store_true", help="run the SIGKILL recovery check instead of latency")
    parser.add_argument("--kill-after", type=float, default=8.0, metavar="S",
                        help="seconds after the server starts to SIGKILL it (default 8)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-") as tmp:
        if args.ingest:
            ingest(Path(tmp))
            return
        if args.kill:
            kill_test(Path(tmp), kill_after=args.kill_after)
            return
        path = str(Path(tmp) / "latency.db")
        ids = build_store(path, args.stories, args.per_story)
        latency(path, ids, args.requests, f"SQLite (WAL), {args.stories} stories / {args.stories * args.per_story} reports")
        if args.postgres:
            url, stop = start_postgres()
            try:
                ids = build_store(url, args.stories, args.per_story)
                latency(url, ids, args.requests,
                        f"PostgreSQL, {args.stories} stories / {args.stories * args.per_story} reports")
            finally:
                stop()


if __name__ == "__main__":
    main()
