"""Numerals: values, scale words, ranges, vague amounts (figures/numbers.py)."""

from __future__ import annotations

import pytest

from newsfuse.figures.numbers import find_quantities, word_value


@pytest.mark.parametrize(
    ("text", "value"),
    [("2,000", 2000), ("seven", 7), ("Eleven", 11), ("twenty-five", 25), ("1.3", 1.3), ("87m", 87e6), ("a", None), ("sixth", None)],
)
def test_word_value(text, value):
    assert word_value(text) == value


def _quantities(nlp, text):
    doc = nlp(text)
    return [(doc[q.start : q.end].text, q.value, q.low, q.high) for q in find_quantities(doc)]


def test_scale_words_and_a_dozen(nlp):
    found = _quantities(nlp, "They launched a dozen strikes and moved 11 million gallons and two hundred troops.")
    assert ("a dozen", 12, None, None) in found
    assert ("11 million", 11e6, None, None) in found
    assert ("two hundred", 200, None, None) in found


def test_a_hyphenated_compound_is_one_number(nlp):
    """spaCy splits "Twenty-one" at the hyphen; it was read as 20 (bench/number_words.py found it)."""
    found = _quantities(nlp, "Twenty-one people were killed and forty-five were hurt; 20 - 25 boats came.")
    assert ("Twenty-one", 21, None, None) in found
    assert ("forty-five", 45, None, None) in found
    assert ("20 - 25", None, 20, 25) in found


def test_vague_amounts_carry_bounds(nlp):
    found = _quantities(nlp, "Scores of Westerners and hundreds of Algerians; several dozen people were killed.")
    assert ("Scores", None, 40, 199) in found
    assert ("hundreds", None, 200, 999) in found
    assert ("several dozen", None, 24, 99) in found


def test_ranges_are_one_quantity(nlp):
    found = _quantities(nlp, "Between 10 and 20 people were hurt; 30 to 40 boats came.")
    assert ("10 and 20", None, 10, 20) in found
    assert ("30 to 40", None, 30, 40) in found


def test_glued_m_is_million_with_currency_but_metres_in_a_conversion(nlp):
    found = _quantities(nlp, "BP was fined $87m. The rig was 396ft (120m) long.")
    values = [v for _, v, _, _ in found]
    assert 87e6 in values  # "$87m." at a full stop: spaCy splits it "87" + "m."
    assert 120 in values and 120e6 not in values


def test_ordinals_are_not_quantities(nlp):
    assert _quantities(nlp, "The second round found a sixth militant.") == []
