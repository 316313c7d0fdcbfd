"""Who is calling, and how often: partner API keys, client addresses and rate limits.

Limits are a fixed one-minute window per identity: a valid partner key (`X-API-Key`) is its own
identity with a high limit; everyone else is identified by their address, with a limit high enough
for a whole class behind one school address (35 pupils × a few requests each) and low enough to
stop a flood. `X-Forwarded-For` is believed only when the connection comes from a configured
trusted proxy. Invalid keys are throttled per address, so keys cannot be guessed at speed.

Nothing here is logged or stored except per-key request counts per day.
"""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from litestar.enums import ScopeType

from safety_check.service.platform.limits import WINDOW_SECONDS, Decision
from safety_check.service.platform.problems import send_error

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Message, Receive, Scope, Send

    from safety_check.service.platform.core import Platform

BAD_KEY_LIMIT = 20
KEY_QUERY_NAMES = frozenset({"api_key", "apikey", "key", "x-api-key", "x_api_key", "token"})
UNLIMITED_PATHS = frozenset({"/api/v1/healthz", "/api/v1/readyz"})
CLASS_PATHS = re.compile(r"^/join/[^/]+/?$|^/api/v1/cohorts/[^/]+/responses/?$")
"""Students' class traffic: counted per join code and per form token (service/classes/checks.py),
not per address, because a whole year group shares one school address. A wrong code there is a
guess, and guesses are limited per address by the join-code guard instead. A partner's API key
sent with class traffic is still checked and counted like any other."""

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_address(scope: Scope, trusted: tuple[Network, ...]) -> str:
    """The caller's address: the peer, or the first untrusted hop of X-Forwarded-For."""
    client = scope.get("client")
    peer = client[0] if client else "unknown"
    if not trusted or not is_trusted(peer, trusted):
        return peer
    forwarded = _header(scope, b"x-forwarded-for")
    if not forwarded:
        return peer
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop, trusted):
            return hop
    return hops[0] if hops else peer


def is_trusted(address: str, trusted: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _key_in_query(scope: Scope) -> bool:
    query = scope.get("query_string", b"").decode("latin-1")
    return any(name.lower() in KEY_QUERY_NAMES for name, _ in parse_qsl(query, True))


async def _send_problem(
    scope: Scope, send: Send, status: int, detail: str, extra: list[tuple[bytes, bytes]]
) -> None:
    await send_error(scope, send, status, detail, extra)  # an HTML page for a person's browser


class AccessMiddleware:
    """ASGI middleware: API key check, rate limits and `RateLimit-*` headers."""

    def __init__(self, app: ASGIApp, platform: Platform) -> None:
        self.app = app
        self.platform = platform

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"]
        if (
            scope["type"] != ScopeType.HTTP
            or path in UNLIMITED_PATHS
            or path.startswith("/static/")
        ):
            await self.app(scope, receive, send)
            return
        access = self.platform.access
        presented = _header(scope, b"x-api-key")
        if presented is None and CLASS_PATHS.match(path):
            # No address limit here: the class-checks service counts this traffic per join code
            # and per form token, and limits guesses per address. A join link whose query a
            # mailer or learning platform rewrote still reaches the class.
            await self.app(scope, receive, send)
            return
        if _key_in_query(scope):
            detail = "Send API keys in the X-API-Key header, never in the URL."
            await _send_problem(scope, send, 400, detail, [])
            return
        address = client_address(scope, access.trusted)
        if presented is not None:
            key = await self.platform.find_api_key(presented)
            if key is None:
                decision = await access.limiter.hit(f"bad-key:{address}", BAD_KEY_LIMIT)
                status = 401 if decision.allowed else 429
                detail = "The API key is not valid."
                await _send_problem(scope, send, status, detail, decision.headers())
                return
            self.platform.count_key_use(key)
            decision = await access.limiter.hit(f"key:{key.id}", access.settings.key_rate_limit)
            scope.setdefault("state", {})["api_key"] = key
        else:
            decision = await access.limiter.hit(f"address:{address}", access.settings.rate_limit)
        if not decision.allowed:
            retry = [(b"retry-after", str(decision.reset).encode())]
            detail = "Too many requests from here. Please wait a minute and try again."
            await _send_problem(scope, send, 429, detail, decision.headers() + retry)
            return
        await self.app(scope, receive, _with_headers(send, decision.headers()))


def _with_headers(send: Send, extra: list[tuple[bytes, bytes]]) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), *extra]
        await send(message)

    return wrapped


__all__ = ["WINDOW_SECONDS", "AccessMiddleware", "Decision", "client_address"]
