"""Quality gate for claims and figures on the two labelled clusters (trafilatura's eval-gate habit).

The floors are what the code reached when they were set (see docs/figures.md);
raise them when quality improves, never lower them silently. Deepwater
Horizon lives in ../shared/corpus and is skipped when that folder is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.api import brief
from newsfuse_eval.figures import Scores, score

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "labels"
SHARED = ROOT / ".." / "shared"

#: cluster -> (corpus dir, manifest or None)
CLUSTERS = {
    "in-amenas": (ROOT / "examples" / "in-amenas", None),
    "deepwater-horizon": (SHARED / "corpus" / "deepwater-horizon", SHARED / "corpus" / "deepwater-horizon" / "manifest.csv"),
}
#: Floors pinned from measured values (docs/figures.md, "Measured"), rounded down. Lowered by issue 11's
#: general rules, each costing named items here (docs/figures.md, "What the general rules cost"):
#: In Amenas pair F1 0.93 -> 0.85 (increments "seven more", "another 100" and place-scoped counts "in Mali"
#: no longer group), true conflicts 6 -> 5 (573 -> 685 Algerians freed across two days is now an evolution);
#: Deepwater Horizon recall 0.98 -> 0.97 ("a 32-vessel flotilla" reads as a compound modifier), status
#: 0.90 -> 0.89 and true conflicts 2 -> 1 (100 -> 115 -> 126 workers escaped across days is an evolution).
#: Issue 11 round 2 (equal values alone never join measures; hypothetical measures stay out): Deepwater
#: Horizon pair F1 0.85 -> 0.79 and status 0.89 -> 0.87: the Venice distance (84 km / 52 miles / "more
#: than 50 miles", no context word), the Exxon Valdez 11 million gallons (one sentence scoped 1989, one
#: not), the blowout preventer's weight ("450-tonne valve" vs "450-ton piece") and the worst-case flow
#: ("could be released", "feared ... could be rising": hypotheticals) no longer group.
#: Issue 11, fourth stop (a named person's age is a measure of that person): Deepwater Horizon claim
#: precision 0.99 -> 0.98: "Roy Wyatt Kemp, 27" is now a claim (an age, kept out of figures as it sits
#: in a hypothetical), which the bundled labels, written when ages were never claims, do not list.
#: Issue 11, fifth stop (a figure of vague amounts only shows no agreement): In Amenas pair F1 0.85 ->
#: 0.847 and status 0.95 -> 0.93: the bundled labels group the "dozens" of hostages taken in two reports,
#: which now stand alone; read as a fact-checker reads them, those two claims were not a confirmation
#: (LABELLING.md precision on In Amenas 0.912 -> 0.968).
#: Issue 11, sixth stop (a count scoped to an earlier year, month or a past-perfect narrative is another
#: event's and joins no figure): Deepwater Horizon pair F1 0.79 -> 0.78: the bundled labels pair BP's
#: 2009 Texas City fine ($87m, two reports) as one quantity; LABELLING.md counts another event or year as
#: WRONG-THING in a figure, so they now stand alone, and status 0.87 -> 0.86 (report6 split: precision 0.717 -> 0.906 with the
#: stop's other rules; a 9/11 toll and an earlier shooting no longer join this story's figures).
FLOORS = {
    "in-amenas": {"precision": 0.99, "recall": 0.99, "pair_f1": 0.84, "status_accuracy": 0.92, "conflicts_flagged": 5},
    "deepwater-horizon": {"precision": 0.98, "recall": 0.97, "pair_f1": 0.78, "status_accuracy": 0.86, "conflicts_flagged": 1},
}
#: Field agreement on matched claims, pinned the same way.
#: Issue 11, eighteenth stop (reports that name no one are no sayer): In Amenas attribution 0.79 -> 0.78,
#: on purpose. The bundled labels, written before LABELLING.md, give "reportedly" the sayer "reports" ("Five
#: of the Islamists reportedly were workers at the plant": two claims); LABELLING.md, which the multi-genre
#: labels and the issue's measure follow, has "not attributed" right when no one is named (report17's
#: "three killed, according to reports" and report7's claims now agree with their labels).
FIELD_FLOORS = {
    "in-amenas": {"value": 1.0, "qualifier": 0.97, "as_of": 0.85, "attribution": 0.78},
    "deepwater-horizon": {"value": 1.0, "qualifier": 0.94, "as_of": 0.92, "attribution": 0.77},
}


@pytest.fixture(scope="module", params=sorted(CLUSTERS))
def scored(request) -> tuple[str, Scores]:
    name = request.param
    corpus, manifest = CLUSTERS[name]
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent (the shared corpus sits beside the repository)")
    labels = json.loads((LABELS / f"claims-{name}.json").read_text(encoding="utf-8"))
    briefing = brief([str(corpus)], manifest=str(manifest) if manifest else None)
    return name, score(labels, briefing)


@pytest.mark.integration
@pytest.mark.parametrize("metric", ["precision", "recall", "pair_f1", "status_accuracy"])
def test_floor(scored, metric):
    name, s = scored
    assert getattr(s, metric) >= FLOORS[name][metric], f"{name} {metric} fell to {getattr(s, metric):.3f}"


@pytest.mark.integration
@pytest.mark.parametrize("field", ["value", "qualifier", "as_of", "attribution"])
def test_field_floor(scored, field):
    name, s = scored
    assert s.field_accuracy(field) >= FIELD_FLOORS[name][field], f"{name} {field} fell to {s.field_accuracy(field):.3f}"


@pytest.mark.integration
def test_true_conflicts_flagged(scored):
    name, s = scored
    assert s.conflicts_flagged >= FLOORS[name]["conflicts_flagged"], f"{name}: {s.conflicts_flagged}/{s.conflicts_total}"


@pytest.mark.integration
def test_every_gold_claim_is_placed(scored):
    """The scorer must find each labelled snippet in the cleaned text, or the gate measures nothing."""
    name, s = scored
    assert s.out_of_scope <= 0.05 * (s.gold + s.out_of_scope), f"{name}: {s.out_of_scope} labels not placed"
