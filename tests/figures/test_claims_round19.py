"""Issue 11, nineteenth stop: the place an event noun names scopes its count (made-up sentences of the
shapes a count of one city takes beside a story-wide toll)."""

from __future__ import annotations

from claim_sentences import one_claim


def test_a_place_on_the_event_scopes_the_count(nlp):
    assert one_claim(nlp, "The Nairobi blast killed 74 people.", 74).place == "in Nairobi"
    text = "The embassy in Dar es Salaam was hit. Seven people died in the Dar es Salaam explosion."
    assert one_claim(nlp, text, 7).place == "in Dar es Salaam"
    text = "The Deepwater Horizon explosion killed 11 workers on the rig."  # a rig's name, no place
    assert one_claim(nlp, text, 11).place is None
    text = "Oil has poured into the sea since the Deepwater Horizon explosion killed 11 people on 12 April."
    assert one_claim(nlp, text, 11).place is None
    text = "At least four people were killed in an explosion near the American embassy in Dar es Salaam."
    assert one_claim(nlp, text, 4).place == "in Dar es Salaam"


def test_a_participle_takes_the_place_of_its_clause(nlp):
    text = "A massive blast damaged the U.S. embassy in Nairobi, killing 40 people."
    assert one_claim(nlp, text, 40).place == "in Nairobi"


def test_a_place_before_an_agent_is_whose_it_is_not_where(nlp):
    assert one_claim(nlp, "The Syrian army killed 30 rebels.", 30).place is None
    assert one_claim(nlp, "The bombings killed 224 people.", 224).place is None


def test_people_and_attackers_are_no_synonyms_by_an_equal_count():
    """Nineteenth stop: equal counts of people and of rebels killed do not make them one class; through
    "people", every civilian count joined the attackers' figure (report7)."""
    from newsfuse.figures.classes import CountedClass, _compatible

    assert not _compatible(CountedClass(None, "person"), CountedClass(None, "attacker"))
    assert _compatible(CountedClass("foreign", "attacker"), CountedClass(None, "attacker"))


def test_a_clause_that_says_which_event_is_no_sayers(nlp):
    """Nineteenth stop: "the explosion that killed 11 workers" identifies the event in the writer's words;
    the sentence's sayer says something else (five read-split sayers of the eleven dead)."""
    text = "Bob Dudley said BP would learn lessons from the explosion that killed 11 workers."
    assert one_claim(nlp, text, 11).attribution is None
    assert one_claim(nlp, "Police said the blast killed 40 people.", 40).attribution == "Police"


def test_counts_of_two_named_days_are_two_figures():
    """Nineteenth stop: undated reports' counts dated to different days are never compared, so they are
    not shown together as agreeing (report7: Saturday's 27 dead in Monday's figure)."""
    from newsfuse.figures.align import _split_days
    from newsfuse.model import Claim, Span

    texts = {"a": "Car bombs ripped through the city on Saturday, killing 27 people.",
             "b": "On Monday, 3 people were killed in the clashes.", "c": "At least 9 people were killed."}

    def claim(sid, number):
        text = texts[sid]
        at = text.index(number)
        return Claim(sid, Span(sid, at, at + len(number)), number, float(number), "exact", "people", predicate="killed",
                     number=Span(sid, at, at + len(number)), sentence=Span(sid, 0, len(text)))

    keyed = {("count", "", "person", "killed"): [claim("a", "27"), claim("b", "3"), claim("c", "9")]}
    _split_days(keyed, texts, "monday")
    assert sorted(sorted(c.value for c in cs) for cs in keyed.values()) == [[3.0, 9.0], [27.0]]
