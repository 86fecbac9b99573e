"""What ``newsfuse serve`` keeps: reports, stories and their briefing versions, jobs, feeds.

Every function takes a ``Connection`` inside a transaction the caller opened
(``Database.write()``/``read()``), so a step that touches several tables (a
report clustered: its row, the story, the term counts, the next job) commits
whole or not at all. Reports are keyed by a hash of their raw content: the
same report added twice, or re-added after a crash, is one row.
"""

from __future__ import annotations

import heapq
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import Any

from ..cluster.online import ClusterConfig, ClusterState, Story, reindex, story_of
from ..ids import content_id
from ..model import DocMeta, RawDocument
from .database import Connection

JOB_FIELDS = "id, kind, arg, status, priority, attempts, error, created_at, updated_at"


def now_iso() -> str:
    """Fixed-width UTC stamp: sorts as text in both databases."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def report_id(doc: RawDocument) -> str:
    """Content hash of what arrived (kind + raw content): the idempotence key of ingest."""
    return content_id("r", doc.kind, doc.content)


# ---- reports -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Report:
    seq: int
    id: str
    origin: str
    kind: str
    content: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    added_at: str
    state: str
    reason: str | None
    article_id: str | None
    story: str | None
    text: str | None
    previous: str | None
    path: str | None = None  # set by `cluster --state`, with published_from: the raw document whole
    published_from: str | None = None

    def raw(self) -> RawDocument:
        published = date.fromisoformat(self.published[:10]) if self.published else None
        meta = DocMeta(title=self.title, outlet=self.outlet, url=self.url, published=published,
                       published_from=self.published_from or ("metadata" if published else None))  # type: ignore[arg-type]
        return RawDocument(self.origin, self.content, "html" if self.kind == "html" else "text", meta, self.path)


REPORT_FIELDS = ("seq, id, origin, kind, content, title, outlet, url, published, added_at, state, reason, "
                 "article_id, story, text, previous, path, published_from")


def add_report(conn: Connection, doc: RawDocument, feed_id: int | None = None) -> tuple[str, bool]:
    """Store ``doc`` raw and queue its processing; ``(id, False)`` if it was already stored.

    A report at a URL already stored with other content is an edit: it keeps
    the id of the version before it in ``previous``.
    """
    rid = report_id(doc)
    if conn.execute("SELECT 1 FROM reports WHERE id = ?", (rid,)).fetchone():
        return rid, False
    previous = latest_at_url(conn, doc.meta.url) if doc.meta.url else None
    published = doc.meta.published.isoformat() if doc.meta.published else None
    conn.execute("INSERT INTO reports (id, origin, kind, content, title, outlet, url, published, feed_id, added_at, "
                 "previous) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                 (rid, doc.origin, doc.kind, doc.content, doc.meta.title, doc.meta.outlet, doc.meta.url, published,
                  feed_id, now_iso(), previous))
    enqueue(conn, "process", rid, priority=1, dedup=f"process:{rid}")
    return rid, True


def latest_at_url(conn: Connection, url: str) -> str | None:
    """The report last stored from ``url``: a new one with other content there is its edit."""
    row = conn.execute("SELECT id FROM reports WHERE url = ? ORDER BY seq DESC LIMIT 1", (url,)).fetchone()
    return row[0] if row else None


def get_report(conn: Connection, rid: str) -> Report | None:
    row = conn.execute(f"SELECT {REPORT_FIELDS} FROM reports WHERE id = ?", (rid,)).fetchone()
    return Report(*row) if row else None


def story_reports(conn: Connection, story: str, texts: bool = True) -> list[Report]:
    """A story's reports in arrival order; ``texts=False`` leaves out the raw and cleaned texts (listings)."""
    fields = REPORT_FIELDS if texts else REPORT_FIELDS.replace("content,", "'' AS content,").replace(
        "text,", "NULL AS text,")
    rows = conn.execute(f"SELECT {fields} FROM reports WHERE story = ? ORDER BY seq", (story,)).fetchall()
    return [Report(*r) for r in rows]


def report_with_article(conn: Connection, article_id: str) -> Report | None:
    row = conn.execute(f"SELECT {REPORT_FIELDS} FROM reports WHERE article_id = ? AND state = 'clustered' "
                       "ORDER BY seq LIMIT 1", (article_id,)).fetchone()
    return Report(*row) if row else None


def mark_report(conn: Connection, rid: str, state: str, reason: str | None = None, article_id: str | None = None,
                story: str | None = None, text: str | None = None, title: str | None = None) -> None:
    conn.execute("UPDATE reports SET state = ?, reason = ?, article_id = ?, story = ?, text = ?, "
                 "title = COALESCE(title, ?) WHERE id = ?", (state, reason, article_id, story, text, title, rid))
    if state == "clustered":
        index_text(conn, rid)


def index_text(conn: Connection, rid: str) -> None:
    """A clustered report joins full-text search (SQLite's FTS5 table; PostgreSQL's column is generated)."""
    if conn.dialect == "sqlite":
        seq, title, text = conn.execute("SELECT seq, title, text FROM reports WHERE id = ?", (rid,)).fetchone()
        conn.execute("INSERT INTO reports_fts (rowid, title, text) VALUES (?, ?, ?)", (seq, title or "", text or ""))


def record_article(conn: Connection, rid: str, title: str | None, outlet: str | None, url: str | None,
                   when: datetime | None, score: float | None, best: float | None) -> None:
    """What cleaning made of a clustered report and how it joined its story: ``cluster`` reads these back."""
    conn.execute("UPDATE reports SET article_title = ?, article_outlet = ?, article_url = ?, article_time = ?, "
                 "score = ?, best = ? WHERE id = ?", (title, outlet, url, _iso(when), score, best, rid))


def report_counts(conn: Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT state, COUNT(*) FROM reports GROUP BY state").fetchall())


def current_reports(reports: list[Report]) -> list[Report]:
    """The clustered reports a briefing uses: an edited report replaces the version it edits."""
    superseded = {r.previous for r in reports if r.previous}
    return [r for r in reports if r.state == "clustered" and r.id not in superseded]


# ---- stories and versions ----------------------------------------------------------------------

@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    updated_at: str
    n_reports: int
    n_outlets: int
    n_disputes: int
    version: int
    summary: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


STORY_FIELDS = "id, title, first_date, last_date, updated_at, n_reports, n_outlets, n_disputes, version, summary"


def touch_story(conn: Connection, story: str, title: str | None) -> None:
    """A report joined ``story``: count it and move the story up the front page."""
    stamp = now_iso()
    conn.execute("INSERT INTO stories (id, title, updated_at, n_reports) VALUES (?, ?, ?, 1) "
                 "ON CONFLICT (id) DO UPDATE SET n_reports = stories.n_reports + 1, updated_at = ?",
                 (story, title, stamp, stamp))


def get_story(conn: Connection, story: str) -> StoryRow | None:
    row = conn.execute(f"SELECT {STORY_FIELDS} FROM stories WHERE id = ?", (story,)).fetchone()
    return StoryRow(*row) if row else None


def front_page(conn: Connection, order: str = "latest", limit: int = 50, offset: int = 0,
               since: str | None = None) -> list[StoryRow]:
    """Stories with a briefing, by latest report or by independent outlets (then latest)."""
    by = "n_outlets DESC, updated_at DESC" if order == "sources" else "updated_at DESC"
    where, params = "version > 0", []
    if since:
        where += " AND updated_at > ?"
        params.append(since)
    rows = conn.execute(f"SELECT {STORY_FIELDS} FROM stories WHERE {where} ORDER BY {by}, id LIMIT ? OFFSET ?",
                        (*params, limit, offset)).fetchall()
    return [StoryRow(*r) for r in rows]


def latest_version(conn: Connection, story: str) -> tuple[int, list[str]] | None:
    row = conn.execute("SELECT version, reports FROM story_versions WHERE story = ? ORDER BY version DESC LIMIT 1",
                       (story,)).fetchone()
    return (row[0], json.loads(row[1])) if row else None


def get_version(conn: Connection, story: str, version: int | None = None) -> tuple[int, str, dict[str, Any]] | None:
    """``(version, created_at, briefing JSON)``; the latest when ``version`` is None."""
    if version is None:
        row = conn.execute("SELECT version, created_at, briefing FROM story_versions WHERE story = ? "
                           "ORDER BY version DESC LIMIT 1", (story,)).fetchone()
    else:
        row = conn.execute("SELECT version, created_at, briefing FROM story_versions WHERE story = ? AND version = ?",
                           (story, version)).fetchone()
    return (row[0], row[1], json.loads(row[2])) if row else None


def versions(conn: Connection, story: str) -> list[tuple[int, str, int]]:
    """``(version, created_at, number of reports)`` of every version, oldest first."""
    rows = conn.execute("SELECT version, created_at, reports FROM story_versions WHERE story = ? ORDER BY version",
                        (story,)).fetchall()
    return [(v, c, len(json.loads(r))) for v, c, r in rows]


def add_version(conn: Connection, story: str, reports: Sequence[str], briefing: dict[str, Any]) -> int:
    """Store a new briefing version and copy its headline facts onto the story row."""
    last = latest_version(conn, story)
    version = (last[0] if last else 0) + 1
    conn.execute("INSERT INTO story_versions VALUES (?, ?, ?, ?, ?)",
                 (story, version, now_iso(), json.dumps(list(reports)), json.dumps(briefing, ensure_ascii=False)))
    facts = briefing_facts(briefing)
    conn.execute("UPDATE stories SET title = ?, first_date = ?, last_date = ?, n_outlets = ?, n_disputes = ?, "
                 "version = ?, summary = ? WHERE id = ?",
                 (facts["title"], facts["first_date"], facts["last_date"], facts["n_outlets"], facts["n_disputes"],
                  version, facts["summary"], story))
    return version


def briefing_facts(briefing: dict[str, Any]) -> dict[str, Any]:
    """Front-page facts of a briefing: outlets count wire copies once (independent groups)."""
    groups = briefing.get("independent_groups") or [[s["id"]] for s in briefing["sources"]]
    lead = briefing["summary"][0]["text"] if briefing.get("summary") else None
    return {"title": briefing["story"]["title"], "first_date": briefing["story"]["first_date"],
            "last_date": briefing["story"]["last_date"], "n_outlets": len(groups),
            "n_disputes": sum(1 for f in briefing["figures"] if f["status"] == "conflict"), "summary": lead}


def search(conn: Connection, query: str, limit: int = 30) -> list[tuple[str, str | None, str, str | None]]:
    """Reports matching ``query`` (words, all required): ``(report id, title, story, story title)``, best first."""
    words = [w for w in query.split() if w.strip()][:12]
    if not words:
        return []
    if conn.dialect == "postgres":
        rows = conn.execute(
            "SELECT r.id, r.title, r.story, s.title FROM reports r JOIN stories s ON s.id = r.story "
            "WHERE r.state = 'clustered' AND r.tsv @@ plainto_tsquery('english', ?) "
            "ORDER BY ts_rank(r.tsv, plainto_tsquery('english', ?)) DESC, r.seq DESC LIMIT ?",
            (" ".join(words), " ".join(words), limit)).fetchall()
    else:
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = conn.execute(
            "SELECT r.id, r.title, r.story, s.title FROM reports_fts f JOIN reports r ON r.seq = f.rowid "
            "JOIN stories s ON s.id = r.story WHERE reports_fts MATCH ? ORDER BY f.rank LIMIT ?",
            (match, limit)).fetchall()
    return [tuple(r) for r in rows]


# ---- reader: follows, seen versions, visits -----------------------------------------------------

def reader_state(conn: Connection, story: str) -> tuple[bool, int]:
    row = conn.execute("SELECT followed, seen_version FROM reader WHERE story = ?", (story,)).fetchone()
    return (bool(row[0]), int(row[1])) if row else (False, 0)


def set_followed(conn: Connection, story: str, followed: bool) -> None:
    conn.execute("INSERT INTO reader (story, followed, seen_version, updated_at) VALUES (?, ?, 0, ?) "
                 "ON CONFLICT (story) DO UPDATE SET followed = ?, updated_at = ?",
                 (story, int(followed), now_iso(), int(followed), now_iso()))


def mark_seen(conn: Connection, story: str, version: int) -> None:
    conn.execute("INSERT INTO reader (story, followed, seen_version, updated_at) VALUES (?, 0, ?, ?) "
                 "ON CONFLICT (story) DO UPDATE SET seen_version = CASE WHEN reader.seen_version > ? "
                 "THEN reader.seen_version ELSE ? END, updated_at = ?",
                 (story, version, now_iso(), version, version, now_iso()))


def followed_with_news(conn: Connection) -> list[tuple[StoryRow, int]]:
    """Followed stories and the version the reader last saw of each (news where it is older)."""
    rows = conn.execute(f"SELECT {', '.join('s.' + f.strip() for f in STORY_FIELDS.split(','))}, r.seen_version "
                        "FROM reader r JOIN stories s ON s.id = r.story WHERE r.followed = 1 "
                        "ORDER BY s.updated_at DESC").fetchall()
    return [(StoryRow(*r[:-1]), int(r[-1])) for r in rows]


def get_meta(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?", (key, value, value))


# ---- jobs ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Job:
    id: int
    kind: str
    arg: str
    status: str
    priority: int
    attempts: int
    error: str | None
    created_at: str
    updated_at: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def enqueue(conn: Connection, kind: str, arg: str, priority: int = 5, dedup: str | None = None) -> None:
    """Queue a job; with ``dedup``, a job with the same key still queued is the same job."""
    stamp = now_iso()
    conn.execute("INSERT INTO jobs (kind, arg, priority, dedup, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (dedup) WHERE status = 'queued' DO NOTHING", (kind, arg, priority, dedup, stamp, stamp))


def claim_job(conn: Connection, briefs: bool | None = None) -> Job | None:
    """Take the most urgent queued job and mark it running (PostgreSQL: skipping rows others hold).

    ``briefs``: True takes only ``brief`` jobs, False only the others, None any.
    """
    lock = " FOR UPDATE SKIP LOCKED" if conn.dialect == "postgres" else ""
    kind = {True: " AND kind = 'brief'", False: " AND kind != 'brief'", None: ""}[briefs]
    row = conn.execute(f"SELECT {JOB_FIELDS} FROM jobs WHERE status = 'queued'{kind} ORDER BY priority, id "
                       f"LIMIT 1{lock}").fetchone()
    if row is None:
        return None
    conn.execute("UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?",
                 (now_iso(), row[0]))
    return Job(*row)


def finish_job(conn: Connection, job_id: int, error: str | None = None) -> None:
    conn.execute("UPDATE jobs SET status = ?, error = ?, updated_at = ? WHERE id = ?",
                 ("failed" if error else "done", error, now_iso(), job_id))


def retry_job(conn: Connection, job_id: int) -> bool:
    """Queue a failed job again (its reason is kept until it runs)."""
    cur = conn.execute("UPDATE jobs SET status = 'queued', updated_at = ? WHERE id = ? AND status = 'failed' "
                       "AND NOT EXISTS (SELECT 1 FROM jobs j2 WHERE j2.dedup = jobs.dedup AND j2.status = 'queued')",
                       (now_iso(), job_id))
    return cur.rowcount > 0


def requeue_interrupted(conn: Connection) -> int:
    """At start: jobs left 'running' by a crash go back to the queue (their steps are idempotent)."""
    rows = conn.execute("SELECT id, dedup FROM jobs WHERE status = 'running'").fetchall()
    for job_id, dedup in rows:
        if dedup and conn.execute("SELECT 1 FROM jobs WHERE dedup = ? AND status = 'queued'", (dedup,)).fetchone():
            finish_job(conn, job_id)  # a newer copy is already queued
        else:
            conn.execute("UPDATE jobs SET status = 'queued', updated_at = ? WHERE id = ?", (now_iso(), job_id))
    return len(rows)


def job_counts(conn: Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT status, COUNT(*) FROM jobs GROUP BY status").fetchall())


def recent_jobs(conn: Connection, limit: int = 50) -> list[Job]:
    """Running, queued and failed jobs first, then the latest done."""
    rows = conn.execute(f"SELECT {JOB_FIELDS} FROM jobs ORDER BY CASE status WHEN 'running' THEN 0 "
                        "WHEN 'failed' THEN 1 WHEN 'queued' THEN 2 ELSE 3 END, id DESC LIMIT ?", (limit,)).fetchall()
    return [Job(*r) for r in rows]


# ---- feeds ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str | None
    interval_s: int
    etag: str | None
    last_modified: str | None
    next_poll: float
    last_polled: str | None
    last_status: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


FEED_FIELDS = "id, url, title, interval_s, etag, last_modified, next_poll, last_polled, last_status"


def add_feed(conn: Connection, url: str, interval_s: int) -> int:
    conn.execute("INSERT INTO feeds (url, interval_s, next_poll, added_at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (url) DO UPDATE SET interval_s = ?", (url, interval_s, 0.0, now_iso(), interval_s))
    feed_id = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()[0]
    enqueue(conn, "poll", str(feed_id), priority=3, dedup=f"poll:{feed_id}")
    return int(feed_id)


def get_feed(conn: Connection, feed_id: int) -> Feed | None:
    row = conn.execute(f"SELECT {FEED_FIELDS} FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    return Feed(*row) if row else None


def all_feeds(conn: Connection) -> list[Feed]:
    return [Feed(*r) for r in conn.execute(f"SELECT {FEED_FIELDS} FROM feeds ORDER BY id").fetchall()]


def queue_due_feeds(conn: Connection, now: float | None = None) -> int:
    """Queue a poll of each feed whose interval has passed; returns how many."""
    now = time.time() if now is None else now
    due = conn.execute("SELECT id, interval_s FROM feeds WHERE next_poll <= ?", (now,)).fetchall()
    for feed_id, interval in due:
        conn.execute("UPDATE feeds SET next_poll = ? WHERE id = ?", (now + interval, feed_id))
        enqueue(conn, "poll", str(feed_id), priority=3, dedup=f"poll:{feed_id}")
    return len(due)


def feed_polled(conn: Connection, feed_id: int, status: str, etag: str | None = None,
                last_modified: str | None = None, title: str | None = None) -> None:
    conn.execute("UPDATE feeds SET last_status = ?, last_polled = ?, etag = COALESCE(?, etag), "
                 "last_modified = COALESCE(?, last_modified), title = COALESCE(?, title) WHERE id = ?",
                 (status, now_iso(), etag, last_modified, title, feed_id))


def known_url(conn: Connection, url: str) -> bool:
    return conn.execute("SELECT 1 FROM reports WHERE url = ? LIMIT 1", (url,)).fetchone() is not None


# ---- cluster state (the online clusterer's memory, in the same database) ------------------------

def cluster_config(conn: Connection) -> ClusterConfig:
    """The settings the clustering was built with (the defaults, recorded, for a new store)."""
    saved = stored_config(conn)
    if saved is not None:
        return saved
    config = ClusterConfig()
    set_meta(conn, "cluster_config", json.dumps(asdict(config)))
    return config


def stored_config(conn: Connection) -> ClusterConfig | None:
    saved = get_meta(conn, "cluster_config")
    return ClusterConfig(**json.loads(saved)) if saved else None


def set_cluster_config(conn: Connection, config: ClusterConfig) -> None:
    set_meta(conn, "cluster_config", json.dumps(asdict(config)))


def cluster_generation(conn: Connection) -> int:
    """How many times the clustering was written. Read inside a write transaction, it is locked
    until commit (PostgreSQL: ``FOR UPDATE``; SQLite's ``BEGIN IMMEDIATE`` already is), so a
    writer that finds it unchanged knows its in-memory state is the stored one."""
    lock = " FOR UPDATE" if conn.dialect == "postgres" else ""
    row = conn.execute(f"SELECT value FROM meta WHERE key = 'cluster_generation'{lock}").fetchone()
    return int(row[0]) if row else 0


def load_cluster(conn: Connection, config: ClusterConfig | None = None, since: datetime | None = None) -> ClusterState:
    """Rebuild the clusterer's state (inverted index and expiry heap included).

    ``since`` (naive UTC): stories whose latest article is older stay in the store; only their
    article ids are read (``ClusterState.settled``). A run passes the time before which every stored
    story would expire at its first dated article (``cluster.api``), so the assignment is the same
    as with every story loaded, and an incremental run's memory follows the live stories, not the
    store. A story with no dated article never expires and is always loaded."""
    state = ClusterState(config or cluster_config(conn))
    state.df = Counter(dict(conn.execute("SELECT term, n FROM cluster_df").fetchall()))
    state.n_docs = int(get_meta(conn, "cluster_n_docs") or 0)
    where, args = "", ()
    if since is not None:
        for (articles,) in conn.execute("SELECT articles FROM cluster_stories WHERE last IS NOT NULL AND last < ?",
                                        (_iso(since),)):
            state.settled.update(json.loads(articles))
        where, args = " WHERE last IS NULL OR last >= ?", (_iso(since),)
    for sid, first, last, title, articles, words, names, heads, embed in conn.execute(
            "SELECT id, first, last, title, articles, words, names, heads, embed FROM cluster_stories"
            f"{where} ORDER BY id", args).fetchall():
        story = Story(sid, _time(first), _time(last), json.loads(articles), title, json.loads(words),
                      json.loads(names), json.loads(heads), json.loads(embed) if embed else None)
        state.stories[sid] = story
        reindex(state, story)
        if story.last is not None:
            heapq.heappush(state.expiry, (story.last, sid))
    return state


def save_cluster(conn: Connection, state: ClusterState, story_ids: Iterable[str], terms: Iterable[str]) -> int:
    """Write what changed: these terms' counts, the document count, these stories; returns the new generation."""
    conn.executemany("INSERT INTO cluster_df VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET n = excluded.n",
                     [(t, state.df[t]) for t in sorted(set(terms))])
    set_meta(conn, "cluster_n_docs", str(state.n_docs))
    rows = []
    for sid in sorted(set(story_ids)):  # expired stories come back from ``state.retired``, a chunk at a time
        s = story_of(state, sid)
        rows.append((s.id, _iso(s.first), _iso(s.last), s.title, json.dumps(s.articles), json.dumps(s.words),
                     json.dumps(s.names), json.dumps(s.heads), json.dumps(s.embed) if s.embed else None))
        if len(rows) >= STORY_CHUNK:
            _write_stories(conn, rows)
            rows = []
    _write_stories(conn, rows)
    generation = cluster_generation(conn) + 1
    set_meta(conn, "cluster_generation", str(generation))
    return generation


#: Stories written per statement by ``save_cluster``: the save holds this many rows, not the feed's.
STORY_CHUNK = 256


def _write_stories(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    conn.executemany("INSERT INTO cluster_stories (id, first, last, title, articles, words, names, heads, embed) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                     "first = excluded.first, last = excluded.last, title = excluded.title, "
                     "articles = excluded.articles, words = excluded.words, names = excluded.names, "
                     "heads = excluded.heads, embed = excluded.embed", rows)


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
