"""End to end in a real browser: subscribe to a feed, watch stories appear, open one, see a dispute,
publish a new report to the feed, see "what changed".

Playwright drives Debian's chromium (``.ci/run`` installs it; Playwright's own
browser download is not used) against ``newsfuse serve`` started as a real
process on 127.0.0.1, and a local feed server on 127.0.0.1 (hence
``--allow-private``). Every wait is bounded.
"""

from __future__ import annotations

import html
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import example_texts

pytestmark = pytest.mark.integration
WAIT_MS = 180_000  # briefing a story runs the whole NLP pipeline; on 2 shared cores allow minutes


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


class FeedSite:
    """An aggregator-style RSS feed (one ``<source>`` outlet per item) linking to article pages."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []  # (slug, title, text)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                if self.path == "/feed.xml":
                    body, ctype = site.feed().encode(), "application/rss+xml"
                elif self.path.startswith("/a/") and any(self.path == f"/a/{s}" for s, _, _ in site.items):
                    slug, title, text = next(i for i in site.items if self.path == f"/a/{i[0]}")
                    paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
                    body = f"<html><head><title>{html.escape(title)}</title></head><body><article><h1>{html.escape(title)}</h1>{paras}</article></body></html>".encode()
                    ctype = "text/html; charset=utf-8"
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def publish(self, slug: str, title: str, text: str) -> None:
        self.items.append((slug, title, text))

    def feed(self) -> str:
        stamp = format_datetime(datetime(2013, 1, 19, 12, tzinfo=UTC))
        entries = "".join(f"<item><title>{html.escape(t)}</title><link>{self.url}/a/{s}</link>"
                          f"<description>{html.escape(t)}</description><pubDate>{stamp}</pubDate>"
                          f'<source url="{self.url}/outlet{n}">Outlet {n}</source></item>'
                          for n, (s, t, _) in reversed(list(enumerate(self.items))))
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>{entries}</channel></rss>'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "newsfuse.cli", "serve", "--db", str(tmp_path / "e2e.db"),
                             "--port", str(port), "--allow-private"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"newsfuse serve exited: {proc.stdout.read().decode(errors='replace')[-2000:]}")
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("newsfuse serve did not start listening within 60 s")
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=20)


def _wait_idle(base: str, limit_s: float = WAIT_MS / 1000) -> None:
    """Until the server's job queue is empty (bounded)."""
    import httpx

    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        stamp = httpx.get(base + "/api/stamp", timeout=10).json()
        if stamp["queued"] == 0 and stamp["running"] == 0:
            return
        time.sleep(0.5)
    pytest.fail(f"jobs still running after {limit_s:.0f} s")


def test_follow_a_feed_in_the_browser(server):
    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium not installed (.ci/run installs Debian's package)")
    from playwright.sync_api import expect, sync_playwright

    site = FeedSite()
    texts = example_texts()
    for n, (name, text) in enumerate(texts[:3]):
        site.publish(name, f"Hostage siege report {n + 1}", text)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"], timeout=60_000)
            page = browser.new_page()
            page.set_default_timeout(30_000)
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            requested: list[str] = []
            page.on("request", lambda r: requested.append(r.url))

            page.goto(server + "/add")
            page.fill("#feed-form input[name=url]", site.url + "/feed.xml")
            page.click("#feed-form button[type=submit]")
            expect(page).to_have_url(server + "/jobs")

            page.goto(server + "/")  # the story appears without a reload (static/app.js: server-sent events)
            expect(page.locator(".story-item")).to_have_count(1, timeout=WAIT_MS)
            assert server + "/api/events" in requested and not [u for u in requested if "/api/stamp" in u]
            _wait_idle(server)  # the story may be briefed from its first report, then again from all three
            page.reload()
            expect(page.locator(".story-item .dispute")).to_be_visible(timeout=WAIT_MS)
            page.click(".story-item a.story-title")
            expect(page.locator("h1")).to_be_visible()
            expect(page.locator(".masthead .dispute")).to_contain_text("open dispute")
            expect(page.locator("#what-changed")).to_contain_text("New sources (3)")

            site.publish(texts[3][0], "Hostage siege report 4", texts[3][1])
            story_url = page.url
            page.goto(server + "/add")
            page.click("table.feeds button[type=submit]")  # "Check now" instead of waiting for the interval
            _wait_idle(server)
            page.goto(story_url)
            expect(page.locator("#what-changed")).to_contain_text("What changed since version", timeout=WAIT_MS)
            expect(page.locator("#what-changed")).to_contain_text("New sources (1)")
            expect(page.locator("#what-changed")).to_contain_text("Hostage siege report 4")
            assert not [e for e in errors if "Content Security Policy" in e], errors

            # where the event stream is refused (a proxy, an old server), the page polls /api/stamp instead
            fallback = browser.new_page()
            fallback.route("**/api/events", lambda route: route.fulfill(status=503, body="no streams here"))
            with fallback.expect_request(lambda r: "/api/stamp" in r.url, timeout=30_000):
                fallback.goto(server + "/jobs")
            browser.close()
    finally:
        site.httpd.shutdown()
