"""The background worker: raw reports -> clustered -> briefed story versions, from a durable job table.

Every step is a job row in the same database: ``process`` (clean and cluster
one report), ``brief`` (re-brief a story into a new version), ``poll`` (a
feed, conditional GET), ``fetch`` (an article URL). A job's effects and its
``done`` mark commit in one transaction where they touch the database only;
``brief`` and ``fetch`` do their slow work outside and commit once at the
end, and are idempotent (a version is stored only if its reports differ
from the latest one; a fetched report is keyed by its content hash), so a
crash at any point is repaired by re-running the interrupted job at start.

The clusterer's state is held in memory by the one worker thread and
written through (the changed story, the article's term counts) with the
report it clustered; if that commit fails the state is reloaded, and it is
reloaded too when the store's clustering generation moved since (a
``newsfuse cluster --state`` run on the same store, or another server).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from ..cluster.features import article_terms
from ..cluster.ingest import to_article
from ..cluster.online import ClusterState, assign, doc_terms, observe, vectorize
from ..cluster.stream import naive_utc
from ..config import Settings
from ..errors import InputError
from ..ingest.decode import decode_bytes
from ..model import DocMeta, RawDocument
from ..store import records as rec
from ..store.database import Connection, Database
from ..store.state import mark_pending
from .fetching import guarded_get

log = logging.getLogger("newsfuse.serve")

#: Feed items taken from one poll: a feed is a window on the latest items, and
#: one malformed feed with 100k entries must not flood the queue.
MAX_FEED_ITEMS = 200
#: An entry body at least this long is taken as the article itself; shorter
#: bodies (teasers) mean the link is fetched.
FULL_TEXT_CHARS = 600

Briefer = Callable[[list[RawDocument], Settings], dict]


def default_briefer(docs: list[RawDocument], settings: Settings) -> dict:
    """The normal pipeline (``newsfuse.api``) rendered to the JSON contract."""
    from ..api import brief_documents
    from ..render.json import briefing_to_json

    return briefing_to_json(brief_documents(docs, settings), {"format": "json", "words": settings.summary_words})


@dataclass
class Worker:
    db: Database
    settings: Settings = field(default_factory=Settings)
    allow_private: bool = False
    briefer: Briefer = default_briefer
    state: ClusterState | None = None
    generation: int = -1  # of the stored clustering ``state`` was read at (records.cluster_generation)
    stop: threading.Event = field(default_factory=threading.Event)
    wake: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)

    def start(self) -> None:
        """Two threads: briefs (seconds to minutes each) in one, everything else in the other, so a
        long briefing never holds up feeds, fetches or new reports being clustered."""
        with self.db.write() as conn:
            n = rec.requeue_interrupted(conn)
        if n:
            log.info("requeued %d job(s) interrupted by the last shutdown", n)
        for briefs in (False, True):
            thread = threading.Thread(target=self.run, args=(briefs,), daemon=True,
                                      name="newsfuse-briefs" if briefs else "newsfuse-jobs")
            thread.start()
            self.threads.append(thread)

    def shutdown(self, timeout: float = 10.0) -> None:
        self.stop.set()
        self.wake.set()
        for thread in self.threads:
            thread.join(timeout)

    def run(self, briefs: bool | None = None) -> None:
        """Loop until stopped: due feeds queued, then one job at a time; idle waits are bounded."""
        while not self.stop.is_set():
            try:
                if not briefs:
                    with self.db.write() as conn:
                        rec.queue_due_feeds(conn)
                if not self.run_one(briefs):
                    self.wake.wait(1.0)
                    if not self.stop.is_set():
                        self.wake.clear()
            except Exception:  # noqa: BLE001 - the worker outlives one bad step; the job row keeps the reason
                log.exception("worker loop error")
                self.stop.wait(1.0)

    def run_one(self, briefs: bool | None = None) -> bool:
        """Run the next job (of the kinds ``briefs`` selects, see ``records.claim_job``); False when none is queued."""
        with self.db.write() as conn:
            job = rec.claim_job(conn, briefs)
        if job is None:
            return False
        try:
            handler = {"process": self.process, "brief": self.brief, "poll": self.poll, "fetch": self.fetch}[job.kind]
            handler(job)
        except Exception as exc:  # noqa: BLE001 - any failure is recorded on the job, which can be retried
            log.warning("job %s %s failed: %s", job.kind, job.arg, exc)
            reason = exc.reason if isinstance(exc, InputError) else f"{exc.__class__.__name__}: {exc}"
            with self.db.write() as conn:
                rec.finish_job(conn, job.id, reason[:1000] or "failed")
        return True

    def drain(self, limit: int = 100_000) -> int:
        """Run queued jobs in this thread until none is left (tests, bench); bounded by ``limit``."""
        done = 0
        while done < limit and self.run_one():
            done += 1
        return done

    # ---- job kinds ----

    def cluster_state(self, conn: Connection) -> ClusterState:
        """The clusterer's state, reloaded (inside the caller's write transaction) when another
        writer — a ``newsfuse cluster --state`` run on this store, another server — moved it."""
        generation = rec.cluster_generation(conn)
        if self.state is None or generation != self.generation:
            self.state, self.generation = rec.load_cluster(conn), generation
        return self.state

    def process(self, job: rec.Job) -> None:
        """Clean and cluster one stored report; queue its story's briefing."""
        with self.db.read() as conn:
            report = rec.get_report(conn, job.arg)
        if report is None or report.state != "raw":
            with self.db.write() as conn:
                rec.finish_job(conn, job.id)
            return
        when = datetime.fromisoformat(report.published) if report.published else None
        try:
            article = to_article(report.raw(), when, self.settings)
        except InputError as exc:
            with self.db.write() as conn:
                rec.mark_report(conn, report.id, "rejected", exc.reason)
                rec.finish_job(conn, job.id)
            return
        try:
            with self.db.write() as conn:
                same = rec.report_with_article(conn, article.id)
                if same is not None:  # same cleaned text under other markup: one source, not two
                    rec.mark_report(conn, report.id, "duplicate", f"same text as {same.origin}", article.id,
                                    same.story, article.text, article.title)
                    rec.finish_job(conn, job.id)
                    return
                state = self.cluster_state(conn)
                terms = article_terms(article)
                observe(state, terms)
                vecs = vectorize(state, terms, None, not article.text.strip())
                when = naive_utc(article.published)
                placed = assign(state, article.id, article.title, vecs, when)
                self.generation = rec.save_cluster(conn, state, [placed.story], doc_terms(terms))
                rec.mark_report(conn, report.id, "clustered", None, article.id, placed.story, article.text,
                                article.title)
                rec.record_article(conn, report.id, article.title, article.outlet, article.url, when, placed.score,
                                   placed.best)
                rec.touch_story(conn, placed.story, article.title)
                mark_pending(conn, [placed.story])  # a `cluster --state` run on this store rewrites its files
                rec.enqueue(conn, "brief", placed.story, priority=4, dedup=f"brief:{placed.story}")
                rec.finish_job(conn, job.id)
        except BaseException:
            self.state = None  # memory ran ahead of the rolled-back database
            raise
        self.wake.set()

    def brief(self, job: rec.Job) -> None:
        """Re-brief a story into a new version if its reports changed since the latest version."""
        with self.db.read() as conn:
            reports = rec.current_reports(rec.story_reports(conn, job.arg))
            latest = rec.latest_version(conn, job.arg)
        ids = [r.id for r in reports]
        if not reports or (latest is not None and latest[1] == ids):
            with self.db.write() as conn:
                rec.finish_job(conn, job.id)
            return
        briefing = self.briefer([r.raw() for r in reports], self.settings)
        if not briefing["sources"]:  # headline-only reports: the story waits for a full article
            with self.db.write() as conn:
                rec.finish_job(conn, job.id)
            return
        with self.db.write() as conn:
            latest = rec.latest_version(conn, job.arg)
            if latest is None or latest[1] != ids:
                rec.add_version(conn, job.arg, ids, briefing)
            rec.finish_job(conn, job.id)

    def poll(self, job: rec.Job) -> None:
        """Fetch a feed (conditional GET); full-text entries become reports, teasers queue their link."""
        import feedparser

        with self.db.read() as conn:
            feed = rec.get_feed(conn, int(job.arg))
        if feed is None:
            with self.db.write() as conn:
                rec.finish_job(conn, job.id, "feed was removed")
            return
        try:
            got = guarded_get(feed.url, self.settings, self.allow_private, feed.etag, feed.last_modified)
        except InputError as exc:
            with self.db.write() as conn:
                rec.feed_polled(conn, feed.id, f"error: {exc.reason}")
            raise
        if got.status == 304:
            with self.db.write() as conn:
                rec.feed_polled(conn, feed.id, "not modified (304)")
                rec.finish_job(conn, job.id)
            return
        parsed = feedparser.parse(decode_bytes(got.content, feed.url, self.settings.encoding))
        if parsed.bozo and not parsed.entries:
            raise InputError(feed.url, f"not a readable RSS/Atom feed ({parsed.bozo_exception})")
        outlet = parsed.feed.get("title")
        added = 0
        with self.db.write() as conn:
            for n, entry in enumerate(parsed.entries[:MAX_FEED_ITEMS]):
                doc, link = feed_entry(entry, outlet, f"{feed.url}#item{n}")
                if doc is not None:
                    added += rec.add_report(conn, doc, feed.id)[1]
                elif link and not rec.known_url(conn, link):
                    rec.enqueue(conn, "fetch", json.dumps({"url": link, "feed": feed.id, "meta": _meta_json(entry, outlet)}),
                                priority=2, dedup=f"fetch:{link}")
            rec.feed_polled(conn, feed.id, f"ok: {len(parsed.entries)} items, {added} new", got.etag, got.last_modified,
                            outlet)
            rec.finish_job(conn, job.id)
        self.wake.set()

    def fetch(self, job: rec.Job) -> None:
        """Fetch one article URL and store it raw."""
        spec = json.loads(job.arg)
        got = guarded_get(spec["url"], self.settings, self.allow_private)
        text = decode_bytes(got.content, spec["url"], self.settings.encoding)
        head = text[:1024].lower()
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            raise InputError(spec["url"], "this is a feed; add it under Feeds to follow it")
        kind = "html" if "html" in got.content_type or "<html" in head or "<body" in head or "<p>" in head else "text"
        meta = spec.get("meta") or {}
        published = meta.get("published")
        doc = RawDocument(spec["url"], text, kind, DocMeta(
            title=meta.get("title"), outlet=meta.get("outlet"), url=got.url,
            published=datetime.fromisoformat(published).date() if published else None,
            published_from="metadata" if published else None))
        with self.db.write() as conn:
            rec.add_report(conn, doc, spec.get("feed"))
            rec.finish_job(conn, job.id)
        self.wake.set()


def feed_entry(entry: dict, outlet: str | None, origin: str) -> tuple[RawDocument | None, str | None]:
    """A feed entry as a report (when it carries the full text) and its link."""
    link = entry.get("link")
    link = link if isinstance(link, str) and link.startswith(("http://", "https://")) else None
    contents = entry.get("content") or []
    body = "\n".join(c.get("value", "") for c in contents) if contents else entry.get("summary", "")
    if len(body) < FULL_TEXT_CHARS and link:
        return None, link
    if not body.strip():
        return None, link
    meta = _meta_json(entry, outlet)
    published = datetime.fromisoformat(meta["published"]).date() if meta["published"] else None
    return RawDocument(link or origin, body, "html", DocMeta(
        title=meta["title"], outlet=meta["outlet"], url=link, published=published,
        published_from="metadata" if published else None)), link


def _meta_json(entry: dict, outlet: str | None) -> dict:
    """Title, outlet and time of an entry; an aggregator's per-item ``<source>`` names the real outlet."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = datetime(*stamp[:6]).isoformat() if stamp else None
    source = entry.get("source") or {}
    named = source.get("title") if isinstance(source, dict) else None
    return {"title": entry.get("title"), "outlet": named or outlet, "published": published}
