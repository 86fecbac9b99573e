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

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

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
from .spool import Entry, Spool

DUMP_SUFFIXES = frozenset({".jsonl", ".ndjson"})

Tick = Callable[[str], None]


@dataclass
class Feed:
    """The articles kept, in input order (``Entry`` rows of a ``Spool`` when read with one), and
    every record rejected."""

    articles: list[Article] | list[Entry] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


class DumpLine(NamedTuple):
    """One line of a JSON Lines dump, not parsed yet (parsing is cleaning's first step, so an
    engine can spread it with the rest)."""

    origin: str
    text: str


#: One unit of reading, in input order: a dump line, a document read whole (no timestamp of its
#: own), or an input that could not be read at all.
Item = DumpLine | RawDocument | Rejection
#: clean(items, settings) -> for each item, in order, its Article or why it was rejected:
#: ``clean_items`` here, or an engine's parallel version (``ray_engine.RayFeed.clean``).
Cleaner = Callable[[Iterable[Item], Settings], Iterable[Article | Rejection]]


def read_feed(inputs: Sequence[str], settings: Settings, manifest: str | None = None,
              progress: Tick | None = None, clean: Cleaner | None = None, spool: Spool | None = None) -> Feed:
    """Read every input into Articles; duplicates (same cleaned text) are rejected by name.

    Reading (I/O) happens here; each item is parsed and cleaned by ``clean`` (default: one after
    another in this process); the duplicates are then decided in input order, so any engine that
    returns the same outcomes in the same order gives the same feed. With ``spool`` each article
    kept goes to it as it comes and the feed holds its ``Entry`` (``cluster.spool``: why)."""
    return collect((clean or clean_items)(read_items(inputs, settings, manifest, progress), settings), spool)


def collect(outcomes: Iterable[Article | Rejection], spool: Spool | None = None) -> Feed:
    """Outcomes in input order -> the feed: the first of several articles with one id is kept
    (spooled, when ``spool`` is given, so only its ``Entry`` stays here)."""
    feed = Feed()
    kept: list = feed.articles
    seen: dict[str, str] = {}
    for outcome in outcomes:
        if isinstance(outcome, Rejection):
            feed.rejected.append(outcome)
        elif outcome.id in seen:
            feed.rejected.append(Rejection(outcome.origin, f"same article as {seen[outcome.id]}", "clean"))
        else:
            seen[outcome.id] = outcome.origin
            kept.append(spool.add(outcome) if spool is not None else outcome)
    if spool is not None:
        spool.flush()
    return feed


def clean_items(items: Iterable[Item], settings: Settings) -> Iterator[Article | Rejection]:
    """The serial cleaner: lazily, so a dump is streamed, not held twice."""
    return (clean_item(item, settings) for item in items)


def clean_item(item: Item, settings: Settings) -> Article | Rejection:
    """One item -> its Article (parsed if a dump line, then cleaned as ``brief`` cleans) or its rejection."""
    if isinstance(item, Rejection):
        return item
    if isinstance(item, DumpLine):
        try:
            doc, when = parse_record(item.text, item.origin)
        except InputError as exc:
            return Rejection(exc.origin, exc.reason)
    else:
        doc, when = item, None
    try:
        return to_article(doc, when, settings)
    except InputError as exc:
        return Rejection(exc.origin, exc.reason, "clean")


def read_items(inputs: Sequence[str], settings: Settings, manifest: str | None = None,
               progress: Tick | None = None) -> Iterator[Item]:
    """Dumps line by line; everything else through ``read_inputs`` (a folder whole, so its manifest counts),
    with one fetch session for the run (each URL once, one cap on fetches)."""
    session = FetchSession(settings)
    for item in inputs:
        path = Path(item)
        dumps = _dump_files(path)
        for dump in dumps:
            yield from read_dump(dump, settings, progress)
        if path.is_file() and dumps:
            continue
        rest = [item] if not dumps else _other_files(path)
        if rest:
            got = read_inputs(rest, settings, manifest, progress, session)
            yield from got.rejected
            yield from got.documents


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


def read_dump(path: Path, settings: Settings, progress: Tick | None = None) -> Iterator[DumpLine | Rejection]:
    """Stream a JSON Lines dump's lines; an unreadable line (or file) is a rejection naming ``path:line``
    (``ingest.jsonl``); blank lines are skipped."""
    try:
        for n, line in dump_lines(path, settings):
            if isinstance(line, InputError):
                yield Rejection(line.origin, line.reason)
                continue
            if not line.strip():
                continue
            yield DumpLine(f"{path}:{n}", line)
            if progress:
                progress(f"{path}:{n}")
    except InputError as exc:
        yield Rejection(exc.origin, exc.reason)


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
