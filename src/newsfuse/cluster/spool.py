"""A run's articles on disk while it clusters: memory follows the story, not the feed.

``newsfuse cluster`` reads a feed before it can cluster it (the assignment is in
publication-time order, and a dump need not be sorted), and saves what it
clustered in one store transaction at the end. Held in memory, every article's
cleaned text and raw document (~15 KB an article of the Multi-News replay) would
stay until that transaction: peak memory would grow with the feed. Here each
article is pickled to a temporary SQLite file as soon as it is cleaned, in chunks
of ``CHUNK``; what a run keeps per article is an ``Entry`` (id, origin, time and
its row here), and the clustering and the save read the articles back in chunks,
in the order they need them.

Why a temporary file, not the store: the store's guarantee is that a run's batch
is visible whole or not at all (``store.state.save_run``: the clustering, the
reports and ``cluster_pending`` in one transaction). Writing the raw documents
into the store early, in transactions of their own, would let an interrupted run
leave reports that no clustering owns, seen by ``serve`` and by the next run. The
spool is outside the store: a run killed before its save leaves the store as it
was, and its spool file is removed on exit (``TMPDIR`` chooses where it lives; a
run killed with -9 leaves it there, a plain temporary file). The save itself
streams from the spool into the one transaction, so it is as atomic as before.

Briefings made ahead by the parallel engines go the same way (``Briefings``): a worker's rendered
JSON, Markdown and HTML wait in a temporary file until ``output.write_outputs`` writes them, so a
feed of many stories does not hold every story's rendered briefing at once.

The clusterer's expired stories go the same way (``RetiredStories``, table ``stories``): a story
whose latest article left the assignment window can take no more articles (``online.expire``), so
its pruned centroids (~24 KB a story) wait here, not in memory, until the save reads them back
into that one transaction. Memory then holds the live stories, not every story of the feed.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from datetime import datetime
from typing import NamedTuple, TypeVar

from .model import Article
from .online import Story

T = TypeVar("T")
#: Articles written or read per statement: a few MB of documents at a time, few enough round trips.
CHUNK = 256


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last shorter), so a read holds one chunk, not the feed."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Entry(NamedTuple):
    """What a run holds of one spooled article: enough to order the feed, decide duplicates and
    find the article again (``row``); the text and raw document stay in the spool."""

    id: str
    origin: str
    published: datetime | None
    row: int


class Spool:
    """Articles pickled to a temporary SQLite file (our own file: pickle is safe to read back).

    ``add`` buffers up to ``CHUNK`` articles and writes them in one statement; ``load`` reads
    entries back as Articles, ``CHUNK`` at a time, in the order asked. Use as a context manager:
    the file is deleted on exit."""

    def __init__(self, folder: str | None = None) -> None:
        self._db, self.path = _temporary_db("newsfuse-spool-", folder)
        self._db.execute("CREATE TABLE articles (row INTEGER PRIMARY KEY, blob BLOB NOT NULL)")
        self._db.execute("CREATE TABLE stories (id TEXT PRIMARY KEY, blob BLOB NOT NULL)")
        self._buffer: list[tuple[int, bytes]] = []
        self.count = 0

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def add(self, article: Article) -> Entry:
        """Spool ``article``; returns what the caller keeps of it."""
        row = self.count
        self.count += 1
        self._buffer.append((row, pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)))
        if len(self._buffer) >= CHUNK:
            self.flush()
        return Entry(article.id, article.origin, article.published, row)

    def flush(self) -> None:
        if self._buffer:
            self._db.executemany("INSERT INTO articles VALUES (?, ?)", self._buffer)
            self._buffer = []

    def load(self, entries: Iterable[Entry]) -> Iterator[Article]:
        """The spooled Articles of ``entries``, in that order, read ``CHUNK`` at a time."""
        self.flush()
        for chunk in chunked((entry.row for entry in entries), CHUNK):
            yield from self._read(chunk)

    def _read(self, rows: Sequence[int]) -> list[Article]:
        marks = ",".join("?" * len(rows))
        found = dict(self._db.execute(f"SELECT row, blob FROM articles WHERE row IN ({marks})", rows).fetchall())
        return [pickle.loads(found[r]) for r in rows]

    def close(self) -> None:
        self._buffer = []
        _discard(self._db, self.path)


class RetiredStories:
    """``online.Retired`` in a spool: expired stories pickled to its ``stories`` table until the save.

    ``stored`` maps each story loaded from the store to its article count then: a story that expires
    unchanged is already in the store and is not saved again, so it is only dropped from memory.
    Writes are buffered (``CHUNK`` stories a statement); ``get`` sees the buffer too."""

    def __init__(self, spool: Spool, stored: Mapping[str, int]) -> None:
        self.spool, self.stored = spool, dict(stored)
        self._buffer: dict[str, bytes] = {}
        spool._db.execute("DELETE FROM stories")  # a clustering started over (api: the store moved on)

    def put(self, story: Story) -> None:
        if self.stored.get(story.id) == len(story.articles):
            return
        self._buffer[story.id] = pickle.dumps(story, protocol=pickle.HIGHEST_PROTOCOL)
        if len(self._buffer) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            self.spool._db.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?)", self._buffer.items())
            self._buffer = {}

    def get(self, sid: str) -> Story | None:
        blob = self._buffer.get(sid)
        if blob is None:
            row = self.spool._db.execute("SELECT blob FROM stories WHERE id = ?", (sid,)).fetchone()
            blob = row[0] if row else None
        return pickle.loads(blob) if blob is not None else None


class Spooled(Sequence):
    """Entries seen as the Articles they stand for: ``len`` and indexing are the entries',
    iteration reads the whole Articles from the spool in chunks (each pass reads again, so only a
    chunk is held). For code written for a list of Articles (``stream.cluster_articles``, an engine's
    ``Features``) that iterates it once or twice."""

    def __init__(self, entries: Sequence[Entry], spool: Spool) -> None:
        self.entries, self.spool = entries, spool

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return Spooled(self.entries[index], self.spool)
        return next(self.spool.load([self.entries[index]]))

    def __iter__(self) -> Iterator[Article]:
        return self.spool.load(self.entries)


def pickled(outcome: object) -> bytes:
    """``outcome`` pickled; an exception that cannot be pickled still travels, as its description."""
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - any pickling failure
        if not isinstance(outcome, BaseException):
            raise
        from ..pipeline import describe

        return pickle.dumps(RuntimeError(describe(outcome)), protocol=pickle.HIGHEST_PROTOCOL)


class Pickles(MutableMapping[str, object]):
    """Key -> a pickled value in a temporary SQLite file: what a run computes ahead and needs later,
    kept on disk instead of in memory. The keys (short strings) stay in memory; ``close`` removes
    the file, or, at the latest, collecting this object does.

    Used for briefings made ahead (``Briefings``) and for the Ray engine's term bags
    (``ray_engine.RayFeed``): both are produced in any order for a whole feed and read back later,
    one or a chunk at a time."""

    def __init__(self, prefix: str = "newsfuse-", folder: str | None = None) -> None:
        self._db, path = _temporary_db(prefix, folder)
        self._db.execute("CREATE TABLE kept (key TEXT PRIMARY KEY, blob BLOB NOT NULL)")
        self._keys: set[str] = set()
        self._close = weakref.finalize(self, _discard, self._db, path)

    def __setitem__(self, key: str, value: object) -> None:
        self.put_many([(key, value)])

    def put_many(self, items: Iterable[tuple[str, object]]) -> None:
        rows = [(key, pickled(value)) for key, value in items]
        self._db.executemany("INSERT OR REPLACE INTO kept VALUES (?, ?)", rows)
        self._keys.update(key for key, _ in rows)

    def __getitem__(self, key: str) -> object:
        row = self._db.execute("SELECT blob FROM kept WHERE key = ?", (key,)).fetchone() if key in self._keys else None
        if row is None:
            raise KeyError(key)
        return pickle.loads(row[0])

    def get_many(self, keys: Iterable[str]) -> Iterator[object]:
        """The values of ``keys``, in that order, read ``CHUNK`` at a time (a missing key raises)."""
        for chunk in chunked(keys, CHUNK):
            yield from self._read(chunk)

    def _read(self, keys: Sequence[str]) -> list[object]:
        unique = sorted(set(keys))
        found = dict(self._db.execute(f"SELECT key, blob FROM kept WHERE key IN ({','.join('?' * len(unique))})",
                                      unique).fetchall())
        return [pickle.loads(found[k]) for k in keys]

    def __delitem__(self, key: str) -> None:
        if key not in self._keys:
            raise KeyError(key)
        self._db.execute("DELETE FROM kept WHERE key = ?", (key,))
        self._keys.discard(key)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._keys))

    def __len__(self) -> int:
        return len(self._keys)

    def close(self) -> None:
        self._keys = set()
        self._close()


class Briefings(Pickles):
    """Story id -> a briefing made ahead (rendered files, or the exception it raised), on disk from
    the moment it arrives until it is written.

    Why: ``parallel.brief_in_parallel`` and ``ray_engine.brief_with_ray`` finish stories in any order,
    while ``output.write_outputs`` writes them in story order after all are done; held in a dict,
    every rendered briefing of the feed (tens of KB a story) stayed in memory until the end."""

    def __init__(self, folder: str | None = None) -> None:
        super().__init__("newsfuse-briefings-", folder)


class PickledSequence(Sequence):
    """``keys`` seen as the values ``store`` holds for them: each pass reads them back a chunk at a
    time, so a whole feed's values are never held (for code that iterates a list once or twice)."""

    def __init__(self, store: Pickles, keys: Sequence[str]) -> None:
        self.store, self.keys = store, keys

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return PickledSequence(self.store, self.keys[index])
        return self.store[self.keys[index]]

    def __iter__(self) -> Iterator[object]:
        return self.store.get_many(self.keys)


def _temporary_db(prefix: str, folder: str | None) -> tuple[sqlite3.Connection, str]:
    """A new SQLite file of our own in ``folder`` (``TMPDIR`` when None), unjournalled: what it holds
    is thrown away on any failure, so it needs no journal and no sync."""
    fd, path = tempfile.mkstemp(prefix=prefix, suffix=".sqlite", dir=folder)
    os.close(fd)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    return db, path


def _discard(db: sqlite3.Connection, path: str) -> None:
    db.close()
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
