"""Issue 11, eighth stop: who says a number (made-up sentences, same shapes as a read story's failure)."""

from __future__ import annotations

from figures.test_claims_round4 import by_text, parsed


def test_claiming_a_thing_is_winning_it_not_saying_it(nlp):
    claims = parsed(nlp, "a", "The film ended the evening with six wins, while its rival claimed three awards. "
                              "The storm claimed 20 lives across the region.")
    assert by_text(claims, "three").attribution is None
    assert by_text(claims, "20").attribution is None


def test_claiming_with_a_reported_clause_is_saying(nlp):
    claims = parsed(nlp, "a", "The company claims the tube is collecting more than 42,000 gallons a day. "
                              "The group claimed that 30 soldiers had been killed.")
    assert by_text(claims, "42,000").attribution == "The company"
    assert by_text(claims, "30").attribution == "The group"


def test_a_measure_naming_no_event_never_bridges_two_events(nlp):
    from figures.test_claims_round4 import shown

    figs = shown(nlp, {
        "a": "Ships have collected about 800,000 barrels of oil from the sea.",
        "b": "Nearly 5 million barrels of oil leaked from the well.",
        "c": "That leaves 5 million barrels of oil and 800,000 barrels of oil.",
    })
    for f in figs:
        values = {v.value for v in f.values}
        assert not {800_000.0, 5_000_000.0} <= values, f"{f.label}: collected and leaked in one figure"


def test_the_outer_verb_of_saying_is_the_source(nlp):
    claims = parsed(nlp, "a", "Police said John Smith, 61, surrendered to officers on Sunday, the CBC reported.")
    assert by_text(claims, "61").attribution == "the CBC"


def test_he_is_a_person_not_the_ship_named_last(nlp):
    claims = parsed(nlp, "a", '"The pirates surrendered quite easily," said an officer of the navy. '
                              '"The 23 pirates were taken on board INS Mysore, which will resume its patrol," he added.')
    assert by_text(claims, "23").attribution == "an officer of the navy"
