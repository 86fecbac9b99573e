"""The Figures section in JSON, Markdown and HTML, rendered from one real briefing."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.api import brief
from newsfuse.render.html import briefing_to_html
from newsfuse.render.json import briefing_to_json
from newsfuse.render.markdown import briefing_to_markdown

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "in-amenas"


@pytest.fixture(scope="module")
def data():
    return briefing_to_json(brief([str(EXAMPLE)]))


def test_json_figures_point_back_to_claims_and_spans(data):
    claims = {c["id"]: c for c in data["claims"]}
    texts = {s["id"]: s["text"] for s in data["sources"]}
    assert data["figures"]
    for fig in data["figures"]:
        assert fig["status"] in ("consistent", "conflict", "single") and fig["label"]
        for v in fig["values"]:
            assert v["claims"] and v["sources"]
            for cid in v["claims"]:
                c = claims[cid]
                assert texts[c["source"]][c["start"] : c["end"]] == c["text"]
                assert c["source"] in v["sources"]


def test_markdown_has_a_table_per_shared_figure(data):
    md = briefing_to_markdown(data)
    assert "## Figures" in md
    assert "### hostages killed — conflict" in md
    assert "| source | value | qualifier | who says | as of | sentence |" in md
    assert "*Over time:*" in md


def test_html_has_chart_with_text_equivalent_and_escapes(data):
    html = briefing_to_html(data)
    section = html[html.index('<section id="figures"') :]
    section = section[: section.index("</section>")]
    assert "<svg role=\"img\"" in section and "<figcaption>Over time:" in section
    assert 'class="card conflict"' in section
    assert "<script" not in section


def test_html_escapes_article_text_in_sentences(data):
    data = dict(data)
    hostile = '<script>alert(1)</script>'
    data["sources"] = [dict(s, text=s["text"].replace("Seven foreign hostages", hostile[:22]))
                       if s["text"].find("Seven foreign hostages") >= 0 else s for s in data["sources"]]
    html = briefing_to_html(data)
    assert "<script>alert" not in html


def test_html_renders_figures_json_without_the_added_keys(data):
    """Briefings written before the figures capability added keys still render (keys are only ever added)."""
    old = dict(data)
    old["claims"] = [{k: v for k, v in c.items() if k in ("id", "source", "start", "end", "text", "value", "qualifier",
                                                          "counts", "attribution", "as_of")} for c in data["claims"]]
    old["figures"] = [{k: v for k, v in f.items() if k in ("id", "label", "status", "values")} for f in data["figures"]]
    for f in old["figures"]:
        f["values"] = [{k: v for k, v in val.items() if k not in ("low", "high")} for val in f["values"]]
    assert "Figures" in briefing_to_html(old)
    assert "## Figures" in briefing_to_markdown(old)
