"""Students joining a class check: /join, then the usual three steps with the class named.

Before the first question, students are told that their school sees only class totals. The
response is stored only when the full plan is made, and only after the commit is the plan shown.
"""

from __future__ import annotations

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


ONCE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22}$")


def _flow(cohort: Cohort, once: str | None = None) -> Flow:
    return Flow(
        form_action=f"/join/{display_join_code(cohort.join_code)}",
        cohort=cohort,
        once=once or secrets.token_urlsafe(16),
    )


async def _once_token(request: Request[Any, Any, Any]) -> str | None:
    form = await request.form()
    token = str(form.get("_once", ""))
    return token if ONCE_PATTERN.match(token) else None


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
        return first_page(request, _flow(cohort), raw)

    @post("/{code:str}", status_code=200)
    async def submit(self, request: Request[Any, Any, Any], code: FromPath[str]) -> Template:
        step, raw = await read_form(request)
        try:
            cohort = await classes.find_open(request, code, open_only=False)
        except HTTPException:
            cohort = None  # too many wrong codes from this school: the plan still comes first
        if cohort is None:  # unknown, deleted part-way through, or throttled: not stored
            return await next_page(request, step, raw, INDIVIDUAL)
        database = request.app.state.database
        once = await _once_token(request)

        async def store(answers: Answers, plan: Plan) -> str:
            if once is None:
                stored = await classes.submit(database, cohort, answers, plan)
                return "stored" if stored else "closed"
            return await classes.submit_once(database, cohort, answers, plan, once)

        return await next_page(request, step, raw, _flow(cohort, once), finish=store)


__all__ = ["JoinController", "Response"]
