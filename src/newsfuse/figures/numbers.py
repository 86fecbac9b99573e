"""Numerals in a spaCy Doc: where they are, what they are worth, and whether they count anything.

spaCy tags "Seven", "11", "2,000" and "several dozen" as numbers but also
"sixth", "four-day" and "2013"; the issue asks for counts only, so each
candidate passes through ``not_a_count`` which names the reason it is
dropped (kept for debugging and for the non-claim tests) rather than
silently skipping it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..words import CARDINALS, FRACTIONS, GLUED_SCALES, MONTH_ABBREVIATIONS, SCALES, VAGUE_RANGES
from ..words import MONTHS as MONTH_NAMES
from .lexicon import lexicon

WORD_VALUES: dict[str, float] = CARDINALS | {"a": 1, "an": 1}
#: Vague numeric plurals -> (low, high) (words.VAGUE_RANGES: "dozens", "hundreds"); "several dozen"
#: and "tens of thousands" are looked up as phrases.
VAGUE: dict[str, tuple[float, float]] = {w: r for w, r in VAGUE_RANGES.items() if " " not in w}
SEVERAL: dict[str, tuple[float, float]] = {
    w.split()[1]: r for w, r in VAGUE_RANGES.items() if w.startswith("several ")
}
ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth "
    "hundredth thousandth millionth last".split()
)
TIME_UNITS = frozenset(
    "second minute hour day night week weekend month year decade century hr hrs yr yrs".split()
)
MONTHS = frozenset(MONTH_NAMES + MONTH_ABBREVIATIONS)
MEASURE_UNITS: dict[str, str] = {
    "barrel": "barrels", "bpd": "barrels/day", "gallon": "gallons", "litre": "litres", "liter": "litres",
    "foot": "ft", "feet": "ft", "ft": "ft", "metre": "m", "meter": "m", "kilometre": "km", "kilometer": "km",
    "km": "km", "mile": "miles", "acre": "acres", "tonne": "tonnes", "ton": "tonnes", "kg": "kg",
    "kilogram": "kg", "pound": "lb", "lb": "lb", "inch": "in", "yard": "yd", "hectare": "ha",
    "magnitude": "magnitude",  # "a 6.1-magnitude earthquake": a measure, never a count of earthquakes
}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
CURRENCY_WORDS = {"dollar": "USD", "pound": "GBP", "euro": "EUR", "yen": "JPY", "cent": "US cents", "pence": "pence"}
#: Entity types whose numerals are names, not amounts ("STOXX Europe 600", "Boeing 747").
NAME_ENTITIES = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "LAW", "EVENT", "PERSON"})

_DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_DIGITS_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(m|bn|k)$", re.I)
#: "300-$400" is one token to spaCy's tokenizer when the second amount repeats a currency sign.
_GLUED_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?(?:m|bn|k)?)[-–](?:US\$|[$£€¥])(\d[\d,]*(?:\.\d+)?)(m|bn|k)?$", re.I)
_DECADE = re.compile(r"^'?\d{2,4}s$")
_ORDINAL_DIGITS = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


@dataclass(frozen=True)
class Quantity:
    """A run of tokens ``[start, end)`` forming one amount; ``low``/``high`` for ranges and vague words."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None

    @property
    def vague(self) -> bool:
        return self.value is None


def word_value(text: str) -> float | None:
    """Value of one numeral token ("2,000", "seven", "twenty-five", "87m"); None if it is not one."""
    t = text.lower().replace("\u2019", "'")
    if _DIGITS.match(t):
        return float(t.replace(",", ""))
    m = _DIGITS_SUFFIX.match(t)
    if m:
        return float(m.group(1)) * SCALES[m.group(2).lower()]
    if "-" in t:
        parts = [WORD_VALUES.get(p) for p in t.split("-")]
        if len(parts) == 2 and None not in parts and parts[0] >= 20 and parts[1] < 10:  # type: ignore[operator]
            return float(parts[0] + parts[1])  # type: ignore[operator]
        return None
    return float(WORD_VALUES[t]) if t in WORD_VALUES and t not in ("a", "an") else None


def is_numeral(token) -> bool:
    low = token.lower_
    if low in ORDINAL_WORDS or _ORDINAL_DIGITS.match(low) or token.ent_type_ == "ORDINAL":
        return False
    return word_value(token.text) is not None or low in VAGUE


def find_quantities(doc) -> list[Quantity]:
    """Every amount in ``doc``: numerals with their scale words, ranges and vague plurals."""
    found: list[Quantity] = []
    i = 0
    while i < len(doc):
        q = _quantity_at(doc, i)
        if q is None:
            i += 1
            continue
        found.append(q)
        i = q.end
    return found


def _quantity_at(doc, i: int) -> Quantity | None:
    tok = doc[i]
    low = tok.lower_
    fraction = _fraction_of_scale(doc, i) if low in _FRACTION_STARTS or low in ("a", "an") else None
    if fraction is not None:
        return fraction
    if low in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in SCALES and doc[i + 1].lower_ not in GLUED_SCALES:
        return _scaled(doc, i, i + 1, 1.0)
    if low == "several" and i + 1 < len(doc) and doc[i + 1].lower_ in SEVERAL:
        return Quantity(i, i + 2, None, *SEVERAL[doc[i + 1].lower_])
    if low == "tens" and doc[i + 1 : i + 3].text.lower() == "of thousands":
        return Quantity(i, i + 3, None, *VAGUE_RANGES["tens of thousands"])
    if low in VAGUE and tok.tag_ in ("NNS", "NNPS", "CD"):
        return Quantity(i, i + 1, None, *VAGUE[low])
    if low in ("a", "an") and _listed_article(doc, i):
        return Quantity(i, i + 1, 1.0)
    glued = _GLUED_RANGE.match(tok.text)
    if glued:
        first, digits = word_value(glued.group(1)), word_value(glued.group(2))
        second = word_value(glued.group(2) + (glued.group(3) or ""))  # "£1.5m-£2m"
        high = _scaled(doc, i, i + 1, second)
        lowest = _shared_scale(Quantity(i, i + 1, first) if first == word_value(glued.group(1).rstrip("mMbBnNkK"))
                               else Quantity(i, i + 2, first), high, digits)  # a first amount with a suffix keeps it
        if lowest is not None and high.value is not None and high.value > lowest:
            return Quantity(i, high.end, None, lowest, high.value)
    if not is_numeral(tok):
        return None
    value = word_value(tok.text)
    return _maybe_range(doc, _scaled(doc, i, i + 1, value))


#: First words of the fractions ("half", "quarter", "three" of "three-quarters").
_FRACTION_STARTS = frozenset(re.split(r"[-–]", w)[0] for w in FRACTIONS)


def _fraction_of_scale(doc, i: int) -> Quantity | None:
    """"half a million", "a half-trillion", "a quarter of a billion", "three-quarters of a million": a
    fraction (words.FRACTIONS) of the scale word after it. Without a scale word ("half the town") it is
    no amount: None."""
    j = i + 1 if doc[i].lower_ in ("a", "an") else i
    if j >= len(doc) or doc[j].lower_ not in _FRACTION_STARTS:
        return None  # checked on every token: one set lookup before any slicing
    if doc[j : j + 3].text.lower().replace(" ", "") in FRACTIONS and doc[j + 1 : j + 2].text in ("-", "–"):
        fraction, k = FRACTIONS[doc[j : j + 3].text.lower().replace(" ", "")], j + 3  # "three-quarters"
    elif doc[j].lower_ in FRACTIONS:
        fraction, k = FRACTIONS[doc[j].lower_], j + 1
    else:
        return None
    for skip in (("-", "–"), ("of",), ("a", "an")):  # "half-", "quarter of", "half a"
        if k < len(doc) and doc[k].lower_ in skip:
            k += 1
    if k >= len(doc) or doc[k].lower_ not in SCALES or doc[k].lower_ in GLUED_SCALES or k == j + 1 and j == i:
        return None  # "half million" alone is too rare to tell from "half" + a noun; "a half million" reads
    return Quantity(i, k + 1, fraction * SCALES[doc[k].lower_])


def _scaled(doc, start: int, nxt: int, value: float | None) -> Quantity:
    """Absorb compound numerals and scale words: "two hundred", "11 million", "a dozen", "twenty five"."""
    end = nxt
    while end < len(doc):
        w = doc[end].lower_.rstrip(".") if doc[end].lower_ in ("m.", "bn.") else doc[end].lower_  # "$87m." at a full stop
        if w == "-" and _tens_and_unit(doc, end, value):  # "twenty-one": spaCy splits it at the hyphen
            value, end = value + word_value(doc[end + 1].text), end + 2  # type: ignore[operator]
            continue
        if w in SCALES and w not in GLUED_SCALES or (w in ("m", "bn") and (_glued(doc, end) or w == "bn") and _million(doc, start, end)):
            value = (value or 1) * SCALES[w]
        elif word_value(w) is not None and not _DIGITS.match(w) and not _DIGITS.match(doc[end - 1].text) and w not in ("one",):
            value = (value or 0) + word_value(w)  # "twenty five"
        else:
            break
        end += 1
    return Quantity(start, end, value)


def changes_from(prep) -> bool:
    """ "from" opening the value before a change ("the toll rose from 7 to 23", "raised their estimates
    from 1,000 barrels a day to 19,000"): the change verbs are ``[modality.superseded] change_verbs``;
    "estimates range from 10 to 25" is no change."""
    return prep.lower_ == "from" and prep.head.lemma_.lower() in lexicon().change_verbs


def _maybe_range(doc, q: Quantity) -> Quantity:
    """"10-25", "10 to 25", "between 10 and 25", "$300-$400 billion" -> one quantity with low/high; not
    a change's two values ("rose from 7 to 23": ``changes_from``), each its own claim."""
    j = q.end
    k = j + 1
    if k + 1 < len(doc) and doc[k].text in CURRENCY_SIGNS and q.start > 0 and doc[q.start - 1].text == doc[k].text:
        k += 1  # "$300-$400 billion": the second amount repeats the currency sign
    if k < len(doc) and doc[j].text in ("-", "–", "to", "or") and is_numeral(doc[k]) \
            and not (doc[j].lower_ == "to" and q.start > 0 and changes_from(doc[q.start - 1])):  # "one or two churches"
        other = _scaled(doc, k, k + 1, word_value(doc[k].text))
        low = _shared_scale(q, other, word_value(doc[k].text))
        if low is not None and other.value is not None and other.value > low:
            return Quantity(q.start, other.end, None, low, other.value)
    if q.start > 0 and doc[q.start - 1].lower_ == "between" and j + 1 < len(doc) and doc[j].lower_ == "and":
        k = j + 1
        if k + 2 < len(doc) and doc[k].lower_ in ("more", "over", "almost", "nearly", "about") :
            k += 2 if doc[k + 1].lower_ == "than" else 1  # "between 504,000 and more than a million gallons"
        if not (k < len(doc) and (is_numeral(doc[k]) or (doc[k].lower_ == "a" and k + 1 < len(doc)
                                                          and doc[k + 1].lower_ in ("million", "billion")))):
            return q
        if doc[k].lower_ == "a":
            other = _scaled(doc, k, k + 1, 1.0)  # "a million"
            return Quantity(q.start, other.end, None, q.value, other.value) \
                if q.value is not None and other.value is not None and other.value > q.value else q
        other = _scaled(doc, k, k + 1, word_value(doc[k].text))
        low = _shared_scale(q, other, word_value(doc[k].text))
        if low is not None and other.value is not None and other.value > low:
            return Quantity(q.start, other.end, None, low, other.value)
    return q


def _shared_scale(first: Quantity, second: Quantity, second_digits: float | None) -> float | None:
    """The low end of a range whose scale word is written once, after its high end: "300 to 400 billion"
    is 300 billion to 400 billion. Shared only when the first amount has no scale of its own and is below
    the second's digits ("500 to 2 million" is 500 people up to two million)."""
    if first.value is None or second.value is None or not second_digits:
        return first.value
    scale = second.value / second_digits
    if first.end - first.start == 1 and scale > 1 and first.value < second_digits:
        return first.value * scale
    return first.value


def _tens_and_unit(doc, hyphen: int, value: float | None) -> bool:
    """True when token ``hyphen`` joins a ten and a unit written as one word ("Twenty-one", "forty-five")."""
    if value not in (20, 30, 40, 50, 60, 70, 80, 90) or hyphen + 1 >= len(doc):
        return False
    unit = doc[hyphen + 1]
    return (_glued(doc, hyphen) and _glued(doc, hyphen + 1) and not _DIGITS.match(unit.text)
            and (word_value(unit.text) or 0) in range(1, 10))


def _glued(doc, i: int) -> bool:
    """True when token ``i`` follows the previous one without a space ("87m" split by spaCy into 87 + m)."""
    return doc[i].idx == doc[i - 1].idx + len(doc[i - 1].text)


def coordinated(noun) -> list:
    """Nouns linked to ``noun`` by coordination or apposition ("three Belgians, two Americans, one Japanese")."""
    seen, todo = {noun.i: noun}, [noun]
    while todo:
        node = todo.pop()
        links = [c for c in node.children if c.dep_ in ("conj", "appos")]
        if node.dep_ in ("conj", "appos") and node.head.i != node.i:
            links.append(node.head)
        for other in links:
            if other.i not in seen:
                seen[other.i] = other
                todo.append(other)
    return [t for i, t in sorted(seen.items()) if i != noun.i]


def in_number_list(tok) -> bool:
    """True when the noun ``tok`` quantifies is coordinated with nouns that carry numerals."""
    noun = tok.head
    if noun.pos_ not in ("NOUN", "PROPN", "ADJ") or noun.i <= tok.i:
        return False
    return any(
        any(c.dep_ == "nummod" and is_numeral(c) for c in other.children) for other in coordinated(noun)
    )


def _listed_article(doc, i: int) -> bool:
    """'... two Americans, one Japanese and a Briton': the article counts one, as a member of a list of counts."""
    tok = doc[i]
    return tok.dep_ == "det" and i > 0 and doc[i - 1].lower_ in ("and", ",", "or") and in_number_list(tok)


def _million(doc, start: int, m: int) -> bool:
    """'$87m', '520m gallons' are millions; '(1,500m)', '120m long' are metres (BBC style uses both)."""
    if start > 0 and doc[start - 1].text in ("$", "£", "€", "US$"):
        return True
    if doc[m].lower_ == "bn":
        return True
    nxt = doc[m + 1] if m + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in ("long", "wide", "high", "deep", "tall")
