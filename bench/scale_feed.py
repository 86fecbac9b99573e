"""Peak memory of a whole `newsfuse cluster` run against the length of the feed.

A feed of n full-text articles is the Multi-News validation set (``../shared/eval/cluster-multinews-val``,
293 articles of ~750 words, 82 stories) replayed: the articles of one copy a minute apart,
each copy a week after the last (beyond the 3-day window, so each copy is a new set of stories
and no story grows with the feed); a closing sentence and a title suffix naming the copy make
each copy distinct, since the reader drops repeated articles. It is written as one JSON Lines dump and run through the
command line, `newsfuse cluster FEED -o OUT` with a fresh ``--state`` each time, in a child
process whose peak RSS (``wait4``) and CPU are reported. Without briefings the run reads,
cleans, clusters and stores the feed; with ``--briefings`` it also briefs every story
(serially, ``--workers 1``), so memory shows whether it follows the largest story or the feed.

    PYTHONPATH=src .venv/bin/python bench/scale_feed.py [--sizes 2000,8000] [--briefings] [--baseline DIR]
        [--then 1000]

``--then M``: an incremental run. A store is first filled with the n articles (a run not measured),
then M later articles (the next copies, a week on) are clustered onto it with the same ``--state``;
that second run is measured, so its memory shows whether it follows the store or the new feed.

``--baseline DIR`` (another checkout, e.g. a ``git worktree`` of main) runs its ``src`` on the
same feed right before this checkout's, size by size, so both sides share the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MULTINEWS = ROOT.parent / "shared" / "eval" / "cluster-multinews-val" / "articles.jsonl"


def write_feed(n: int, path: Path) -> int:
    """n articles, the Multi-News set replayed; returns the characters of text written."""
    rows = [json.loads(line) for line in MULTINEWS.read_text(encoding="utf-8").splitlines()]
    base, chars = datetime(2020, 1, 1), 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            copy, row = divmod(i, len(rows))
            rec = rows[row]
            text = f"{rec['text'].rstrip()} Replay {copy}." if copy else rec["text"]
            chars += len(text)
            title = f"{rec['title']} (replay {copy})" if copy and rec.get("title") else rec.get("title")
            fh.write(json.dumps({"title": title, "text": text, "outlet": rec.get("outlet"),
                                 "published": (base + timedelta(days=7 * copy, minutes=row)).isoformat()}) + "\n")
    return chars


def run(n: int, briefings: bool, src: Path = ROOT / "src", then: int = 0) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        chars = write_feed(n + then, feed)
        cmd = [sys.executable, "-c", "import sys; from newsfuse.cli import main; sys.exit(main())", "cluster", str(feed),
               "-o", str(Path(tmp) / "out"), "--state", str(Path(tmp) / "state"), "-q", "--workers", "1"]
        if not briefings:
            cmd.append("--no-briefings")
        env = {**os.environ, "PYTHONPATH": str(src) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        if then:  # fill the store with the first n, then measure the run of the `then` later ones
            lines = feed.read_text(encoding="utf-8").splitlines(keepends=True)
            (Path(tmp) / "first.jsonl").write_text("".join(lines[:n]), encoding="utf-8")
            feed.write_text("".join(lines[n:]), encoding="utf-8")
            subprocess.run([*cmd[:4], str(Path(tmp) / "first.jsonl"), *cmd[5:]], env=env, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        index = json.loads((Path(tmp) / "out" / "index.json").read_text(encoding="utf-8")) if (Path(tmp) / "out" / "index.json").exists() else {}
    stories = index.get("stories", [])
    return {"articles": n, "src": str(src), "chars": chars, "briefings": briefings, "exit": os.waitstatus_to_exitcode(status),
            "stories": len(stories), "largest_story": max((s.get("size", 0) for s in stories), default=0),
            "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024,
            "stderr_tail": err[-500:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2000,8000")
    ap.add_argument("--briefings", action="store_true", help="brief every story too (serially)")
    ap.add_argument("--json", type=Path, help="also write the records here")
    ap.add_argument("--baseline", type=Path, help="another checkout to run side by side (its src/)")
    ap.add_argument("--then", type=int, default=0, help="measure an incremental run of this many later articles")
    args = ap.parse_args()
    if not MULTINEWS.exists():
        print(f"skipped: {MULTINEWS} is absent (research data lives in ../shared beside the checkout)")
        return
    sides = [("baseline", args.baseline / "src"), ("this", ROOT / "src")] if args.baseline else [("this", ROOT / "src")]
    records = []
    print(f"{'side':>8} {'articles':>8} {'MB text':>8} {'stories':>7} {'largest':>7} {'wall s':>7} {'CPU s':>7} "
          f"{'peak RSS MB':>11}", flush=True)
    for n in (int(x) for x in args.sizes.split(",")):
        for side, src in sides:
            rec = {"side": side, **run(n, args.briefings, src, args.then)}
            records.append(rec)
            print(f"{side:>8} {n:8d} {rec['chars'] / 1e6:8.1f} {rec['stories']:7d} {rec['largest_story']:7d} "
                  f"{rec['wall']:7.1f} {rec['cpu']:7.1f} {rec['peak_rss_mb']:11.0f}"
                  + (f"  exit {rec['exit']}: {rec['stderr_tail']}" if rec["exit"] >= 2 else ""), flush=True)
    for side, _ in sides:
        mine = [r for r in records if r["side"] == side]
        for a, b in zip(mine, mine[1:]):
            per = (b["peak_rss_mb"] - a["peak_rss_mb"]) / (b["articles"] - a["articles"]) * 1000
            print(f"{side}: peak RSS growth {a['articles']} -> {b['articles']}: {per:.1f} MB per 1,000 articles "
                  f"({(b['chars'] - a['chars']) / (b['articles'] - a['articles']) / 1000:.1f} MB of text per 1,000)")
    if args.json:
        args.json.write_text(json.dumps(records, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
