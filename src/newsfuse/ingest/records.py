"""JSON records as documents: the one parser that `brief` and `cluster` share.

A record is an object with ``text`` or ``html`` and optional ``title``, ``outlet``, ``url`` and
``published``. The two commands differ in one rule, passed explicitly: ``cluster`` also takes
headline-only records (news aggregator dumps), since it clusters on headlines, and it rejects a
``published`` it cannot read, since a feed's order and time windows rest on it; ``brief`` leaves
such a date unknown and infers it from the other reports.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from ..errors import InputError
from ..model import DocMeta, RawDocument

#: Record fields newsfuse reads; each must be a string (or null/absent).
RECORD_FIELDS = ("text", "html", "title", "outlet", "url", "published")


def record_document(
    rec: object, origin: str, *, headline_only: bool = False, strict_published: bool = False
) -> tuple[RawDocument, datetime | None]:
    """A record as a document and its publication instant (UTC-naive, for ordering a feed).

    ``headline_only``: a record with a title but no body is accepted. ``strict_published``: an
    unreadable ``published`` rejects the record (else the date is left unknown). The date is
    taken as written (the outlet's own calendar day).
    """
    wanted = "'text', 'html' or 'title'" if headline_only else "'text' or 'html'"
    if not isinstance(rec, dict):
        raise InputError(origin, f"a record must be a JSON object with {wanted}")
    check_record_fields(rec, origin)
    html = rec.get("html") or ""
    body, kind = (html, "html") if html.strip() else (rec.get("text") or "", "text")
    title = text_field(rec.get("title"))
    if not body.strip() and not (headline_only and title):
        raise InputError(origin, f"record has no {wanted}")
    published, when = record_date(rec.get("published")), parse_time(rec.get("published"))
    if strict_published and rec.get("published") and when is None:
        raise InputError(origin, f"unreadable 'published' {str(rec.get('published'))[:40]!r}; use ISO 8601")
    meta = DocMeta(title=title, outlet=text_field(rec.get("outlet")), published=published,
                   published_from="metadata" if published else None, url=text_field(rec.get("url")))
    return RawDocument(origin, body, kind, meta, None), when


def text_field(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def parse_json(text: str, origin: str, what: str) -> object:
    """``json.loads`` with every way it fails (syntax, nesting past the recursion limit, a 5,000-digit
    integer) as an ``InputError``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"{what} (line {exc.lineno}: {exc.msg})") from exc
    except RecursionError as exc:
        raise InputError(origin, f"{what} (nested too deeply)") from exc
    except ValueError as exc:
        raise InputError(origin, f"{what} ({exc})") from exc


def check_record_fields(rec: dict, origin: str) -> None:
    """``InputError`` for the first field newsfuse reads that is neither a string nor null."""
    for name in RECORD_FIELDS:
        value = rec.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(origin, f"record field {name!r} must be a string, not {_json_type(value)}")


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def record_date(value: object) -> date | None:
    """The calendar day an ISO 8601 date or timestamp names, as written; None if unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def parse_time(value: object) -> datetime | None:
    """ISO 8601 date or timestamp -> UTC-naive datetime; anything else -> None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when
