"""Renderers: JSON per contract, Markdown, and a self-contained HTML report where article text stays text."""

from __future__ import annotations

import json
import re

from newsfuse.api import brief_documents
from newsfuse.config import Settings
from newsfuse.model import DocMeta, RawDocument
from newsfuse.render.output import render

from corpus import example_file

EVIL = example_file("002").read_text(encoding="utf-8").replace(
    "READ MORE", "The page said <script>alert('x')</script> and <img src=x onerror=alert(1)> here.")


def evil_briefing():
    doc = RawDocument("evil.txt", EVIL, "text", DocMeta(title="<b>Bold</b> title", url="javascript:alert(1)"), "evil.txt")
    return brief_documents([doc], Settings())


def test_json_has_every_contract_key(example_briefing) -> None:
    data = json.loads(render(example_briefing, "json"))
    assert data["schema"] == "newsfuse.briefing/1"
    for key in ("story", "sources", "entities", "claims", "figures", "times", "timeline", "summary", "rejected"):
        assert key in data
    # publication dates span 18-21 January; the timeline reaches back to the seizure (16th; one
    # inclusive "four days after" count lands on the 15th, see docs/timeline.md)
    assert "2013-01-15" <= data["story"]["first_date"] <= "2013-01-18" and data["story"]["last_date"] >= "2013-01-21"


def test_html_escapes_article_text() -> None:
    html = render(evil_briefing(), "html")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<img src=x" not in html and "<b>Bold</b>" not in html
    assert 'href="javascript:' not in html


def test_html_is_self_contained(example_briefing) -> None:
    html = render(example_briefing, "html")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
    assert "<link " not in html and "@import" not in html
    assert html.count('<article class="source"') == 5


def test_html_anchors_every_citation(example_briefing) -> None:
    data = json.loads(render(example_briefing, "json"))
    html = render(example_briefing, "html")
    for item in data["summary"] + data["timeline"]:
        for c in item["citations"]:
            assert f'id="source-{c["source"]}-{c["start"]}"' in html


def test_markdown_lists_sources_and_escapes() -> None:
    md = render(evil_briefing(), "md")
    assert "<b>" not in md and "\\<b\\>Bold\\</b\\>" in md
    assert "## Sources" in md
