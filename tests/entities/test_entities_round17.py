"""Issue 12, seventeenth stop: a clipped team or company name one report tied to its full name ("Colts"
of "Indianapolis Colts") names it in the other reports too; a surname with its particle ("Lo Presti");
a given name the tagger called an organisation ("Raffaele" [ORG] beside "Raffaele Sollecito")."""

from __future__ import annotations

import pytest

from newsfuse.entities.alias_clusters import cluster_mentions
from newsfuse.entities.aliases import conflicting_people
from newsfuse.entities.mentions import Mention
from newsfuse.model import Span


def _m(source, start, text, label):
    """One mention: where it starts in its report, what it says, the tagger's label."""
    return Mention(Span(source, start, start + len(text)), text, label)


def _names(ms):
    return [set(e.aliases) for e in cluster_mentions(ms)]


def _together(ms, *names):
    return any(set(names) <= n for n in _names(ms))


@pytest.mark.parametrize(("ms", "names"), [
    pytest.param([_m("a", 0, "Indianapolis Colts", "ORG"), _m("a", 40, "Colts", "ORG"), _m("b", 0, "Colts", "MISC"),
                  _m("b", 20, "Colts", "MISC")], ("Indianapolis Colts", "Colts"), id="clipped-name-tied-in-one-report"),
    pytest.param([_m("a", 0, "Raffaele Sollecito", "PERSON"), _m("b", 0, "Raffaele", "ORG"), _m("b", 20, "Raffaele", "ORG"),
                  _m("c", 0, "Raffaele", "ORG")], ("Raffaele Sollecito", "Raffaele"), id="given-name-typed-organisation"),
    pytest.param([_m("a", 0, "Kathryn Jenkin", "PERSON"), _m("b", 0, "Katie Jenkin", "PERSON")],
                 ("Kathryn Jenkin", "Katie Jenkin"), id="familiar-given-name"),
])
def test_one_thing_across_reports_is_joined_blocked_and_all_pairs(ms, names):
    assert _together(ms, *names)
    assert _together(ms, *names) == any(set(names) <= set(e.aliases) for e in cluster_mentions(ms, exhaustive=True))


def test_a_clipped_name_tied_to_two_organisations_stays_alone():
    ms = [_m("a", 0, "Indianapolis Colts", "ORG"), _m("a", 40, "Colts", "ORG"),
          _m("c", 0, "Baltimore Colts", "ORG"), _m("c", 40, "Colts", "ORG"),
          _m("b", 0, "Colts", "MISC")]
    names = _names(ms)
    assert {"Colts"} in names and not any({"Indianapolis Colts", "Baltimore Colts"} <= n for n in names), names


def test_a_word_that_opens_other_names_is_not_clipped():
    ms = [_m("a", 0, "White House", "ORG"), _m("a", 40, "House", "ORG"),
          _m("b", 0, "House Republicans", "ORG"), _m("b", 30, "House", "ORG")]
    assert not _together(ms, "White House", "House Republicans")
    assert not any({"White House"} < n and "House" in n and len(n) > 1 and any(
        m.span.source == "b" for m in e.mentions if m.text == "House")
        for e in cluster_mentions(ms) for n in [set(e.aliases)])


def test_a_surname_with_its_particle_joins_the_full_name_across_reports():
    ms = [_m("a", 0, "Gaetano Lo Presti", "PERSON"), _m("a", 40, "Lo Presti", "PERSON"),
          _m("b", 0, "Lo Presti", "PERSON")]
    assert _names(ms) == [{"Gaetano Lo Presti", "Lo Presti"}]


def test_a_particle_surname_is_no_full_name_of_another_person():
    assert not conflicting_people("Lo Presti", "Gaetano Lo Presti")
    assert conflicting_people("Anna Lo Presti", "Gaetano Lo Presti")


def test_a_given_name_in_a_company_name_stays_the_company():
    ms = [_m("a", 0, "Meredith Corp.", "ORG"), _m("a", 30, "Meredith Kercher", "PERSON"),
          _m("b", 0, "Meredith", "ORG")]
    assert not _together(ms, "Meredith Kercher", "Meredith")


def test_a_given_name_in_a_longer_company_name_stays_the_company():
    ms = [_m("a", 0, "Meredith Media Group", "ORG"), _m("a", 30, "Meredith Kercher", "PERSON"),
          _m("b", 0, "Meredith", "ORG")]
    assert not _together(ms, "Meredith Kercher", "Meredith")


def test_two_given_names_no_table_relates_stay_two_people():
    ms = [_m("a", 0, "Kathryn Jenkin", "PERSON"), _m("b", 0, "Sarah Jenkin", "PERSON")]
    assert not _together(ms, "Kathryn Jenkin", "Sarah Jenkin")


def test_a_party_name_before_a_title_is_no_given_name():
    ms = [_m("a", 0, "Tory MP Karen Vecchio", "PERSON"), _m("b", 0, "Tory", "ORG"),
          _m("b", 20, "Tory", "ORG")]
    assert not _together(ms, "Tory MP Karen Vecchio", "Tory")
