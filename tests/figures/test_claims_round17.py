"""Issue 11, seventeenth stop: the subject of a death verb with no object is among the dead, not among
those "taking part"; a count inside the source's own description is not the source's (made-up
sentences, the shapes of the report16 split's wrong claims)."""

from __future__ import annotations

from claim_sentences import one_claim, parsed


def test_the_subject_of_died_counts_the_dead(nlp):
    assert one_claim(nlp, "Eleven men died when the rig exploded on Tuesday night.", 11).predicate == "killed"


def test_a_subject_with_an_object_still_takes_part(nlp):
    assert one_claim(nlp, "About 30 gunmen seized the plant on Wednesday.", 30).predicate != "killed"


def test_a_count_in_the_sources_own_description_is_not_its_claim(nlp):
    text = ("The company agreed to pay the firm $850,000 a month, according to the claims facility, which was set up "
            "to compensate victims of the April blowout that killed 11 rig workers.")
    assert one_claim(nlp, text, 11).attribution is None
    assert one_claim(nlp, "The plant employs 700 workers, according to the company.", 700).attribution == "the company"


def test_what_someone_did_to_the_counted_things_is_their_event(nlp):
    text = ("The company argued it should receive credit for the 700,000 barrels of oil which it scooped from the "
            "surface, and it disputes the size of the spill.")
    assert one_claim(nlp, text, 700000).predicate is None
    assert one_claim(nlp, "The 30 hostages whom the gunmen killed were buried on Friday.", 30).predicate == "killed"


def test_the_owner_of_an_estimate_is_its_source(nlp):
    text = ("A lower rate would call into question the government's estimates that the well spewed a total of "
            "4.9 million barrels of oil this summer.")
    assert one_claim(nlp, text, 4900000).attribution == "the government"


def _undated_figures(nlp, texts):
    from newsfuse.figures.align import build_figures
    from newsfuse.figures.claims import doc_claims
    from newsfuse.nlp.sentences import doc_sentences

    claims = []
    for sid, text in texts.items():
        doc = nlp(text)
        claims += doc_claims(sid, doc, doc_sentences(sid, doc), None)  # no publication dates (Multi-News)
    return [f for f in build_figures(claims, tuple((sid,) for sid in texts), frozenset(), texts) if f.status != "single"]


def test_counts_of_different_named_days_are_no_conflict(nlp):
    figs = _undated_figures(nlp, {"a": "As day broke on Tuesday, four people were killed across the country, activists said.",
                                  "b": "At least 125 people were killed across the country on Monday, the network said."})
    assert all(f.status != "conflict" for f in figs)  # nineteenth stop: two figures, not one "consistent"
    same = _undated_figures(nlp, {"a": "Four people were killed across the country on Monday, activists said.",
                                  "b": "At least 125 people were killed across the country on Monday, the network said."})
    assert any(f.status == "conflict" for f in same)


def test_an_undated_count_equal_to_a_dated_one_is_of_that_day(nlp):
    figs = _undated_figures(nlp, {
        "a": "As day broke on Tuesday, four people were killed across the country, activists said.",
        "b": "A total of 125 people were killed across the country, the network said.",
        "c": "At least 125 people were killed across the country on Monday, the committees said.",
    })
    assert figs and all(f.status != "conflict" for f in figs)
    alone = _undated_figures(nlp, {"a": "As day broke on Tuesday, four people were killed across the country, activists said.",
                                   "b": "A total of 125 people were killed across the country, the network said."})
    assert any(f.status == "conflict" for f in alone)  # no day for the 125: a disagreement, as before


# Eighteenth stop: an age after "died at", a preposition that only looks like a hedge, reports that
# name no one (the tune and report9 splits' obituary ages, the read splits' "over two days" read as
# more than two, report17's "according to reports").

def test_an_age_after_died_at_counts_no_one(nlp):
    assert not [c for c in parsed(nlp, "s", "My grandfather died at 86 in 1946, my grandmother at 97.") if c.value == 86]
    assert not [c for c in parsed(nlp, "s", "Singer Devin Lima Dead at 41 After Cancer Battle") if c.value == 41]
    assert one_claim(nlp, "The death toll stood at 48 on Sunday, the ministry said.", 48).value == 48


def test_a_preposition_before_a_number_is_no_hedge(nlp):
    assert one_claim(nlp, "Hansen hit a bank shot over two defenders to break the record.", 2).qualifier == "exact"
    assert one_claim(nlp, "The fire killed over 30 people in the town.", 30).qualifier == "more than"
    assert one_claim(nlp, "Brent crude rose to average over $76 a barrel in the first quarter.", 76).qualifier == "more than"


def test_reports_that_name_no_one_are_no_sayer(nlp):
    assert one_claim(nlp, "Three people were killed, according to reports.", 3).attribution is None
    assert one_claim(nlp, "Five of the men reportedly were workers at the plant.", 5).attribution is None
    assert one_claim(nlp, "Three people were killed, according to the report.", 3).attribution == "the report"


def test_a_sayer_never_runs_across_paragraphs(nlp):
    from newsfuse.figures.claim_roles import one_paragraph

    assert one_paragraph("Greek bank\n\nPolice") == "Police"
    assert one_paragraph("(USA Today article)\n\n") is None
    assert one_paragraph("the police") == "the police"


def test_a_hedge_opening_a_paragraph_is_read(nlp):
    """Nineteenth stop: the parser keeps a paragraph break as a token, and the hedge after it was lost
    ("\n\nMore than 100 people were injured" read as exactly 100)."""
    text = "The embassy was bombed on Friday.\n\nMore than 100 people were injured in the blast."
    assert one_claim(nlp, text, 100).qualifier == "more than"
    assert one_claim(nlp, "Officials spoke.\n\nAt least 82 people were killed.", 82).qualifier == "at least"


def test_the_story_day_dates_the_counts_that_name_none():
    """Nineteenth stop: in undated reports, a count whose sentence names no day is of the day the
    reports are about (the one each names most), so a count recalled from another named day is
    not compared with it."""
    from newsfuse.figures.align import _days_of, story_day

    texts = {"a": "Clashes on Monday. Monday's fighting. Bombs killed 27 on Saturday.",
             "b": "On Monday, three were killed. Monday night was quiet.", "c": "No day here."}
    assert story_day(texts) == "monday"
    assert story_day({"a": "Monday and Sunday.", "b": "Sunday, then Monday."}) is None  # no report's day is clear
    from newsfuse.model import Claim, Span

    def claim(cid, sentence, number):
        at = sentence.index(number)
        return Claim(cid, Span(cid, at, at + len(number)), number, float(number), "exact", "people", predicate="killed",
                     number=Span(cid, at, at + len(number)), sentence=Span(cid, 0, len(sentence)))

    recalled = "Monday's clashes came after car bombs ripped through the city on Saturday, killing 27 people."
    today = "3 people were killed."
    days = _days_of([claim("a", recalled, "27"), claim("b", today, "3")], [recalled, today], "monday")
    assert days == [frozenset({"saturday"}), frozenset({"monday"})]  # nearest day to the 27; the story's day
    both = "The city got 15 inches Wednesday and Thursday, officials said on Friday evening after the storm."
    assert _days_of([claim("c", both, "15")], [both], None) == [frozenset({"wednesday", "thursday"})]
