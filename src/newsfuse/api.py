"""The library API: what the CLI (and later the web app) call.

``brief(["examples/in-amenas"])`` reads, cleans and runs the pipeline;
``brief_documents`` does the same from RawDocuments already in memory.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from .config import Settings
from .ingest.read import read_inputs
from .model import Briefing, RawDocument
from .pipeline import Pipeline
from .sources import build_sources
from .stages import default_stages

Progress = Callable[[str], None]


def brief(
    inputs: Sequence[str],
    settings: Settings = Settings(),
    manifest: str | None = None,
    progress: Progress | None = None,
) -> Briefing:
    """Brief the articles named by ``inputs`` (files, folders, URLs, feeds)."""
    ingested = read_inputs(list(inputs), settings, manifest, progress and (lambda origin: progress(f"read {origin}")))
    briefing = brief_documents(ingested.documents, settings, progress=progress and (lambda name: progress(f"stage {name}")))
    return dataclasses.replace(briefing, rejected=tuple(ingested.rejected) + briefing.rejected)


def brief_documents(
    documents: Sequence[RawDocument],
    settings: Settings = Settings(),
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> Briefing:
    if progress:
        progress("clean")
    sources, rejected = build_sources(documents, settings)
    briefing = Briefing(sources=sources, rejected=rejected, settings=settings,
                        produced=frozenset({"sources", "rejected", "settings"}))
    if not sources:
        return briefing
    briefing = (pipeline or Pipeline(default_stages()))(briefing, progress)
    if settings.llm_url and briefing.summary:
        if progress:
            progress("llm")
        briefing = rewrite_summary(briefing)
    return briefing


def rewrite_summary(briefing: Briefing) -> Briefing:
    """The optional LLM writer, a network call after the pure pipeline: rewrites the summary and
    keeps only sentences its cited spans support (the rest go to ``summary_dropped``)."""
    from .summary.llm import rewrite_with_llm
    from .summary.support import with_independent_sources

    sentences, dropped = rewrite_with_llm(list(briefing.summary), briefing, briefing.settings)
    return dataclasses.replace(briefing, summary=with_independent_sources(sentences, briefing.independent_groups),
                               summary_dropped=tuple(dropped))

