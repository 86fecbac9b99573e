"""Server-side fetching: private addresses refused, every redirect hop re-checked, conditional GET."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsfuse.config import Settings
from newsfuse.errors import InputError
from newsfuse.ingest.netguard import BlockedAddress
from newsfuse.serve import fetching
from newsfuse.serve.fetching import check_url, guarded_get


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/redirect-private":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
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
        guarded_get(server + "/", Settings())
    for url in ("http://169.254.169.254/", "http://[::1]/", "http://10.0.0.1/", "http://localhost/"):
        with pytest.raises(InputError):
            check_url(url, allow_private=False)
    for url in ("file:///etc/passwd", "ftp://example.org/", "http://user:pw@example.org/"):
        with pytest.raises(InputError):
            check_url(url, allow_private=True)


def test_each_redirect_hop_is_checked(server, monkeypatch):
    """The first hop passes (treated as public here); the redirect to the metadata address is refused."""
    def fake_check(host, port=443):
        if host != "127.0.0.1":
            raise BlockedAddress(f"{host} resolves to a non-public address")
        return [host]

    monkeypatch.setattr(fetching, "check_public", fake_check)
    with pytest.raises(InputError, match="169.254.169.254"):
        guarded_get(server + "/redirect-private", Settings())


def test_conditional_get_with_allow_private(server):
    first = guarded_get(server + "/page", Settings(), allow_private=True)
    assert first.status == 200 and first.etag == '"v1"' and b"hello" in first.content
    again = guarded_get(server + "/page", Settings(), allow_private=True, etag=first.etag)
    assert again.status == 304 and again.content == b""


def test_size_limit(server):
    with pytest.raises(InputError, match="limit"):
        guarded_get(server + "/page", Settings(max_bytes=10), allow_private=True)


def test_the_socket_is_checked_too(server, monkeypatch):
    """DNS rebinding: the URL check passes, the name then resolves to loopback when connecting; refused."""
    calls = []

    def rebinding(host, port=443):
        calls.append(host)
        if len(calls) == 1:
            return ["93.184.216.34"]  # first answer: public
        raise BlockedAddress(f"{host} resolves to a non-public address (127.0.0.1)")

    monkeypatch.setattr(fetching, "check_public", rebinding)
    with pytest.raises(InputError, match="could not fetch"):
        guarded_get(server + "/page", Settings())
    assert len(calls) == 2
