"""Golden snippets on real pages, trafilatura style: what the cleaned text must and must not contain."""

from __future__ import annotations

import pytest

from newsfuse.clean.text import clean_text

from corpus import DEEPWATER, example_file, need_shared

EXAMPLE_GOLD = {
    "000": {
        "must": ["IN AMENAS: Seven foreign hostages and 11 Al Qaeda-linked gunmen were killed on Saturday",
                 "The final death tolls, of both foreign and Algerian hostages and of gunmen, was not yet known."],
        "must_not": ["Economic plan?", "Registration tussle", "15 Dec, 2024", "Truant ministers", "—AFP Photo",
                     "Opinion"],
    },
    "001": {
        "must": ["ALGIERS – The Algerian army carried out a dramatic final assault",
                 "hundreds of Algerian workers were inside the heavily fortified gas compound"],
        "must_not": [],
    },
    "002": {
        "must": ["captured a sixth militant alive today, a security source said.",
                 "credible threats of more kidnapping attempts on Westerners."],
        "must_not": ["READ MORE", "Algeria kidnappers 'taken alive'", "\nReuters"],
    },
    "003": {
        "must": ["State media report more than 650 hostages are freed",
                 "Dahou Ould Kablia told Algeria’s Arab-language daily Echorouk."],
        "must_not": ["Source: Al Jazeera, News Agencies", "Deadly raid"],
    },
    "004": {
        "must": ["On Saturday evening, Algerian military forces stormed the Tinguetourine",
                 "it is the country’s supreme authorities who will judge",
                 "fighter-bombers and helicopter gunships"],
        "must_not": ["To contact the WSWWS", "wsws.org/contact", "Alex Lantier"],
    },
}

DEEPWATER_GOLD = {
    "2010-04-22-reuters-1230.txt": {
        "must": ["Eleven workers were missing and 17 injured", "shares of BP traded on the NYSE were off 54 cents at $59.55."],
        "must_not": ["We welcome comments", "bunch of parasites", "This discussion is now closed",
                     "ultra-low latency", "Picture taken April 21, 2010."],
    },
    "2010-04-26-bbc-481.txt": {
        "must": ["Robotic submersibles are being used", "the worst oil spill in US history."],
        "must_not": ["2 hrs ago", "Robots Working to Stop Oil Leak"],
    },
    "2010-04-26-guardian-1569.txt": {
        "must": ["Underwater robots dived to the ocean floor yesterday"],
        "must_not": ["Photograph: Gerald Herbert"],
    },
    "2010-04-25-foxnews-420.txt": {
        "must": ["NEW ORLEANS -- The Coast Guard discovered Saturday that oil is leaking"],
        "must_not": ["AP Apr. 21: Fire boat crews", "Coast Guard via AP"],
    },
}


@pytest.mark.parametrize("prefix", sorted(EXAMPLE_GOLD))
def test_example_golden_snippets(prefix: str) -> None:
    text = clean_text(example_file(prefix).read_text(encoding="utf-8")).text
    for snippet in EXAMPLE_GOLD[prefix]["must"]:
        assert snippet in text
    for snippet in EXAMPLE_GOLD[prefix]["must_not"]:
        assert snippet not in text


@pytest.mark.parametrize("name", sorted(DEEPWATER_GOLD))
def test_deepwater_golden_snippets(name: str) -> None:
    text = clean_text((need_shared(DEEPWATER) / name).read_text(encoding="utf-8")).text
    for snippet in DEEPWATER_GOLD[name]["must"]:
        assert snippet in text
    for snippet in DEEPWATER_GOLD[name]["must_not"]:
        assert snippet not in text


def test_cleaning_keeps_nearly_all_sentences_of_the_example() -> None:
    """No rule drops an article sentence: every removed line is short, dated, or known furniture."""
    for prefix in EXAMPLE_GOLD:
        cleaned = clean_text(example_file(prefix).read_text(encoding="utf-8"))
        dropped_sentences = [r for r in cleaned.removed
                             if r.reason not in ("sidebar of other stories", "photo caption", "teaser repeated by the body")
                             and len(r.text.split()) > 12]
        assert dropped_sentences == []
