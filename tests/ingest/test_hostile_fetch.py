"""Hostile servers (issue 15), against a test server bound to 127.0.0.1 only: SSRF through feed links and
redirects, redirect loops, slow drip and stalls, gzip bombs, self-linking and mutually linking feeds,
repeated links and the per-run fetch cap. Nothing here leaves the machine: links to other addresses
must be refused before any connection is tried (the tests would hang or fail otherwise).
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsfuse.config import Settings
from newsfuse.errors import InputError
from newsfuse.ingest import fetch as fetch_module
from newsfuse.ingest.netguard import is_public_address, resolve_public
from newsfuse.ingest.read import read_inputs

from corpus import ROOT

ARTICLE = (ROOT / "tests" / "data" / "hostile" / "inputs" / "good" / "harlow_b.html").read_bytes()
STOP = threading.Event()
HITS: Counter[str] = Counter()


def _feed(links: list[str], title: str = "Hostile Feed") -> bytes:
    items = "".join(f"<item><title>Item {n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, Callable[[_Handler], None]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        HITS[self.path] += 1
        self.routes.get(self.path.split("?")[0], _not_found)(self)

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _not_found(h: _Handler) -> None:
    h.send(404, b"not found", "text/plain")


def _drip(h: _Handler) -> None:
    """One byte every two seconds, for at most a minute: the fetch must give up long before."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for byte in ARTICLE[:30]:
        if STOP.wait(2.0):
            return
        try:
            h.wfile.write(bytes([byte]))
            h.wfile.flush()
        except OSError:
            return


def _stall(h: _Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    h.wfile.write(b"<html>")
    h.wfile.flush()
    STOP.wait(60)


def _redirect(target: str) -> Callable[[_Handler], None]:
    return lambda h: h.send(302, b"", Location=target.replace("BASE", h.server.base))  # type: ignore[attr-defined]


def _serve_feed(links: list[str]) -> Callable[[_Handler], None]:
    return lambda h: h.send(200, _feed([ln.replace("BASE", h.server.base) for ln in links]),  # type: ignore[attr-defined]
                            "application/rss+xml")


BOMB = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)  # 50 MB of zeros in ~50 KB


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    base = f"http://127.0.0.1:{port}"
    httpd.base = base  # type: ignore[attr-defined]
    _Handler.routes = {
        "/article": lambda h: h.send(200, ARTICLE),
        "/redirect-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
        "/redirect-local": _redirect("BASE/article"),
        "/redirect-relative": _redirect("/article"),
        "/redirect-loop": _redirect("/redirect-loop"),
        **{f"/chain{n}": _redirect(f"/chain{n + 1}") for n in range(10)},
        "/redirect-file": _redirect("file:///etc/passwd"),
        "/feed-ssrf.xml": _serve_feed([
            f"http://localhost:{port}/article", f"http://127.0.0.1:{port}/article", f"http://[::1]:{port}/article",
            f"http://[::ffff:127.0.0.1]:{port}/article", f"http://0x7f000001:{port}/article",
            f"http://2130706433:{port}/article", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x",
            "http://192.168.1.1/", "http://100.64.0.1/", "http://224.0.0.1/", "http://0.0.0.0/", "http://[fe80::1]/",
            "http://[fd00:ec2::254]/"]),
        "/feed-local.xml": _serve_feed(["BASE/article"]),
        "/self.xml": _serve_feed(["BASE/self.xml", "BASE/article"]),
        "/a.xml": _serve_feed(["BASE/b.xml"]),
        "/b.xml": _serve_feed(["BASE/a.xml"]),
        "/dup.xml": _serve_feed(["BASE/article", "BASE/article#again", "BASE/article"]),
        "/many.xml": _serve_feed([f"BASE/article?n={n}" for n in range(10)]),
        "/drip": _drip,
        "/stall": _stall,
        "/bomb": lambda h: h.send(200, BOMB, Content_Encoding="gzip"),
        "/gzip": lambda h: h.send(200, gzip.compress(ARTICLE), Content_Encoding="gzip"),
        "/deflate": lambda h: h.send(200, zlib.compress(ARTICLE), Content_Encoding="deflate"),
        "/raw-deflate": lambda h: h.send(200, zlib.compress(ARTICLE)[2:-4], Content_Encoding="deflate"),
        "/brotli": lambda h: h.send(200, b"\x1b\x00", Content_Encoding="br"),
        "/corrupt-gzip": lambda h: h.send(200, b"\x1f\x8b\x08\x00garbage-garbage", Content_Encoding="gzip"),
        "/huge-declared": lambda h: h.send(200, b"", Content_Length=str(10**12)),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    STOP.set()
    httpd.shutdown()
    httpd.server_close()


def _read(urls: list[str], **settings: object) -> tuple[list, dict[str, str]]:
    got = read_inputs(urls, Settings(**settings))  # type: ignore[arg-type]
    return got.documents, {r.path: r.reason for r in got.rejected}


# --- SSRF -------------------------------------------------------------------------------------------------


def test_explicitly_named_local_url_is_fetched(server: str) -> None:
    docs, reasons = _read([f"{server}/article"])
    assert len(docs) == 1 and not reasons


def test_feed_links_to_private_addresses_are_refused_before_connecting(server: str) -> None:
    before = HITS["/article"]
    docs, reasons = _read([f"{server}/feed-ssrf.xml"])
    assert docs == [] and len(reasons) == 14
    assert all("non-public address" in r and "--allow-private" in r for r in reasons.values()), reasons
    assert HITS["/article"] == before  # not one of them reached the server


def test_allow_private_lets_feed_links_through(server: str) -> None:
    docs, reasons = _read([f"{server}/feed-local.xml"], allow_private=True)
    assert len(docs) == 1 and not reasons
    docs, reasons = _read([f"{server}/feed-local.xml"])
    assert docs == [] and "non-public" in reasons[f"{server}/article"]


@pytest.mark.parametrize("path, allow, reason", [  # never allow_private with an off-machine target
    ("/redirect-metadata", False, "redirect to http://169.254.169.254/latest/meta-data/: link to a non-public"),
    ("/redirect-local", False, "redirect to http://127.0.0.1"),
    ("/redirect-relative", False, "non-public"),
    ("/redirect-loop", True, "already fetched in this run"),
    ("/chain0", True, "more than 5 redirects"),
    ("/redirect-file", True, "not http(s)"),
])
def test_every_redirect_is_checked(server: str, path: str, allow: bool, reason: str) -> None:
    """Even from a URL the user named: where a redirect leads is the server's choice."""
    docs, reasons = _read([f"{server}{path}"], allow_private=allow)
    assert docs == [] and reason in reasons[f"{server}{path}"]


def test_redirect_to_local_allowed_with_the_option(server: str) -> None:
    docs, reasons = _read([f"{server}/redirect-relative"], allow_private=True)
    assert len(docs) == 1 and not reasons and docs[0].meta.url == f"{server}/article"


# --- recursion, repeats, caps ------------------------------------------------------------------------------


def test_self_linking_feed_does_not_recurse(server: str) -> None:
    docs, reasons = _read([f"{server}/self.xml"], allow_private=True)
    assert len(docs) == 1
    assert "already fetched in this run" in reasons[f"{server}/self.xml"]


def test_feeds_linking_to_each_other_are_not_followed(server: str) -> None:
    docs, reasons = _read([f"{server}/a.xml"], allow_private=True)
    assert docs == [] and "feeds are not followed from feeds" in reasons[f"{server}/b.xml"]


def test_each_url_is_fetched_once_per_run(server: str) -> None:
    before = HITS["/article"]
    docs, reasons = _read([f"{server}/dup.xml", f"{server}/article"], allow_private=True)
    assert len(docs) == 1 and HITS["/article"] == before + 1
    assert len(reasons) == 2 and all("already fetched in this run" in r for r in reasons.values())


def test_per_run_fetch_cap(server: str) -> None:
    docs, reasons = _read([f"{server}/many.xml"], allow_private=True, max_fetches=4)
    assert len(docs) == 3  # the feed itself is the first fetch
    capped = [r for r in reasons.values() if "per-run limit of 4 fetches" in r]
    assert len(capped) == 7 and all("--max-fetches" in r for r in capped)


# --- slow servers, bombs, encodings ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/drip", "/stall"])
def test_one_deadline_per_fetch_not_per_read(server: str, path: str) -> None:
    started = time.monotonic()
    docs, reasons = _read([f"{server}{path}"], fetch_timeout=3.0)
    elapsed = time.monotonic() - started
    assert docs == [] and "took longer than the 3 s limit" in reasons[f"{server}{path}"]
    assert elapsed < 4.5, f"a {path} server held the fetch {elapsed:.1f} s"


def test_gzip_bomb_is_cut_off_at_the_limit_in_bounded_memory(server: str) -> None:
    tracemalloc.start()
    try:
        docs, reasons = _read([f"{server}/bomb"], max_bytes=1024 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert docs == [] and "once decompressed" in reasons[f"{server}/bomb"]
    assert peak < 12 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_compressed_articles_are_read(server: str, path: str) -> None:
    docs, reasons = _read([f"{server}{path}"])
    assert len(docs) == 1 and "Harlow Bay" in docs[0].content and not reasons


@pytest.mark.parametrize("path, reason", [("/brotli", "unsupported content encoding 'br'"),
                                          ("/corrupt-gzip", "corrupt gzip body"),
                                          ("/huge-declared", "larger than the")])
def test_bad_bodies_are_rejected(server: str, path: str, reason: str) -> None:
    docs, reasons = _read([f"{server}{path}"])
    assert docs == [] and reason in reasons[f"{server}{path}"]


# --- netguard on its own ---------------------------------------------------------------------------------


@pytest.mark.parametrize("address, public", [
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True), ("8.8.8.8", True),
    ("127.0.0.1", False), ("127.8.9.10", False), ("::1", False), ("10.1.2.3", False), ("172.16.0.1", False),
    ("192.168.0.1", False), ("169.254.169.254", False), ("fe80::1", False), ("fd00:ec2::254", False),
    ("224.0.0.251", False), ("ff02::1", False), ("0.0.0.0", False), ("::", False), ("240.0.0.1", False),
    ("255.255.255.255", False), ("100.64.0.1", False), ("::ffff:127.0.0.1", False), ("::ffff:8.8.8.8", True),
    ("2002:7f00:1::", False), ("192.0.2.1", False), ("not an address", False),
])
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def _fake_dns(answers: dict[str, list[str]]) -> Callable[..., list]:
    def getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list:
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in answers[host]]
    return getaddrinfo


def test_names_are_judged_by_every_address_they_resolve_to(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _fake_dns({
        "news.example": ["93.184.216.34"], "rebind.example": ["93.184.216.34", "127.0.0.1"],
        "internal.example": ["10.0.0.7"]}))
    assert resolve_public("https://news.example/a").address == "93.184.216.34"
    for url in ("http://rebind.example/", "http://internal.example/", "http://nowhere.example/"):
        with pytest.raises(Exception, match="non-public|cannot resolve"):
            resolve_public(url)


def test_checked_link_is_requested_at_the_checked_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the connection goes to the address that was checked; Host and TLS name stay the name."""
    monkeypatch.setattr(socket, "getaddrinfo", _fake_dns({"news.example": ["93.184.216.34"]}))
    url, headers, extensions = fetch_module._pinned("https://news.example:8443/a?b=1#c", "x", True)
    assert url == "https://93.184.216.34:8443/a?b=1"
    assert headers == {"Host": "news.example:8443"} and extensions == {"sni_hostname": "news.example"}
    with pytest.raises(InputError, match="redirect to http://rebind"):
        monkeypatch.setattr(socket, "getaddrinfo", _fake_dns({"rebind.example": ["127.0.0.1"]}))
        fetch_module._pinned("http://rebind.example/", "https://news.example/", True)


def test_a_slow_resolver_is_given_up_on(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def slow(*args: object, **kwargs: object) -> list:
        release.wait(10)
        return []

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    started = time.monotonic()
    try:
        with pytest.raises(Exception, match="cannot resolve host 'slow.example' \\(no answer within 1 s\\)"):
            resolve_public("http://slow.example/", timeout=1.0)
        assert time.monotonic() - started < 3
    finally:
        release.set()
