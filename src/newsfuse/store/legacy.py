"""The one-time conversion of a ``state.sqlite`` that ``newsfuse cluster --state`` wrote before
its state moved into the numbered-migration store.

That file had its own tables (``meta``, ``df``, ``stories``, ``articles``,
``pending``, ``outputs``; no ``schema_migrations``), two of whose names the
store uses for other things. ``adopt_cluster_state`` runs inside the
migration transaction (``Database.migrate``): it renames them aside, the
migrations create the store, and the returned step copies the clustering,
every article (as a clustered report, its raw document whole), the pending
stories and the output hashes across, queues a briefing of every story for
``serve``, and drops the old tables. One transaction: a crash leaves the old
file untouched, and the next open converts it again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from ..cluster.model import StoredArticle
from ..model import DocMeta, RawDocument
from . import records as rec
from .database import Connection

#: The old file's tables; the first four make it one (``pending`` and ``outputs`` came later).
OLD_TABLES = ("meta", "df", "stories", "articles", "pending", "outputs")
LATER_TABLES = {"pending": "story TEXT PRIMARY KEY, reason TEXT", "outputs": "path TEXT PRIMARY KEY, sha256 TEXT NOT NULL"}


def adopt_cluster_state(conn: Connection) -> Callable[[Connection], None] | None:
    """Move an old cluster state's tables aside; returns the step that copies them in (None: not one)."""
    if conn.dialect != "sqlite":
        return None
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    if "schema_migrations" in tables or not set(OLD_TABLES) - set(LATER_TABLES) <= tables:
        return None
    for table, columns in LATER_TABLES.items():
        conn.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
    for table in OLD_TABLES:
        conn.execute(f"ALTER TABLE {table} RENAME TO legacy_{table}")
    return _copy_in


def _copy_in(conn: Connection) -> None:
    from .state import mark_pending, save_articles

    meta = dict(conn.execute("SELECT key, value FROM legacy_meta").fetchall())
    if "config" in meta:
        rec.set_meta(conn, "cluster_config", meta["config"])
    rec.set_meta(conn, "cluster_n_docs", meta.get("n_docs", "0"))
    conn.execute("INSERT INTO cluster_df (term, n) SELECT term, n FROM legacy_df")
    conn.execute("INSERT INTO cluster_stories (id, first, last, title, articles, words, names, heads, embed) "
                 "SELECT id, first, last, title, articles, words, names, heads, embed FROM legacy_stories")
    rows = conn.execute("SELECT id, story, score, best, origin, title, outlet, url, published, text, raw "
                        "FROM legacy_articles ORDER BY seq").fetchall()
    save_articles(conn, [StoredArticle(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                                       datetime.fromisoformat(r[8]) if r[8] else None, r[9], _raw(r[10]))
                         for r in rows])
    pending = dict(conn.execute("SELECT story, reason FROM legacy_pending").fetchall())
    mark_pending(conn, pending)
    conn.executemany("UPDATE cluster_pending SET reason = ? WHERE story = ?",
                     [(reason, story) for story, reason in sorted(pending.items()) if reason])
    conn.execute("INSERT INTO cluster_outputs (path, sha256) SELECT path, sha256 FROM legacy_outputs")
    for (sid,) in conn.execute("SELECT id FROM legacy_stories ORDER BY id").fetchall():
        rec.enqueue(conn, "brief", sid, priority=4, dedup=f"brief:{sid}")
    rec.set_meta(conn, "cluster_generation", "1")
    for table in OLD_TABLES:
        conn.execute(f"DROP TABLE legacy_{table}")


def _raw(value: str | None) -> RawDocument | None:
    """The old file's raw document JSON: origin, content, kind, path and the DocMeta fields."""
    if not value:
        return None
    data = json.loads(value)
    meta = dict(data["meta"])
    if meta.get("published"):
        meta["published"] = datetime.fromisoformat(meta["published"]).date()
    return RawDocument(data["origin"], data["content"], data["kind"], DocMeta(**meta), data["path"])
