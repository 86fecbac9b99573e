"""Inputs of ``newsfuse cluster`` -> Articles, with every unusable record reported.

Files, folders, URLs and feeds are read as ``newsfuse brief`` reads them
(``ingest.read``). JSON Lines dumps are read here, line by line, because a
feed dump of 100k records must not be thrown away for one broken line: each
bad line becomes a ``Rejection`` naming ``file:line`` and the rest go on.
A record with a title but too little text (a headline feed such as UCI News
Aggregator) is still clustered by its headline; its story gets a briefing
only if some member has enough text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..config import Settings
from ..errors import InputError, Rejection
from ..ids import content_id
from ..ingest.fetch import FetchSession
from ..ingest.jsonl import dump_lines
from ..ingest.read import read_inputs
from ..ingest.records import parse_json, record_document
from ..model import RawDocument
from ..sources import build_source
from .model import Article

DUMP_SUFFIXES = frozenset({".jsonl", ".ndjson"})

Tick = Callable[[str], None]


@dataclass
class Feed:
    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def read_feed(inputs: Sequence[str], settings: Settings, manifest: str | None = None,
              progress: Tick | None = None) -> Feed:
    """Read every input into Articles; duplicates (same cleaned text) are rejected by name."""
    feed = Feed()
    seen: dict[str, str] = {}
    for doc, when in _documents(inputs, settings, manifest, feed.rejected, progress):
        try:
            article = to_article(doc, when, settings)
        except InputError as exc:
            feed.rejected.append(Rejection(exc.origin, exc.reason, "clean"))
            continue
        if article.id in seen:
            feed.rejected.append(Rejection(doc.origin, f"same article as {seen[article.id]}", "clean"))
            continue
        seen[article.id] = doc.origin
        feed.articles.append(article)
    return feed


def _documents(inputs: Sequence[str], settings: Settings, manifest: str | None, rejected: list[Rejection],
               progress: Tick | None) -> Iterator[tuple[RawDocument, datetime | None]]:
    """Dumps line by line; everything else through ``read_inputs`` (a folder whole, so its manifest counts),
    with one fetch session for the run (each URL once, one cap on fetches)."""
    session = FetchSession(settings)
    for item in inputs:
        path = Path(item)
        dumps = _dump_files(path)
        for dump in dumps:
            yield from read_dump(dump, settings, rejected, progress)
        if path.is_file() and dumps:
            continue
        rest = [item] if not dumps else _other_files(path)
        if rest:
            got = read_inputs(rest, settings, manifest, progress, session)
            rejected.extend(got.rejected)
            yield from ((doc, None) for doc in got.documents)


def _dump_files(path: Path) -> list[Path]:
    if path.is_file() and path.suffix.lower() in DUMP_SUFFIXES:
        return [path]
    if path.is_dir():
        from ..ingest.manifest import MANIFEST_NAMES

        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DUMP_SUFFIXES
                      and p.name not in MANIFEST_NAMES and not p.name.startswith("."))
    return []


def _other_files(folder: Path) -> list[str]:
    """A folder that holds dumps: its other article files, one by one."""
    from ..ingest.manifest import MANIFEST_NAMES
    from ..ingest.read import SCANNED_SUFFIXES

    return [str(p) for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix.lower() in SCANNED_SUFFIXES
            and p.suffix.lower() not in DUMP_SUFFIXES and not p.name.startswith(".") and p.name not in MANIFEST_NAMES]


def read_dump(path: Path, settings: Settings, rejected: list[Rejection],
              progress: Tick | None = None) -> Iterator[tuple[RawDocument, datetime | None]]:
    """Stream a JSON Lines dump; a bad line is reported as ``path:line`` and skipped (``ingest.jsonl``)."""
    try:
        for n, line in dump_lines(path, settings):
            origin = f"{path}:{n}"
            if isinstance(line, InputError):
                rejected.append(Rejection(line.origin, line.reason))
                continue
            if not line.strip():
                continue
            try:
                yield parse_record(line, origin)
            except InputError as exc:
                rejected.append(Rejection(exc.origin, exc.reason))
            if progress:
                progress(origin)
    except InputError as exc:
        rejected.append(Rejection(exc.origin, exc.reason))


def parse_record(line: str, origin: str) -> tuple[RawDocument, datetime | None]:
    """One dump line -> a document and its publication instant (headline-only records accepted,
    an unreadable date rejected: the feed's order rests on it)."""
    return record_document(parse_json(line, origin, "malformed JSON line"), origin, headline_only=True,
                           strict_published=True)


def to_article(doc: RawDocument, when: datetime | None, settings: Settings) -> Article:
    """Clean like ``brief`` does; a headline-only record becomes a title-only article."""
    try:
        source = build_source(doc, settings)
    except InputError as exc:
        if doc.meta.title and "too little article text" in exc.reason:
            return Article(content_id("h", doc.meta.title, doc.meta.url or doc.origin), doc.origin,
                           doc.meta.title, "", when, doc.meta.outlet, doc.meta.url, doc)
        raise
    if when is None and source.published is not None:
        when = datetime(source.published.year, source.published.month, source.published.day)
    return Article(source.id, doc.origin, source.title, source.text, when, source.outlet, source.url, doc)
