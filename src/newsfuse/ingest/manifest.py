"""Manifests: a CSV or JSONL file of ``path``/``url``, ``outlet``, ``title``, ``published``.

A manifest row overrides what newsfuse detects itself; a directory holding a
file named ``manifest.csv`` or ``manifest.jsonl`` uses it automatically.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError, UsageError
from ..model import DocMeta

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")


@dataclass(frozen=True)
class ManifestRow:
    key: str  # a resolved absolute path, or a URL
    meta: DocMeta


def read_manifest(path: Path) -> dict[str, DocMeta]:
    """Rows keyed by absolute path (relative paths resolve against the manifest's folder) or URL.

    Anything wrong with a manifest — unreadable, not a regular file, not text
    in any encoding ``decode_bytes`` accepts, a JSONL line that is not an
    object, a field that is not a string — is a ``UsageError`` naming the file
    and line: the user's mistake, reported before any work starts.
    """
    from .decode import decode_bytes
    from .read import read_regular_file

    try:
        text = decode_bytes(read_regular_file(path, MANIFEST_MAX_BYTES), str(path))
    except InputError as exc:
        raise UsageError(f"cannot read manifest {path}: {exc.reason}") from exc
    records = _jsonl_records(text, path) if path.suffix.lower() == ".jsonl" else _csv_records(text, path)
    rows = [_row(rec, path, n) for n, rec in records]
    return {row.key: row.meta for row in rows}


#: A manifest names files, a few hundred bytes a row; 64 MB is a quarter of a million rows.
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
_FIELDS = ("path", "url", "outlet", "title", "published")


def _csv_records(text: str, path: Path) -> list[tuple[int, dict[str, object]]]:
    reader = csv.DictReader(io.StringIO(text))
    try:
        rows = [(reader.line_num, dict(r)) for r in reader]
    except csv.Error as exc:
        raise UsageError(f"{path}:{reader.line_num}: not a readable CSV row ({exc})") from exc
    if reader.fieldnames is None or not {"path", "url"} & {str(f).strip() for f in reader.fieldnames}:
        raise UsageError(f"{path}: a CSV manifest needs a header row with a 'path' or 'url' column")
    # Extra cells on a row land under the key None (a list): ignored, as are columns newsfuse does not read.
    return [(n, {k.strip(): v for k, v in r.items() if isinstance(k, str)}) for n, r in rows]


def _jsonl_records(text: str, path: Path) -> list[tuple[int, dict[str, object]]]:
    records = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{n}: not a JSON object ({exc.msg})") from exc
        except (RecursionError, ValueError) as exc:
            raise UsageError(f"{path}:{n}: not a usable JSON object ({type(exc).__name__})") from exc
        if not isinstance(rec, dict):
            raise UsageError(f"{path}:{n}: each line must be a JSON object, not {type(rec).__name__}")
        records.append((n, rec))
    return records


def _row(rec: dict[str, object], manifest: Path, line: int) -> ManifestRow:
    for name in _FIELDS:
        if rec.get(name) is not None and not isinstance(rec.get(name), str):
            raise UsageError(f"{manifest}:{line}: {name!r} must be a string")
    fields = {name: str(rec.get(name) or "").strip() for name in _FIELDS}
    ref = fields["path"] or fields["url"]
    if not ref:
        raise UsageError(f"{manifest}:{line}: a manifest row needs a 'path' or 'url'")
    is_url = ref.startswith(("http://", "https://"))
    try:
        key = ref if is_url else str((manifest.parent / ref).resolve())
    except (OSError, ValueError) as exc:
        raise UsageError(f"{manifest}:{line}: path {ref!r} is not usable ({exc})") from exc
    published = _parse_date(fields["published"], manifest, line)
    meta = DocMeta(
        title=fields["title"] or None,
        outlet=fields["outlet"] or None,
        published=published,
        published_from="manifest" if published else None,
        url=ref if is_url else (fields["url"] or None),
    )
    return ManifestRow(key, meta)


def _parse_date(value: str, manifest: Path, line: int) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise UsageError(
            f"{manifest}:{line}: published {value!r} is not a date; use YYYY-MM-DD"
        ) from exc


def merge_meta(detected: DocMeta, override: DocMeta | None) -> DocMeta:
    """``override`` wins field by field; its missing fields keep what was detected.

    Used for manifest rows over detected metadata, and for what an input said
    (manifest, feed item, record) over what its HTML says.
    """
    if override is None:
        return detected
    return DocMeta(
        title=override.title or detected.title,
        outlet=override.outlet or detected.outlet,
        published=override.published or detected.published,
        published_from=override.published_from if override.published else detected.published_from,
        url=override.url or detected.url,
    )
