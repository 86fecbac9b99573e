"""A stage that fails on one source drops that source (recorded) and the briefing is built from the rest."""

from __future__ import annotations

import dataclasses

import pytest

from newsfuse.api import brief_documents
from newsfuse.errors import UsageError
from newsfuse.model import Briefing, DocMeta, RawDocument
from newsfuse.pipeline import Pipeline, stage
from newsfuse.stages import default_stages, parse, sentences

from corpus import example_file

RUNS: list[int] = []


@stage("poisoned", version="1", requires={"sentences"}, produces={"checked"})
def poisoned(b: Briefing) -> Briefing:
    """Fails on any briefing holding a source whose text says POISON."""
    RUNS.append(len(b.sources))
    if any("POISON" in s.text for s in b.sources):
        raise IndexError("list index out of range")
    return b


@stage("fragile", version="1", requires={"sentences"}, produces={"together"})
def fragile(b: Briefing) -> Briefing:
    """Fails only when it sees more than one source: no single culprit."""
    if len(b.sources) > 1:
        raise ZeroDivisionError("division by zero")
    return dataclasses.replace(b, claims=())


@stage("needs_model", version="1", requires={"sources"}, produces={"x"})
def needs_model(b: Briefing) -> Briefing:
    raise UsageError("spaCy model 'nope' is not installed")


def _docs(*poisoned_names: str) -> list[RawDocument]:
    docs = []
    for n in ("001", "002", "003"):
        text = example_file(n).read_text(encoding="utf-8")
        name = f"{n}.txt"
        if name in poisoned_names:
            text = text.replace("\n", "\nThe POISON was found in the water supply on Monday, officials said.\n", 1)
        docs.append(RawDocument(name, text, "text", DocMeta(), name))
    return docs


def test_failing_source_is_rejected_and_the_rest_briefed() -> None:
    b = brief_documents(_docs("002.txt"), pipeline=Pipeline([parse, sentences, poisoned]))
    assert [s.path for s in b.sources] == ["001.txt", "003.txt"]
    (rej,) = [r for r in b.rejected if r.stage == "poisoned"]
    assert rej.path == "002.txt" and rej.reason.startswith("IndexError: list index out of range (")
    assert set(b.docs) == {s.id for s in b.sources} and "checked" in b.produced


def test_two_failing_sources_both_named() -> None:
    b = brief_documents(_docs("001.txt", "003.txt"), pipeline=Pipeline([parse, sentences, poisoned]))
    assert [s.path for s in b.sources] == ["002.txt"]
    assert sorted(r.path for r in b.rejected if r.stage == "poisoned") == ["001.txt", "003.txt"]


def test_failure_without_a_single_culprit_leaves_the_stage_empty_and_goes_on() -> None:
    b = brief_documents(_docs(), pipeline=Pipeline([parse, sentences, fragile, poisoned]))
    assert len(b.sources) == 3 and len(b.sentences) == 3
    (rej,) = b.rejected
    assert rej.path == "*" and rej.stage == "fragile" and "ZeroDivisionError" in rej.reason
    assert "checked" in b.produced and "together" not in b.produced


@stage("after_fragile", version="1", requires={"together"}, produces={"more"})
def after_fragile(b: Briefing) -> Briefing:
    raise AssertionError("must not run: its input was never made")


def test_stage_needing_a_failed_stages_output_is_skipped_and_recorded() -> None:
    b = brief_documents(_docs(), pipeline=Pipeline([parse, sentences, fragile, after_fragile, poisoned]))
    assert [(r.stage, r.reason.split(":")[0]) for r in b.rejected] == [("fragile", "failed, its output is left empty"),
                                                                      ("after_fragile", "skipped")]
    assert "checked" in b.produced and len(b.sources) == 3


def test_user_errors_still_end_the_run() -> None:
    with pytest.raises(UsageError):
        brief_documents(_docs(), pipeline=Pipeline([needs_model]))


def test_default_pipeline_isolates_a_failing_stage(monkeypatch) -> None:
    """The real stages: entity extraction raising on one source loses that source only."""
    import newsfuse.entities.stage as stage_module

    real = stage_module.ner_mentions

    def flaky(source_id, doc, text=None):
        if "POISON" in doc.text:
            raise IndexError("list index out of range")
        return real(source_id, doc, text)

    monkeypatch.setattr(stage_module, "ner_mentions", flaky)
    b = brief_documents(_docs("003.txt"), pipeline=Pipeline(default_stages()))
    assert [s.path for s in b.sources] == ["001.txt", "002.txt"]
    assert [(r.path, r.stage) for r in b.rejected] == [("003.txt", "entities")]
    assert b.summary and b.entities
