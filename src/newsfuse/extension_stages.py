"""Capability stages that run after the core ones, in order.

Each capability (entities, timeline, figures, summary) appends its stages
here; the pipeline checks their requires/produces when it is built. The
summary comes last: it reads the entities, figures and timeline.
"""

from __future__ import annotations

from .align.figures import align_figures
from .extract.claims import extract_claims
from .extract.entity_stage import extract_entities
from .pipeline import FunctionStage
from .summarize.stage import summarize
from .timeline.stages import timeline, times

STAGES: tuple[FunctionStage, ...] = (extract_entities, times, timeline, extract_claims, align_figures, summarize)
