"""Headline, byline and date line lifted out; broken paragraphs mended; offsets traceable."""

from __future__ import annotations

from newsfuse.clean.text import clean_text

WSWS_LIKE = (
    "\n\nAlgeria hostage crisis ends in bloodbath\n\nAlex Lantier\n21 January 2013\n\n"
    "On Saturday evening, Algerian military forces stormed the gas facility.\n\n"
    "It is the country's supreme\n\nauthorities who will judge such action.\n\n"
    "They launched a dozen strikes by fighter-\n\nbombers in the last 24 hours.\n"
)


def test_header_lifted_as_metadata() -> None:
    cleaned = clean_text(WSWS_LIKE)
    assert cleaned.title == "Algeria hostage crisis ends in bloodbath"
    assert cleaned.date_line == "21 January 2013"
    reasons = {r.reason for r in cleaned.removed}
    assert {"headline", "byline", "date line"} <= reasons
    assert cleaned.text.startswith("On Saturday evening")


def test_byline_with_by_prefix() -> None:
    """A second outlet's byline shape: "By NAME" under the headline."""
    text = "Rig sinks in Gulf\n\nBy Kristen Hays\n\nAn oil rig sank on Thursday after burning for 36 hours.\n\nOfficials said 11 workers were missing.\n"
    cleaned = clean_text(text)
    assert ("byline", "By Kristen Hays") in [(r.reason, r.text) for r in cleaned.removed]
    assert cleaned.text.startswith("An oil rig sank")


def test_broken_paragraphs_are_mended() -> None:
    cleaned = clean_text(WSWS_LIKE)
    assert "the country's supreme authorities who will judge" in cleaned.text
    assert "fighter-bombers in the last 24 hours" in cleaned.text


def test_crosshead_dropped_between_paragraphs() -> None:
    """Al Jazeera's "Deadly raid" (003), and a BBC-style crosshead."""
    for head in ("Deadly raid", "Environmental fears"):
        text = f"The army stormed the plant on Thursday.\n\n{head}\n\nThe United States sent a plane to the desert.\n\nMore hostages were freed on Friday.\n"
        cleaned = clean_text(text)
        assert ("subheading", head) in [(r.reason, r.text) for r in cleaned.removed]
        assert head not in cleaned.text


def test_offset_map_points_back_to_the_page() -> None:
    cleaned = clean_text(WSWS_LIKE)
    for clean_start, ext_start, length in cleaned.segments:
        assert cleaned.text[clean_start : clean_start + length] == WSWS_LIKE[ext_start : ext_start + length]
    at = cleaned.text.index("stormed")
    back = next(ext + at - start for start, ext, length in cleaned.segments if start <= at <= start + length)
    assert WSWS_LIKE[back:].startswith("stormed")


def test_removed_spans_point_into_extracted_text() -> None:
    cleaned = clean_text(WSWS_LIKE)
    for r in cleaned.removed:
        assert WSWS_LIKE[r.start : r.end] == r.text
