"""Issue 12, sixteenth stop: an institution's clipped name ("the Fed") and a country's other name
beside its initials ("America" and "US", with no "United States" written out)."""

from __future__ import annotations

from newsfuse.entities.alias_clusters import cluster_mentions
from newsfuse.entities.mentions import Mention
from newsfuse.model import Span


def _names(ms):
    return [set(e.aliases) for e in cluster_mentions(ms)]


def test_the_fed_is_the_federal_reserve():
    ms = [Mention(Span("a", 0, 15), "Federal Reserve", "ORG"), Mention(Span("a", 30, 33), "Fed", "ORG"),
          Mention(Span("b", 0, 3), "Fed", "ORG"), Mention(Span("b", 10, 25), "Federal Reserve", "ORG")]
    assert {"Fed", "Federal Reserve"} in _names(ms)


def test_america_is_the_us_where_the_full_name_is_never_written():
    ms = [Mention(Span("a", 0, 2), "US", "GPE"), Mention(Span("a", 20, 27), "America", "GPE"),
          Mention(Span("b", 0, 4), "U.S.", "GPE"), Mention(Span("b", 10, 17), "America", "GPE")]
    assert any({"US", "America"} <= names for names in _names(ms))


def test_a_clipped_name_is_not_joined_to_another_kind_of_thing():
    ms = [Mention(Span("a", 0, 15), "Federal Reserve", "ORG"), Mention(Span("a", 30, 33), "Fed", "PERSON"),
          Mention(Span("a", 40, 43), "Fed", "PERSON"), Mention(Span("b", 0, 3), "Fed", "PERSON")]
    assert {"Fed"} in _names(ms)


def test_a_clipped_name_attached_to_a_longer_name_stays_with_it():
    ms = [Mention(Span("a", 0, 15), "Federal Reserve", "ORG"), Mention(Span("a", 20, 33), "New York Fed", "ORG"),
          Mention(Span("a", 40, 43), "Fed", "ORG"), Mention(Span("b", 0, 12), "New York Fed", "ORG"),
          Mention(Span("b", 20, 23), "Fed", "ORG")]
    names = _names(ms)
    assert not any({"Federal Reserve", "New York Fed"} <= n for n in names), names


def test_a_shouted_word_is_no_clipped_name():
    ms = [Mention(Span("a", 0, 15), "Federal Reserve", "ORG"), Mention(Span("b", 0, 3), "FED", "ORG")]
    assert {"FED"} in _names(ms)
