"""Issue 11, twentieth stop: whose a number is when it sits in a clause that glosses a noun (made-up
sentences of the shapes read-split sayers took for a background count)."""

from __future__ import annotations

from claim_sentences import one_claim


def test_a_clause_on_the_thing_an_event_happened_to_says_which_event(nlp):
    text = ("The chief executive said the firm would stay after the explosion of the oil rig that caused "
            "a crisis and left 11 workers dead.")
    assert one_claim(nlp, text, 11).attribution is None
    text = "Investigators said cement caused an explosion on the rig that killed 11 workers."
    assert one_claim(nlp, text, 11).attribution is None


def test_a_set_off_where_clause_is_the_writers_gloss(nlp):
    text = "The lawyer said risks had grown on the rig, where 11 workers died in the April explosion."
    assert one_claim(nlp, text, 11).attribution is None
    # a restrictive clause is part of what the sayer says
    assert one_claim(nlp, "Police said the gunman killed 12 people.", 12).attribution == "Police"


def test_a_rampage_is_an_event(nlp):
    text = "A judge found a former employee guilty of murder in a workplace rampage that left two women dead."
    assert one_claim(nlp, text, 2).attribution is None
