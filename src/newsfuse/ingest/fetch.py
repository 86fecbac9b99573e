"""HTTP(S) fetching with limits that hold against a hostile server.

The only network code in newsfuse. Tests exercise it against a local server
on 127.0.0.1; nothing here runs unless the user passes a URL or a feed.

What a server cannot make newsfuse do:

- read more than ``max_bytes``: counted as bytes arrive, compressed and
  decompressed (a gzip bomb stops at the limit, decompressed in bounded steps);
- wait longer than ``fetch_timeout`` in all for one fetch, redirects included
  (a server dripping one byte every two seconds is cut off);
- reach a non-public address through a redirect or a feed item link
  (``netguard``), unless the user allowed it;
- make it fetch a URL twice in one run, or more than ``max_fetches`` URLs.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from ..config import Settings
from ..errors import InputError
from .netguard import AddressRefused, resolve_public

#: Redirects followed per fetch; browsers allow 20, news sites need 1–3.
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Fetched:
    """What one fetch brought back: the URL it ended at (after redirects), status, headers and body.

    A conditional GET answered 304 comes back with status 304 and an empty body.
    """

    url: str
    content: bytes
    content_type: str
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()  # as sent, names lower-cased

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key == name.lower()), None)

    @property
    def etag(self) -> str | None:
        return self.header("etag")

    @property
    def last_modified(self) -> str | None:
        return self.header("last-modified")


@dataclass(frozen=True)
class Guard:
    """Which URLs one fetch holds to ``netguard``'s public-address rule, and how it connects.

    Redirect hops are always checked (unless private addresses are allowed). The first URL is
    checked when it is not the user's own: a link found in fetched content, or anything on a web
    server, where whoever reaches the page typed it (``check_first``). A checked URL must not carry
    a user name or password, and its request goes to the very address that was checked.
    """

    check_first: bool = False
    allow_private: bool = False
    proxies_from_env: bool = True  # the web app ignores HTTP_PROXY and friends: its requests are pinned


@dataclass
class FetchSession:
    """What one run has fetched: each URL once, at most ``settings.max_fetches`` requests in all."""

    settings: Settings
    seen: set[str] = field(default_factory=set)
    requests: int = 0

    def claim(self, url: str, origin: str) -> None:
        """Count one request for ``url``, or raise ``InputError`` if it was fetched already or the cap is reached."""
        key = _normalise(url)
        if key in self.seen:
            raise InputError(origin, f"{url} was already fetched in this run; each URL is fetched once")
        if self.requests >= self.settings.max_fetches:
            raise InputError(origin, f"the per-run limit of {self.settings.max_fetches} fetches was reached; "
                                     "raise it with --max-fetches")
        self.seen.add(key)
        self.requests += 1

    def fetch(self, url: str, *, found_in_content: bool) -> Fetched:
        """GET ``url``; ``found_in_content`` for links taken from fetched content (checked by ``netguard``)."""
        guard = Guard(check_first=found_in_content, allow_private=self.settings.allow_private)
        return fetch(url, self.settings, self, guard=guard)


def check_url(url: str, allow_private: bool, *, origin: str | None = None) -> None:
    """Raise ``InputError`` unless ``url`` is http(s) to a public host (or private ones are allowed)
    with no user name or password in it."""
    origin = origin or url
    _check_form(url, origin, credentials=False)
    if allow_private:
        return
    try:
        resolve_public(url, 10.0)
    except AddressRefused as exc:
        raise InputError(origin, exc.reason) from exc


def fetch(url: str, settings: Settings, session: FetchSession | None = None, *, guard: Guard = Guard(),
          etag: str | None = None, last_modified: str | None = None) -> Fetched:
    """GET ``url`` following redirects by hand, so each hop is checked, counted and held to one deadline.

    ``etag``/``last_modified`` make it a conditional GET (a feed poll that may cost a 304).
    Every limit is ``settings``'; what is checked is ``guard``'s.
    """
    import httpx

    session = session or FetchSession(settings)
    deadline = time.monotonic() + settings.fetch_timeout
    current, checked = url, guard.check_first
    try:
        with httpx.Client(follow_redirects=False, trust_env=guard.proxies_from_env) as client:
            for _ in range(MAX_REDIRECTS + 1):
                _check_form(current, url, credentials=not checked)
                session.claim(current, url)
                target, headers, extensions = _pinned(current, url, checked and not guard.allow_private,
                                                      deadline - time.monotonic())
                headers["User-Agent"] = settings.user_agent
                headers["Accept-Encoding"] = "gzip, deflate"
                if etag:
                    headers["If-None-Match"] = etag
                if last_modified:
                    headers["If-Modified-Since"] = last_modified
                timeout = httpx.Timeout(max(0.01, deadline - time.monotonic()))
                request = client.build_request("GET", target, headers=headers, timeout=timeout,
                                               extensions=extensions)
                response = client.send(request, stream=True)
                watchdog = _watchdog(response, deadline)
                try:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECTS and location:
                        current, checked = urljoin(current, location.strip()), True
                        continue
                    if response.status_code >= 400:
                        raise InputError(url, f"HTTP {response.status_code} when fetching")
                    body = b"" if response.status_code == 304 else _read_body(response, url, settings, deadline)
                    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    sent = tuple((k.lower(), v) for k, v in response.headers.items())
                    return Fetched(current, body, ctype, response.status_code, sent)
                finally:
                    watchdog.cancel()
                    response.close()
            raise InputError(url, f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException as exc:
        raise InputError(url, _late(settings)) from exc
    except httpx.HTTPError as exc:
        if time.monotonic() >= deadline:  # the watchdog cut the connection
            raise InputError(url, _late(settings)) from exc
        raise InputError(url, f"could not fetch ({exc.__class__.__name__}: {exc})") from exc


def _check_form(url: str, origin: str, *, credentials: bool) -> None:
    """http(s) with a host; a user name or password only in a URL the user gave (``credentials``)."""
    parts = urlsplit(url)
    hop = "" if url == origin else f"redirected to {url!r}: "
    if parts.scheme not in ("http", "https"):
        raise InputError(origin, f"redirected to {url!r}, which is not http(s)" if hop
                         else "only http:// and https:// URLs can be fetched")
    if not parts.hostname:
        raise InputError(origin, f"{hop}URL has no host")
    if not credentials and (parts.username or parts.password):
        raise InputError(origin, f"{hop}URLs with a user name or password are not fetched")


def _watchdog(response: object, deadline: float) -> threading.Timer:
    """Shut the connection's socket at the deadline, so one slow read cannot outlast it.

    httpx's read timeout applies to each read; a server sending a byte just
    inside it every time would hold a fetch for ever without this.
    """
    stream = getattr(response, "extensions", {}).get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None

    def cut() -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except (OSError, AttributeError):
            pass

    timer = threading.Timer(max(0.0, deadline - time.monotonic()), cut)
    timer.daemon = True
    if sock is not None:
        timer.start()
    return timer


def _pinned(url: str, origin: str, check: bool,
            timeout: float | None = None) -> tuple[str, dict[str, str], dict[str, str]]:
    """The URL to request, its headers and httpcore extensions.

    For a checked link, the request goes to the address ``netguard`` approved
    (Host header and TLS server name keep the real name), so a second DNS
    answer cannot send it elsewhere.
    """
    if not check:
        return url, {}, {}
    import httpx

    try:
        resolved = resolve_public(url, timeout)
    except AddressRefused as exc:
        raise InputError(origin, exc.reason if url == origin else f"redirect to {url}: {exc.reason}") from exc
    parsed = httpx.URL(url)
    return (str(parsed.copy_with(host=resolved.address, fragment=None)),
            {"Host": parsed.netloc.decode("ascii")}, {"sni_hostname": resolved.host})


def _read_body(response: object, url: str, settings: Settings, deadline: float) -> bytes:
    """Raw bytes as they arrive, decompressed in bounded steps; both counts held to ``max_bytes``."""
    limit = settings.max_bytes
    declared = response.headers.get("content-length")  # type: ignore[attr-defined]
    if declared and declared.strip().isdigit() and int(declared) > limit:
        raise InputError(url, _too_big(int(declared), limit))
    decoder = _Decoder(response.headers.get("content-encoding", ""), url)  # type: ignore[attr-defined]
    body = bytearray()
    raw = 0
    for chunk in response.iter_raw():  # type: ignore[attr-defined]
        raw += len(chunk)
        if raw > limit:
            raise InputError(url, _too_big(raw, limit))
        body.extend(decoder.feed(chunk, limit - len(body)))
        if len(body) > limit:
            raise InputError(url, _too_big(len(body), limit) + " once decompressed")
        if time.monotonic() > deadline:
            raise InputError(url, _late(settings))
    if time.monotonic() > deadline:  # the watchdog ended the body early: it is not the whole body
        raise InputError(url, _late(settings))
    body.extend(decoder.flush(limit - len(body)))
    if len(body) > limit:
        raise InputError(url, _too_big(len(body), limit) + " once decompressed")
    return bytes(body)


class _Decoder:
    """Content-Encoding gzip/deflate/identity, never producing more than asked for per step."""

    def __init__(self, encoding: str, url: str) -> None:
        names = [e.strip().lower() for e in encoding.split(",") if e.strip() and e.strip().lower() != "identity"]
        if len(names) > 1:
            raise InputError(url, f"stacked content encodings ({encoding}) are not supported")
        self.name = names[0] if names else ""
        if self.name not in ("", "gzip", "x-gzip", "deflate"):
            raise InputError(url, f"unsupported content encoding {self.name!r}")
        self.url = url
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 16) if self.name in ("gzip", "x-gzip") else None
        self._deflate_started = False

    def feed(self, chunk: bytes, room: int) -> bytes:
        """Decompress ``chunk``; at most ``room + 1`` bytes, so the caller sees when the limit is passed."""
        if not self.name:
            return chunk
        if self.name == "deflate" and not self._deflate_started:
            self._deflate_started = True  # zlib-wrapped per the RFC; raw deflate from some servers
            self._z = zlib.decompressobj(zlib.MAX_WBITS if chunk[:1] == b"\x78" else -zlib.MAX_WBITS)
        assert self._z is not None
        try:
            return self._z.decompress(chunk, max(room, 0) + 1)
        except zlib.error as exc:
            raise InputError(self.url, f"corrupt {self.name} body ({exc})") from exc

    def flush(self, room: int) -> bytes:
        if self._z is None:
            return b""
        try:
            return self._z.decompress(self._z.unconsumed_tail, max(room, 0) + 1) if self._z.unconsumed_tail \
                else self._z.flush()
        except zlib.error as exc:
            raise InputError(self.url, f"corrupt {self.name} body ({exc})") from exc


def _normalise(url: str) -> str:
    """Same URL, same key: scheme and host lower-cased, fragment dropped, empty path as '/'."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _too_big(size: int, limit: int) -> str:
    return f"larger than the {limit // 1024} KB limit ({size // 1024}+ KB); raise it with --max-bytes"


def _late(settings: Settings) -> str:
    return f"took longer than the {settings.fetch_timeout:g} s limit for one fetch"
