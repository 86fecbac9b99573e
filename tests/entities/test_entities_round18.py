"""Issue 12, eighteenth stop: a formal full name with a middle initial (and a "Jr.") is the person a
plain first and last name names, a familiar first name included ("Hank Paulson", "Henry M. Paulson
Jr."); a descriptor word the tagger ran into a full name ("Linebacker Steve Foley") joins that name;
"Donald Trump Jr." and "Donald Trump" stay two (made-up mentions, the shapes of the report, report5,
report16 and tune splits' missed merges)."""

from __future__ import annotations

import pytest

from newsfuse.entities.alias_clusters import cluster_mentions
from newsfuse.entities.mentions import Mention
from newsfuse.model import Span


def _m(source, start, text, label="PERSON"):
    return Mention(Span(source, start, start + len(text)), text, label)


def _together(ms, *names, exhaustive=False):
    return any(set(names) <= set(e.aliases) for e in cluster_mentions(ms, exhaustive=exhaustive))


@pytest.mark.parametrize("names", [
    ("Eric H. Holder Jr.", "Eric Holder"),
    ("Henry M. Paulson Jr.", "Hank Paulson"),
    ("Linebacker Steve Foley", "Steve Foley"),
    ("Frenchwoman Edith Bouvier", "Edith Bouvier"),
])
def test_one_person_written_two_ways_is_joined(names):
    long, plain = names
    ms = [_m("a", 0, long), _m("a", 60, plain.split()[-1]), _m("b", 0, plain), _m("c", 0, plain)]
    assert _together(ms, long, plain)
    assert _together(ms, long, plain, exhaustive=True)


@pytest.mark.parametrize("names", [
    ("Donald Trump Jr.", "Donald Trump"),
    ("Karl Kleppinger Sr.", "Karl Kleppinger"),
    ("Bryce Dallas Howard", "Dallas Howard"),
])
def test_two_people_stay_apart(names):
    long, plain = names
    ms = [_m("a", 0, long), _m("b", 0, plain), _m("c", 0, plain)]
    assert not _together(ms, long, plain)
