"""Library API of ``newsfuse cluster``: inputs -> stories on disk -> briefings + index.

``run_cluster`` is what the CLI calls: read the feed, load the state (from
``--state``: a folder, a SQLite file or a PostgreSQL URL, the store ``newsfuse
serve`` uses; else a fresh one in memory), cluster the new articles in time
order, save the state, then write a briefing for each story that changed and
the index of all stories.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import Rejection, UsageError
from ..store import records as rec
from ..store.state import (
    StoredArticle,
    load_articles,
    load_hashes,
    load_pending,
    load_story_articles,
    locate,
    open_state,
    record_story,
    save_run,
    state_lock,
)
from .embed import Embedder
from .ingest import Cleaner, clean_items, read_feed
from .model import Article, Assignment
from .online import ClusterConfig, ClusterState
from .output import LoadStory, output_key, sha256, write_outputs
from .spool import RetiredStories, Spool, Spooled
from .stream import Features, cluster_articles, naive_utc

#: progress(phase, done[, total]): phase is "read" (inputs read), "cluster" (articles assigned) or
#: "brief" (stories briefed in parallel, with the number to brief).
Progress = Callable[..., None]


@dataclass(frozen=True)
class ClusterOptions:
    config: ClusterConfig = ClusterConfig()
    embeddings: bool = False
    min_articles: int = 1  # stories smaller than this get no briefing (still in the index)
    briefings: bool = True
    workers: int = 1  # processes briefing stories at once (cluster.parallel); 0: one per core
    engine: str = "local"  # "local" (this machine) or "ray" (cluster.ray_engine)
    address: str | None = None  # a running Ray cluster to join (engine "ray"); None: start a local one
    lock_wait_s: float = 60.0  # how long a run waits for another run on the same --state


DEFAULT_SETTINGS, DEFAULT_OPTIONS = Settings(), ClusterOptions()


@dataclass
class ClusterReport:
    new_articles: int = 0
    known_articles: int = 0
    stories: int = 0
    changed_stories: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    failed_stories: dict[str, str] = field(default_factory=dict)  # story id -> why its briefing failed


def run_cluster(inputs: Sequence[str], outdir: Path, state_dir: Path | str | None = None,
                settings: Settings = DEFAULT_SETTINGS, options: ClusterOptions = DEFAULT_OPTIONS,
                manifest: str | None = None, progress: Progress | None = None) -> ClusterReport:
    """``state_dir``: a folder, a SQLite file or a ``postgresql://`` URL (``store.state.locate``)."""
    if options.engine == "ray" and not _ray_running():
        from .ray_engine import ray_session

        with ray_session(options.address, options.workers or None):  # one Ray session for every phase
            return run_cluster(inputs, outdir, state_dir, settings, options, manifest, progress)
    counter, engine = _Counter(progress), _engine(options)
    spool = Spool()  # the feed's texts and raw documents, on disk until they are saved (cluster.spool)
    try:
        feed = read_feed(inputs, settings, manifest, counter.read, engine.clean, spool)
        report = ClusterReport(rejected=list(feed.rejected))
        with state_lock(state_dir, options.lock_wait_s), open_state(state_dir) as db:
            changed = _cluster_and_save(db, Spooled(feed.articles, spool), state_dir, options, counter, engine, report)
            del feed
            spool.close()  # saved: from here on a story's documents are read when it is briefed
            with db.read() as conn:
                everything, report_ids = load_articles(conn, texts=False)
                pending, known = load_pending(conn), load_hashes(conn)
            report.changed_stories = sorted(changed)
            report.stories = len({a.story for a in everything})
            members: dict[str, list[str]] = {}
            for a in everything:
                members.setdefault(a.story, []).append(report_ids[a.id])

            def done(sid: str, failure: str | None, hashes: dict[str, str]) -> None:
                briefing = _written_briefing(outdir, sid, hashes) if failure is None else None
                with db.write() as conn:
                    record_story(conn, sid, failure, hashes, briefing, members.get(sid, []))

            def load(sid: str, _members: list[StoredArticle]) -> list[StoredArticle]:
                with db.read() as conn:
                    return load_story_articles(conn, sid)

            briefer = _prebrief(outdir, everything, pending, known, settings, options, progress, load)
            out = write_outputs(outdir, everything, pending, settings, options, report.rejected,
                                _index_options(options), known, done, brief=briefer, load=load)
    finally:
        spool.close()
    report.written, report.failed_stories = out.written, out.failed
    return report


def _cluster_and_save(db: Any, articles: Spooled, state_dir: Path | str | None, options: ClusterOptions,
                      counter: _Counter, engine: Any, report: ClusterReport) -> set[str]:
    """Cluster the feed onto the stored state and save it all in one transaction; returns the stories changed.

    The articles stream from the spool into that transaction (``save_run`` with the stories named
    up front), so the batch becomes visible whole or not at all, as before, without being held."""
    with db.read() as conn:
        config = _config(rec.stored_config(conn), options.config, locate(state_dir).shown)
        since = settled_before(articles, config)
        generation, state = rec.cluster_generation(conn), _retiring(rec.load_cluster(conn, config, since), articles.spool)
    embedder = _embedder(options) if config.w_embed > 0 else None
    before = Counter(state.df)
    assignments = cluster_articles(state, articles, embedder, counter.cluster, engine.features)
    with db.write() as conn:  # the clustering and what it leaves to write, in one transaction
        if rec.cluster_generation(conn) != generation:  # a serve worker clustered reports meanwhile
            state = _retiring(rec.load_cluster(conn, config, since), articles.spool)
            before = Counter(state.df)
            assignments = cluster_articles(state, articles, embedder, counter.cluster, engine.features)
        changed = save_run(conn, state, before, each_stored(articles, assignments),
                           stories={a.story for a in assignments})
    report.new_articles = len(assignments)
    report.known_articles = len(articles) - len(assignments)
    return changed


def settled_before(articles: Spooled, config: ClusterConfig) -> datetime | None:
    """The time before which a stored story's latest article means it can take none of this feed.

    The first dated article assigned expires every story whose latest article is more than
    ``window_days`` older (``online.expire``), before it is compared with any; undated articles come
    after the dated ones (``stream.stream_order``). So such stories need not be loaded: this is the
    feed's earliest dated time less the window, less a day of margin (naive times are read as local
    time by ``expire``). None when no article is dated: then every story may be a candidate."""
    times = [naive_utc(e.published) for e in articles.entries if e.published is not None]
    if not times:
        return None
    return min(times) - timedelta(days=config.window_days + 1)


def _retiring(state: ClusterState, spool: Spool) -> ClusterState:
    """Expired stories move to the run's spool (``spool.RetiredStories``) and come back for the save:
    the clustering holds the live stories only. Starts the spool's story table afresh."""
    state.retired = RetiredStories(spool, {sid: len(s.articles) for sid, s in state.stories.items()})
    return state


def _written_briefing(outdir: Path, sid: str, hashes: Mapping[str, str]) -> dict[str, Any] | None:
    """The JSON briefing just written for ``sid`` (checked against its hash), to store as its version."""
    path = outdir / f"stories/{sid}.json"
    want = hashes.get(output_key(path))
    if want is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    return json.loads(text) if sha256(text) == want else None


def stored(articles: Sequence[Article], assignments: Sequence[Assignment]) -> list[StoredArticle]:
    """The newly assigned articles, in the order they were assigned."""
    return list(each_stored(articles, assignments))


def each_stored(articles: Sequence[Article], assignments: Sequence[Assignment]) -> Iterator[StoredArticle]:
    """``stored``, one at a time: from a ``Spooled`` feed the documents are read back a chunk at a time."""
    whole: Iterable[Article]
    if isinstance(articles, Spooled):
        entries = {e.id: e for e in articles.entries}
        whole = articles.spool.load(entries[a.article] for a in assignments)
    else:
        by_id = {a.id: a for a in articles}
        whole = (by_id[a.article] for a in assignments)
    for a, art in zip(assignments, whole, strict=True):
        yield StoredArticle(a.article, a.story, a.score, a.best, art.origin, art.title, art.outlet, art.url,
                            art.published, art.text, art.raw)


def _config(saved: ClusterConfig | None, asked: ClusterConfig, shown: str) -> ClusterConfig:
    """A state keeps the settings it was built with: changing them midway would mix two clusterings."""
    if saved is None or saved == asked:
        return asked
    if asked == ClusterConfig():
        return saved
    raise UsageError(f"the state in {shown} was built with {saved}; it cannot continue with {asked}. "
                     "Use a new --state folder to cluster with other settings, or leave the options out.")


def _prebrief(outdir: Path, articles: Sequence[StoredArticle], todo: Mapping[str, str | None],
              known: Mapping[str, str], settings: Settings, options: ClusterOptions,
              progress: Progress | None, load: LoadStory | None = None) -> Any:
    """With more than one worker, brief the stories ahead in parallel (same files as serially)."""
    from .parallel import prebrief, resolve_workers

    tick = (lambda done, total: progress("brief", done, total)) if progress else None
    if options.engine == "ray":
        from functools import partial

        from .ray_engine import brief_with_ray

        runner = partial(brief_with_ray, address=options.address)
        return prebrief(outdir, articles, todo, known, settings, options, options.workers or None, tick, runner, load)
    workers = resolve_workers(options.workers)
    return prebrief(outdir, articles, todo, known, settings, options, workers, tick, load=load) if workers > 1 else None


def _ray_running() -> bool:
    """A Ray session is up (this run's, or the caller's); asked without importing Ray."""
    ray = sys.modules.get("ray")
    return ray is not None and ray.is_initialized()


@dataclass(frozen=True)
class LocalEngine:
    """How articles are cleaned (``ingest.Cleaner``) and featured: in this process (``features`` None:
    ``stream.cluster_articles`` makes each article's terms as it assigns it)."""

    clean: Cleaner = clean_items
    features: Features | None = None


def _engine(options: ClusterOptions) -> Any:
    """The local engine, or the Ray engine's parallel cleaner and feature extractor (same outcomes)."""
    if options.engine != "ray":
        return LocalEngine()
    from .ray_engine import RayFeed

    return RayFeed()


def _embedder(options: ClusterOptions) -> Embedder | None:
    if not options.embeddings:
        return None
    if options.engine == "ray":
        from .ray_engine import MiniLMOnWorkers

        return MiniLMOnWorkers()
    from .embed import load_minilm

    return load_minilm()


def _index_options(options: ClusterOptions) -> dict[str, Any]:
    c = options.config
    return {"threshold": c.threshold, "window_days": c.window_days, "embeddings": options.embeddings,
            "min_articles": options.min_articles}


class _Counter:
    def __init__(self, progress: Progress | None) -> None:
        self.progress, self.n_read = progress, 0

    def read(self, _origin: str) -> None:
        self.n_read += 1
        if self.progress:
            self.progress("read", self.n_read)

    def cluster(self, done: int) -> None:
        if self.progress:
            self.progress("cluster", done)
