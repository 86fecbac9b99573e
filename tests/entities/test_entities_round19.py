"""Issue 12, nineteenth stop: a short name that is another institution's own is never the clipped form
of the longer name ending in it (resources/distinct_short_names.tsv)."""

from __future__ import annotations

from newsfuse.entities.aliases import is_short_form


def test_the_house_is_not_the_white_house() -> None:
    assert not is_short_form("House", "White House")
    assert not is_short_form("the House", "The White House")
    assert is_short_form("Senate", "U.S. Senate")  # a place before the name: the same institution
    assert is_short_form("Cameron", "David Cameron")
