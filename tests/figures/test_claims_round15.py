"""Issue 11, fifteenth stop: a vague amount with a scale word and the source of a revised estimate
(made-up sentences, the shapes of the report15 split's wrong claims)."""

from __future__ import annotations

import pytest

from claim_sentences import one_claim


@pytest.mark.parametrize("text", [
    "In addition, the company faces several hundred lawsuits.",
    "Several thousand people marched through the capital on Sunday.",
])
def test_several_with_a_scale_word_is_vague_not_exact(nlp, text):
    assert one_claim(nlp, text).qualifier == "approximate-vague"


def test_a_range_written_with_its_numbers_stays_a_range(nlp):
    c = one_claim(nlp, "Between 200 and 300 people were evacuated from the coast.")
    assert (c.low, c.high, c.qualifier) == (200, 300, "exact")


@pytest.mark.parametrize(("text", "sayer"), [
    ("By early May, the administration had revised its estimate upwards to 5,000 barrels a day.", "the administration"),
    ("The health ministry raised the toll to 48 on Sunday.", "The health ministry"),
])
def test_who_revises_an_estimate_gives_the_new_value(nlp, text, sayer):
    assert one_claim(nlp, text).attribution == sayer


def test_cutting_a_number_is_doing_not_saying(nlp):
    assert one_claim(nlp, "The company cut the number of staff by 500 last year.", 500).attribution is None
