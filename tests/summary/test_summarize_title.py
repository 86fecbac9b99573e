"""The story title: most shared headline terms, ties broken by the summary's lead sentence."""

from __future__ import annotations

from newsfuse.model import Briefing, Source, Span, SummarySentence
from newsfuse.summary.title import story_title


def _briefing(titles, lead=None):
    sources = tuple(Source(f"s{i}", "x" * 50, title=t) for i, t in enumerate(titles))
    summary = (SummarySentence(lead, (Span("s0", 0, 10),)),) if lead else ()
    return Briefing(sources=sources, summary=summary)


def test_lead_sentence_breaks_ties_between_headlines():
    titles = ["Algeria kidnappers 'taken alive'", "Algeria launches second rescue effort",
              "Algeria hostage crisis ends in bloodbath"]
    lead = "23 captives and 32 kidnappers were killed in the four-day hostage crisis."
    assert story_title(_briefing(titles, lead)) == "Algeria hostage crisis ends in bloodbath"


def test_shared_headline_terms_win():
    titles = ["Rig sinks in Gulf", "Oil leak found at sunken Gulf rig", "BP profits double"]
    assert story_title(_briefing(titles)) == "Rig sinks in Gulf"


def test_without_headlines_the_lead_sentence():
    assert story_title(_briefing([None], "The rig sank on Thursday.")) == "The rig sank on Thursday."
