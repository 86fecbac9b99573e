"""Issue 12, sixteenth stop: what a sentence presupposes ("such an agency", "Other hits", "At the time,",
"The search for them"), a page's header block that ends in a
photo credit, and a ticker a page broke over two lines (made-up sentences, the shapes of the read
splits' failures)."""

from __future__ import annotations

import pytest

from newsfuse.clean.boilerplate import header_block_end
from newsfuse.clean.text import clean_text
from newsfuse.config import DEFAULT_MODEL
from newsfuse.model import Removal
from newsfuse.nlp.load import load_nlp
from newsfuse.summary.standalone import judge


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(DEFAULT_MODEL)


@pytest.mark.parametrize("text", [
    "The ministry plans to propose such an agency next month as part of its reform plan.",
    "Other cities included Leeds and Bristol in the list of finalists.",
    "The other known carriers of the virus include two species of bat.",
    "At the time, most members of the council supported the plan.",
    "The search for them has been called off.",
    "A photo of her was released by police on Monday.",
])
def test_a_sentence_that_presupposes_one_told_before_does_not_stand_alone(nlp, text):
    verdict = judge(nlp(text)[:])
    assert verdict.skip and verdict.back


@pytest.mark.parametrize("text", [
    "The storm was such a surprise that residents fled their homes overnight.",
    "Crops such as wheat and barley were damaged by the flooding, officials said.",
    "Police searched for them overnight in the hills above the town.",
    "Officials said the fire spread to other buildings on the same street.",
])
def test_a_sentence_that_says_what_it_means_stands_alone(nlp, text):
    assert not judge(nlp(text)[:]).skip


def test_a_photo_credit_near_the_top_ends_the_page_header():
    extracted = ("Ferry sinks off the coast Dozens are missing after the ferry capsized in a storm A rescue boat "
                 "near the harbour.\nPhotograph: Jane Roe/AP Rescuers searched the sea on Tuesday for dozens of "
                 "passengers missing after a ferry capsized.\nThe ferry was carrying 300 people.")
    start = extracted.index("Photograph")
    credit = Removal(start, start + len("Photograph: Jane Roe/AP "), "photo credit", "Photograph: Jane Roe/AP ")
    text = extracted[: start] + extracted[credit.end :]
    body = header_block_end(text, extracted, [credit])
    assert text[body:].startswith("Rescuers searched the sea")


def test_a_credit_far_down_the_page_ends_no_header():
    lines = [f"Paragraph {n} of the report says something about the storm." for n in range(6)]
    extracted = "\n".join(lines) + "\nPhotograph: Jane Roe/AP Rescuers searched the sea on Tuesday."
    start = extracted.index("Photograph")
    credit = Removal(start, start + len("Photograph: Jane Roe/AP "), "photo credit", "Photograph: Jane Roe/AP ")
    text = extracted[: start] + extracted[credit.end :]
    assert header_block_end(text, extracted, [credit]) == 0


def test_a_ticker_broken_over_two_lines_is_mended():
    cleaned = clean_text("LONDON (Reuters) - Shares in Acme Plc (ACME.\nL) fell 5 percent on Tuesday after the "
                         "company cut its forecast.\nThe company said demand had weakened.")
    assert "Acme Plc (ACME.L) fell 5 percent" in cleaned.text
