"""One article body for the furniture tests (clean.boilerplate on pages, clean.plain on text
scrapes): a rule is shown removing its line and keeping both body sentences."""

from __future__ import annotations

from newsfuse.clean.text import clean_text

BODY = (
    "The army said on Saturday that the siege had ended after four days.\n\n"
    "Officials said 23 hostages and 32 militants were killed in the assault.\n\n"
)


def removed(text: str) -> list[tuple[str, str]]:
    """(reason, text) of each removal the cleaner recorded."""
    return [(r.reason, r.text) for r in clean_text(text).removed]


def assert_body_kept(text: str) -> None:
    cleaned = clean_text(text).text
    assert "The army said on Saturday that the siege had ended after four days." in cleaned
    assert "Officials said 23 hostages and 32 militants were killed in the assault." in cleaned


def between(line: str) -> str:
    """``line`` set between the body's two paragraphs."""
    return BODY.replace("\n\nOfficials", f"\n\n{line}\n\nOfficials")
