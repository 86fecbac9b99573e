"""Publication dates found for each source, with provenance, against the labelled dates.

    PYTHONPATH=src python bench/published_dates.py
"""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.api import brief

ROOT = Path(__file__).resolve().parents[1]
CLUSTERS = {
    "in-amenas": (ROOT / "examples" / "in-amenas", ROOT / "tests" / "data" / "labels" / "times-in-amenas.json"),
    "deepwater-horizon": (ROOT.parent / "shared" / "corpus" / "deepwater-horizon",
                          ROOT / "tests" / "data" / "labels" / "times-deepwater-horizon.json"),
}


def main() -> None:
    for name, (folder, labels_path) in CLUSTERS.items():
        if not folder.exists():
            print(f"{name}: skipped, {folder} is absent")
            continue
        labels = json.loads(labels_path.read_text(encoding="utf-8"))["published"]
        briefing = brief([str(folder)])
        right = 0
        print(f"\n{name}")
        print(f"{'file':36} {'found':11} {'from':9} {'label':11} ok")
        for s in briefing.sources:
            label = labels[Path(s.path).name]
            accepted = set(label.get("acceptable") or [label["date"]])
            ok = s.published is not None and s.published.isoformat() in accepted
            right += ok
            print(f"{Path(s.path).name:36} {s.published or '-'!s:11} {s.published_from or '-':9} {label['date']:11} {'yes' if ok else 'NO'}")
        print(f"correct (within the labeller's accepted dates): {right}/{len(briefing.sources)}")
        if name == "deepwater-horizon":
            print("(deepwater dates come from its manifest; rerun without it to test inference:)")
            _without_manifest(folder, labels)


def _without_manifest(folder: Path, labels: dict) -> None:
    """Keep one source's manifest date as the anchor, infer the other seven."""
    import dataclasses

    from newsfuse.config import Settings
    from newsfuse.dates.published import infer_published
    from newsfuse.ingest.read import read_inputs
    from newsfuse.model import DocMeta
    from newsfuse.sources import build_sources

    docs = read_inputs([str(folder)], Settings()).documents
    keep = docs[0].origin
    stripped = [d if d.origin == keep else dataclasses.replace(d, meta=DocMeta(outlet=d.meta.outlet)) for d in docs]
    sources, _ = build_sources(stripped, Settings())
    right = 0
    for s in infer_published(sources):
        label = labels[Path(s.path).name]
        accepted = set(label.get("acceptable") or [label["date"]]) | {label.get("manifest_date") or label["date"]}
        ok = s.published is not None and s.published.isoformat() in accepted
        right += ok
        print(f"  {Path(s.path).name:36} {s.published or '-'!s:11} {s.published_from or '-':9} {'yes' if ok else 'NO'}")
    print(f"  inferred correctly with one anchor: {right}/{len(sources)}")


if __name__ == "__main__":
    main()
