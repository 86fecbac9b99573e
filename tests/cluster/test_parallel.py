"""``newsfuse cluster --workers N`` writes the same bytes as a serial run (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.cli import main
from newsfuse.cluster.parallel import Prebriefed, resolve_workers

from corpus import EXAMPLE, output_files

IN_AMENAS = EXAMPLE


@pytest.mark.integration
def test_parallel_briefings_are_byte_identical_to_serial(tmp_path: Path, monkeypatch) -> None:
    from newsfuse.cluster import spool

    made: list[spool.Briefings] = []

    class Recorded(spool.Briefings):
        def __setitem__(self, sid, outcome):  # type: ignore[no-untyped-def]
            made.append(self)
            super().__setitem__(sid, outcome)

    monkeypatch.setattr(spool, "Briefings", Recorded)
    # A join threshold no pair reaches: each of the five reports is its own story, five briefings to share out.
    args = [str(IN_AMENAS), "--threshold", "0.99", "-q"]
    assert main(["cluster", *args, "-o", str(tmp_path / "serial"), "--workers", "1"]) == 0
    assert main(["cluster", *args, "-o", str(tmp_path / "parallel"), "--workers", "2"]) == 0
    serial, parallel = output_files(tmp_path / "serial"), output_files(tmp_path / "parallel")
    assert len([f for f in serial if f.startswith("stories/") and f.endswith(".json")]) == 5
    assert serial == parallel
    # The five briefings made ahead waited on disk (spool.Briefings), each dropped once written.
    assert len(made) == 5 and len({id(b) for b in made}) == 1 and len(made[0]) == 0


def test_a_failed_story_raises_where_the_serial_run_would() -> None:
    class Member:
        story = "s1"

    boom = ValueError("no text")
    briefer = Prebriefed({"s1": boom}, fallback=lambda *a: {"json": "serial"})
    with pytest.raises(ValueError, match="no text"):
        briefer([Member()], None, [])
    Member.story = "s2"  # not briefed ahead: the serial fallback
    assert briefer([Member()], None, []) == {"json": "serial"}


def test_workers_zero_means_every_available_core() -> None:
    assert resolve_workers(0) >= 1 and resolve_workers(3) == 3 and resolve_workers(None) == resolve_workers(0)


def test_negative_workers_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["cluster", str(IN_AMENAS), "-o", str(tmp_path / "o"), "--workers", "-1", "-q"]) == 2
    assert "--workers" in capsys.readouterr().err
