"""The web app: Starlette routes over the store, Jinja2 pages, a JSON API mirroring the contract.

Pages read the database directly (cheap indexed queries); all slow work
(fetching, cleaning, clustering, briefing) is a job for ``jobs.Worker``, so
a request never waits on it. Forms POST with a CSRF token and redirect
(post/redirect/get); the pages refresh their live part when
``/api/events`` (server-sent events) says the store moved, or by polling
``/api/stamp`` where a browser cannot keep that stream open; both from
``static/app.js`` (no inline script anywhere).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..config import Settings
from ..errors import InputError
from ..ingest.fetch import check_url
from ..model import DocMeta, RawDocument
from ..store import records as rec
from ..store.database import Database, open_database
from .diff import briefing_diff, text_diff
from .jobs import Briefer, Worker, default_briefer
from .security import CSRF_COOKIE, EXPORT_CSP, Guard, SecurityMiddleware, csrf_ok
from .uploads import Limits, read_upload

#: A new visit starts after this long away: "since your last visit" compares with the visit before.
VISIT_GAP = timedelta(minutes=30)
MIN_FEED_INTERVAL_S, DEFAULT_FEED_INTERVAL_S = 60, 900
MAX_PASTE_CHARS = 1_000_000


#: How long a browser waits before it opens a dropped /api/events stream again.
RECONNECT_MS = 1500


@dataclass
class ServeConfig:
    db: str = "newsfuse.db"
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    allow_private: bool = False
    settings: Settings = field(default_factory=Settings)
    limits: Limits = field(default_factory=Limits)
    worker: bool = True
    briefer: Briefer = default_briefer
    max_body: int = 60 * 1024 * 1024
    #: One /api/events stream lasts at most this long; the browser's EventSource then reconnects on its
    #: own, so no stream is endless and a server stopping waits on none for long.
    events_max_s: float = 300.0
    events_tick_s: float = 1.0  # how often a stream checks the store
    events_keepalive_s: float = 15.0  # a comment line this often keeps proxies from closing a quiet stream


@lru_cache(maxsize=1)
def _env() -> Any:
    from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

    from ..render.html import first_per_source

    env = Environment(loader=ChoiceLoader([PackageLoader("newsfuse.serve", "templates"),
                                           PackageLoader("newsfuse.render", "templates")]),
                      autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["by_source"] = first_per_source
    env.filters["num"] = lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"
    env.filters["longdate"] = lambda iso: f"{datetime.fromisoformat(iso):%A} {datetime.fromisoformat(iso).day} " \
                                          f"{datetime.fromisoformat(iso):%B %Y}"
    env.filters["when"] = lambda stamp: stamp[:16].replace("T", " ") + " UTC" if stamp else ""
    env.filters["host"] = lambda url: urlsplit(url).hostname or url if url else ""
    return env


_STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.S)


@lru_cache(maxsize=1)
def section_css() -> str:
    """The ``<style>`` blocks of the report's section templates, served as a stylesheet.

    The HTML report is one self-contained file, so some sections carry their
    CSS inline; the app's CSP allows no inline style, so the story page drops
    those blocks (``without_inline_styles``) and links their CSS from here.
    """
    env = _env()
    blocks = []
    for name in env.list_templates(filter_func=lambda n: n.startswith("sections/")):
        source = env.loader.get_source(env, name)[0]
        blocks += [b for b in _STYLE_BLOCK.findall(source) if "{" in b and "{{" not in b and "{%" not in b]
    return "\n".join(blocks)


def without_inline_styles(html: str) -> str:
    """Drop template ``<style>`` blocks (article text is escaped, so any literal tag is the template's)."""
    return _STYLE_BLOCK.sub("", html)


def briefing_context(data: dict[str, Any]) -> dict[str, Any]:
    """What the HTML report's section templates need (as ``render.html.briefing_to_html`` builds it)."""
    from ..render.view import cited_spans, coverage_line, date_range, marked_segments, source_names

    by_id = {s["id"]: s for s in data["sources"]}
    spans = cited_spans(data)
    return {"data": data, "names": source_names(data), "by_id": by_id,
            "claims_by_id": {c["id"]: c for c in data["claims"]}, "date_range": date_range(data),
            "coverage": coverage_line(data),
            "segments": {sid: marked_segments(by_id[sid]["text"], sp) for sid, sp in spans.items()},
            "snippet": lambda c: by_id[c["source"]]["text"][c["start"]: c["end"]]}


def create_app(config: ServeConfig, db: Database | None = None) -> Starlette:
    db = db or open_database(config.db)
    worker = Worker(db, config.settings, config.allow_private, config.briefer)

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = _env().get_template(template).render(csrf=request.state.csrf, request=request, **context)
        return HTMLResponse(without_inline_styles(html), status)

    async def form(request: Request) -> Any:
        """The POSTed form, with its CSRF token checked and its size limits applied."""
        data = await request.form(max_files=config.limits.max_files, max_fields=40, max_part_size=MAX_PASTE_CHARS * 4)
        if not csrf_ok(request.cookies.get(CSRF_COOKIE), str(data.get("csrf") or "")):
            raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")
        return data

    def front(request: Request) -> HTMLResponse:
        order = "sources" if request.query_params.get("order") == "sources" else "latest"
        offset = _int(request.query_params.get("offset"), 0, 0, 1_000_000)
        with db.write(durable=False) as conn:
            previous = _visit(conn)
        with db.read() as conn:
            stories = rec.front_page(conn, order, 50, offset)
            followed = {s.id for s, _ in rec.followed_with_news(conn)}
            counts = rec.report_counts(conn)
        return page(request, "front.html", stories=stories, order=order, offset=offset, previous=previous,
                    followed=followed, counts=counts, stamp=_stamp(db))

    def since(request: Request) -> HTMLResponse:
        with db.read() as conn:
            previous = rec.get_meta(conn, "visit_previous")
            stories = rec.front_page(conn, "latest", 100, 0, since=previous) if previous else []
            followed = rec.followed_with_news(conn)
        return page(request, "since.html", stories=stories, previous=previous, followed=followed, stamp=_stamp(db))

    def search(request: Request) -> HTMLResponse:
        q = request.query_params.get("q", "")[:200]
        with db.read() as conn:
            hits = rec.search(conn, q) if q.strip() else []
        return page(request, "search.html", q=q, hits=hits, stamp="")

    def story(request: Request) -> HTMLResponse:
        sid = request.path_params["sid"]
        with db.read() as conn:
            row = rec.get_story(conn, sid)
            if row is None:
                raise HTTPException(404, "no such story")
            followed, seen = rec.reader_state(conn, sid)
            wanted = _int(request.query_params.get("version"), None, 1, 1_000_000)
            current = rec.get_version(conn, sid, wanted)
            history = rec.versions(conn, sid)
            reports = rec.story_reports(conn, sid, texts=False)
        if current is None:
            return page(request, "pending.html", story=row, stamp=_stamp(db))
        version, created, data = current
        against = _int(request.query_params.get("against"), None, 0, 1_000_000)
        if against is None:  # the version this reader saw last; never seen: everything is new
            against = seen if seen < version else version
        with db.read() as conn:
            base = rec.get_version(conn, sid, against) if against else None
        changes = briefing_diff(base[2] if base else None, data) if against < version else None
        if wanted is None:
            with db.write(durable=False) as conn:
                rec.mark_seen(conn, sid, version)
        return page(request, "story.html", story=row, version=version, created=created, history=history,
                    followed=followed, against=against, changes=changes, reports=reports,
                    stamp=_stamp(db), **briefing_context(data))

    def report(request: Request) -> HTMLResponse:
        with db.read() as conn:
            r = rec.get_report(conn, request.path_params["rid"])
            if r is None:
                raise HTTPException(404, "no such report")
            before = rec.get_report(conn, r.previous) if r.previous else None
        rows = text_diff(before.text or before.content, r.text or r.content) if before else []
        return page(request, "report.html", report=r, before=before, rows=rows, stamp="")

    def add(request: Request) -> HTMLResponse:
        with db.read() as conn:
            feeds = rec.all_feeds(conn)
        return page(request, "add.html", feeds=feeds, limits=config.limits, stamp=_stamp(db))

    def jobs(request: Request) -> HTMLResponse:
        with db.read() as conn:
            listed = rec.recent_jobs(conn, 100)
            counts = rec.job_counts(conn)
            reports = rec.report_counts(conn)
        return page(request, "jobs.html", jobs=listed, counts=counts, reports=reports, stamp=_stamp(db))

    async def add_feed(request: Request) -> Response:
        data = await form(request)
        url = str(data.get("url") or "").strip()
        minutes = _int(str(data.get("minutes") or ""), DEFAULT_FEED_INTERVAL_S // 60, 1, 7 * 24 * 60)
        await run_in_threadpool(_checked, url, config.allow_private)

        def save() -> None:
            with db.write() as conn:
                rec.add_feed(conn, url, max(MIN_FEED_INTERVAL_S, minutes * 60))
        await run_in_threadpool(save)
        worker.wake.set()
        return RedirectResponse("/jobs", 303)

    async def poll_feed(request: Request) -> Response:
        await form(request)
        feed_id = request.path_params["fid"]

        def save() -> None:
            with db.write() as conn:
                if rec.get_feed(conn, feed_id) is None:
                    raise HTTPException(404, "no such feed")
                rec.enqueue(conn, "poll", str(feed_id), priority=3, dedup=f"poll:{feed_id}")
        await run_in_threadpool(save)
        worker.wake.set()
        return RedirectResponse("/jobs", 303)

    async def add_url(request: Request) -> Response:
        data = await form(request)
        urls = [u.strip() for u in str(data.get("urls") or "").split() if u.strip()][:50]
        for u in urls:
            await run_in_threadpool(_checked, u, config.allow_private)

        def save() -> None:
            with db.write() as conn:
                for u in urls:
                    rec.enqueue(conn, "fetch", json.dumps({"url": u}), priority=2, dedup=f"fetch:{u}")
        await run_in_threadpool(save)
        worker.wake.set()
        return RedirectResponse("/jobs", 303)

    async def add_upload(request: Request) -> Response:
        data = await form(request)
        files = [f for f in data.getlist("files") if isinstance(f, UploadFile) and f.filename]
        if len(files) > config.limits.max_files:
            raise HTTPException(413, f"at most {config.limits.max_files} files per upload")
        rejected = []
        docs: list[RawDocument] = []
        for f in files:
            body = await f.read(max(config.limits.max_file_bytes, config.limits.max_expanded_bytes) + 1)
            got, bad = await run_in_threadpool(read_upload, f.filename or "file", body, config.settings, config.limits)
            docs += got
            rejected += bad
        added = await run_in_threadpool(_store_docs, db, docs)
        return page(request, "added.html", added=added, total=len(docs), rejected=rejected, stamp="")

    async def add_paste(request: Request) -> Response:
        data = await form(request)
        text = str(data.get("text") or "")[:MAX_PASTE_CHARS]
        if not text.strip():
            raise HTTPException(400, "paste the article text")
        meta = DocMeta(title=_field(data, "title"), outlet=_field(data, "outlet"), url=_field(data, "url"))
        kind = "html" if "<p" in text[:2000].lower() or "<html" in text[:2000].lower() else "text"
        added = await run_in_threadpool(_store_docs, db, [RawDocument("pasted", text, kind, meta)])
        return page(request, "added.html", added=added, total=1, rejected=[], stamp="")

    async def follow(request: Request) -> Response:
        data = await form(request)
        sid = request.path_params["sid"]

        def save() -> None:
            with db.write() as conn:
                if rec.get_story(conn, sid) is None:
                    raise HTTPException(404, "no such story")
                rec.set_followed(conn, sid, data.get("follow") == "1")
        await run_in_threadpool(save)
        return RedirectResponse(f"/stories/{sid}", 303)

    async def retry(request: Request) -> Response:
        await form(request)

        def save() -> None:
            with db.write() as conn:
                rec.retry_job(conn, request.path_params["jid"])
        await run_in_threadpool(save)
        worker.wake.set()
        return RedirectResponse("/jobs", 303)

    def export(request: Request) -> Response:
        sid, fmt = request.path_params["sid"], request.path_params["fmt"]
        with db.read() as conn:
            got = rec.get_version(conn, sid, _int(request.query_params.get("version"), None, 1, 1_000_000))
        if got is None or fmt not in ("json", "md", "html"):
            raise HTTPException(404, "no such story version or format")
        version, _, data = got
        name = f"{sid}-v{version}.{fmt}"
        disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
        if fmt == "json":
            return Response(json.dumps(data, ensure_ascii=False, indent=2) + "\n", media_type="application/json",
                            headers=disposition)
        if fmt == "md":
            from ..render.markdown import briefing_to_markdown

            return Response(briefing_to_markdown(data), media_type="text/markdown; charset=utf-8", headers=disposition)
        from ..render.html import briefing_to_html

        return HTMLResponse(briefing_to_html(data), headers={**disposition, "Content-Security-Policy": EXPORT_CSP})

    # ---- JSON API ----

    def api_stories(request: Request) -> JSONResponse:
        since_value = request.query_params.get("since")
        if since_value:
            try:
                since_value = _utc_stamp(since_value)
            except ValueError as exc:
                raise HTTPException(400, "since must be an ISO 8601 time") from exc
        limit = _int(request.query_params.get("limit"), 100, 1, 1000)
        order = "sources" if request.query_params.get("order") == "sources" else "latest"
        with db.read() as conn:
            rows = rec.front_page(conn, order, limit, 0, since=since_value)
        cursor = max((r.updated_at for r in rows), default=since_value)
        return JSONResponse({"stories": [r.to_json() for r in rows], "cursor": cursor})

    def api_story(request: Request) -> JSONResponse:
        sid = request.path_params["sid"]
        with db.read() as conn:
            row = rec.get_story(conn, sid)
            if row is None:
                raise HTTPException(404, "no such story")
            history = rec.versions(conn, sid)
            reports = rec.story_reports(conn, sid, texts=False)
        return JSONResponse({**row.to_json(), "versions": [{"version": v, "created_at": c, "reports": n}
                                                            for v, c, n in history],
                             "reports": [{"id": r.id, "origin": r.origin, "url": r.url, "title": r.title,
                                          "outlet": r.outlet, "state": r.state, "added_at": r.added_at,
                                          "edit_of": r.previous} for r in reports]})

    def api_briefing(request: Request) -> JSONResponse:
        with db.read() as conn:
            got = rec.get_version(conn, request.path_params["sid"],
                                  _int(request.query_params.get("version"), None, 1, 1_000_000))
        if got is None:
            raise HTTPException(404, "no such story version")
        return JSONResponse(got[2])

    def api_diff(request: Request) -> JSONResponse:
        sid = request.path_params["sid"]
        with db.read() as conn:
            new = rec.get_version(conn, sid, _int(request.query_params.get("to"), None, 1, 1_000_000))
            if new is None:
                raise HTTPException(404, "no such story version")
            start = _int(request.query_params.get("from"), new[0] - 1, 0, new[0])
            old = rec.get_version(conn, sid, start) if start else None
        return JSONResponse({"story": sid, "from": start, "to": new[0],
                             **briefing_diff(old[2] if old else None, new[2])})

    def api_jobs(request: Request) -> JSONResponse:
        with db.read() as conn:
            listed = rec.recent_jobs(conn, 100)
            counts = rec.job_counts(conn)
        return JSONResponse({"counts": counts, "jobs": [j.to_json() for j in listed]})

    def api_stamp(request: Request) -> JSONResponse:
        return JSONResponse(_progress(db))

    async def api_events(request: Request) -> StreamingResponse:
        """``/api/stamp`` as server-sent events: a ``progress`` event whenever it changes, nothing else."""

        async def events() -> Any:
            yield f"retry: {RECONNECT_MS}\n\n"
            last, quiet, started = None, 0.0, time.monotonic()
            while time.monotonic() - started < config.events_max_s:  # bounded: the browser reconnects
                if await request.is_disconnected():
                    return
                now = await run_in_threadpool(_progress, db)
                if now != last:
                    yield f"event: progress\ndata: {json.dumps(now)}\n\n"
                    last, quiet = now, 0.0
                elif quiet >= config.events_keepalive_s:
                    yield ": keep-alive\n\n"
                    quiet = 0.0
                await asyncio.sleep(config.events_tick_s)
                quiet += config.events_tick_s

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    def api_search(request: Request) -> JSONResponse:
        q = request.query_params.get("q", "")[:200]
        with db.read() as conn:
            hits = rec.search(conn, q) if q.strip() else []
        return JSONResponse({"q": q, "hits": [{"report": h[0], "title": h[1], "story": h[2], "story_title": h[3]}
                                              for h in hits]})

    def report_css(request: Request) -> Response:
        css = resources.files("newsfuse.render").joinpath("templates", "report.css").read_text(encoding="utf-8")
        return Response(css + "\n" + section_css(), media_type="text/css")

    def favicon(request: Request) -> Response:
        return Response(status_code=204)

    async def error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": detail}, status)
        return PlainTextResponse(str(detail), status)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        if config.worker:
            worker.start()
        yield
        worker.shutdown()
        db.close()

    routes = [
        Route("/", front), Route("/since", since), Route("/search", search), Route("/add", add), Route("/jobs", jobs),
        Route("/stories/{sid}", story), Route("/reports/{rid}", report),
        Route("/stories/{sid}/export.{fmt}", export),
        Route("/feeds", add_feed, methods=["POST"]), Route("/feeds/{fid:int}/poll", poll_feed, methods=["POST"]),
        Route("/urls", add_url, methods=["POST"]), Route("/upload", add_upload, methods=["POST"]),
        Route("/paste", add_paste, methods=["POST"]), Route("/stories/{sid}/follow", follow, methods=["POST"]),
        Route("/jobs/{jid:int}/retry", retry, methods=["POST"]),
        Route("/api/stories", api_stories), Route("/api/stories/{sid}", api_story),
        Route("/api/stories/{sid}/briefing", api_briefing), Route("/api/stories/{sid}/diff", api_diff),
        Route("/api/jobs", api_jobs), Route("/api/stamp", api_stamp), Route("/api/events", api_events),
        Route("/api/search", api_search),
        Route("/static/report.css", report_css), Route("/favicon.ico", favicon),
        Mount("/static", StaticFiles(packages=[("newsfuse.serve", "static")]), name="static"),
    ]
    guard = Guard(config.host, config.port, config.token, config.max_body)
    app = Starlette(routes=routes, middleware=[Middleware(SecurityMiddleware, guard=guard)],
                    exception_handlers={HTTPException: error, 500: error}, lifespan=lifespan)
    app.state.worker = worker
    app.state.db = db
    return app


def _checked(url: str, allow_private: bool) -> None:
    try:
        check_url(url, allow_private)
    except InputError as exc:
        raise HTTPException(400, f"cannot add {url[:200]}: {exc.reason}") from exc


def _store_docs(db: Database, docs: list[RawDocument]) -> int:
    added = 0
    with db.write() as conn:
        for doc in docs:
            added += rec.add_report(conn, doc)[1]
    return added


def _field(data: Any, name: str) -> str | None:
    value = str(data.get(name) or "").strip()[:500]
    return value or None


def _int(value: str | None, default: Any, low: int, high: int) -> Any:
    try:
        n = int(value) if value not in (None, "") else None
    except ValueError:
        n = None
    return default if n is None or not low <= n <= high else n


def _utc_stamp(value: str) -> str:
    when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _visit(conn: Any) -> str | None:
    """Record this visit; returns the start of the previous one (for "since your last visit")."""
    now = datetime.now(UTC)
    current = rec.get_meta(conn, "visit_current")
    if current is None or now - datetime.fromisoformat(current.replace("Z", "+00:00")) > VISIT_GAP:
        if current is not None:
            rec.set_meta(conn, "visit_previous", current)
        rec.set_meta(conn, "visit_current", rec.now_iso())
    else:
        rec.set_meta(conn, "visit_current", rec.now_iso())
    return rec.get_meta(conn, "visit_previous")


def _progress(db: Database) -> dict[str, Any]:
    """What a page's live part and the jobs badge follow: the stamp and the open and failed jobs."""
    with db.read() as conn:
        counts = rec.job_counts(conn)
    return {"stamp": _stamp(db), "queued": counts.get("queued", 0), "running": counts.get("running", 0),
            "failed": counts.get("failed", 0)}


def _stamp(db: Database) -> str:
    """Changes whenever something a page shows changes: the live part of a page re-renders on it."""
    with db.read() as conn:
        a = conn.execute("SELECT MAX(updated_at) FROM stories").fetchone()
        b = conn.execute("SELECT MAX(updated_at) FROM jobs").fetchone()
        c = conn.execute("SELECT MAX(id) FROM jobs").fetchone()
        d = conn.execute("SELECT COUNT(*), SUM(version) FROM stories").fetchone()
    return f"{a[0]}|{b[0]}|{c[0]}|{d[0]}|{d[1]}"
