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

from ..errors import UsageError
from ..model import DocMeta

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")


@dataclass(frozen=True)
class ManifestRow:
    key: str  # a resolved absolute path, or a URL
    meta: DocMeta


def read_manifest(path: Path) -> dict[str, DocMeta]:
    """Rows keyed by absolute path (relative paths resolve against the manifest's folder) or URL."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"cannot read manifest {path}: {exc.strerror}") from exc
    records = _jsonl_records(text, path) if path.suffix == ".jsonl" else _csv_records(text)
    rows = [_row(rec, path, n) for n, rec in enumerate(records, start=2)]
    return {row.key: row.meta for row in rows}


def _csv_records(text: str) -> list[dict[str, str]]:
    return [dict(r) for r in csv.DictReader(io.StringIO(text))]


def _jsonl_records(text: str, path: Path) -> list[dict[str, str]]:
    records = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{n}: not a JSON object ({exc.msg})") from exc
    return records


def _row(rec: dict[str, str], manifest: Path, line: int) -> ManifestRow:
    ref = (rec.get("path") or rec.get("url") or "").strip()
    if not ref:
        raise UsageError(f"{manifest}:{line}: a manifest row needs a 'path' or 'url'")
    key = ref if ref.startswith(("http://", "https://")) else str((manifest.parent / ref).resolve())
    published = _parse_date((rec.get("published") or "").strip(), manifest, line)
    meta = DocMeta(
        title=(rec.get("title") or "").strip() or None,
        outlet=(rec.get("outlet") or "").strip() or None,
        published=published,
        published_from="manifest" if published else None,
        url=ref if ref.startswith(("http://", "https://")) else (rec.get("url") or None),
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
