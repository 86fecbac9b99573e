"""Issue 12, seventeenth stop: a clipped team or company name one report tied to its full name ("Colts"
of "Indianapolis Colts") names it in the other reports too; a surname with its particle ("Lo Presti");
a given name the tagger called an organisation ("Raffaele" [ORG] beside "Raffaele Sollecito")."""

from __future__ import annotations

from newsfuse.entities.alias_clusters import cluster_mentions
from newsfuse.entities.aliases import conflicting_people
from newsfuse.entities.mentions import Mention
from newsfuse.model import Span


def _names(ms):
    return [set(e.aliases) for e in cluster_mentions(ms)]


def _together(ms, *names):
    return any(set(names) <= n for n in _names(ms))


def _test_both_ways(ms, *names):
    assert _together(ms, *names)
    assert _together(ms, *names) == any(set(names) <= set(e.aliases) for e in cluster_mentions(ms, exhaustive=True))


def test_a_clipped_name_tied_in_one_report_joins_in_the_others():
    ms = [Mention(Span("a", 0, 18), "Indianapolis Colts", "ORG"), Mention(Span("a", 40, 45), "Colts", "ORG"),
          Mention(Span("b", 0, 5), "Colts", "MISC"), Mention(Span("b", 20, 25), "Colts", "MISC")]
    _test_both_ways(ms, "Indianapolis Colts", "Colts")


def test_a_clipped_name_tied_to_two_organisations_stays_alone():
    ms = [Mention(Span("a", 0, 18), "Indianapolis Colts", "ORG"), Mention(Span("a", 40, 45), "Colts", "ORG"),
          Mention(Span("c", 0, 16), "Baltimore Colts", "ORG"), Mention(Span("c", 40, 45), "Colts", "ORG"),
          Mention(Span("b", 0, 5), "Colts", "MISC")]
    names = _names(ms)
    assert {"Colts"} in names and not any({"Indianapolis Colts", "Baltimore Colts"} <= n for n in names), names


def test_a_word_that_opens_other_names_is_not_clipped():
    ms = [Mention(Span("a", 0, 11), "White House", "ORG"), Mention(Span("a", 40, 45), "House", "ORG"),
          Mention(Span("b", 0, 16), "House Republicans", "ORG"), Mention(Span("b", 30, 35), "House", "ORG")]
    assert not _together(ms, "White House", "House Republicans")
    assert not any({"White House"} < n and "House" in n and len(n) > 1 and any(
        m.span.source == "b" for m in e.mentions if m.text == "House")
        for e in cluster_mentions(ms) for n in [set(e.aliases)])


def test_a_surname_with_its_particle_joins_the_full_name_across_reports():
    ms = [Mention(Span("a", 0, 17), "Gaetano Lo Presti", "PERSON"), Mention(Span("a", 40, 49), "Lo Presti", "PERSON"),
          Mention(Span("b", 0, 9), "Lo Presti", "PERSON")]
    assert _names(ms) == [{"Gaetano Lo Presti", "Lo Presti"}]


def test_a_particle_surname_is_no_full_name_of_another_person():
    assert not conflicting_people("Lo Presti", "Gaetano Lo Presti")
    assert conflicting_people("Anna Lo Presti", "Gaetano Lo Presti")


def test_a_given_name_typed_an_organisation_joins_the_one_person_it_opens():
    ms = [Mention(Span("a", 0, 18), "Raffaele Sollecito", "PERSON"), Mention(Span("b", 0, 8), "Raffaele", "ORG"),
          Mention(Span("b", 20, 28), "Raffaele", "ORG"), Mention(Span("c", 0, 8), "Raffaele", "ORG")]
    _test_both_ways(ms, "Raffaele Sollecito", "Raffaele")


def test_a_given_name_in_a_company_name_stays_the_company():
    ms = [Mention(Span("a", 0, 15), "Meredith Corp.", "ORG"), Mention(Span("a", 30, 45), "Meredith Kercher", "PERSON"),
          Mention(Span("b", 0, 8), "Meredith", "ORG")]
    assert not _together(ms, "Meredith Kercher", "Meredith")


def test_a_given_name_in_a_longer_company_name_stays_the_company():
    ms = [Mention(Span("a", 0, 20), "Meredith Media Group", "ORG"), Mention(Span("a", 30, 45), "Meredith Kercher", "PERSON"),
          Mention(Span("b", 0, 8), "Meredith", "ORG")]
    assert not _together(ms, "Meredith Kercher", "Meredith")


def test_a_familiar_given_name_is_the_same_person():
    ms = [Mention(Span("a", 0, 14), "Kathryn Jenkin", "PERSON"), Mention(Span("b", 0, 12), "Katie Jenkin", "PERSON")]
    _test_both_ways(ms, "Kathryn Jenkin", "Katie Jenkin")


def test_two_given_names_no_table_relates_stay_two_people():
    ms = [Mention(Span("a", 0, 14), "Kathryn Jenkin", "PERSON"), Mention(Span("b", 0, 12), "Sarah Jenkin", "PERSON")]
    assert not _together(ms, "Kathryn Jenkin", "Sarah Jenkin")


def test_a_party_name_before_a_title_is_no_given_name():
    ms = [Mention(Span("a", 0, 21), "Tory MP Karen Vecchio", "PERSON"), Mention(Span("b", 0, 4), "Tory", "ORG"),
          Mention(Span("b", 20, 24), "Tory", "ORG")]
    assert not _together(ms, "Tory MP Karen Vecchio", "Tory")
