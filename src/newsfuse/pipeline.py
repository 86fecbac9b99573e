"""Stages and the pipeline that runs them.

Like spaCy's components, each stage declares what it ``requires`` and what it
``produces`` (names of ``Briefing`` fields or derived facts such as
``"published"``); ``Pipeline`` checks that contract when it is built, so a
mis-ordered or missing stage fails at construction with a message naming the
stage that provides the missing piece, not with a KeyError mid-run.

A stage that raises mid-run does not take the briefing down (fault isolation):
the pipeline runs each source alone through the stages up to the failing one to
find the source(s) it fails on, moves them to ``rejected`` (the stage's name and
the error), and runs again from the start without them -- stages are pure
functions of the briefing, so the rerun is the briefing those sources were
never in. Where the stage fails with no single culprit (only on the sources
together, or on every one of them), its outputs are left empty and one
rejection with path ``*`` records it; a later stage that needs one of its
products is skipped (recorded the same way), the others still run.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .errors import PipelineError, Rejection, UsageError
from .model import Briefing

#: Errors that are the user's (a model not installed, an impossible option): they end the run.
FATAL = (UsageError, PipelineError)
#: Longest error text kept in a rejection's reason.
REASON_CHARS = 300

#: What every briefing has before the first stage runs (set by ``start``).
INITIAL: frozenset[str] = frozenset({"sources", "rejected", "settings"})


class Stage(Protocol):
    name: str
    version: str
    requires: frozenset[str]
    produces: frozenset[str]

    def __call__(self, briefing: Briefing) -> Briefing: ...


@dataclass(frozen=True)
class FunctionStage:
    """A stage made of a pure function ``Briefing -> Briefing`` plus its contract."""

    name: str
    version: str
    requires: frozenset[str]
    produces: frozenset[str]
    run: Callable[[Briefing], Briefing]

    def __call__(self, briefing: Briefing) -> Briefing:
        return self.run(briefing)


def stage(
    name: str, *, version: str, requires: Iterable[str] = (), produces: Iterable[str] = ()
) -> Callable[[Callable[[Briefing], Briefing]], FunctionStage]:
    """Decorator turning ``fn(briefing) -> briefing`` into a declared ``FunctionStage``."""

    def wrap(fn: Callable[[Briefing], Briefing]) -> FunctionStage:
        return FunctionStage(name, version, frozenset(requires), frozenset(produces), fn)

    return wrap


@dataclass(frozen=True)
class StageTiming:
    name: str
    seconds: float


class Pipeline:
    """An ordered, checked sequence of stages."""

    def __init__(self, stages: Sequence[Stage], initial: frozenset[str] = INITIAL) -> None:
        check_contract(stages, initial)
        self.stages: tuple[Stage, ...] = tuple(stages)
        self.timings: list[StageTiming] = []

    def __call__(self, briefing: Briefing, progress: Callable[[str], None] | None = None) -> Briefing:
        start = briefing
        for _ in range(len(start.sources) + 1):  # bounded: each restart drops at least one source
            self.timings = []
            done = self._run(start, progress)
            if isinstance(done, Briefing):
                return done
            start = _without(start, done)
        raise PipelineError("fault isolation did not converge")  # unreachable: sources run out first

    def _run(self, start: Briefing, progress: Callable[[str], None] | None) -> Briefing | dict[str, Rejection]:
        """The finished briefing, or the sources a stage failed on (to start again without them)."""
        briefing = start
        lost: dict[str, str] = {}  # product -> the failed stage that should have made it
        for n, st in enumerate(self.stages):
            if progress:
                progress(st.name)
            started = time.perf_counter()
            missing = sorted(st.requires & lost.keys())
            if missing:  # its input was never made: skip it rather than fail again on empty data
                lost.update(dict.fromkeys(st.produces, lost[missing[0]]))
                briefing = dataclasses.replace(briefing, rejected=briefing.rejected + (
                    Rejection("*", f"skipped: needs {missing[0]!r}, which stage {lost[missing[0]]!r} did not make",
                              st.name),))
                continue
            try:
                after = st(briefing)
            except FATAL:
                raise
            except Exception as exc:  # noqa: BLE001 - one bad source must not take the briefing down
                culprits = self._culprits(n, start) if len(start.sources) > 1 else {}
                if culprits and len(culprits) < len(start.sources):
                    return culprits
                after = dataclasses.replace(briefing, rejected=briefing.rejected + (
                    Rejection("*", f"failed, its output is left empty: {describe(exc)}", st.name),))
                lost.update(dict.fromkeys(st.produces, st.name))
                self.timings.append(StageTiming(st.name, time.perf_counter() - started))
                briefing = after
                continue
            briefing = dataclasses.replace(after, produced=after.produced | st.produces)
            self.timings.append(StageTiming(st.name, time.perf_counter() - started))
        return briefing

    def _culprits(self, failed: int, start: Briefing) -> dict[str, Rejection]:
        """The sources on which stage ``failed`` raises when each runs alone from ``start``."""
        found = {}
        for source in start.sources:
            alone = dataclasses.replace(start, sources=(source,))
            try:
                for st in self.stages[: failed + 1]:
                    alone = dataclasses.replace(st(alone), produced=alone.produced | st.produces)
            except FATAL:
                raise
            except Exception as exc:  # noqa: BLE001
                found[source.id] = Rejection(source.path or source.url or source.id, describe(exc),
                                             self.stages[failed].name)
        return found

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(st.name for st in self.stages)


def describe(exc: BaseException) -> str:
    """'IndexError: list index out of range (entities.py:249)': the error and where it was raised."""
    frame = exc.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f" ({frame.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.tb_lineno})" if frame else ""
    return f"{type(exc).__name__}: {exc}"[:REASON_CHARS] + where


def _without(start: Briefing, culprits: dict[str, Rejection]) -> Briefing:
    return dataclasses.replace(start, sources=tuple(s for s in start.sources if s.id not in culprits),
                               rejected=start.rejected + tuple(culprits.values()))


def check_contract(stages: Sequence[Stage], initial: frozenset[str] = INITIAL) -> None:
    """Raise ``PipelineError`` if a stage needs something no earlier stage produces."""
    available = set(initial)
    providers = {p: st.name for st in stages for p in st.produces}
    seen: set[str] = set()
    for st in stages:
        if st.name in seen:
            raise PipelineError(f"stage {st.name!r} appears twice")
        seen.add(st.name)
        missing = sorted(st.requires - available)
        if missing:
            hints = ", ".join(
                f"{m!r} (produced by {providers[m]!r}, which must come earlier)"
                if m in providers
                else f"{m!r} (no stage produces it; add one)"
                for m in missing
            )
            raise PipelineError(f"stage {st.name!r} requires {hints}")
        available |= st.produces
