"""Figures a reader can trust (issue 11): the three fact-checker measures, per split and on the bundled stories.

Run: ``PYTHONPATH=src .venv/bin/python bench/figures_multigenre.py [tune|report|bundled ...] [--unjudged] [--notes] [--only=ID,ID]``

``--only``: brief and score only these story ids of the splits named (a judge labelling a few stories).

* precision of claims shown in multi-source figures (CORRECT / judged) with WRONG-THING,
  WRONG-VALUE and WRONG-ATTRIBUTION counts, and how many shown claims have no label (unjudged);
* share of flagged conflicts that are real; recall of true conflicts.

Multi-genre labels: ``tests/data/labels/multigenre/figures/*.toml`` (scorer
``newsfuse_eval.figures_multigenre``); bundled In Amenas and Deepwater Horizon: ``claims-*.json``.
Texts are read in place from ../shared (absent: that part is skipped, saying so).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from newsfuse.api import brief
from newsfuse.render.json import briefing_to_json
from newsfuse_eval import multigenre
from newsfuse_eval.figures_multigenre import FigureScores, bundled_labels, load_labels, score_story

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "corpus"
BUNDLED = {
    "in-amenas": (ROOT / "examples" / "in-amenas", None),
    "deepwater-horizon": (SHARED / "deepwater-horizon", SHARED / "deepwater-horizon" / "manifest.csv"),
}


def score_split(split: str, only: frozenset[str] = frozenset()) -> dict[str, FigureScores]:
    out: dict[str, FigureScores] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for story in multigenre.stories(split):
            if only and story.id not in only:
                continue
            labels = load_labels(story.id)
            if labels is None:
                print(f"  {story.id}: no labels, skipped")
                continue
            folder = multigenre.materialise(story, Path(tmp) / story.id)
            manifest = folder / "manifest.jsonl"
            b = brief([str(folder)], manifest=str(manifest) if manifest.exists() else None)
            out[story.id] = score_story(briefing_to_json(b), labels, story.id)
    return out


def score_bundled() -> dict[str, FigureScores]:
    out: dict[str, FigureScores] = {}
    for name, (corpus, manifest) in BUNDLED.items():
        if not corpus.is_dir():
            print(f"  {name}: {corpus} absent, skipped")
            continue
        b = brief([str(corpus)], manifest=str(manifest) if manifest else None)
        raw = json.loads((ROOT / "tests" / "data" / "labels" / f"claims-{name}.json").read_text(encoding="utf-8"))
        labels, lookup = bundled_labels(raw, b)
        out[name] = score_story(briefing_to_json(b), labels, name, lookup)
    return out


def row(name: str, s: FigureScores) -> str:
    v = s.verdicts
    return (f"| {name} | {s.precision:.3f} ({v['CORRECT']}/{s.judged}) | {v['WRONG-THING']} | {v['WRONG-VALUE']} | "
            f"{v['WRONG-ATTRIBUTION']} | {len(s.unjudged)} | {s.conflict_precision:.3f} ({s.flagged_real}/{s.flagged}) | "
            f"{s.conflict_recall:.3f} ({s.found}/{s.true_conflicts}) |")


def main() -> None:
    parts = [a for a in sys.argv[1:] if not a.startswith("--")] or ["tune", "report", "bundled"]
    only = frozenset(x for a in sys.argv[1:] if a.startswith("--only=") for x in a[7:].split(",") if x)
    print("| story | precision (correct/judged) | wrong thing | wrong value | wrong sayer | unjudged | "
          "conflicts real | conflict recall |")
    print("|---|---|---|---|---|---|---|---|")
    details = FigureScores()
    for part in parts:
        if part == "bundled":
            scores = score_bundled()
        elif not multigenre.available():
            print(f"| {part} | skipped: ../shared/eval absent | | | | | | |")
            continue
        else:
            scores = score_split(part, only)
        total = FigureScores()
        for name, s in scores.items():
            print(row(name, s))
            total = total.add(s)
        if part != "bundled":
            print(row(f"**{part} (all)**", total))
        details = details.add(total)
    if "--notes" in sys.argv:
        print("\n".join(["", "Not correct:"] + details.notes))
    if "--unjudged" in sys.argv:
        print("\n".join(["", "Unjudged (shown, no label):"] + details.unjudged))


if __name__ == "__main__":
    main()
