"""Correct an entity's type from the story's own words: a disease or virus is no person or place,
and someone the story calls "Mr.", "President" or gives an age to is a person.

The small model calls "Ebola" a person in one sentence and a place in the next; the story
itself says what it is ("the Ebola virus", "infected with Ebola"). Which neighbouring words
say so is data (``resources/disease_cues.tsv``, one reason per entry).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from functools import cache

from ..model import Entity
from ..words import resource_rows
from .aliases import person_titles

DISEASE = "DISEASE"
#: Types a disease name is mistaken for; other types (EVENT, WORK_OF_ART) are left alone.
MISTAKEN = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "MISC"})
#: Share of an entity's mentions that must carry a cue (at least one mention always).
CUE_SHARE = 1 / 3
_NEXT_WORD = re.compile(r"^[\s\-]*([A-Za-z]+)")
#: Types the small model gives people by mistake ("Trump" ORG, "Sediuk" GPE); a decided
#: DISEASE, EVENT or WORK_OF_ART is left alone.
NOT_PERSON = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "MISC"})
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
#: No company or country is called "Mr." or "President" twice: two such mentions make a person
#: whatever the share ("Trump" an ORG in 42 of 46 mentions, "President Trump" in 4).
PERSON_CUES = 2
#: "Smith, 43, said": an age in commas right after the name.
_AGE_AFTER = re.compile(r"^,\s*\d{1,3},")


@cache
def _cues() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = resource_rows("disease_cues.tsv")
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


def has_person_cue(text: str, start: int, end: int) -> bool:
    """A capitalised role word right before the name ("Mr. Trump", "President Trump", "Sen. Graham";
    ``resources/person_titles.tsv``) or an age right after it ("Sediuk, 25,")."""
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    if before and before.group(1)[:1].isupper() and before.group(1).lower() in person_titles():
        return True
    return bool(_AGE_AFTER.match(text[end : end + 8]))


def retype(entities: Sequence[Entity], texts: Mapping[str, str]) -> tuple[Entity, ...]:
    """Entities whose mentions the story itself calls a disease or pathogen get type DISEASE; ones
    it calls by a person's title or age get PERSON (a third of the mentions, as for diseases, or two)."""
    out = []
    for e in entities:
        if e.type in MISTAKEN and e.mentions and _cued(e, texts, has_disease_cue):
            e = dataclasses.replace(e, type=DISEASE)
        elif e.type in NOT_PERSON and e.mentions and _cued(e, texts, has_person_cue, at_least=PERSON_CUES):
            e = dataclasses.replace(e, type="PERSON")
        out.append(e)
    return tuple(out)


def _cued(entity: Entity, texts: Mapping[str, str], cue, at_least: int | None = None) -> bool:
    """A share of the mentions carry the cue (``CUE_SHARE``), or ``at_least`` of them do."""
    cued = sum(cue(texts[m.source], m.start, m.end) for m in entity.mentions if m.source in texts)
    return cued > 0 and (cued >= CUE_SHARE * len(entity.mentions) or at_least is not None and cued >= at_least)
