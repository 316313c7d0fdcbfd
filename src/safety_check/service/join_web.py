"""Students joining a class check: /join, then the usual three steps with the class named.

Before the first question, students are told that their school sees only class totals. The
response is stored only when the full plan is made, and only after the commit is the plan shown.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.exceptions import HTTPException
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from safety_check.models import Answers, Plan
from safety_check.schools.codes import display_join_code, normalise_join_code
from safety_check.service import classes
from safety_check.service.form import RawAnswers
from safety_check.service.web import INDIVIDUAL, Flow, first_page, next_page, page, read_form
from safety_check.storage.cohorts import Cohort

CODE_ERROR = "Check the code and try again. It has 8 letters and numbers, like K7QM-RX4P."
NOT_OPEN = "We couldn't find an open class check with that code. It may have closed."


ONCE_PATTERN = re.compile(r"^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$")
logger = logging.getLogger("safety_check.join")


def _signature(secret: bytes, code: str, nonce: str) -> str:
    digest = hmac.new(secret, f"join-form\n{code}\n{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def new_once_token(secret: bytes, code: str) -> str:
    """A one-time form token, signed for this join code: it proves that its holder reached the
    class's page, so the later steps need no guessing check and are counted per token."""
    nonce = secrets.token_urlsafe(16)
    return f"{nonce}.{_signature(secret, code, nonce)}"


def once_token_is_valid(secret: bytes, code: str, token: str) -> bool:
    match = ONCE_PATTERN.match(token)
    return match is not None and hmac.compare_digest(
        match.group(2).encode(), _signature(secret, code, match.group(1)).encode()
    )


def _flow(request: Request[Any, Any, Any], cohort: Cohort, once: str | None = None) -> Flow:
    secret: bytes = request.app.state.session_secret
    return Flow(
        form_action=f"/join/{display_join_code(cohort.join_code)}",
        cohort=cohort,
        once=once or new_once_token(secret, cohort.join_code),
    )


async def _once_token(request: Request[Any, Any, Any], code: str | None) -> str | None:
    """The form's token if it was signed for this join code, else None."""
    form = await request.form()
    token = str(form.get("_once", ""))
    secret: bytes = request.app.state.session_secret
    return token if code and once_token_is_valid(secret, code, token) else None


def _not_stored(reason: str) -> Any:
    async def finish(answers: Answers, plan: Plan) -> str:
        return reason

    return finish


def _join_page(
    request: Request[Any, Any, Any], code: str = "", error: str | None = None, status: int = 200
) -> Template:
    template = page("join.html", request, code=code, errors={"join-code": error} if error else {})
    template.status_code = status
    return template


class JoinController(Controller):
    path = "/join"
    include_in_schema = False

    @get("/", name="join")
    async def enter_code(
        self, request: Request[Any, Any, Any], code: FromQuery[str | None] = None
    ) -> Template | Redirect:
        if code is None:
            return _join_page(request)
        if normalise_join_code(code) is None:
            return _join_page(request, code, CODE_ERROR)
        cohort = await classes.find_open(request, code)
        if cohort is None:
            return _join_page(request, code, NOT_OPEN)
        return Redirect(f"/join/{display_join_code(cohort.join_code)}", status_code=303)

    @get("/{code:str}", name="join_class")
    async def start(self, request: Request[Any, Any, Any], code: FromPath[str]) -> Template:
        cohort = await classes.find_open(request, code)
        if cohort is None:
            return _join_page(request, code, NOT_OPEN, status=404)
        raw: RawAnswers = {"profile.age_band": cohort.age_band} if cohort.age_band else {}
        return first_page(request, _flow(request, cohort), raw)

    @post("/{code:str}", status_code=200)
    async def submit(self, request: Request[Any, Any, Any], code: FromPath[str]) -> Template:
        step, raw = await read_form(request)
        canonical = normalise_join_code(code)
        once = await _once_token(request, canonical)
        reason = "not_found"
        try:
            if once is not None:
                await classes.count_form_token(request, once)
                cohort = await classes.find_by_form(request, code)
            else:
                cohort = await classes.find_open(request, code, open_only=False)
        except HTTPException as refused:
            if refused.status_code != 429:
                raise
            cohort, reason = None, "busy"
        if cohort is None:
            # Unknown, deleted part-way through, or refused for now: the plan still comes
            # first, the form keeps coming back here so a later step can still be counted, and
            # the plan page says plainly that these answers were not added.
            flow = (
                Flow(form_action=f"/join/{display_join_code(canonical)}", once=once)
                if canonical
                else INDIVIDUAL
            )
            return await next_page(request, step, raw, flow, finish=_not_stored(reason))
        database = request.app.state.database

        async def store(answers: Answers, plan: Plan) -> str:
            try:
                if once is None:
                    stored = await classes.submit(database, cohort, answers, plan)
                    return "stored" if stored else "closed"
                return await classes.submit_once(database, cohort, answers, plan, once)
            except Exception:
                logger.exception("could not store a class response")
                return "error"

        return await next_page(request, step, raw, _flow(request, cohort, once), finish=store)


__all__ = ["JoinController", "Response"]
