"""``newsfuse cluster --engine ray`` writes what the local engine writes (issue 16).

Starts a local Ray instance on two CPUs; skipped, saying why, where Ray (the optional
extra ``newsfuse[ray]``) is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.cli import main

from corpus import EXAMPLE, output_files

IN_AMENAS = EXAMPLE


@pytest.mark.integration
def test_ray_engine_writes_the_local_engines_files(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'newsfuse[ray]'")
    args = [str(IN_AMENAS), "--threshold", "0.99", "-q"]  # five one-report stories
    assert main(["cluster", *args, "-o", str(tmp_path / "local"), "--workers", "1"]) == 0
    assert main(["cluster", *args, "-o", str(tmp_path / "ray"), "--engine", "ray", "--workers", "2"]) == 0
    local, ray = output_files(tmp_path / "local"), output_files(tmp_path / "ray")
    assert len([f for f in local if f.startswith("stories/") and f.endswith(".json")]) == 5
    assert local == ray


def test_address_without_the_ray_engine_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["cluster", str(IN_AMENAS), "-o", str(tmp_path / "o"), "--address", "127.0.0.1:6379", "-q"]) == 2
    assert "--engine ray" in capsys.readouterr().err
