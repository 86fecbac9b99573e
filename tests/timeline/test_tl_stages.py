"""The timeline stages in the pipeline: declared contract, and what they fill."""

from __future__ import annotations

import pytest

from newsfuse.errors import PipelineError
from newsfuse.pipeline import Pipeline
from newsfuse.stages import CORE_STAGES, default_stages
from newsfuse.timeline.stages import timeline, times


def test_registered_after_the_core_stages():
    names = [st.name for st in default_stages()]
    assert names.index("times") < names.index("timeline")
    assert names.index("published") < names.index("times")


def test_timeline_without_times_fails_at_construction():
    with pytest.raises(PipelineError, match="times"):
        Pipeline(CORE_STAGES + (timeline,))
    Pipeline(CORE_STAGES + (times, timeline))


def test_every_entry_cites_real_text(example_briefing):
    assert example_briefing.times and example_briefing.timeline
    for entry in example_briefing.timeline:
        for c in entry.citations:
            assert example_briefing.text_of(c).strip()
        assert entry.sources == tuple(dict.fromkeys(c.source for c in entry.citations))
    assert [e.date for e in example_briefing.timeline] == sorted(e.date for e in example_briefing.timeline)
