"""Progress of the long loops inside stages (the parse), for whatever display the caller set.

A stage is a pure ``Briefing -> Briefing`` function and takes no callback; the CLI sets a
reporter for the duration of a run with ``reporting(...)`` and a stage calls ``step`` as it goes.
Without a reporter ``step`` does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: report(phase, done, total)
Report = Callable[[str, int, int], None]

_current: ContextVar[Report | None] = ContextVar("newsfuse_progress", default=None)


@contextmanager
def reporting(report: Report | None) -> Iterator[None]:
    token = _current.set(report)
    try:
        yield
    finally:
        _current.reset(token)


def step(phase: str, done: int, total: int) -> None:
    report = _current.get()
    if report is not None:
        report(phase, done, total)
