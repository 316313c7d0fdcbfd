"""The problem types this service answers with, each described on its own page.

A problem's `type` (RFC 9457) is a path on this service, `/api/v1/problems/<name>`, so a
developer who meets one can open it; it is relative, so it resolves against whatever address the
service is reached at.
"""

from __future__ import annotations

import html

import msgspec
from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

PROBLEMS_PATH = "/api/v1/problems/"


class ProblemType(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    title: str
    status: int
    meaning: str
    next_attempt: str

    @property
    def uri(self) -> str:
        return PROBLEMS_PATH + self.name


INVALID_ANSWERS = ProblemType(
    name="invalid-answers",
    title="The answers do not fit the questionnaire",
    status=422,
    meaning="The body was JSON of the right shape, but some answers are not in the "
    "questionnaire: an unknown question id, an unknown option, a list for a single-choice "
    "question (or the reverse), or an answer to a question that is not asked with the other "
    "answers. Every problem is listed in `errors`, each with a JSON pointer to its answer, the "
    "question id and a code (`unknown_question`, `unknown_option`, `expected_single`, "
    "`expected_multi`, `duplicate_option`, `wrong_type`, `not_applicable`).",
    next_attempt="Fix each listed answer. An unknown option's message lists the valid "
    "options. GET /api/v1/questionnaire has every question and option id, and "
    "POST /api/v1/questionnaire/next says which questions apply to the answers so far.",
)
INVALID_BODY = ProblemType(
    name="invalid-body",
    title="The body is not JSON of the expected shape",
    status=400,
    meaning="The body is not JSON, repeats a key, is nested too deeply, or has a field of the "
    "wrong type. `errors[0].pointer` says where.",
    next_attempt='Answers go inside an "answers" object: '
    '{"answers": {"profile.age_band": "13_15"}}. Send each key once.',
)
TOO_MANY_REQUESTS = ProblemType(
    name="too-many-requests",
    title="Too many requests",
    status=429,
    meaning="A rate or guessing limit was reached. The RateLimit-* headers say which limit "
    "and how much of it is left.",
    next_attempt="Wait the number of seconds in Retry-After. Partners can ask for a key "
    "(X-API-Key) with a higher limit.",
)
UNAVAILABLE = ProblemType(
    name="unavailable",
    title="A service this depends on is not answering",
    status=503,
    meaning="The database (or another service this needs) did not answer in time. Nothing "
    "was stored and nothing was acknowledged.",
    next_attempt="Wait the number of seconds in Retry-After and send the same request again "
    "(with the same Idempotency-Key, where the operation takes one).",
)
PROBLEM_TYPES = {
    problem.name: problem
    for problem in (INVALID_ANSWERS, INVALID_BODY, TOO_MANY_REQUESTS, UNAVAILABLE)
}


def _page(problem: ProblemType) -> str:
    text = {
        key: html.escape(value)
        for key, value in msgspec.structs.asdict(problem).items()
        if isinstance(value, str)
    }
    return (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text['title']} – Safety Check API</title></head><body><main>"
        f"<h1>{text['title']}</h1><p>HTTP status {problem.status}. "
        f"Problem type <code>{html.escape(problem.uri)}</code>.</p>"
        f"<h2>What it means</h2><p>{text['meaning']}</p>"
        f"<h2>What to do next</h2><p>{text['next_attempt']}</p>"
        '<p><a href="/api/v1/reference">The API reference</a></p></main></body></html>'
    )


@get(PROBLEMS_PATH + "{name:str}", include_in_schema=False, sync_to_thread=False)
def problem_type_page(name: FromPath[str]) -> Response[str]:
    """A page describing one problem type (the target of a problem's `type`)."""
    problem = PROBLEM_TYPES.get(name)
    if problem is None:
        raise NotFoundException()
    return Response(
        content=_page(problem),
        media_type="text/html",
        headers={"Cache-Control": "public, max-age=3600"},
    )
