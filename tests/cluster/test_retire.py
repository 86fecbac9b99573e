"""Expired stories leave memory for the run's spool (``spool.RetiredStories``) and come back for the
save: a feed spanning several windows saves exactly what the all-in-memory clusterer saves, a run
holds only the live stories, and an interrupted save still commits nothing."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from newsfuse.cluster import api, online
from newsfuse.cluster.online import ClusterState, Story
from newsfuse.cluster.spool import RetiredStories, Spool
from newsfuse.store.state import load_articles, load_pending, open_state

TOPICS = [("harbour", "Dockside", "cranes", "cargo"), ("strike", "Unionburg", "pickets", "wages"),
          ("ferry", "Islaport", "capsized", "passengers"), ("flood", "Riverton", "levees", "rainfall"),
          ("vaccine", "Medica", "trial", "doses")]
DIGITS = ["apple", "river", "stone", "cloud", "forest", "silver", "garden", "window", "candle", "meadow"]


def _feed(path: Path, weeks: range, per_week: int = 40, undated: int = 0, salt: str = "") -> Path:
    """``per_week`` articles on five topics within two days of each week, a week apart (the window is
    three days: every week's stories have expired when the next week starts), and one story running
    through all weeks (it stays live while its first articles leave the window), in shuffled order;
    ``undated`` articles without a date at the end (they see every story still indexed)."""
    rows = []
    for w in weeks:
        for i in range(per_week):
            topic, place, a, b = TOPICS[i % len(TOPICS)]
            tag = " ".join([salt] * bool(salt) + [DIGITS[int(d)] for d in f"{w}{i}"])  # words of its own: no two texts alike
            body = " ".join([f"{place} {topic}: {a}, {b} and {place} {topic} {a} near {tag}."] * 4)
            when = datetime(2022, 5, 2) + timedelta(days=7 * w, hours=(i * 37) % 48)
            rows.append({"title": f"{place} {topic} {tag}", "text": body, "published": when.isoformat()})
    for d in range(7 * weeks.start, 7 * weeks.stop, 2):  # a story that outlives many windows: an article every other day
        tag = " ".join([salt] * bool(salt) + [DIGITS[int(c)] for c in str(d)])
        rows.append({"title": f"Volcania eruption {tag}", "published": (datetime(2022, 5, 2, 12) + timedelta(days=d)).isoformat(),
                     "text": " ".join([f"Volcania eruption: lava, ash and Volcania eruption lava near {tag}."] * 4)})
    rows.reverse()
    for j in range(undated):
        topic, place, a, b = TOPICS[j % len(TOPICS)]
        rows.append({"title": f"{place} {topic} undated {DIGITS[j]}", "text": f"The {topic} in {place}: {a}, {b}, {DIGITS[j]}."})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


#: When a row was written (``records.now_iso``, a migration's time), the one thing two runs cannot share:
#: a time stamp after the feed's dates (2022).
WRITTEN_AT = re.compile(r"^20(2[3-9]|[3-9]\d)-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z?$")


def _store_rows(state: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the store, write times masked (retiring must leave all else alike)."""
    conn = sqlite3.connect(state / "state.sqlite")
    try:
        tables = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        return {t: sorted((tuple("<written>" if isinstance(v, str) and WRITTEN_AT.match(v) else v for v in row)
                           for row in conn.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in tables}
    finally:
        conn.close()


def _run(feeds: list[Path], root: Path) -> tuple[dict[str, bytes], dict[str, list[tuple]]]:
    options = api.ClusterOptions(briefings=False)
    for feed in feeds:
        api.run_cluster([str(feed)], root / "out", root / "state", options=options)
    files = {p.name: p.read_bytes() for p in (root / "out").iterdir() if p.is_file()}
    return files, _store_rows(root / "state")


class _Counting:
    """Counts the stories retired and the most stories held once the expired ones are gone."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.retired, self.peak, self.states = 0, 0, []
        real_put, real_expire = RetiredStories.put, online.expire

        def put(this: RetiredStories, story: Story) -> None:
            self.retired += 1
            real_put(this, story)

        def expire(state: ClusterState, now: datetime | None) -> None:
            real_expire(state, now)
            self.peak = max(self.peak, len(state.stories))

        monkeypatch.setattr(RetiredStories, "put", put)
        monkeypatch.setattr(online, "expire", expire)


def test_a_feed_of_several_windows_saves_what_the_clusterer_in_memory_saves(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    first = _feed(tmp_path / "a.jsonl", range(0, 4), undated=3)
    # a second run: its first week is the first run's last (stories loaded from the store take articles
    # again, others expire unchanged and are only dropped), then two weeks of new stories
    second = _feed(tmp_path / "b.jsonl", range(3, 6), per_week=25, salt="later")
    with monkeypatch.context() as m:  # the clusterer as before: every story in memory until the save
        m.setattr(api, "_retiring", lambda state, _spool: state)
        m.setattr(api, "settled_before", lambda _articles, _config: None)  # and every stored story loaded
        want_files, want_rows = _run([first, second], tmp_path / "memory")
    counting = _Counting(monkeypatch)
    from newsfuse.store import records

    loads: list[tuple[int, int]] = []
    real_load = records.load_cluster

    def load_cluster(conn, config=None, since=None):  # type: ignore[no-untyped-def]
        state = real_load(conn, config, since)
        loads.append((len(state.stories), len(state.settled)))
        return state

    monkeypatch.setattr(records, "load_cluster", load_cluster)
    got_files, got_rows = _run([first, second], tmp_path / "spooled")
    stories = len({r[0] for r in got_rows["cluster_stories"]})
    assert counting.retired > 0 and counting.peak < stories / 2  # only the live stories were held
    # The second run left the stories that had expired before its first article in the store: it
    # loaded the live ones (the running story, the undated ones, the last week's) and their ids only.
    (first_loaded, first_settled), (second_loaded, second_settled) = loads
    assert first_loaded == first_settled == 0 and second_settled > 60 and second_loaded < 20
    assert set(got_files) >= {"index.json", "index.html"}
    assert got_files == want_files
    assert got_rows == want_rows
    assert len(got_rows["reports"]) > 150 and len(got_rows["cluster_stories"]) == stories


def test_an_interrupted_save_after_retiring_commits_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stories retired to the spool come back inside the one transaction: failing midway saves none."""
    feed, state = _feed(tmp_path / "feed.jsonl", range(0, 4)), tmp_path / "state"
    counting = _Counting(monkeypatch)
    real_story_of = online.story_of
    served: list[str] = []

    def failing_story_of(st: ClusterState, sid: str) -> Story:
        served.append(sid)
        if len(served) == 5:
            raise KeyboardInterrupt  # as a Ctrl-C while the stories are written
        return real_story_of(st, sid)

    from newsfuse.store import records

    monkeypatch.setattr(records, "story_of", failing_story_of)
    with pytest.raises(KeyboardInterrupt):
        api.run_cluster([str(feed)], tmp_path / "out", state, options=api.ClusterOptions(briefings=False))
    assert counting.retired > 0
    with open_state(state) as db, db.read() as conn:
        assert load_articles(conn)[0] == [] and load_pending(conn) == {}
        assert conn.execute("SELECT COUNT(*) FROM cluster_stories").fetchone()[0] == 0
    monkeypatch.setattr(records, "story_of", real_story_of)
    report = api.run_cluster([str(feed)], tmp_path / "out", state, options=api.ClusterOptions(briefings=False))
    lines = len(feed.read_text(encoding="utf-8").splitlines())
    assert report.new_articles + len(report.rejected) == lines and report.new_articles > 100


def test_retired_stories_read_back_whole_and_unchanged_stored_ones_are_dropped(tmp_path: Path) -> None:
    with Spool(str(tmp_path)) as sp:
        old = Story("s-old", datetime(2022, 1, 1), datetime(2022, 1, 2), ["a1", "a2"], "Old", {"x": 1.0})
        grown = Story("s-grown", datetime(2022, 1, 1), datetime(2022, 1, 3), ["b1", "b2"], "Grown", {"y": 2.0})
        new = Story("s-new", datetime(2022, 1, 5), datetime(2022, 1, 5), ["c1"], None, {"z": 0.5}, {"Name": 1.0})
        retired = RetiredStories(sp, {"s-old": 2, "s-grown": 1})
        for story in (old, grown, new):
            retired.put(story)
        assert retired.get("s-new") == new  # from the buffer
        retired.flush()
        assert retired.get("s-old") is None  # unchanged since it was loaded: the store has it
        assert retired.get("s-grown") == grown and retired.get("s-new") == new
        again = RetiredStories(sp, {})  # a clustering started over: the table starts empty
        assert again.get("s-new") is None


def test_the_save_reads_retired_stories_through_story_of() -> None:
    state = ClusterState()
    with pytest.raises(KeyError):
        online.story_of(state, "missing")

    class Held:
        def put(self, story: Story) -> None:
            raise AssertionError("not used")

        def get(self, sid: str) -> Story | None:
            return Story(sid, None, None, ["a"], None) if sid == "kept" else None

    state.retired = Held()
    assert online.story_of(state, "kept").articles == ["a"]
    state.stories["kept"] = Story("kept", None, None, ["in", "memory"], None)
    assert online.story_of(state, "kept").articles == ["in", "memory"]  # memory first


def test_stories_left_in_the_store_are_exactly_ones_the_first_article_would_expire() -> None:
    """``settled_before``: every stored story it leaves out is one ``expire`` drops at the feed's first
    dated article (so leaving it out changes no assignment); a story the window still holds is loaded."""
    from newsfuse.cluster.spool import Entry, Spooled

    config = online.ClusterConfig()
    first = datetime(2022, 5, 10, 6)
    feed = Spooled([Entry("late", "f", first + timedelta(days=2), 1), Entry("u", "f", None, 2),
                    Entry("early", "f", first, 0)], spool=None)  # type: ignore[arg-type]
    since = api.settled_before(feed, config)
    assert since is not None
    lasts = [first - timedelta(days=config.window_days, hours=h) for h in range(-30, 60, 3)]
    state = ClusterState(config)
    for i, last in enumerate(lasts):
        story = Story(f"s{i}", last, last, [f"a{i}"], None, {f"w{i}": 1.0})
        state.stories[story.id] = story
        online.add_to_story(state, story, f"b{i}", online.ArticleVectors({f"w{i}": 1.0}, {}, {}, None), last)
    online.expire(state, first)
    live = {sid for sid in state.stories if any(sid in ids for ids in state.index.values())}
    left_out = {f"s{i}" for i, last in enumerate(lasts) if last < since}
    assert live and left_out and not (live & left_out)
    assert api.settled_before(Spooled([Entry("u", "f", None, 0)], spool=None), config) is None  # type: ignore[arg-type]
