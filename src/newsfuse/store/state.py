"""What ``newsfuse cluster --state`` keeps, in the same store as ``newsfuse serve``.

``--state`` names a folder (the store is ``FOLDER/state.sqlite``, as it always
was), a SQLite file (the ``newsfuse.db`` of ``serve --db``) or a
``postgresql://`` URL. The clustering is the store's one clustering
(``cluster_stories``, ``cluster_df``: ``records``), which the serve worker
adds to as well; every article a run places is a report row (``state``
'clustered', its raw document whole), so its stories appear in ``serve`` with
their reports, searchable. A story's briefing written by a run is stored as a
new version of it when its reports are the ones ``serve`` would brief;
otherwise the queued ``brief`` job is left for the serve worker.

The bookkeeping that makes a run safe to kill and rerun: ``cluster_pending``
holds the stories whose briefing files are still to be written (committed with
the clustering that changed them, deleted once their files are in place; a
failed story keeps its row and its reason, so the next run retries it), and
``cluster_outputs`` the SHA-256 of every file written, so a rerun checks
content, not existence.

One run at a time per store: ``state_lock`` holds an exclusive ``flock`` on
``FOLDER/state.lock`` (``FILE.lock`` beside a SQLite file), or a PostgreSQL
session advisory lock, for the whole run; a second run waits up to its limit,
then stops with ``StateLocked`` (a usage error: exit code 2). Both are
released when their holder dies, so a run killed with -9 leaves no stale lock.
A serve worker writing meanwhile is seen by the clustering's generation
counter: the run reclusters on what the worker stored before it saves.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..cluster.model import StoredArticle
from ..cluster.online import ClusterConfig, ClusterState
from ..errors import UsageError
from ..ids import content_id
from ..model import DocMeta, RawDocument
from . import records as rec
from .database import Connection, Database, open_database

STATE_FILE = "state.sqlite"
LOCK_FILE = "state.lock"
#: A --state that does not exist yet and ends in one of these is a SQLite file; otherwise a folder.
SQLITE_SUFFIXES = frozenset({".db", ".sqlite", ".sqlite3"})
#: How often a waiting run tries the lock again.
LOCK_POLL_S = 0.2
#: The PostgreSQL advisory lock key of cluster runs (the migration lock is 7421001).
PG_LOCK_KEY = 7421002
#: A raw document's ``kind`` for an article stored without one: its content is the cleaned text.
CLEAN_KIND = "clean"


class StateLocked(UsageError):
    """Another run holds the state's lock and did not let go in time."""


@dataclass(frozen=True)
class Location:
    """Where a --state lives: ``url`` for ``open_database``, ``lock`` the flock file (SQLite)."""

    url: str
    lock: Path | None
    shown: str
    folder: bool = False  # the store is FOLDER/state.sqlite

    @property
    def postgres(self) -> bool:
        return self.url.startswith(("postgresql://", "postgres://"))


def locate(state: str | Path | None) -> Location:
    """A folder, a SQLite file or a PostgreSQL URL (None: in memory, for a one-off run)."""
    if state is None:
        return Location(":memory:", None, "memory")
    text = str(state)
    if text.startswith(("postgresql://", "postgres://")):
        return Location(text, None, "PostgreSQL")
    path = Path(text)
    if path.is_dir() or (not path.exists() and path.suffix.lower() not in SQLITE_SUFFIXES):
        return Location(str(path / STATE_FILE), path / LOCK_FILE, text, folder=True)
    return Location(str(path), path.with_name(path.name + ".lock"), text)


@contextmanager
def state_lock(state: str | Path | None, wait_s: float) -> Iterator[None]:
    """Hold the state's one-writer lock for the block (nothing to lock in memory)."""
    where = locate(state)
    if where.postgres:
        with _pg_lock(where, wait_s):
            yield
        return
    if where.lock is None:
        yield
        return
    where.lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(where.lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:  # bounded by the deadline
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                    raise _locked(holder, where, wait_s) from None
                time.sleep(LOCK_POLL_S)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextmanager
def _pg_lock(where: Location, wait_s: float) -> Iterator[None]:
    """A session advisory lock on its own connection; the holder's pid is in its application_name."""
    import psycopg

    try:
        conn = psycopg.connect(where.url, autocommit=True, application_name=f"newsfuse cluster pid {os.getpid()}")
    except psycopg.OperationalError as exc:
        raise UsageError(f"--state: cannot connect to the PostgreSQL server: {str(exc).strip()}") from None
    with conn:
        deadline = time.monotonic() + wait_s
        while not conn.execute("SELECT pg_try_advisory_lock(%s)", (PG_LOCK_KEY,)).fetchone()[0]:
            if time.monotonic() >= deadline:
                row = conn.execute("SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                                   "WHERE l.locktype = 'advisory' AND l.objid = %s AND l.granted LIMIT 1",
                                   (PG_LOCK_KEY,)).fetchone()
                holder = row[0].rsplit(" ", 1)[-1] if row and row[0].startswith("newsfuse cluster pid ") else "unknown"
                raise _locked(holder, where, wait_s)
            time.sleep(LOCK_POLL_S)
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (PG_LOCK_KEY,))


def _locked(holder: str, where: Location, wait_s: float) -> StateLocked:
    return StateLocked(f"another newsfuse cluster run (pid {holder}) is using the state in {where.shown}; "
                       f"waited {wait_s:g} s. Run again when it has finished, or raise --lock-wait.")


#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_file(path: Path, shown: str) -> None:
    """A file named as the store is a SQLite database or empty: never turn someone's other file into one."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UsageError(f"--state {shown}: cannot read it ({exc.strerror})") from None
    if head and head != SQLITE_HEADER:
        raise UsageError(f"--state {shown}: exists and is neither a folder nor a SQLite database")


@contextmanager
def open_state(state: str | Path | None) -> Iterator[Database]:
    """The store of ``state`` (created, upgraded or converted from the old state.sqlite on open)."""
    where = locate(state)
    if where.lock is not None:
        check_sqlite_file(Path(where.url), where.shown)
        Path(where.url).parent.mkdir(parents=True, exist_ok=True)
    db = open_database(where.url)
    try:
        yield db
    finally:
        db.close()


# ---- one run: the clustering, the articles it placed, what is left to write --------------------

def changed_terms(before: Mapping[str, int], state: ClusterState) -> list[str]:
    """Terms whose document counts a run moved (counts only grow)."""
    return [t for t, n in state.df.items() if before.get(t) != n]


def save_run(conn: Connection, state: ClusterState, before: Counter, articles: Iterable[StoredArticle],
             stories: Iterable[str] | None = None) -> set[str]:
    """Commit what a run clustered, in the caller's transaction: the clustering, the articles as reports,
    the stories as pending (briefing files to write) and as queued briefings for ``serve``. Returns the
    stories it changed.

    With ``stories`` (the stories of ``articles``, named up front) ``articles`` is read once, as it
    comes: a run streams its batch from its spool (``cluster.spool``) into this one transaction, so
    the batch is committed whole or not at all without being held in memory."""
    if stories is None:
        articles = list(articles)
        stories = {a.story for a in articles}
    changed = set(stories)
    if rec.stored_config(conn) is None:
        rec.set_cluster_config(conn, state.config)
    rec.save_cluster(conn, state, changed, changed_terms(before, state))
    save_articles(conn, articles)
    mark_pending(conn, changed)
    for sid in sorted(changed):
        rec.enqueue(conn, "brief", sid, priority=4, dedup=f"brief:{sid}")
    return changed


def save_articles(conn: Connection, articles: Iterable[StoredArticle]) -> None:
    """Each placed article as a clustered report, in order; a report the serve worker has not
    processed yet (same raw content) is taken over, and its queued job finds nothing to do."""
    for a in articles:
        raw = a.raw or RawDocument(a.origin, a.text, CLEAN_KIND, DocMeta())  # type: ignore[arg-type]
        rid = content_id("r", raw.kind, raw.content)  # records.report_id
        row = conn.execute("SELECT state FROM reports WHERE id = ?", (rid,)).fetchone()
        if row is not None and row[0] != "raw":  # the same raw content was another article (e.g. headlines)
            rid = content_id("r", raw.kind, raw.content, a.id)
            row = conn.execute("SELECT state FROM reports WHERE id = ?", (rid,)).fetchone()
            if row is not None:
                continue  # stored already
        meta = raw.meta
        fields = (raw.origin, raw.kind, raw.content, meta.title, meta.outlet, meta.url,
                  meta.published.isoformat() if meta.published else None, raw.path, meta.published_from,
                  a.id, a.story, a.text)
        if row is None:
            previous = rec.latest_at_url(conn, meta.url) if meta.url else None
            conn.execute("INSERT INTO reports (origin, kind, content, title, outlet, url, published, path, "
                         "published_from, article_id, story, text, id, added_at, previous, state) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'clustered')",
                         (*fields, rid, rec.now_iso(), previous))
        else:
            conn.execute("UPDATE reports SET origin = ?, kind = ?, content = ?, title = ?, outlet = ?, url = ?, "
                         "published = ?, path = ?, published_from = ?, article_id = ?, story = ?, text = ?, "
                         "state = 'clustered', reason = NULL WHERE id = ?", (*fields, rid))
        rec.record_article(conn, rid, a.title, a.outlet, a.url, a.published, a.score, a.best)
        rec.index_text(conn, rid)
        rec.touch_story(conn, a.story, a.title)


ARTICLE_FIELDS = ("id, article_id, story, score, best, origin, kind, content, title, outlet, url, published, path, "
                  "published_from, article_title, article_outlet, article_url, article_time, text")
#: What the index shows of an article's text: its lead (``cluster.model.lead_end`` reads no further
#: than this) and the fallback title; one character more keeps "longer than the lead" visible.
LIGHT_TEXT_CHARS = 401
#: The same columns without the raw document, the cleaned text cut to its lead, and the text's length.
LIGHT_FIELDS = (ARTICLE_FIELDS.replace("content,", "NULL AS content,").replace(
    ", text", f", substr(text, 1, {LIGHT_TEXT_CHARS}) AS text, length(text) AS chars"))


def load_articles(conn: Connection, texts: bool = True) -> tuple[list[StoredArticle], dict[str, str]]:
    """Every clustered article in arrival order (``serve``'s included), and the report id of each.

    ``texts=False`` is what a run holds for the whole store: no raw documents, each text cut to what
    the index shows (``chars`` keeps its length), so memory grows with the number of articles, not
    with their size; a story's documents are read when it is briefed (``load_story_articles``)."""
    fields = ARTICLE_FIELDS if texts else LIGHT_FIELDS
    rows = conn.execute(f"SELECT {fields} FROM reports WHERE state = 'clustered' ORDER BY seq").fetchall()
    articles = [_stored_article(row) for row in rows]
    return articles, {a.id: row[0] for a, row in zip(articles, rows, strict=True)}


def load_story_articles(conn: Connection, story: str) -> list[StoredArticle]:
    """One story's clustered articles whole (raw documents and texts), in arrival order."""
    rows = conn.execute(f"SELECT {ARTICLE_FIELDS} FROM reports WHERE state = 'clustered' AND story = ? "
                        "ORDER BY seq", (story,)).fetchall()
    return [_stored_article(row) for row in rows]


def _stored_article(row: Sequence[Any]) -> StoredArticle:
    (rid, aid, story, score, best, origin, kind, content, title, outlet, url, published, path, published_from,
     a_title, a_outlet, a_url, a_time, text, *chars) = row
    day = date.fromisoformat(published[:10]) if published else None
    raw = None if kind == CLEAN_KIND or content is None else RawDocument(
        origin, content, "html" if kind == "html" else "text",
        DocMeta(title=title, outlet=outlet, published=day,
                published_from=published_from or ("metadata" if day else None), url=url), path)
    when = datetime.fromisoformat(a_time) if a_time else None
    return StoredArticle(aid, story, score, best, origin, a_title, a_outlet, a_url, when, text or "", raw,
                         chars[0] if chars else None)


def mark_pending(conn: Connection, stories: Iterable[str]) -> None:
    """These stories need their briefings (re)written; kept until they are."""
    conn.executemany("INSERT INTO cluster_pending VALUES (?, NULL) ON CONFLICT (story) DO UPDATE SET reason = NULL",
                     [(s,) for s in sorted(stories)])


def load_pending(conn: Connection) -> dict[str, str | None]:
    """Story id -> why its last attempt failed (None: not attempted yet)."""
    return dict(conn.execute("SELECT story, reason FROM cluster_pending").fetchall())


def load_hashes(conn: Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT path, sha256 FROM cluster_outputs").fetchall())


def record_story(conn: Connection, story: str, failure: str | None, hashes: Mapping[str, str],
                 briefing: dict[str, Any] | None = None, reports: Sequence[str] = ()) -> None:
    """A story's outcome (the caller commits it at once, so a run killed later keeps it).

    ``briefing``, the JSON a run wrote for the story from ``reports``, becomes
    the story's next version in ``serve`` when those are the reports serve
    would brief now (an edited report replaces the one it edits there) and the
    latest version is of others; the serve worker's queued briefing is then done.
    """
    if failure is None:
        conn.execute("DELETE FROM cluster_pending WHERE story = ?", (story,))
    else:
        conn.execute("INSERT INTO cluster_pending VALUES (?, ?) ON CONFLICT (story) DO UPDATE SET reason = ?",
                     (story, failure, failure))
    conn.executemany("INSERT INTO cluster_outputs VALUES (?, ?) ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256",
                     sorted(hashes.items()))
    if briefing is None or not briefing.get("sources"):
        return
    current = [r.id for r in rec.current_reports(rec.story_reports(conn, story, texts=False))]
    if current != list(reports):
        return
    latest = rec.latest_version(conn, story)
    if latest is None or latest[1] != current:
        rec.add_version(conn, story, current, briefing)
    conn.execute("UPDATE jobs SET status = 'done', updated_at = ? WHERE dedup = ? AND status = 'queued'",
                 (rec.now_iso(), f"brief:{story}"))


def stored_config(conn: Connection) -> ClusterConfig | None:
    return rec.stored_config(conn)
