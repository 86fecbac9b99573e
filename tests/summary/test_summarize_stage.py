"""The summary stage end to end on the bundled In Amenas cluster (offline)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from newsfuse.api import brief
from newsfuse.cli import main
from newsfuse.model import Claim, Figure, FigureValue, Span
from newsfuse.pipeline import Pipeline
from newsfuse.render.html import briefing_to_html
from newsfuse.render.json import briefing_to_json
from newsfuse.render.markdown import briefing_to_markdown
from newsfuse.stages import default_stages
from newsfuse.summary.stage import extractive_summary
from newsfuse_eval.summary import score_summary, sentence_valid

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "in-amenas"
LABELS = ROOT / "tests" / "data" / "labels"


@pytest.fixture(scope="module")
def briefing():
    return brief([str(EXAMPLE)])


def test_stage_is_registered_and_contract_holds():
    names = Pipeline(default_stages()).names
    assert "summary" in names and names.index("summary") > names.index("wire")


def test_summary_is_cited_within_budget(briefing):
    assert briefing.summary
    score = score_summary(briefing)
    assert score.words <= 250
    assert score.citation_validity == 1.0
    for s in briefing.summary:
        assert s.kind in ("extracted", "disputed") and sentence_valid(briefing, s)
        if s.kind == "extracted":
            assert len({c.source for c in s.citations}) == len(s.citations)  # one span per source


def test_words_option_is_a_hard_budget(briefing):
    short = extractive_summary(briefing, 80)
    assert 0 < sum(len(s.text.split()) for s in short) <= 80


def test_no_furniture_or_dangling_openers(briefing):
    for s in briefing.summary:
        assert not re.search(r"Photo|READ MORE|Opinion|wsws\.org|contact|Updated \d", s.text)
        assert not re.match(r"(He|She|They|It|This|But|And)\b", s.text)
        assert not re.match(r"[A-Z ]{3,}[:–-]", s.text)  # no dateline left


def _gold_conflict(briefing, figure_id="hostages-killed"):
    """The labelled 'hostages killed' conflict, as Claim/Figure objects located in the cleaned text."""
    gold = json.loads((LABELS / "claims-in-amenas.json").read_text(encoding="utf-8"))
    by_file = {Path(s.path).name: s for s in briefing.sources}
    claims, values = [], {}
    for i, c in enumerate(x for x in gold["claims"] if x["figure"] == figure_id):
        source = by_file[c["file"]]
        at = source.text.find(c["snippet"])
        if at < 0:
            continue
        start = source.text.index(c["number"], at)
        claim = Claim(f"g{i}", Span(source.id, start, start + len(c["number"])), c["number"], c["value"],
                      c["qualifier"], "hostages", c["attribution"])
        claims.append(claim)
        values.setdefault((c["value"], c["qualifier"]), []).append(claim)
    figure = Figure("F1", "hostages killed", "conflict", tuple(
        FigureValue(v, q, tuple(dict.fromkeys(c.span.source for c in cs)), tuple(c.id for c in cs))
        for (v, q), cs in values.items()))
    return dataclasses.replace(briefing, claims=tuple(claims), figures=(figure,))


def test_disputed_figure_is_stated_after_its_carrier(briefing):
    with_figures = _gold_conflict(briefing)
    summary = extractive_summary(with_figures, 250)
    kinds = [s.kind for s in summary]
    assert "disputed" in kinds, [s.text for s in summary]
    i = kinds.index("disputed")
    disputed = summary[i]
    assert disputed.text.startswith("Reports of hostages killed disagree: ")
    assert "48" in disputed.text and disputed.disputed
    assert {with_figures.text_of(c) for c in disputed.citations} >= {"23", "48"}
    carrier = summary[i - 1]
    assert any(re.search(r"\b(23|48|30)\b", with_figures.text_of(c)) for c in carrier.citations[:1])
    assert sum(len(s.text.split()) for s in summary) <= 250


def test_renderers_show_the_summary(briefing):
    with_figures = dataclasses.replace(_gold_conflict(briefing),
                                       summary=tuple(extractive_summary(_gold_conflict(briefing), 250)))
    data = briefing_to_json(with_figures)
    first = data["summary"][0]
    assert set(first) >= {"text", "citations", "kind", "disputed", "independent_sources"}
    assert data["summary_dropped"] == []
    md = briefing_to_markdown(data)
    assert md.index("## Summary") < md.index("## Sources") and "**(disputed)**" in md
    html = briefing_to_html(data)
    assert 'class="badge disputed"' in html and f'href="#source-{first["citations"][0]["source"]}-' in html


def test_cli_words_option(tmp_path):
    out = tmp_path / "b.json"
    assert main(["brief", str(EXAMPLE), "-o", str(out), "--words", "60", "-q"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert 0 < sum(len(s["text"].split()) for s in data["summary"]) <= 60
    assert all(s["citations"] for s in data["summary"])


def test_single_source_still_gets_a_cited_summary():
    from newsfuse.config import Settings

    one = brief([str(EXAMPLE / "003_20a02c0099d69985.txt")], Settings(summary_words=100))
    assert one.summary and sum(len(s.text.split()) for s in one.summary) <= 100
    assert all(sentence_valid(one, s) and len(s.citations) == 1 for s in one.summary)
