"""Wire datelines, written once: "ALGIERS –", "IN AMENAS:", "NEW ORLEANS (Reuters) --", "HOUSTON | Thu Apr 22, 2010".

A dateline opens wire copy: a place in capitals (``_PLACE``), perhaps the agency in brackets
(``_BRACKET``), then a dash or a colon (``_MARK``), or a bar and the date. Six stages look for one, each asking a different
question, so each question is a named function here over the same pieces:

- ``is_dateline_only``: is this sentence fragment only a dateline (``nlp.sentences`` re-attaches it)?
- ``dateline_prefix``: how long is the dateline a sentence opens with (``summary`` strips it)? AP
  and newspaper datelines may name the region and the day ("KATHMANDU, Nepal (AP) —", "NEW YORK,
  Sept. 29 --"), CNN's has no mark ("Washington (CNN) Vermont …").
- ``without_dateline``: the text with its dateline, a dated wire one included, cut (``timeline`` statements).
- ``dateline_places``: the places named by datelines at line starts (``entities``: GPE mentions).
- ``dateline_date_text``: the date a wire dateline line carries (``dates``: publication date).
- ``dateline_agency``: whose copy it is, from the bracket (``sources``: the outlet).

The variants differ only where their questions do: a fragment may be the place alone; a prefix
to strip needs the text after it; a cut also takes a dated wire line and a rule of dashes; the
agency variant takes a place in any case ("Washington (CNN) -"); a place taken as a GPE mention
is stricter (at most ``MAX_PLACE_WORDS`` words, no comma or hyphen), since a wrong one becomes an
entity (all-capitals headlines such as "OBAMA ON BANK OF AMERICA -" would). tests/clean/test_datelines.py holds them to the patterns they
replaced on the bundled stories and a varied set of dateline shapes.
"""

from __future__ import annotations

import re

from .lines import DATE_PATTERN, MONTHS

#: Longest place a dateline prefix may name ("SANTA CRUZ DE LA SIERRA, Bolivia" fits).
MAX_PLACE_CHARS = 40
#: Most words in a dateline place taken as a place mention ("RIO DE JANEIRO" is three).
MAX_PLACE_WORDS = 4
#: The place, in capitals, ending in a letter or a dot: "NEW ORLEANS", "ST. JOHN'S, N.L.", "WINSTON-SALEM"
#: (not "I--" or "N'-" opening a sentence), or two places "LONDON/HOUSTON" (Reuters; the slash escaped as
#: "\/" in scraped JSON text, Timeline17).
_PLACE = rf"[A-Z][A-Z .,'’/\\-]{{0,{MAX_PLACE_CHARS - 1}}}[A-Z.]"
#: The agency or outlet in brackets: "(Reuters)", "(AP)", "(CBS SF)".
_BRACKET = r"\s*\((?P<agency>[A-Za-z][\w .&/-]{0,30})\)"
#: A dash or a colon after the place: "ALGIERS –", "IN AMENAS:", "NEW ORLEANS --"; or the lone
#: underscore that ASCII wire copy sent for a dash ("NAIROBI, Kenya (AP) _", "WASHINGTON _": AP and the
#: New York Times news service in the 1990s).
_MARK = r"\s*(?::|[–—-]{1,2}|_(?=\s|$))"

#: After the place, AP style may give its region or country in ordinary case ("KATHMANDU, Nepal",
#: "DELPHI, Ind.", "SYDNEY, New South Wales"), and a newspaper the day ("NEW YORK, Sept. 29 --",
#: "FLORENCE, Feb. 25 (UPI) --").
_REGION = r"(?:,\s+[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2})?"
_DAY = rf"(?:,\s+{MONTHS}\s+\d{{1,2}}(?:,\s+\d{{4}})?)?"
#: CNN's dateline has no mark: "Washington (CNN) Vermont Sen. …", a short place in any case and an
#: outlet in capitals, then the sentence.
_UNMARKED = r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}\s*\((?P<outlet>[A-Z]{2,8})\)\s+(?=[A-Z])"

_ONLY = re.compile(rf"^{_PLACE}(?:{_REGION}{_DAY}(?:{_BRACKET})?{_MARK})?$")
_PREFIX = re.compile(rf"^(?:{_PLACE}{_REGION}{_DAY}(?:{_BRACKET})?{_MARK}\s+|{_UNMARKED})")
#: ... and a dated wire one: "HOUSTON | Thu Apr 22, 2010 11:19pm EDT".
_CUT = re.compile(rf"^(?:{_PLACE}(?:{_BRACKET})?(?:\s*:|\s*[–—-]+)\s*|{_PLACE}\s*\|[^|]*?\d{{4}}[^A-Z]*)")
#: A place at a line start followed by a dateline mark: "ALGIERS –", "HOUSTON |", "NEW ORLEANS (".
_PLACE_NAME = re.compile(
    rf"^(?P<name>[A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+){{0,{MAX_PLACE_WORDS - 1}}})\s*(?:[:–—|]|--?\s|\()", re.MULTILINE
)
#: A dated wire dateline: "HOUSTON | Thu Apr 22, 2010", "GENEVA, April 22, 2010 (Reuters) -".
_DATED = re.compile(
    rf"^{_PLACE}\s*\|\s*(?P<date>{DATE_PATTERN})"
    rf"|^{_PLACE},\s+(?P<date2>{MONTHS}\s+\d{{1,2}},?\s+\d{{4}})\s*(?:\(|[-–—])",
)
#: A dateline naming whose copy it is, the place in any case: "CANNES, France (AP) —", "Washington (CNN) -".
_AGENCY = re.compile(rf"^[A-Z][A-Za-z .,'’-]{{1,{MAX_PLACE_CHARS}}}{_BRACKET}{_MARK}\s")


def is_dateline_only(fragment: str) -> bool:
    """True when a sentence fragment is only a dateline, so it belongs with the sentence after it."""
    return bool(_ONLY.match(fragment))


def dateline_prefix(sentence: str) -> int:
    """Characters of the dateline ``sentence`` opens with, the space after it included; 0 without one."""
    match = _PREFIX.match(sentence)
    return match.end() if match else 0


#: A dateline inside a line, after a headline or a photo credit a scraper ran into it ("After Crisis
#: TOULON, France, Sept. 25 -- French President …", "… -- The Washington Post) BELTON, Mo., Oct. 20 --
#: Battling …"). Prose never has one, but an acronym before a dash it may ("said NATO -- which"), so
#: the place must come with its region, its day or its agency, and a dash (a transcript's speaker,
#: "MEDVEDEV (TRANSLATED): …", takes a colon).
#: An outlet in brackets, one word or a word and a call sign ("(Reuters)", "(AP)", "(CBS SF)").
_ANY_BRACKET = r"\s*\([A-Z][A-Za-z&]{1,15}(?: [A-Z]{2,4})?\)"
_INNER = re.compile(
    rf"(?<=[\s)])[A-Z][A-Z'’.-]{{2,}}(?: [A-Z][A-Z'’.-]+){{0,3}}"
    rf"(?:(?:,\s+[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){{0,2}})?,\s+{MONTHS}\s+\d{{1,2}}(?:,\s+\d{{4}})?(?:{_ANY_BRACKET})?"
    rf"|,\s+[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){{0,2}}{_ANY_BRACKET}|{_ANY_BRACKET})\s*[–—-]{{1,2}}\s+(?=[A-Z])"
)


def inner_dateline(sentence: str) -> int:
    """Where the real sentence starts after a dateline run into a headline or credit before it
    (``_INNER``); 0 when there is none."""
    match = _INNER.search(sentence)
    return match.end() if match else 0


def without_dateline(text: str) -> str:
    """``text`` with the dateline it opens with cut, a dated wire one ("HOUSTON | Thu Apr 22, 2010 …") too."""
    return _CUT.sub("", text, count=1)


def dateline_places(text: str) -> list[tuple[int, int]]:
    """Offsets of the place of every dateline at the start of a line of ``text``."""
    return [match.span("name") for match in _PLACE_NAME.finditer(text)]


def dateline_date_text(line: str) -> str | None:
    """The date text of a dated wire dateline (``line`` stripped), for a date parser; None without one."""
    match = _DATED.match(line)
    return (match.group("date") or match.group("date2")) if match else None


def dateline_agency(paragraph: str) -> str | None:
    """The agency or outlet a dateline names in brackets ("Reuters", "CBS SF"); None without one."""
    match = _AGENCY.match(paragraph)
    return match.group("agency").strip() if match else None
