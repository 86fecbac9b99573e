"""Greedy selection and ordering on hand-built candidates."""

from __future__ import annotations

from datetime import date

from newsfuse.model import Span
from newsfuse.summary.select import Scored, Weights, lead_prior, select, timeline_order
from newsfuse.summary.support import cosine, group_count, group_index, idf_weights, tfidf
from newsfuse.summary.text import Candidate


def _scored(sid, pos, terms, words=10, groups=1, when=None, centrality=0.2):
    idf = {t: 1.0 for t in terms}
    return Scored(Candidate(Span(sid, pos * 100, pos * 100 + 50), " ".join(["w"] * words) + ".", tuple(terms), pos,
                            words), tfidf(terms, idf), centrality, groups, frozenset(terms), when)


def test_budget_is_never_exceeded():
    pool = [_scored("a", i, [f"t{i}", f"u{i}"], words=30) for i in range(10)]
    chosen = select(pool, {}, 1, budget=100)
    assert sum(s.candidate.words for s in chosen) <= 100 and len(chosen) == 3


def test_near_duplicates_are_not_both_chosen():
    a = _scored("a", 0, ["hostage", "kill", "23"], groups=2)
    b = _scored("b", 0, ["hostage", "kill", "23"], groups=2)
    c = _scored("c", 3, ["belmokhtar", "video"])
    chosen = select([a, b, c], {}, 3, budget=100)
    assert len(chosen) == 2 and c in chosen


def test_support_and_coverage_raise_rank():
    lone = _scored("a", 0, ["weather"])
    backed = _scored("b", 0, ["toll"], groups=3)
    assert select([lone, backed], {}, 3, budget=10)[0] is backed
    covering = _scored("c", 0, ["belmokhtar"])
    assert select([lone, covering], {"belmokhtar": 1.0}, 3, budget=10)[0] is covering


def test_timeline_order_puts_best_supported_first_then_dates():
    late = _scored("a", 0, ["x"], groups=1, when=date(2013, 1, 19))
    early = _scored("b", 0, ["y"], groups=1, when=date(2013, 1, 16))
    news = _scored("c", 0, ["z"], groups=3, when=date(2013, 1, 19))
    undated = _scored("d", 0, ["v"], groups=1)
    assert timeline_order([late, undated, news, early]) == [news, early, late, undated]


def test_helpers():
    assert lead_prior(0) == 1.0 > lead_prior(9)
    assert group_count(["a", "b", "c"], [("a", "b"), ("c",)]) == 2
    # the index built once for many calls counts as the groups do; a source in no group counts alone
    groups = [("a", "b"), ("c",)]
    for ids in (["a", "b", "c"], ["a", "b"], ["c", "x"], ["x", "y", "a"], []):
        assert group_count(ids, group_index(groups)) == group_count(ids, groups)
    idf = idf_weights([["a", "b"], ["a", "c"]])
    assert idf["b"] > idf["a"]
    v = tfidf(["a", "b"], idf)
    assert abs(cosine(v, v) - 1) < 1e-9 and cosine(v, tfidf(["c"], idf)) == 0
    assert Weights().max_overlap < 1
