"""Write what ``newsfuse cluster`` produces: one briefing per story, and the index.

Layout of OUTDIR::

    index.json  index.html              all stories, largest first, then latest
    stories/<story-id>.json|.md|.html   the briefing of each story

A story is briefed again when it changed in this run, when an earlier run did
not finish it (``todo``: pending or failed in the state), or when one of its
files is not byte for byte what was written last (``known``: SHA-256 by path),
so a torn or edited file is rewritten; a file whose content would not change is
not touched. Every file is written to a temporary name and renamed into place.
One story's failure does not stop the others: it is reported to ``done`` with
its reason, marked ``failed`` in the index, and retried by the next run.
"""

from __future__ import annotations

import filecmp
import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import Rejection, UsageError
from ..pipeline import describe
from .index import index_json_chunks, index_parts
from .model import StoredArticle

FORMATS = ("json", "md", "html")

#: done(story, failure or None, {path: sha256 of what was written or verified}).
StoryDone = Callable[[str, str | None, dict[str, str]], None]
#: load(story, members as held) -> the members whole (raw documents, texts), read when the story is
#: briefed: a run holds its articles light (``store.state.load_articles(texts=False)``).
LoadStory = Callable[[str, list[StoredArticle]], list[StoredArticle]]


@dataclass
class Outputs:
    written: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # story id -> reason


def write_outputs(outdir: Path, articles: Sequence[StoredArticle], todo: Mapping[str, str | None],
                  settings: Settings, options: Any, rejected: list[Rejection], index_options: dict[str, Any],
                  known: Mapping[str, str] | None = None, done: StoryDone | None = None,
                  brief: Callable[..., dict[str, str] | None] | None = None, load: LoadStory | None = None) -> Outputs:
    """Brief and write each story that needs it (``brief``: ``brief_story`` or briefings made ahead
    by ``parallel.prebrief``, called the same way; a story that failed there raises here), then the index.
    ``load`` reads a story's members whole just before it is briefed, so one story's documents are held at a time."""
    outdir.mkdir(parents=True, exist_ok=True)
    out = Outputs()
    briefings: dict[str, dict[str, str] | None] = {}
    by_story: dict[str, list[StoredArticle]] = defaultdict(list)
    for a in articles:
        by_story[a.story].append(a)
    for sid, members in sorted(by_story.items()):
        files = {fmt: f"stories/{sid}.{fmt}" for fmt in FORMATS}
        if not briefed(members, options):
            briefings[sid] = None
            if done and sid in todo:
                done(sid, None, {})
            continue
        if not needs_briefing(outdir, sid, members, todo, options, known or {}):
            briefings[sid] = files
            continue
        try:
            rendered = (brief or brief_story)(load(sid, members) if load else members, settings, rejected)
            hashes: dict[str, str] = {}
            for fmt, text in (rendered or {}).items():
                out.written += write_if_changed(outdir / files[fmt], text)
                hashes[output_key(outdir / files[fmt])] = sha256(text)
        except UsageError:
            raise  # the user's mistake (model not installed, ...) is the same for every story
        except Exception as exc:  # noqa: BLE001 - one story must not stop the others
            out.failed[sid] = describe(exc)
            briefings[sid] = None
            if done:
                done(sid, out.failed[sid], {})
            continue
        briefings[sid] = files if rendered else None
        if done:
            done(sid, None, hashes)
    # The index is written a story at a time (neither it nor its JSON and HTML texts held whole:
    # they grew with the store, not with the largest story).
    index = index_parts(articles, briefings, rejected, index_options, out.failed)
    out.written += write_chunks_if_changed(outdir / "index.json", index_json_chunks(index))
    from .index_html import index_html_chunks

    out.written += write_chunks_if_changed(outdir / "index.html", index_html_chunks(index))
    return out


def briefed(members: Sequence[StoredArticle], options: Any) -> bool:
    """Whether a story of these articles gets a briefing at all (briefings on, big enough)."""
    return options.briefings and len(members) >= options.min_articles


def needs_briefing(outdir: Path, sid: str, members: Sequence[StoredArticle], todo: Mapping[str, str | None],
                   options: Any, known: Mapping[str, str]) -> bool:
    """A briefed story is (re)written when it is pending or any of its files is not what was last written.

    ``write_outputs`` and the parallel engines (``parallel.prebrief``) ask this one question, so
    they brief the same stories.
    """
    if not briefed(members, options):
        return False
    return sid in todo or not all(_intact(outdir / f"stories/{sid}.{fmt}", known) for fmt in FORMATS)


def output_key(path: Path) -> str:
    """How a written file is named in the state: its absolute path."""
    return str(path.resolve())


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _intact(path: Path, known: Mapping[str, str]) -> bool:
    """The file is there and holds exactly what was last written to it."""
    want = known.get(output_key(path))
    if want is None or not path.is_file():
        return False
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == want
    except OSError:
        return False


def brief_story(members: Iterable[StoredArticle], settings: Settings, rejected: list[Rejection]) -> dict[str, str] | None:
    """The story's briefing in every format, or None when no member has enough text (headlines only)."""
    from ..api import brief_documents
    from ..render.output import render

    docs = briefing_documents(members)
    if not docs:
        return None
    briefing = brief_documents(docs, settings)
    if not briefing.sources:
        return None
    opts = {"command": "cluster"}
    return {fmt: render(briefing, fmt, opts) for fmt in FORMATS}


def briefing_documents(members: Iterable[StoredArticle]) -> list[Any]:
    """The raw documents a story's briefing reads: members with text (a headline-only record has none)."""
    return [a.raw for a in members if a.raw is not None and a.text]


def may_have_documents(members: Iterable[StoredArticle]) -> bool:
    """Whether ``briefing_documents`` of these members can be non-empty, asked of members loaded
    light (``chars`` set, ``raw`` not loaded) as well as whole: a light member with text may have a
    document; a whole one must have it. A story that turns out to have none briefs to None, as serially."""
    return any(a.chars > 0 if a.chars is not None else (a.raw is not None and bool(a.text)) for a in members)


def write_chunks_if_changed(path: Path, chunks: Iterable[str]) -> list[Path]:
    """``write_if_changed`` of the text the chunks make, never held whole: they go to the
    temporary file, which is compared with ``path`` and renamed into place only if it differs."""
    return _write_atomically(path, (chunk.encode("utf-8") for chunk in chunks), unless_same=True)


def write_if_changed(path: Path, text: str) -> list[Path]:
    """Write ``text`` to ``path`` unless it already holds it; atomically (temporary file, then rename)."""
    data = text.encode("utf-8")
    try:
        if path.is_file() and path.read_bytes() == data:
            return []
    except OSError:
        pass
    return _write_atomically(path, (data,))


def _write_atomically(path: Path, chunks: Iterable[bytes], unless_same: bool = False) -> list[Path]:
    """Write the chunks to a temporary file beside ``path`` (synced) and rename it into place, so a
    reader sees the old file or the new one, never half of one; with ``unless_same``, ``path`` is left
    as it is when it already holds those bytes. Returns the paths written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        if unless_same:
            try:
                if path.is_file() and filecmp.cmp(tmp, path, shallow=False):
                    return []
            except OSError:
                pass
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return [path]
