"""Scoring figures as a fact-checker reads them, on the multi-genre set and the two bundled stories.

Labels (``tests/data/labels/multigenre/figures/<story>.toml``) name each numeric
claim by file, the number's text and a short left context (at most six words),
never by offsets or copied sentences, so they are located afresh in whatever text
the briefing holds and stay scoreable as the rules change. Each label gives the
claim's gold ``quantity`` key ("none" for a hypothetical, another place's or
year's number, a rate, a generic fact, an increment), event class, value,
qualifier and sayer; each story lists its true conflicts (quantity + disputed
values) and, per quantity, the words a figure label must use to say what it counts.

Three measures (issue 11, ``LABELLING.md``):

* precision of claims shown in multi-source figures (status ``conflict`` or
  ``consistent``): CORRECT / judged, with WRONG-THING, WRONG-VALUE and
  WRONG-ATTRIBUTION counts; a shown claim with no label is *unjudged* and listed;
* share of flagged conflicts that are real;
* recall of true conflicts.

Works on the briefing JSON (``briefing_to_json``), so it never depends on runtime internals.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LABELS = Path(__file__).resolve().parents[2] / "tests" / "data" / "labels" / "multigenre" / "figures"
#: rapidfuzz partial ratio above which two sayer strings name the same source (as in newsfuse_eval's
#: bundled scorer: "the security source (told AFP)" vs "the security source").
SAYER_MATCH = 70
SHOWN = ("conflict", "consistent")
VERDICTS = ("CORRECT", "WRONG-THING", "WRONG-VALUE", "WRONG-ATTRIBUTION")


@dataclass(frozen=True)
class GoldClaim:
    """One labelled numeric claim: where it is (file, number text, left context) and what it really says."""

    file: str
    number: str
    left: str
    quantity: str
    event: str
    value: float | None
    qualifier: str
    sayer: str | None
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class GoldConflict:
    quantity: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class StoryLabels:
    story: str
    claims: tuple[GoldClaim, ...]
    conflicts: tuple[GoldConflict, ...]
    #: quantity -> word stems a figure label must contain to say what it counts ("death", "kill").
    label_words: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class FigureScores:
    verdicts: Counter = field(default_factory=Counter)
    flagged: int = 0
    flagged_real: int = 0
    true_conflicts: int = 0
    found: int = 0
    unjudged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def judged(self) -> int:
        return sum(self.verdicts[v] for v in VERDICTS)

    @property
    def precision(self) -> float:
        return self.verdicts["CORRECT"] / self.judged if self.judged else 1.0

    @property
    def conflict_precision(self) -> float:
        return self.flagged_real / self.flagged if self.flagged else 1.0

    @property
    def conflict_recall(self) -> float:
        return self.found / self.true_conflicts if self.true_conflicts else 1.0

    def add(self, other: FigureScores) -> FigureScores:
        return FigureScores(self.verdicts + other.verdicts, self.flagged + other.flagged,
                            self.flagged_real + other.flagged_real, self.true_conflicts + other.true_conflicts,
                            self.found + other.found, self.unjudged + other.unjudged, self.notes + other.notes)


def load_labels(story: str, folder: Path = LABELS) -> StoryLabels | None:
    path = folder / f"{story}.toml"
    if not path.is_file():
        return None
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    claims = tuple(
        GoldClaim(c["file"], c["number"], c.get("left", ""), c["quantity"], c.get("event", "other"),
                  c.get("value"), c.get("qualifier", "exact"), c.get("sayer") or None, c.get("low"), c.get("high"))
        for c in raw.get("claim", [])
    )
    conflicts = tuple(GoldConflict(c["quantity"], tuple(float(v) for v in c["values"])) for c in raw.get("conflict", []))
    words = {k: tuple(v.get("label", ())) for k, v in raw.get("quantity", {}).items()}
    return StoryLabels(raw.get("story", story), claims, conflicts, words)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", text.lower())


def claim_key(briefing: dict[str, Any], claim: dict[str, Any]) -> tuple[str, str, list[str]]:
    """(file name, number text, words before the number) of a claim in the briefing JSON."""
    source = next(s for s in briefing["sources"] if s["id"] == claim["source"])
    span = claim.get("number") or claim
    text = source["text"]
    before = _words(text[max(0, span["start"] - 200) : span["start"]])
    return Path(source["path"] or source["id"]).name, text[span["start"] : span["end"]], before


def find_gold(labels: StoryLabels, key: tuple[str, str, list[str]]) -> GoldClaim | None:
    """The label whose file, number text and left context (its words end the claim's left words) fit."""
    file, number, before = key
    best = None
    for g in labels.claims:
        if g.file != file or g.number.lower() != number.lower():
            continue
        left = _words(g.left)
        if left and before[-len(left):] != left:
            continue
        if best is None or len(left) > len(_words(best.left)):
            best = g
    return best


def same_sayer(gold: str | None, ours: str | None) -> bool:
    if gold is None or ours is None:
        return gold is None and ours is None
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(gold.lower(), ours.lower()) >= SAYER_MATCH


def _same_value(gold: GoldClaim, claim: dict[str, Any]) -> bool:
    if gold.low is not None and gold.high is not None:
        return claim.get("low") == gold.low and claim.get("high") == gold.high
    return gold.value is None or (abs(float(claim["value"]) - float(gold.value)) < 1e-6 and claim.get("low") is None)


def verdict(gold: GoldClaim, claim: dict[str, Any], figure_quantity: str | None, label: str,
            words: tuple[str, ...]) -> str:
    """One shown claim judged against its label, in LABELLING.md's categories."""
    if gold.quantity == "none" or gold.quantity != figure_quantity:
        return "WRONG-THING"
    if words and not any(w in label.lower() for w in words):
        return "WRONG-THING"  # right claim, but the figure's label says it counts something else
    if not _same_value(gold, claim) or gold.qualifier != claim["qualifier"]:
        return "WRONG-VALUE"
    if not same_sayer(gold.sayer, claim.get("attribution")):
        return "WRONG-ATTRIBUTION"
    return "CORRECT"


def score_story(briefing: dict[str, Any], labels: StoryLabels, story: str = "", lookup=None) -> FigureScores:
    """The three measures on one briefing (JSON form). ``lookup`` (claim -> GoldClaim or None) replaces
    the file/number/left-context search (the bundled stories' labels are placed by offsets instead)."""
    claims = {c["id"]: c for c in briefing["claims"]}
    s = FigureScores(true_conflicts=len(labels.conflicts))
    found: set[int] = set()
    for fig in briefing["figures"]:
        if fig["status"] not in SHOWN:
            continue
        shown = [claims[cid] for v in fig["values"] for cid in v["claims"] if cid in claims]
        golds = []
        for c in shown:
            key = claim_key(briefing, c)
            g = lookup(c) if lookup is not None else find_gold(labels, key)
            golds.append(g)
            if g is None:
                s.unjudged.append(f"{story} | {key[0]} | number={key[1]!r} | left={' '.join(key[2][-6:])!r} "
                                  f"| figure={fig['label']!r} value={c['value']} q={c['qualifier']} att={c.get('attribution')!r}")
        quantities = Counter(g.quantity for g in golds if g is not None and g.quantity != "none")
        fq = quantities.most_common(1)[0][0] if quantities else None
        for c, g in zip(shown, golds, strict=True):
            if g is not None:
                v = verdict(g, c, fq, fig["label"], labels.label_words.get(fq or "", ()))
                s.verdicts[v] += 1
                if v != "CORRECT":
                    s.notes.append(f"{story} | {v} | {fig['label']!r} | {g.file} {g.number!r} ({g.quantity}) "
                                   f"ours={c['value']} {c['qualifier']} by {c.get('attribution')!r}")
        if fig["status"] == "conflict":
            s.flagged += 1
            hit = _real_conflict(labels, fq, shown, golds)
            if hit is not None:
                s.flagged_real += 1
                found.add(hit)
            else:
                s.notes.append(f"{story} | FALSE conflict | {fig['label']!r} ({fq})")
    s.found = len(found)
    s.notes += [f"{story} | MISSED conflict | {t.quantity} {list(t.values)}"
                for i, t in enumerate(labels.conflicts) if i not in found]
    return s


def _real_conflict(labels: StoryLabels, fq: str | None, shown, golds) -> int | None:
    """Index of the true conflict this flagged figure shows: its quantity, with two of the disputed values."""
    for i, t in enumerate(labels.conflicts):
        if t.quantity != fq:
            continue
        values = {float(g.value) for c, g in zip(shown, golds, strict=True)
                  if g is not None and g.quantity == fq and g.value is not None}
        if len(values & set(t.values)) >= 2:
            return i
    return None


def bundled_labels(labels: dict[str, Any], briefing) -> tuple[StoryLabels, Any]:
    """The bundled stories' labels (``claims-*.json``) in this scorer's terms, and a claim lookup.

    A gold claim's ``figure`` is its quantity; the labelled ``attribution`` its sayer; a gold
    figure with status ``conflict`` is a true conflict over the values its claims give.
    """
    from newsfuse_eval.figures import _match, place_gold

    gold, _ = place_gold(labels, briefing)
    matched = {c.id: g for g, c in _match(gold, list(briefing.claims))}
    as_gold = {
        cid: GoldClaim("", "", "", g.figure, g.predicate or "other", g.value, g.qualifier, g.attribution)
        for cid, g in matched.items()
    }
    for cid, g in matched.items():
        raw = next((r for r in labels["claims"] if r["figure"] == g.figure and r["value"] == g.value), None)
        if raw is not None and raw.get("low") is not None:
            as_gold[cid] = GoldClaim("", "", "", g.figure, g.predicate or "other", g.value, g.qualifier,
                                     g.attribution, raw["low"], raw["high"])
    conflicts = tuple(
        GoldConflict(name, tuple(sorted({float(r["value"]) for r in labels["claims"]
                                         if r["figure"] == name and r["value"] is not None})))
        for name, f in labels["figures"].items() if f.get("status") == "conflict"
    )
    return StoryLabels(labels.get("cluster", ""), (), conflicts), (lambda c: as_gold.get(c["id"]))
