"""The HTML form for individuals: about you → your questions → your plan.

Server-rendered and complete without JavaScript. Nothing is stored and no cookie is set: answers
travel in hidden fields and the plan is the response to the last POST, so no URL holds answers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Controller, MediaType, Request, get, post
from litestar.exceptions import HTTPException, PermissionDeniedException
from litestar.response import Template

from safety_check.models import AGE_BANDS, AREA_TITLES, UNDER_18, AgeBand, Answers, Plan, Question
from safety_check.plan import build_plan
from safety_check.resources import RESOURCES, contact_line, suits_age
from safety_check.service.form import (
    RawAnswers,
    answers_from_form,
    check,
    hidden_fields,
    questions_for_step,
)
from safety_check.storage.cohorts import Cohort
from safety_check.textplan import PLATFORM_NAMES, because_sentence

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
STEPS = ("about", "questions", "plan")


def same_origin(request: Request[Any, Any, Any]) -> None:
    """Refuse form posts that a browser says came from another site."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        raise PermissionDeniedException("This form can only be sent from this site.")
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if origin.split("://", 1)[-1] != host:
            raise PermissionDeniedException("This form can only be sent from this site.")


class Flow(msgspec.Struct, frozen=True, kw_only=True):
    """Where the form posts to, and the class check it belongs to, if any."""

    form_action: str = "/check"
    cohort: Cohort | None = None
    once: str | None = None
    """A class check's one-time submission token, so a reloaded plan is not counted twice."""


INDIVIDUAL = Flow()


def page(template: str, request: Request[Any, Any, Any], **context: Any) -> Template:
    return Template(
        template_name=template,
        context={
            "exit_url": request.app.state.settings.exit_url,
            "form_action": INDIVIDUAL.form_action,
            "cohort": None,
            "once": None,
            **context,
        },
        media_type=MediaType.HTML,
    )


def _grouped(questions: list[Question]) -> list[tuple[str, list[Question]]]:
    groups: dict[str, list[Question]] = {}
    for question in questions:
        title = AREA_TITLES.get(question.section, "About you")  # type: ignore[arg-type]
        groups.setdefault(title, []).append(question)
    return list(groups.items())


def _questions_page(
    request: Request[Any, Any, Any],
    step: str,
    raw: RawAnswers,
    errors: dict[str, str] | None = None,
    flow: Flow = INDIVIDUAL,
) -> Template:
    questions = questions_for_step(step, raw)
    return page(
        f"{step}.html",
        request,
        form_action=flow.form_action,
        once=flow.once,
        cohort=flow.cohort,
        step_number=STEPS.index(step) + 1,
        groups=_grouped(questions),
        answers=raw,
        errors=errors or {},
        hidden=hidden_fields(raw, except_for=[q.id for q in questions]),
    )


def _plan_page(
    request: Request[Any, Any, Any],
    answers: Answers,
    raw: RawAnswers,
    *,
    urgent_only: bool,
    flow: Flow = INDIVIDUAL,
    plan: Plan | None = None,
    class_outcome: str | None = None,
) -> Template:
    return page(
        "plan.html",
        request,
        form_action=flow.form_action,
        once=flow.once,
        cohort=flow.cohort,
        class_outcome=class_outcome,
        step_number=3,
        plan=plan or build_plan(answers),
        urgent_only=urgent_only,
        hidden=hidden_fields(raw),
        child=answers.age_band() in UNDER_18,
        platform_names=PLATFORM_NAMES,
        because_sentence=because_sentence,
        contact_line=contact_line,
    )


async def read_form(request: Request[Any, Any, Any]) -> tuple[str, RawAnswers]:
    """The step the person asked for and their answers so far, from a same-site form post."""
    same_origin(request)
    if request.content_type[0] != FORM_MEDIA_TYPE:
        raise HTTPException(status_code=415, detail="Send the form as a web form.")
    form = await request.form()
    fields = [(str(k), str(v)) for k, v in form.multi_items()]
    step = next((value for name, value in fields if name == "_step"), "about")
    return step, answers_from_form(fields)


FinishPlan = Callable[[Answers, Plan], Awaitable[str | None]]


async def next_page(
    request: Request[Any, Any, Any],
    step: str,
    raw: RawAnswers,
    flow: Flow = INDIVIDUAL,
    finish: FinishPlan | None = None,
) -> Template:
    """The page after `step`; `finish` runs once on the full plan (a class check stores it)."""
    if step == "change_about":
        return _questions_page(request, "about", raw, flow=flow)
    if step == "continue":
        return _questions_page(request, "questions", raw, flow=flow)
    answers, errors = check(raw)
    if answers is None:
        page_step = "about" if step == "about" else "questions"
        return _questions_page(request, page_step, raw, errors, flow=flow)
    urgent = "yes" in (
        answers.get("situation.threat_to_share"),
        answers.get("situation.image_shared"),
    )
    if step == "about" and urgent:
        return _plan_page(request, answers, raw, urgent_only=True, flow=flow)
    if step == "about":
        return _questions_page(request, "questions", raw, flow=flow)
    plan = build_plan(answers)
    outcome = await finish(answers, plan) if finish else None
    return _plan_page(
        request, answers, raw, urgent_only=False, flow=flow, plan=plan, class_outcome=outcome
    )


def first_page(request: Request[Any, Any, Any], flow: Flow, raw: RawAnswers) -> Template:
    return _questions_page(request, "about", raw, flow=flow)


class WebController(Controller):
    include_in_schema = False

    @get("/", name="start")
    async def start(self, request: Request[Any, Any, Any]) -> Template:
        return page("start.html", request)

    @get("/check", name="check")
    async def about_you(self, request: Request[Any, Any, Any]) -> Template:
        return _questions_page(request, "about", {})

    @post("/check", status_code=200)
    async def submit(self, request: Request[Any, Any, Any]) -> Template:
        step, raw = await read_form(request)
        return await next_page(request, step, raw)

    @get("/help", name="help")
    async def get_help(self, request: Request[Any, Any, Any]) -> Template:
        bands: list[tuple[str, AgeBand]] = [
            ("If you are under 18", "13_15"),
            ("If you are 18 or over", "18_plus"),
        ]
        sections = [
            (title, [r for r in RESOURCES.values() if suits_age(r, band)]) for title, band in bands
        ]
        return page(
            "help.html",
            request,
            sections=sections,
            contact_line=contact_line,
            age_bands=AGE_BANDS,
        )

    @get("/cover-your-tracks", name="cover_tracks")
    async def cover_tracks(self, request: Request[Any, Any, Any]) -> Template:
        return page("cover_tracks.html", request)
