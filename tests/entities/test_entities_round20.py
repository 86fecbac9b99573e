"""Issue 12, twentieth stop: a lone surname finds its one full name when the tagger ran a word into one
report's full name ("Reading Kirsten Gillibrand"), and when one report's tagger called the surname a place
that the story's other reports call a person (made-up mentions, the shapes of report11 and report18's
missed merges)."""

from __future__ import annotations

import pytest

from newsfuse.entities.alias_clusters import cluster_mentions
from newsfuse.entities.mentions import Mention
from newsfuse.model import Span


def _m(source, start, text, label="PERSON"):
    return Mention(Span(source, start, start + len(text)), text, label)


@pytest.mark.parametrize("exhaustive", [False, True])
def test_a_run_in_name_is_no_second_host_for_a_lone_surname(exhaustive):
    ms = [_m("a", 0, "Reading", "GPE"), _m("a", 40, "Reading Kirsten Gillibrand"), _m("a", 90, "Gillibrand"),
          _m("b", 0, "Kirsten Gillibrand"), _m("b", 50, "Gillibrand"), _m("c", 0, "Kirsten Gillibrand"),
          _m("d", 0, "Gillibrand"), _m("d", 30, "Gillibrand")]
    people = [e for e in cluster_mentions(ms, exhaustive=exhaustive) if "Gillibrand" in e.aliases]
    assert len(people) == 1 and "Kirsten Gillibrand" in people[0].aliases


@pytest.mark.parametrize("exhaustive", [False, True])
def test_a_surname_tagged_a_place_once_is_the_person_the_story_names(exhaustive):
    ms = [_m("a", 0, "Arcade Comeaux"), _m("a", 40, "Comeaux"), _m("b", 0, "Arcade Comeaux"), _m("b", 40, "Comeaux"),
          _m("c", 0, "Comeaux", "GPE")]
    (person,) = [e for e in cluster_mentions(ms, exhaustive=exhaustive) if "Comeaux" in e.aliases]
    assert len(person.mentions) == 5
    # a place name the story always calls a place stays the place
    ms = [_m("a", 0, "Paris Hilton"), _m("b", 0, "Paris", "GPE"), _m("c", 0, "Paris", "GPE")]
    assert not any({"Paris", "Paris Hilton"} <= set(e.aliases) for e in cluster_mentions(ms, exhaustive=exhaustive))


def test_a_state_s_official_name_is_its_common_name():
    ms = [_m("a", 0, "Russia", "GPE"), _m("a", 40, "Russia", "GPE"), _m("b", 0, "Russian Federation", "GPE"),
          _m("b", 50, "Russia", "GPE")]
    assert any({"Russia", "Russian Federation"} <= set(e.aliases) for e in cluster_mentions(ms))
