"""The library API: what the CLI (and later the web app) call.

``brief(["examples/in-amenas"])`` reads, cleans and runs the pipeline;
``brief_documents`` does the same from RawDocuments already in memory.

Arguments are checked on entry and a wrong one raises ``TypeError`` naming
it: ``brief("a/path")`` would otherwise read the letters ``a``, ``/``, …
as eleven inputs, and ``brief(None)`` would fail deep inside.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Sequence

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
    """Brief the articles named by ``inputs`` (a list of files, folders, URLs, feeds; ``str`` or ``Path``)."""
    names = _input_names(inputs)
    _check_settings(settings)
    if manifest is not None and not isinstance(manifest, str | os.PathLike):
        raise TypeError(f"brief(): manifest must be a path (str or Path) or None, not {type(manifest).__name__}")
    _check_progress(progress, "brief")
    ingested = read_inputs(names, settings, os.fspath(manifest) if manifest is not None else None,
                           progress and (lambda origin: progress(f"read {origin}")))
    briefing = brief_documents(ingested.documents, settings, progress=progress and (lambda name: progress(f"stage {name}")))
    return dataclasses.replace(briefing, rejected=tuple(ingested.rejected) + briefing.rejected)


def brief_documents(
    documents: Sequence[RawDocument],
    settings: Settings = Settings(),
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> Briefing:
    """Brief RawDocuments already in memory (a list of ``RawDocument``)."""
    if isinstance(documents, str | bytes | RawDocument) or not isinstance(documents, Iterable):
        raise TypeError(f"brief_documents() takes a list of RawDocument, not {type(documents).__name__}")
    documents = list(documents)
    wrong = next((d for d in documents if not isinstance(d, RawDocument)), None)
    if wrong is not None:
        raise TypeError(f"brief_documents() takes RawDocument items, not {type(wrong).__name__}")
    _check_settings(settings)
    if pipeline is not None and not isinstance(pipeline, Pipeline):
        raise TypeError(f"brief_documents(): pipeline must be a Pipeline or None, not {type(pipeline).__name__}")
    _check_progress(progress, "brief_documents")
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



def _input_names(inputs: object) -> list[str]:
    if inputs is None:
        raise TypeError("brief() takes a list of inputs (paths or URLs), not None")
    if isinstance(inputs, str | bytes | os.PathLike):
        raise TypeError(f"brief() takes a list of inputs, not a single {type(inputs).__name__}; "
                        f"write brief([{inputs!r}])")
    if not isinstance(inputs, Iterable):
        raise TypeError(f"brief() takes a list of inputs (paths or URLs), not {type(inputs).__name__}")
    names = list(inputs)
    wrong = next((i for i in names if not isinstance(i, str | os.PathLike)), None)
    if wrong is not None:
        raise TypeError(f"brief(): each input must be a path or URL (str or Path), not {type(wrong).__name__}")
    return [os.fspath(i) for i in names]


def _check_settings(settings: object) -> None:
    if not isinstance(settings, Settings):
        raise TypeError(f"settings must be a newsfuse.config.Settings, not {type(settings).__name__}")


def _check_progress(progress: object, name: str) -> None:
    if progress is not None and not callable(progress):
        raise TypeError(f"{name}(): progress must be a callable or None, not {type(progress).__name__}")
