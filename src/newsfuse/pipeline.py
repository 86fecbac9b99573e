"""Stages and the pipeline that runs them.

Like spaCy's components, each stage declares what it ``requires`` and what it
``produces`` (names of ``Briefing`` fields or derived facts such as
``"published"``); ``Pipeline`` checks that contract when it is built, so a
mis-ordered or missing stage fails at construction with a message naming the
stage that provides the missing piece, not with a KeyError mid-run.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .errors import PipelineError
from .model import Briefing

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
        self.timings = []
        for st in self.stages:
            if progress:
                progress(st.name)
            started = time.perf_counter()
            briefing = st(briefing)
            briefing = dataclasses.replace(briefing, produced=briefing.produced | st.produces)
            self.timings.append(StageTiming(st.name, time.perf_counter() - started))
        return briefing

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(st.name for st in self.stages)


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
