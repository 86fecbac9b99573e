"""Server-side fetching: private addresses refused, every redirect hop re-checked, conditional GET."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from newsfuse.config import Settings
from newsfuse.errors import InputError
from newsfuse.ingest import fetch as ingest_fetch
from newsfuse.ingest.fetch import check_url
from newsfuse.ingest.netguard import AddressRefused, Resolved
from newsfuse.serve.fetching import guarded_get


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/redirect-private":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
            return
        if self.path == "/redirect-credentials":
            self.send_response(302)
            self.send_header("Location", f"http://user:pw@{self.headers['Host']}/page")
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        body = b"<html><body><p>hello</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_loopback_and_metadata_are_refused_by_default(server):
    with pytest.raises(InputError, match="non-public"):
        guarded_get(server + "/", Settings())  # the first URL too: on a server, no URL is the user's own
    for url in ("http://169.254.169.254/", "http://[::1]/", "http://10.0.0.1/", "http://localhost/"):
        with pytest.raises(InputError):
            check_url(url, allow_private=False)
    for url in ("file:///etc/passwd", "ftp://example.org/", "http://user:pw@example.org/"):
        with pytest.raises(InputError):
            check_url(url, allow_private=True)


def test_each_redirect_hop_is_checked_and_pinned(server, monkeypatch):
    """The first hop passes (treated as public here, pinned to 127.0.0.1); the redirect to the metadata
    address is refused before any connection to it."""
    seen = []

    def fake_resolve(url, timeout=None):
        seen.append(url)
        parts = urlsplit(url)
        if parts.hostname != "127.0.0.1":
            raise AddressRefused(f"link to a non-public address {parts.hostname} refused")
        return Resolved(parts.hostname, "127.0.0.1", parts.port or 80)

    monkeypatch.setattr(ingest_fetch, "resolve_public", fake_resolve)
    with pytest.raises(InputError, match="169.254.169.254"):
        guarded_get(server + "/redirect-private", Settings())
    assert [urlsplit(u).hostname for u in seen] == ["127.0.0.1", "169.254.169.254"]


def test_conditional_get_with_allow_private(server):
    first = guarded_get(server + "/page", Settings(), allow_private=True)
    assert first.status == 200 and first.etag == '"v1"' and b"hello" in first.content
    again = guarded_get(server + "/page", Settings(), allow_private=True, etag=first.etag)
    assert again.status == 304 and again.content == b""


def test_the_cli_and_the_server_share_one_fetch(server):
    """The CLI's session fetches its user's own URL unchecked; a redirect carrying a password is refused
    on both paths, since a redirect is never the user's own URL."""
    session = ingest_fetch.FetchSession(Settings(allow_private=True))
    got = session.fetch(server + "/page", found_in_content=False)
    assert (got.status, got.etag, got.content_type) == (200, '"v1"', "text/html") and got.url == server + "/page"
    for fetch in (lambda u: ingest_fetch.FetchSession(Settings(allow_private=True)).fetch(u, found_in_content=False),
                  lambda u: guarded_get(u, Settings(), allow_private=True)):
        with pytest.raises(InputError, match="user name or password"):
            fetch(server + "/redirect-credentials")


def test_size_limit(server):
    with pytest.raises(InputError, match="limit"):
        guarded_get(server + "/page", Settings(max_bytes=10), allow_private=True)
