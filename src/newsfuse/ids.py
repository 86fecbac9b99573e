"""Stable content-hash ids: the same input always gets the same id.

Ids are never counters or uuid4, so two runs over the same articles produce
byte-identical JSON and a later stage can refer to an object across runs.
"""

from __future__ import annotations

import hashlib

ID_HEX_CHARS = 10  # 40 bits: collisions are negligible for briefing-sized sets


def content_id(prefix: str, *parts: object) -> str:
    """``prefix`` + a short hash of ``parts``; e.g. ``content_id("s", text)``."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return f"{prefix}-{digest.hexdigest()[:ID_HEX_CHARS]}"
