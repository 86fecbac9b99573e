"""A claim's as-of date: the day a time word in its sentence points to, else the source's date.

The timeline capability owns full TIMEX3 resolution; this is the small
weekday/relative-day resolver a claim needs, and it defers to the
timeline's ``briefing.times`` when that stage has run. Weekday rule (as in
PRODUCT.md's measured dateparser facts): a weekday names the most recent such
day on or before the publication date, so "on Sunday" in a Sunday article is
that same day, not a week earlier.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..words import WEEKDAYS, weekday_before

#: Relative day words -> days before publication.
RELATIVE_DAYS: dict[str, int] = {"today": 0, "tonight": 0, "toay": 0, "yesterday": 1}
#: Two-word relative expressions -> days before publication.
RELATIVE_PHRASES: dict[tuple[str, str], int] = {
    ("last", "night"): 1, ("this", "morning"): 0, ("this", "evening"): 0,
    # "The developments come a day after at least 30 hostages ... were killed": the day before the report
    ("day", "after"): 1, ("day", "earlier"): 1, ("day", "before"): 1, ("previous", "day"): 1,
}


def resolve_word(tokens: list[str], i: int, published: date) -> date | None:
    """The date token ``i`` of lower-cased ``tokens`` names, relative to ``published``; None if it names none."""
    word = tokens[i]
    if word in WEEKDAYS:
        return weekday_before(published, WEEKDAYS.index(word))
    if word in RELATIVE_DAYS:
        return published - timedelta(days=RELATIVE_DAYS[word])
    if i + 1 < len(tokens) and (word, tokens[i + 1]) in RELATIVE_PHRASES and not _rate(tokens, i):
        return published - timedelta(days=RELATIVE_PHRASES[(word, tokens[i + 1])])
    return None


def _rate(tokens: list[str], i: int) -> bool:
    """Only 'a day after/earlier/before' is a date; '1,000 barrels ... each day after studying' is a rate."""
    if tokens[i] != "day":
        return False
    if i < 1 or tokens[i - 1] != "a":
        return True
    return any(t in RATE_WORDS for t in tokens[max(0, i - 5) : i - 1])


#: Words that make a following "a day" a rate (Deepwater Horizon: "1,000 barrels ... a day after").
RATE_WORDS = frozenset("barrels barrel gallons gallon oil crude tonnes tons litres cubic".split())


def sentence_dates(words: list[str], published: date | None) -> list[tuple[int, date]]:
    """(token position, date) of every weekday or relative-day word in a sentence."""
    if published is None:
        return []
    found = []
    for i in range(len(words)):
        day = resolve_word(words, i, published)
        if day is not None:
            found.append((i, day))
    return found


def as_of(words: list[str], position: int, published: date | None, resolved: list[tuple[int, date]] | None = None) -> date | None:
    """The date nearest the claim (at ``position`` in ``words``) in its sentence; else ``published``.

    ``resolved`` may carry dates the timeline stage already resolved (token
    position, date); they take precedence over this module's own reading.
    """
    candidates = resolved if resolved else sentence_dates(words, published)
    if not candidates:
        return published
    return min(candidates, key=lambda c: (abs(c[0] - position), c[0] < position))[1]


def past_period(sent, published: date | None, anchor=None) -> str | None:
    """A year or decade before the publication year named in the sentence ("in 2005", "the 1990s").

    Counts in such sentences belong to another event (the 2005 Texas City
    blast, Algeria's civil war), so they must not join this story's figures.
    With ``anchor`` (the claim's counted noun or numeral) only a year in the claim's own clause, or on
    the noun a relative clause holding the claim describes, scopes it: in "the leak has grown to nearly
    19 million gallons, surpassing the 1989 Exxon Valdez disaster, which at about 11 million gallons ..."
    the 1989 is the 11 million's period, not the 19 million's (tune half).
    """
    for tok in sent:
        text = tok.text.rstrip("s'’")  # "1990s" (spaCy: not like_num) names a decade
        if len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100:
            if (published is None or int(text) < published.year) and (anchor is None or _same_clause(tok, anchor)):
                return tok.text
    return None


#: How far up the parse a clause's head is looked for.
CLAUSE_CLIMB = 12


def _clause_head(tok):
    """The verb heading the clause ``tok`` sits in (the sentence root when none)."""
    node = tok
    for _ in range(CLAUSE_CLIMB):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _same_clause(year, anchor) -> bool:
    """Does the year scope the claim at ``anchor``? When the clause it sits in holds the claim ("In 2009, BP
    was fined after an explosion that killed 15": the whole sentence is another time), or it is on the noun
    the claim's relative clause describes ("the 1989 disaster, which at about 11 million gallons ..."). A
    year in a side clause that does not hold the claim ("..., surpassing the 1989 disaster") does not."""
    if year.head.lower_ == "since":
        return True  # "509 fires ... since 2006": a total since then, wherever the parser hangs the phrase
    if anchor.is_ancestor(year):
        return True  # "the 20 children killed in the December 2012 shooting": the counted noun's own modifier
    year_clause = _clause_head(year)
    if year_clause.i == anchor.i or year_clause.is_ancestor(anchor):
        return True
    clause = _clause_head(anchor)
    if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
        noun = clause.head
        return any(t.i == year.i for t in noun.subtree) and not any(t.i == year.i for t in clause.subtree)
    return False
