"""Figures: grouping, comparison and status over hand-made claims (figures/align.py and helpers)."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.figures.align import Options, build_figures, rounds_to
from newsfuse.figures.classes import CountedClass, counted_class, story_synonyms
from newsfuse.figures.compare import Interval, compare, interval
from newsfuse.model import Claim, Span

DEMONYMS = frozenset({"algerian", "american", "british", "japanese", "french"})
FRI, SAT, SUN = date(2013, 1, 18), date(2013, 1, 19), date(2013, 1, 20)


def claim(source, value, counts, predicate, *, qualifier="exact", as_of=SAT, head=None, kind="count", unit=None,
          low=None, high=None, start=0):
    return Claim(id=f"c-{source}-{value}-{counts}-{predicate}-{start}-{as_of}", span=Span(source, start, start + 2),
                 text=f"{value} {counts}", value=value, qualifier=qualifier, counts=counts, predicate=predicate,
                 as_of=as_of, head=head or (counts.split() or ["thing"])[-1].rstrip("s"), kind=kind, unit=unit, low=low, high=high,
                 sentence=Span(source, 0, 0))


DEFAULT = Options()


def figures(claims, groups=None, options=DEFAULT):
    groups = groups or tuple((s,) for s in dict.fromkeys(c.span.source for c in claims))
    return build_figures(claims, groups, DEMONYMS, {}, options)


def test_militant_synonyms_are_one_class():
    gunmen = counted_class(claim("a", 11, "gunmen", "killed", head="gunman"), DEMONYMS)
    jihadists = counted_class(claim("b", 11, "jihadists", "killed", head="jihadist"), DEMONYMS)
    assert gunmen == jihadists == CountedClass(None, "attacker")


def test_nationality_and_foreign_make_subclasses():
    hostages = frozenset({"hostage"})
    assert counted_class(claim("a", 685, "algerian workers", "freed", head="worker"), DEMONYMS, story_roles=hostages) == CountedClass("algerian", "hostage")
    # a story that never speaks of hostages: people freed are people (an arrest story's "four people freed")
    assert counted_class(claim("a", 685, "algerian workers", "freed", head="worker"), DEMONYMS) == CountedClass("algerian", "person")
    assert counted_class(claim("a", 7, "foreign hostages", "killed", head="hostage"), DEMONYMS) == CountedClass("foreign", "hostage")
    assert counted_class(claim("a", 2, "americans", "freed", head="americans"), DEMONYMS, story_roles=hostages) == CountedClass("american", "hostage")


def test_story_synonyms_need_the_same_number_qualifier_and_predicate():
    cs = [claim("a", 11, "members", "killed", head="member"), claim("b", 11, "gunmen", "killed", head="gunman"),
          claim("c", 30, "foreign hostages", "held", qualifier="about", head="hostage"),
          claim("d", 30, "fighters", "held", qualifier="more than", head="fighter")]
    classes = {c.id: counted_class(c, DEMONYMS) for c in cs}
    rep = story_synonyms(cs, classes)
    assert rep[CountedClass(None, "member")] == CountedClass(None, "attacker")
    assert rep[CountedClass("foreign", "hostage")] == CountedClass("foreign", "hostage")


@pytest.mark.parametrize(
    ("qualifier", "value", "expected"),
    [("exact", 23, Interval(23, 23)), ("at least", 30, Interval(30, float("inf"))), ("up to", 41, Interval(0, 41)),
     ("about", 40, Interval(34, 46))],
)
def test_interval(qualifier, value, expected):
    got = interval(claim("a", value, "hostages", "killed", qualifier=qualifier))
    assert got.low == pytest.approx(expected.low) and got.high == pytest.approx(expected.high)


def test_compare_is_qualifier_and_time_aware():
    at_least_23 = claim("a", 23, "hostages", "killed", qualifier="at least")
    thirty, fortyeight = claim("b", 30, "hostages", "killed"), claim("c", 48, "hostages", "killed", as_of=SUN)
    up_to_41, hundred32 = claim("d", 41, "hostages", "taken", qualifier="up to"), claim("e", 132, "hostages", "taken")
    assert compare(at_least_23, thirty, interval(at_least_23), interval(thirty), "", True) is None
    assert compare(thirty, fortyeight, interval(thirty), interval(fortyeight), "", True) is None  # a toll's rise: evolution
    assert compare(thirty, fortyeight, interval(thirty), interval(fortyeight), "", True, True) == "rose without explanation"
    assert compare(thirty, fortyeight, interval(thirty), interval(fortyeight), "the toll rose to 48", True) is None
    assert compare(up_to_41, hundred32, interval(up_to_41), interval(hundred32), "", True) == "disagree"
    later_thirty = claim("f", 30, "hostages", "killed", as_of=date(2013, 1, 21))
    assert compare(fortyeight, later_thirty, interval(fortyeight), interval(later_thirty), "", True) == "fell"
    assert compare(fortyeight, later_thirty, interval(fortyeight), interval(later_thirty), "", False) is None


def test_status_single_consistent_conflict():
    one = figures([claim("a", 5, "fighters", "captured", head="fighter")])
    assert [f.status for f in one] == ["single"]
    agree = figures([claim("a", 40, "jihadists", "took part", qualifier="about", head="jihadist"),
                     claim("b", 30, "fighters", "took part", qualifier="more than", head="fighter")])
    assert [f.status for f in agree] == ["consistent"]
    clash = figures([claim("a", 11, "gunmen", "killed", head="gunman"), claim("b", 32, "militants", "killed", head="attacker")])
    assert [f.status for f in clash] == ["conflict"] and clash[0].label == "gunmen killed"
    assert clash[0].reasons == ("11 (2013-01-19) vs 32 (2013-01-19): disagree",)


def test_sources_sharing_wire_copy_count_once():
    cs = [claim("a", 11, "gunmen", "killed", head="gunman"), claim("b", 32, "gunmen", "killed", head="gunman")]
    (fig,) = figures(cs, groups=(("a", "b"),))
    assert fig.status == "single"


def test_every_value_lists_its_claims_and_sources():
    cs = [claim("a", 23, "hostages", "killed"), claim("b", 23, "captives", "killed", head="captive"),
          claim("c", 48, "hostages", "killed", as_of=SUN)]
    (fig,) = figures(cs)
    assert [(v.value, v.sources, len(v.claims), v.as_of) for v in fig.values] == [
        (23, ("a", "b"), 2, SAT), (48, ("c",), 1, SUN)]


def test_subsets_are_linked_not_merged():
    cs = [claim("a", 23, "hostages", "killed"), claim("b", 7, "foreign hostages", "killed", head="hostage")]
    figs = {f.label: f for f in figures(cs)}
    assert figs["foreign hostages killed"].subset_of == figs["hostages killed"].id


def test_measures_join_across_units_by_rounding():
    assert rounds_to(5000 * 0.3048, 1500)  # 5,000 ft (1,500 m)
    assert rounds_to(1000 * 42, 42000)  # 1,000 barrels (42,000 gallons)
    assert not rounds_to(1052 * 42, 42000)  # "about 1,052 barrels" is another figure
    assert not rounds_to(84 / 1.609344, 50)  # "84km" is 52 miles, not "about 50 miles"
    assert rounds_to(5000 * 0.3048 / 1609.344, 1)  # "almost a mile"
    # a conversion in the same sentence ("5,000 ft (1,500 m)") joins its figure
    cs = [claim("a", 5000, "water", None, kind="measure", unit="ft"),
          claim("a", 1500, "", None, kind="measure", unit="m", start=10),
          claim("c", 13000, "seabed", None, kind="measure", unit="ft")]
    assert sorted(len(f.values) for f in figures(cs)) == [1, 2]


def test_equal_measures_alone_never_join():
    """'2.8 miles' in one report and '4,500 m' in another (tune half): nothing says they measure one thing."""
    cs = [claim("a", 2.8, "", None, kind="measure", unit="miles"), claim("b", 4500, "", None, kind="measure", unit="m")]
    assert sorted(len(f.values) for f in figures(cs)) == [1, 1]
    same_event = [claim("a", 11e6, "", "leaking", kind="measure", unit="gallons"),
                  claim("b", 11e6, "", "leaking", kind="measure", unit="gallons")]
    assert [f.status for f in figures(same_event)] == ["consistent"]


def test_measures_with_one_context_join_and_must_explain_change():
    coast = [claim("a", 42, "louisiana coast", None, kind="measure", unit="miles", qualifier="about", as_of=FRI),
             claim("b", 50, "louisiana coast", None, kind="measure", unit="miles", as_of=SAT)]
    (fig,) = figures(coast)
    assert fig.status == "conflict" and "rose without explanation" in fig.reasons[0]  # a measure, not a toll


def test_options_switch_seeds_off():
    cs = [claim("a", 11, "gunmen", "killed", head="gunman"), claim("b", 32, "kidnappers", "killed", head="kidnapper")]
    assert len(figures(cs, options=Options(seeds=False, synonyms=False))) == 2


def test_counts_without_a_verb_group_only_with_repeats():
    cs = [claim("a", 2, "violations", None, head="violation"), claim("b", 50, "violations", None, head="violation"),
          claim("c", 50, "violations", None, head="violation")]
    figs = figures(cs)
    assert sorted(len(f.values[0].claims) for f in figs) == [1, 2]
    assert all(f.status != "conflict" for f in figs)


def test_money_does_not_join_by_context():
    cs = [claim("a", 1e12, "value", None, kind="money", unit="USD"), claim("b", 8e12, "value", None, kind="money", unit="USD")]
    assert len(figures(cs)) == 2


def test_a_count_fixed_at_the_event_disagrees_across_days():
    """People taken in a seizure are counted at the seizure: 'up to 41' one day and 132 the next disagree,
    while a toll's rise across days is an evolution."""
    up_to_41 = claim("a", 41, "hostages", "taken", qualifier="up to")
    later = claim("b", 132, "hostages", "taken", as_of=SUN)
    assert compare(up_to_41, later, interval(up_to_41), interval(later), "", True, fixed=True) == "disagree"
    assert compare(up_to_41, later, interval(up_to_41), interval(later), "", True) is None
