"""Stream a JSON Lines dump line by line, with the limits ``read`` applies to whole files.

A 100k-record dump is not read whole (``newsfuse cluster`` streams it), but the
same rules hold: only a regular file is opened (a FIFO would block, a device
never ends); no line may be longer than ``max_bytes`` (a 5 GB line is skipped,
never held); each line is decoded on its own — UTF-8 if it is valid UTF-8,
else ``--encoding`` if given, else UTF-8 with the bad bytes replaced — and a
dump with a UTF-16/32 byte-order mark is decoded as such.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import InputError

_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def dump_lines(path: Path, settings: Settings) -> Iterator[tuple[int, str | InputError]]:
    """``(line number, text)`` for each line, or ``(line number, InputError)`` for one that cannot be used.

    Raises ``InputError`` for the whole file when it cannot be opened or is not a regular file.
    """
    from .read import require_regular

    origin = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as exc:
        raise InputError(origin, "no such file or folder") from exc
    except OSError as exc:
        raise InputError(origin, f"unreadable ({exc.strerror or exc})") from exc
    with os.fdopen(fd, "rb") as fh:
        require_regular(os.fstat(fh.fileno()).st_mode, origin)
        head = fh.read(4)
        fh.seek(0)
        wide = next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)
        if wide:
            yield from _text_lines(io.TextIOWrapper(fh, encoding=wide, errors="replace", newline=None),
                                   settings.max_bytes, origin)
            return
        yield from _byte_lines(fh, settings, origin)


def _byte_lines(fh: io.BufferedReader, settings: Settings, origin: str) -> Iterator[tuple[int, str | InputError]]:
    limit = settings.max_bytes
    n = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line without holding it
                raw = fh.readline(1024 * 1024)
            yield n, InputError(f"{origin}:{n}", f"line longer than the {limit // 1024} KB limit; raise it with --max-bytes")
            continue
        yield n, _decode_line(raw.removeprefix(codecs.BOM_UTF8) if n == 1 else raw, settings.encoding)


def _text_lines(fh: io.TextIOWrapper, limit: int, origin: str) -> Iterator[tuple[int, str | InputError]]:
    for n, line in enumerate(iter(lambda: fh.readline(limit + 1), ""), start=1):
        yield n, line if len(line) <= limit else InputError(f"{origin}:{n}", "line longer than the limit")


def _decode_line(raw: bytes, encoding: str | None) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if encoding:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return raw.decode("utf-8", errors="replace")
