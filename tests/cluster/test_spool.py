"""The spool (``cluster.spool``): a spooled feed clusters and saves as the feed held in memory does,
and an interrupted run leaves neither a half-saved batch in the store nor its spool file."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from newsfuse.cluster import api, spool
from newsfuse.cluster.api import each_stored, stored
from newsfuse.cluster.ingest import read_feed
from newsfuse.cluster.online import ClusterState
from newsfuse.cluster.spool import Spool, Spooled
from newsfuse.cluster.stream import cluster_articles
from newsfuse.config import Settings
from newsfuse.store.state import load_articles, load_pending, open_state

DIGITS = ["apple", "river", "stone", "cloud", "forest", "silver", "garden", "window", "candle", "meadow"]
TOPICS = [("harbour", "Dockside", "cranes", "cargo"), ("strike", "Unionburg", "pickets", "wages"),
          ("ferry", "Islaport", "capsized", "passengers"), ("flood", "Riverton", "levees", "rainfall"),
          ("vaccine", "Medica", "trial", "doses"), ("election", "Votersby", "ballots", "turnout")]


def _feed(tmp_path: Path, n: int = 600) -> Path:
    """n articles on ten topics, more than two spool chunks, in shuffled time order."""
    base, rows = datetime(2021, 3, 1), []
    for i in range(n):
        topic, place, a, b = TOPICS[i % len(TOPICS)]
        tag = " ".join(DIGITS[int(d)] for d in str(i))  # words of its own: no two texts alike
        body = " ".join([f"The {topic} in {place} worried residents as {a} and {b} were reported near the "
                         f"{tag} road, and officials said more news about the {topic} would follow."] * 6)
        rows.append(json.dumps({"title": f"{place} {topic} {tag}", "text": body,
                                "published": (base + timedelta(hours=(i * 7919) % n)).isoformat()}))
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_spooled_feed_clusters_and_saves_as_the_feed_in_memory(tmp_path: Path) -> None:
    path = _feed(tmp_path)
    held = read_feed([str(path)], Settings())
    with Spool(str(tmp_path)) as sp:
        feed = read_feed([str(path)], Settings(), spool=sp)
        assert len(feed.articles) == len(held.articles) > 2 * spool.CHUNK
        assert [(e.id, e.origin, e.published) for e in feed.articles] == [
            (a.id, a.origin, a.published) for a in held.articles]
        spooled = Spooled(feed.articles, sp)
        assert list(spooled) == held.articles and spooled[5] == held.articles[5]
        got = cluster_articles(ClusterState(), spooled)
        want = cluster_articles(ClusterState(), held.articles)
        assert got == want and len({a.story for a in got}) > 1
        assert list(each_stored(spooled, got)) == stored(held.articles, want)
        file = Path(sp.path)
        assert file.exists()
    assert not file.exists()


def test_an_interrupted_save_leaves_the_store_and_no_spool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch streams from the spool into one transaction: a failure midway commits nothing."""
    path, state = _feed(tmp_path, 300), tmp_path / "state"
    made: list[str] = []
    real_spool, real_save = api.Spool, api.save_run

    def tracked_spool() -> Spool:
        s = real_spool()
        made.append(s.path)
        return s

    def failing_save(conn, st, before: Counter, articles, stories=None):  # noqa: ANN001 - the real signature
        def some_then_fail():
            for n, a in enumerate(articles):
                if n == 150:
                    raise KeyboardInterrupt  # as a Ctrl-C in the middle of the save
                yield a
        return real_save(conn, st, before, some_then_fail(), stories)

    monkeypatch.setattr(api, "Spool", tracked_spool)
    monkeypatch.setattr(api, "save_run", failing_save)
    with pytest.raises(KeyboardInterrupt):
        api.run_cluster([str(path)], tmp_path / "out", state, options=api.ClusterOptions(briefings=False))
    with open_state(state) as db, db.read() as conn:
        assert load_articles(conn)[0] == [] and load_pending(conn) == {}
        assert conn.execute("SELECT COUNT(*) FROM cluster_stories").fetchone()[0] == 0
    assert made and not any(Path(p).exists() for p in made)
    monkeypatch.setattr(api, "save_run", real_save)
    report = api.run_cluster([str(path)], tmp_path / "out", state, options=api.ClusterOptions(briefings=False))
    assert report.new_articles == 300 and report.known_articles == 0


class _Unpicklable(Exception):
    def __reduce__(self):  # type: ignore[no-untyped-def]
        raise TypeError("cannot pickle")


def test_briefings_made_ahead_wait_on_disk_and_come_back_whole(tmp_path: Path) -> None:
    import gc

    rendered = {"json": "{}\n", "md": "# A story\n", "html": "<p>é</p>"}
    briefings = spool.Briefings(str(tmp_path))
    briefings["s2"], briefings["s1"], briefings["s3"] = rendered, None, ValueError("no sentences")
    briefings["s4"] = _Unpicklable("a parser's own exception")
    files = list(tmp_path.glob("newsfuse-briefings-*.sqlite"))
    assert len(files) == 1 and files[0].stat().st_size > 0
    assert briefings["s2"] == rendered and briefings["s1"] is None and list(briefings) == ["s1", "s2", "s3", "s4"]
    assert isinstance(briefings["s3"], ValueError) and str(briefings["s3"]) == "no sentences"
    assert isinstance(briefings["s4"], RuntimeError) and "a parser's own exception" in str(briefings["s4"])
    del briefings["s2"]
    assert "s2" not in briefings and len(briefings) == 3
    with pytest.raises(KeyError):
        briefings["s2"]
    briefings.close()
    assert not files[0].exists()
    dropped = spool.Briefings(str(tmp_path))
    dropped["x"] = rendered
    del dropped
    gc.collect()
    assert not list(tmp_path.glob("newsfuse-briefings-*.sqlite"))  # removed when collected, at the latest
