"""Speed of `newsfuse brief` on the bundled example, as ratios against baselines run side by side.

- warm: the library call with the model loaded vs a bare ``nlp.pipe`` over the
  same cleaned texts, in the same process (median of REPEATS runs each);
- cold: the CLI as a fresh process vs a fresh process that only loads spaCy
  and the model (the floor any spaCy tool pays).

    PYTHONPATH=src python bench/speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from newsfuse.api import brief_documents
from newsfuse.config import Settings
from newsfuse.ingest.read import read_inputs
from newsfuse.nlp.load import load_nlp
from newsfuse.pipeline import Pipeline
from newsfuse.stages import CORE_STAGES, default_stages

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "in-amenas"
REPEATS = 7


def median_time(fn, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    settings = Settings()
    docs = read_inputs([str(EXAMPLE)], settings).documents
    nlp = load_nlp(settings.model)
    briefing = brief_documents(docs, settings)
    texts = [s.text for s in briefing.sources]
    chars = sum(len(t) for t in texts)
    core = Pipeline(CORE_STAGES)
    full = Pipeline(default_stages())
    bare = median_time(lambda: list(nlp.pipe(texts, batch_size=16)))
    warm_core = median_time(lambda: brief_documents(docs, settings, core))
    warm_full = median_time(lambda: brief_documents(docs, settings, full))
    print(f"example: {len(texts)} sources, {chars:,} characters; median of {REPEATS} runs")
    print(f"{'what':44} {'seconds':>8} {'x bare nlp.pipe':>16}")
    print(f"{'bare nlp.pipe over the cleaned texts':44} {bare:8.3f} {1.0:16.2f}")
    print(f"{'brief, core stages (warm)':44} {warm_core:8.3f} {warm_core / bare:16.2f}")
    print(f"{'brief, all stages (warm)':44} {warm_full:8.3f} {warm_full / bare:16.2f}")
    brief_documents(docs, settings, full)
    for timing in full.timings:
        print(f"  stage {timing.name:36} {timing.seconds:8.3f}")
    floor = _wall([sys.executable, "-c", f"import spacy; spacy.load({settings.model!r})"])
    cold = _wall([sys.executable, "-m", "newsfuse.cli", "brief", str(EXAMPLE), "--format", "json", "-q"])
    print(f"{'cold: python + spaCy model load only':44} {floor:8.3f} {1.0:16.2f}  (x floor)")
    print(f"{'cold: newsfuse brief CLI process':44} {cold:8.3f} {cold / floor:16.2f}  (x floor)")


def _wall(cmd: list[str]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    main()
