"""``newsfuse cluster --state`` on the serve store: one clustering, its stories shown by ``serve``, the old
state.sqlite converted in place, and the one-writer lock, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from newsfuse.cli import main
from newsfuse.model import DocMeta, RawDocument
from newsfuse.serve.app import ServeConfig, create_app
from newsfuse.serve.jobs import Worker
from newsfuse.store import records as rec
from newsfuse.store.database import open_database
from newsfuse.store.state import load_articles, load_hashes, load_pending, state_lock

from .conftest import example_texts, fake_briefing

FLOOD = ("Heavy rain flooded the river town of Morpeth in northern England on Sunday, forcing two hundred residents "
         "from their homes. The Environment Agency said the river rose faster than at any time since 2008, and "
         "rescue teams used boats to reach families trapped upstairs. The county council opened two schools as "
         "shelters and said the water would fall by Tuesday.")

#: The schema of the state.sqlite that ``cluster --state`` wrote before it moved into the store (schema "1").
OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE df (term TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE stories (id TEXT PRIMARY KEY, first TEXT, last TEXT, title TEXT,
    articles TEXT NOT NULL, words TEXT NOT NULL, names TEXT NOT NULL, heads TEXT NOT NULL, embed TEXT);
CREATE TABLE articles (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, story TEXT NOT NULL,
    score REAL, best REAL, origin TEXT NOT NULL, title TEXT, outlet TEXT, url TEXT, published TEXT,
    text TEXT NOT NULL, raw TEXT);
CREATE INDEX articles_story ON articles(story);
CREATE TABLE pending (story TEXT PRIMARY KEY, reason TEXT);
CREATE TABLE outputs (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
"""


def _feed(folder: Path, texts: list[tuple[str, str]], name: str = "feed.jsonl") -> Path:
    lines = [json.dumps({"text": text, "title": stem, "outlet": stem[:3], "published": "2013-01-19",
                         "url": f"http://news.example/{stem}"}) for stem, text in texts]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _consistent(db) -> None:
    """Every clustered report's article is listed by exactly its story, and no story lists another."""
    with db.read() as conn:
        articles = conn.execute("SELECT article_id, story FROM reports WHERE state = 'clustered'").fetchall()
        stories = {sid: json.loads(a) for sid, a in conn.execute("SELECT id, articles FROM cluster_stories").fetchall()}
    assert len(articles) == len({a for a, _ in articles})
    assert sorted(a for arts in stories.values() for a in arts) == sorted(a for a, _ in articles)
    assert all(a in stories[s] for a, s in articles)


def test_cluster_stories_show_in_serve(tmp_path: Path, db_url: str, capsys) -> None:
    """A run's stories, reports and briefings are the serve store's: the front page, the story page and
    search show them, the run's briefing is the story's version, and a report added in serve joins the
    same story and has the next run rewrite its files."""
    dump, out = _feed(tmp_path, example_texts()), tmp_path / "out"
    assert main(["cluster", str(dump), "-o", str(out), "--state", db_url, "-q", "--workers", "1"]) == 0
    index = json.loads((out / "index.json").read_text())
    [story] = index["stories"]
    written = json.loads((out / f"stories/{story['id']}.json").read_text())
    app = create_app(ServeConfig(db=db_url, worker=False))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        listed = client.get("/api/stories").json()["stories"]
        assert [(s["id"], s["n_reports"], s["version"]) for s in listed] == [(story["id"], 5, 1)]
        assert client.get(f"/api/stories/{story['id']}/briefing").json() == written
        page = client.get(f"/stories/{story['id']}")
        assert page.status_code == 200 and written["story"]["title"].split()[0] in page.text
        assert story["id"] in client.get("/search?q=hostages").text
    db = open_database(db_url)
    try:
        with db.write() as conn:
            assert rec.job_counts(conn) == {"done": 1}  # the run briefed it: serve's queued briefing is done
            rec.add_report(conn, RawDocument("late", example_texts()[0][1] + "\nA later update: the siege ended.",
                                             "text", DocMeta(title="Late report")))
        Worker(db, briefer=fake_briefing).drain()
        with db.read() as conn:
            assert rec.get_story(conn, story["id"]).n_reports == 6
            assert list(load_pending(conn)) == [story["id"]]
        _consistent(db)
    finally:
        db.close()
    capsys.readouterr()
    assert main(["cluster", str(dump), "-o", str(out), "--state", db_url, "-q", "--workers", "1"]) == 0
    assert "0 new articles (5 already clustered)" in capsys.readouterr().err
    again = json.loads((out / "index.json").read_text())
    assert again["stories"][0]["size"] == 6 and again["stories"][0]["status"] == "written"
    assert len(json.loads((out / f"stories/{story['id']}.json").read_text())["sources"]) >= len(written["sources"])


def test_serve_worker_sees_what_a_cluster_run_stored(tmp_path: Path, db_url: str) -> None:
    """A worker that loaded the clustering before a run reloads it: its next report joins the run's story."""
    texts = example_texts()
    db = open_database(db_url)
    try:
        with db.write() as conn:
            rec.add_report(conn, RawDocument("flood", FLOOD, "text", DocMeta(title="Flood")))
        worker = Worker(db, briefer=fake_briefing)
        worker.drain()
        assert worker.state is not None and len(worker.state.stories) == 1
        assert main(["cluster", str(_feed(tmp_path, texts[:4])), "-o", str(tmp_path / "out"), "--state", db_url,
                     "--no-briefings", "-q"]) == 0
        with db.write() as conn:
            rid, _ = rec.add_report(conn, RawDocument(texts[4][0], texts[4][1], "text", DocMeta(title=texts[4][0])))
        worker.drain()
        with db.read() as conn:
            joined = rec.get_report(conn, rid).story
            run_story = conn.execute("SELECT story FROM reports WHERE origin LIKE ?", ("%feed.jsonl:1",)).fetchone()[0]
            assert joined == run_story and rec.get_story(conn, run_story).n_reports == 5
            assert len(rec.load_cluster(conn).stories) == 2
        _consistent(db)
    finally:
        db.close()


def test_a_run_reclusters_when_serve_wrote_meanwhile(tmp_path: Path, db_url: str, monkeypatch) -> None:
    """Serve clusters a report while the run clusters in memory: the run starts again from the store."""
    import newsfuse.cluster.api as api

    texts = example_texts()
    real, calls = api.cluster_articles, []

    def with_serve_in_between(state, articles, *args):
        got = real(state, articles, *args)
        if not calls:
            db = open_database(db_url)
            try:
                with db.write() as conn:
                    rec.add_report(conn, RawDocument(texts[0][0], texts[0][1], "text", DocMeta(title=texts[0][0])))
                Worker(db, briefer=fake_briefing).drain()
            finally:
                db.close()
        calls.append(len(got))
        return got

    monkeypatch.setattr(api, "cluster_articles", with_serve_in_between)
    assert main(["cluster", str(_feed(tmp_path, texts)), "-o", str(tmp_path / "out"), "--state", db_url,
                 "--no-briefings", "-q"]) == 0
    assert calls == [5, 4]  # the second time, the report serve clustered is known
    db = open_database(db_url)
    try:
        _consistent(db)
        with db.read() as conn:
            assert len(rec.load_cluster(conn).stories) == 1
            assert rec.report_counts(conn) == {"clustered": 5}
    finally:
        db.close()


def test_second_run_waits_for_the_lock_then_stops(tmp_path: Path, db_url: str) -> None:
    dump = _feed(tmp_path, example_texts()[:1])
    with state_lock(db_url, 1):
        done = subprocess.run([sys.executable, "-m", "newsfuse.cli", "cluster", str(dump), "-o", str(tmp_path / "o"),
                               "--state", db_url, "--no-briefings", "--lock-wait", "1", "-q"],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"(pid {os.getpid()}) is using the state" in done.stderr


def _write_old_state(path: Path, store_url: str) -> None:
    """An old-format state.sqlite holding what the run into ``store_url`` clustered (rows as the old code wrote them)."""
    db = open_database(store_url)
    try:
        with db.read() as conn:
            meta = {"config": rec.get_meta(conn, "cluster_config"), "n_docs": rec.get_meta(conn, "cluster_n_docs"),
                    "schema": "1"}
            df = conn.execute("SELECT term, n FROM cluster_df").fetchall()
            stories = conn.execute("SELECT id, first, last, title, articles, words, names, heads, embed "
                                   "FROM cluster_stories").fetchall()
            articles, _ = load_articles(conn)
            outputs = sorted(load_hashes(conn).items())
    finally:
        db.close()
    rows = []
    for seq, a in enumerate(articles, start=1):
        raw = None
        if a.raw is not None:
            m = a.raw.meta
            raw = json.dumps({"origin": a.raw.origin, "content": a.raw.content, "kind": a.raw.kind, "path": a.raw.path,
                              "meta": {"title": m.title, "outlet": m.outlet, "url": m.url,
                                       "published": m.published.isoformat() if m.published else None,
                                       "published_from": m.published_from}})
        rows.append((a.id, seq, a.story, a.score, a.best, a.origin, a.title, a.outlet, a.url,
                     a.published.isoformat() if a.published else None, a.text, raw))
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.executescript(OLD_SCHEMA)
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        conn.executemany("INSERT INTO df VALUES (?, ?)", df)
        conn.executemany("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", stories)
        conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("INSERT INTO pending VALUES (?, ?)", (stories[-1][0], "ZeroDivisionError: in the old run"))
        conn.executemany("INSERT INTO outputs VALUES (?, ?)", outputs)


def test_an_old_state_file_is_converted_in_place(tmp_path: Path, capsys) -> None:
    """A state folder written before the store (its own tables in state.sqlite) is converted on first open:
    the same clustering, articles (raw documents whole), pending stories and file hashes; the next run
    finds every article known, rewrites only the pending story, and serve shows the stories."""
    texts = example_texts() + [("flood", FLOOD)]
    dump, ref_out = _feed(tmp_path, texts), tmp_path / "ref-out"
    ref_store = tmp_path / "ref.db"
    assert main(["cluster", str(dump), "-o", str(ref_out), "--state", str(ref_store), "--no-briefings", "-q"]) == 0
    state = tmp_path / "state"
    _write_old_state(state / "state.sqlite", str(ref_store))
    with sqlite3.connect(state / "state.sqlite") as conn:
        pending_story = conn.execute("SELECT story FROM pending").fetchone()[0]

    db = open_database(str(state / "state.sqlite"))
    try:
        with db.read() as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
            assert "articles" not in tables and not any(t.startswith("legacy_") for t in tables)
            converted, _ = load_articles(conn)
            assert load_pending(conn) == {pending_story: "ZeroDivisionError: in the old run"}
            assert rec.job_counts(conn) == {"queued": 2}  # a briefing of each story, for serve
            state_now = rec.load_cluster(conn)
    finally:
        db.close()
    ref = open_database(str(ref_store))
    try:
        with ref.read() as conn:
            assert converted == load_articles(conn)[0]
            ref_state = rec.load_cluster(conn)
    finally:
        ref.close()
    assert state_now.df == ref_state.df and state_now.n_docs == ref_state.n_docs
    assert {s.id: (s.articles, s.words, s.names) for s in state_now.stories.values()} == \
        {s.id: (s.articles, s.words, s.names) for s in ref_state.stories.values()}

    capsys.readouterr()
    before = {p: p.stat().st_mtime_ns for p in ref_out.rglob("*")}
    assert main(["cluster", str(dump), "-o", str(ref_out), "--state", str(state), "--no-briefings", "-q"]) == 0
    assert "0 new articles (6 already clustered)" in capsys.readouterr().err
    assert {p: p.stat().st_mtime_ns for p in ref_out.rglob("*")} == before  # the same index: nothing rewritten
    db = open_database(str(state / "state.sqlite"))
    try:
        with db.read() as conn:
            assert load_pending(conn) == {}  # no briefings asked: the pending story is settled, as before
    finally:
        db.close()


def test_an_interrupted_conversion_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    """The conversion is one transaction: failing half-way leaves the old tables as they were."""
    import newsfuse.store.legacy as legacy

    texts = example_texts()[:2]
    ref_store = tmp_path / "ref.db"
    assert main(["cluster", str(_feed(tmp_path, texts)), "-o", str(tmp_path / "o"), "--state", str(ref_store),
                 "--no-briefings", "-q"]) == 0
    old = tmp_path / "state" / "state.sqlite"
    _write_old_state(old, str(ref_store))

    def boom(conn, articles):
        raise OSError("disk full")

    monkeypatch.setattr("newsfuse.store.state.save_articles", boom)
    with pytest.raises(OSError):
        open_database(str(old))
    with sqlite3.connect(old) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(legacy.OLD_TABLES) <= tables and "schema_migrations" not in tables


def test_a_state_from_before_pending_and_outputs_is_converted(tmp_path: Path) -> None:
    """The first state files had no pending/outputs tables: they convert too, with nothing pending."""
    ref_store = tmp_path / "ref.db"
    assert main(["cluster", str(_feed(tmp_path, example_texts()[:2])), "-o", str(tmp_path / "o"), "--state",
                 str(ref_store), "--no-briefings", "-q"]) == 0
    old = tmp_path / "state" / "state.sqlite"
    _write_old_state(old, str(ref_store))
    with sqlite3.connect(old) as conn:
        conn.execute("DROP TABLE pending")
        conn.execute("DROP TABLE outputs")
    db = open_database(str(old))
    try:
        with db.read() as conn:
            assert load_pending(conn) == {} and len(load_articles(conn)[0]) == 2
    finally:
        db.close()
