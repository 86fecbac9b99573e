"""Claims: what counts, qualifier, counted noun, predicate, attribution, as-of (figures/claims.py)."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.figures.claim_dates import as_of, past_period, resolve_word, weekday_before
from newsfuse.figures.claims import doc_claims
from newsfuse.nlp.sentences import doc_sentences

SATURDAY = date(2013, 1, 19)


def claims_of(nlp, text, published=SATURDAY):
    doc = nlp(text)
    return doc_claims("s", doc, doc_sentences("s", doc), published)


def by_number(claims):
    return {text: c for c in claims for text in [c.text]}


def test_coordinated_counts_are_two_claims(nlp):
    found = claims_of(nlp, "Eight Algerians and seven foreigners were among the dead, an Algerian security source said.")
    assert [(c.value, c.counts, c.predicate) for c in found] == [(8, "algerians", "killed"), (7, "foreigners", "killed")]
    assert all(c.attribution == "an Algerian security source" for c in found)


def test_qualifiers(nlp):
    found = claims_of(nlp, "At least 30 hostages, up to 41 workers, more than 650 captives, fewer than 10 nationals "
                           "and some 400 troops were counted.")
    assert [c.qualifier for c in found] == ["at least", "up to", "more than", "fewer than", "about"]


def test_vague_amount_is_approximate_with_bounds(nlp):
    (c,) = claims_of(nlp, "Several dozen people had been killed.")
    assert (c.qualifier, c.low, c.high, c.predicate) == ("approximate-vague", 24, 99, "killed")


@pytest.mark.parametrize(
    "text",
    [
        "The four-day crisis ended in 2013.",  # duration, year
        "He waited 36 hours before the second round.",  # duration, ordinal
        "On January 18, 2013 they met.",  # date
        "The 1990s civil war was long.",  # decade
        "One dealer said it leads one to believe the worst.",  # pronoun 'one'
        "Le Drian told France-5 TV the town was not retaken.",  # name
        "The slick was 25 times larger.",  # ratio
        "A man aged 45 was held.",  # age
    ],
)
def test_things_that_count_nothing(nlp, text):
    assert claims_of(nlp, text) == []


def test_one_counts_in_a_list_and_after_at_least(nlp):
    found = claims_of(nlp, "The militants gave a breakdown of three Belgians, two Americans, one Japanese and a Briton. "
                           "At least one American was confirmed dead.")
    assert [c.value for c in found] == [3, 2, 1, 1, 1]
    assert found[-1].qualifier == "at least"


def test_pledged_counts_keep_their_predicate(nlp):
    found = claims_of(nlp, "France said that 2,000 of the 2,500 troops it had pledged were now on the ground in Mali.")
    assert [(c.value, c.predicate) for c in found] == [(2000, "deployed"), (2500, "pledged")]
    assert found[0].counts == "troops"


def test_part_of_whole(nlp):
    found = claims_of(nlp, "BP's chief executive Bob Dudley said on Saturday four of its 18 workers at the site were missing.")
    assert [(c.value, c.predicate) for c in found] == [(4, "missing"), (18, "total")]
    assert found[0].attribution.endswith("Bob Dudley")


def test_according_to_and_cited_by(nlp):
    (a, b) = claims_of(nlp, "According to a preliminary government toll, 23 captives and 32 kidnappers were killed.")
    assert a.attribution == b.attribution == "a preliminary government toll"
    (c,) = claims_of(nlp, "The gunmen, cited by Mauritania's ANI news agency, were still holding seven hostages.")
    assert c.predicate == "held"


def test_money_and_percent_are_their_own_kind(nlp):
    found = claims_of(nlp, "Shares fell 1.3 percent to 618.5 pence after a $87m fine.")
    assert [(c.kind, c.unit) for c in found] == [("percent", "%"), ("money", "pence"), ("money", "USD")]


def test_measures_and_rates(nlp):
    found = claims_of(nlp, "As much as 1,000 barrels (42,000 gallons) of crude a day leaked in 5,000 ft of water.")
    assert [(c.value, c.unit) for c in found] == [(1000, "barrels/day"), (42000, "gallons/day"), (5000, "ft")]


def test_every_span_slices_back_to_its_text(nlp):
    text = "Seven foreign hostages and 11 Al Qaeda-linked gunmen were killed on Saturday, a source said."
    for c in claims_of(nlp, text):
        assert text[c.span.start : c.span.end] == c.text
        assert c.number is not None and c.span.start <= c.number.start < c.number.end <= c.span.end
        assert c.sentence is not None and text[c.sentence.start : c.sentence.end].startswith("Seven")


def test_as_of_from_weekday_in_the_sentence(nlp):
    found = claims_of(nlp, "They took up to 41 foreign workers hostage in a dawn assault on Wednesday. "
                           "Yesterday 23 hostages were killed.")
    assert [c.as_of for c in found] == [date(2013, 1, 16), date(2013, 1, 18)]


def test_weekday_resolution():
    assert weekday_before(SATURDAY, 5) == SATURDAY  # "on Saturday" in a Saturday article is that day
    assert weekday_before(SATURDAY, 2) == date(2013, 1, 16)
    assert resolve_word(["last", "night"], 0, SATURDAY) == date(2013, 1, 18)
    assert resolve_word(["today"], 0, SATURDAY) == SATURDAY
    assert resolve_word(["march"], 0, SATURDAY) is None
    assert resolve_word(["a", "day", "after"], 1, SATURDAY) == date(2013, 1, 18)
    # Deepwater Horizon: "1,000 barrels ... of oil is leaking each day after studying ..." is a rate
    assert resolve_word(["leaking", "each", "day", "after"], 2, SATURDAY) is None
    assert resolve_word(["barrels", "of", "oil", "a", "day", "after"], 4, SATURDAY) is None


def test_as_of_prefers_the_nearest_time_word_and_falls_back_to_publication():
    words = "on friday officials said 30 were held before saturday".split()
    assert as_of(words, 4, SATURDAY) == date(2013, 1, 18)
    assert as_of(["nothing", "here"], 0, SATURDAY) == SATURDAY
    assert as_of(["nothing"], 0, None) is None


def test_past_period_marks_another_events_count(nlp):
    doc = nlp("A 2005 explosion at Texas City killed 15 people.")
    assert past_period(doc[:], date(2010, 4, 23)) == "2005"
    assert past_period(doc[:], date(2005, 6, 1)) is None
    assert past_period(nlp("A civil war in the 1990s claimed 200,000 lives.")[:], date(2013, 1, 19)) == "1990s"


def test_count_inside_a_relation_is_not_the_subject(nlp):
    (c,) = claims_of(nlp, "Relatives of three missing miners filed lawsuits on Monday.")
    assert c.predicate is None and c.counts == "missing miners"


def test_on_board_is_aboard(nlp):
    (c,) = claims_of(nlp, "The ferry left port with 40 sailors on board.")
    assert c.predicate == "aboard"


def test_others_take_the_class_of_the_count_before(nlp):
    found = claims_of(nlp, "Statoil said two Norwegians have been found alive but six others remain unaccounted for.")
    assert [(c.value, c.predicate) for c in found] == [(2, "found"), (6, "missing")]
    assert "norwegians" in found[1].counts


def test_conjoined_verbs_keep_their_own_predicate(nlp):
    found = claims_of(nlp, "Nine sailors were injured and taken for treatment, and more than 80 were evacuated.")
    assert [(c.value, c.predicate) for c in found] == [(9, "injured"), (80, "escaped")]


def test_money_without_a_thousands_separator_is_not_a_year(nlp):
    """"$1000" was dropped as the year 1000; a bare 1500 still is a year."""
    found = claims_of(nlp, "The fine rose to $1000 and a €1500 fee. The church was built in 1500.")
    assert [(c.value, c.kind, c.unit) for c in found] == [(1000, "money", "USD"), (1500, "money", "EUR")]


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("The newborn weighs 17 pounds.", "measure", "lb"),  # a weighing verb
        ("An 18-pound device was found.", "measure", "lb"),  # a hyphenated modifier of a thing
        ("Crews pumped 50,000 pounds of mud.", "measure", "lb"),  # pounds of a substance
        ("The valve held 1,400 pounds per square inch.", "measure", "psi"),  # a pressure
        ("He paid 17 pounds sterling.", "money", "GBP"),
        ("She found a 10-pound note.", "money", "GBP"),  # a hyphenated modifier of money
        ("The council spent 2 million pounds of taxpayers' money.", "money", "GBP"),
        ("He won 500 pounds.", "money", "GBP"),  # nothing says weight: the currency
    ],
)
def test_pound_is_a_weight_or_money_from_the_parse(nlp, text, kind, unit):
    (c,) = claims_of(nlp, text)
    assert (c.kind, c.unit) == (kind, unit)


def test_an_age_is_not_a_count(nlp):
    from newsfuse.figures.claim_filters import not_a_count
    from newsfuse.figures.numbers import find_quantities

    doc = nlp("A 23-year-old man was arrested.")
    (q,) = find_quantities(doc)
    assert not_a_count(doc, q) == "age"


@pytest.mark.parametrize("text", [
    "Police said he was shot two blocks away.",
    "A cafe two blocks from the scene gave police its video.",
    "She lived three doors down from the victim.",
])
def test_things_counted_to_say_how_far_are_a_distance(nlp, text):
    """'two blocks away' measures a distance; it was read as two blocks 'killed'."""
    (c,) = claims_of(nlp, text)
    assert c.kind == "measure" and c.unit.endswith("s")


def test_blocks_that_are_counted_stay_a_count(nlp):
    (c,) = claims_of(nlp, "Fire destroyed two blocks of homes.")
    assert c.kind == "count"


def test_a_past_year_scopes_only_the_claim_in_its_clause(nlp):
    """'grown to nearly 19 million gallons, surpassing the 1989 spill, which at about 11 million gallons ...':
    the 1989 is the 11 million's period; the 19 million is this story's."""
    found = claims_of(nlp, "The leak has grown to nearly 19 million gallons, surpassing the 1989 Exxon Valdez "
                           "disaster, which at about 11 million gallons had been the worst spill.", date(2010, 5, 26))
    assert [(c.value, c.scope) for c in found] == [(19e6, None), (11e6, "1989")]
    (c,) = claims_of(nlp, "Fifteen people died in a 2005 explosion at the refinery.", date(2010, 4, 23))
    assert c.scope == "2005"


def test_a_total_since_a_past_year_keeps_that_scope_wherever_the_parser_hangs_it(nlp):
    (c, *_) = claims_of(nlp, "The agency had reported 509 fires, resulting in two deaths, on rigs in the Gulf since 2006.",
                        date(2010, 4, 23))
    assert (c.value, c.scope) == (509, "2006")


def test_a_past_year_on_the_counted_noun_s_own_modifier_scopes_it(nlp):
    (c, d) = claims_of(nlp, "Parents of 13 of the 20 children killed in the December 2012 shooting have sued.",
                       date(2014, 12, 20))
    assert (d.value, d.scope) == (20, "2012")


def test_time_hints_of_all_sources_in_one_pass_are_each_sources_own():
    """``_time_hints`` reads every time expression once for all sources; each source's hints are
    those of the old per-source pass (the reference below): its own full dates, in order, later
    ones at the same offset winning, malformed values skipped."""
    import dataclasses

    from newsfuse.figures.claims import _time_hints
    from newsfuse.model import Briefing, Span, TimeExpression

    times = tuple(TimeExpression(Span(sid, start, start + 4), "x", kind, value) for sid, start, kind, value in [
        ("a", 10, "DATE", "2010-04-20"), ("b", 5, "DATE", "2010-05-01"), ("a", 3, "DATE", "2010-04-21"),
        ("a", 10, "DATE", "2010-04-22"), ("b", 7, "TIME", "2010-05-01"), ("a", 30, "DATE", "2010-04"),
        ("b", 9, "DATE", "2010-13-01"), ("c", 1, "DATE", None)])
    briefing = dataclasses.replace(Briefing(), times=times)

    def one_source(sid):
        hints = {}
        for t in times:
            if t.span.source == sid and t.type == "DATE" and t.value and len(t.value) == 10:
                try:
                    hints[t.span.start] = date.fromisoformat(t.value)
                except ValueError:
                    continue
        return hints

    found = _time_hints(briefing)
    for sid in "abcd":
        assert list(found.get(sid, {}).items()) == list(one_source(sid).items())
    assert list(found["a"]) == [10, 3]
