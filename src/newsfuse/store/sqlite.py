"""Clustering state on disk, in one SQLite file: stories, articles, term counts.

``newsfuse cluster --state DIR`` loads this, adds the new articles to the live
stories and writes back only what changed, so a run over yesterday's feed
plus today's costs today's articles, and a re-run over the same input finds
every article already known and changes nothing. The raw input of each
article is kept so a story's briefing can be rebuilt when the story grows.

This module is an edge (it does I/O); what it stores is ``ClusterState`` and
``StoredArticle`` rows, nothing the clusterer could not rebuild from them, plus
the bookkeeping that makes a run safe to kill and rerun: ``pending`` holds the
stories whose briefings are still to be written (committed with the clustering
that changed them, deleted once their files are in place; a failed story keeps
its row and its reason, so the next run retries it), and ``outputs`` the SHA-256
of every file written, so a rerun checks content, not existence.

One writer at a time: ``state_lock`` holds an exclusive ``flock`` on
``DIR/state.lock`` for the whole run; a second run waits up to its limit, then
stops with ``StateLocked`` (a usage error: exit code 2).
"""

from __future__ import annotations

import fcntl
import heapq
import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from ..cluster.model import StoredArticle
from ..cluster.online import ClusterConfig, ClusterState, Story, reindex
from ..errors import UsageError
from ..model import DocMeta, RawDocument

SCHEMA_VERSION = "1"
STATE_FILE = "state.sqlite"
LOCK_FILE = "state.lock"
#: How often a waiting run tries the lock again.
LOCK_POLL_S = 0.2

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS df (term TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, first TEXT, last TEXT, title TEXT,
    articles TEXT NOT NULL, words TEXT NOT NULL, names TEXT NOT NULL, heads TEXT NOT NULL, embed TEXT);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, story TEXT NOT NULL,
    score REAL, best REAL, origin TEXT NOT NULL, title TEXT, outlet TEXT, url TEXT, published TEXT,
    text TEXT NOT NULL, raw TEXT);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE TABLE IF NOT EXISTS pending (story TEXT PRIMARY KEY, reason TEXT);
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
"""


class StateLocked(UsageError):
    """Another run holds the state's lock and did not let go in time."""


@contextmanager
def state_lock(folder: Path | None, wait_s: float) -> Iterator[None]:
    """Hold ``folder``/state.lock exclusively (nothing to lock for an in-memory state).

    ``flock`` is released by the kernel when its holder dies, so a run killed with -9
    never leaves a stale lock behind.
    """
    if folder is None:
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:  # bounded by the deadline
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                    raise StateLocked(f"another newsfuse cluster run (pid {holder}) is using the state in {folder}; "
                                      f"waited {wait_s:g} s. Run again when it has finished, or raise "
                                      "--lock-wait.") from None
                time.sleep(LOCK_POLL_S)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextmanager
def open_store(folder: Path | None) -> Iterator[sqlite3.Connection]:
    """The state in ``folder``/state.sqlite, or in memory for a one-off run (``None``)."""
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(":memory:" if folder is None else folder / STATE_FILE)
    try:
        conn.executescript(_TABLES)
        yield conn
        conn.commit()
    finally:
        conn.close()


def stored_config(conn: sqlite3.Connection) -> ClusterConfig | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'config'").fetchone()
    return ClusterConfig(**json.loads(row[0])) if row else None


def load_state(conn: sqlite3.Connection, config: ClusterConfig) -> ClusterState:
    """Rebuild the clusterer's state; the inverted index is rebuilt, expiry happens on the next article."""
    state = ClusterState(config)
    state.df = Counter(dict(conn.execute("SELECT term, n FROM df")))
    row = conn.execute("SELECT value FROM meta WHERE key = 'n_docs'").fetchone()
    state.n_docs = int(row[0]) if row else 0
    for sid, first, last, title, articles, words, names, heads, embed in conn.execute(
        "SELECT id, first, last, title, articles, words, names, heads, embed FROM stories ORDER BY id"
    ):
        story = Story(sid, _time(first), _time(last), json.loads(articles), title, json.loads(words),
                      json.loads(names), json.loads(heads), json.loads(embed) if embed else None)
        state.stories[sid] = story
        reindex(state, story)
        if story.last is not None:
            heapq.heappush(state.expiry, (story.last, sid))
    return state


def save_state(conn: sqlite3.Connection, state: ClusterState, touched: Iterable[str]) -> None:
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('config', ?)", (json.dumps(asdict(state.config)),))
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('n_docs', ?)", (str(state.n_docs),))
    conn.executemany("INSERT OR REPLACE INTO df VALUES (?, ?)", state.df.items())
    rows = []
    for sid in sorted(set(touched)):
        s = state.stories[sid]
        rows.append((s.id, _iso(s.first), _iso(s.last), s.title, json.dumps(s.articles), json.dumps(s.words),
                     json.dumps(s.names), json.dumps(s.heads), json.dumps(s.embed) if s.embed else None))
    conn.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def save_articles(conn: sqlite3.Connection, articles: Iterable[StoredArticle]) -> None:
    start = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
    rows = [(a.id, start + n, a.story, a.score, a.best, a.origin, a.title, a.outlet, a.url, _iso(a.published),
             a.text, _raw_json(a.raw)) for n, a in enumerate(articles, start=1)]
    conn.executemany("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def mark_pending(conn: sqlite3.Connection, stories: Iterable[str]) -> None:
    """These stories need their briefings (re)written; kept until they are."""
    conn.executemany("INSERT OR REPLACE INTO pending VALUES (?, NULL)", [(s,) for s in sorted(stories)])


def load_pending(conn: sqlite3.Connection) -> dict[str, str | None]:
    """Story id -> why its last attempt failed (None: not attempted yet)."""
    return dict(conn.execute("SELECT story, reason FROM pending"))


def record_story(conn: sqlite3.Connection, story: str, failure: str | None, hashes: dict[str, str]) -> None:
    """A story's outcome, committed at once so a run killed later keeps it."""
    if failure is None:
        conn.execute("DELETE FROM pending WHERE story = ?", (story,))
    else:
        conn.execute("INSERT OR REPLACE INTO pending VALUES (?, ?)", (story, failure))
    conn.executemany("INSERT OR REPLACE INTO outputs VALUES (?, ?)", sorted(hashes.items()))
    conn.commit()


def load_hashes(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT path, sha256 FROM outputs"))


def load_articles(conn: sqlite3.Connection, stories: Iterable[str] | None = None) -> list[StoredArticle]:
    """Articles in arrival order, of the given stories (all when None)."""
    query = "SELECT id, story, score, best, origin, title, outlet, url, published, text, raw FROM articles"
    rows = conn.execute(query + " ORDER BY seq").fetchall()
    wanted = None if stories is None else set(stories)
    return [StoredArticle(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], _time(r[8]), r[9], _raw(r[10]))
            for r in rows if wanted is None or r[1] in wanted]


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _raw_json(raw: RawDocument | None) -> str | None:
    if raw is None:
        return None
    meta = asdict(raw.meta)
    meta["published"] = raw.meta.published.isoformat() if raw.meta.published else None
    return json.dumps({"origin": raw.origin, "content": raw.content, "kind": raw.kind, "path": raw.path,
                       "meta": meta})


def _raw(value: str | None) -> RawDocument | None:
    if not value:
        return None
    data = json.loads(value)
    meta = dict(data["meta"])
    if meta.get("published"):
        meta["published"] = datetime.fromisoformat(meta["published"]).date()
    return RawDocument(data["origin"], data["content"], data["kind"], DocMeta(**meta), data["path"])
