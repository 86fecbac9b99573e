"""Small readings of a dependency parse that several capabilities share."""

from __future__ import annotations

from typing import Any


def set_off(clause: Any) -> bool:
    """The clause (a spaCy token heading it) is set off by a comma: it adds to its noun, it does not
    say which one it is ("The panel, which cited interviews, said …"; "…, which involved …", a
    writer's gloss)."""
    first = clause.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","
