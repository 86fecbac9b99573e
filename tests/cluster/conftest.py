from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from newsfuse.cluster.model import Article

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"


def make_article(aid: str, text: str, title: str | None = None, day: int | None = 1, hour: int = 0) -> Article:
    when = datetime(2024, 3, 1) + timedelta(days=day - 1, hours=hour) if day is not None else None
    return Article(id=aid, origin=f"test:{aid}", title=title, text=text, published=when)


@pytest.fixture
def article_factory():
    return make_article


@pytest.fixture
def quake_and_vote() -> list[Article]:
    """Two unrelated stories, three articles each, interleaved in time."""
    quake = [
        "A strong earthquake struck northern Chile near Iquique, killing six people and forcing evacuations along the coast.",
        "Chilean officials said the Iquique earthquake of magnitude 8.2 triggered a tsunami warning across the Pacific coast.",
        "Rescue teams in Iquique searched collapsed homes after the Chile earthquake; President Bachelet declared a disaster zone.",
    ]
    vote = [
        "Voters in Scotland go to the polls on Thursday in the independence referendum, with Alex Salmond urging a yes vote.",
        "The Scottish independence referendum campaign closed with Alex Salmond and Alistair Darling making final appeals to voters.",
        "Polls in Scotland show the independence referendum too close to call as Salmond campaigns in Glasgow.",
    ]
    out = []
    for n in range(3):
        out.append(make_article(f"q{n}", quake[n], day=1, hour=2 * n))
        out.append(make_article(f"v{n}", vote[n], day=1, hour=2 * n + 1))
    return out
