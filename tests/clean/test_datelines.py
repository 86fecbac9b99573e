"""The one dateline module answers as the six patterns it replaced did.

``_BEFORE`` holds those patterns as they stood in nlp/sentences, summary/text, timeline/events,
entities/patterns, dates/published and sources; each variant must find what its pattern found, on
a varied set of dateline shapes (and near misses) and on every line of the bundled stories and the
multi-document news in ../shared. ``CHANGED`` lists where the one grammar answers differently, on
purpose (the place may hold a comma or a hyphen but ends in a letter or a dot, and is at most
``MAX_PLACE_CHARS`` long everywhere); none of them is in the bundled stories, whose JSON is pinned.
A deliberate change of one variant updates its reference here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

import pytest

from newsfuse.clean import datelines
from newsfuse.clean.lines import DATE_PATTERN, MONTHS

from corpus import DEEPWATER, EXAMPLE, SHARED

_BEFORE = {
    "only": re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:[:–—-]{1,2}|\(\w+\)\s*[-–—])?$"),
    "prefix": re.compile(r"^[A-Z][A-Z .,'’]{1,40}(?:\([A-Za-z .]+\))?\s*(?::|[–—-]{1,2})\s+"),
    "cut": re.compile(r"^(?:[A-Z][A-Z .'’-]{2,}(?:\s*\([^)]*\))?\s*[:—–-]+\s*|[A-Z][A-Z .'’-]+\s*\|[^|]*?\d{4}[^A-Z]*)"),
    "places": re.compile(r"^(?P<name>[A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+){0,3})\s*(?:[:–—|]|--?\s|\()", re.MULTILINE),
    "date": re.compile(
        rf"^[A-Z][A-Z .'’-]+\s*\|\s*(?P<date>{DATE_PATTERN})"
        rf"|^[A-Z][A-Z .'’-]+,\s+(?P<date2>{MONTHS}\s+\d{{1,2}},?\s+\d{{4}})\s*(?:\(|[-–—])",
    ),
    "agency": re.compile(r"^[A-Z][A-Za-z .,'’-]{1,40}\((?P<agency>[A-Z][\w .&/-]{0,30})\)\s*(?:[-–—]{1,2}|:)\s"),
}


def _before(kind: str, text: str) -> object:
    pattern = _BEFORE[kind]
    if kind == "only":
        return bool(pattern.match(text))
    if kind == "prefix":
        m = pattern.match(text)
        return m.end() if m else 0
    if kind == "cut":
        return pattern.sub("", text)
    if kind == "places":
        return [m.span("name") for m in pattern.finditer(text)]
    m = pattern.match(text)
    if kind == "date":
        return (m.group("date") or m.group("date2")) if m else None
    return m.group("agency").strip() if m else None


_AFTER: dict[str, Callable[[str], object]] = {
    "only": datelines.is_dateline_only,
    "prefix": datelines.dateline_prefix,
    "cut": datelines.without_dateline,
    "places": datelines.dateline_places,
    "date": datelines.dateline_date_text,
    "agency": datelines.dateline_agency,
}

#: (variant, text) -> the new answer, where it differs from the old pattern's, and why.
CHANGED: dict[tuple[str, str], object] = {
    # A comma or a hyphen in the place: the whole dateline goes, not none or half of it.
    ("cut", "ST. JOHN'S, N.L. - A storm"): "A storm",
    ("cut", "WINSTON-SALEM, N.C. — Police"): "Police",  # was "SALEM, N.C. — Police"
    ("prefix", "WINSTON-SALEM, N.C. — Police"): len("WINSTON-SALEM, N.C. — "),
    ("cut", "WASHINGTON, DC - JUNE 18: Former Congresswoman Gabby Giffords throws out the first pitch"):
        "JUNE 18: Former Congresswoman Gabby Giffords throws out the first pitch",
    # Two places with a slash (Reuters), the slash escaped in scraped JSON text (Timeline17).
    ("prefix", "LONDON/HOUSTON (Reuters) - BP named a new chief"): len("LONDON/HOUSTON (Reuters) - "),
    ("prefix", "LONDON\\/HOUSTON (Reuters) - BP named a new chief"): len("LONDON\\/HOUSTON (Reuters) - "),
    # A one-letter "place" is an article, not a dateline.
    ("prefix", "A - B"): 0,
    # An all-capitals headline longer than a place is not a dateline (the old cut had no length bound).
    ("cut", "SOME HEDGE FUND TITANS OK WITH HIGHER TAXES - Absolute Return said"):
        "SOME HEDGE FUND TITANS OK WITH HIGHER TAXES - Absolute Return said",
    ("cut", "MOBB DEEP'S MUZIK STILL HITS MY SOUL LIKE THE VERY FIRST TIME. — Alexander Spit"):
        "MOBB DEEP'S MUZIK STILL HITS MY SOUL LIKE THE VERY FIRST TIME. — Alexander Spit",
    # The prefix the summary strips (and a fragment that is only a dateline) may name the region or
    # country in ordinary case and the day, AP and newspaper style; CNN's dateline has no mark.
    ("prefix", "GENEVA, April 22, 2010 (Reuters) - Talks"): len("GENEVA, April 22, 2010 (Reuters) - "),
    ("prefix", "CANNES, France (AP) — The festival"): len("CANNES, France (AP) — "),
    ("prefix", "KATHMANDU, Nepal (AP) — A Swiss climber"): len("KATHMANDU, Nepal (AP) — "),
    ("prefix", "NEW YORK, Sept. 29 -- A bipartisan rebellion"): len("NEW YORK, Sept. 29 -- "),
    ("prefix", "FLORENCE, Italy, Feb. 25 (UPI) -- Raffaele Sollecito"): len("FLORENCE, Italy, Feb. 25 (UPI) -- "),
    ("prefix", "Washington (CNN) Vermont Sen. Bernie Sanders"): len("Washington (CNN) "),
    ("prefix", "LONDON, Jan. 17, 2013 — The siege"): len("LONDON, Jan. 17, 2013 — "),
    ("prefix", "SANTA CRUZ DE LA SIERRA, Bolivia (AFP) — A march"): len("SANTA CRUZ DE LA SIERRA, Bolivia (AFP) — "),
    ("prefix", "Hillary Clinton (D) said"): 0,
    ("only", "KABUL, Afghanistan -"): True,
    ("only", "NEW YORK, Sept. 29 --"): True,
}

#: The shapes the prefix gained (``CHANGED``), written independently of the module: on the corpus
#: the new prefix may find a dateline the old pattern missed only where the cut has one of them.
_GAINED_PREFIX = re.compile(
    rf"^[A-Z][A-Z .'’-]+(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?(?:, {MONTHS} \d{{1,2}}(?:, \d{{4}})?)?"
    r"(?: \([A-Za-z]+\))? (?:—|–|-|--|:) $|^[A-Z][a-z]+ \([A-Z]+\) $"
)

SHAPES = [
    "ALGIERS –", "ALGIERS", "IN AMENAS:", "NEW ORLEANS --", "NEW ORLEANS (Reuters) -", "PERTH (Reuters) -",
    "ALGIERS – Islamist gunmen seized a gas field.", "IN AMENAS: The siege ended.", "ST. JOHN'S, N.L. - A storm",
    "NEW ORLEANS (Reuters) - BP said on Friday", "NEW ORLEANS -- Oil kept leaking", "WINSTON-SALEM, N.C. — Police",
    "HOUSTON | Thu Apr 22, 2010 11:19pm EDT HOUSTON (Reuters) - A fire", "HOUSTON | Thu Apr 22, 2010",
    "GENEVA, April 22, 2010 (Reuters) - Talks", "LONDON, Jan. 17, 2013 — The siege", "WASHINGTON—The senator said",
    "CANNES, France (AP) — The festival", "PALO ALTO (CBS SF) — A startup", "Washington (CNN) - The president",
    "PITTSBURGH (KDKA) — A former teacher", "LOS ANGELES (AP) -- A judge", "RIO DE JANEIRO: Rain fell",
    "U.S.-led forces said", "ISIS-held towns fell", "BREAKING: Fire at a rig", "AP - a wire story", "UPDATE 2-Oil",
    "NASA said on Monday", "A - B", "THE END", "Algiers – not capitals", "“Quote,” he said.", "",
    "SANTA CRUZ DE LA SIERRA, Bolivia (AFP) — A march", "BEIJING (Xinhua) -- China's", "KABUL, Afghanistan -",
]


def _corpus_lines() -> Iterator[str]:
    paths = sorted(EXAMPLE.glob("*.txt")) + (sorted(DEEPWATER.glob("*.txt")) if DEEPWATER.exists() else [])
    texts = [p.read_text(encoding="utf-8") for p in paths]
    multinews = SHARED / "eval" / "summ-multinews-val" / "clusters.jsonl"
    if multinews.exists():
        for row in multinews.read_text(encoding="utf-8").splitlines():
            texts.extend(a["text"] for a in json.loads(row)["articles"] if a.get("text"))
    for text in texts:
        yield text  # whole texts: the places variant reads every line start
        for line in text.splitlines():
            yield line.strip()
            yield from (p.strip() for p in re.split(r"(?<=[.!?])\s+", line) if p.strip())


@pytest.mark.parametrize("kind", sorted(_BEFORE))
def test_each_variant_finds_what_its_pattern_found_on_the_shapes(kind: str) -> None:
    for text in SHAPES + [text for k, text in CHANGED if k == kind]:
        expected = CHANGED[kind, text] if (kind, text) in CHANGED else _before(kind, text)
        assert _AFTER[kind](text) == expected, text


@pytest.mark.parametrize("kind", sorted(_BEFORE))
def test_each_variant_finds_what_its_pattern_found_on_the_stories(kind: str) -> None:
    changed = [text for k, text in CHANGED if k == kind]
    differ = [text[:80] for text in _corpus_lines()
              if _AFTER[kind](text) != _before(kind, text) and not any(_same_case(text, c) for c in changed)
              and not _gained(kind, text)]
    assert differ == []


def _gained(kind: str, text: str) -> bool:
    """A dateline of a shape the prefix gained, where the old pattern found none."""
    cut = datelines.dateline_prefix(text) if kind == "prefix" else 0
    return bool(cut) and _before(kind, text) == 0 and bool(_GAINED_PREFIX.match(text[:cut]))


def _same_case(line: str, changed: str) -> bool:
    """The corpus line is one of the listed changes (the list keeps their openings, the corpus whole lines)."""
    return line.startswith(changed[:40])


def test_the_shapes_are_datelines_where_they_should_be() -> None:
    assert datelines.dateline_agency("NEW ORLEANS (Reuters) - BP said on Friday") == "Reuters"
    assert datelines.dateline_date_text("HOUSTON | Thu Apr 22, 2010") == "Thu Apr 22, 2010"
    assert datelines.without_dateline("ALGIERS – Islamist gunmen seized a gas field.") == "Islamist gunmen seized a gas field."
    assert datelines.dateline_prefix("IN AMENAS: The siege ended.") == len("IN AMENAS: ")
    assert datelines.is_dateline_only("NEW ORLEANS --") and not datelines.is_dateline_only("NASA said on Monday")
    assert datelines.dateline_places("Text\nRIO DE JANEIRO: Rain fell") == [(5, 19)]
    # ASCII wire copy's underscore for a dash (AP and the New York Times news service, 1990s)
    assert datelines.is_dateline_only("NAIROBI, Kenya (AP) _") and datelines.is_dateline_only("WASHINGTON _")
    assert datelines.dateline_prefix("MIAMI _ The crowd rushed.") == len("MIAMI _ ")
    assert not datelines.is_dateline_only("SNAKE_CASE") and datelines.dateline_prefix("MY_VAR is set") == 0


@pytest.mark.parametrize(("line", "rest"), [
    ("Sarkozy Advocates Change After Crisis TOULON, France, Sept. 25 -- French President Nicolas Sarkozy warned",
     "French President Nicolas Sarkozy warned"),  # Washington Post: headline run into the dateline
    ("By Ricky Carioti -- The Washington Post) BELTON, Mo., Oct. 20 -- Battling George W. Bush",
     "Battling George W. Bush"),  # Washington Post: photo credit run in
    ("A young dolphin apparently was attacked by... VENICE, La. (AP) -- BP's chairman defended",
     "BP's chairman defended"),  # AP via Fox News: teaser run in
])
def test_a_dateline_inside_a_line_cuts_what_was_run_in_before_it(line: str, rest: str) -> None:
    assert line[datelines.inner_dateline(line):] == rest


@pytest.mark.parametrize("line", [
    "He said NATO -- which leads the mission -- agreed.",  # an acronym before a dash
    "He met the FBI (Federal Bureau) - Then he left.",  # a bracket that names no outlet
    "RUSSIAN PRESIDENT DMITRY MEDVEDEV (TRANSLATED): What happened",  # a transcript's speaker
])
def test_prose_has_no_inner_dateline(line: str) -> None:
    assert datelines.inner_dateline(line) == 0
