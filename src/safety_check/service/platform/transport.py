"""HTTP details below the routes: HEAD for every GET route, a well-formed Host, and a deadline
for request bodies.

The server (see `server.py`) bounds how long a client may take over its headers; nothing in an
ASGI server bounds the body, so a `Content-Length` longer than what is sent would hold a request
open for ever. `BodyDeadline` answers 408 when the whole body has not arrived in time, and turns a
client that hangs up mid-body into `ClientGone` instead of a logged 500.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import TYPE_CHECKING, Any

from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.exceptions import HTTPException, NotFoundException

from safety_check.service.platform.problems import ClientGone, send_error

if TYPE_CHECKING:
    from litestar.handlers import BaseRouteHandler
    from litestar.types import ASGIApp, Message, Receive, ReceiveMessage, Scope, Send


class RequestTimeout(HTTPException):
    status_code = 408


class BodyDeadline:
    """Litestar middleware: the whole body within the read timeout (SAFETY_CHECK_READ_TIMEOUT)
    of the request reaching the app; at most 32 KiB, so ten seconds suit a phone on 2G."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        deadline = time.monotonic() + scope["app"].state.settings.read_timeout
        body_done = False

        async def receive_in_time() -> ReceiveMessage:
            nonlocal body_done
            if body_done:  # a response listening for the client leaving: no deadline then
                return await receive()
            try:
                async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                    message = await receive()
            except TimeoutError:
                raise RequestTimeout(
                    detail="The request body did not arrive in time.",
                    headers={"Connection": "close"},
                ) from None
            if message["type"] == "http.disconnect":
                raise ClientGone()
            body_done = not message.get("more_body", False)
            return message

        await self.app(scope, receive_in_time, send)


HOST = re.compile(
    rb"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?"
)


def _host_is_valid(scope: Scope) -> bool:
    hosts = [value for name, value in scope.get("headers", ()) if name == b"host"]
    return len(hosts) <= 1 and all(HOST.fullmatch(host) for host in hosts)


def before_routing(app: ASGIApp) -> ASGIApp:
    """Wraps Litestar's own handler, because its middleware runs after routing.

    HEAD is GET without the body (RFC 9110 §9.3.2), for every GET route and every page. A Host
    header that is not a host name or address (`a:b/`) is a 400 here: join links are built from
    it, and a URL built from it fails.
    """

    async def handle(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _headers_only(send)
        if not _host_is_valid(scope):
            await send_error(scope, send, 400, "The Host header is not a host name.")
            return
        await app(scope, receive, send)

    return handle


def _headers_only(send: Send) -> Send:
    async def send_headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return send_headers_only


STATIC_NAME = re.compile(
    r"/static/(?:[A-Za-z0-9][A-Za-z0-9._-]{0,80}/){0,3}[A-Za-z0-9][A-Za-z0-9._-]{0,80}"
)


def static_name_guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Only plain file names reach the file system: a NUL byte or a 5,000-character name would
    otherwise fail inside it (a 500) instead of being a 404."""
    if not STATIC_NAME.fullmatch(connection.scope["path"]):
        raise NotFoundException()
