"""Server-side HTTP fetching for the web app: public addresses only, every redirect re-checked.

``newsfuse brief URL`` fetches what its own user typed on their own machine;
the web app fetches what anyone who reaches the page typed, so it must not be
a way into loopback, the LAN or a cloud metadata endpoint. Redirects are
followed by hand (at most ``MAX_REDIRECTS``) so each hop's host is resolved
and checked by ``ingest.netguard`` before connecting. Conditional GET
(ETag / Last-Modified) lets a feed poll cost a 304.

The check is made twice: on the URL before each hop (a clear reason for the
user), and again where the socket is opened (``PublicOnlyBackend``), which
connects to the very address it checked. So a DNS server that answers with a
public address first and a private one a moment later (DNS rebinding) still
cannot steer the connection inside; TLS keeps verifying the original name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..config import Settings
from ..errors import InputError
from ..ingest.netguard import BlockedAddress, check_public

MAX_REDIRECTS = 5


class PublicOnlyBackend(httpcore.SyncBackend):
    """httpcore's socket opener, resolving and checking the host itself and connecting to that address."""

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            addresses = check_public(host, port)
        except BlockedAddress as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        return super().connect_tcp(addresses[0], port, timeout, local_address, socket_options)


def _transport(allow_private: bool) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(trust_env=False)
    if not allow_private:
        # httpx does not take a network backend; its pool (httpcore.ConnectionPool) does.
        transport._pool._network_backend = PublicOnlyBackend()
    return transport


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None


def check_url(url: str, allow_private: bool) -> None:
    """Raise ``InputError`` unless ``url`` is http(s) to a public host (or private ones are allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(url, "only http:// and https:// URLs can be fetched")
    if not parts.hostname:
        raise InputError(url, "URL has no host")
    if parts.username or parts.password:
        raise InputError(url, "URLs with a user name or password are not fetched")
    if allow_private:
        return
    try:
        check_public(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except BlockedAddress as exc:
        raise InputError(url, str(exc)) from exc


def guarded_get(url: str, settings: Settings, allow_private: bool = False, etag: str | None = None,
                last_modified: str | None = None) -> Response:
    """GET ``url`` within ``settings`` time and size limits; 304 comes back with an empty body."""
    headers = {"User-Agent": settings.user_agent}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    try:
        with httpx.Client(follow_redirects=False, timeout=settings.fetch_timeout, trust_env=False,
                          transport=_transport(allow_private)) as client:
            for _ in range(MAX_REDIRECTS + 1):
                check_url(current, allow_private)
                with client.stream("GET", current, headers=headers) as response:
                    if response.status_code in (301, 302, 303, 307, 308) and response.headers.get("location"):
                        current = urljoin(current, response.headers["location"])
                        continue
                    return _read(current, response, settings)
    except httpx.TimeoutException as exc:
        raise InputError(url, f"timed out after {settings.fetch_timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise InputError(url, f"could not fetch ({exc.__class__.__name__})") from exc
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")


def _read(url: str, response: httpx.Response, settings: Settings) -> Response:
    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
    meta = (response.headers.get("etag"), response.headers.get("last-modified"))
    if response.status_code == 304:
        return Response(url, 304, b"", ctype, *meta)
    if response.status_code >= 400:
        raise InputError(url, f"HTTP {response.status_code} when fetching")
    declared = int(response.headers.get("content-length") or 0)
    if declared > settings.max_bytes:
        raise InputError(url, f"larger than the {settings.max_bytes // 1024} KB limit")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > settings.max_bytes:
            raise InputError(url, f"larger than the {settings.max_bytes // 1024} KB limit")
    return Response(url, response.status_code, bytes(body), ctype, *meta)
