"""Turn what the user named (files, folders, URLs, feeds, record dumps) into RawDocuments.

This is an edge: the only module besides ``fetch`` and the CLI that touches the
disk. Every input that cannot be used becomes a ``Rejection`` with its name and
reason; the others go on.
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..config import Settings
from ..errors import InputError, Rejection, write_traceback
from ..model import DocMeta, RawDocument
from .decode import decode_bytes
from .fetch import FetchSession
from .manifest import MANIFEST_NAMES, merge_meta, read_manifest
from .records import parse_json, record_document, text_field

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


@dataclass
class _Run:
    """What the loaders of one run share: the settings, the fetches made, the files already read."""

    settings: Settings
    session: FetchSession
    files: dict[str, str] = field(default_factory=dict)  # resolved path -> the name it was first read as


def read_inputs(
    inputs: list[str],
    settings: Settings,
    manifest: str | None = None,
    progress: Progress | None = None,
    session: FetchSession | None = None,
) -> Ingested:
    """Read every input; never raises for a bad document, only for a bad manifest (``UsageError``).

    Every manifest (``--manifest`` and those inside named folders) is read
    before any input, so a bad one stops the run before work starts. One
    ``session`` counts fetches across calls (``newsfuse cluster`` calls this
    per input); each call gets its own otherwise.
    """
    if isinstance(inputs, str | bytes) or not all(isinstance(i, str) for i in inputs):
        raise TypeError("read_inputs() takes a list of paths or URLs as strings")
    overrides = read_manifest(Path(manifest)) if manifest else {}
    out = Ingested()
    plan: list[tuple[str, Loader]] = []
    for item in inputs:
        try:
            plan.extend(_expand(item, overrides))
        except (OSError, ValueError) as exc:  # an unreadable folder, a name the OS refuses
            out.rejected.append(Rejection(item, f"cannot list or open ({getattr(exc, 'strerror', None) or exc})"))
    run = _Run(settings, session or FetchSession(settings))
    for origin, loader in plan:
        try:
            for doc in loader(run):
                if isinstance(doc, Rejection):
                    out.rejected.append(doc)
                    continue
                key = doc.meta.url if doc.path is None else str(Path(doc.path).resolve())
                out.documents.append(_override(doc, overrides.get(key or "")))
        except InputError as exc:
            out.rejected.append(Rejection(exc.origin, exc.reason))
        except Exception as exc:  # noqa: BLE001 - one input's crash must not lose the others
            out.rejected.append(Rejection(origin, internal_error_reason(exc, origin, "ingest")))
        if progress:
            progress(origin)
    return out


def internal_error_reason(exc: BaseException, origin: str, stage: str) -> str:
    """Write the traceback to a temporary file; the reason names the error and that file."""
    where = write_traceback(exc, f"in {stage} on {origin}")
    return f"internal error in {stage} ({type(exc).__name__}: {str(exc)[:200]}); traceback in {where}; please report it"


#: A loader yields documents, and Rejections for the parts of a container
#: (a feed item, a JSONL line) that failed while the rest is still usable.
Loaded = list[RawDocument | Rejection]
Loader = Callable[[_Run], Loaded]


def _expand(item: str, overrides: dict[str, DocMeta]) -> Iterator[tuple[str, Loader]]:
    if item.startswith(("http://", "https://")):
        yield item, lambda run: _load_url(item, run)
        return
    path = Path(item)
    if path.is_dir():
        for name in MANIFEST_NAMES:
            if (path / name).is_file():
                for key, meta in read_manifest(path / name).items():
                    overrides.setdefault(key, meta)
        # Not only regular files: a FIFO or socket named like an article is reported, not silently passed over.
        files = sorted(
            p for p in path.rglob("*")
            if not p.is_dir() and p.suffix.lower() in SCANNED_SUFFIXES
            and p.name not in MANIFEST_NAMES and not p.name.startswith(".")
        )
        for p in files:
            yield str(p), _file_loader(p)
        if not files:
            yield item, lambda run: _nothing_in(item)
        return
    yield item, _file_loader(path)


def _nothing_in(folder: str) -> Loaded:
    kinds = " ".join(sorted(SCANNED_SUFFIXES))
    raise InputError(folder, f"folder holds no article files ({kinds})")


def _file_loader(path: Path) -> Loader:
    return lambda run: _load_file(path, run)


def _override(doc: RawDocument, meta: DocMeta | None) -> RawDocument:
    if meta is None:
        return doc
    return RawDocument(doc.origin, doc.content, doc.kind, merge_meta(doc.meta, meta), doc.path)


def _load_file(path: Path, run: _Run) -> Loaded:
    origin = str(path)
    settings = run.settings
    resolved = str(path.resolve()) if path.exists() else origin
    if resolved in run.files:
        raise InputError(origin, f"already read as {run.files[resolved]} (named more than once)")
    data = read_regular_file(path, settings.max_bytes)
    run.files[resolved] = origin
    suffix = path.suffix.lower()
    text = decode_bytes(data, origin, settings.encoding)
    if suffix in RECORD_SUFFIXES:
        return _records(text, origin, str(path), settings)
    if suffix in FEED_SUFFIXES or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and _is_feed(text)):
        return _feed(text, origin, run)
    kind = "html" if suffix in HTML_SUFFIXES or _looks_html(text) else "text"
    return [RawDocument(origin, text, kind, DocMeta(), str(path))]


_NOT_REGULAR = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, counted as read; else ``InputError``.

    A FIFO would block for ever, ``/dev/zero`` never ends, and a file can grow
    between ``stat`` and ``read``: the type is checked before opening and again
    on the open descriptor (opened non-blocking, so a FIFO cannot hang the
    open), and the read stops one byte past the limit whatever ``stat`` said.
    """
    origin = str(path)
    try:
        info = path.stat()
        require_regular(info.st_mode, origin)
        if info.st_size > max_bytes:
            raise InputError(origin, _too_big(max_bytes, f"{info.st_size // 1024} KB"))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            require_regular(os.fstat(fh.fileno()).st_mode, origin)
            data = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        reason = "a broken link" if path.is_symlink() else "no such file or folder"
        raise InputError(origin, reason) from exc
    except PermissionError as exc:
        raise InputError(origin, "permission denied") from exc
    except OSError as exc:
        raise InputError(origin, f"unreadable ({exc.strerror or exc})") from exc
    except ValueError as exc:  # a NUL byte in the name
        raise InputError(origin, f"not a usable file name ({exc})") from exc
    if len(data) > max_bytes:
        raise InputError(origin, _too_big(max_bytes, "more when read"))
    return data


def require_regular(mode: int, origin: str) -> None:
    """``InputError`` naming what it is, unless ``mode`` is a regular file's."""
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _NOT_REGULAR if test(mode)), "not a regular file")
    raise InputError(origin, f"{kind}, not a regular file; only regular files are read")


def _too_big(limit: int, size: str) -> str:
    return f"larger than the {limit // 1024} KB limit ({size}); raise it with --max-bytes"


def _load_url(url: str, run: _Run, *, found_in_content: bool = False, feeds: bool = True) -> Loaded:
    """Fetch ``url``; a feed's items are fetched in turn unless this URL is itself a feed item (``feeds=False``)."""
    got = run.session.fetch(url, found_in_content=found_in_content)
    text = decode_bytes(got.content, url, run.settings.encoding)
    if "rss" in got.content_type or "atom" in got.content_type or _is_feed(text):
        if not feeds:
            raise InputError(url, "a feed item links to a feed; feeds are not followed from feeds")
        return _feed(text, url, run)
    kind = "html" if "html" in got.content_type or _looks_html(text) else "text"
    return [RawDocument(url, text, kind, DocMeta(url=got.url))]


def _looks_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head


def _is_feed(text: str) -> bool:
    head = text[:1024].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _feed(text: str, origin: str, run: _Run) -> Loaded:
    """Each feed item's link is an article; an item without a fetchable link uses its own content.

    Item links are content, not the user's choice: they are checked by
    ``netguard``, fetched once per run, and a link to another feed (or back to
    this one) is not followed, so feeds cannot recurse or fan out.
    """
    import feedparser

    # As a stream, never a string: feedparser.parse("http://…") or parse("/etc/…") fetches or opens what
    # the string names, so a feed whose whole body is a URL or a path would bypass every check here.
    # The text is already decoded; the header tells feedparser its UTF-8 re-encoding wins over the
    # XML declaration.
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8", "surrogatepass")),
                              response_headers={"content-type": "application/xml; charset=utf-8"})
    if parsed.bozo and not parsed.entries:
        raise InputError(origin, f"not a readable RSS/Atom feed ({parsed.bozo_exception})")
    docs: Loaded = []
    for n, entry in enumerate(parsed.entries):
        item = f"{origin}#item{n}"
        try:
            docs.extend(_feed_item(entry, n, item, parsed.feed.get("title"), run))
        except InputError as exc:
            docs.append(Rejection(exc.origin, exc.reason))
        except Exception as exc:  # noqa: BLE001 - one item's crash must not lose the feed
            docs.append(Rejection(item, internal_error_reason(exc, item, "ingest")))
    return docs


def _feed_item(entry: dict, n: int, item: str, outlet: object, run: _Run) -> Loaded:
    when = _entry_date(entry)
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    meta = DocMeta(
        title=text_field(entry.get("title")),
        outlet=text_field(outlet),
        published=when,
        published_from="metadata" if when else None,
        url=link,
    )
    if link and link.strip().startswith(("http://", "https://")):
        fetched = _load_url(link.strip(), run, found_in_content=True, feeds=False)
        return [RawDocument(d.origin, d.content, d.kind, merge_meta(d.meta, meta)) if isinstance(d, RawDocument)
                else d for d in fetched]
    body = _entry_body(entry)
    if not body.strip():
        raise InputError(item, "feed item has neither a fetchable link nor any text")
    kind = "html" if _MARKUP.search(body) else "text"
    return [RawDocument(item, body, kind, meta)]


_MARKUP = re.compile(r"<[A-Za-z][^<>]*>")


def _entry_date(entry: dict) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    except (ValueError, AttributeError, TypeError):
        return None


def _entry_body(entry: dict) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(c.get("value") for c in contents if isinstance(c.get("value"), str))
    summary = entry.get("summary")
    return summary if isinstance(summary, str) else ""


def _records(text: str, origin: str, path: str, settings: Settings) -> Loaded:
    """JSON (an object or a list) or JSON Lines records with ``text`` or ``html``."""
    stripped = text.lstrip()
    if origin.endswith(".json") and stripped.startswith(("[", "{")):
        data = parse_json(text, origin, "malformed JSON")
        items = data if isinstance(data, list) else [data]
        return [_guarded(_record, rec, f"{origin}#{n}") for n, rec in enumerate(items)]
    return [_guarded(_record_line, line, f"{origin}:{n}")
            for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _guarded(make: Callable[..., RawDocument], *args: object) -> RawDocument | Rejection:
    """One bad record in a dump is reported; the others go on."""
    try:
        return make(*args)
    except InputError as exc:
        return Rejection(exc.origin, exc.reason)


def _record_line(line: str, origin: str) -> RawDocument:
    return _record(parse_json(line, origin, "malformed JSON line"), origin)


def _record(rec: object, origin: str) -> RawDocument:
    return record_document(rec, origin)[0]
