"""HTTP(S) fetching: a timeout, a size limit and an honest user agent.

The only network code in newsfuse. Tests exercise it against a local server
on 127.0.0.1; nothing here runs unless the user passes a URL or a feed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Settings
from ..errors import InputError


@dataclass(frozen=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


def fetch(url: str, settings: Settings) -> Fetched:
    """GET ``url``; refuse bodies over ``settings.max_bytes`` without reading them whole."""
    import httpx

    headers = {"User-Agent": settings.user_agent}
    try:
        with httpx.stream(
            "GET", url, headers=headers, timeout=settings.fetch_timeout, follow_redirects=True
        ) as response:
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} when fetching")
            declared = int(response.headers.get("content-length") or 0)
            if declared > settings.max_bytes:
                raise InputError(url, _too_big(declared, settings.max_bytes))
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > settings.max_bytes:
                    raise InputError(url, _too_big(len(body), settings.max_bytes))
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(str(response.url), bytes(body), ctype)
    except httpx.TimeoutException as exc:
        raise InputError(url, f"timed out after {settings.fetch_timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise InputError(url, f"could not fetch ({exc.__class__.__name__}: {exc})") from exc


def _too_big(size: int, limit: int) -> str:
    return f"larger than the {limit // 1024} KB limit ({size // 1024}+ KB); raise it with --max-bytes"
