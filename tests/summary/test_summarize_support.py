"""Support between sentences of different sources, calibrated on both example clusters."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.api import brief
from newsfuse.summary.build import pool_items
from newsfuse.summary.similarity import best_matches_all
from newsfuse.summary.support import SUPPORT_COSINE, cosine, idf_weights, supporting, tfidf

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
DWH = SHARED / "corpus" / "deepwater-horizon"


def _similarity(briefing):
    pool = pool_items(briefing)
    idf = idf_weights([it.terms for items in pool.values() for it in items])
    items = [(briefing.text_of(it.span), tfidf(it.terms, idf), it.span) for its in pool.values() for it in its]

    def find(snippet):
        hits = [(v, span) for text, v, span in items if snippet in text]
        assert hits, snippet
        return hits[0]

    def sim(a, b):
        (va, sa), (vb, sb) = find(a), find(b)
        assert sa.source != sb.source
        return cosine(va, vb)

    return sim


@pytest.fixture(scope="module")
def example_briefing():
    return _similarity(brief([str(ROOT / "examples" / "in-amenas")]))


@pytest.fixture(scope="module")
def deepwater_briefing():
    if not DWH.exists():
        pytest.skip(f"{DWH} is absent (the second labelled cluster lives in ../shared beside the checkout)")
    return _similarity(brief([str(DWH)], manifest=str(DWH / "manifest.csv")))


@pytest.mark.parametrize("a,b", [
    ("23 captives and 32 kidnappers were killed", "at least 32 militants and 23 hostages were killed"),
    ("which jointly operates the In Amenas site", "the Algerian state oil company running the Ain Amenas site"),
])
def test_in_amenas_paraphrases_support(example_briefing, a, b):
    assert example_briefing(a, b) >= SUPPORT_COSINE


def test_in_amenas_story_words_alone_do_not(example_briefing):
    assert example_briefing("The fighters came from Libya", "near the border with Libya") < SUPPORT_COSINE


@pytest.mark.parametrize("a,b", [
    ("activated an extensive oil spill response\", which", "BP said it has activated an extensive oil spill response"),
    ("Some 115 workers escaped", "Most of the crew -- 111 members"),
])
def test_deepwater_paraphrases_support(deepwater_briefing, a, b):
    assert deepwater_briefing(a, b) >= SUPPORT_COSINE


def test_deepwater_unrelated_do_not(deepwater_briefing):
    assert deepwater_briefing("Environmentalists said the rig explosion", "Doug Suttles, the chief operating officer") < SUPPORT_COSINE


def test_best_per_source_keeps_one_span_per_source():
    from newsfuse.model import Span

    idf = {"a": 1.0, "b": 1.0, "c": 1.0}
    v = tfidf(["a", "b"], idf)
    others = {"x": [(Span("x", 0, 5), tfidf(["a", "b"], idf)), (Span("x", 6, 9), tfidf(["a"], idf))],
              "y": [(Span("y", 0, 5), tfidf(["c"], idf))], "me": [(Span("me", 0, 3), v)]}
    got = supporting(best_matches_all(others, [Span("me", 0, 3)], 0.0)[Span("me", 0, 3)].above)
    assert got.spans == (Span("x", 0, 5),) and got.scores[0] > 0.99


def test_sentences_with_disjoint_numbers_do_not_support():
    from newsfuse.model import Span
    from newsfuse.summary.support import numbers_in, supporting

    a, b, c = Span("x", 0, 5), Span("y", 0, 5), Span("z", 0, 5)
    numbers = {a: numbers_in(["government", "hostage"]), b: numbers_in(["23", "hostage"]),
               c: numbers_in(["17", "hospital"])}
    matches = [(0.4, a), (0.4, b), (0.4, c)]
    assert supporting(matches, numbers=numbers, own=frozenset({"23", "32"})).spans == (a, b)
    assert supporting(matches, numbers=numbers, own=frozenset()).spans == (a, b, c)
