"""End-to-end: ``newsfuse cluster`` on a mixed feed (JSONL dump with a broken line + a text folder)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsfuse.cli import main

REPO = Path(__file__).resolve().parents[2]
IN_AMENAS = REPO / "examples" / "in-amenas"
DEEPWATER = REPO / ".." / "shared" / "corpus" / "deepwater-horizon"


def _feed(tmp_path: Path) -> Path:
    """The In Amenas articles as a dump (one broken line among them), plus a folder beside it."""
    lines = [json.dumps({"text": p.read_text(encoding="utf-8"), "outlet": p.stem}) for p in sorted(IN_AMENAS.glob("*.txt"))]
    lines.insert(2, '{"text": "cut off')
    dump = tmp_path / "feed.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dump


def test_cluster_writes_index_and_is_idempotent_with_state(tmp_path: Path, capsys) -> None:
    dump = _feed(tmp_path)
    out, state = tmp_path / "out", tmp_path / "state"
    rc = main(["cluster", str(dump), "-o", str(out), "--state", str(state), "--no-briefings", "-q"])
    assert rc == 1  # the broken line was skipped and reported
    assert "feed.jsonl:3" in capsys.readouterr().err
    index = json.loads((out / "index.json").read_text())
    assert index["schema"] == "newsfuse.stories/1"
    assert index["stories"][0]["size"] == 5  # one story: the five In Amenas reports
    lead = index["stories"][0]["articles"][0]["lead"]
    assert lead["start"] == 0 and lead["end"] > 0
    assert index["rejected"][0]["path"].endswith("feed.jsonl:3")
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    rc = main(["cluster", str(dump), "-o", str(out), "--state", str(state), "--no-briefings", "-q"])
    assert "0 new articles (5 already clustered)" in capsys.readouterr().err
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before  # nothing rewritten


def test_state_refuses_other_settings(tmp_path: Path, capsys) -> None:
    dump = _feed(tmp_path)
    args = ["cluster", str(dump), "-o", str(tmp_path / "o"), "--state", str(tmp_path / "s"), "--no-briefings", "-q"]
    main(args)
    assert main([*args, "--threshold", "0.5"]) == 2
    assert "new --state folder" in capsys.readouterr().err


@pytest.mark.integration
def test_mixed_feed_gets_one_briefing_per_story(tmp_path: Path) -> None:
    if not DEEPWATER.is_dir():
        pytest.skip("../shared/corpus/deepwater-horizon is absent")
    feed = tmp_path / "feed"
    shutil.copytree(DEEPWATER, feed / "deepwater")
    out = tmp_path / "out"
    rc = main(["cluster", str(IN_AMENAS), str(feed / "deepwater"), "-o", str(out), "--min-articles", "2", "-q"])
    assert rc == 0
    index = json.loads((out / "index.json").read_text())
    briefed = [s for s in index["stories"] if s["briefing"]]
    assert briefed and all((out / s["briefing"]["html"]).is_file() for s in briefed)
    data = json.loads((out / briefed[0]["briefing"]["json"]).read_text())
    assert data["schema"] == "newsfuse.briefing/1"
    ids = {s["id"] for s in data["sources"]}
    assert {a["id"] for a in briefed[0]["articles"]} == ids  # the index's article ids are the briefing's source ids
    html = (out / "index.html").read_text()
    assert briefed[0]["title"].split()[0] in html
