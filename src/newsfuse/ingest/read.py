"""Turn what the user named (files, folders, URLs, feeds, record dumps) into RawDocuments.

This is an edge: the only module besides ``fetch`` and the CLI that touches the
disk. Every input that cannot be used becomes a ``Rejection`` with its name and
reason; the others go on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..config import Settings
from ..errors import InputError, Rejection
from ..model import DocMeta, RawDocument
from .decode import decode_bytes
from .fetch import fetch
from .manifest import MANIFEST_NAMES, merge_meta, read_manifest

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
#: Explicitly named files may also be Markdown; folders are scanned for these only,
#: so a README or SOURCE.md beside the articles is not briefed as an article.
SCANNED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | FEED_SUFFIXES


@dataclass
class Ingested:
    documents: list[RawDocument] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


Progress = Callable[[str], None]


def read_inputs(
    inputs: list[str],
    settings: Settings,
    manifest: str | None = None,
    progress: Progress | None = None,
) -> Ingested:
    """Read every input; never raises for a bad document, only for a bad manifest."""
    overrides = read_manifest(Path(manifest)) if manifest else {}
    out = Ingested()
    for item in inputs:
        for origin, loader in _expand(item, overrides):
            try:
                for doc in loader(settings):
                    if isinstance(doc, Rejection):
                        out.rejected.append(doc)
                        continue
                    key = doc.meta.url if doc.path is None else str(Path(doc.path).resolve())
                    out.documents.append(_override(doc, overrides.get(key or "")))
            except InputError as exc:
                out.rejected.append(Rejection(exc.origin, exc.reason))
            if progress:
                progress(origin)
    return out


#: A loader yields documents, and Rejections for the parts of a container
#: (a feed item, a JSONL line) that failed while the rest is still usable.
Loaded = list[RawDocument | Rejection]
Loader = Callable[[Settings], Loaded]


def _expand(item: str, overrides: dict[str, DocMeta]) -> Iterator[tuple[str, Loader]]:
    if item.startswith(("http://", "https://")):
        yield item, lambda s: _load_url(item, s)
        return
    path = Path(item)
    if path.is_dir():
        for name in MANIFEST_NAMES:
            if (path / name).is_file():
                for key, meta in read_manifest(path / name).items():
                    overrides.setdefault(key, meta)
        files = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in SCANNED_SUFFIXES
            and p.name not in MANIFEST_NAMES and not p.name.startswith(".")
        )
        for p in files:
            yield str(p), _file_loader(p)
        return
    yield item, _file_loader(path)


def _file_loader(path: Path) -> Loader:
    return lambda s: _load_file(path, s)


def _override(doc: RawDocument, meta: DocMeta | None) -> RawDocument:
    if meta is None:
        return doc
    return RawDocument(doc.origin, doc.content, doc.kind, merge_meta(doc.meta, meta), doc.path)


def _load_file(path: Path, settings: Settings) -> Loaded:
    origin = str(path)
    if not path.exists():
        raise InputError(origin, "no such file or folder")
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise InputError(
                origin,
                f"larger than the {settings.max_bytes // 1024} KB limit ({size // 1024} KB); "
                "raise it with --max-bytes",
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise InputError(origin, "permission denied") from exc
    except OSError as exc:
        raise InputError(origin, f"unreadable ({exc.strerror or exc})") from exc
    suffix = path.suffix.lower()
    text = decode_bytes(data, origin, settings.encoding)
    if suffix in RECORD_SUFFIXES:
        return _records(text, origin, str(path), settings)
    if suffix in FEED_SUFFIXES or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and _is_feed(text)):
        return _feed(text, origin, settings)
    kind = "html" if suffix in HTML_SUFFIXES or _looks_html(text) else "text"
    return [RawDocument(origin, text, kind, DocMeta(), str(path))]


def _load_url(url: str, settings: Settings) -> Loaded:
    got = fetch(url, settings)
    text = decode_bytes(got.content, url, settings.encoding)
    if "rss" in got.content_type or "atom" in got.content_type or _is_feed(text):
        return _feed(text, url, settings)
    kind = "html" if "html" in got.content_type or _looks_html(text) else "text"
    return [RawDocument(url, text, kind, DocMeta(url=got.url))]


def _looks_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head


def _is_feed(text: str) -> bool:
    head = text[:1024].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _feed(text: str, origin: str, settings: Settings) -> Loaded:
    """Each feed item's link is an article; an item without a link uses its own content."""
    import feedparser

    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        raise InputError(origin, f"not a readable RSS/Atom feed ({parsed.bozo_exception})")
    docs: Loaded = []
    for n, entry in enumerate(parsed.entries):
        meta = DocMeta(
            title=entry.get("title"),
            outlet=parsed.feed.get("title"),
            published=_entry_date(entry),
            published_from="metadata" if _entry_date(entry) else None,
            url=entry.get("link"),
        )
        link = entry.get("link")
        if link and link.startswith(("http://", "https://")):
            try:
                fetched = _load_url(link, settings)
            except InputError as exc:
                docs.append(Rejection(exc.origin, exc.reason))
                continue
            for doc in fetched:
                if isinstance(doc, RawDocument):
                    doc = RawDocument(doc.origin, doc.content, doc.kind, merge_meta(doc.meta, meta))
                docs.append(doc)
            continue
        body = _entry_body(entry)
        if body:
            docs.append(RawDocument(f"{origin}#item{n}", body, "html", meta))
    return docs


def _entry_date(entry: dict) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None


def _entry_body(entry: dict) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(c.get("value", "") for c in contents)
    return entry.get("summary", "")


def _records(text: str, origin: str, path: str, settings: Settings) -> Loaded:
    """JSON (an object or a list) or JSON Lines records with ``text`` or ``html``."""
    stripped = text.lstrip()
    if origin.endswith(".json") and stripped.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(origin, f"malformed JSON (line {exc.lineno}: {exc.msg})") from exc
        items = data if isinstance(data, list) else [data]
        return [_guarded(_record, rec, f"{origin}#{n}", path) for n, rec in enumerate(items)]
    return [_guarded(_record_line, line, f"{origin}:{n}", path)
            for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _guarded(make: Callable[..., RawDocument], *args: object) -> RawDocument | Rejection:
    """One bad record in a dump is reported; the others go on."""
    try:
        return make(*args)
    except InputError as exc:
        return Rejection(exc.origin, exc.reason)


def _record_line(line: str, origin: str, path: str) -> RawDocument:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"malformed JSON line ({exc.msg})") from exc
    return _record(rec, origin, path)


def _record(rec: object, origin: str, path: str) -> RawDocument:
    if not isinstance(rec, dict):
        raise InputError(origin, "a record must be a JSON object with 'text' or 'html'")
    body, kind = (rec.get("html"), "html") if rec.get("html") else (rec.get("text"), "text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(origin, "record has no 'text' or 'html'")
    published = _record_date(rec.get("published"))
    meta = DocMeta(
        title=rec.get("title") or None,
        outlet=rec.get("outlet") or None,
        published=published,
        published_from="metadata" if published else None,
        url=rec.get("url") or None,
    )
    return RawDocument(origin, body, kind, meta, None)


def _record_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
