"""Bytes -> text, refusing what is not text with a reason a user can act on."""

from __future__ import annotations

from ..errors import InputError

#: Share of control bytes above which a "text" file is really binary. Real
#: articles have none besides \t\n\r; PDFs, images and zips have 10–30%.
BINARY_CONTROL_SHARE = 0.01
_SNIFF_BYTES = 8192
_ALLOWED_CONTROLS = {9, 10, 12, 13}


def decode_bytes(data: bytes, origin: str, encoding: str | None = None) -> str:
    """Decode ``data`` (UTF-8 by default, BOM tolerated) or raise ``InputError``."""
    if not data.strip():
        raise InputError(origin, "empty document")
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head or _control_share(head) > BINARY_CONTROL_SHARE:
        raise InputError(origin, "binary file, not text or HTML")
    codec = encoding or "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            origin,
            f"not valid {encoding or 'UTF-8'} (byte {exc.start}); "
            "if it is in another encoding, try --encoding latin-1 (or cp1252)",
        ) from exc
    except LookupError as exc:
        raise InputError(origin, f"unknown encoding {encoding!r}") from exc


def _control_share(head: bytes) -> float:
    controls = sum(1 for b in head if b < 32 and b not in _ALLOWED_CONTROLS)
    return controls / max(1, len(head))
