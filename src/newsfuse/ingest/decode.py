"""Bytes -> text, per file, refusing what is not text with a reason a user can act on.

The order, for each file on its own:

1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32) and wins;
2. otherwise a file that is valid UTF-8 is UTF-8 — ``--encoding`` never
   touches it, so ``--encoding latin-1`` for one old file cannot garble the
   UTF-8 files beside it;
3. a file that is not valid UTF-8 is decoded with ``--encoding`` if given,
   else with what charset-normalizer detects, else it is rejected.

Control characters other than tab, newline, form feed and carriage return
(NUL included) are removed from the text: no article means them, and lxml
and spaCy choke on some of them.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

#: Share of control bytes above which a "text" file is really binary. Real
#: articles have none besides \t\n\r; PDFs, images and zips have 10–30%.
BINARY_CONTROL_SHARE = 0.01
_SNIFF_BYTES = 8192
_ALLOWED_CONTROLS = {9, 10, 12, 13}
#: Longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, origin: str, encoding: str | None = None) -> str:
    """Decode ``data`` (BOM, else UTF-8, else ``encoding``, else detected) or raise ``InputError``."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), origin)
            except UnicodeDecodeError as exc:
                raise InputError(origin, f"starts with a {name} byte-order mark but is not valid {name} "
                                         f"(byte {exc.start})") from exc
    if not data.strip():
        raise InputError(origin, "empty document")
    head = data[:_SNIFF_BYTES]
    if _control_share(head) > BINARY_CONTROL_SHARE:
        raise InputError(origin, "binary file, not text or HTML")
    try:
        return _checked(data.decode("utf-8"), origin)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if encoding:
        return _checked(_decode_as(data, encoding, origin), origin)
    detected = _detect(data)
    if detected is None:
        raise InputError(
            origin,
            f"not valid UTF-8 (byte {first_bad}) and its encoding could not be detected; "
            "if you know it, pass --encoding (e.g. latin-1 or cp1252)",
        )
    return _checked(detected, origin)


def check_encoding(name: str) -> str:
    """The codec's canonical name, or ``LookupError`` for an unknown one (the CLI checks before work)."""
    return codecs.lookup(name).name


def _decode_as(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"neither valid UTF-8 nor valid {encoding} (byte {exc.start})") from exc
    except LookupError as exc:
        raise InputError(origin, f"unknown encoding {encoding!r}") from exc


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best reading of ``data``, or None when no encoding reads it as coherent text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _checked(text: str, origin: str) -> str:
    text = _CONTROLS.sub("", text)
    if not text.strip():
        raise InputError(origin, "empty document")
    return text


def _control_share(head: bytes) -> float:
    controls = sum(1 for b in head if b < 32 and b not in _ALLOWED_CONTROLS)
    return controls / max(1, len(head))
