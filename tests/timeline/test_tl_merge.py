"""Merging one happening across sources, and ordering entries."""

from __future__ import annotations

from datetime import date

from newsfuse.model import Span
from newsfuse.timeline.events import Event
from newsfuse.timeline.merge import build_timeline, cluster_day, representative, similarity

DAY = date(2013, 1, 19)


def ev(source, start, text, words, entities=(), day=DAY, inferred=False, how="time"):
    span = Span(source, start, start + len(text))
    return Event(day, 0.0, span, span, text, frozenset(words), frozenset(entities), inferred, how)


STORM_A = ev("a", 0, "Special forces stormed the gas plant on Saturday, killing 11 militants.",
             {"special", "force", "storm", "gas", "plant", "kill", "11", "militant"}, {"algeria"})
STORM_B = ev("b", 0, "On Saturday Algerian forces stormed the gas plant; 11 militants died.",
             {"algerian", "force", "storm", "gas", "plant", "11", "militant", "die"}, {"algeria"})
BP = ev("b", 100, "BP's chief said on Saturday four of its 18 workers were missing.",
        {"bp", "chief", "18", "worker", "miss"}, {"bp"})


def test_similar_reports_are_similar():
    assert similarity(STORM_A, STORM_B) > 0.5 > similarity(STORM_A, BP)


def test_cluster_day_merges_one_happening_only():
    clusters = cluster_day([STORM_A, STORM_B, BP])
    assert sorted(len(c) for c in clusters) == [1, 2]


def test_two_sentences_of_one_report_need_a_close_paraphrase():
    other = ev("a", 200, "France said on Saturday that 2,000 of the 2,500 troops it had pledged were on the ground in Mali.",
               {"france", "2,000", "2,500", "troop", "pledge", "ground", "mali", "citizen", "hold"}, {"france", "mali"})
    fabius = ev("a", 300, "Foreign Minister Laurent Fabius said at a meeting in Abidjan on Saturday that France was obliged to intervene.",
                {"foreign", "minister", "laurent", "fabius", "meeting", "abidjan", "france", "oblige", "intervene", "mali"},
                {"laurent fabius", "abidjan", "france", "mali"})
    assert len(cluster_day([other, fabius])) == 2


def test_entries_cite_every_member_and_order_by_day_then_support():
    earlier = ev("a", 400, "Militants seized the plant on Wednesday.", {"militant", "seize", "plant"},
                 day=date(2013, 1, 16), inferred=True)
    entries = build_timeline([BP, STORM_A, STORM_B, earlier], ["a", "b"])
    assert [e.date for e in entries] == [date(2013, 1, 16), DAY, DAY]
    assert entries[0].inferred and not entries[1].inferred
    assert entries[1].sources == ("a", "b") and len(entries[1].citations) == 2
    assert entries[2].sources == ("b",)


def test_representative_prefers_direct_dating():
    offset = ev("c", 0, "four days after militants stormed the gas plant", STORM_A.words, STORM_A.entities, how="offset")
    assert representative([offset, STORM_A]).how == "time"


def test_background_before_the_story_window_is_left_out():
    born = ev("a", 500, "The senator was born on March 31, 1940 in Vermont.", {"senator", "bear", "vermont"}, day=date(1940, 3, 31))
    entries = build_timeline([born, STORM_A], ["a", "b"], earliest=DAY)
    assert [e.date for e in entries] == [DAY]
