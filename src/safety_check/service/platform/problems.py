"""Every error as RFC 9457 problem details (`application/problem+json`), and no error is a 500
unless something really broke, in which case it is logged (without the request) and answered
with a generic body.

Logs name a route by its template (`/api/v1/cohorts/{code}/responses`), never by the path,
which can hold a join code or class id; nothing here reads `request.url`, which fails (and would
turn any error into a bare 500) on a hostile Host header.
"""

from __future__ import annotations

import logging
import sqlite3
import time
import traceback
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

import msgspec
import psycopg
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.response import Template
from litestar.types import Scope, Send
from psycopg_pool import PoolTimeout

from safety_check.answers import AnswersInvalid
from safety_check.service.platform.limits import TooManyAttempts
from safety_check.service.platform.problem_types import (
    INVALID_ANSWERS,
    INVALID_BODY,
    TOO_MANY_REQUESTS,
    UNAVAILABLE,
)
from safety_check.service.platform.template_i18n import (
    Text,
    language_context,
    pgettext,
    request_language,
    scope_language,
    translate,
)

PROBLEM_JSON = "application/problem+json"
# Statuses that mean one thing wherever they are answered get their described type.
STATUS_TYPES = {429: TOO_MANY_REQUESTS.uri, 503: UNAVAILABLE.uri}

logger = logging.getLogger("safety_check.errors")


class ProblemError(msgspec.Struct, frozen=True, kw_only=True):
    """One problem with a request: where it is (a JSON pointer) and what is wrong."""

    pointer: str
    code: str
    detail: str
    question: str | None = None


class Problem(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str | None = None
    errors: tuple[ProblemError, ...] = ()


def problem_spec(description: str) -> ResponseSpec:
    # No generated examples: they were random strings, and drawing them needed a private
    # Litestar import to make the committed document repeatable.
    return ResponseSpec(
        data_container=Problem,
        description=description,
        media_type=PROBLEM_JSON,
        generate_examples=False,
    )


COMMON_ERRORS = {
    429: problem_spec("Too many requests; see the RateLimit-* and Retry-After headers."),
}


def _pointer_token(text: str) -> str:
    return text.replace("~", "~0").replace("/", "~1")


def problem_response(
    status: int,
    detail: str | None = None,
    *,
    type_: str | None = None,
    errors: tuple[ProblemError, ...] = (),
    headers: dict[str, str] | None = None,
) -> Response[bytes]:
    phrase = HTTPStatus(status).phrase
    problem = Problem(
        type=type_ or STATUS_TYPES.get(status, "about:blank"),
        title=phrase,
        status=status,
        detail=detail,
        errors=errors,
    )
    return Response(
        content=msgspec.json.encode(problem),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def answers_invalid_handler(_: Request[Any, Any, Any], error: AnswersInvalid) -> Response[bytes]:
    errors = tuple(
        ProblemError(
            pointer="/answers/" + _pointer_token(problem.question)
            if problem.question
            else "/answers",
            code=problem.code,
            detail=problem.message,
            question=problem.question,
        )
        for problem in error.problems
    )
    return problem_response(
        422,
        f"{len(errors)} answer(s) do not fit the questionnaire.",
        type_=INVALID_ANSWERS.uri,
        errors=errors,
    )


def _validation_errors(error: ValidationException) -> tuple[ProblemError, ...]:
    extra = error.extra if isinstance(error.extra, list) else []
    errors = []
    for item in extra:
        if not isinstance(item, dict):
            continue
        pointer = item.get("pointer")
        if pointer is None:
            # msgspec paths look like "answers[...]" (a map value) or "answers[...][0]".
            key = str(item.get("key") or "").split("[", 1)[0]
            pointer = (
                "/" + "/".join(_pointer_token(part) for part in key.split(".") if part)
                if key
                else ""
            )
        errors.append(
            ProblemError(pointer=str(pointer), code="invalid", detail=str(item.get("message", "")))
        )
    return tuple(errors)


HTML_MESSAGES = {
    403: (
        pgettext("page:error", "This page can't be used like that"),
        pgettext("page:error", "Please go back to the check and try again."),
    ),
    404: (
        pgettext("page:error", "Page not found"),
        pgettext("page:error", "There's nothing at this address."),
    ),
    405: (
        pgettext("page:error", "Page not found"),
        pgettext("page:error", "There's nothing at this address."),
    ),
    413: (
        pgettext("page:error", "Too much was sent"),
        pgettext("page:error", "Please go back and try again."),
    ),
    415: (
        pgettext("page:error", "Something went wrong"),
        pgettext("page:error", "Please go back to the check and try again."),
    ),
    503: (
        pgettext("page:error", "Please try again in a moment"),
        pgettext(
            "page:error",
            "Something this site needs is not answering. Please try again in a minute.",
        ),
    ),
    429: (
        pgettext("page:error", "Please wait a moment"),
        pgettext("page:error", "There were too many requests from here. Try again in a minute."),
    ),
}
OTHER_ERROR = (
    pgettext("page:error", "Something went wrong"),
    pgettext("page:error", "Please try again in a moment."),
)


def scope_wants_html(scope: Scope) -> bool:
    """Pages for people get HTML errors; the API (and anything not asking for HTML) gets JSON."""
    if scope["path"].startswith("/api/"):
        return False
    accept = b"".join(value for name, value in scope.get("headers", ()) if name == b"accept")
    return b"text/html" in accept


def wants_html(request: Request[Any, Any, Any]) -> bool:
    return scope_wants_html(request.scope)


def route_name(scope: Scope) -> str:
    """The route's template for logs: a path could hold a join code or a class id."""
    return str(scope.get("path_template") or "(no route)")


def error_page(scope: Scope, status: int) -> bytes:
    """The HTML error page, rendered outside a handler (for middleware answers)."""
    title, message = HTML_MESSAGES.get(status, OTHER_ERROR)
    app = scope["app"]
    assert app.template_engine is not None
    template = app.template_engine.get_template("error.html")
    query = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [None])[0]
    page = template.render(
        title=title,
        message=message,
        exit_url=app.state.settings.exit_url,
        **language_context(scope, scope_language(scope, query)),
    )
    return str(page).encode()


def html_error(
    request: Request[Any, Any, Any],
    status: int,
    headers: dict[str, str] | None = None,
    message: Text | str | None = None,
) -> Response[Any]:
    title, usual = HTML_MESSAGES.get(status, OTHER_ERROR)
    context = {
        "title": title,
        "message": message or usual,
        "exit_url": request.app.state.settings.exit_url,
        **language_context(request.scope, request_language(request)),
    }
    return Template(
        template_name="error.html",
        context=context,
        status_code=status,
        media_type="text/html",
        headers=headers,
    )


class ClientGone(HTTPException):
    """The client closed the connection before sending the whole body: nobody to answer."""

    status_code = 400


async def send_error(
    scope: Scope,
    send: Send,
    status: int,
    detail: str | None = None,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """An error answered from middleware, as an HTML page or problem details like any other."""
    if scope_wants_html(scope):
        body, media_type = error_page(scope, status), "text/html; charset=utf-8"
    else:
        problem = Problem(
            type=STATUS_TYPES.get(status, "about:blank"),
            title=HTTPStatus(status).phrase,
            status=status,
            detail=detail,
        )
        body, media_type = msgspec.json.encode(problem), PROBLEM_JSON
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", media_type.encode()),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


def http_exception_handler(request: Request[Any, Any, Any], error: HTTPException) -> Response[Any]:
    status = error.status_code
    if isinstance(error, ClientGone):
        logger.info("client went away during %s %s", request.method, route_name(request.scope))
    elif status >= 500:
        logger.error("%s %s answered %s", request.method, route_name(request.scope), status)
    if wants_html(request):
        return html_error(request, status, error.headers)
    if status >= 500:
        return problem_response(status)
    detail = error.detail if error.detail and error.detail != HTTPStatus(status).phrase else None
    errors: tuple[ProblemError, ...] = ()
    type_ = None
    if isinstance(error, ValidationException):
        errors = _validation_errors(error)
        sources = (
            {item.get("source") for item in error.extra if isinstance(item, dict)}
            if isinstance(error.extra, list)
            else set()
        )
        if sources and "body" not in sources:
            detail = "Part of the request (a header or query parameter) is not valid."
        else:
            type_ = INVALID_BODY.uri
            if not detail or detail.startswith("Validation failed"):
                detail = "The request body is not valid JSON of the expected shape."
    return problem_response(status, detail, type_=type_, errors=errors, headers=error.headers)


TRACEBACK_EVERY_SECONDS = 600
_last_traceback: dict[tuple[str, str], float] = {}


def _frames(error: BaseException) -> str:
    """Where an error happened, frame by frame, without its message (which may quote input)."""
    frames = traceback.extract_tb(error.__traceback__)
    return "\n".join(f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames)


def internal_error_handler(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    # The request body, query and headers may hold answers or keys, and so may the exception's
    # message: log the type, the route's template and the frames. A client that can trigger the
    # error could repeat it to fill the disk, so full frames are logged once per ten minutes
    # for each kind of error on each route, and one line otherwise.
    route = route_name(request.scope)
    where = (type(error).__name__, route)
    now = time.monotonic()
    if now - _last_traceback.get(where, -TRACEBACK_EVERY_SECONDS) >= TRACEBACK_EVERY_SECONDS:
        _last_traceback[where] = now
        logger.error("unhandled %s on %s %s\n%s", where[0], request.method, route, _frames(error))
    else:
        logger.error("unhandled %s on %s %s (again)", where[0], request.method, route)
    return html_error(request, 500) if wants_html(request) else problem_response(500)


def too_many_handler(request: Request[Any, Any, Any], error: TooManyAttempts) -> Response[Any]:
    headers = {"Retry-After": str(error.retry_after)}
    if wants_html(request):
        # The limit's own words: a student past the wrong-code limit waits seconds, not a minute.
        return html_error(request, 429, headers, message=error.message)
    return http_exception_handler(
        request,
        HTTPException(
            status_code=429,
            detail=translate(request_language(request), error.message),
            headers=headers,
        ),
    )


RETRY_AFTER_UNAVAILABLE = 5
_last_unavailable: dict[str, float] = {}


def _unavailable_cause(error: Exception) -> str | None:
    """The name of what is down, if `error` means the database is not answering (rather than
    a fault in this code, which stays a 500)."""
    if isinstance(error, psycopg.OperationalError | PoolTimeout):
        return type(error).__name__
    if isinstance(error, sqlite3.OperationalError):
        message = str(error).lower()
        if any(word in message for word in ("full", "locked", "disk i/o", "unable to open")):
            return "sqlite: " + message.split(":")[0][:40]
    return None


def unavailable_handler(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    cause = _unavailable_cause(error)
    if cause is None:
        return internal_error_handler(request, error)
    now = time.monotonic()
    if now - _last_unavailable.get(cause, -60.0) >= 60:
        _last_unavailable[cause] = now
        logger.warning(
            "database unavailable (%s) on %s %s: answering 503 with Retry-After",
            cause,
            request.method,
            route_name(request.scope),
        )
    headers = {"Retry-After": str(RETRY_AFTER_UNAVAILABLE)}
    if wants_html(request):
        return html_error(request, 503, headers)
    return problem_response(
        503,
        "The database is not answering. Try again after Retry-After seconds, with the same "
        "Idempotency-Key where the operation takes one, so nothing is counted twice.",
        headers=headers,
    )


EXCEPTION_HANDLERS: dict[Any, Any] = {
    psycopg.OperationalError: unavailable_handler,
    PoolTimeout: unavailable_handler,
    sqlite3.OperationalError: unavailable_handler,
    AnswersInvalid: answers_invalid_handler,
    TooManyAttempts: too_many_handler,
    HTTPException: http_exception_handler,
    Exception: internal_error_handler,
}

__all__ = [
    "COMMON_ERRORS",
    "EXCEPTION_HANDLERS",
    "PROBLEM_JSON",
    "ClientGone",
    "Problem",
    "ProblemError",
    "problem_response",
    "problem_spec",
    "send_error",
]
