"""Page furniture in article text: what it looks like, and rules that find it.

Each rule is a pure function ``lines -> removals`` and names the two outlets
whose pages forced it (the tests carry both examples). Rules only ever remove
whole lines or a credit glued to the front of a line, never words inside a
sentence, so an article sentence can be lost only if a whole line looks like
furniture; ``tests/clean`` pins that on real articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..model import Removal
from .lines import DATE_PATTERN, MONTHS, Line, ends_in_ellipsis, is_date_stamp, is_sentence_like, removal
from .plain import RULES as PLAIN_RULES

Rule = Callable[[Sequence[Line]], list[Removal]]

WIRE_AGENCIES = (
    "Reuters", "AFP", "AP", "Associated Press", "Agence France-Presse", "Bloomberg", "dpa",
    "PA", "PTI", "IANS", "Xinhua", "ANSA", "EFE", "Anadolu", "UPI", "Press Association",
)
_AGENCY = "|".join(re.escape(a) for a in sorted(WIRE_AGENCIES, key=len, reverse=True))

#: Standalone calls to action between paragraphs. Dawn/Reuters syndication
#: ("READ MORE", In Amenas 002) and the "Advertisement" / "Related:" markers
#: of Guardian- and NYT-style pages.
_CALL_TO_ACTION = re.compile(
    r"^(?:read more|read more:.*|related(?: coverage| articles?| stories)?:?.*|advertisement"
    r"|continue reading.*|scroll to continue.*|share this(?: article| story)?:?|click here.*"
    r"|watch:.*|listen:.*|sign up.*newsletter.*|most read|recommended|you may also like)$",
    re.IGNORECASE,
)

#: Photo captions. AFP credit at a caption's end (Dawn, In Amenas 000: "… —AFP
#: Photo"), "(AP Photo/…)", "Picture taken April 21, 2010." (Reuters, Deepwater
#: Horizon) and Fox News captions that open with "(AP)" or "AP Apr. 21:".
_CAPTION = re.compile(
    rf"(?:[—–-]\s*(?:{_AGENCY})\s+(?:Photo|File Photo|Picture)s?\.?$"
    rf"|\((?:{_AGENCY}) Photo[^)]*\)\.?$"
    rf"|^Picture taken {DATE_PATTERN}\.?$|^Picture taken [A-Z][a-z]+ \d{{1,2}}, \d{{4}}\.?$"
    rf"|^\((?:{_AGENCY})\)\s|^(?:(?:{_AGENCY})\s+)?[A-Z][a-z]{{2}}\.? \d{{1,2}}:\s)",
)
#: A line that ends in a short "Photograph: …" credit is a page's header block (headline,
#: standfirst, date, caption) run together: the Guardian pages of Timeline17 ("… Mexican Gulf
#: Photograph: guardian.") and of Multi-News ("… two days later. Photograph: Br").
_CREDIT_TAIL = re.compile(r"\sPhotograph:\s*\S+(?:\s\S+){0,4}$")
#: A photo credit glued to the front of the next paragraph by a scraper
#: ("Photograph: Gerald Herbert/AP Underwater robots dived…", "Photograph: AP BP has installed…", Guardian; the
#: same shape as "Photo: … /Reuters" on Reuters pages), or "Coast Guard via AP"
#: glued before Fox News' dateline.
_CREDIT_PREFIX = re.compile(
    rf"^(?:Photograph|Photo|Picture|Image)\s*:\s*(?:[^:]{{2,60}}?(?:\\?/)\s*)?(?:{_AGENCY}|Getty Images|EPA)\s+(?=[A-Z])"
    rf"|^(?:[A-Z][\w.]*\s){{1,4}}via (?:{_AGENCY})\s+(?=[A-Z])"
)
#: A photo credit opening one of a page's first lines ends the page's header block: Guardian pages of
#: Timeline17 run their headline, standfirst and caption into one line ("… BP was forced to make up
#: disaster response as it went along Tony Hayward, ex-BP boss." then "Photograph: Toby Melville/Reuters
#: The former boss of BP …"), with a second caption line at times. Within this many lines of the top.
HEADER_CREDIT_LINES = 4
_PICTURE_CREDIT = re.compile(r"^(?:Photograph|Photo|Picture|Image)\s*:")
#: Characters of the body's first words used to find where the body starts in the cleaned text.
_BODY_PROBE = 40


#: Reader comments: everything from the comment-section opener onwards
#: (Reuters "We welcome comments that advance the story…"; Guardian-style
#: "Comments are closed" / "This discussion is now closed").
_COMMENTS = re.compile(
    r"^(?:we welcome comments|comments are (?:closed|now closed)|this discussion is (?:now )?closed"
    r"|views expressed in the comments|\d+ comments?$|show comments|join the conversation)",
    re.IGNORECASE,
)
#: A "more stories" list with relative timestamps ("… - 2 hrs ago Mail Online UK
#: … - 9 hrs ago", BBC Deepwater Horizon); Dawn's sidebar uses absolute
#: stamps instead and is handled by ``dated_link_list``.
_AGO = re.compile(r"\b\d+\s+(?:secs?|mins?|minutes?|hrs?|hours?|days?)\s+ago\b", re.IGNORECASE)
#: Footers: "To contact the WSWS … visit:" (WSWS), "Follow us on Twitter",
#: "Copyright ©" (any syndication page), and bare URLs ("wsws.org/contact").
_FOOTER = re.compile(
    r"^(?:to contact .*|contact us.*|follow us on .*|follow .* on (?:twitter|facebook|x)\b.*"
    r"|copyright\b.*|©.*|all rights reserved.*|send us your .*|email .* at .*@.*)$"
    r"|^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$",
    re.IGNORECASE,
)
#: Credit and source lines at an article's end: a bare agency ("Reuters", In
#: Amenas 002) or "Source: Al Jazeera, News Agencies" (Al Jazeera, In Amenas
#: 003); the BBC and Guardian write "Source: Reuters" / "Additional reporting by …".
_CREDIT_LINE = re.compile(
    rf"^(?:[—–-]\s*)?\(?(?:{_AGENCY}|agencies|news agencies|staff|wires?)\)?\.?$"
    r"|^(?:sources?|additional reporting(?: by)?|reporting by|editing by|compiled by)\s*:?\s.{0,120}$",
    re.IGNORECASE,
)




def calls_to_action(lines: Sequence[Line]) -> list[Removal]:
    return [removal(ln, "call to action") for ln in lines if _CALL_TO_ACTION.match(ln.text)]


def captions(lines: Sequence[Line]) -> list[Removal]:
    return [removal(ln, "photo caption") for ln in lines if _CAPTION.search(ln.text)]


def credited_header_blocks(lines: Sequence[Line]) -> list[Removal]:
    """Whole lines ending in a short photo credit (``_CREDIT_TAIL``). Run after ``plain.RULES``, so a
    share bar ending in a credit ("Facebook Twitter Pinterest Photograph: …") keeps its own reason."""
    return [removal(ln, "photo caption") for ln in lines if _CREDIT_TAIL.search(ln.text)]


def credit_prefixes(lines: Sequence[Line]) -> list[Removal]:
    out = []
    for ln in lines:
        match = _CREDIT_PREFIX.match(ln.text)
        if match:
            out.append(Removal(ln.start, ln.start + match.end(), "photo credit", match.group()))
    return out


def header_block_end(text: str, extracted: str, removed: Sequence[Removal]) -> int:
    """Where the body starts in the cleaned ``text`` when a photo credit (``credit_prefixes``) opens one
    of the page's first ``HEADER_CREDIT_LINES`` lines, or 0. What comes before it is the header block a
    text scraper ran together (headline, standfirst, caption): the title reads its headline, but no
    part of it is the report's prose (report16: three such runs shown as summary sentences, on three
    Guardian pages). Only a picture's credit ("Photograph: …"): "Coast Guard via AP" ends no header."""
    for cut in removed:
        if cut.reason != "photo credit" or not _PICTURE_CREDIT.match(cut.text):
            continue
        above = [ln for ln in extracted[: cut.start].splitlines() if ln.strip()]
        if not above or len(above) >= HEADER_CREDIT_LINES:
            continue
        probe = extracted[cut.end : cut.end + _BODY_PROBE].strip()
        at = text.find(probe) if probe else -1
        return max(at, 0)
    return 0


#: A reader comment's signature, by the comment systems news pages used: the Washington Post ("Posted
#: by: jdoe | April 6, 2009 11:25 AM | Report abuse"), CNN ("January 27, 2011 at 7:59 pm | Report abuse",
#: "… at 12:44 pm | Reply"), Reuters ("Posted by kiwidave | Report as abusive") and the BBC ("At 10:14 am
#: on 28 May 2010, pzero wrote:"); Timeline17 pages of all four keep their comment threads.
_COMMENT_SIGNATURE = re.compile(
    r"\bPosted by:?[^\n]{1,120}?\| ?Report (?:abuse|as abusive)\b"
    rf"|\b{MONTHS} \d{{1,2}}, \d{{4}} at \d{{1,2}}:\d{{2}} ?[ap]m \| (?:Report abuse|Reply)\b"
    rf"|\bAt \d{{1,2}}[:.]\d{{2}} ?(?:[ap]m )?on \d{{1,2}}(?:st|nd|rd|th)? {MONTHS} \d{{4}}, [^,\n]{{1,40}} wrote:",
    re.IGNORECASE,
)
#: A thread has several signed comments: one signature could be a quotation of one.
MIN_COMMENT_SIGNATURES = 2


def comment_section(lines: Sequence[Line]) -> list[Removal]:
    """Reader comments: every line from the comment section's opener (``_COMMENTS``) or from the first
    signed comment of a thread (``_COMMENT_SIGNATURE``) on. A comment is an unnamed reader's opinion,
    never the report's (report14 split: "Summers should be shunned by the media, tho." shown as a
    summary sentence). Where the signature follows its comment (the Post, CNN, Reuters) the first
    comment's own lines stay, as nothing marks where it starts."""
    opener = next((i for i, ln in enumerate(lines) if _COMMENTS.match(ln.text)), None)
    signatures = [len(_COMMENT_SIGNATURE.findall(ln.text)) for ln in lines]
    signed = next((i for i, n in enumerate(signatures) if n), None) \
        if sum(signatures) >= MIN_COMMENT_SIGNATURES else None
    start = min([i for i in (opener, signed) if i is not None], default=None)
    return [] if start is None else [removal(rest, "reader comments") for rest in lines[start:]]


def timestamped_link_lists(lines: Sequence[Line]) -> list[Removal]:
    """Lines carrying two or more "N hrs ago" stamps are lists of other stories."""
    return [removal(ln, "related stories") for ln in lines if len(_AGO.findall(ln.text)) >= 2]


def dated_link_list(lines: Sequence[Line]) -> list[Removal]:
    """A trailing sidebar of headlines, each with a date stamp (Dawn's "Opinion / Editorial").

    Each date-stamp line claims the headline before it and the repeated headline
    and teaser after it; a contiguous run of claimed lines that reaches the end,
    plus up to three short section labels before it, is the sidebar. Two stamps
    at least, so one dated sentence at an article's end is never taken.
    """
    stamps = [i for i, ln in enumerate(lines) if is_date_stamp(ln.text)]
    if len(stamps) < 2:
        return []
    claimed = set()
    for i in stamps:
        claimed.update(j for j in range(i - 1, i + 3) if 0 <= j < len(lines))
    start = len(lines)
    while start - 1 in claimed:
        start -= 1
    if start == len(lines) or len([i for i in stamps if i >= start]) < 2:
        return []
    labels = 0
    while start > 0 and labels < 3 and _is_label(lines[start - 1]):
        start -= 1
        labels += 1
    return [removal(ln, "sidebar of other stories") for ln in lines[start:]]


def _is_label(line: Line) -> bool:
    return line.words <= 3 and not is_sentence_like(line.text)


def trailing_furniture(lines: Sequence[Line]) -> list[Removal]:
    """From the end, drop lines that are not sentences: credits, sources, footers, promos.

    The last paragraph of an article ends like a sentence; what follows it on
    a page (Reuters' "Reuters", Al Jazeera's "Source: …", WSWS's contact
    footer, Reuters.com's product promo line) does not.

    A text in which no line ends like a sentence has no last paragraph for
    furniture to follow — it is a one-paragraph article without its final full
    stop, a transcript, a list — so then only lines that look like furniture
    (credits, footers, teasers) go, not every line.
    """
    out: list[Removal] = []
    for ln in reversed(lines):
        if is_sentence_like(ln.text) and not _CREDIT_LINE.match(ln.text):
            return out
        out.append(removal(ln, _tail_reason(ln.text)))
    return [r for r in out if r.reason != _NOT_A_SENTENCE]


_NOT_A_SENTENCE = "trailing non-sentence line"


def _tail_reason(text: str) -> str:
    if _CREDIT_LINE.match(text):
        return "credit or source line"
    if _FOOTER.match(text):
        return "footer"
    if ends_in_ellipsis(text):
        return "teaser"
    return _NOT_A_SENTENCE


def footers(lines: Sequence[Line]) -> list[Removal]:
    return [removal(ln, "footer") for ln in lines if _FOOTER.match(ln.text)]


def duplicate_teasers(lines: Sequence[Line]) -> list[Removal]:
    """A standfirst cut off with "…" that the body then repeats in full (Reuters via Yahoo, 002)."""
    out = []
    for i, ln in enumerate(lines):
        if not ends_in_ellipsis(ln.text):
            continue
        stem = ln.text.rstrip(".… ").strip()
        if len(stem.split()) >= 5 and any(o.text.startswith(stem) for o in lines[i + 1 : i + 4]):
            out.append(removal(ln, "teaser repeated by the body"))
    return out


#: Applied in this order; each sees the lines the earlier ones left. ``plain.RULES`` are the
#: shapes furniture takes in plain text (players, caption lines, clocks, embeds, teaser runs).
RULES: tuple[Rule, ...] = (
    comment_section,
    timestamped_link_lists,
    dated_link_list,
    captions,
    credit_prefixes,
    calls_to_action,
    footers,
    duplicate_teasers,
    *PLAIN_RULES,
    credited_header_blocks,
    trailing_furniture,
)
