"""Cross-document entity merging on ECB+ dev, tune and report halves (topic id parity).

    PYTHONPATH=src .venv/bin/python bench/entities_ecbplus.py [--split report|tune]

See ``newsfuse_eval.ecbplus`` for the split and the scoring; pairwise precision and recall
of merges, pooled over the half's sub-topics, on the gold mentions newsfuse also found.
Skips, saying why, when ../shared is absent. ECB+ text is tokens joined by spaces: measured
here, never tuned to.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.config import Settings  # noqa: E402
from newsfuse.entities.stage import find_entities  # noqa: E402
from newsfuse.model import Source  # noqa: E402
from newsfuse.nlp import load_nlp  # noqa: E402
from newsfuse_eval.ecbplus import ECBPLUS, PairCounts, pair_counts, subtopics  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="report", choices=["report", "tune"])
    args = parser.parse_args()
    if not ECBPLUS.is_file():
        print(f"skipped: {ECBPLUS} is absent (../shared beside the checkout)")
        return 0
    nlp = load_nlp(Settings().model)
    total = PairCounts()
    for row in subtopics(args.split):
        sources = tuple(Source(id=d["doc_id"], text=d["text"], path=d["doc_id"]) for d in row["documents"])
        docs = dict(zip([s.id for s in sources], nlp.pipe([s.text for s in sources]), strict=True))
        c = pair_counts(row["entities"], find_entities(sources, docs))
        total.predicted += c.predicted
        total.gold += c.gold
        total.both += c.both
        print(f"{row['topic']:12} P {c.precision:.3f} R {c.recall:.3f} (pairs ours {c.predicted}, gold {c.gold})")
    print(f"ECB+ dev {args.split} half: pairwise P {total.precision:.3f} R {total.recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
