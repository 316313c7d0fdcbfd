"""Counts every HTTP request for /metrics, by route template (see metrics.py). The class-check
service imports metrics.py, which stays free of the web framework; this wrapper is the part that
knows ASGI."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, cast

from safety_check.service.platform.metrics import LATENCY, LIMIT_HITS, METHODS, NO_ROUTE, REQUESTS

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Message, Receive, Scope, Send


def count_requests(app: ASGIApp) -> ASGIApp:
    """Wraps the routed app: one count and one latency observation per HTTP request."""

    async def counted(scope: Scope, receive: Receive, send: Send) -> None:
        if cast(str, scope["type"]) != "http":  # a plain str from the server
            await app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def noting_status(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
                _observe(scope, status[0], time.perf_counter() - started)
            await send(message)

        try:
            await app(scope, receive, noting_status)
        except BaseException:
            _observe(scope, 500, time.perf_counter() - started)
            raise

    return counted


def _observe(scope: Scope, status: int, seconds: float) -> None:
    route = str(scope.get("path_template") or NO_ROUTE)
    method = str(scope.get("method", ""))
    method = method if method in METHODS else "OTHER"
    REQUESTS.labels(method, route, str(status)).inc()
    LATENCY.labels(method, route).observe(seconds)
    if status == 429:
        LIMIT_HITS.labels(route).inc()
