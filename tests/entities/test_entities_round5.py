"""Issue 12, fifth stop: places and their people, brackets, dominant surnames, role words."""

from __future__ import annotations

from newsfuse.entities.alias_clusters import cluster_mentions, demonym_of
from newsfuse.entities.aliases import person_titles
from newsfuse.entities.mentions import _is_name


def test_a_place_and_its_people_are_not_spelling_variants():
    assert demonym_of("America", "Americans")
    assert demonym_of("New Zealand", "New Zealander")
    assert not demonym_of("Zelensky", "Zelenskyy")
    assert not demonym_of("Obama", "Obama")


def test_no_name_holds_brackets():
    assert not _is_name("Mohammed (INAUDIBLE", "PERSON", "Mohammed (INAUDIBLE) said", 19)
    assert _is_name("Mohammed Morsi", "PERSON", "Mohammed Morsi said", 14)


def test_role_words_before_a_name():
    titles = person_titles()
    assert {"constable", "police", "ceo", "rancher", "englishman"} <= titles


def _mentions(spec):
    from newsfuse.entities.mentions import Mention
    from newsfuse.model import Span

    cursor: dict[str, int] = {}
    out = []
    for source, text in spec:
        start = cursor.get(source, 0)
        cursor[source] = start + len(text) + 1
        out.append(Mention(Span(source, start, start + len(text)), text, "PERSON"))
    return out


def test_a_lone_surname_joins_the_story_s_dominant_full_name():
    spec = [(s, "Hosni Mubarak") for s in "abcd"] + [("a", "Gamal Mubarak"), ("e", "Mubarak"), ("e", "Mubarak")]
    entities = cluster_mentions(_mentions(spec))
    hosni = next(e for e in entities if e.name == "Hosni Mubarak")
    assert "Mubarak" in hosni.aliases and not any("Gamal" in a for a in hosni.aliases)


def test_a_lone_surname_stays_alone_between_two_people_named_alike():
    spec = [("a", "Kris Jenner"), ("b", "Kris Jenner"), ("c", "Bruce Jenner"), ("d", "Bruce Jenner"), ("e", "Jenner")]
    entities = cluster_mentions(_mentions(spec))
    assert any(set(e.aliases) == {"Jenner"} for e in entities)
