"""Quality gate for the summary over the two labelled clusters (floors pinned; never lower them silently).

Scored by ``newsfuse_eval.summary``: citation validity (every cited span
exists and an extracted sentence slices back to its text), the share of
sentences citing >= 2 independent sources, and recall of the labelled key
events (events dated in >= 2 files of tests/data/labels/times-*.json) among
the summary's citations. Raise a floor when the summary gets better.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsfuse.api import brief
from newsfuse_eval.summary import score_summary

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "labels"
DWH = ROOT / ".." / "shared" / "corpus" / "deepwater-horizon"

#: Measured at the last change (see docs/summary.md): in-amenas 1.0 / 0.50 / 0.60,
#: deepwater-horizon 1.0 / 0.90 / 0.67; floors sit at or just under. Issue 12's pairing of dependent
#: sentences LOWERED deepwater's key-event recall from 0.78 (7 of 9) to 0.67 (6 of 9: the rig's
#: sinking and the robots' dive are no longer cited) and its floor from 0.75 to 0.65, said so here.
FLOORS = {
    "in-amenas": {"citation_validity": 1.0, "multi_source_share": 0.5, "event_recall": 0.6},
    "deepwater-horizon": {"citation_validity": 1.0, "multi_source_share": 0.9, "event_recall": 0.65},
}
#: Page furniture and dangling openers that must never appear in a summary.
MUST_NOT = re.compile(r"Photo|READ MORE|Opinion|wsws\.org|Comments|Reuters\) -|^\s*(He|She|They|It|But)\b")


def _cluster(name: str):
    if name == "in-amenas":
        return brief([str(ROOT / "examples" / "in-amenas")])
    if not DWH.exists():
        pytest.skip(f"{DWH} is absent (the second labelled cluster lives in ../shared beside the checkout)")
    return brief([str(DWH)], manifest=str(DWH / "manifest.csv"))


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_summary_quality_floors(name):
    briefing = _cluster(name)
    events = json.loads((LABELS / f"times-{name}.json").read_text(encoding="utf-8"))["events"]
    score = score_summary(briefing, events)
    floors = FLOORS[name]
    assert score.words <= 250
    assert score.citation_validity >= floors["citation_validity"], score
    assert score.multi_source_share >= floors["multi_source_share"], score
    assert score.event_recall >= floors["event_recall"], score
    for s in briefing.summary:
        assert not MUST_NOT.search(s.text), s.text
