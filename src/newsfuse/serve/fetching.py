"""Server-side fetching for the web app: ``ingest.fetch`` with every URL checked.

``newsfuse brief URL`` fetches what its own user typed on their own machine;
the web app fetches what anyone who reaches the page typed, so every URL, the
first one included, is held to ``ingest.netguard``'s public-address rule
(unless ``--allow-private``), on every redirect hop, and the request goes to
the very address that was checked (Host header and TLS name keep the real
name), so a second DNS answer cannot steer it inside (DNS rebinding). Body
limits, decompression in bounded steps, the overall deadline and conditional
GET (ETag / Last-Modified, so a feed poll can cost a 304) are ``ingest.fetch``'s.
"""

from __future__ import annotations

from ..config import Settings
from ..ingest.fetch import Fetched, Guard, fetch


def guarded_get(url: str, settings: Settings, allow_private: bool = False, etag: str | None = None,
                last_modified: str | None = None) -> Fetched:
    """GET ``url`` within ``settings`` time and size limits; a 304 comes back with an empty body."""
    guard = Guard(check_first=True, allow_private=allow_private, proxies_from_env=False)
    return fetch(url, settings, guard=guard, etag=etag, last_modified=last_modified)
