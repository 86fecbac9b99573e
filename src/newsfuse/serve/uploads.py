"""Uploaded files and zips -> RawDocuments, within hard limits.

An upload is read the way ``newsfuse brief`` reads a file (``ingest.read``):
each file, or each member of a zip, is written under a fresh temporary folder
with a name *we* choose (never the member's), so no member name can escape
the folder, and read from there. Limits: files per upload, bytes per file,
bytes expanded from one zip in all (counted while decompressing, not taken
from the zip's own headers, so a zip bomb stops at the limit), zip members.
Feeds (.xml/.rss) are not accepted from uploads: reading a feed fetches its
links, which the server does only through its guarded fetcher.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..config import Settings
from ..errors import InputError, Rejection
from ..ingest.read import read_inputs
from ..model import RawDocument

ACCEPTED = frozenset({".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson"})


@dataclass(frozen=True)
class Limits:
    max_files: int = 20
    max_file_bytes: int = 5 * 1024 * 1024
    max_members: int = 500
    max_expanded_bytes: int = 50 * 1024 * 1024


def member_problem(name: str) -> str | None:
    """Why a zip member name is refused (absolute, ``..``, drive letters), or None."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        return "member path leaves the archive's folder"
    return None


def read_upload(name: str, data: bytes, settings: Settings, limits: Limits = Limits()
                ) -> tuple[list[RawDocument], list[Rejection]]:
    """Documents of one uploaded file (a zip's members each read as a file)."""
    origin = f"upload:{PurePosixPath(name).name or 'file'}"
    suffix = PurePosixPath(name).suffix.lower()
    if len(data) > limits.max_file_bytes and suffix != ".zip":
        return [], [Rejection(origin, f"larger than the {limits.max_file_bytes // 1024} KB limit")]
    if suffix == ".zip":
        return _read_zip(origin, data, settings, limits)
    if suffix not in ACCEPTED:
        return [], [Rejection(origin, f"unsupported file type {suffix or '(none)'}; use .txt .html .json .jsonl or .zip")]
    return _read_files([(origin, suffix, data)], settings)


def _read_zip(origin: str, data: bytes, settings: Settings, limits: Limits
              ) -> tuple[list[RawDocument], list[Rejection]]:
    rejected: list[Rejection] = []
    files: list[tuple[str, str, bytes]] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [], [Rejection(origin, "not a readable zip file")]
    budget = limits.max_expanded_bytes
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) > limits.max_members:
            return [], [Rejection(origin, f"more than {limits.max_members} files in the archive")]
        for info in members:
            where = f"{origin}/{info.filename}"
            problem = member_problem(info.filename)
            suffix = PurePosixPath(info.filename).suffix.lower()
            if problem is None and suffix not in ACCEPTED:
                problem = f"unsupported file type {suffix or '(none)'} (archives inside archives are not opened)"
            if problem:
                rejected.append(Rejection(where, problem))
                continue
            cap = min(limits.max_file_bytes, budget)
            try:
                with archive.open(info) as fh:
                    body = fh.read(cap + 1)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
                rejected.append(Rejection(where, f"unreadable member ({exc})"))
                continue
            if len(body) > cap:
                reason = ("expands past the archive's total limit" if cap < limits.max_file_bytes
                          else f"larger than the {limits.max_file_bytes // 1024} KB limit")
                rejected.append(Rejection(where, reason))
                if cap < limits.max_file_bytes:
                    break
                continue
            budget -= len(body)
            files.append((where, suffix, body))
    docs, more = _read_files(files, settings)
    return docs, rejected + more


def _read_files(files: list[tuple[str, str, bytes]], settings: Settings) -> tuple[list[RawDocument], list[Rejection]]:
    """Write each file under a fresh folder with our own name, read it as ``brief`` would, restore the origin."""
    docs: list[RawDocument] = []
    rejected: list[Rejection] = []
    with tempfile.TemporaryDirectory(prefix="newsfuse-upload-") as tmp:
        for n, (origin, suffix, body) in enumerate(files):
            path = Path(tmp) / f"{n:05d}{suffix}"
            path.write_bytes(body)
            try:
                got = read_inputs([str(path)], settings)
            except InputError as exc:
                rejected.append(Rejection(origin, exc.reason))
                continue
            for doc in got.documents:
                where = origin + doc.origin[len(str(path)):]
                docs.append(RawDocument(where, doc.content, doc.kind, doc.meta, None))
            for r in got.rejected:
                rejected.append(Rejection(origin + r.path[len(str(path)):], r.reason, r.stage))
    return docs, rejected
