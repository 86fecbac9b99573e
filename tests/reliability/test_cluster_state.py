"""``newsfuse cluster`` with a --state: one story's failure is contained, runs are serialised,
files are written atomically and checked by content, and a run killed with -9 is finished by the next."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsfuse.cli import main
from newsfuse.store.state import state_lock

REPO = Path(__file__).resolve().parents[2]
IN_AMENAS = REPO / "examples" / "in-amenas"

#: Two small stories of our own (two reports each) beside the five In Amenas reports.
OTHER = {
    "flood": [
        "Heavy rain flooded the river town of Morpeth in northern England on Sunday, forcing two hundred residents "
        "from their homes. The Environment Agency said the river rose faster than at any time since 2008, and "
        "rescue teams used boats to reach families trapped upstairs. The county council opened two schools as "
        "shelters and said the water would fall by Tuesday.",
        "Rescue teams in Morpeth used boats on Sunday to reach families after the river burst its banks, the "
        "Environment Agency said. About two hundred residents left their homes and the county council opened "
        "two schools as shelters. Officials said the flood was the worst in the town since 2008 and that the "
        "water should fall by Tuesday.",
    ],
    "strike": [
        "Train drivers on the Southern network walked out on Monday in a dispute over the role of guards, "
        "cancelling most services into London Victoria. The union said the strike would last three days; the "
        "company called it unnecessary and urged talks. Commuters crowded onto buses and thousands worked from "
        "home, the transport ministry said.",
        "Most Southern trains into London Victoria were cancelled on Monday as drivers began a three-day strike "
        "over guards on trains. The union and the company blamed each other, and the transport ministry said "
        "thousands of commuters worked from home. Talks are due on Thursday, the union said.",
    ],
}


def feed(folder: Path) -> Path:
    lines = [json.dumps({"text": p.read_text(encoding="utf-8"), "outlet": p.stem[:3], "published": "2013-01-19"})
             for p in sorted(IN_AMENAS.glob("*.txt"))]
    for story, texts in OTHER.items():
        lines += [json.dumps({"text": t, "title": f"{story} {n}", "published": "2016-02-0" + str(n + 1)})
                  for n, t in enumerate(texts)]
    path = folder / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def state_rows(state: Path) -> tuple[list[tuple[str, str]], dict[str, list[str]], list[tuple[str, str | None]]]:
    with sqlite3.connect(state / "state.sqlite") as conn:
        articles = sorted(conn.execute("SELECT article_id, story FROM reports WHERE state = 'clustered'"))
        stories = {sid: json.loads(arts) for sid, arts in conn.execute("SELECT id, articles FROM cluster_stories")}
        pending = sorted(conn.execute("SELECT story, reason FROM cluster_pending"))
    return articles, stories, pending


def assert_consistent(state: Path, n_articles: int) -> None:
    """Every article once, in exactly the story that lists it."""
    articles, stories, _ = state_rows(state)
    assert len(articles) == n_articles == len({a for a, _ in articles})
    listed = sorted(a for arts in stories.values() for a in arts)
    assert listed == sorted(a for a, _ in articles)
    assert all(a in stories[s] for a, s in articles)


def test_one_failing_story_is_recorded_and_retried(tmp_path: Path, monkeypatch, capsys) -> None:
    import newsfuse.cluster.output as output

    dump, out, state = feed(tmp_path), tmp_path / "out", tmp_path / "state"
    real = output.brief_story

    def flaky(members, settings, rejected):
        members = list(members)
        if any("Morpeth" in a.text for a in members):
            raise ZeroDivisionError("float division by zero")
        return real(members, settings, rejected)

    monkeypatch.setattr(output, "brief_story", flaky)
    # --workers 1: briefed in this process, where the patched brief_story runs
    assert main(["cluster", str(dump), "-o", str(out), "--state", str(state), "-q", "--workers", "1"]) == 1
    assert "failed (retried on the next run): ZeroDivisionError" in capsys.readouterr().err
    index = json.loads((out / "index.json").read_text())
    status = {s["articles"][0]["lead_text"][:12]: (s["status"], s["failure"]) for s in index["stories"]}
    assert sorted(st for st, _ in status.values()) == ["failed", "written", "written"]
    failed = next(s for s in index["stories"] if s["status"] == "failed")
    assert "Morpeth" in failed["articles"][0]["lead_text"] and failed["briefing"] is None
    assert failed["failure"].startswith("ZeroDivisionError") and index["counts"]["failed_stories"] == 1
    assert "briefings failed" in (out / "index.html").read_text()
    assert [s for s, r in state_rows(state)[2]] == [failed["id"]]

    monkeypatch.setattr(output, "brief_story", real)
    assert main(["cluster", str(dump), "-o", str(out), "--state", str(state), "-q", "--workers", "1"]) == 0
    index = json.loads((out / "index.json").read_text())
    assert {s["status"] for s in index["stories"]} == {"written"}
    assert (out / f"stories/{failed['id']}.json").is_file() and state_rows(state)[2] == []


def test_torn_file_is_rewritten(tmp_path: Path) -> None:
    dump, out, state = feed(tmp_path), tmp_path / "out", tmp_path / "state"
    args = ["cluster", str(dump), "-o", str(out), "--state", str(state), "-q"]
    assert main(args) == 0
    story = sorted((out / "stories").glob("*.json"))[0]
    whole = story.read_bytes()
    story.write_bytes(whole[: len(whole) // 2])  # torn
    assert main(args) == 0
    assert story.read_bytes() == whole
    assert not list(out.rglob(".*.tmp"))


def _run(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsfuse.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_second_run_waits_for_the_lock_then_stops(tmp_path: Path) -> None:
    dump, state = feed(tmp_path), tmp_path / "state"
    with state_lock(state, 1):
        done = subprocess.run([sys.executable, "-m", "newsfuse.cli", "cluster", str(dump), "-o", str(tmp_path / "o"),
                               "--state", str(state), "--no-briefings", "--lock-wait", "1", "-q"],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"(pid {os.getpid()}) is using the state" in done.stderr
    assert not (state / "state.sqlite").exists() or state_rows(state)[0] == []


def test_two_concurrent_runs_on_one_state(tmp_path: Path) -> None:
    """Before the lock both reported success and left an article in two stories."""
    dump, state = feed(tmp_path), tmp_path / "state"
    runs = [_run(["cluster", str(dump), "-o", str(tmp_path / f"o{n}"), "--state", str(state), "--no-briefings", "-q"])
            for n in range(2)]
    codes = [p.wait(timeout=300) for p in runs]
    assert codes == [0, 0], [p.stderr.read() for p in runs]
    errs = sorted(p.stderr.read() for p in runs)
    assert any("0 new articles (9 already clustered)" in e for e in errs)
    assert_consistent(state, 9)


def test_kill_9_mid_run_then_rerun(tmp_path: Path) -> None:
    dump = feed(tmp_path)
    ref_out, ref_state = tmp_path / "ref-out", tmp_path / "ref-state"
    ref = _run(["cluster", str(dump), "-o", str(ref_out), "--state", str(ref_state), "-q"])
    assert ref.wait(timeout=600) == 0, ref.stderr.read()

    out, state = tmp_path / "out", tmp_path / "state"
    # --workers 1: stories briefed and written one by one, so the kill lands between two of them
    victim = _run(["cluster", str(dump), "-o", str(out), "--state", str(state), "-q", "--workers", "1"])
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and victim.poll() is None:  # kill once the first story is written
        if list((out / "stories").glob("*.json")) if (out / "stories").is_dir() else False:
            break
        time.sleep(0.05)
    if victim.poll() is not None:
        pytest.fail(f"the run ended before it could be killed: {victim.stderr.read()}")
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=60)
    assert state_rows(state)[2], "killed after the clustering commit: stories still pending"

    rerun = _run(["cluster", str(dump), "-o", str(out), "--state", str(state), "-q"])
    assert rerun.wait(timeout=600) == 0, rerun.stderr.read()
    assert "0 new articles (9 already clustered)" in rerun.stderr.read()
    assert_consistent(state, 9)
    assert state_rows(state)[:2] == state_rows(ref_state)[:2] and state_rows(state)[2] == []
    for ref_file in sorted(ref_out.rglob("*.json")):
        assert (out / ref_file.relative_to(ref_out)).read_text() == ref_file.read_text(), ref_file.name


def test_a_story_failing_in_a_worker_is_recorded_like_a_serial_failure(tmp_path: Path, monkeypatch, capsys) -> None:
    """Briefings made ahead (worker processes, Ray) re-raise a story's failure where it is written:
    the same record as a serial run."""
    import newsfuse.cluster.api as api
    import newsfuse.cluster.output as output

    def prebriefed(outdir, articles, todo, known, settings, options, progress, load=None):
        def brief(members, settings, rejected):
            members = list(members)
            if any("Morpeth" in a.text for a in members):
                raise ZeroDivisionError("raised in a worker")
            return output.brief_story(members, settings, rejected)

        return brief

    monkeypatch.setattr(api, "_prebrief", prebriefed)
    dump, out, state = feed(tmp_path), tmp_path / "out", tmp_path / "state"
    assert main(["cluster", str(dump), "-o", str(out), "--state", str(state), "-q"]) == 1
    assert "ZeroDivisionError: raised in a worker" in capsys.readouterr().err
    index = json.loads((out / "index.json").read_text())
    assert sorted(s["status"] for s in index["stories"]) == ["failed", "written", "written"]
    assert [reason for _, reason in state_rows(state)[2]] and index["counts"]["failed_stories"] == 1
