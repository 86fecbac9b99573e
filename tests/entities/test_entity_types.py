"""A disease or virus named in the story is typed as one, not as a person or place."""

from __future__ import annotations

from newsfuse.entities.types import DISEASE, retype
from newsfuse.model import Entity, Span


def _entity(text: str, name: str, typ: str) -> Entity:
    spans = []
    start = text.find(name)
    while start >= 0:
        spans.append(Span("a", start, start + len(name)))
        start = text.find(name, start + 1)
    return Entity("e1", name, typ, (name,), tuple(spans))


def test_the_story_says_it_is_a_disease():
    text = "Ebola has killed 300. The Ebola virus spreads fast. Two nurses were infected with Ebola."
    assert retype([_entity(text, "Ebola", "PERSON")], {"a": text})[0].type == DISEASE


def test_a_person_stays_a_person():
    text = "Ebola Jones said the virus was spreading. Jones spoke to reporters on Monday."
    assert retype([_entity(text, "Ebola Jones", "PERSON")], {"a": text})[0].type == "PERSON"
