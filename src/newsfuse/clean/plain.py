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
from .lines import DATE_PATTERN, MONTHS, Line, is_sentence_like, removal

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
#: A caption label opening a line: BBC's "Image copyright AFP Image caption The man was known to …"
#: and NPR's "Enlarge this image toggle caption Bryan Bedder/Getty Images": the whole line is caption.
_CAPTION_LABEL = re.compile(r"^(?:image copyright\b|image caption\b|(?:enlarge this image )?toggle caption\b)", re.IGNORECASE)
#: A line closed by a photo credit, "Name/Agency" with no sentence after it: Business Insider
#: ("… on September 20, 2005. Michael Nagle/Getty Images"), USA Today ("… near Sevastopol.
#: Shamil Zhumatov/Reuters"), the Los Angeles Times ("… in the Indian Ocean. (U.S. Navy / Getty
#: Images / )"), Slate ("Photo by Ethan Miller/Getty Images.").
#: In brackets, the photographer's full name and any outlet: the Washington Post ("… at Maryland
#: SoccerPlex. (Katherine Frey/The Washington Post)", "… in June (Melina Mara/Post)."), the New York
#: Daily News ("(Todd Maisel/New York Daily News)"), the Los Angeles Times ("(Christina House / For
#: The Times)"). A scraped slash may come escaped ("\\/").
_CREDIT_END = re.compile(
    r"(?:^|\s)\(?(?:photo(?:graph)? by )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} ?/ ?"
    r"(?:[A-Z][\w.&'’ -]{1,40}? ?/ ?)?(?:Getty Images|Reuters|AP|AFP|EPA|Associated Press|Bloomberg)"
    r"(?: ?/ ?)*\)?\.?$"
    r"|\s\((?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w'’-]*\s?\\?/\s?(?:For )?(?:The )?[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,4}\)\.?$"
)
#: "Read on" interstitials a text scrape keeps between paragraphs: the New York Times' and BBC's
#: "(Photo) (Advertisement) Continue reading the main story", Politico's "Story Continued Below".
#: Only the interstitial is cut; text after it on the same line stays.
_READ_ON = re.compile(
    r"^(?:photo\s+)?(?:advertisement\s+)?(?:continue reading the main story|story continued below)\b\s*",
    re.IGNORECASE,
)
#: A video blurb behind a player's close button, Gannett's pages as text: USA Today ("CLOSE The
#: Dow Jones industrial average plunged … (Feb. 5) AP"), KSDK ("CLOSE Skip in Skip x Embed x
#: Share Late Wednesday …"), the Journal & Courier ("CLOSE Police confirmed … Dave Bangert and
#: Dwight Adams/ Journal & Courier"). The whole line is the player's description.
_PLAYER_CLOSE = re.compile(r"^CLOSE\s+(?=[A-Z])")
#: A live blog's clock headings ("3:30 p.m.", AP's "The Latest"; "10:05 GMT", Reuters live).
_CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|GMT|UTC|BST|CET)(?:\s+[A-Z]{2,4})?\.?$", re.IGNORECASE)
#: Embedded posts: a tweet's credit "— Len Ramirez (@lenramirez) June 9, 2016" (CBS SF;
#: GMA's on the Guardian), "pic.twitter.com/…", a timeline's "RETWEET" buttons (CNN).
_EMBED = re.compile(rf"\(@\w{{1,30}}\)\s+{MONTHS}\s+\d{{1,2}},\s+\d{{4}}|pic\.twitter\.com/|\bRETWEET\b")
#: A page header run into a line: a date with a clock time and no sentence around it
#: ("February 11, 2013 7:01 pm ET", "Updated 1:05 PM EST, Tue January 18, 2011").
_CLOCK_IN_LINE = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|ET|EST|EDT|BST)\b", re.IGNORECASE)
#: A page header's time stamp with the text after it on the same line: a date and a clock time
#: side by side (either order), "Last updated at" between them at most. Reuters ("WASHINGTON | Wed
#: May 26, 2010 12:13 pm EDT WASHINGTON (Reuters) - …"), the Guardian ("… Wednesday 30 June 2010
#: 09.55 BST The first named storm …"), the Washington Post ("Wednesday, May 26, 2010; 7:59 PM BP's
#: head …"), CNN ("By Patricia Sellers February 9, 2011: 2:42 PM ET In Monday's …"), the BBC
#: ("29 September 2011 Last updated at 15:44 GMT"), Fox News ("June 28, 2010 - 6:39 AM | by: Jonathan
#: Serrie Gulf Coast states …", its video pages: a dash before the clock, the reporter's name after).
_ZONE = r"(?:GMT|UTC|BST|CET|CEST|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT)"
_STAMP_CLOCK = rf"\d{{1,2}}(?::\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s+{_ZONE})?|\.\d{{2}}\s+{_ZONE})\b"
_HEADER_STAMP = re.compile(
    rf"(?:{DATE_PATTERN}(?:[\s,;:]+|\s+[-–—]\s+)(?:last updated at\s+)?{_STAMP_CLOCK}|{_STAMP_CLOCK}[\s,;:]+{DATE_PATTERN})\.?"
    r"(?:\s*\|\s*by:?\s+(?-i:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+))?"
    # a link printed beside the stamp ("29 September 2011 Last updated at 15:44 GMT Help A bodyguard …":
    # the BBC's help link, 24 of its Timeline17 pages), before the capitalised word that opens the text
    r"(?:\s+(?-i:Help)(?=\s+(?-i:[A-Z])))?\s+(?=\S)",
    re.IGNORECASE,
)
#: The header before the stamp is no sentence, and the stamp comes early in the line.
_SENTENCE_END = re.compile(r"[a-z][.!?][\"”’']?\s+[A-Z]")
HEADER_STAMP_WORDS = 60
HEADER_REASON = "page header (date and time)"
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
#: A "Story highlights" box: CNN ("Story highlights Russian defense minister says … / U.S.
#: sanctions target 20 Russian officials …") and USA Today ("… (Photo: … AP) Story Highlights
#: Parts of Iowa and Wisconsin hit with more than a foot of snow / Death toll spans 5 states").
#: The label's line and the bullet lines after it (no closing punctuation) are the box.
_HIGHLIGHTS = re.compile(r"\bstory highlights\b", re.IGNORECASE)
#: A bullet is shorter than this; a longer line without a full stop is the article's.
HIGHLIGHT_WORDS = 40


def player_lines(lines: Sequence[Line]) -> list[Removal]:
    return [removal(ln, "video player or share bar") for ln in lines if PLAYER.match(ln.text)]


def caption_lines(lines: Sequence[Line]) -> list[Removal]:
    return [removal(ln, "photo caption") for ln in lines if _CAPTION_LINE.search(ln.text)]


def caption_labels(lines: Sequence[Line]) -> list[Removal]:
    """Lines opened by a caption label, or closed by a "Name/Agency" photo credit."""
    return [removal(ln, "photo caption") for ln in lines
            if _CAPTION_LABEL.match(ln.text) or _CREDIT_END.search(ln.text)]


def read_on_interstitials(lines: Sequence[Line]) -> list[Removal]:
    """The interstitial only (a prefix removal): what follows it on the line is kept."""
    out = []
    for ln in lines:
        m = _READ_ON.match(ln.text)
        if m:
            out.append(Removal(ln.start, ln.start + len(m.group(0).rstrip()), "read-on interstitial",
                               m.group(0).rstrip()))
    return out


def player_blurbs(lines: Sequence[Line]) -> list[Removal]:
    return [removal(ln, "video player or share bar") for ln in lines if _PLAYER_CLOSE.match(ln.text)]


def clock_headings(lines: Sequence[Line]) -> list[Removal]:
    """Clock-time headings, and short header lines holding a date and a clock time."""
    out = []
    for ln in lines:
        if _CLOCK.match(ln.text):
            out.append(removal(ln, "live-blog time heading"))
        elif (_CLOCK_IN_LINE.search(ln.text) and _DATE_IN_LINE.search(ln.text)
              and (not is_sentence_like(ln.text) or _EMBED.search(ln.text))):
            out.append(removal(ln, "page header (date and time)"))
        else:
            out += header_prefix(ln)
    return out


_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)


def stamp_date(removed: Sequence[Removal]) -> str | None:
    """The date of a page header cut up to its time stamp ("Wed May 26, 2010"): the page's
    publication date, which the dates stage reads as a date line."""
    for r in removed:
        if r.reason == HEADER_REASON:
            m = _DATE.search(r.text)
            if m:
                return m.group(0)
    return None


def header_prefix(ln: Line) -> list[Removal]:
    """A page header (headline, standfirst, byline) run up to its time stamp at the start of a line
    whose text goes on: the header through the stamp is cut, the rest of the line kept."""
    m = _HEADER_STAMP.search(ln.text)
    if m is None or len(ln.text[: m.start()].split()) > HEADER_STAMP_WORDS or _SENTENCE_END.search(ln.text[: m.start()]):
        return []
    if not (ln.text[m.end()].isupper() or ln.text[m.end()] in "\"“‘'("):
        return []  # "It was March 8, 2014 9:30 p.m. when …": the sentence goes on
    head = ln.text[: m.end()].rstrip()
    return [Removal(ln.start, ln.start + len(head), HEADER_REASON, head)]


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


def highlights_boxes(lines: Sequence[Line]) -> list[Removal]:
    """A "Story highlights" label's line and the bullet lines that follow it, up to the first sentence."""
    out: list[Removal] = []
    for i, ln in enumerate(lines):
        m = _HIGHLIGHTS.search(ln.text)
        if m is None or is_sentence_like(ln.text[m.end():]):
            continue
        out.append(removal(ln, "story highlights box"))
        for nxt in lines[i + 1 :]:
            if is_sentence_like(nxt.text) or nxt.words > HIGHLIGHT_WORDS:
                break
            out.append(removal(nxt, "story highlights box"))
    return out


RULES = (player_lines, player_blurbs, read_on_interstitials, caption_lines, caption_labels, clock_headings,
         embedded_posts, agency_bylines, teaser_runs, highlights_boxes)
