"""A Doc's named entities read once, for rules that ask about them token by token.

``Doc.ents`` builds a new tuple of ``Span``s over the whole Doc on every access, so a rule that
reads it once per claim or per pronoun grows with the square of a long report. ``doc_ents`` keeps
what those rules read of each entity (token start and end, label, text; ascending: the entities
do not overlap) per Doc, for as long as the Doc lives: plain values, since a ``Span`` would hold
its Doc and keep the weak cache's key alive. No stage sets ``Doc.ents`` after the parse.
"""

from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass
from typing import Any, NamedTuple


class Ent(NamedTuple):
    """What the rules read of one entity ``Span`` (same names)."""

    start: int
    end: int
    label_: str
    text: str


@dataclass(frozen=True)
class Ents:
    spans: tuple[Ent, ...]
    starts: list[int]
    ends: list[int]

    def ending_by(self, i: int) -> tuple[Ent, ...]:
        """The entities that end at or before token ``i``, in Doc order."""
        return self.spans[: bisect.bisect_right(self.ends, i)]

    def at(self, i: int) -> Ent | None:
        """The entity holding token ``i``, if any."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.spans[k] if k >= 0 and self.spans[k].end > i else None


_CACHE: weakref.WeakKeyDictionary[Any, Ents] = weakref.WeakKeyDictionary()


def doc_ents(doc: Any) -> Ents:
    found = _CACHE.get(doc)
    if found is None:
        spans = tuple(Ent(e.start, e.end, e.label_, e.text) for e in doc.ents)
        found = _CACHE[doc] = Ents(spans, [e.start for e in spans], [e.end for e in spans])
    return found
