"""Plain-text furniture rules (clean.plain), each shown on two outlets' shapes, and shown not to eat prose.

The furniture lines copy the shape of each outlet's page (players, captions, clocks, embeds,
bylines, teaser lists as text-only scrapers keep them); the article sentences are ours.
"""

from __future__ import annotations

import pytest

from furniture_shapes import BODY, assert_body_kept, between, removed
from newsfuse.clean.text import clean_text

#: (the reason recorded, the line): furniture between two paragraphs; each rule shown on two outlets
#: (named beside each line).
BETWEEN_PARAGRAPHS = [
    ("video player or share bar", "Media playback is unsupported on your device Media caption The firm said the objects were unidentified"),  # BBC
    ("video player or share bar", "Please enable Javascript to watch this video"),  # KTLA
    ("video player or share bar", "JUST WATCHED Chaffetz: I'm ready to subpoena Replay More Videos ... MUST WATCH Chaffetz: I'm ready 01:41"),  # CNN
    ("video player or share bar", "Watch the report | Uncut video from the Coast Guard rescue"),  # WCVB
    ("video player or share bar", "Facebook Twitter Pinterest Photograph: Kevin Winter/Getty Images"),  # Guardian
    ("live-blog time heading", "3:30 p.m."),  # AP "The Latest", Reuters live
    ("live-blog time heading", "10:05 GMT"),  # AP "The Latest", Reuters live
    ("page header (date and time)", "ie/11BX93W 7:01 pm ET February 11, 2013 RETWEET Could the next pope be from Africa?"),  # CNN
    ("page header (date and time)", "Updated 1:05 PM EST, Tue January 18, 2011"),  # CNN page header
    ("embedded social post", "Potential jurors are refusing to serve. 20 let go yesterday. — Len Ramirez (@lenramirez) June 9, 2016"),  # CBS SF
    ("embedded social post", "Congratulations to the Moonlight team. Well done — John Legend (@johnlegend) February 27, 2017"),  # Guardian
    ("photo caption", "Image copyright AFP Image caption The man was known to the intelligence services"),  # BBC
    ("photo caption", "Enlarge this image toggle caption Bryan Bedder/Getty Images Bryan Bedder/Getty Images"),  # NPR
    ("photo caption", "The president before opening the exchange on September 20, 2005. Michael Nagle/Getty Images"),  # Business Insider
    ("photo caption", "Armed men take cover behind an armored vehicle near Sevastopol. Shamil Zhumatov/Reuters"),  # USA Today
    ("photo caption", "The vehicle is hoisted back aboard after buoyancy testing. (U.S. Navy / Getty Images / )"),  # Los Angeles Times
    ("photo caption", "A forward fends off a defender in the second half. (Katherine Frey/The Washington Post)"),  # Washington Post
    ("photo caption", "The building's elevator, where the stroller fell. (Todd Maisel/New York Daily News)"),  # New York Daily News
    ("photo caption", "He was taunted about his red shoes. (Christina House / For The Times)"),  # Los Angeles Times
    ("video player or share bar", "CLOSE The index plunged more than 1,100 points Monday as stocks took their worst loss. (Feb. 5) AP"),  # USA Today
    ("video player or share bar", "CLOSE Skip in Skip x Embed x Share Late Wednesday afternoon, the president spoke with our station."),  # KSDK
    ("read-on interstitial", "Photo Advertisement Continue reading the main story"),  # New York Times
    ("read-on interstitial", "Story Continued Below"),  # Politico
]


@pytest.mark.parametrize(("reason", "line"), BETWEEN_PARAGRAPHS)
def test_furniture_between_paragraphs_is_removed_and_the_body_kept(reason: str, line: str) -> None:
    text = between(line)
    assert (reason, line) in removed(text)
    assert line not in clean_text(text).text
    assert_body_kept(text)


def test_a_bracketed_slash_in_prose_is_no_credit() -> None:
    line = "He first heard the band (AC/DC) in 1990 and the vote (Yes/No) came later."
    assert not any(reason == "photo caption" for reason, _ in removed(between(line)))


@pytest.mark.parametrize("line", [
    "In this Saturday, July 1, 2017, photo, people line up at a dispensary in Las Vegas.",  # AP
    "Judge Aaron Persky is shown in this June 27, 2011 file photo. (Jason Doiy/The Recorder via Associated Press)",  # Mercury News
    "Viola Davis quickly shed her heels for comfort shoes. (Photo: Matt Sayles, Invision/AP)",  # USA Today
    "The captain of the flight, Zaharie Ahmad Shah. Photo: Facebook",  # Fairfax
])
def test_caption_lines(line: str) -> None:
    text = line + "\n\n" + BODY
    assert ("photo caption", line) in removed(text)
    assert_body_kept(text)


@pytest.mark.parametrize("lines", [["(", "By Andrew Harrer -- Bloomberg News)"], ["By JOHN SMITH, Associated Press Writer"]])
def test_agency_bylines(lines: list[str]) -> None:  # Washington Post via Bloomberg; AP
    text = between("\n".join(lines))
    assert all(("byline", ln) in removed(text) for ln in lines)
    assert_body_kept(text)


@pytest.mark.parametrize("teasers", [
    ["Charisse Stinson, 21, charged with 1st degree murder", "Investigation ongoing", "Body of missing boy, 2, found"],  # WFLA
    ["Police release sketch of man sought", "Father says he doubts mother's story", "Mother faces murder charge"],  # Tampa Bay Times
])
def test_teaser_headline_lists(teasers: list[str]) -> None:
    text = between("\n\n".join(teasers))
    assert all(("list of teaser headlines", t) in removed(text) for t in teasers)
    assert_body_kept(text)


def test_two_short_lines_are_not_a_teaser_list() -> None:
    text = between("Deadly raid\n\nSecond wave")
    assert not any(reason == "list of teaser headlines" for reason, _ in removed(text))


def test_a_sentence_with_a_time_and_date_is_kept() -> None:
    line = "The plane left at 9:30 p.m. on March 8, 2014, and vanished an hour later."
    text = between(line)
    assert line in clean_text(text).text


def test_a_sentence_about_a_credit_is_kept() -> None:
    line = "The photograph, credited to Getty Images, was shown at the hearing on Monday."
    assert line in clean_text(between(line)).text


@pytest.mark.parametrize(("line", "kept"), [
    ("WASHINGTON | Wed May 26, 2010 12:13 pm EDT WASHINGTON (Reuters) - The company told investigators on Tuesday "
     "that a test had failed.", "WASHINGTON (Reuters) - The company told investigators"),  # Reuters
    ("Storm hits the clean-up Wednesday 30 June 2010 09.55 BST The first named storm of the season has hit the "
     "clean-up.", "The first named storm"),  # Guardian
    ("Wednesday, May 26, 2010; 7:59 PM The company's head of safety gave reporters a briefing on Wednesday.",
     "The company's head of safety"),  # Washington Post
    ("June 28, 2010 - 6:39 AM | by: Jane Roe Gulf Coast states have launched advertising campaigns this week.",
     "Gulf Coast states have launched"),  # Fox News video page: dash before the clock, reporter after
    ("6 January 2011 Last updated at 04:46 GMT Help A bodyguard to the singer has testified in the hearing.",
     "A bodyguard to the singer"),  # BBC: the help link beside the stamp
])
def test_a_page_header_run_into_the_first_sentence_is_cut(line: str, kept: str) -> None:
    text = between(line)
    assert any(reason == "page header (date and time)" for reason, _ in removed(text))
    cleaned = clean_text(text).text
    assert kept in cleaned and "2010" not in cleaned
    assert_body_kept(text)


def test_a_sentence_running_on_after_a_date_and_time_is_kept() -> None:
    line = "It was March 8, 2014 9:30 p.m. when the plane left the gate."
    assert line in clean_text(between(line)).text
    line = "6 January 2011 Last updated at 04:46 GMT Help is on its way to the flooded towns, officials said."
    assert "Help is on its way" in clean_text(between(line)).text


@pytest.mark.parametrize("box", [
    ["Story highlights Finance minister says the new tax will not touch pensions",
     "Opposition calls the plan a raid on savers"],  # CNN
    ["Flood water covers a street in the old town. (Photo: Jane Roe AP) Story Highlights Two rivers burst their banks",
     "Schools closed in three counties"],  # USA Today
])
def test_story_highlights_boxes(box: list[str]) -> None:
    text = "\n\n".join(box) + "\n\n" + BODY
    assert all(("story highlights box", ln) in removed(text) for ln in box)
    assert_body_kept(text)


def test_a_sentence_about_highlights_is_kept() -> None:
    line = "The story highlights the risks that small savers face when rates fall."
    assert line in clean_text(between(line)).text


@pytest.mark.parametrize("thread", [
    # the Washington Post: the signature follows its comment
    ["Great post, thanks.", "Posted by: jdoe | April 6, 2009 11:25 AM | Report abuse I disagree with all of it.",
     "Posted by: rroe | April 6, 2009 11:53 AM | Report abuse"],
    # CNN
    ["I sincerely hope not! January 27, 2011 at 7:59 pm | Report abuse | Me neither.",
     "January 27, 2011 at 8:02 pm | Reply"],
    # Reuters
    ["Greedy firms. Posted by kiwidave | Report as abusive", "So true. Posted by jroe | Report as abusive"],
    # the BBC: the signature opens its comment
    ["At 10:14 am on 28 May 2010, pzero wrote: I think the response is admirable.",
     "At 10:20 am on 28 May 2010, jroe wrote: I do not."],
])
def test_a_reader_comment_thread_is_cut_from_its_first_signature(thread: list[str]) -> None:
    text = BODY + "\n".join(thread) + "\n"
    reasons = removed(text)
    assert ("reader comments", thread[-1]) in reasons
    assert not any("I do not" in line or "Me neither" in line for line in clean_text(text).text.splitlines())
    assert_body_kept(text)


def test_one_signature_quoted_in_an_article_is_no_thread() -> None:
    text = BODY + "The site's footer read: Posted by: jdoe | April 6, 2009 11:25 AM | Report abuse.\n"
    assert not any(reason == "reader comments" for reason, _ in removed(text))
