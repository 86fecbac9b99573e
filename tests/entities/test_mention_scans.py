"""The token scans of ``entities.mentions`` read off the Doc's attribute arrays give what the
walk over every ``Token`` gave (the references below, as the rules were written before)."""

from __future__ import annotations

from newsfuse.entities.mentions import (
    APPOSITIVE_CUES,
    TITLE_WORDS,
    _appositive_names,
    _mention_from_tokens,
    _possessed_names,
)


def _appositive_walk(source_id, doc, text):
    found = []
    for tok in doc:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper():
            continue
        cue = APPOSITIVE_CUES.get(tok.head.lemma_.lower()) if tok.head.pos_ == "NOUN" else None
        if cue is None:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        mention = _mention_from_tokens(source_id, doc, text, list(doc[start : tok.i + 1]), cue)
        if mention is not None:
            found.append(mention)
    return tuple(found)


def _possessed_walk(source_id, doc, text):
    found = []
    for tok in doc[2:]:
        owner, mark = doc[tok.i - 2], doc[tok.i - 1]
        if mark.tag_ != "POS" or owner.ent_type_ not in {"GPE", "NORP"} or tok.ent_type_:
            continue
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.lower_ in TITLE_WORDS:
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and doc[end].text[:1].isupper():
            end += 1
        mention = _mention_from_tokens(source_id, doc, text, list(doc[tok.i : end]), "ORG")
        if mention is not None:
            found.append(mention)
    return tuple(found)


def test_array_scans_find_what_the_token_walk_found(example_briefing, deepwater_briefing, nlp) -> None:
    docs = [(sid, doc) for b in (example_briefing, deepwater_briefing) for sid, doc in b.docs.items()]
    docs += [(f"x{k}", nlp(t)) for k, t in enumerate([
        "Norway's Statoil and Britain's BP said so. Algeria's Sonatrach agreed.",
        "His son, Karl, and the state oil company, Sonatrach, met the chief executive, Tony Hayward.",
        "", "BP", "Britain's", "'s Statoil"])]
    found = 0
    for sid, doc in docs:
        text = doc.text
        assert _possessed_names(sid, doc, text) == _possessed_walk(sid, doc, text)
        assert _appositive_names(sid, doc, text) == _appositive_walk(sid, doc, text)
        found += len(_possessed_walk(sid, doc, text)) + len(_appositive_walk(sid, doc, text))
    assert found >= 3  # the comparison saw mentions, not only empty answers
