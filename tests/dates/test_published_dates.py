"""Publication dates: datelines, and inference from day words against the dated sources."""

from __future__ import annotations

import json
from datetime import date

from newsfuse.dates.published import dateline_date, day_cues, infer_published
from newsfuse.model import Source

from corpus import LABELS


def test_byline_date_line_and_wire_datelines() -> None:
    assert dateline_date("Body.", "21 January 2013") == date(2013, 1, 21)
    assert dateline_date("Body.", "Updated 14 Dec, 2024") == date(2024, 12, 14)
    # Reuters 2010 page header (Deepwater Horizon) and an AP-style dateline with a full date
    assert dateline_date("HOUSTON | Thu Apr 22, 2010 7:30 pm EDT HOUSTON (Reuters) - A rig sank.", None) == date(2010, 4, 22)
    assert dateline_date("CAIRO, February 11, 2011 (AP) - Mubarak resigned.", None) == date(2011, 2, 11)
    assert dateline_date("Seven hostages were killed on Saturday.", None) is None


def test_a_date_inside_a_caption_is_not_a_dateline() -> None:
    assert dateline_date("This photo released on January 18, 2013, shows the town.\n\nGunmen held the plant.", None) is None


def test_day_cues_skip_future_and_lowercase() -> None:
    cues = day_cues("Talks resume next Monday. The army struck on Saturday and yesterday; a friday sale.")
    assert [(c.weekday, c.offset) for c in cues] == [(5, 0), (None, 1)]


def src(sid: str, text: str, published: date | None = None) -> Source:
    return Source(id=sid, text=text, published=published, published_from="manifest" if published else None)


def test_inference_follows_what_others_dated() -> None:
    """The "yesterday" of an undated report lands on the day the dated sources put the same event."""
    dated = src("a", "The siege ended on Saturday when troops stormed the plant. Bodies were found on Sunday.", date(2013, 1, 21))
    undated = src("b", "Troops ended the siege yesterday. A sixth militant was captured alive today, a source said.")
    _, got = infer_published([dated, undated])
    assert (got.published, got.published_from) == (date(2013, 1, 20), "inferred")


def test_second_story_inference() -> None:
    """Deepwater Horizon shape: "sank on Thursday" and "said Friday" in an undated report."""
    dated = src("a", "The rig sank on Thursday after burning for 36 hours. The Coast Guard said Friday no oil was leaking.", date(2010, 4, 24))
    undated = src("b", "No oil appeared to be leaking from the rig, the Coast Guard said Friday. It sank Thursday morning.")
    assert infer_published([dated, undated])[1].published == date(2010, 4, 23)


def test_nothing_to_anchor_leaves_null_with_reason() -> None:
    (got,) = infer_published([src("b", "Troops ended the siege yesterday.")])
    assert got.published is None and "no dated source" in got.published_note
    (_, none) = infer_published([src("a", "Something happened.", date(2013, 1, 21)), src("b", "No day words at all here.")])
    assert none.published is None and none.published_note


def test_example_dates_match_the_labels(example_briefing) -> None:
    """All five In Amenas sources get a date the time labeller accepts (4 inferred, 1 from the byline)."""
    labels = json.loads((LABELS / "times-in-amenas.json").read_text(encoding="utf-8"))["published"]
    for source in example_briefing.sources:
        label = labels[source.path.rsplit("/", 1)[-1]]
        accepted = set(label.get("acceptable") or [label["date"]])
        assert source.published.isoformat() in accepted, source.path
