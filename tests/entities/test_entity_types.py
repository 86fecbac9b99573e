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


def test_the_story_calls_them_by_a_title_or_an_age():
    """The model's ORG or GPE for a person gives way when the story says "Mr." or gives an age;
    a company after a lower-case role word ("the chairman Acme") is not a person."""
    text = "Mr. Pelham denied it. President Pelham spoke later. Pelham left. Pelham, 61, was tired."
    assert retype([_entity(text, "Pelham", "ORG")], {"a": text})[0].type == "PERSON"
    aged = "Vorko, 25, was arrested. Vorko said he was sorry."
    assert retype([_entity(aged, "Vorko", "GPE")], {"a": aged})[0].type == "PERSON"
    many = "Mr. Pelham left. " + "Pelham said no. " * 20 + "President Pelham returned."
    assert retype([_entity(many, "Pelham", "ORG")], {"a": many})[0].type == "PERSON"
    firm = "Acme said profits rose. Acme shares fell as the chairman Acme named left."
    assert retype([_entity(firm, "Acme", "ORG")], {"a": firm})[0].type == "ORG"
