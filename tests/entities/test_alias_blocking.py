"""Blocking loses no merge: blocked alias clustering gives the clusters of all pairs.

``cluster_mentions`` tries each rule only on the pairs its necessary condition allows
(``entities.alias_blocks``); ``exhaustive=True`` tries every pair. The two must agree on the
bundled stories, on ECB+ and MEANTIME gold mentions (when ../shared is present) and on generated
names full of the variants each rule exists for. ``CloseStrings`` must return every string whose
rapidfuzz ratio with the query reaches the cutoff.
"""

from __future__ import annotations

import json
import random
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from newsfuse.entities import stage as entity_stage
from newsfuse.entities.alias_blocks import CloseStrings, length_range, max_indel
from newsfuse.entities.alias_clusters import cluster_mentions
from newsfuse.entities.aliases import TRANSLITERATIONS, initials
from newsfuse.entities.mentions import Mention
from newsfuse.model import Span

from corpus import SHARED

ECBPLUS = SHARED / "eval" / "entities-ecbplus" / "subtopics.jsonl"
MEANTIME = SHARED / "eval" / "entities-meantime" / "topics.jsonl"


def assert_same(*args, **kwargs) -> None:
    blocked = cluster_mentions(*args, **kwargs)
    assert blocked == cluster_mentions(*args, **kwargs, exhaustive=True)


# -- CloseStrings: complete against brute force ------------------------------------------------

names = st.text(alphabet="aeinorst -", min_size=1, max_size=14)


@settings(max_examples=150, deadline=None)
@given(st.lists(names, min_size=1, max_size=40), names, st.sampled_from([80, 85, 90, 95]))
def test_close_strings_misses_nothing(data: list[str], query: str, cutoff: int) -> None:
    near = set(CloseStrings(data, cutoff).near(query))
    assert {j for j, s in enumerate(data) if fuzz.ratio(query, s) >= cutoff} <= near


def test_close_strings_misses_nothing_on_misspelt_names() -> None:
    rng = random.Random(7)
    base = ["landry", "landrieu", "zelensky", "zelenskyy", "in amena", "ain amena", "mohamed", "muhammad",
            "hayward", "haywood", "suttles", "allen", "transocean", "halliburton", "a", "ab"]
    data = base + [_misspelt(rng, rng.choice(base)) for _ in range(300)]
    for cutoff in (80, 85, 90):
        index = CloseStrings(data, cutoff)
        for query in data[:60]:
            assert {j for j, s in enumerate(data) if fuzz.ratio(query, s) >= cutoff} <= set(index.near(query))


def test_the_length_filter_is_the_ratio_bound() -> None:
    # ratio >= c needs indel <= (|a|+|b|)(100-c)/100, and indel >= ||a|-|b||.
    for la in range(1, 40):
        lo, hi = length_range(la, 90)
        for lb in range(1, 100):
            possible = abs(la - lb) <= max_indel(la + lb, 90)
            assert possible == (lo <= lb <= hi)


# -- blocked == all pairs ------------------------------------------------------------------------


def test_bundled_story_clusters_match_all_pairs(example_briefing, monkeypatch) -> None:
    _compare_find_entities(example_briefing, monkeypatch)


def test_deepwater_clusters_match_all_pairs(deepwater_briefing, monkeypatch) -> None:
    _compare_find_entities(deepwater_briefing, monkeypatch)


def _compare_find_entities(briefing, monkeypatch) -> None:
    """Both clusterings of ``find_entities`` (before and after the look-up) agree."""
    calls = []

    def both(*args, **kwargs):
        calls.append(args)
        assert_same(*args, **kwargs)
        return cluster_mentions(*args, **kwargs)

    monkeypatch.setattr(entity_stage, "cluster_mentions", both)
    entity_stage.find_entities(briefing.sources, briefing.docs)
    assert len(calls) == 2


#: Gold entity types of ECB+ and MEANTIME as the votes spaCy's labels would cast.
GOLD_LABELS = {"HUM": "PERSON", "LOC": "GPE", "NON": "ORG", "PER": "PERSON", "ORG": "ORG", "PRO": "PRODUCT",
               "FIN": "ORG"}


def _gold_mentions(row: dict) -> list[Mention]:
    return [Mention(Span(m["doc_id"], m["start"], m["end"]), m["text"], GOLD_LABELS.get(e["type"]))
            for e in row["entities"] for m in e["mentions"]]


@pytest.mark.skipif(not ECBPLUS.is_file(), reason="ECB+ lives in ../shared/eval beside the checkout")
def test_ecbplus_clusters_match_all_pairs() -> None:
    by_topic: dict[str, list[Mention]] = {}
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_topic.setdefault(row["parent_topic"], []).extend(_gold_mentions(row))
    assert len(by_topic) >= 30
    for mentions in by_topic.values():  # both sub-topics of a topic together: similar events, similar names
        assert_same(mentions)


@pytest.mark.skipif(not MEANTIME.is_file(), reason="MEANTIME lives in ../shared/eval beside the checkout")
def test_meantime_clusters_match_all_pairs() -> None:
    for line in MEANTIME.read_text(encoding="utf-8").splitlines():
        assert_same(_gold_mentions(json.loads(line)))


@pytest.mark.parametrize("seed", range(6))
def test_generated_names_cluster_as_all_pairs(seed: int) -> None:
    assert_same(generated_story(random.Random(seed)))


def generated_story(rng: random.Random, sources: int = 24) -> list[Mention]:
    """Mentions of made-up people, organisations and places across ``sources`` articles, written
    the ways outlets vary them: misspellings, transliterations, titles, "Jr.", lone surnames,
    acronyms (full, partial, with "US"), places with and without their head word or particle;
    labels drawn at random, so the type vetoes fire too."""
    firsts = ["Mary", "Mohamed", "Abdul", "Randy", "Randall", "Stan", "Stanley", "Jean-Yves", "Omar", "Chad"]
    lasts = ["Landry", "Landrieu", "Murray", "Kemp", "Etkin", "Zelensky", "Rahman", "Belmokhtar", "Le Drian"]
    people = [f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(14)]
    orgs = ["Minerals Management Service", "National Oceanic and Atmospheric Administration",
            "New York Police Department", "US Coast Guard", "Stanford University", "Lehman Brothers",
            "Masked Brigade", "Transocean Ltd.", "Royal Dutch Shell Plc", "Mulathameen Brigade"]
    places = ["Gulf of Mexico", "In Amenas", "Ain Amenas", "North Africa", "Bay of Campeche", "El Paso", "Kidal"]
    writes = {
        "PERSON": lambda: _variant(rng, rng.choice(people)),
        "ORG": lambda: _org_form(rng, rng.choice(orgs)),
        "GPE": lambda: _place_form(rng, rng.choice(places)),
    }
    labels = ["PERSON", "ORG", "GPE", "LOC", "NORP", None]
    mentions: list[Mention] = []
    for s in range(sources):
        cursor = 0
        for _ in range(rng.randint(8, 30)):
            kind = rng.choice(list(writes))
            text = writes[kind]()
            label = kind if rng.random() < 0.7 else rng.choice(labels)
            mentions.append(Mention(Span(f"s{s:02d}", cursor, cursor + len(text)), text, label))
            cursor += len(text) + 1
    return mentions


def _variant(rng: random.Random, name: str) -> str:
    first, _, last = name.partition(" ")
    roll = rng.random()
    if roll < 0.1:
        return last
    if roll < 0.2:
        return _misspelt(rng, last).title()  # "Etkins" for "Etkin"
    if roll < 0.3:
        return f"{rng.choice(['President', 'Sen.', 'Dr.'])} {name}"
    if roll < 0.4:
        return f"{name} {rng.choice(['Jr.', 'Sr.'])}"
    if roll < 0.5:
        swaps = {v: k for k, v in TRANSLITERATIONS.items()}
        return f"{swaps.get(first.lower(), first).title()} {last}"
    if roll < 0.7:
        return f"{first} {_misspelt(rng, last).title()}"
    return name


def _org_form(rng: random.Random, name: str) -> str:
    roll = rng.random()
    if roll < 0.25:
        return initials(name)
    if roll < 0.35:
        return " ".join(name.split()[:-1])  # "New York Police" of "NYPD"
    if roll < 0.45:
        return ".".join(initials(name)) + "."
    if roll < 0.55:
        return name.split()[0]
    if roll < 0.65:
        return _misspelt(rng, name)
    return name


def _place_form(rng: random.Random, name: str) -> str:
    roll = rng.random()
    if roll < 0.3:
        return name.split()[0] if " of " in name else name.split()[-1]
    if roll < 0.4:
        return _misspelt(rng, name)
    return name


def _misspelt(rng: random.Random, word: str) -> str:
    """One letter doubled, dropped, swapped for another or a space inserted."""
    if len(word) < 3:
        return word
    k = rng.randrange(1, len(word) - 1)
    edit = rng.randrange(4)
    if edit == 0:
        return word[:k] + word[k] + word[k:]
    if edit == 1:
        return word[:k] + word[k + 1 :]
    if edit == 2:
        return word[:k] + rng.choice(string.ascii_lowercase) + word[k + 1 :]
    return word[:k] + " " + word[k:]


# -- the short-form pass within one article -------------------------------------------------------


def _both_hosts(monkeypatch) -> list[int]:
    """Make every ``_hosts`` call of ``_attach_short_forms`` compute its answer blocked and all
    pairs, and fail on a difference; returns the count of calls (and of non-empty answers)."""
    from newsfuse.entities import alias_clusters

    real = alias_clusters._hosts
    seen = [0, 0]

    def both(clusters, members, i, kind):
        mode = clusters.blocks.exhaustive
        try:
            clusters.blocks.exhaustive = False
            blocked = real(clusters, members, i, kind)
            clusters.blocks.exhaustive = True
            reference = real(clusters, members, i, kind)
        finally:
            clusters.blocks.exhaustive = mode
        assert blocked == reference, clusters.nodes[i].form
        seen[0] += 1
        seen[1] += bool(blocked)
        return blocked

    monkeypatch.setattr(alias_clusters, "_hosts", both)
    return seen


@pytest.mark.parametrize("seed", range(4))
def test_short_form_hosts_match_all_pairs_in_one_long_article(seed: int, monkeypatch) -> None:
    """One long article (a book, a day's live blog) holds hundreds of names: the blocked
    short-form pass finds the hosts all pairs find, call by call, and the clusters agree."""
    story = generated_story(random.Random(100 + seed), sources=8)
    one_article = [Mention(Span("s00", k * 100, k * 100 + len(m.text)), m.text, m.label) for k, m in enumerate(story)]
    seen = _both_hosts(monkeypatch)
    assert_same(one_article)
    assert seen[0] > 50 and seen[1] > 0  # the pass ran, and found hosts


def test_short_form_hosts_match_all_pairs_on_the_bundled_stories(example_briefing, deepwater_briefing,
                                                                  monkeypatch) -> None:
    seen = _both_hosts(monkeypatch)
    for briefing in (example_briefing, deepwater_briefing):
        entity_stage.find_entities(briefing.sources, briefing.docs)
    assert seen[1] > 0
