"""JSON Lines dumps streamed by ``newsfuse cluster`` (``ingest.jsonl``): the same limits and per-record
rejections as whole files — wrong-typed fields, deep nesting, huge numbers, over-long lines, mixed encodings,
UTF-16 dumps, and dumps that are not regular files."""

from __future__ import annotations

import json
import os
from pathlib import Path

from newsfuse.cluster.ingest import read_feed
from newsfuse.config import Settings
from newsfuse.ingest.jsonl import dump_lines

from corpus import ROOT

INPUTS = ROOT / "tests" / "data" / "hostile" / "inputs"
TEXT = (INPUTS / "good" / "harlow_a.txt").read_text(encoding="utf-8")


def test_wrong_types_in_a_dump_reject_only_their_lines() -> None:
    feed = read_feed([str(INPUTS / "wrong_types.jsonl")], Settings())
    reasons = {r.path.rsplit(":", 1)[1]: r.reason for r in feed.rejected}
    assert "'title' must be a string, not a number" in reasons["1"]
    assert "'url' must be a string, not an object" in reasons["2"]
    assert "digits" in reasons["9"] and "nested too deeply" in reasons["10"]
    assert [a.origin.rsplit(":", 1)[1] for a in feed.articles] == ["11"]


def test_over_long_line_is_skipped_without_holding_it(tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"text": "x" * 50_000}) + "\n" + json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    lines = list(dump_lines(dump, Settings(max_bytes=10_000)))
    assert "longer than the 9 KB limit" in lines[0][1].reason and json.loads(lines[1][1])["text"] == TEXT


def test_each_line_decoded_on_its_own(tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(json.dumps({"text": "Zürich café"}, ensure_ascii=False).encode("utf-8") + b"\n"
                     + json.dumps({"text": "Zürich café"}, ensure_ascii=False).encode("latin-1") + b"\n")
    texts = [json.loads(line)["text"] for _, line in dump_lines(dump, Settings(encoding="latin-1"))]
    assert texts == ["Zürich café", "Zürich café"]  # --encoding did not garble the UTF-8 line
    wide = tmp_path / "w.jsonl"
    wide.write_bytes(("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in ("один", "два"))).encode("utf-16"))
    assert [json.loads(line)["text"] for _, line in dump_lines(wide, Settings())] == ["один", "два"]


def test_a_fifo_named_like_a_dump_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    feed = read_feed([str(tmp_path / "pipe.jsonl")], Settings())
    assert feed.articles == [] and "FIFO" in feed.rejected[0].reason
