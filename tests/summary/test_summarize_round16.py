"""Issue 12, sixteenth stop: a page's header block that ends in a photo credit, and a ticker a page broke
over two lines (made-up texts, the shapes of the read splits' failures). What else presupposes a sentence
told before ("such an agency", "Other hits", "At the time,", "The search for them") is tested beside the
fifteenth stop's bare definites (``test_summarize_round15``)."""

from __future__ import annotations

from newsfuse.clean.boilerplate import header_block_end
from newsfuse.clean.text import clean_text
from newsfuse.model import Removal


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
