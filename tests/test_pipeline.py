"""The stage contract is checked when the pipeline is built, with a message that says how to fix it."""

from __future__ import annotations

import dataclasses

import pytest

from newsfuse.errors import PipelineError
from newsfuse.model import Briefing
from newsfuse.pipeline import Pipeline, stage
from newsfuse.stages import default_stages, parse, sentences, wire


@stage("needs_docs", version="1", requires={"docs"}, produces={"thing"})
def needs_docs(b: Briefing) -> Briefing:
    return b


@stage("orphan", version="1", requires={"nothing_makes_this"})
def orphan(b: Briefing) -> Briefing:
    return b


def test_missing_requirement_names_the_provider() -> None:
    with pytest.raises(PipelineError, match="'docs' \\(produced by 'parse', which must come earlier\\)"):
        Pipeline([needs_docs, parse])


def test_unknown_requirement_and_duplicates() -> None:
    with pytest.raises(PipelineError, match="no stage produces it"):
        Pipeline([orphan])
    with pytest.raises(PipelineError, match="appears twice"):
        Pipeline([parse, parse])


def test_default_stages_fit_and_record_what_they_produced(example_briefing) -> None:
    Pipeline(default_stages())
    assert {"docs", "sentences", "published", "independent_groups"} <= example_briefing.produced


def test_stages_are_pure(example_briefing) -> None:
    """Running wire again on its own output changes nothing (idempotent, no hidden state)."""
    again = wire(example_briefing)
    assert again.sources == example_briefing.sources
    assert dataclasses.replace(sentences(example_briefing), produced=example_briefing.produced).sentences == example_briefing.sentences
