"""Security of the web app: access token, CSRF, response headers, host check, request size.

Defaults follow what a local tool bound to 127.0.0.1 needs and what the same
tool bound to a LAN address must add:

* bound to loopback, no token; anywhere else a token is required (``Bearer``
  header, or ``?token=`` once, which sets an HttpOnly SameSite=Strict cookie);
* the Host header must name the bound address (or localhost) unless a token
  is in use: a DNS-rebinding page cannot talk to the loopback server;
* every POST carries a CSRF token equal to the CSRF cookie (double submit;
  the cookie is SameSite=Strict and HttpOnly, another origin can neither read
  nor send it);
* CSP without inline script: the app's JavaScript is one static file;
* request bodies over ``max_body`` are refused while being read.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import URL, Headers, QueryParams
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
#: Exported HTML briefings are self-contained files with an inline stylesheet; no script at all.
EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'"
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
           "Cross-Origin-Opener-Policy": "same-origin", "Cache-Control": "no-store"}
CSRF_COOKIE, TOKEN_COOKIE = "nf_csrf", "nf_token"


def is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Guard:
    host: str
    port: int
    token: str | None  # None: no token needed (loopback)
    max_body: int


def csrf_ok(cookie: str | None, submitted: str | None) -> bool:
    return bool(cookie and submitted and hmac.compare_digest(cookie, submitted))


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SecurityMiddleware:
    """Pure ASGI middleware (streams stay streams): checks requests, adds headers to every response."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app, self.guard = app, guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        denied = self._denied(scope, headers)
        if denied is not None:
            await denied(scope, receive, send)
            return
        cookies = _cookies(headers.get("cookie", ""))
        set_csrf = None if cookies.get(CSRF_COOKIE) else new_token()
        if set_csrf:
            scope.setdefault("state", {})["csrf"] = set_csrf
        else:
            scope.setdefault("state", {})["csrf"] = cookies[CSRF_COOKIE]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.lower() for k, _ in raw}
                if b"content-security-policy" not in present:
                    raw.append((b"content-security-policy", CSP.encode()))
                for k, v in HEADERS.items():
                    if k.lower().encode() not in present:
                        raw.append((k.lower().encode(), v.encode()))
                if set_csrf:
                    raw.append((b"set-cookie", f"{CSRF_COOKIE}={set_csrf}; Path=/; HttpOnly; SameSite=Strict".encode()))
                message["headers"] = raw
            await send(message)

        limited = _limit_body(receive, self.guard.max_body)
        try:
            await self.app(scope, limited, send_with_headers)
        except BodyTooLarge:
            await PlainTextResponse(f"request body over the {self.guard.max_body // (1024 * 1024)} MB limit",
                                    413)(scope, receive, send_with_headers)

    def _denied(self, scope: Scope, headers: Headers) -> Any:
        declared = headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.guard.max_body:
            return PlainTextResponse(f"request body over the {self.guard.max_body // (1024 * 1024)} MB limit", 413)
        token = self.guard.token
        if token is None:
            if not is_loopback(host_name(headers.get("host") or "")):
                return PlainTextResponse("unexpected Host header (this server answers on loopback only)", 421)
            return None
        url = URL(scope=scope)
        cookies = _cookies(headers.get("cookie", ""))
        bearer = headers.get("authorization", "")
        given = bearer[7:] if bearer.lower().startswith("bearer ") else cookies.get(TOKEN_COOKIE)
        if given and hmac.compare_digest(given, token):
            return None
        query_token = QueryParams(url.query).get("token")
        if scope["method"] == "GET" and query_token and hmac.compare_digest(query_token, token):
            clean = url.remove_query_params("token")
            response = RedirectResponse(str(clean.path) + (f"?{clean.query}" if clean.query else ""), 303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return response
        return PlainTextResponse("a token is required: open the link `newsfuse serve` printed", 401)


class BodyTooLarge(Exception):
    pass


def host_name(header: str) -> str:
    """The name part of a Host header: ``[::1]:8000`` -> ``::1``, ``localhost:8000`` -> ``localhost``."""
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _limit_body(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge
        return message

    return limited


def _cookies(header: str) -> dict[str, str]:
    out = {}
    for part in header.split(";"):
        name, eq, value = part.strip().partition("=")
        if eq:
            out[name] = value
    return out
