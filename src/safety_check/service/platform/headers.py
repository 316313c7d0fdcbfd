"""Security and privacy headers on every response, errors and unknown routes included.

This is an app-level `before_send` hook rather than per-route headers because route-level
settings never see the router's own 404 and 405 answers.

Framing: `frame-ancestors 'none'` and `X-Frame-Options: DENY` everywhere, unless the operator
lists origins in SAFETY_CHECK_FRAME_ANCESTORS; then the pages of the check itself (the form,
the way back with saved answers, its help pages and a student's join pages) may be framed by
exactly those origins. The API, the reference and the teachers' pages are never framed. One
list for the server, not per partner: README "Embedding" says why.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

from safety_check.service.platform.lifecycle import add_retirement_headers


def content_security_policy(frame_ancestors: str = "'none'") -> str:
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        f"frame-ancestors {frame_ancestors}; form-action 'self'"
    )


CONTENT_SECURITY_POLICY = content_security_policy()

SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "x-frame-options": "DENY",
}

EMBEDDABLE_PAGES = frozenset({"/", "/check", "/restore", "/help", "/cover-your-tracks", "/join"})


def embeddable(path: str) -> bool:
    """A page of the check a partner may frame (never the API or a teacher's page)."""
    return path in EMBEDDABLE_PAGES or path.startswith("/join/")


SendHook = Callable[[Message, Scope], Awaitable[None]]


def security_headers(frame_ancestors: Iterable[str] = ()) -> SendHook:
    """The hook for an app whose operator allows these origins to frame the check."""
    allowed = tuple(frame_ancestors)
    framed = {
        **{name: value for name, value in SECURITY_HEADERS.items() if name != "x-frame-options"},
        "content-security-policy": content_security_policy(" ".join(allowed)),
    }

    async def add_security_headers(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        headers = MutableScopeHeaders.from_message(message)
        chosen = framed if allowed and embeddable(scope["path"]) else SECURITY_HEADERS
        for name, value in chosen.items():
            headers[name] = value
        # Answers and plans must never be kept by a browser or a proxy; cacheable responses opt out.
        if "cache-control" not in headers:
            headers["cache-control"] = "no-store"
        add_retirement_headers(headers, scope)

    return add_security_headers


add_security_headers = security_headers()
