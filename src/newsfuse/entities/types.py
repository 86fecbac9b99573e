"""Correct an entity's type from the story's own words: a disease or virus is no person or place.

The small model calls "Ebola" a person in one sentence and a place in the next; the story
itself says what it is ("the Ebola virus", "infected with Ebola"). Which neighbouring words
say so is data (``resources/disease_cues.tsv``, one reason per entry).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

from ..model import Entity

DISEASE = "DISEASE"
#: Types a disease name is mistaken for; other types (EVENT, WORK_OF_ART) are left alone.
MISTAKEN = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "MISC"})
#: Share of an entity's mentions that must carry a cue (at least one mention always).
CUE_SHARE = 1 / 3
_NEXT_WORD = re.compile(r"^[\s\-]*([A-Za-z]+)")


@cache
def _cues() -> tuple[frozenset[str], tuple[str, ...]]:
    text = resources.files("newsfuse").joinpath("resources/disease_cues.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    after = frozenset(r[1].strip() for r in rows if r[0] == "after")
    before = tuple(r[1].strip() for r in rows if r[0] == "before")
    return after, before


def has_disease_cue(text: str, start: int, end: int) -> bool:
    after, before = _cues()
    nxt = _NEXT_WORD.match(text[end : end + 30])
    if nxt and nxt.group(1).lower() in after:
        return True
    left = " ".join(text[max(0, start - 40) : start].lower().split())
    return any(left.endswith(b) or left.endswith(b + " the") for b in before)


def retype(entities: Sequence[Entity], texts: Mapping[str, str]) -> tuple[Entity, ...]:
    """Entities whose mentions the story itself calls a disease or pathogen get type DISEASE."""
    out = []
    for e in entities:
        if e.type in MISTAKEN and e.mentions:
            cued = sum(has_disease_cue(texts[m.source], m.start, m.end) for m in e.mentions if m.source in texts)
            if cued and cued >= CUE_SHARE * len(e.mentions):
                e = dataclasses.replace(e, type=DISEASE)
        out.append(e)
    return tuple(out)
