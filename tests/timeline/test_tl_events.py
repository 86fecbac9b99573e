"""Dated events of one source: by a time, by an offset, by 'the last 24 hours'; forecasts left out."""

from __future__ import annotations

from datetime import date

from newsfuse.config import Settings
from newsfuse.model import RawDocument, Source
from newsfuse.timeline.events import find_events, statement

PUB = date(2013, 1, 20)  # a Sunday


def _events(text: str, published: date | None = PUB):
    from newsfuse.api import brief_documents
    from newsfuse.model import DocMeta

    meta = DocMeta(published=published, published_from="manifest" if published else None)
    b = brief_documents([RawDocument("t.txt", text, "text", meta)], Settings())
    source: Source = b.sources[0]
    return find_events(source, b.docs[source.id], b.times, b.sentences[source.id]), source


TEXT = (
    "Algeria's military ended the siege yesterday, four days after militants seized the remote desert plant.\n\n"
    "The minister will visit the site on Tuesday to meet survivors of the attack.\n\n"
    "At least one American had been confirmed dead before Saturday's final assault on the plant.\n\n"
    "French jets launched a dozen strikes against rebel positions in the last 24 hours, officials said.\n\n"
    "The developments come a day after special forces captured five militants alive at the plant."
)


def test_time_offset_and_recent_events():
    events, source = _events(TEXT)
    by_day = {(e.day, e.how): source.text[e.span.start : e.span.end] for e in events}
    stated = {(e.day, e.how): e.text for e in events}
    assert "ended the siege yesterday" in by_day[(date(2013, 1, 19), "time")]
    # four days before yesterday; the citation shows how it was dated, the statement only the happening
    assert by_day[(date(2013, 1, 15), "offset")].startswith("four days after militants seized")
    assert stated[(date(2013, 1, 15), "offset")].startswith("Militants seized")
    assert "dozen strikes" in by_day[(PUB, "recent")]
    assert stated[(date(2013, 1, 19), "offset")].startswith("Special forces captured")  # a day before today


def test_forecasts_and_before_are_not_events():
    events, source = _events(TEXT)
    texts = " ".join(source.text[e.span.start : e.span.end] for e in events)
    assert "will visit" not in texts
    assert "confirmed dead" not in texts


def test_statement_drops_datelines_and_stays_short():
    assert statement("IN AMENAS: Seven foreign hostages were killed on Saturday.") == "Seven foreign hostages were killed on Saturday."
    long = " ".join(["word"] * 60)
    assert statement(long).endswith("…") and len(statement(long).split()) <= 41
    assert statement("L), which reports its results on Wednesday.") == "Which reports its results on Wednesday."


def test_long_statements_keep_the_dated_part():
    text = ("“From their accents I understood one was Egyptian, one Tunisian, another Algerian and one was speaking "
            "English or another foreign language, and they spoke among themselves for hours,” the driver told AFP, "
            "two days after escaping during the army’s Thursday attack on the gas plant near the border.")
    out = statement(text, text.index("Thursday"))
    assert "Thursday attack" in out and out.startswith("…") and len(out.split()) <= 35
