"""Page furniture that survives into plain text: players, captions, live-blog clocks, embeds, teaser runs.

A scraper that keeps only text (Multi-News, Timeline17, a copy-paste) leaves the page's
furniture as lines of their own. Like ``boilerplate``, each rule is ``lines -> removals``,
names the two outlets whose pages show the shape (tests/clean/test_plain.py carries both), and
removes whole lines only, so an article sentence is lost only if its whole line looks like
furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Removal
from .lines import MONTHS, Line, is_sentence_like, removal

#: Video players and share bars as text: BBC ("Media playback is unsupported on your device
#: Media caption …"), KTLA/Tribune ("Please enable Javascript to watch this video"), CNN
#: ("JUST WATCHED … Replay More Videos … MUST WATCH …"), WCVB ("Watch the report | Uncut
#: video …"), Guardian ("Facebook Twitter Pinterest Photograph: …"), galleries ("1 of 12. …"),
#: section labels ("PHOTOS: …", "More Video:").
PLAYER = re.compile(
    r"^(?:media playback is (?:unsupported|not supported).*|please enable javascript.*"
    r"|(?:just watched|must watch)\b.*|.*\breplay more videos\b.*|more videos?:?"
    r"|watch (?:the )?(?:report|video|moment|live|now)\b.*|watch:.*|(?:photos?|videos?|gallery|slideshow):\s.*"
    r"|facebook twitter pinterest\b.*|share (?:on|via) (?:facebook|twitter)\b.*|\d{1,3} of \d{1,3}\.\s.*"
    r"|\(all times local\):?|.*\bclick on the links? below\b.*)$",
    re.IGNORECASE,
)
#: A caption line: AP's "In this Saturday, July 1, 2017, photo, …" and "… is shown in this
#: June 27, 2011 file photo."; a trailing credit "(Photo: Matt Sayles, Invision/AP)" (USA Today),
#: "(Photo by Matt Sayles/Invision/AP)" (AP via ABC), "(Jason Doiy/The Recorder via Associated
#: Press)" (Mercury News), "… Photo: Facebook" (Fairfax).
_CAPTION_LINE = re.compile(
    rf"^in this (?:[A-Z][a-z]+day,? )?(?:{MONTHS} \d{{1,2}},? \d{{4}},? )?(?:undated |file |handout )*photo\b"
    rf"|\bin this (?:this )?(?:{MONTHS} \d{{1,2}},? \d{{4}},? )?(?:undated |file |handout )*photo\b"
    r"|\((?:photo|photograph|picture|image)s?(?::| by| courtesy)\s[^()]{2,80}\)\.?$"
    r"|\([^()]{2,60}/[^()]{2,60}\b(?:via )?(?:Associated Press|AP|Reuters|AFP|Getty Images|EPA)\)\.?$"
    r"|[.!?]\s+photo:\s+[\w .,/&'-]{2,40}$",
    re.IGNORECASE,
)
#: A live blog's clock headings ("3:30 p.m.", AP's "The Latest"; "10:05 GMT", Reuters live).
_CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|GMT|UTC|BST|CET)(?:\s+[A-Z]{2,4})?\.?$", re.IGNORECASE)
#: Embedded posts: a tweet's credit "— Len Ramirez (@lenramirez) June 9, 2016" (CBS SF;
#: GMA's on the Guardian), "pic.twitter.com/…", a timeline's "RETWEET" buttons (CNN).
_EMBED = re.compile(rf"\(@\w{{1,30}}\)\s+{MONTHS}\s+\d{{1,2}},\s+\d{{4}}|pic\.twitter\.com/|\bRETWEET\b")
#: A page header run into a line: a date with a clock time and no sentence around it
#: ("February 11, 2013 7:01 pm ET", "Updated 1:05 PM EST, Tue January 18, 2011").
_CLOCK_IN_LINE = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|ET|EST|EDT|BST)\b", re.IGNORECASE)
_DATE_IN_LINE = re.compile(rf"\b{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{MONTHS}\s+\d{{4}}\b")
#: Agency bylines on a line of their own ("By Andrew Harrer -- Bloomberg News)", "By JOHN
#: SMITH, Associated Press Writer").
_AGENCY_BYLINE = re.compile(
    r"^\(?by\s+[A-Z][\w.'’ -]{2,40}?\s*(?:--|[—–,|])\s*(?:(?:the )?associated press(?: writer)?|reuters|afp"
    r"|bloomberg(?: news)?|agence france-presse|dpa|upi)\)?\.?$",
    re.IGNORECASE,
)
#: A run of this many short non-sentence lines is a list of teaser headlines, not article text
#: ("Charisse Stinson, 21, charged … / Investigation ongoing / Body of missing Largo boy, 2, found",
#: WFLA; the "More from …" lists of BBC pages).
TEASER_RUN = 3
TEASER_WORDS = 14


def player_lines(lines: Sequence[Line]) -> list[Removal]:
    return [removal(ln, "video player or share bar") for ln in lines if PLAYER.match(ln.text)]


def caption_lines(lines: Sequence[Line]) -> list[Removal]:
    return [removal(ln, "photo caption") for ln in lines if _CAPTION_LINE.search(ln.text)]


def clock_headings(lines: Sequence[Line]) -> list[Removal]:
    """Clock-time headings, and short header lines holding a date and a clock time."""
    out = []
    for ln in lines:
        if _CLOCK.match(ln.text):
            out.append(removal(ln, "live-blog time heading"))
        elif (_CLOCK_IN_LINE.search(ln.text) and _DATE_IN_LINE.search(ln.text)
              and (not is_sentence_like(ln.text) or _EMBED.search(ln.text))):
            out.append(removal(ln, "page header (date and time)"))
    return out


def embedded_posts(lines: Sequence[Line]) -> list[Removal]:
    return [removal(ln, "embedded social post") for ln in lines if _EMBED.search(ln.text)]


def agency_bylines(lines: Sequence[Line]) -> list[Removal]:
    """An agency byline anywhere, with a lone "(" the scraper left on the line before it."""
    out = []
    for i, ln in enumerate(lines):
        if _AGENCY_BYLINE.match(ln.text):
            out.append(removal(ln, "byline"))
            if i and lines[i - 1].text == "(":
                out.append(removal(lines[i - 1], "byline"))
    return out


def teaser_runs(lines: Sequence[Line]) -> list[Removal]:
    """``TEASER_RUN`` or more consecutive short lines that are not sentences: a teaser list."""
    out: list[Removal] = []
    run: list[Line] = []
    for ln in [*lines[1:], None]:  # the first line is the header's to judge (a headline is lifted as the title)
        if ln is not None and ln.words <= TEASER_WORDS and not is_sentence_like(ln.text) \
                and not ln.text.endswith((":", ",")):
            run.append(ln)
            continue
        if len(run) >= TEASER_RUN:
            out += [removal(r, "list of teaser headlines") for r in run]
        run = []
    return out


RULES = (player_lines, caption_lines, clock_headings, embedded_posts, agency_bylines, teaser_runs)
