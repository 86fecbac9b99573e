"""One database interface over SQLite (embedded default) and PostgreSQL (psycopg 3).

``open_database("newsfuse.db")`` or ``open_database("postgresql://...")``
returns a ``Database``; SQL is written once with ``?`` placeholders and the
few dialect differences (full-text search, identity columns) live in the
numbered migration files under ``migrations/<dialect>/``, applied in order at
open and recorded in ``schema_migrations`` so an older file is upgraded in
place. SQLite runs in WAL mode (readers never wait for the ingest writer);
every write is one transaction, so a crash leaves each step done or not done.

Connections are per thread: the web server answers from a thread pool and the
job worker has its own thread.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

Dialect = Literal["sqlite", "postgres"]
_MIGRATION = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(dialect: Dialect) -> list[Migration]:
    """The migration files of ``dialect`` in version order (``0001_init.sql``, ...)."""
    folder = resources.files("newsfuse.store").joinpath("migrations", dialect)
    found = []
    for entry in folder.iterdir():
        m = _MIGRATION.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration versions of {dialect} are not 1..n: {[m.version for m in found]}")
    return found


class Cursor:
    """The part of a DB-API cursor the store uses, the same for both drivers."""

    def __init__(self, cur: Any) -> None:
        self._cur = cur

    def fetchone(self) -> tuple | None:
        return self._cur.fetchone()

    def fetchall(self) -> list[tuple]:
        return self._cur.fetchall()

    def __iter__(self) -> Iterator[tuple]:
        """Rows one at a time, so a long result need not become one list (both drivers iterate)."""
        return iter(self._cur)

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount


class Connection:
    """A connection in one dialect; ``execute`` takes ``?`` placeholders in both."""

    def __init__(self, raw: Any, dialect: Dialect) -> None:
        self.raw, self.dialect = raw, dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        if self.dialect == "postgres":
            sql = sql.replace("?", "%s")
        return Cursor(self.raw.execute(sql, tuple(params)))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.dialect == "postgres":
            with self.raw.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), [tuple(r) for r in rows])
        else:
            self.raw.executemany(sql, [tuple(r) for r in rows])


#: ``adopt(conn)`` -> ``finish(conn)`` or None: see ``Database.migrate``.
Adopt = Callable[[Connection], Callable[[Connection], None] | None]


class Database:
    """A store location plus per-thread connections; ``write()``/``read()`` are transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect: Dialect = "postgres" if url.startswith(("postgresql://", "postgres://")) else "sqlite"
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()

    def _connect(self) -> Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self.dialect == "postgres":
            import psycopg

            raw = psycopg.connect(self.url, autocommit=True)
        else:
            raw = sqlite3.connect(self.url, isolation_level=None, check_same_thread=False, timeout=30.0)
            raw.execute("PRAGMA journal_mode=WAL")
            raw.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across a process crash
            raw.execute("PRAGMA foreign_keys=ON")
            raw.execute("PRAGMA busy_timeout=30000")
        conn = Connection(raw, self.dialect)
        self._local.conn = conn
        with self._lock:
            self._all.append(raw)
        return conn

    @contextmanager
    def write(self, durable: bool = True) -> Iterator[Connection]:
        """One write transaction (SQLite: ``BEGIN IMMEDIATE``, so two writers queue, never deadlock).

        ``durable=False`` is for bookkeeping a crash may lose (which version a
        reader saw, when they last visited): PostgreSQL then does not wait for
        the WAL flush (``synchronous_commit off``: never inconsistent, at worst
        the last moments lost). SQLite in WAL mode with ``synchronous=NORMAL``
        does not flush per commit anyway.
        """
        conn = self._connect()
        if self.dialect == "postgres":
            with conn.raw.transaction():
                if not durable:
                    conn.execute("SET LOCAL synchronous_commit TO OFF")
                yield conn
            return
        conn.raw.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.raw.execute("ROLLBACK")
            raise
        conn.raw.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A consistent snapshot for several reads."""
        conn = self._connect()
        if self.dialect == "postgres":
            with conn.raw.transaction():
                yield conn
            return
        conn.raw.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.raw.execute("COMMIT")

    def migrate(self, adopt: Adopt | None = None) -> list[int]:
        """Apply the migrations not yet applied; returns the versions applied now.

        ``adopt`` (see ``legacy.adopt_cluster_state``) runs first in the same
        transaction and may move an older layout aside; what it returns runs
        after the migrations, to copy that data in. A crash anywhere leaves
        the file as it was.
        """
        applied_now = []
        with self.write() as conn:
            if self.dialect == "postgres":
                conn.execute("SELECT pg_advisory_xact_lock(7421001)")  # two servers starting at once
            finish = adopt(conn) if adopt is not None else None
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                         "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            done = {r[0] for r in conn.execute("SELECT version FROM schema_migrations").fetchall()}
            for m in migrations(self.dialect):
                if m.version in done:
                    continue
                for statement in split_sql(m.sql):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations VALUES (?, ?, CURRENT_TIMESTAMP)", (m.version, m.name))
                applied_now.append(m.version)
            if finish is not None:
                finish(conn)
        return applied_now

    def schema_version(self) -> int:
        with self.read() as conn:
            row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        with self._lock:
            for raw in self._all:
                try:
                    raw.close()
                except Exception:  # noqa: BLE001 - closing at shutdown; another thread may hold it
                    pass
            self._all.clear()
        self._local = threading.local()


def split_sql(script: str) -> list[str]:
    """Statements of a migration file: split at lines ending in ``;``, ``--`` comment lines dropped.

    Migration files are ours: a statement that needs an inner ``;`` (a
    trigger body) must keep it off the end of a line.
    """
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    out, current = [], []
    for line in lines:
        current.append(line)
        if line.rstrip().endswith(";"):
            statement = "\n".join(current).strip().rstrip(";").strip()
            if statement:
                out.append(statement)
            current = []
    rest = "\n".join(current).strip()
    if rest:
        out.append(rest)
    return out


def open_database(url: str) -> Database:
    """Open (creating or upgrading) the store at ``url``: a file path or a ``postgresql://`` URL.

    A ``state.sqlite`` written by ``newsfuse cluster --state`` before it moved
    into this store is converted in place on its first open (``legacy``).
    """
    from .legacy import adopt_cluster_state

    db = Database(url)
    try:
        db.migrate(adopt_cluster_state)
    except BaseException:
        db.close()
        raise
    return db
