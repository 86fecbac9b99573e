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


#: On a tie between charset-normalizer's readings, the encodings English news is most often in.
#: Ties are common on short texts (one "é" reads the same in a dozen single-byte codecs) and
#: charset-normalizer breaks them in an order that changed from run to run ("Café" once read
#: as "Cafť"); this makes the choice deterministic and Western first.
PREFERRED_ON_TIE = ("utf_8", "cp1252", "latin_1", "iso8859_15")


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best reading of ``data``, or None when no encoding reads it as coherent text."""
    from charset_normalizer import from_bytes

    def codec(match) -> str:
        """The match's preferred name among the encodings that read the bytes the same way."""
        same = [match.encoding, *(getattr(match, "could_be_from_charset", None) or ())]
        return next((e for e in PREFERRED_ON_TIE if e in same), match.encoding)

    def rank(match) -> tuple:
        name = codec(match)
        preferred = PREFERRED_ON_TIE.index(name) if name in PREFERRED_ON_TIE else len(PREFERRED_ON_TIE)
        return (round(match.chaos, 3), preferred, -round(match.coherence, 3), name)

    matches = [m for m in from_bytes(data) if m.encoding]
    for match in sorted(matches, key=rank):
        try:
            return data.decode(codec(match))
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _checked(text: str, origin: str) -> str:
    text = _CONTROLS.sub("", text)
    if not text.strip():
        raise InputError(origin, "empty document")
    return text


def _control_share(head: bytes) -> float:
    controls = sum(1 for b in head if b < 32 and b not in _ALLOWED_CONTROLS)
    return controls / max(1, len(head))
