"""Every error as RFC 9457 problem details (`application/problem+json`), and no error is a 500
unless something really broke, in which case it is logged (without the request) and answered
with a generic body.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.response import Template

from safety_check.answers import AnswersInvalid

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://safety-check.example/problems/"

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
        type=type_ or "about:blank",
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
        type_=TYPE_BASE + "invalid-answers",
        errors=errors,
    )


def _validation_errors(error: ValidationException) -> tuple[ProblemError, ...]:
    extra = error.extra if isinstance(error.extra, list) else []
    errors = []
    for item in extra:
        if not isinstance(item, dict):
            continue
        # msgspec paths look like "answers[...]" (a map value) or "answers[...][0]".
        key = str(item.get("key") or "").split("[", 1)[0]
        pointer = (
            "/" + "/".join(_pointer_token(part) for part in key.split(".") if part) if key else ""
        )
        errors.append(
            ProblemError(pointer=pointer, code="invalid", detail=str(item.get("message", "")))
        )
    return tuple(errors)


HTML_MESSAGES = {
    403: ("This page can't be used like that", "Please go back to the check and try again."),
    404: ("Page not found", "There's nothing at this address."),
    405: ("Page not found", "There's nothing at this address."),
    413: ("Too much was sent", "Please go back and try again."),
    415: ("Something went wrong", "Please go back to the check and try again."),
    429: ("Please wait a moment", "There were too many requests from here. Try again in a minute."),
}


def wants_html(request: Request[Any, Any, Any]) -> bool:
    """Pages for people get HTML errors; the API (and anything not asking for HTML) gets JSON."""
    accept = request.headers.get("accept", "")
    return not request.url.path.startswith("/api/") and "text/html" in accept


def html_error(
    request: Request[Any, Any, Any], status: int, headers: dict[str, str] | None = None
) -> Response[Any]:
    title, message = HTML_MESSAGES.get(
        status, ("Something went wrong", "Please try again in a moment.")
    )
    context = {"title": title, "message": message, "exit_url": request.app.state.settings.exit_url}
    return Template(
        template_name="error.html",
        context=context,
        status_code=status,
        media_type="text/html",
        headers=headers,
    )


def http_exception_handler(request: Request[Any, Any, Any], error: HTTPException) -> Response[Any]:
    status = error.status_code
    if wants_html(request):
        if status >= 500:
            logger.error("%s %s answered %s", request.method, request.url.path, status)
        return html_error(request, status, error.headers)
    if status >= 500:
        logger.error("%s %s answered %s", request.method, request.url.path, status)
        return problem_response(status)
    detail = error.detail if error.detail and error.detail != HTTPStatus(status).phrase else None
    errors: tuple[ProblemError, ...] = ()
    if isinstance(error, ValidationException):
        errors = _validation_errors(error)
        sources = (
            {item.get("source") for item in error.extra if isinstance(item, dict)}
            if isinstance(error.extra, list)
            else set()
        )
        detail = (
            "Part of the request (a header or query parameter) is not valid."
            if sources and "body" not in sources
            else "The request body is not valid JSON of the expected shape."
        )
    return problem_response(status, detail, errors=errors, headers=error.headers)


def internal_error_handler(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    # The request body, query and headers may hold answers or keys: log only where it happened.
    logger.error(
        "unhandled %s on %s %s",
        type(error).__name__,
        request.method,
        request.url.path,
        exc_info=error,
    )
    return html_error(request, 500) if wants_html(request) else problem_response(500)


EXCEPTION_HANDLERS: dict[Any, Any] = {
    AnswersInvalid: answers_invalid_handler,
    HTTPException: http_exception_handler,
    Exception: internal_error_handler,
}

__all__ = [
    "EXCEPTION_HANDLERS",
    "PROBLEM_JSON",
    "Problem",
    "ProblemError",
    "problem_response",
]
