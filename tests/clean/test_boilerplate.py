"""Each furniture rule, shown on two outlets' pages, and shown not to eat article sentences.

Where a second real page is not in the repo, the example copies the shape of
that outlet's furniture (its words are ours); the real pages are checked in
test_golden.py.
"""

from __future__ import annotations

import pytest

from furniture_shapes import BODY, assert_body_kept, between, removed
from newsfuse.clean.text import clean_text


@pytest.mark.parametrize(
    "furniture",
    [
        "READ MORE",  # Reuters copy on a syndication page (In Amenas 002)
        "Advertisement",  # Guardian/NYT-style interstitial
        "Related: Algeria says hostage toll will rise",
    ],
)
def test_calls_to_action_between_paragraphs(furniture: str) -> None:
    text = between(furniture)
    assert ("call to action", furniture) in removed(text)
    assert_body_kept(text)


@pytest.mark.parametrize(
    "caption",
    [
        # Dawn, AFP photo credit at the end (In Amenas 000)
        "This photo released by EADS' Astrium Press on January 18, 2013, shows a satellite view of the town. —AFP Photo",
        # Reuters picture line (Deepwater Horizon, Reuters 22 April)
        "Picture taken April 21, 2010.",
        # Fox News / AP caption shapes
        "(AP) Stanley Murray, left, hugs loved ones after crew members arrived at a hotel.",
        "Apr. 21: An oil slick is seen as the rig burns in the Gulf of Mexico.",
        "Rescuers search the site on Sunday. (AP Photo/Jane Doe)",
        # Guardian header block ending in its photo credit (Timeline17 BP; Multi-News)
        "Oil spill: company hopes the new cap can halt the flow into the Gulf Photograph: guardian.",
        "Appeal refused Eichmann asked for a pardon and was hanged two days later. Photograph: Br",
    ],
)
def test_photo_captions(caption: str) -> None:
    text = caption + "\n\n" + BODY
    assert ("photo caption", caption) in removed(text)
    assert_body_kept(text)


@pytest.mark.parametrize(
    "credit, rest",
    [
        ("Photograph: Gerald Herbert\\/AP ", "Underwater robots dived to the ocean floor yesterday."),  # Guardian
        ("Coast Guard via AP ", "NEW ORLEANS -- The Coast Guard discovered Saturday that oil is leaking."),  # Fox/AP
        ("Photo: Ahmed Jadallah/Reuters ", "Troops stormed the plant at dawn on Thursday."),  # Reuters pages
        ("Photograph: AP ", "BP has installed a larger containment cap on the wellhead."),  # Guardian, agency only
    ],
)
def test_credit_glued_to_paragraph_start(credit: str, rest: str) -> None:
    cleaned = clean_text(BODY + credit + rest + "\n")
    assert ("photo credit", credit) in [(r.reason, r.text) for r in cleaned.removed]
    assert rest in cleaned.text and credit.strip() not in cleaned.text


@pytest.mark.parametrize(
    "tail",
    [
        "Reuters",  # bare agency credit (In Amenas 002)
        "Source: Al Jazeera, News Agencies",  # Al Jazeera (In Amenas 003)
        "Additional reporting by Lamine Chikhi in Algiers",  # Reuters/Guardian credit line
        "— AFP",
    ],
)
def test_credit_and_source_lines_at_end(tail: str) -> None:
    text = BODY + tail + "\n"
    assert ("credit or source line", tail) in removed(text)
    assert_body_kept(text)


@pytest.mark.parametrize(
    "footer",
    [
        ["To contact the WSWS and the Socialist Equality Party visit:", "wsws.org/contact"],  # WSWS (004)
        ["Follow us on Twitter @newsdesk", "https://example.org/newsletter"],  # a second site's footer
    ],
)
def test_contact_footers(footer: list[str]) -> None:
    text = BODY + "\n\n".join(footer) + "\n"
    reasons = {t: r for r, t in removed(text)}
    assert set(footer) <= set(reasons)
    assert_body_kept(text)


def test_promo_line_after_last_sentence() -> None:
    """Reuters.com's product promo ends two Deepwater Horizon pages; any unpunctuated tail goes."""
    promo = "An ultra-low latency infrastructure for electronic trading and data distribution"
    assert ("trailing non-sentence line", promo) in removed(BODY + promo)


def test_reader_comments_to_the_end() -> None:
    """Reuters (Deepwater Horizon) and Guardian-style comment sections: opener and everything after."""
    for opener in ("We welcome comments that advance the story through relevant opinion.",
                   "Comments are closed"):
        text = BODY + opener + "\n\nThis is terrible news for the planet.\n\nI agree with the poster above.\n"
        got = removed(text)
        assert ("reader comments", "This is terrible news for the planet.") in got
        assert ("reader comments", opener) in got
        assert_body_kept(text)


def test_sidebar_with_dated_headlines() -> None:
    """Dawn's trailing "Opinion / Editorial" sidebar, and a second site's "Most read" list."""
    dawn = ("Opinion\n\nEditorial\n\nEconomic plan?\nUpdated 15 Dec, 2024\n\nEconomic plan?\n\n"
            "So long as the government does not realise it needs reform, growth will remain anaemic.\n"
            "Registration tussle\n15 Dec, 2024\n\nRegistration tussle\n\nMAULANA Fazlur Rehman appears to...\n")
    other = ("Most read\n\nFloods hit the north\nPublished 3 March 2021\n\nThe river burst its banks overnight.\n"
             "Markets rally\nPublished 2 March 2021\n\nShares rose for a third day...\n")
    for sidebar in (dawn, other):
        text = BODY + sidebar
        reasons = {t for r, t in removed(text) if r == "sidebar of other stories"}
        assert sidebar.split("\n")[0] in reasons
        assert_body_kept(text)
        assert clean_text(text).text.rstrip().endswith("killed in the assault.")


def test_one_dated_line_is_not_a_sidebar() -> None:
    text = BODY + "Updated 21 January 2013\n\nThe minister said the toll would rise.\n"
    assert "The minister said the toll would rise." in clean_text(text).text


def test_timestamped_related_stories() -> None:
    """BBC's "more on this story" line (Deepwater Horizon) and a second aggregator's list."""
    for line in ("The Economist Trouble on oiled waters - 2 hrs ago Mail Online UK Giant dome could stop oil - 2 hrs ago",
                 "Storm nears coast 5 mins ago | Power cut in city 40 mins ago"):
        text = BODY + line + "\n\nThe spill was the worst in decades, officials said.\n"
        assert ("related stories", line) in removed(text)


def test_truncated_teaser_repeated_by_body() -> None:
    """A standfirst cut with an ellipsis and then repeated in full (Yahoo/Reuters 002; a BBC-style one)."""
    for lead in ("Algerian special forces clearing the In Amenas natural gas plant captured a sixth militant alive",
                 "Robotic submersibles are being used to try to stop oil leaking into the Gulf"):
        text = f"{lead}…\n\n{lead} today, a source said.\n\n" + BODY
        assert ("teaser repeated by the body", f"{lead}…") in removed(text)
        assert f"{lead} today, a source said." in clean_text(text).text


def test_article_ending_in_a_quote_is_kept() -> None:
    text = BODY + "“We deeply regret the actions taken by the military.”\n"
    assert "We deeply regret the actions taken by the military." in clean_text(text).text
