"""Capability stages that run after the core ones, in order.

Each capability (entities, figures, timeline, summary) appends its stages
here; the pipeline checks their requires/produces when it is built.
"""

from __future__ import annotations

from .align.figures import align_figures
from .extract.claims import extract_claims
from .pipeline import FunctionStage

STAGES: tuple[FunctionStage, ...] = (extract_claims, align_figures)
