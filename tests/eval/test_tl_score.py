"""The label scorer: locating snippets, relaxed matching, strict entry judgement."""

from __future__ import annotations

from datetime import date

from newsfuse.model import Briefing, Source, Span, TimeExpression, TimelineEntry
from newsfuse_eval.timeline import locate, score_timeline, score_times

TEXT = "Gunmen were killed on Saturday, a source said. BP’s chief said on Saturday four workers were missing."


def _briefing(times=(), timeline=()):
    return Briefing(sources=(Source(id="s", text=TEXT, path="x/a.txt", published=date(2013, 1, 19)),),
                    times=tuple(times), timeline=tuple(timeline))


def test_locate_tolerates_quotes_case_and_spaces():
    start, end = locate(TEXT, "BP's chief  said on saturday", "Saturday")
    assert TEXT[start:end] == "Saturday" and start > 40


LABELS = {
    "times": [
        {"file": "a.txt", "snippet": "killed on Saturday, a", "text": "Saturday", "type": "DATE", "value": "2013-01-19"},
        {"file": "a.txt", "snippet": "said on Saturday four", "text": "Saturday", "type": "DATE", "value": "2013-01-19"},
        {"file": "gone.txt", "snippet": "x", "text": "x", "type": "DATE", "value": "x"},
        {"file": "a.txt", "snippet": "not in the text", "text": "never", "type": "DATE", "value": "1"},
    ],
    "events": [
        {"date": "2013-01-19", "evidence": [{"file": "a.txt", "snippet": "Gunmen were killed on Saturday"}]},
        {"date": "2013-01-19", "evidence": [{"file": "a.txt", "snippet": "said on Saturday four workers"}]},
    ],
}


def _t(text_at: int, value: str) -> TimeExpression:
    return TimeExpression(Span("s", text_at, text_at + 8), "Saturday", "DATE", value, "published")


def test_time_scores():
    first, second = TEXT.index("Saturday"), TEXT.rindex("Saturday")
    score = score_times(LABELS, _briefing([_t(first, "2013-01-19"), _t(second, "2013-01-12")]))
    assert (score.gold, score.found, score.value_correct, score.day_gold, score.day_correct) == (2, 2, 1, 2, 1)
    assert score.dateparser_day_correct == 0  # dateparser puts a Saturday report's "Saturday" a week back


def test_an_entry_merging_two_happenings_is_wrong():
    both = TimelineEntry(date(2013, 1, 19), "x", ("s",), (Span("s", 0, 30), Span("s", 60, 90)))
    one = TimelineEntry(date(2013, 1, 19), "x", ("s",), (Span("s", 0, 30),))
    assert score_timeline(LABELS, _briefing(timeline=[both])).correct == 0
    score = score_timeline(LABELS, _briefing(timeline=[one]))
    assert (score.correct, score.recalled, score.precision) == (1, 1, 1.0)
    wrong_day = TimelineEntry(date(2013, 1, 18), "x", ("s",), (Span("s", 0, 30),))
    assert score_timeline(LABELS, _briefing(timeline=[wrong_day])).correct == 0
