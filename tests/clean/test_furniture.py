"""Sentence-level furniture (clean.furniture), the half of the furniture filter that judges one sentence."""

from __future__ import annotations

import pytest

from newsfuse.clean.furniture import furniture_reason


@pytest.mark.parametrize("text", [
    "Breaking News Emails Get breaking news alerts and special reports delivered to you.",  # NBC News
    "Newsletter Sign Up Please verify you're not a robot by clicking the box below.",  # New York Times
])
def test_newsletter_promos_are_furniture(text: str) -> None:
    assert furniture_reason(text) is not None


def test_a_sentence_about_a_newsletter_is_prose() -> None:
    assert furniture_reason("The company said its weekly newsletter had reached two million readers.") is None


@pytest.mark.parametrize("text", [
    "Our correspondent Jane Doe has been reporting from the capital all week.",  # CNN
    "Associated Press writer John Smith in Denver contributed to this report.",  # AP
])
def test_correspondent_sign_offs_are_furniture(text: str) -> None:
    assert furniture_reason(text) is not None
