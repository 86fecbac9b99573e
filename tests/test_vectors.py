from __future__ import annotations

import math

import pytest

from newsfuse.vectors import dot, idf, normalise, prune, tfidf, top_terms


def test_tfidf_is_unit_length_and_rare_terms_weigh_more() -> None:
    vec = tfidf({"oil": 1, "rig": 1}, {"oil": 9, "rig": 1}, 10)
    assert math.sqrt(sum(v * v for v in vec.values())) == pytest.approx(1.0)
    assert vec["rig"] > vec["oil"]


def test_idf_smoothing_never_divides_by_zero() -> None:
    assert idf(0, 0) == pytest.approx(1.0)


def test_dot_and_normalise() -> None:
    assert dot({"a": 1.0}, {"a": 0.5, "b": 2.0}) == 0.5
    assert normalise({}) == {}


def test_prune_keeps_heaviest_terms_deterministically() -> None:
    vec = {"a": 1.0, "b": 3.0, "c": 2.0, "d": 2.0}
    assert prune(vec, keep=2) == {"b": 3.0, "c": 2.0}
    assert top_terms(vec, 3) == ["b", "c", "d"]
