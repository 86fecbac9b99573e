"""The one number-word table (resources/number_words.toml) says why for every choice and reads the same everywhere."""

from __future__ import annotations

import tomllib
from importlib import resources

from newsfuse.figures.numbers import SEVERAL, VAGUE, word_value
from newsfuse.words import NUMBER_WORDS, SCALES, VAGUE_RANGES, number_value


def _table() -> dict:
    return tomllib.loads(resources.files("newsfuse").joinpath("resources/number_words.toml").read_text(encoding="utf-8"))


def test_every_scale_and_vague_amount_says_why() -> None:
    table = _table()
    for section in ("scale", "vague", "fraction"):
        for word, entry in table[section].items():
            assert entry.get("why", "").strip(), f"{section}.{word} has no reason"


def test_ranges_are_ordered_and_scores_stay_below_hundreds() -> None:
    assert all(low < high for low, high in VAGUE_RANGES.values())
    assert VAGUE["scores"][1] < VAGUE["hundreds"][0]


def test_claims_and_time_expressions_read_the_same_table() -> None:
    assert SEVERAL["dozen"] == VAGUE["dozens"] == VAGUE_RANGES["several dozen"]
    assert word_value("twenty-five") == number_value("twenty-five") == 25
    assert NUMBER_WORDS["several"] is None and number_value("a few") is None
    assert SCALES["dozen"] * word_value("two") == 24
