"""The pipeline, declared once: every stage in the order it runs.

Each stage is a pure function over the Briefing that lives in its capability's
package and declares what it requires and produces; ``Pipeline`` checks those
contracts when it is built. To add a stage, write it in its package with the
``@stage`` decorator and list it here (ARCHITECTURE.md).
"""

from __future__ import annotations

from .dates.stage import published
from .entities.stage import extract_entities
from .figures.align import align_figures
from .figures.claims import extract_claims
from .nlp.stages import parse, sentences
from .pipeline import FunctionStage
from .summary.stage import summarize
from .summary.title import story
from .timeline.stages import timeline, times
from .wire.stage import wire

#: Every stage, in order. The summary comes after the entities, figures and timeline it reads;
#: the title comes after the summary whose lead breaks ties between headlines.
STAGES: tuple[FunctionStage, ...] = (
    parse,
    sentences,
    published,
    wire,
    extract_entities,
    times,
    timeline,
    extract_claims,
    align_figures,
    summarize,
    story,
)

#: The core stages (reading, dating, wire copy) every capability builds on.
CORE_STAGES: tuple[FunctionStage, ...] = STAGES[:4]


def default_stages() -> tuple[FunctionStage, ...]:
    return STAGES
