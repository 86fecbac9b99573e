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


@pytest.mark.parametrize("text", [
    "The news and stories that matter, delivered weekday mornings.",  # NBC News
    "Morning Money Political intelligence on Washington and Wall Street — weekday mornings, in your inbox.",  # POLITICO
])
def test_a_newsletter_promos_second_line_is_furniture(text: str) -> None:
    assert furniture_reason(text) is not None


@pytest.mark.parametrize("text", [
    "This story is updated at the bottom with a response from the museum's director.",  # Multi-News row 5125
    "This post has been updated with a statement from the airline on Tuesday night.",  # row 5306
    "This article has been updated to reflect that the protest was organised by students.",  # row 2115
])
def test_notes_that_the_story_was_updated_are_furniture(text: str) -> None:
    assert furniture_reason(text) is not None


@pytest.mark.parametrize("text", [
    "Image The mayor's spokeswoman said on Wednesday that the council had won the vote.",  # New York Times
    "Image copyright AFP Image caption Police sealed off the student's room on Monday.",  # BBC
])
def test_a_caption_label_run_into_its_text_is_furniture(text: str) -> None:
    assert furniture_reason(text) is not None


@pytest.mark.parametrize("text", [
    "The company updated its privacy policy on Monday after the regulator's ruling.",
    "Images of the flooded streets were shared widely on social media by residents.",
    "The city council's story is that the budget was balanced long before the election.",
    "UPDATE: Authorities identified the two bodies found near the creek on Wednesday.",  # news after the label
])
def test_prose_about_updates_and_images_is_kept(text: str) -> None:
    assert furniture_reason(text) is None


def test_a_sentence_about_a_newsletter_is_prose() -> None:
    assert furniture_reason("The company said its weekly newsletter had reached two million readers.") is None


@pytest.mark.parametrize("text", [
    "Our correspondent Jane Doe has been reporting from the capital all week.",  # CNN
    "Associated Press writer John Smith in Denver contributed to this report.",  # AP
])
def test_correspondent_sign_offs_are_furniture(text: str) -> None:
    assert furniture_reason(text) is not None


def test_a_pull_quote_credit_run_into_the_text_is_furniture() -> None:
    # BBC pull quote (Timeline17): the quote's end, "End Quote", its credit, then the next sentence
    text = ('Tests will show how quickly fishing can resume in the Gulf" End Quote Dr Jane Roe Oceanography '
            'Centre In a statement, the company said it was committed to finding the cause.')
    assert furniture_reason(text) is not None
    assert furniture_reason("He said the end quote of the speech was the one people remembered best.") is None
