"""Server-side HTTP fetching for the web app: every URL is checked, conditional GET for feed polls.

``newsfuse brief URL`` fetches what its own user typed on their own machine;
the web app fetches what anyone who reaches the page typed, so every URL, the
first one included, is held to ``ingest.netguard``'s public-address rule
(unless ``--allow-private``), on every redirect hop, and the request goes to
the very address that was checked (``ingest.fetch._pinned``: Host header and
TLS name keep the real name), so a second DNS answer cannot steer it inside
(DNS rebinding). Body limits, decompression in bounded steps and the overall
deadline are ``ingest.fetch``'s. What this adds is conditional GET
(ETag / Last-Modified) so a feed poll can cost a 304.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..config import Settings
from ..errors import InputError
from ..ingest.fetch import MAX_REDIRECTS, _pinned, _read_body, _watchdog
from ..ingest.netguard import AddressRefused, resolve_public

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


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
        resolve_public(url, 10.0)
    except AddressRefused as exc:
        raise InputError(url, exc.reason) from exc


def guarded_get(url: str, settings: Settings, allow_private: bool = False, etag: str | None = None,
                last_modified: str | None = None) -> Response:
    """GET ``url`` within ``settings`` time and size limits; a 304 comes back with an empty body."""
    import httpx

    deadline = time.monotonic() + settings.fetch_timeout
    current = url
    try:
        with httpx.Client(follow_redirects=False, trust_env=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                check_url(current, allow_private=True)  # scheme and host; the address is checked by _pinned
                target, headers, extensions = _pinned(current, url, not allow_private, deadline - time.monotonic())
                headers.update({"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"})
                if etag:
                    headers["If-None-Match"] = etag
                if last_modified:
                    headers["If-Modified-Since"] = last_modified
                request = client.build_request("GET", target, headers=headers, extensions=extensions,
                                               timeout=httpx.Timeout(max(0.01, deadline - time.monotonic())))
                response = client.send(request, stream=True)
                watchdog = _watchdog(response, deadline)
                try:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECTS and location:
                        current = urljoin(current, location.strip())
                        continue
                    return _response(current, response, url, settings, deadline)
                finally:
                    watchdog.cancel()
                    response.close()
    except httpx.TimeoutException as exc:
        raise InputError(url, f"took longer than the {settings.fetch_timeout:g} s limit") from exc
    except httpx.HTTPError as exc:
        raise InputError(url, f"could not fetch ({exc.__class__.__name__})") from exc
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")


def _response(current: str, response: object, url: str, settings: Settings, deadline: float) -> Response:
    headers = response.headers  # type: ignore[attr-defined]
    status = response.status_code  # type: ignore[attr-defined]
    ctype = headers.get("content-type", "").split(";")[0].strip().lower()
    meta = (headers.get("etag"), headers.get("last-modified"))
    if status == 304:
        return Response(current, 304, b"", ctype, *meta)
    if status >= 400:
        raise InputError(url, f"HTTP {status} when fetching")
    return Response(current, status, _read_body(response, url, settings, deadline), ctype, *meta)
