"""The timeline capability's stages: ``times`` (every time expression, TIMEX3) and ``timeline`` (dated events)."""

from __future__ import annotations

import dataclasses

from ..model import Briefing
from ..pipeline import stage
from .extract import find_times


@stage("times", version="1", requires={"docs", "published"}, produces={"times"})
def times(briefing: Briefing) -> Briefing:
    """Resolve each source's time expressions against that source's publication date."""
    found = tuple(
        f.expression
        for s in briefing.sources
        for f in find_times(s.id, s.text, briefing.docs[s.id], s.published)
    )
    return dataclasses.replace(briefing, times=found)
