"""The store on both databases: migrations, idempotent reports, edits, jobs, cluster state, search."""

from __future__ import annotations

from datetime import date

from newsfuse.model import DocMeta, RawDocument
from newsfuse.serve.jobs import Worker
from newsfuse.store import records as rec
from newsfuse.store.database import migrations, open_database, split_sql

from .conftest import example_texts, fake_briefing


def _doc(text: str, url: str | None = None, title: str | None = None) -> RawDocument:
    return RawDocument(url or "pasted", text, "text", DocMeta(title=title, url=url, published=date(2013, 1, 17)))


def test_migrations_are_numbered_and_recorded(db, db_url):
    assert db.schema_version() == len(migrations(db.dialect)) >= 1
    again = open_database(db_url)  # a second start applies nothing twice
    try:
        assert again.migrate() == []
        assert again.schema_version() == db.schema_version()
    finally:
        again.close()


def test_split_sql_keeps_statements_whole():
    assert split_sql("-- note\nCREATE TABLE a (\n  x INT);\nCREATE INDEX i ON a(x);\n") == [
        "CREATE TABLE a (\n  x INT)", "CREATE INDEX i ON a(x)"]


def test_a_report_is_stored_once_and_queued_once(db):
    doc = _doc("The plant was seized at dawn.")
    with db.write() as conn:
        first = rec.add_report(conn, doc)
        second = rec.add_report(conn, doc)
    assert first[1] and not second[1] and first[0] == second[0]
    with db.read() as conn:
        assert rec.report_counts(conn) == {"raw": 1}
        assert rec.job_counts(conn) == {"queued": 1}


def test_new_content_at_a_known_url_is_an_edit(db):
    with db.write() as conn:
        old, _ = rec.add_report(conn, _doc("Twenty hostages died.", "http://example.org/a"))
        new, _ = rec.add_report(conn, _doc("Thirty hostages died.", "http://example.org/a"))
        assert rec.get_report(conn, new).previous == old
        assert rec.get_report(conn, old).previous is None


def test_jobs_dedup_claim_fail_retry_and_requeue(db):
    with db.write() as conn:
        rec.enqueue(conn, "brief", "story-1", dedup="brief:story-1")
        rec.enqueue(conn, "brief", "story-1", dedup="brief:story-1")
        rec.enqueue(conn, "poll", "1", priority=1)
    with db.write() as conn:
        job = rec.claim_job(conn)
    assert job.kind == "poll"  # most urgent first
    with db.write() as conn:
        rec.finish_job(conn, job.id, "HTTP 500 when fetching")
        assert rec.retry_job(conn, job.id)
        assert not rec.retry_job(conn, job.id)  # queued now, not failed
    with db.write() as conn:
        running = rec.claim_job(conn)
    with db.write() as conn:  # a crash leaves it running; the next start requeues it
        assert rec.requeue_interrupted(conn) == 1
        counts = rec.job_counts(conn)
    assert counts == {"queued": 2} and running is not None
    with db.write() as conn:
        rec.enqueue(conn, "brief", "story-1", dedup="brief:story-1")
        assert rec.job_counts(conn) == {"queued": 2}


def test_worker_clusters_briefs_and_versions_a_story(db):
    texts = example_texts()
    with db.write() as conn:
        for name, text in texts[:3]:
            rec.add_report(conn, RawDocument(name, text, "text", DocMeta(title=name)))
    worker = Worker(db, briefer=fake_briefing)
    assert worker.drain() == 4  # three reports, one story briefed once (the brief job is deduplicated)
    with db.read() as conn:
        stories = rec.front_page(conn)
        assert len(stories) == 1 and stories[0].n_reports == 3 and stories[0].version == 1
        assert stories[0].n_disputes == 1
        hits = rec.search(conn, "hostages Algeria")
        assert hits and {h[2] for h in hits} == {stories[0].id}
        assert rec.search(conn, '") OR 1=1 --') == []  # user text is a query, never syntax
    with db.write() as conn:
        rec.add_report(conn, RawDocument(texts[3][0], texts[3][1], "text", DocMeta(title=texts[3][0])))
        rec.add_report(conn, RawDocument("copy", texts[0][1] + "\n", "text", DocMeta(title="copy")))
    worker.drain()
    with db.read() as conn:
        story = rec.get_story(conn, stories[0].id)
        assert story.version == 2 and story.n_reports == 4
        assert [v for v, _, _ in rec.versions(conn, story.id)] == [1, 2]
        assert rec.report_counts(conn) == {"clustered": 4, "duplicate": 1}


def test_cluster_state_survives_a_restart(db):
    texts = example_texts()
    with db.write() as conn:
        for name, text in texts[:2]:
            rec.add_report(conn, RawDocument(name, text, "text", DocMeta(title=name)))
    first = Worker(db, briefer=fake_briefing)
    first.drain()
    with db.read() as conn:
        loaded = rec.load_cluster(conn)
    assert loaded.n_docs == first.state.n_docs == 2
    assert {s.id: s.articles for s in loaded.stories.values()} == {s.id: s.articles for s in first.state.stories.values()}
    assert loaded.index == {k: v for k, v in first.state.index.items() if v}  # reindex leaves emptied postings


def test_front_page_orders_by_latest_or_by_outlets(db):
    briefing = fake_briefing([_doc("a", title="A"), _doc("b", title="B"), _doc("c", title="C")])
    with db.write() as conn:
        rec.touch_story(conn, "story-many", "Many")
        rec.add_version(conn, "story-many", ["r1", "r2", "r3"], briefing)
        rec.touch_story(conn, "story-one", "One")
        rec.add_version(conn, "story-one", ["r4"], fake_briefing([_doc("d", title="D")]))
        rec.touch_story(conn, "story-none", "No briefing yet")
    with db.read() as conn:
        assert [s.id for s in rec.front_page(conn, "latest")] == ["story-one", "story-many"]
        assert [s.id for s in rec.front_page(conn, "sources")] == ["story-many", "story-one"]
        many = rec.get_story(conn, "story-many")
    assert many.n_outlets == 3 and many.n_disputes == 1


def test_follow_and_seen_versions(db):
    with db.write() as conn:
        rec.touch_story(conn, "story-x", "X")
        rec.add_version(conn, "story-x", ["r1"], fake_briefing([_doc("a", title="X")]))
        rec.set_followed(conn, "story-x", True)
        rec.mark_seen(conn, "story-x", 1)
        rec.mark_seen(conn, "story-x", 0)  # an older page never moves the mark back
        assert rec.reader_state(conn, "story-x") == (True, 1)
        rec.add_version(conn, "story-x", ["r1", "r2"], fake_briefing([_doc("a", title="X"), _doc("b")]))
        [(story, seen)] = rec.followed_with_news(conn)
    assert story.version == 2 and seen == 1


def test_an_older_store_is_upgraded_in_place(db, db_url):
    """A store left at version 1 gets the later migrations at the next open, its data kept."""
    with db.write() as conn:
        rec.add_report(conn, _doc("Kept across the upgrade."))
        conn.execute("DROP INDEX reports_state")  # what 0002 and 0003 made, unmade
        conn.execute("DROP INDEX reports_clustered")
        for column in ("path", "published_from", "article_title", "article_outlet", "article_url", "article_time",
                       "score", "best"):
            conn.execute(f"ALTER TABLE reports DROP COLUMN {column}")
        conn.execute("ALTER TABLE cluster_stories DROP COLUMN embed")
        conn.execute("DROP TABLE cluster_pending")
        conn.execute("DROP TABLE cluster_outputs")
        conn.execute("DELETE FROM meta WHERE key = 'cluster_generation'")
        conn.execute("DELETE FROM schema_migrations WHERE version > 1")
    assert db.schema_version() == 1
    upgraded = open_database(db_url)
    try:
        assert upgraded.schema_version() == len(migrations(upgraded.dialect)) >= 3
        with upgraded.read() as conn:
            assert rec.report_counts(conn) == {"raw": 1}
    finally:
        upgraded.close()


def test_a_slow_briefing_does_not_hold_up_new_reports(db):
    """The worker's brief thread is separate: while one briefing runs, new reports are still clustered."""
    import threading
    import time

    release, briefing_started = threading.Event(), threading.Event()

    def slow_briefer(docs, settings=None):
        briefing_started.set()
        release.wait(60)
        return fake_briefing(docs)

    texts = example_texts()
    with db.write() as conn:
        rec.add_report(conn, RawDocument(texts[0][0], texts[0][1], "text", DocMeta(title="first")))
    worker = Worker(db, briefer=slow_briefer)
    worker.start()
    try:
        assert briefing_started.wait(60)
        with db.write() as conn:
            rec.add_report(conn, RawDocument(texts[1][0], texts[1][1], "text", DocMeta(title="second")))
        worker.wake.set()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with db.read() as conn:
                if rec.report_counts(conn).get("clustered") == 2:
                    break
            time.sleep(0.1)
        with db.read() as conn:
            assert rec.report_counts(conn) == {"clustered": 2}  # while the first briefing is still running
            assert rec.job_counts(conn).get("running") == 1
    finally:
        release.set()
        worker.shutdown(30)
