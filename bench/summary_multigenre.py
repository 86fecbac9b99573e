"""Summary sentences, titles and top entities of the multi-genre set, scored against judgements.

    PYTHONPATH=src .venv/bin/python bench/summary_multigenre.py [--split report|report3|tune|all]
        [--out DIR] [--show-unjudged] [--rescore]

Materialises each story of the split (``newsfuse_eval.multigenre``), briefs it as
``newsfuse brief FOLDER`` does (in process, one model load), and looks every summary
sentence, title and top-15 entity up in the judgements under
``tests/data/labels/multigenre/`` (``newsfuse_eval.summary_multigenre``). Unjudged items are
counted, and listed with ``--show-unjudged`` so a reader can judge them; nothing is guessed.
Briefing JSON is written to ``--out`` (default a temporary folder) for reading.
Skips, saying why, when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.api import brief  # noqa: E402
from newsfuse.render.json import briefing_to_json  # noqa: E402
from newsfuse_eval import multigenre  # noqa: E402
from newsfuse_eval.summary_multigenre import Scores, file_name_labels, load_judgements, score, shown_items  # noqa: E402


def run(split: str | None, out: Path) -> dict[str, dict]:
    """Story id -> briefing JSON, for every story of ``split``."""
    results = {}
    for story in multigenre.stories(split):
        folder = multigenre.materialise(story, out / story.id)
        data = briefing_to_json(brief([str(folder)]))
        (out / f"{story.id}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
        results[story.id] = data
    return results


def report(results: dict[str, dict], show_unjudged: bool) -> Scores:
    judgements = load_judgements()
    items = [it for sid, data in results.items() for it in shown_items(sid, data)]
    s = score(items, judgements)
    n = sum(s.sentences.values())
    print(f"stories {len(results)}; summary sentences judged {n}: "
          + ", ".join(f"{k} {v} ({v / n:.1%})" for k, v in sorted(s.sentences.items())) if n else "no judged sentences")
    print("titles: " + ", ".join(f"{k} {v}" for k, v in sorted(s.titles.items())))
    print("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(s.entities.items())))
    by_file = [file_name_labels(data) for data in results.values()]
    print(f"sources labelled by file name: {sum(a for a, _ in by_file)} of {sum(b for _, b in by_file)}")
    kinds = {k: sum(1 for it in s.unjudged if it.kind == k) for k in ("sentence", "title", "entity")}
    print(f"unjudged: {kinds}")
    if show_unjudged:
        for it in s.unjudged:
            print(json.dumps({"kind": it.kind, "key": it.key, "text": it.text}, ensure_ascii=False))
    return s


def main() -> int:
    parser = argparse.ArgumentParser()
    splits = sorted({row["split"] for row in multigenre.selection()} | {"all"})
    parser.add_argument("--split", default="report", choices=splits)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--show-unjudged", action="store_true")
    parser.add_argument("--rescore", action="store_true", help="score the briefing JSON already in --out")
    args = parser.parse_args()
    if not multigenre.available():
        print("skipped: ../shared/eval is absent (the multi-genre stories are read in place)")
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="newsfuse-mg-"))
    out.mkdir(parents=True, exist_ok=True)
    split = None if args.split == "all" else args.split
    if args.rescore:
        ids = [row["id"] for row in multigenre.selection(split)]
        results = {i: json.loads((out / f"{i}.json").read_text(encoding="utf-8")) for i in ids}
    else:
        results = run(split, out)
    report(results, args.show_unjudged)
    print(f"briefings in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
