"""The Ray engine of ``newsfuse cluster``: the local engine's stage functions, run on Ray Data.

``newsfuse cluster --engine ray`` (optional extra ``newsfuse[ray]``; library:
``run_cluster(..., options=ClusterOptions(engine="ray", address=...))``) runs each phase of a
run where the local engine runs it in one process, with the same functions:

1. **Reading, cleaning and features**: the driver reads the inputs (files, dumps line by line,
   URLs: the I/O, ``ingest.read_items``); parsing each dump line and cleaning each document
   (``ingest.clean_item``: ``parse_record``, then ``to_article`` -> ``sources.build_source``)
   and the article's term bags (``features.article_terms``) run as Ray Data ``map_batches``
   tasks, one fused step, so an article crosses Ray once. The outcomes come back numbered and
   the driver decides duplicates in input order (``ingest.collect``): the feed is the local one.
2. **Clustering**: the document frequencies and the assignment stay one ordered pass in the
   driver (``stream.cluster_articles``, the same code as local, handed the bags made in step 1):
   an article is compared with the stories formed before it, so this pass is serial by nature;
   it is the bound of the engine (docs/cluster.md, "Ray engine"). With ``--embeddings`` the
   vectors come from an actor pool (``ActorPoolStrategy``) whose actors load MiniLM once.
3. **Briefing**: the stories that need a briefing (``output.needs_briefing``) are streamed,
   largest first, to a pool of Ray actors (one CPU each) that load the spaCy model once (in their
   constructor) and run the whole pipeline, parse included, per story (``parallel._brief``); each
   actor has at most ``IN_FLIGHT_PER_WORKER`` stories handed to it, each read from the store only
   then, so the driver never holds the feed's documents. Results come back by story id and the driver writes them exactly as a serial run does
   (``output.write_outputs``): the same files, the same ``--state`` store.

With ``--address`` the driver joins a running cluster (``ray start --head`` on one node,
``ray start --address=HEAD:6379`` on the others; newsfuse and its spaCy model installed on every
node; inputs are read by the driver, so they need only be on its machine); without it a local
Ray instance is started on this machine's cores (``--workers`` of them when given) and shut down
at the end. Rows cross Ray as pickled bytes, so Ray Data needs no schema for our dataclasses.
"""

from __future__ import annotations

import logging
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import Rejection, UsageError
from .embed import Embedder
from .features import Terms, article_terms
from .ingest import Item, clean_item
from .model import Article
from .parallel import IN_FLIGHT_PER_WORKER, Rendered, StoryProgress, story_size
from .stream import Embedding, article_features

if TYPE_CHECKING:
    from .output import LoadStory

#: Object store of a local instance; Ray's default takes 30% of RAM. Beyond it Ray spills to disk.
LOCAL_OBJECT_STORE_BYTES = 512 * 1024 * 1024
#: Records per cleaning task and articles per feature batch: enough that Ray's per-batch overhead
#: (a few ms) is small against the work (0.1 ms per headline, ~12-16 ms per full article cleaned and
#: featured; bench/ray_cluster.py), few enough that a feed of thousands spreads over every worker.
CLEAN_BATCH, FEATURE_BATCH = 64, 256
#: Records cleaned per Ray Data job: the driver holds one window of records and outcomes at a time
#: (a few tens of MB of full articles), and a job's start-up (~1 s) is small against its work.
CLEAN_WINDOW = 4096


def _ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 - the Data library is part of the extra
    except ImportError as exc:
        raise UsageError("--engine ray needs Ray: pip install 'newsfuse[ray]'") from exc
    return ray


@contextmanager
def ray_session(address: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """Ray, started for the run (or joined at ``address``) and shut down after it; a session already
    up (a caller's, or an outer ``ray_session``) is used as it is and left running."""
    ray = _ray()
    started_here = not ray.is_initialized()
    if started_here:
        local: dict[str, Any] = {} if address else {"num_cpus": workers or None,
                                                    "object_store_memory": LOCAL_OBJECT_STORE_BYTES}
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False, **local)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the CLI draws its own progress line
    data_log = logging.getLogger("ray.data")
    level = data_log.level
    data_log.setLevel(logging.ERROR)  # Ray Data logs its steps (and that its bars are off) to its session logs; not ours to print
    try:
        yield ray
    finally:
        data_log.setLevel(level)
        if started_here:
            ray.shutdown()


def _cpus(ray: Any) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _dataset(ray: Any, blobs: Sequence[bytes], per_block: int) -> Any:
    """Numbered rows of pickled work, about ``per_block`` to a block (one block is one task's input)."""
    blocks = max(1, -(-len(blobs) // per_block))
    return ray.data.from_items([{"seq": n, "blob": b} for n, b in enumerate(blobs)], override_num_blocks=blocks)


def _results(dataset: Any, count: int) -> list[Any]:
    """The unpickled outcome of every row, in row order (Ray Data may finish batches in any order)."""
    out: list[Any] = [None] * count
    for row in dataset.iter_rows():
        out[int(row["seq"])] = pickle.loads(row["blob"])
    return out


def clean_batch(batch: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """Ray Data task: parse and clean each item (``ingest.clean_item``, as the local engine does), and
    compute each article's term bags (``features.article_terms``) while it is at hand."""
    out = []
    for blob in batch["blob"]:
        outcome = clean_item(pickle.loads(blob), settings)
        out.append(pickle.dumps((outcome, article_terms(outcome) if isinstance(outcome, Article) else None)))
    return {"seq": batch["seq"], "blob": out}


class RayFeed:
    """The Ray engine's cleaner (``ingest.Cleaner``) and feature extractor (``stream.Features``).

    One Ray Data job per window of ``CLEAN_WINDOW`` records parses and cleans them and computes their
    term bags in the same task (``clean_batch``: an article is not shipped out twice); the outcomes
    are yielded in input order as each window finishes, so the feed is streamed into the run's spool,
    never held whole, and the bags (~18 KB an article) go to a temporary file (``spool.Pickles``).
    ``features`` then hands the clustering the bags already made, read back a chunk at a time and
    looked up by (origin, id) so a rejected duplicate's bags are never used for the article kept.
    Embeddings (``--embeddings``) are computed by an actor pool whose actors each load MiniLM once.
    """

    def __init__(self) -> None:
        from .spool import Pickles

        self.terms = Pickles("newsfuse-terms-")

    def clean(self, items: Iterable[Item], settings: Settings) -> Iterator[Article | Rejection]:
        """Outcomes in input order, a window at a time; rejections found while reading need no cleaning."""
        from .spool import chunked

        for window in chunked(items, CLEAN_WINDOW):
            yield from self._clean_window(window, settings)

    def _clean_window(self, items: Sequence[Item], settings: Settings) -> list[Article | Rejection]:
        ray = _ray()
        work = [n for n, item in enumerate(items) if not isinstance(item, Rejection)]
        out: list[Any] = [item if isinstance(item, Rejection) else None for item in items]
        if work:
            with ray_session():
                data = _dataset(ray, [pickle.dumps(items[n]) for n in work], CLEAN_BATCH)
                cleaned = data.map_batches(clean_batch, batch_size=CLEAN_BATCH, batch_format="numpy",
                                           fn_kwargs={"settings": settings})
                bags: dict[str, Terms] = {}
                for n, (outcome, terms) in zip(work, _results(cleaned, len(work)), strict=True):
                    out[n] = outcome
                    if terms is not None and _key(outcome) not in self.terms:
                        bags.setdefault(_key(outcome), terms)  # the first bag of a key wins
                self.terms.put_many(bags.items())
        return out

    def features(self, articles: Sequence[Article], embedder: Embedder | None) -> tuple[Sequence[Terms], list[Embedding]]:
        """The bags made while cleaning, looked up by the articles' (origin, id) and read back from
        their file on each pass; from a ``spool.Spooled`` feed by its entries, so no text is read back."""
        from .spool import PickledSequence

        keys = [_key(a) for a in getattr(articles, "entries", articles)]
        if embedder is not None or any(k not in self.terms for k in keys):
            return features_with_ray(articles, embedder)
        return PickledSequence(self.terms, keys), [None] * len(keys)  # type: ignore[return-value]


def _key(article: Any) -> str:
    """An article's (origin, id) as one key of ``RayFeed.terms``."""
    return f"{article.origin}\x00{article.id}"


class MiniLMOnWorkers:
    """The embedder of a Ray run: ``RayFeed.features`` sees it and has the actors load MiniLM, so the
    driver never loads it; used here directly (no Ray), it loads MiniLM as the local engine does."""

    def encode(self, texts: Sequence[str]) -> Sequence[Sequence[float]]:
        from .embed import load_minilm

        return load_minilm().encode(texts)


class FeatureWorker:
    """One actor of the feature pool: what the features need is loaded once, in the constructor."""

    def __init__(self, embeddings: bool) -> None:
        from .features import stop_words

        stop_words()
        self.embedder: Embedder | None = None
        if embeddings:
            from .embed import load_minilm

            self.embedder = load_minilm()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        articles = [pickle.loads(b) for b in batch["blob"]]
        terms, embeds = article_features(articles, self.embedder)
        return {"seq": batch["seq"], "blob": [pickle.dumps(pair) for pair in zip(terms, embeds, strict=True)]}


def features_with_ray(articles: Sequence[Article], embedder: Embedder | None) -> tuple[list[Terms], list[Embedding]]:
    """``stream.Features`` on Ray: term bags (and embeddings when ``embedder`` is given: each actor
    loads its own MiniLM) computed by an actor pool, returned in the articles' order."""
    if not articles:
        return [], []
    ray = _ray()
    with ray_session():
        data = _dataset(ray, [pickle.dumps(a) for a in articles], FEATURE_BATCH)
        actors = max(1, min(_cpus(ray), -(-len(articles) // FEATURE_BATCH)))
        featured = data.map_batches(FeatureWorker, batch_size=FEATURE_BATCH, batch_format="numpy", num_cpus=1,
                                    compute=ray.data.ActorPoolStrategy(size=actors),
                                    fn_constructor_kwargs={"embeddings": embedder is not None})
        pairs = _results(featured, len(articles))
    return [t for t, _ in pairs], [e for _, e in pairs]


class StoryBriefer:
    """One actor of the briefing pool: the spaCy model loaded once, then one story after another."""

    def __init__(self, model: str) -> None:
        from ..nlp import load_nlp

        load_nlp(model)

    def brief(self, blob: bytes, settings: Settings) -> bytes:
        """A pickled ``(story id, members)`` -> the pickled ``(story id, rendered briefing or exception)``."""
        from .parallel import _brief

        sid, members = pickle.loads(blob)
        try:
            outcome: Rendered | BaseException = _brief(members, settings)
        except Exception as exc:  # noqa: BLE001 - kept for the driver to raise where a serial run would
            outcome = exc
        from .spool import pickled

        return pickle.dumps((sid, pickled(outcome)))  # an unpicklable exception travels as its description


def brief_with_ray(jobs: Sequence[tuple[str, list[Any]]], settings: Settings, workers: int | None = None,
                   address: str | None = None, progress: StoryProgress | None = None,
                   load: LoadStory | None = None, results: MutableMapping[str, Rendered | BaseException] | None = None,
                   ) -> MutableMapping[str, Rendered | BaseException]:
    """Story id -> rendered briefing (or its exception), briefed by a pool of actors (one CPU each), largest first.

    Stories are streamed to the actors: each actor has at most ``IN_FLIGHT_PER_WORKER`` stories
    handed to it at once, and a story's members are read whole (``load``) only when it is handed
    over, so the driver holds a few stories' documents, not the feed's (``parallel.brief_in_parallel``
    does the same with processes). Each result goes into ``results`` as it arrives (a dict when not given)."""
    ordered = sorted(jobs, key=lambda job: (-story_size(job[1]), job[0]))
    results = {} if results is None else results
    if not ordered:
        return results
    with ray_session(address, workers) as ray:
        briefer = ray.remote(num_cpus=1)(StoryBriefer)
        actors = [briefer.remote(settings.model) for _ in range(min(_cpus(ray), len(ordered)))]
        free = deque(actor for actor in actors for _ in range(IN_FLIGHT_PER_WORKER))  # one entry per open slot
        queue, pending = iter(ordered), dict[Any, Any]()

        def submit() -> None:
            while free:
                job = next(queue, None)
                if job is None:
                    return
                sid, members = job
                actor = free.popleft()
                blob = pickle.dumps((sid, load(sid, members) if load else members))
                pending[actor.brief.remote(blob, settings)] = actor

        try:
            submit()
            while pending:
                ready, _ = ray.wait(list(pending), num_returns=1)
                for ref in ready:
                    free.append(pending.pop(ref))
                    sid, blob = pickle.loads(ray.get(ref))
                    results[sid] = pickle.loads(blob)
                if progress:
                    progress(len(results), len(ordered))
                submit()
        finally:
            for actor in actors:
                ray.kill(actor)
    return results
