"""Which numerals count something, and of what kind (count, percent, money, measure).

Each rule returns the reason a numeral is *not* a count, so the extractor
can keep it for inspection; the rules follow the labelling guidelines in
``tests/data/labels/claims-*.json`` (years, dates, times of day, ages,
ordinals, durations, ratios, names and the pronoun "one" are not counts).
"""

from __future__ import annotations

from .lexicon import lexicon
from .numbers import (
    _DECADE,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    MEASURE_UNITS,
    MONTHS,
    NAME_ENTITIES,
    TIME_UNITS,
    Quantity,
    in_number_list,
)

#: Words before "one" that make it answer "how many" ("at least one American").
ONE_COUNTS_AFTER = frozenset({"least", "only", "including", "just", "included", "and"})
#: Years counted from 1000 to 2100: a bare four-digit integer in that range is a year
#: ("2011 NATO war", "in 1994"); counts that large are written with a comma in news style.
YEAR_RANGE = (1000, 2100)
#: Tokens after a unit searched for "a day" ("1,000 barrels of crude oil a day").
RATE_WINDOW = 9  # "as much as 1,000 barrels (42,000 gallons) a day"


def _after(doc, q: Quantity, skip_hyphen: bool = True):
    """The token after the quantity, skipping one hyphen ("four-day")."""
    j = q.end
    if skip_hyphen and j < len(doc) and doc[j].text in ("-", "–"):
        j += 1
    return doc[j] if j < len(doc) else None


def not_a_count(doc, q: Quantity) -> str | None:
    """Why the quantity counts nothing (a year, a date, a duration...), or None if it is a claim."""
    first = doc[q.start]
    nxt = _after(doc, q)
    prev = doc[q.start - 1] if q.start > 0 else None
    raw = first.text
    for check in (_calendar, _duration_or_age, _name_or_ratio, _code_or_label):
        reason = check(doc, q, first, prev, nxt, raw)
        if reason:
            return reason
    if first.lower_ in ("one", "a", "an") and q.end - q.start == 1:
        return _pronoun_one(doc, q, prev)
    return None


def _calendar(doc, q, first, prev, nxt, raw) -> str | None:
    if _DECADE.match(raw):
        return "decade"
    if raw.isdigit() and len(raw) == 4 and YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1] and q.end - q.start == 1 \
            and not (prev is not None and prev.text in CURRENCY_SIGNS):  # "$1000", "€1500": money, not a year
        return "year"
    if (prev is not None and prev.lower_.rstrip(".") in MONTHS) or (nxt is not None and nxt.lower_.rstrip(".") in MONTHS):
        return "date"
    if ":" in raw or (nxt is not None and nxt.lower_ in ("am", "pm", "a.m.", "p.m.", "gmt", "bst", "cet")):
        return "time of day"
    if nxt is not None and nxt.lower_ in ("a.", "p.", "a", "p") and nxt.i + 1 < len(doc) \
            and doc[nxt.i + 1].lower_ in ("m.", "m"):
        return "time of day"  # "7 p. m.": the clock time written as two tokens (report5 split: three outlets)
    return None


def _duration_or_age(doc, q, first, prev, nxt, raw) -> str | None:
    if prev is not None and prev.lower_ in ("aged", "age", "ages"):
        return "age"
    if _age_at(prev, nxt):
        return "age"
    if nxt is None:
        return None
    if nxt.lower_ in ("year-old", "years-old") or (nxt.lemma_ == "year" and doc[nxt.i + 1 : nxt.i + 2].text == "old"):
        return "age"
    if nxt.lemma_ in ("year", "month") and doc[nxt.i + 1 : nxt.i + 3].text.replace(" ", "") in ("-old", "–old"):
        return "age"  # "a 23-year-old man": spaCy splits it 23 / - / year / - / old
    if nxt.lemma_.lower() in TIME_UNITS or nxt.lower_ in TIME_UNITS:
        return None if duration_context(doc, q) else "duration"
    if first.ent_type_ in ("DATE", "TIME") and not _counts_a_noun(doc, q):
        return "date or duration"
    return None


def _age_at(prev, nxt) -> bool:
    """ "died at 86", "Singer Dead at 41 After Cancer Battle", "retired at 65": a number after "at" on a
    word of a life's events (resources/figures.toml), with no unit or noun after it, is an age (tune and
    report9 splits: an obituary's age read as a count of the killed)."""
    if prev is None or prev.lower_ != "at" or nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "SYM") \
            and not nxt.is_title:
        return False
    return prev.head.lemma_.lower() in lexicon().age_at_words or prev.head.lower_ in lexicon().age_at_words


#: Prepositions that put a duration in the place it was spent ("21 years in prison", "behind bars").
STAY_PREPS = frozenset({"in", "behind", "under"})
#: Time units a duration measure is written in -> its unit (units.UNITS converts them to days).
DURATION_UNITS = {"year": "years", "month": "months", "week": "weeks", "day": "days"}


def duration_context(doc, q: Quantity) -> str | None:
    """What a duration measures a stay in (resources/figures.toml), read off the parse: "more than 21 years
    in prison" (a preposition on the time noun) or "were in prison for 23 years" (on the verb the 'for'
    phrase hangs on); a term a verb imposes ("sentenced to 48 years") is a "sentence". None for every other
    duration ("for three days", "two weeks ago")."""
    nxt = _after(doc, q)
    if nxt is None or nxt.lemma_.lower() not in DURATION_UNITS:
        return None
    stays = lexicon().duration_contexts
    if nxt.head.lower_ == "to" and nxt.head.head.lemma_.lower() in lexicon().term_verbs:
        return "sentence"  # "sentenced to 48 years in prison": the term imposed, not the time served
    holders = [nxt]
    if nxt.head.lower_ == "for" and nxt.head.head.i != nxt.head.i:
        holders.append(nxt.head.head)
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in STAY_PREPS:
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in stays:
                    return pobj.lemma_.lower()
    return None


def _name_or_ratio(doc, q, first, prev, nxt, raw) -> str | None:
    if nxt is not None and nxt.lower_ in ("times", "fold", "-fold"):
        return "ratio"
    if prev is not None and prev.lower_ in ("number", "no.", "#"):
        return "name"
    if first.ent_type_ in NAME_ENTITIES:
        return "name"
    if prev is not None and prev.text in ("-", "–") and prev.i > 0 and doc[prev.i - 1].is_alpha and doc[prev.i - 1].is_title:
        return "name"  # "France-5", "MH-65"
    return None


#: What ends the text before a list item's number: nothing, a line break, or the end of the item before.
_ITEM_BEFORE = frozenset({".", "!", "?", '"', "”", "’", ")"})


def _list_marker(doc, q, prev, raw: str) -> bool:
    """A numbered item's number ("... win.  2. A close-up photograph shows ...", "3) Beatty reads"): at the
    start of a sentence, right before "." or ")" and a capitalised word, it numbers the item and counts
    nothing (an unseen Multi-News story: a numbered photo sequence gave eight "number" figures)."""
    after = doc[q.end] if q.end < len(doc) else None
    if not raw.isdigit() or q.end - q.start != 1 or after is None or after.text not in (".", ")"):
        return False
    if prev is not None and not prev.is_space and prev.text not in _ITEM_BEFORE:
        return False  # "La La Land won 7. Any hope ...": a count at a sentence's end
    item = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return item is not None and item.is_title


def _code_or_label(doc, q, first, prev, nxt, raw) -> str | None:
    """Numbers that name rather than count: an address, a phone number, a year written "'18",
    a title or model number ("Dragon 2", "Category 4"), a compound modifier ("a two-step process")."""
    lex = lexicon()
    if prev is not None and prev.text in ("'", "’") and raw.isdigit() and len(raw) == 2:
        return "year ('18)"
    if raw.isdigit() and len(raw) > 1 and raw.startswith("0"):
        return "code (leading zero)"
    if nxt is not None and nxt.lower_ in lex.name_nouns:
        return "address"
    if _street_number(doc, q, raw):
        return "address (street number)"
    if prev is not None and prev.lemma_.lower() in lex.call_verbs:
        return "phone number"
    if prev is not None and prev.lower_ in lex.name_before:
        return "name or level ('stage 4', 'Flight 370')"
    if _tally(doc, q):
        return "tally ('a 52-46 vote')"
    if _list_marker(doc, q, prev, raw):
        return "list marker ('2. A close-up photograph shows …')"
    if prev is not None and prev.is_title and prev.pos_ in ("PROPN", "NOUN") and not prev.is_sent_start \
            and q.end - q.start == 1 and not _counts_a_noun(doc, q) and first.is_digit:
        return "name (title or model number)"
    if _inside_name(doc, q, prev, first):
        return "name ('the FTSE 100 index', 'a Boeing 737 jet')"
    hyphen = doc[q.end] if q.end < len(doc) else None
    if hyphen is not None and hyphen.text in ("-", "–") and q.end + 1 < len(doc):
        noun = doc[q.end + 1]
        if noun.tag_ == "NN" and noun.lower_ not in MEASURE_UNITS and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
            return "compound modifier ('a two-step process')"
    return None


def _street_number(doc, q: Quantity, raw: str) -> bool:
    """'200 W. American Blvd.': digits, then capitalised words up to a street suffix (resources/figures.toml)."""
    if not raw.isdigit():
        return False
    for tok in doc[q.end : q.end + 5]:
        word = tok.lower_.rstrip(".")
        if not (tok.is_title or tok.is_upper) or tok.is_punct:
            return False
        if word in lexicon().street_suffixes and tok.i > q.end:
            return True
    return False


def _tally(doc, q: Quantity) -> bool:
    """'a 52-46 vote', 'won 3-1': digits joined to digits by a hyphen; which side each counts is not read."""
    if not doc[q.start].is_digit or q.end - q.start != 1:
        return False
    after = doc[q.end : q.end + 2]
    before = doc[max(0, q.start - 2) : q.start]
    return (len(after) == 2 and after[0].text in ("-", "–") and after[1].is_digit and after[0].whitespace_ == "") \
        or (len(before) == 2 and before[1].text in ("-", "–") and before[0].is_digit and before[0].whitespace_ == "")


def _inside_name(doc, q: Quantity, prev, first) -> bool:
    """A number between a name and a singular noun names, not counts: "the FTSE 100 index", "a Boeing
    737 jet", "the Apollo 11 mission" (report12 split: "the FTSE 100" in two reports made a
    consistent figure "index"). Many of a thing take the plural; a singular head after a number
    above one with a name before it is that name's."""
    if prev is None or prev.is_sent_start or prev.pos_ != "PROPN" or not (prev.is_title or prev.is_upper):
        return False
    if q.end - q.start != 1 or not first.is_digit or int(first.text) < 2:
        return False
    head = doc[q.end] if q.end < len(doc) else None
    return head is not None and head.tag_ in ("NN", "NNP") and head.lemma_.lower() not in MEASURE_UNITS \
        and head.lemma_.lower() not in TIME_UNITS


def _counts_a_noun(doc, q: Quantity) -> bool:
    head = doc[q.end - 1].head
    return head.pos_ in ("NOUN", "PROPN") and head.i >= q.end and head.ent_type_ not in ("DATE", "TIME") and head.lemma_ not in TIME_UNITS


def _pronoun_one(doc, q: Quantity, prev) -> str | None:
    """'one'/'a' count only in a list of counts or after 'at least'/'including'; else they pick out an individual."""
    tok = doc[q.start]
    nxt = doc[q.end] if q.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        return "pronoun ('one of')"
    listed = in_number_list(tok)
    if tok.lower_ in ("a", "an"):
        return None if listed else "article"
    if listed or (prev is not None and prev.lower_ in ONE_COUNTS_AFTER - {"and"}):
        return None
    return "pronoun ('one')"



def kind_of(doc, q: Quantity) -> tuple[str, str | None]:
    """(kind, unit): ``count`` (unit None), ``percent`` (%), ``money`` (currency), ``measure`` (ft, barrels...)."""
    prev = doc[q.start - 1] if q.start > 0 else None
    nxt = _after(doc, q)
    if prev is not None and prev.text in CURRENCY_SIGNS:
        return "money", CURRENCY_SIGNS[prev.text]
    if _magnitude(doc, q, prev):
        return "measure", "magnitude"
    if nxt is None:
        return "count", None
    if nxt.text == "%" or nxt.lower_ in ("percent", "pct") or (nxt.lower_ == "per" and doc[nxt.i + 1 : nxt.i + 2].text == "cent"):
        return "percent", "%"
    for word in (nxt.lower_, nxt.lemma_.lower()):
        if word in lexicon().weight_or_money and is_weight(doc, nxt):
            return _measure(doc, nxt)
        if word in CURRENCY_WORDS and nxt.pos_ in ("NOUN", "PROPN"):
            return "money", CURRENCY_WORDS[word]
    if nxt.lemma_.lower() in DURATION_UNITS and duration_context(doc, q):
        return "measure", DURATION_UNITS[nxt.lemma_.lower()]
    distance = distance_unit(doc, nxt)
    if distance:
        return "measure", distance
    return _measure(doc, nxt)


def _magnitude(doc, q: Quantity, prev) -> bool:
    """'magnitude 6.1', 'a magnitude-7 quake', '6.1 on the Richter scale': an earthquake's magnitude
    (resources/figures.toml ``magnitude_before``/``magnitude_after``); "6.1-magnitude" is read by its unit
    word. Read as a count it was "6.1 earthquakes killed", which two outlets could agree or disagree on."""
    lex = lexicon()
    if prev is not None and prev.text in ("-", "–") and prev.i > 0:
        prev = doc[prev.i - 1]
    if prev is not None and prev.lower_ in lex.magnitude_before:
        return True
    after = doc[q.end : q.end + 6].text.lower()
    return any(after.startswith(p) for p in lex.magnitude_after)


def distance_unit(doc, noun) -> str | None:
    """'two blocks away', 'three doors down from', 'two blocks from the scene': things counted to say how far
    (resources/figures.toml, ``distance``). The unit is the noun's plural; None when it counts the things."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in MEASURE_UNITS or noun.lemma_.lower() in TIME_UNITS:
        return None
    after = doc[noun.i + 1].lower_ if noun.i + 1 < len(doc) else ""
    lex = lexicon()
    if after in lex.distance_after or (noun.lemma_.lower() in lex.distance_nouns and after in lex.distance_nouns_before):
        return noun.lemma_.lower() + "s"
    return None


def is_weight(doc, unit) -> bool:
    """Is the unit word ``unit`` ("pound", both a weight and a currency) a weight here? Read off the parse
    (resources/figures.toml, ``weight_or_money``): a weighing verb governs it ("weighs 17 pounds"), it is
    "pounds per" something ("1,400 pounds per square inch"), "pounds of" a thing that is not money ("50,000
    pounds of mud"), or a hyphenated modifier of a noun that is not money ("an 18-pound device")."""
    lex = lexicon()
    if unit.head.lemma_.lower() in lex.weight_verbs and unit.dep_ in ("dobj", "npadvmod", "attr", "pobj", "nmod"):
        return True
    after = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "per":
        return True
    if after is not None and after.lower_ == "of":
        nouns = [t for t in after.subtree if t.pos_ in ("NOUN", "PROPN") and t.i > after.i]
        return bool(nouns) and not any(t.lemma_.lower() in lex.money_nouns for t in nouns)
    hyphened = unit.i > 0 and doc[unit.i - 1].text in ("-", "–")
    if hyphened and unit.dep_ in ("compound", "amod", "nmod") and unit.head.i > unit.i:
        return unit.head.lemma_.lower() not in lex.money_nouns
    return False


def _measure(doc, nxt) -> tuple[str, str | None]:
    unit_tok = nxt
    prefix = ""
    if nxt.lower_ in ("square", "sq", "cubic") and nxt.i + 1 < len(doc):
        prefix = "sq " if nxt.lower_ in ("square", "sq") else "cubic "
        unit_tok = doc[nxt.i + 1]
    unit = MEASURE_UNITS.get(unit_tok.lemma_.lower()) or MEASURE_UNITS.get(unit_tok.lower_)
    if unit is None and unit_tok.lower_ == "m" and unit_tok.i > 0 and doc[unit_tok.i - 1].like_num:
        unit = "m"  # "1,500 m", "120m" (not a million: see numbers._million)
    if unit is None:
        return "count", None
    if unit == "lb" and doc[unit_tok.i + 1 : unit_tok.i + 4].text.lower() == "per square inch":
        return "measure", "psi"  # "1,400 pounds per square inch": a pressure
    if unit in ("barrels/day",):
        return "measure", unit
    after = doc[unit_tok.i + 1 : unit_tok.i + 1 + RATE_WINDOW].text.lower()
    if any(p in after for p in (" a day", "per day", "each day", "daily", "a day")):
        unit += "/day"  # "42,000 gallons of oil a day"
    return "measure", prefix + unit
