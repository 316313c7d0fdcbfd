"""Students joining a class check: /join, then the usual three steps with the class named.

Before the first question, students are told that their school sees only class totals. The
response is stored only when the full plan is made, and only after the commit is the plan shown.
"""

from __future__ import annotations

import logging
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from safety_check.models import AREA_TITLES, Answers, Plan
from safety_check.schools.class_check import ClassCheck
from safety_check.schools.codes import display_join_code, normalise_join_code
from safety_check.schools.words import N_, say
from safety_check.service.classes.checks import ClassChecks, InjectedClassChecks
from safety_check.service.classes.language import page_language
from safety_check.service.individual.form import NOW, REVIEW, SAFETY, STARTED, RawAnswers
from safety_check.service.individual.journeys import InjectedJourneys
from safety_check.service.platform.core import CallerAddress
from safety_check.service.platform.limits import TooManyAttempts
from safety_check.service.platform.template_i18n import (
    chosen_language,
    language_context,
    request_language,
    set_language,
)
from safety_check.service.questionnaire_journey import (
    INDIVIDUAL,
    Flow,
    expired_page,
    first_page,
    next_page,
    page,
    read_form,
    same_page,
)

JOIN = "schools:join"
CODE_ERROR = N_(
    "schools:join", "Check the code and try again. It has 8 letters and numbers, like K7QM-RX4P."
)
NOT_OPEN = N_(
    "schools:join", "We couldn't find an open class check with that code. It may have closed."
)


logger = logging.getLogger("safety_check.join")


def _flow(
    checks: ClassChecks, class_check: ClassCheck, journey: str, once: str | None = None
) -> Flow:
    return Flow(
        form_action=f"/join/{display_join_code(class_check.join_code)}",
        cohort=class_check,  # the journey's own field name (service/questionnaire_journey.py)
        once=once or checks.new_form_token(class_check),
        journey=journey,
    )


async def _once_token(
    request: Request[Any, Any, Any], checks: ClassChecks, code: str | None
) -> str | None:
    """The form's token if it was signed for this join code, else None."""
    form = await request.form()
    token = str(form.get("_once", ""))
    return token if code and checks.form_token_is_valid(code, token) else None


def _not_stored(reason: str) -> Any:
    async def finish(answers: Answers, plan: Plan) -> str:
        return reason

    return finish


def _join_page(
    request: Request[Any, Any, Any],
    journey: str,
    code: str = "",
    error: str | None = None,
    status: int = 200,
) -> Template:
    errors = {"join-code": say(request_language(request), JOIN, error)} if error else {}
    template = page("join.html", request, code=code, errors=errors, journey=journey)
    template.status_code = status
    return template


SWITCHABLE_AT = frozenset({*STARTED, NOW, SAFETY, REVIEW, *AREA_TITLES})
"""The pages a class's language link can be pressed on (`SWITCHABLE`'s, by page id)."""
SWITCHABLE = {"questions.html": "answers-form", "review.html": None}
"""A class's pages that offer the language link, with the form it posts (the review page has
its own). The plan page does not: showing it again would send the class response again."""


def with_language_links(request: Request[Any, Any, Any], template: Template) -> Template:
    """The language link on a class's question and review pages, as on the individual check's:
    it posts the answers with `_lang`, and the page comes back in that language."""
    name = str(template.template_name)
    if name in SWITCHABLE:
        template.context.update(language_context(request.scope, request_language(request)))
        if SWITCHABLE[name]:
            template.context["language_form"] = SWITCHABLE[name]
    return template


class JoinController(Controller):
    path = "/join"
    include_in_schema = False

    @get("/", name="join")
    async def enter_code(
        self,
        request: Request[Any, Any, Any],
        class_checks: InjectedClassChecks,
        journeys: InjectedJourneys,
        caller_address: CallerAddress,
        code: FromQuery[str | None] = None,
    ) -> Template | Redirect:
        if code is None:
            return _join_page(request, journeys.start())
        if normalise_join_code(code) is None:
            return _join_page(request, journeys.start(), code, CODE_ERROR)
        class_check = await class_checks.find_open(caller_address, code)
        if class_check is None:
            return _join_page(request, journeys.start(), code, NOT_OPEN)
        target = f"/join/{display_join_code(class_check.join_code)}"
        asked = request.query_params.get("lang")
        if asked in request.app.state.settings.languages:
            target += f"?lang={asked}"  # the student's own pick, kept as they join
        return Redirect(target, status_code=303)

    @get("/{code:str}", name="join_class")
    async def start(
        self,
        request: Request[Any, Any, Any],
        code: FromPath[str],
        class_checks: InjectedClassChecks,
        journeys: InjectedJourneys,
        caller_address: CallerAddress,
    ) -> Template:
        class_check = await class_checks.find_open(caller_address, code)
        if class_check is None:
            return _join_page(request, journeys.start(), code, NOT_OPEN, status=404)
        raw: RawAnswers = class_check.with_age_band({})
        # The class's language, unless the student picked one with `?lang=`; the journey's
        # token carries it from page to page.
        language = page_language(request, class_check.language)
        set_language(request, language)
        flow = _flow(class_checks, class_check, journeys.start(language))
        return with_language_links(request, first_page(request, flow, raw))

    @post("/{code:str}", status_code=200)
    async def submit(
        self,
        request: Request[Any, Any, Any],
        code: FromPath[str],
        class_checks: InjectedClassChecks,
        journeys: InjectedJourneys,
        caller_address: CallerAddress,
    ) -> Template:
        step, raw = await read_form(request)
        chosen = chosen_language(step.language, request.app.state.settings)
        set_language(request, chosen or journeys.language_of(step.journey) or "en")
        # Like the individual check's pages: a page sent again after the exit, or long after,
        # or with a forged token, shows nothing of the journey it came from.
        journey = await journeys.accept(step.journey, chosen)
        if journey is None:
            return expired_page(request)
        canonical = normalise_join_code(code)
        once = await _once_token(request, class_checks, canonical)
        reason = "not_found"
        try:
            if once is not None:
                await class_checks.count_form_token(once)
                class_check = await class_checks.find_by_form(code)
            else:
                class_check = await class_checks.find_open(caller_address, code, open_only=False)
        except TooManyAttempts:
            class_check, reason = None, "busy"
        if class_check is None:
            # Unknown, deleted part-way through, or refused for now: the plan still comes
            # first, the form keeps coming back here so a later step can still be counted, and
            # the plan page says plainly that these answers were not added.
            flow = (
                Flow(
                    form_action=f"/join/{display_join_code(canonical)}", once=once, journey=journey
                )
                if canonical
                else msgspec.structs.replace(INDIVIDUAL, journey=journey)
            )
            return await next_page(request, step, raw, flow, finish=_not_stored(reason))

        async def store(answers: Answers, plan: Plan) -> str:
            try:
                return (await class_checks.submit(class_check, answers, once=once)).value
            except Exception:
                logger.exception("could not store a class response")
                return "error"

        flow = _flow(class_checks, class_check, journey, once)
        if chosen is not None and step.at in SWITCHABLE_AT:
            return with_language_links(request, await same_page(request, step, raw, flow))
        shown = await next_page(request, step, raw, flow, finish=store)
        return with_language_links(request, shown)


__all__ = ["JoinController", "Response"]
