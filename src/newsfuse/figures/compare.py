"""Is a figure consistent? Qualifier-, time- and independence-aware comparison of its claims.

Each claim becomes an interval (``interval``); two claims from independent
sources disagree when their intervals do not meet. Across different as-of
dates a change is an *evolution*: a cumulative toll may rise, but a rise
from another outlet that no sentence explains ("rose to", "revised") is
still flagged, as is any fall of a cumulative count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Claim

#: "about 40" spans +-15%: "around 40" meets "over 30" (In Amenas, militants involved: consistent)
#: and "some 30" does not meet "10" (foreign hostages held: conflict). On Deepwater Horizon "nearly
#: 5,000 feet" meets "5,000 feet" (consistent); "about 1,052" and "about 1,152" barrels overlap, a
#: conflict the labellers see from outside knowledge (no skimming that weekend) that we accept to miss.
ABOUT = 0.15
#: "about" on a physical measure is rounding to the figures written, not a guess at a crowd: +-5% lets
#: "about a mile (1.5 km)" meet "5,000 feet" and "approximately 5,500 m" meet "5.5 km" (tune half), while
#: "about 42 miles" and "about 50 miles" off the same coast do not meet (Deepwater Horizon's labels).
ABOUT_MEASURE = 0.05
#: Cross-unit tolerance: "5,000 ft" vs "1,500 m" (1.6%) and "almost a mile" (5.6%) are one depth.
UNIT_TOLERANCE = 0.06
#: Predicates whose count can only grow over a story (a toll); a fall between outlets is a conflict.
CUMULATIVE = frozenset({"killed", "freed", "found", "injured", "escaped", "captured", "taken", "launched"})
#: Counts fixed at the moment of the event (people taken in a seizure, people aboard a flight): later
#: reports restate them, they do not update them, so different values disagree whatever the dates.
FIXED_AT_EVENT = frozenset({"taken", "aboard"})
#: Words that explain a change between dates ("the toll rose to 48", "revised upward", "now").
REVISION_CUES = ("rose", "risen", "climbed", "increased", "grew", "grown", "revised", "updated", "new toll",
                 "latest", "now ", "spread", "expanded", "jumped", "more than doubled", "so far", "larger", "growing")


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def meets(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


def interval(claim: Claim, scale: float = 1.0) -> Interval:
    """The set of true values a claim allows, in canonical units (``scale`` converts its unit)."""
    v = claim.value * scale
    q = claim.qualifier
    if claim.low is not None and claim.high is not None:
        lo, hi = claim.low * scale, claim.high * scale
        return Interval(0.0, hi) if q == "up to" else Interval(lo, hi)
    # "more than 1,000" beside another report's "1,000" is a bound beside its round value (issue 11:
    # lower bound vs estimate is a relation, not a conflict; report11 split: one figure flagged): the
    # bound itself is in the interval, as with "at least"
    if q in ("at least", "more than"):
        return Interval(v, math.inf)
    if q in ("up to", "fewer than"):
        return Interval(0.0, v)
    if q == "about":
        t = ABOUT_MEASURE if claim.kind == "measure" else ABOUT
        return Interval(v * (1 - t), v * (1 + t))
    return Interval(v, v)


def widen(iv: Interval, tolerance: float) -> Interval:
    return Interval(iv.low * (1 - tolerance), iv.high * (1 + tolerance))


def explained(claim: Claim, sentence_text: str) -> bool:
    low = sentence_text.lower()
    return any(cue in low for cue in REVISION_CUES)


def compare(a: Claim, b: Claim, ia: Interval, ib: Interval, text_b: str, cumulative: bool,
            rise_needs_reason: bool = False, fixed: bool = False) -> str | None:
    """Why ``a`` and ``b`` (from independent sources, ``b`` no earlier than ``a``) conflict, or None.

    A count that rises across days is an evolution (a toll grows as bodies are
    found); a physical measure that changes with no word explaining it ("the rig
    was 42 miles off the coast" one day, 50 the next) is ``rise_needs_reason``.
    """
    if ia.meets(ib):
        return None
    same_time = fixed or a.as_of is None or b.as_of is None or a.as_of == b.as_of
    if same_time:
        return "disagree"
    if ib.high < ia.low:
        # a count each sentence dates itself ("killed on Monday", "as Tuesday began") is that day's:
        # a smaller one on another day is another day's count, not a fall (report6 and report5 splits)
        return "fell" if cumulative and not (_dated(a) and _dated(b)) else None
    if rise_needs_reason and not explained(b, text_b):
        return "rose without explanation"
    return None  # a count rising across days is an evolution (reported as a move), never a dispute


#: Where an as-of date read in the sentence itself came from (``Claim.as_of_from``).
DATED_IN_TEXT = frozenset({"text", "timeline"})


def _dated(claim: Claim) -> bool:
    return claim.as_of_from in DATED_IN_TEXT
