"""Issue 11: what kind of statement a number is in, where it applies, and numbers that name, not count.

Sentences are made up, in the shapes the issue lists (hypotheticals, forecasts, rates,
increments, other places, disputing sayers, addresses and phone numbers).
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from newsfuse.figures.align import build_figures
from newsfuse.figures.claims import doc_claims
from newsfuse.nlp.sentences import doc_sentences

DAY = date(2020, 3, 4)


def claims_of(nlp, text, source="s"):
    doc = nlp(text)
    return doc_claims(source, doc, doc_sentences(source, doc), DAY)


def only(nlp, text):
    (claim,) = claims_of(nlp, text)
    return claim


@pytest.mark.parametrize("text, modality", [
    ("Officials warned that thousands of people would die if the dam failed.", "hypothetical"),
    ("The outbreak may be linked to 30 deaths, officials said.", "hypothetical"),
    ("The agency aims to vaccinate 60,000 residents.", "forecast"),
    ("Forecasters are predicting that 20,000 people will flee the coast.", "forecast"),
    ("Malaria kills about 400,000 people a year.", "generic"),
    ("Another 30 people were evacuated on Tuesday.", "increment"),
    ("Two other men were arrested last week.", "increment"),
    ("No fewer than 12 people were killed in the blast, police said.", "asserted"),
])
def test_modality(nlp, text, modality):
    assert only(nlp, text).modality == modality


def test_place_scope(nlp):
    claim = only(nlp, "Police said 12 people were killed in Lima on Monday.")
    assert claim.place == "in Lima" and claim.modality == "asserted"


def test_a_disputing_sayer_is_not_the_source(nlp):
    claim = only(nlp, "The ministry denied that 800 people had died in the clashes.")
    assert claim.disputed_by == "The ministry" and claim.attribution is None


def test_a_quote_continued_in_the_next_sentence_keeps_its_speaker(nlp):
    found = claims_of(nlp, '"The cell turned 57 percent of the gas into fuel," Kanan said. '
                           '"That means 57 percent of the current went into fuel."')
    assert [c.attribution for c in found] == ["Kanan", "Kanan"]



def test_a_quote_left_open_at_a_line_end_is_said_where_it_closes(nlp):
    # One sentence per line (ECB+): the quotation runs on to the next line, which closes it and names
    # the speaker (report6 split).
    found = claims_of(nlp, 'The navy acted fast.\n"The three boats had a total of 26 Somali crew on board.\n'
                           'During the operation, six rifles were found," the officer said.')
    assert next(c for c in found if c.text.startswith("26")).attribution == "the officer"


def test_saying_in_a_clause_of_its_own_does_not_source_the_sentence(nlp):
    # "where police say he was uncooperative" speaks for its own clause, not for the man's age.
    found = claims_of(nlp, "Anthony LaSalle, 36, of Bloomington, was pulled over a few blocks away, "
                           "where police say he was uncooperative.")
    assert next(c for c in found if c.text.startswith("36")).attribution is None


@pytest.mark.parametrize("text", [
    "Let's flip Congress in '18.",
    "He was shot in the 3300 block of Florence Avenue.",
    "His family called 911 at once.",
    "She starred in How to Train Your Dragon 2 last year.",
    "The researchers propose a two-step process.",
])
def test_numbers_that_name_are_not_claims(nlp, text):
    assert claims_of(nlp, text) == []


def test_hedge_before_a_currency_sign(nlp):
    assert only(nlp, "Dispensaries made about $3 million in sales.").qualifier == "about"


@pytest.mark.parametrize("a_text, b_text", [
    # Equal values alone never group: a hypothetical 30 and an asserted 30; 3 in two places.
    ("Officials said 30 people would die if the levee broke. Three people died in Lima.",
     "Thirty people died on Tuesday. Three people died in Quito."),
    # '8,000 killed in the year-long uprising' and '27 killed on Saturday' are different quantities.
    ("The UN says more than 8,000 people have been killed in the year-long uprising.",
     "Bombs killed 27 people on Saturday."),
])
def test_different_quantities_never_group(nlp, a_text, b_text):
    figures = build_figures(claims_of(nlp, a_text, "a") + claims_of(nlp, b_text, "b"), (("a",), ("b",)), frozenset(), {})
    assert all(f.status == "single" for f in figures), [(f.label, f.status) for f in figures]


def test_people_arrested_are_not_hostages_unless_the_story_says_so(nlp):
    a = claims_of(nlp, "Police said four people were arrested on Tuesday.", "a")
    b = claims_of(nlp, "Four people were arrested, police said.", "b")
    (fig,) = [f for f in build_figures(a + b, (("a",), ("b",)), frozenset(), {}) if f.status != "single"]
    assert fig.label == "people arrested" and fig.status == "consistent"


def test_another_after_a_different_event_is_a_count_of_its_own(nlp):
    """'five were shot dead and another 60 were injured': 60 injured, not 60 more injured (tune half, Egypt)."""
    five, sixty = claims_of(nlp, "A doctor said five people were killed and another 60 were injured.")
    assert sixty.predicate == "injured" and sixty.modality == "asserted"
    first, second = claims_of(nlp, "Police arrested three men on Monday. Two other men were arrested on Friday.")
    assert second.modality == "increment"


def test_a_named_area_is_the_count_s_place(nlp):
    """'in the Idlib area', 'in the city of Aleppo': the name, not the common noun, scopes the count."""
    found = claims_of(nlp, "Activists said 15 people had been killed in the Idlib area, nine in the Marrat area. "
                           "Four people were killed in the city of Aleppo.")
    assert [c.place for c in found] == ["in Idlib", "in Marrat", "in Aleppo"]


@pytest.mark.parametrize(("text", "scope"), [
    ("Activists estimate that 9,000 people have been killed since the crackdown began.", "since the crackdown began"),
    ("Rebels have so far killed more than 2,000 soldiers.", "so far"),
    ("The UN says 8,000 people have been killed in the year-long uprising.", "in the year-long uprising"),
    ("The group said 5,000 people have died since March.", "since March"),
])
def test_a_running_total_has_a_scope_of_its_own(nlp, text, scope):
    assert only(nlp, text).scope == scope


def test_a_breakdown_in_one_sentence_is_not_a_rival_total(nlp):
    """'47 corpses in one area and 17 in another' against '68 corpses': parts, not a dispute."""
    a = claims_of(nlp, "Residents found 47 corpses in one area and 17 in a second one, activists said.", "a")
    b = claims_of(nlp, "A total of 68 corpses were found, the observatory said.", "b")
    figures = build_figures(a + b, (("a",), ("b",)), frozenset(), {})
    assert not any(f.status == "conflict" for f in figures), [(f.label, f.status, f.reasons) for f in figures]


def test_a_state_since_a_moment_is_no_running_total(nlp):
    """'11 workers missing since the blast' is how many are missing now: no scope of its own."""
    assert only(nlp, "Crews searched for the 11 workers missing since the blast.").scope is None


def test_the_place_of_the_clause_that_says_how_a_count_came_about(nlp):
    """'wounded when a shell struck a gathering in Homs' scopes the count to Homs; a toll with no place stays apart."""
    assert only(nlp, "Twenty people were wounded when a shell struck a rally in Lima, the group said.").place == "in Lima"


def test_a_place_on_the_subject_of_the_count_s_verb(nlp):
    """'Three bombings in Lima killed 27 people': the bombs' place is the toll's."""
    assert only(nlp, "On Saturday, bombings in Lima killed 27 people.").place == "in Lima"


@pytest.mark.parametrize("text, value, qualifier", [
    ("He said the images gave a leak estimate of 26,000 barrels a day minimum.", 26000, "at least"),
    ("1,000 or more people were evacuated on Tuesday.", 1000, "at least"),
    ("The storm cut power to 40 homes or so.", 40, "about"),
    ("About 2,000 people fled, at least one of them a child.", 2000, "about"),
    ("The 15 minimum-wage workers were laid off.", 15, "exact"),
])
def test_a_hedge_written_after_the_number(nlp, text, value, qualifier):
    claim = next(c for c in claims_of(nlp, text) if c.value == value)
    assert claim.qualifier == qualifier
    assert "or" not in claim.counts.split()


def test_a_campaign_s_count_is_its_running_total(nlp):
    """'have now died in the crackdown' counts the whole campaign, not the day's attack (report7 split, Syria)."""
    total = only(nlp, "The UN says more than 7,500 people have now died in the crackdown.")
    day = only(nlp, "At least 144 people were killed on Monday, activists said.")
    assert total.scope == "in the crackdown" and day.scope is None
    figures = build_figures([total] + [dataclasses.replace(day, span=dataclasses.replace(day.span, source="b"))],
                            (("s",), ("b",)), frozenset(), {})
    assert not any(f.status == "conflict" for f in figures)


def test_a_part_of_the_period_is_never_compared_with_a_total(nlp):
    """'half a million barrels during the first month' against 'more than 4 million barrels' in all: a part,
    not a dispute (report7 split); two parts of the same period still are compared."""
    part = only(nlp, "The well pumped out around half a million barrels of oil during the first month.")
    assert part.period == "during the first month"
    whole = claims_of(nlp, "The well pumped out more than 4 million barrels of oil.", "b")
    figures = build_figures([part] + whole, (("s",), ("b",)), frozenset(), {})
    assert not any(f.status == "conflict" for f in figures), [(f.label, f.status, f.reasons) for f in figures]
    other_part = claims_of(nlp, "The well pumped out 2 million barrels of oil during the first month.", "b")
    figures = build_figures([part] + other_part, (("s",), ("b",)), frozenset(), {})
    assert any(f.status == "conflict" for f in figures), [(f.label, f.status, f.reasons) for f in figures]


def test_a_part_is_read_on_its_own_clause_only(nlp):
    first, second = claims_of(nlp, "Officials said 12 people were killed in the first week, and 300 have died since.")
    assert first.period == "in the first week" and second.period is None


def test_a_part_of_the_period_is_a_figure_of_its_own(nlp):
    """Shown in the total's figure, the first month's leak read as one more estimate of the total (report16)."""
    part = claims_of(nlp, "The well pumped out about 500,000 barrels of oil during the first month.", "a")
    whole = claims_of(nlp, "The well pumped out 4.9 million barrels of oil.", "b") \
        + claims_of(nlp, "The well pumped out 4.9 million barrels of oil, officials said.", "c")
    figures = build_figures(part + whole, (("a",), ("b",), ("c",)), frozenset(), {})
    together = [f for f in figures if len(f.values) > 1]
    assert not together, [(f.label, [v.value for v in f.values]) for f in together]
    same = claims_of(nlp, "The well pumped out 4.9 million barrels of oil during the first month.", "a")
    figures = build_figures(same + whole, (("a",), ("b",), ("c",)), frozenset(), {})
    assert any(len(f.values) == 1 and len(f.values[0].sources) == 3 for f in figures)
