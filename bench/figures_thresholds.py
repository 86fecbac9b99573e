"""Refit the figure thresholds on the TUNE half (issue 11: every threshold fitted on the two bundled stories).

Run: ``PYTHONPATH=src .venv/bin/python bench/figures_thresholds.py [tune|bundled]``

Briefs each story once, then re-runs only the ``figures`` stage with one threshold changed at a time
and prints the three fact-checker measures (``newsfuse_eval.figures_multigenre``) for each value:

* ``compare.ABOUT``: how far "about N" reaches for counts (+-15%);
* ``compare.ABOUT_MEASURE``: the same for physical measures (+-5%);
* ``align.UNIT_TOLERANCE``: how far a conversion between units may be off (6%);
* ``classes.SYNONYM_MIN_VALUE``: the smallest number that makes two counted nouns synonyms (3);
* ``align.SAME_SAYER``: the fuzzy ratio at which two sayers in one article are one voice (70).

Never run it on the report half: thresholds are chosen here, then reported there once.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from newsfuse.api import brief
from newsfuse.figures import align, classes, compare
from newsfuse.render.json import briefing_to_json
from newsfuse_eval import multigenre
from newsfuse_eval.figures_multigenre import FigureScores, bundled_labels, load_labels, score_story

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "corpus"
SWEEP = {
    (compare, "ABOUT"): (0.05, 0.10, 0.15, 0.20, 0.25),
    (compare, "ABOUT_MEASURE"): (0.02, 0.05, 0.10),
    (align, "UNIT_TOLERANCE"): (0.02, 0.04, 0.06, 0.10),
    (classes, "SYNONYM_MIN_VALUE"): (2, 3, 5, 10),
    (align, "SAME_SAYER"): (50, 60, 70, 80, 90),
}


def briefed(part: str) -> list[tuple[str, object, object]]:
    """(name, briefing, (labels, lookup)) for every labelled story of ``part``."""
    out = []
    if part == "bundled":
        for name, corpus, manifest in (("in-amenas", ROOT / "examples" / "in-amenas", None),
                                       ("deepwater-horizon", SHARED / "deepwater-horizon",
                                        SHARED / "deepwater-horizon" / "manifest.csv")):
            if corpus.is_dir():
                b = brief([str(corpus)], manifest=str(manifest) if manifest else None)
                raw = json.loads((ROOT / "tests" / "data" / "labels" / f"claims-{name}.json").read_text(encoding="utf-8"))
                out.append((name, b, raw))
        return out
    with tempfile.TemporaryDirectory() as tmp:
        for story in multigenre.stories(part):
            labels = load_labels(story.id)
            if labels is None:
                continue
            folder = multigenre.materialise(story, Path(tmp) / story.id)
            manifest = folder / "manifest.jsonl"
            out.append((story.id, brief([str(folder)], manifest=str(manifest) if manifest.exists() else None), labels))
    return out


def score(stories) -> FigureScores:
    total = FigureScores()
    for name, b, labels in stories:
        b = align.align_figures(b)
        if isinstance(labels, dict):  # a bundled story's claims-*.json
            gold, lookup = bundled_labels(labels, b)
            total = total.add(score_story(briefing_to_json(b), gold, name, lookup))
        else:
            total = total.add(score_story(briefing_to_json(b), labels, name))
    return total


def main() -> None:
    part = (sys.argv[1:] or ["tune"])[0]
    if part == "report":
        sys.exit("thresholds are fitted on the tune half (or the bundled stories), never on the report half")
    if part != "bundled" and not multigenre.available():
        sys.exit(f"{multigenre.EVAL} is absent")
    stories = briefed(part)
    print(f"| {part}: threshold | value | precision | flagged real | true found |")
    print("|---|---|---|---|---|")
    for (module, name), values in SWEEP.items():
        kept = getattr(module, name)
        for value in values:
            setattr(module, name, value)
            s = score(stories)
            mark = " (current)" if value == kept else ""
            print(f"| {name} | {value}{mark} | {s.precision:.3f} ({s.verdicts['CORRECT']}/{s.judged}) | "
                  f"{s.flagged_real}/{s.flagged} | {s.found}/{s.true_conflicts} |")
        setattr(module, name, kept)


if __name__ == "__main__":
    main()
