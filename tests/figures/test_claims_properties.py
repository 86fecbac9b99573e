"""Property test: any text in, claims out without a crash, and every span slices back to its text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.config import DEFAULT_MODEL
from newsfuse.figures.claims import doc_claims
from newsfuse.nlp.load import load_nlp
from newsfuse.nlp.sentences import doc_sentences

WORDS = st.sampled_from(
    "at least up to some about 11 seven 2,000 1990s four-day hostages gunmen were killed freed said Saturday "
    "yesterday the of and , . 87m $ % percent miles barrels a dozen hundreds several one sixth 2013 "
    "according to officials".split()
)


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30), st.text(max_size=40))
def test_any_text_gives_claims_whose_spans_slice_back(words, noise):
    text = " ".join(words) + " " + noise
    doc = load_nlp(DEFAULT_MODEL)(text)
    for c in doc_claims("s", doc, doc_sentences("s", doc), date(2013, 1, 19)):
        assert text[c.span.start : c.span.end] == c.text
        assert c.number is not None and c.span.start <= c.number.start < c.number.end <= c.span.end
        assert c.qualifier in {"exact", "at least", "up to", "more than", "fewer than", "about", "approximate-vague"}
        assert c.kind in {"count", "percent", "money", "measure"}
