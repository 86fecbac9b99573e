"""The Ray engine of ``newsfuse cluster``: stories briefed by actors on a Ray cluster.

``newsfuse cluster --engine ray`` (optional extra ``newsfuse[ray]``) runs the same
stage functions as the local engine, on Ray instead of a local process pool:
each actor loads the spaCy model once (in its constructor) and briefs the
stories an ``ActorPool`` hands it, largest first. Reading, cleaning and the
clustering itself stay in the driver: assignment is one ordered pass (each
article is compared with the stories formed before it), at 2-3.5 ms per
article against ~200 ms per source for briefing (docs/cluster.md), so the
briefings are what is worth spreading. Results come back by story id and are
written by the driver exactly as a serial run writes them: the same files.

With ``--address`` the driver joins a running cluster (``ray start --head`` on
one node, ``ray start --address=HEAD:6379`` on the others; newsfuse and its
spaCy model must be installed on every node); without it a local Ray instance
is started on this machine's cores (``--workers`` of them when given) and shut
down at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..config import Settings
from ..errors import UsageError
from .parallel import Rendered, StoryProgress

#: Object store of a local instance: briefings are a few hundred KB; Ray's default takes 30% of RAM.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


class Briefer:
    """One Ray actor: the spaCy model loaded once, then one story after another."""

    def __init__(self, model: str) -> None:
        from ..nlp import load_nlp

        load_nlp(model)

    def brief(self, sid: str, members: list[Any], settings: Settings) -> tuple[str, Rendered | BaseException]:
        from .parallel import _brief

        try:
            return sid, _brief(members, settings)
        except Exception as exc:  # noqa: BLE001 - kept for the driver to raise where a serial run would
            return sid, exc


def brief_with_ray(jobs: Sequence[tuple[str, list[Any]]], settings: Settings, workers: int | None = None,
                   address: str | None = None, progress: StoryProgress | None = None) -> dict[str, Rendered | BaseException]:
    """Story id -> rendered briefing (or its exception), briefed by Ray actors (one CPU each)."""
    try:
        import ray
        from ray.util import ActorPool
    except ImportError as exc:
        raise UsageError("--engine ray needs Ray: pip install 'newsfuse[ray]'") from exc
    ordered = sorted(jobs, key=lambda job: (-sum(len(a.text or "") for a in job[1]), job[0]))
    results: dict[str, Rendered | BaseException] = {}
    if not ordered:
        return results
    started_here = not ray.is_initialized()
    if started_here:
        local: dict[str, Any] = {} if address else {"num_cpus": workers or None,
                                                    "object_store_memory": LOCAL_OBJECT_STORE_BYTES}
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False, **local)
    try:
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor = ray.remote(num_cpus=1)(Briefer)
        pool = ActorPool([actor.remote(settings.model) for _ in range(min(cpus, len(ordered)))])
        calls = pool.map_unordered(lambda a, job: a.brief.remote(job[0], job[1], settings), ordered)
        for sid, outcome in calls:
            results[sid] = outcome
            if progress:
                progress(len(results), len(ordered))
    finally:
        if started_here:
            ray.shutdown()
    return results
