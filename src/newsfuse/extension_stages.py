"""Capability stages that run after the core ones, in order.

Each capability (entities, figures, timeline, summary) appends its stages
here; the pipeline checks their requires/produces when it is built.
"""

from __future__ import annotations

from .pipeline import FunctionStage
from .timeline.stages import timeline, times

STAGES: tuple[FunctionStage, ...] = (times, timeline)
