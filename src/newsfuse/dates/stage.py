"""The ``published`` stage: every source's publication date, with where it came from."""

from __future__ import annotations

import dataclasses

from ..model import Briefing
from ..pipeline import stage
from .published import infer_published


@stage("published", version="1", requires={"sources"}, produces={"published"})
def published(briefing: Briefing) -> Briefing:
    """Fill missing publication dates by inference (dated sources keep theirs)."""
    return dataclasses.replace(briefing, sources=infer_published(briefing.sources))
