"""Where the test corpora live; tests import this (pytest puts tests/ on sys.path)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "in-amenas"
SHARED = ROOT.parent / "shared"
DEEPWATER = SHARED / "corpus" / "deepwater-horizon"
LABELS = ROOT / "tests" / "data" / "labels"


def example_file(prefix: str) -> Path:
    return next(EXAMPLE.glob(f"{prefix}_*.txt"))


def need_shared(path: Path) -> Path:
    """Skip the calling test, saying why, when ../shared (research data read in place) is absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent: it lives in ../shared beside the checkout (CI has it)")
    return path
REPO = ROOT


def load_labels(name: str) -> dict:
    """The time labels of one cluster (``times-NAME.json``)."""
    import json

    return json.loads((LABELS / f"times-{name}.json").read_text(encoding="utf-8"))
