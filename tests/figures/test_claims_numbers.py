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


def test_fractions_of_a_scale_are_read(nlp):
    """"half a million" was read as a million, "a quarter of a billion" as a billion, "a half-trillion" not at all."""
    found = _quantities(nlp, "The city spent half a million dollars, owes a half-trillion in bonds, raised a quarter "
                             "of a billion pounds and sent half a dozen boats. Half the town left.")
    assert ("half a million", 5e5, None, None) in found
    assert ("a half-trillion", 5e11, None, None) in found
    assert ("a quarter of a billion", 2.5e8, None, None) in found
    assert ("half a dozen", 6, None, None) in found
    assert not any(text.startswith("Half") for text, *_ in found)  # a fraction with no scale is no amount


def test_a_scale_written_once_applies_to_both_ends_of_a_range(nlp):
    """"300 to 400 billion" is 300 billion to 400 billion, not 300 to 400 billion; "500 to 2 million" keeps 500."""
    found = _quantities(nlp, "Repairs cost 300 to 400 billion dollars and 500 to 2 million people moved.")
    assert ("300 to 400 billion", None, 3e11, 4e11) in found
    assert ("500 to 2 million", None, 500, 2e6) in found


def test_a_range_that_repeats_the_currency_sign_is_one_quantity(nlp):
    """spaCy keeps "300-$400" as one token and splits "$300 to $400": both are one range of money."""
    found = _quantities(nlp, "The plan costs $300-$400 billion. The bill came to $300 to $400 billion. "
                             "They raised £1.5m-£2m for it.")
    assert found.count(("300-$400 billion", None, 3e11, 4e11)) == 1
    assert ("300 to $400 billion", None, 3e11, 4e11) in found
    assert ("1.5m-£2m", None, 1.5e6, 2e6) in found
