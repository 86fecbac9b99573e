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
