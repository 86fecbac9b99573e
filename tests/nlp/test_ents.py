"""``doc_ents`` answers as scanning ``Doc.ents`` does, and does not keep the Doc alive."""

from __future__ import annotations

import gc
import weakref

from newsfuse.config import DEFAULT_MODEL
from newsfuse.nlp.ents import doc_ents
from newsfuse.nlp.load import load_nlp

TEXT = ("BP chief executive Tony Hayward met President Barack Obama in Washington on Monday. "
        "He said BP would pay. The Coast Guard and Transocean Ltd. disagreed, Reuters reported from Houston.")


def test_doc_ents_answers_as_the_scan_of_doc_ents() -> None:
    doc = load_nlp(DEFAULT_MODEL)(TEXT)
    ents = doc_ents(doc)
    assert len(doc.ents) >= 5
    for i in range(len(doc) + 1):
        assert [(e.start, e.end, e.label_, e.text) for e in ents.ending_by(i)] == \
            [(e.start, e.end, e.label_, e.text) for e in doc.ents if e.end <= i]
        holding = next((e for e in doc.ents if e.start <= i < e.end), None)
        got = ents.at(i)
        assert (got.text if got else None) == (holding.text if holding is not None else None)


def test_doc_ents_lets_the_doc_go() -> None:
    doc = load_nlp(DEFAULT_MODEL)(TEXT)
    doc_ents(doc)
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None
