"""Sentence-level page furniture: the half of the one furniture filter that judges a sentence.

``clean.boilerplate`` and ``clean.plain`` remove furniture lines from a page before anything reads
it; what survives inside a line (a caption or credit run into prose, a call to action, a fact
box's labels, two sentences run together, a cut-off ending) is judged here, one sentence at a
time, by the summary (``summary.build``) and anything else that shows a sentence to a reader.
"""

from __future__ import annotations

import re

#: Shorter sentences are fragments ("He said.", "Deadly raid"); measured on
#: In Amenas and Deepwater Horizon, no informative sentence has fewer words.
MIN_WORDS = 8
#: Longer "sentences" are run-ons from a missed split (lists, captions glued
#: to text); the longest real sentence in both example clusters has 58 words.
MAX_WORDS = 70
#: A sentence with more than this share inside quotation marks is a quote,
#: which reads badly out of context (same bound as the wire-copy detector).
MAX_QUOTED_SHARE = 0.6

_WORD = re.compile(r"[\w'’-]+")
_FURNITURE = re.compile(
    r"\b(?:AP|AFP|Reuters|Getty|EPA)\s+Photo\b|\bphoto(?:graph)?\s+(?:taken|released|shows)\b|"
    r"\bclick here\b|\bread more\b|\bsign up\b|\bsubscribe\b|\bfollow us\b|©|\bcopyright\b|"
    r"\ball rights reserved\b|https?://|www\.|\bemail this\b|\bcomments? (?:are|is) closed\b|"
    r"\(\s*(?:AP|Reuters|AFP)\s*\)\s*$|\bcaption\b|—\s*(?:AFP|AP|Reuters)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]|‘([^’]*)’")
#: Newsletter promos a text scrape keeps: NBC News' "Breaking News Emails Get breaking news
#: alerts and special reports." and the New York Times' "Newsletter Sign Up …".
#: And the promo's second line: NBC's "The news and stories that matter, delivered weekday
#: mornings.", POLITICO's "… on Washington and Wall Street — weekday mornings, in your inbox."
_NEWSLETTER = re.compile(r"\b(?:breaking news emails|get breaking news alerts|newsletter sign up|"
                         r"delivered weekday mornings|weekday mornings, in your inbox)\b", re.IGNORECASE)
#: A note on the page's own history, three outlets of the Multi-News validation set: "This story is
#: updated at the bottom with a response from …" (row 5125), "This post has been updated." (row
#: 5306), "This article has been updated to reflect …" (row 2115). Not "UPDATE: …" alone: wire
#: and local pages put news after it ("UPDATE: Authorities identified the two bodies …").
_UPDATE_NOTE = re.compile(r"\bthis (?:story|article|post|piece) (?:is|has been|was) updated\b", re.IGNORECASE)
#: A caption's label run into its text: the New York Times' "Image The White House’s spokeswoman
#: …", the BBC's "Image copyright AFP Image caption …".
_IMAGE_LABEL = re.compile(r"^(?:Image|Photo)\s+(?:caption\b|copyright\b|[A-Z])")
#: A correspondent's sign-off: CNN's "Nic Robertson has been reporting from Alexandria.", AP's
#: "Associated Press writer Jane Doe contributed to this report."
_SIGN_OFF = re.compile(r"\bhas been reporting from\b|\bcontributed (?:to )?(?:this|the) report\b", re.IGNORECASE)
#: A pull quote's credit run into the text after it: the BBC's '… resume in the Gulf" End Quote Dr Simon
#: Boxall National Oceanography Centre In a statement, BP said …' (Timeline17 BBC pages of three BP weeks
#: and a Michael Jackson week): the quote repeats the body, the credit is no sentence.
_PULL_QUOTE = re.compile(r"[\"”]\s*End Quote\b")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[\"”’')\]]*\s*$")
#: "…continued to July 6.Jarrett faces…": a scraper dropped the space between two sentences.
_RUN_TOGETHER = re.compile(r"(?:\b[a-z]{3,}|\d)\.[A-Z][a-z]{2,}")
#: "Born: … Also known as: … Biggest hits: …": a fact box's labels run into one line.
_FACT_LABEL = re.compile(r"(?:^|\s)[A-Z][a-z]+(?: [a-z]+){0,2}:\s")
#: "Share: Email | Print | Comments |": a page's menu or tool bar, labels between vertical bars
#: (prose has no vertical bars).
_MENU = re.compile(r"\s\|\s.*\s\|(?:\s|$)")


def quoted_share(text: str) -> float:
    """Share of ``text`` inside quotation marks."""
    return sum(len(m.group(0)) for m in _QUOTED.finditer(text)) / max(1, len(text))


def page_furniture(text: str) -> str | None:
    """Why ``text``, of any length, is the page's furniture rather than its story (a caption or
    credit, link text, a call to action, a newsletter promo, a sign-off, a note that the story was
    updated), or None. A headline candidate is held to this as a sentence is."""
    text = text.strip()
    if _FURNITURE.search(text) or _NEWSLETTER.search(text) or _SIGN_OFF.search(text) or _IMAGE_LABEL.match(text) \
            or _PULL_QUOTE.search(text):
        return "page furniture (caption, credit, link or call to action)"
    if _UPDATE_NOTE.search(text):
        return "a note that the story was updated"
    return None


def furniture_reason(text: str) -> str | None:
    """Why ``text`` is not article prose, or None when it is."""
    words = len(_WORD.findall(text))
    if words < MIN_WORDS:
        return f"fragment ({words} words)"
    if words > MAX_WORDS:
        return f"run-on ({words} words)"
    if not re.search(r"[.!?][\"”’')\]]*$", text.strip()):
        return "no closing punctuation (headline, caption or list)"
    if _ELLIPSIS_END.search(text):
        return "cut off (ends in an ellipsis)"
    if _RUN_TOGETHER.search(text):
        return "two sentences run together (no space after the full stop)"
    if len(_FACT_LABEL.findall(text)) >= 3:
        return "fact box (labelled fields)"
    if _MENU.search(text):
        return "page menu (labels between vertical bars)"
    reason = page_furniture(text)
    if reason:
        return reason
    if sum(map(str.isupper, text)) > 0.5 * sum(map(str.isalpha, text)):  # map: no Python frame per character
        return "mostly capitals"
    if quoted_share(text) > MAX_QUOTED_SHARE:
        return "mostly quotation"
    return None
