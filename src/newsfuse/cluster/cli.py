"""``newsfuse cluster INPUTS... -o OUTDIR``: argparse setup and handler (a thin shell over ``cluster.api``).

Exit codes as for ``brief``: 0 all inputs used; 1 stories written but some
inputs skipped or some stories' briefings failed (listed on stderr and in
index.json; a failed story is retried by the next run); 2 usage error,
including another run holding the ``--state`` past ``--lock-wait``; 3 no
usable article at all.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..cli_options import add_reading_options, check_writable_folder, reading_settings
from ..errors import UsageError
from .online import HEADLINE_THRESHOLD, THRESHOLD, WINDOW_DAYS, ClusterConfig

EXIT_OK, EXIT_SOME_REJECTED, EXIT_NOTHING_USABLE = 0, 1, 3
#: Weights used with --embeddings (words, names, title, embedding); see
#: bench/cluster_calibrate.py --embeddings and docs/cluster.md.
EMBED_WEIGHTS = (0.3, 0.3, 0.1, 0.3)
#: Thresholds that go with EMBED_WEIGHTS (embedding cosines run higher than
#: TF-IDF ones). Full articles: 0.28 is the best of the grid on Multi-News +
#: ECB+ dev (mean B-cubed F1 0.852, below TF-IDF alone: 0.877). Headlines: on
#: 5,000 interleaved UCI dev headlines 0.20 gives B-cubed F1 0.785 against
#: 0.728 for TF-IDF alone (0.30 gives 0.695); the gain is on headline feeds.
#: (Grid run before the background IDF of ``prior``; re-measured with it by
#: bench/cluster_quality.py --embeddings: UCI 10k 0.783 vs 0.749 without.)
EMBED_THRESHOLD = 0.28
EMBED_HEADLINE_THRESHOLD = 0.20


#: What the progress line calls each phase of a run.
PHASES = {"read": "reading", "cluster": "clustering", "brief": "briefing (stories)"}


def add_parser(sub: Any) -> None:
    c = sub.add_parser("cluster", help="group a mixed feed into stories and brief each story",
                       description="Group articles into stories (online, in publication order) and write one "
                                   "briefing per story plus an index page.")
    c.add_argument("inputs", nargs="+", metavar="INPUTS",
                   help="files (.txt .html .json .jsonl dumps), folders, http(s) URLs or RSS/Atom feeds")
    c.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="folder for index.html/json and stories/")
    c.add_argument("--state", metavar="DIR|FILE|URL",
                   help="keep the clustering in a store and add to it on later runs: a folder (DIR/state.sqlite), "
                        "a SQLite file ending .db/.sqlite (e.g. the newsfuse.db of 'newsfuse serve') or a "
                        "postgresql:// URL; its stories then show in 'newsfuse serve --db' on the same store")
    c.add_argument("--threshold", type=float, help=f"join threshold 0..1 (default {THRESHOLD}; higher = more, smaller stories)")
    c.add_argument("--headline-threshold", type=float,
                   help=f"join threshold for headline-only records (default {HEADLINE_THRESHOLD})")
    c.add_argument("--window", type=float, default=None, metavar="DAYS",
                   help=f"a story takes new articles for this many days after its latest one (default {WINDOW_DAYS})")
    c.add_argument("--embeddings", action="store_true",
                   help="also compare sentence embeddings (all-MiniLM-L6-v2, offline; slower)")
    c.add_argument("--min-articles", type=int, default=1, metavar="N", help="brief only stories with at least N articles (default 1)")
    c.add_argument("--no-briefings", action="store_true", help="write the index only")
    c.add_argument("--workers", type=int, default=0, metavar="N",
                   help="brief stories in N worker processes, the model loaded once per worker "
                        "(default 0: one per available core; 1: serially in this process); same files either way")
    c.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="where the work runs: this machine (default) or Ray: cleaning, features and briefings on Ray Data, "
                        "same output (pip install 'newsfuse[ray]')")
    c.add_argument("--address", metavar="HOST:PORT",
                   help="with --engine ray: join this running Ray cluster (default: start a local one)")
    c.add_argument("--lock-wait", type=float, default=60.0, metavar="SECONDS",
                   help="how long to wait for another run using the same --state before stopping with "
                        "exit code 2 (default 60)")
    add_reading_options(c, words_help="summary length in words per briefing (default 250)")


def config_from(args: argparse.Namespace) -> ClusterConfig:
    config = ClusterConfig()
    if args.embeddings:
        ww, wn, wt, we = EMBED_WEIGHTS
        config = replace(config, w_words=ww, w_names=wn, w_title=wt, w_embed=we, threshold=EMBED_THRESHOLD,
                         headline_threshold=EMBED_HEADLINE_THRESHOLD)
    if args.threshold is not None:
        if not 0 < args.threshold < 1:
            raise UsageError("--threshold must be between 0 and 1 (try 0.2-0.4)")
        config = replace(config, threshold=args.threshold)
    if args.headline_threshold is not None:
        if not 0 < args.headline_threshold < 1:
            raise UsageError("--headline-threshold must be between 0 and 1 (try 0.05-0.2)")
        config = replace(config, headline_threshold=args.headline_threshold)
    if args.window is not None:
        if args.window <= 0:
            raise UsageError("--window must be a positive number of days")
        config = replace(config, window_days=args.window)
    return config


def handle(args: argparse.Namespace) -> int:
    from .api import ClusterOptions, run_cluster

    if args.min_articles <= 0:
        raise UsageError("--min-articles must be positive")
    if args.workers < 0:
        raise UsageError("--workers must be 0 (one per core) or a positive number of processes")
    if args.address and args.engine != "ray":
        raise UsageError("--address is for --engine ray")
    if not args.lock_wait >= 0:
        raise UsageError("--lock-wait must be 0 or more seconds")
    settings = reading_settings(args)
    check_writable_folder(args.output, "-o")
    if args.state:
        check_state(args.state)
    options = ClusterOptions(config=config_from(args), embeddings=args.embeddings,
                             min_articles=args.min_articles, briefings=not args.no_briefings, workers=args.workers,
                             engine=args.engine, address=args.address,
                             lock_wait_s=args.lock_wait)
    with _progress(not args.quiet and sys.stderr.isatty()) as tick:
        report = run_cluster(args.inputs, Path(args.output), args.state,
                             settings, options, args.manifest, tick)
    for r in report.rejected:
        print(f"newsfuse: skipped {r.path}: {r.reason}", file=sys.stderr)
    for sid, reason in sorted(report.failed_stories.items()):
        print(f"newsfuse: briefing of story {sid} failed (retried on the next run): {reason}", file=sys.stderr)
    if report.stories == 0:
        print("newsfuse: no usable article among the inputs; nothing written", file=sys.stderr)
        return EXIT_NOTHING_USABLE
    print(f"newsfuse: {report.new_articles} new articles ({report.known_articles} already clustered) -> "
          f"{report.stories} stories, {len(report.changed_stories)} changed; wrote {len(report.written)} files "
          f"to {args.output}" + (f"; {len(report.failed_stories)} briefings failed" if report.failed_stories else ""),
          file=sys.stderr)
    return EXIT_SOME_REJECTED if report.rejected or report.failed_stories else EXIT_OK


def check_state(state: str) -> None:
    """A --state folder or SQLite file can be written (a PostgreSQL URL is checked when it is opened)."""
    from ..store.state import check_sqlite_file, locate

    where = locate(state)
    if where.postgres:
        return
    if where.folder:
        check_writable_folder(state, "--state")
        return
    check_sqlite_file(Path(state), state)
    if Path(state).exists() and not os.access(state, os.W_OK):
        raise UsageError(f"--state {state}: cannot write it (permission denied)")
    check_writable_folder(str(Path(state).parent), "--state")


@contextmanager
def _progress(show: bool) -> Iterator[Any]:
    """A rich progress line on stderr: articles read, then articles clustered per second."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=20),
                  TextColumn("{task.completed} {task.fields[unit]}"), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=Console(stderr=True),
                  transient=True) as bar:
        tasks: dict[str, Any] = {}
        started: dict[str, float] = {}

        def tick(phase: str, done: int, total: int | None = None) -> None:
            unit = "stories" if phase == "brief" else "articles"
            if phase not in tasks:
                for earlier in tasks.values():
                    bar.stop_task(earlier)  # freeze the earlier phase's clock
                tasks[phase] = bar.add_task(PHASES.get(phase, phase), total=total, rate="", unit=unit)
                started[phase] = time.perf_counter()
            elapsed = max(time.perf_counter() - started[phase], 1e-6)
            bar.update(tasks[phase], completed=done, total=total, rate=f"{done / elapsed:,.1f} {unit}/s")

        yield tick
