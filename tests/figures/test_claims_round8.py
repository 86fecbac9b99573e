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
