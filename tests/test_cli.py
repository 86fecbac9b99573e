"""End to end: the CLI on the bundled example, validated against schema/briefing-1.json; exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsfuse.cli import main

from corpus import EXAMPLE, ROOT, example_file

SCHEMA = json.loads((ROOT / "schema" / "briefing-1.json").read_text(encoding="utf-8"))


@pytest.mark.integration
def test_cli_json_validates_against_schema() -> None:
    out = subprocess.run([sys.executable, "-m", "newsfuse.cli", "brief", str(EXAMPLE), "--format", "json"],
                         capture_output=True, text=True, check=False, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    jsonschema.validate(data, SCHEMA)
    assert len(data["sources"]) == 5
    for s in data["sources"]:
        assert s["published"] and s["published_from"] in ("dateline", "inferred")


def test_every_span_in_the_output_slices_its_source(example_briefing) -> None:
    from newsfuse.render.output import render

    data = json.loads(render(example_briefing, "json"))
    texts = {s["id"]: s["text"] for s in data["sources"]}
    spans = [c for item in data["summary"] + data["timeline"] for c in item["citations"]]
    spans += [m for e in data["entities"] for m in e["mentions"]] + data["claims"] + data["times"]
    for span in spans:
        assert 0 <= span["start"] <= span["end"] <= len(texts[span["source"]])
    for item in data["claims"] + data["times"]:
        assert texts[item["source"]][item["start"]:item["end"]] == item["text"]


def test_output_format_from_extension(tmp_path: Path) -> None:
    for name in ("b.html", "b.md", "b.json"):
        assert main(["brief", str(example_file("002")), "-o", str(tmp_path / name), "-q"]) == 0
    assert (tmp_path / "b.html").read_text().startswith("<!DOCTYPE html>")
    assert (tmp_path / "b.md").read_text().startswith("# ")
    assert json.loads((tmp_path / "b.json").read_text())["schema"] == "newsfuse.briefing/1"


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "b.json"
    assert main(["brief", str(example_file("002")), str(empty), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"skipped {empty}: empty document" in err
    assert json.loads(out.read_text())["rejected"] == [{"path": str(empty), "reason": "empty document", "stage": "ingest"}]
    assert main(["brief", str(empty), "-q"]) == 3
    assert main(["brief", str(example_file("002")), "-o", str(tmp_path / "b.pdf")]) == 2
    assert main(["brief"]) == 2
    assert main(["nonsense"]) == 2


@pytest.mark.integration
def test_second_real_cluster_validates_and_is_dated(deepwater_briefing) -> None:
    """Deepwater Horizon (eight reports, five outlets, a manifest in its folder) through the whole pipeline."""
    from newsfuse.render.output import render

    data = json.loads(render(deepwater_briefing, "json"))
    jsonschema.validate(data, SCHEMA)
    assert len(data["sources"]) == 8 and all(s["published_from"] == "manifest" for s in data["sources"])
    assert {s["outlet"] for s in data["sources"]} == {"Reuters", "BBC News", "Fox News", "The Guardian", "The Washington Post"}
    assert data["timeline"] and data["summary"] and data["figures"] and data["entities"]
