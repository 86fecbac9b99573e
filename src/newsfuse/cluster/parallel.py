"""Brief the stories of ``newsfuse cluster`` in parallel worker processes.

Briefing is per story and independent, so stories go to a pool of worker
processes (``concurrent.futures.ProcessPoolExecutor`` with the ``forkserver``
start method: each worker starts clean, not as a copy of a parent that may
hold threads or a SQLite connection). Each worker loads the spaCy model once
(the pool's initializer) and keeps it for every story it is given. The
largest stories are submitted first so no worker is left with a big one at
the end. Results are collected by story id and written by the caller in the
same order as a serial run, so the files are byte-identical to it.

A story whose briefing raises keeps its exception; it is raised again when
the caller asks for that story, where a serial run would have raised it.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings, available_cores

if TYPE_CHECKING:
    from .output import LoadStory

Rendered = dict[str, str] | None
#: Stories handed to each worker at once: one it briefs, one waiting, so a worker never idles.
IN_FLIGHT_PER_WORKER = 2
#: progress(done, total): stories briefed so far.
StoryProgress = Callable[[int, int], None]


def resolve_workers(asked: int | None) -> int:
    """``--workers``: None or 0 means one per available core."""
    return available_cores() if not asked else max(1, asked)


def _start(model: str) -> None:
    from ..nlp import load_nlp

    load_nlp(model)


def _brief(members: list[Any], settings: Settings) -> Rendered:
    from .output import brief_story

    # The pool already uses every core: each worker parses in its own process.
    return brief_story(members, dataclasses.replace(settings, parse_processes=1), [])


class Prebriefed:
    """Briefings computed ahead by a pool; called like ``output.brief_story``."""

    def __init__(self, results: MutableMapping[str, Rendered | BaseException], fallback: Callable[..., Rendered]) -> None:
        self.results, self.fallback = results, fallback

    def __call__(self, members: Sequence[Any], settings: Settings, rejected: list) -> Rendered:
        sid = members[0].story if members else None
        if sid not in self.results:
            return self.fallback(members, settings, rejected)
        result = self.results.pop(sid)  # written once: the spool need not keep it
        if isinstance(result, BaseException):
            raise result
        return result


def prebrief(outdir: Path, articles: Sequence[Any], todo: Mapping[str, str | None], known: Mapping[str, str],
             settings: Settings, options: Any, workers: int, progress: StoryProgress | None = None,
             runner: Callable[..., dict] | None = None, load: LoadStory | None = None) -> Prebriefed | None:
    """Brief ahead, in ``workers`` processes (or with ``runner``, e.g. the Ray engine), the stories
    ``output.write_outputs`` will brief (``output.needs_briefing``); None when fewer than two need it.
    A story of headlines only has nothing to brief (``output.may_have_documents``: the run holds its
    articles light, so a text's length stands for the documents): it is left to the caller, which
    finds that at once, rather than costing a worker that loads a model for it.
    ``load`` (``output.LoadStory``) reads a story's members whole when it is handed to a worker; a
    ``runner`` (``ray_engine.brief_with_ray``) is given ``load`` too and streams the stories the same way."""
    from .output import brief_story, may_have_documents, needs_briefing

    by_story: dict[str, list[Any]] = defaultdict(list)
    for a in articles:
        by_story[a.story].append(a)
    jobs = [(sid, members) for sid, members in sorted(by_story.items())
            if needs_briefing(outdir, sid, members, todo, options, known) and may_have_documents(members)]
    if len(jobs) < 2 or (runner is None and workers < 2):
        return None
    from .spool import Briefings

    spool = Briefings()  # the rendered briefings wait on disk, not in memory, until they are written
    if runner is not None:
        return Prebriefed(runner(jobs, settings, workers, progress=progress, load=load, results=spool), brief_story)
    return Prebriefed(brief_in_parallel(jobs, settings, workers, progress=progress, load=load, results=spool),
                      brief_story)


def story_size(members: Sequence[Any]) -> int:
    """Characters of a story's cleaned texts: the larger stories are briefed first."""
    return sum(a.size for a in members)


def brief_in_parallel(stories: Iterable[tuple[str, list[Any]]], settings: Settings, workers: int,
                      progress: StoryProgress | None = None, load: LoadStory | None = None,
                      results: MutableMapping[str, Rendered | BaseException] | None = None,
                      ) -> MutableMapping[str, Rendered | BaseException]:
    """Story id -> its rendered briefing (or the exception it raised), briefed by ``workers`` processes.

    At most ``IN_FLIGHT_PER_WORKER`` stories per worker are handed over at a time, each read whole
    (``load``) only then, so the documents held are a few stories', not the feed's. Each result goes
    into ``results`` as it arrives (``spool.Briefings`` keeps them on disk; a dict when not given)."""
    jobs = sorted(stories, key=lambda job: (-story_size(job[1]), job[0]))
    results = {} if results is None else results
    if not jobs:
        return results
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context, initializer=_start,
                             initargs=(settings.model,)) as pool:
        queue, pending = iter(jobs), dict[Future, str]()
        limit = IN_FLIGHT_PER_WORKER * min(workers, len(jobs))

        def submit() -> None:
            for sid, members in queue:
                pending[pool.submit(_brief, load(sid, members) if load else members, settings)] = sid
                if len(pending) >= limit:
                    return

        submit()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                sid = pending.pop(future)
                error = future.exception()
                results[sid] = error if error is not None else future.result()
            if progress:
                progress(len(results), len(jobs))
            submit()
    return results
