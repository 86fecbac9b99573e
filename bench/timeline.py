"""Timeline quality on the labelled clusters, and the time the timeline stages add per source.

Quality (scorer: newsfuse_eval.timeline, labels: tests/data/labels/times-*.json):
  - time expressions: extraction recall/precision (relaxed overlap), TIMEX3 value accuracy,
    exact-date accuracy on day-valued expressions, and plain dateparser on the same expressions;
  - timeline: entry precision (of entries citing labelled evidence), event recall, evidence
    recall, crisis days with a correct entry;
  - publication dates: Deepwater Horizon with its manifest withheld, old vs new inference.
Timing: the core pipeline with and without the ``times`` + ``timeline`` stages, run alternately
in this process (warm, after one untimed run), per source and as a ratio.

    PYTHONPATH=src .venv/bin/python bench/timeline.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLUSTERS = {"in-amenas": ROOT / "examples" / "in-amenas",
            "deepwater-horizon": ROOT / ".." / "shared" / "corpus" / "deepwater-horizon"}


def _labels(name: str) -> dict:
    return json.loads((ROOT / "tests" / "data" / "labels" / f"times-{name}.json").read_text(encoding="utf-8"))


def quality(name: str, briefing) -> None:
    from newsfuse_eval.timeline import score_timeline, score_times

    t = score_times(_labels(name), briefing)
    tl = score_timeline(_labels(name), briefing)
    missing = sorted(tl.days_gold - tl.days_correct)
    print(f"| {name} | {t.found}/{t.gold} ({t.recall:.3f}) | {t.precision:.3f} | {t.value_accuracy:.3f} "
          f"| {t.day_correct}/{t.day_gold} = {t.day_accuracy:.3f} | {t.dateparser_day_correct}/{t.day_gold} = {t.dateparser_day_accuracy:.3f} "
          f"| {tl.correct}/{tl.attested} = {tl.precision:.3f} (all {tl.entries}: {tl.strict_precision:.3f}) "
          f"| {tl.recalled}/{tl.gold} = {tl.recall:.3f} | {tl.evidence_recall:.3f} | {', '.join(map(str, missing)) or 'none'} |")


def published_without_manifest(folder: Path) -> None:
    from newsfuse.api import brief_documents
    from newsfuse.model import RawDocument

    labels = _labels("deepwater-horizon")["published"]
    docs = [RawDocument(str(p), p.read_text(encoding="utf-8"), "text", path=str(p)) for p in sorted(folder.glob("*.txt"))]
    briefing = brief_documents(docs)
    ok = [s.published is not None and s.published.isoformat() in labels[Path(s.path).name]["acceptable"] for s in briefing.sources]
    rows = ", ".join(f"{Path(s.path).name[:16]}={s.published} ({s.published_from})" for s in briefing.sources)
    print(f"\nDeepwater Horizon, manifest withheld: {sum(ok)}/{len(ok)} publication dates acceptable\n  {rows}")


def timing(folder: Path, repeat: int) -> tuple[float, float, int]:
    """Median seconds of the core stages and of times + timeline, from the same runs' stage timings.

    Measured inside one pipeline run so the shared machine's load hits both alike; the parse
    stage dominates the core time.
    """
    from newsfuse.config import Settings
    from newsfuse.ingest.read import read_inputs
    from newsfuse.model import Briefing
    from newsfuse.pipeline import Pipeline
    from newsfuse.sources import build_sources
    from newsfuse.stages import CORE_STAGES
    from newsfuse.timeline.stages import timeline, times

    settings = Settings()
    sources, _ = build_sources(read_inputs([str(folder)], settings, None, None).documents, settings)
    start = Briefing(sources=sources, settings=settings, produced=frozenset({"sources", "rejected", "settings"}))
    full = Pipeline(CORE_STAGES + (times, timeline))
    full(start)  # warm: model, dateparser's language data
    core, ours = [], []
    for _ in range(repeat):
        full(start)
        core.append(sum(t.seconds for t in full.timings if t.name not in ("times", "timeline")))
        ours.append(sum(t.seconds for t in full.timings if t.name in ("times", "timeline")))
    return statistics.median(core), statistics.median(ours), len(sources)


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--repeat", type=int, default=3, help="timed runs per pipeline (median reported)")
    opts = args.parse_args()
    from newsfuse.api import brief

    print("| cluster | times found | times precision | value acc. | exact day (ours) | exact day (dateparser) "
          "| timeline precision | event recall | evidence recall | days without a correct entry |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    present = {n: f for n, f in CLUSTERS.items() if f.exists()}
    for name, folder in present.items():
        quality(name, brief([str(folder)]))
    for name in set(CLUSTERS) - set(present):
        print(f"| {name} | skipped: {CLUSTERS[name]} absent | | | | | | | | |")
    if "deepwater-horizon" in present:
        published_without_manifest(present["deepwater-horizon"])
    print("\n| cluster | sources | core stages ms/source | times + timeline ms/source | added (ratio to core) |")
    print("|---|---|---|---|---|")
    for name, folder in present.items():
        core, ours, n = timing(folder, opts.repeat)
        print(f"| {name} | {n} | {core / n * 1000:.0f} | {ours / n * 1000:.1f} | {ours / core:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
