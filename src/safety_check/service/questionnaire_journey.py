"""The questionnaire journey both web features use: the individual check (`/check`) and a
class check's join pages (`/join/{code}`). Who it is for → about you → (safety questions →
urgent plan) → devices and apps → one page per area → check your answers → the plan.

Server-rendered and complete without JavaScript. Nothing is stored and no cookie is set: answers
travel in hidden fields and every page is the response to a POST, so no URL holds answers. With
JavaScript, `site.js` sends the same forms with fetch and keeps the whole journey in one history
entry per step of the same document, so Back never asks to resend a form and the quick exit
leaves no page of answers behind. Each feature's controller reads the form, checks its journey
token, and hands the move to `next_page` with its own `Flow`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import MediaType, Request
from litestar.exceptions import HTTPException, PermissionDeniedException
from litestar.response import Template

from safety_check.models import (
    AREA_TITLES,
    AREAS,
    HELPERS,
    Action,
    Answers,
    Plan,
    Question,
)
from safety_check.plan import build_plan
from safety_check.schools.class_check import ClassCheck
from safety_check.service.individual import evidence_log, report_texts
from safety_check.service.individual.form import (
    ABOUT,
    DEVICES,
    NOW,
    REVIEW,
    SAFETY,
    STARTED,
    WHO,
    RawAnswers,
    answers_from_form,
    areas_for,
    check,
    hidden_fields,
    is_urgent,
    page_of,
    questions_on,
    safety_questions,
)
from safety_check.service.individual.on_device import kept_off_device
from safety_check.service.individual.plan_view import plan_context
from safety_check.service.platform.template_i18n import (
    Text,
    language_context,
    pgettext,
    request_language,
)

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
URGENT = "urgent"
PLAN = "plan"


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
    cohort: ClassCheck | None = None
    once: str | None = None
    """A class check's one-time submission token, so a reloaded plan is not counted twice."""
    journey: str | None = None
    """The next page's form token (individual checks): spent when sent, retired by the exit."""


INDIVIDUAL = Flow()


class Move(msgspec.Struct, frozen=True, kw_only=True):
    """What the person pressed: `step` (the button), on page `at`, to page `go` (a change link
    on "check your answers"), coming back to `back_to` when done."""

    step: str = ABOUT
    at: str | None = None
    go: str | None = None
    back_to: str | None = None
    journey: str | None = None
    """The form token the page was sent with."""
    platform: str | None = None
    """An app picked from a list (for its report words)."""
    language: str | None = None
    """The language link pressed: show the same page, with the same answers, in it."""


def page(template: str, request: Request[Any, Any, Any], **context: Any) -> Template:
    return Template(
        template_name=template,
        context={
            **language_context(request.scope, request_language(request)),
            "language_form": None,
            "switch_at": None,
            "exit_url": request.app.state.settings.exit_url,
            "form_action": INDIVIDUAL.form_action,
            "cohort": None,
            "once": None,
            "journey": None,
            "page_title": None,
            "errors": {},
            **context,
        },
        media_type=MediaType.HTML,
    )


def flow_context(flow: Flow) -> dict[str, Any]:
    context: dict[str, Any] = {
        "form_action": flow.form_action,
        "once": flow.once,
        "cohort": flow.cohort,
        "journey": flow.journey,
    }
    if flow.cohort is not None:  # a class check's pages choose their language their own way
        context["language_links"] = []
    return context


def _progress(page_id: str, raw: RawAnswers, flow: Flow) -> Text | None:
    """Where the person is. Counted in two parts, so no total changes part-way: the pages
    before the areas are always the same (a class check skips who it is for), and the areas
    are known once devices and apps are."""
    started = STARTED[1:] if flow.cohort is not None else STARTED
    if page_id in started:
        number, total = str(started.index(page_id) + 1), str(len(started))
        return pgettext(
            "page:questions", "Step %(number)s of %(total)s", number=number, total=total
        )
    areas = areas_for(raw)
    if page_id in areas:
        number, total = str(areas.index(page_id) + 1), str(len(areas))
        return pgettext(
            "page:questions", "Topic %(number)s of %(total)s", number=number, total=total
        )
    return None


PAGE_HEADINGS = {
    WHO: pgettext("page:questions", "Before you start"),
    ABOUT: pgettext("page:questions", "About you"),
    DEVICES: pgettext("page:questions", "Your devices and apps"),
    NOW: pgettext("page:questions", "Let's find the right help"),
    SAFETY: pgettext("page:questions", "Before your next steps"),
    REVIEW: pgettext("page:review", "Check your answers"),
}
HELPER_HEADINGS = {
    ABOUT: pgettext("page:questions", "About them"),
    DEVICES: pgettext("page:questions", "Their devices and apps"),
}


def _heading(page_id: str, raw: RawAnswers | None = None) -> Text | str:
    if raw is not None and is_helping(raw) and page_id in HELPER_HEADINGS:
        return HELPER_HEADINGS[page_id]
    return PAGE_HEADINGS.get(page_id) or AREA_TITLES[page_id]  # type: ignore[index]


def questions_page(
    request: Request[Any, Any, Any],
    page_id: str,
    raw: RawAnswers,
    flow: Flow,
    errors: dict[str, Text] | None = None,
    back_to: str | None = None,
) -> Template:
    questions = questions_on(page_id, raw)
    progress = _progress(page_id, raw, flow)
    first = page_id in (WHO, NOW) or (page_id == ABOUT and flow.cohort is not None)
    shown_errors = {q.id: errors[q.id] for q in questions if errors and q.id in errors}
    return page(
        "questions.html",
        request,
        **flow_context(flow),
        page_id=page_id,
        heading=_heading(page_id, raw),
        progress=progress,
        page_title=progress or _heading(page_id, raw),
        questions=questions,
        answers=raw,
        errors=shown_errors,
        at=page_id,
        back_to=back_to,
        has_back=not first,
        language_form="answers-form" if flow.cohort is None else None,
        hidden=hidden_fields(raw, except_for=[q.id for q in questions]),
    )


def is_helping(raw: RawAnswers) -> bool:
    return raw.get("profile.for_whom") in HELPERS


def _review_rows(
    raw: RawAnswers,
) -> list[tuple[str, Text | str, list[tuple[Question, list[str]]]]]:
    rows = []
    helping = is_helping(raw)
    for page_id in [*STARTED, *areas_for(raw)]:
        questions = questions_on(page_id, raw)
        answered = []
        for question in questions:
            value = raw.get(question.id)
            chosen = [value] if isinstance(value, str) else list(value or [])
            labels = [
                (o.helper_label or o.label) if helping else o.label
                for o in question.options
                if o.id in chosen
            ]
            answered.append((question, labels))
        rows.append((page_id, _heading(page_id, raw), answered))
    return rows


def _review_page(request: Request[Any, Any, Any], raw: RawAnswers, flow: Flow) -> Template:
    return page(
        "review.html",
        request,
        **flow_context(flow),
        page_title=PAGE_HEADINGS[REVIEW],
        switch_at=REVIEW,
        rows=_review_rows(raw),
        helping=is_helping(raw),
        at=REVIEW,
        hidden=hidden_fields(raw),
    )


def plan_page(
    request: Request[Any, Any, Any],
    answers: Answers,
    raw: RawAnswers,
    *,
    urgent_only: bool,
    flow: Flow = INDIVIDUAL,
    plan: Plan | None = None,
    class_outcome: str | None = None,
    restored: Restored | None = None,
) -> Template:
    plan = plan or build_plan(answers)
    return page(
        "plan.html",
        request,
        **flow_context(flow),
        **plan_context(plan, urgent_only),
        ticks=flow.cohort is None and kept_off_device(raw) is None,
        evidence_log=flow.cohort is None and evidence_log.reader(raw) is not None,
        **_reports_context(raw, flow, plan, urgent_only),
        saving=flow.cohort is None and not urgent_only,
        kept_off=kept_off_device(raw),
        restored=restored,
        class_outcome=class_outcome,
        page_title=pgettext("page:plan", "Your next steps")
        if urgent_only
        else pgettext("page:plan", "Your plan"),
        switch_at=URGENT if urgent_only else PLAN,
        urgent_only=urgent_only,
        at=URGENT if urgent_only else PLAN,
        hidden=hidden_fields(raw),
    )


async def read_form(request: Request[Any, Any, Any]) -> tuple[Move, RawAnswers]:
    """What the person pressed and their answers so far, from a same-site form post."""
    same_origin(request)
    if request.content_type[0] != FORM_MEDIA_TYPE:
        raise HTTPException(status_code=415, detail="Send the form as a web form.")
    form = await request.form()
    fields = [(str(k), str(v)) for k, v in form.multi_items()]
    controls = {name: value for name, value in fields if name.startswith("_")}
    move = Move(
        step=controls.get("_step", ABOUT),
        at=controls.get("_at"),
        go=controls.get("_go"),
        back_to=controls.get("_return"),
        journey=controls.get("_journey"),
        platform=controls.get("_platform"),
        language=controls.get("_lang"),
    )
    return move, answers_from_form(fields)


FinishPlan = Callable[[Answers, Plan], Awaitable[str | None]]


def _sequence(raw: RawAnswers) -> list[str]:
    """Every page for this person, in order."""
    urgent = [SAFETY, URGENT] if is_urgent(raw) and safety_questions(raw) else []
    if is_urgent(raw) and not urgent:
        urgent = [URGENT]
    return [WHO, ABOUT, *urgent, DEVICES, *areas_for(raw), REVIEW]


def _previous(at: str | None, raw: RawAnswers) -> str:
    """The page before `at`, for each page's own Back button."""
    pages = _sequence(raw)
    at = ABOUT if at == NOW else at
    if at in pages and pages.index(at) > 0:
        return pages[pages.index(at) - 1]
    return ABOUT


def _after(at: str | None, raw: RawAnswers) -> str:
    """The page after `at` (the crisis page counts as "about you")."""
    pages = _sequence(raw)
    if at == NOW and not is_urgent(raw):
        return ABOUT  # nothing urgent after all: the rest of "about you", then the check
    at = ABOUT if at in (None, NOW) else at
    if at in pages:
        return pages[pages.index(at) + 1]
    if at in AREAS:  # an area that stopped applying: the next one that still does
        later = [area for area in areas_for(raw) if AREAS.index(area) > AREAS.index(at)]
        return later[0] if later else REVIEW
    return ABOUT


async def next_page(
    request: Request[Any, Any, Any],
    move: Move,
    raw: RawAnswers,
    flow: Flow = INDIVIDUAL,
    finish: FinishPlan | None = None,
) -> Template:
    """The page after `move`; `finish` runs once on the full plan (a class check stores it)."""
    if move.go is not None and (move.go in AREA_TITLES or move.go in STARTED):
        return questions_page(request, move.go, raw, flow, back_to=REVIEW)
    if move.step == NOW:
        return questions_page(request, NOW, {**raw, "profile.for_whom": "me"}, flow)
    if move.step == "back":
        return await show(request, _previous(move.at, raw), raw, flow)
    answers, errors = check(raw)
    submitted = move.at or (ABOUT if move.step == ABOUT else None)
    if submitted and any(q.id in errors for q in questions_on(submitted, raw)):
        return questions_page(request, submitted, raw, flow, errors, back_to=move.back_to)
    if move.step in ("questions", "plan"):
        if answers is None:
            first = page_of(next(iter(errors)), raw)
            return questions_page(request, first, raw, flow, errors)
        plan = build_plan(answers)
        outcome = await finish(answers, plan) if finish else None
        return plan_page(
            request, answers, raw, urgent_only=False, flow=flow, plan=plan, class_outcome=outcome
        )
    return await show(request, _target(move, raw), raw, flow)


async def same_page(
    request: Request[Any, Any, Any], move: Move, raw: RawAnswers, flow: Flow
) -> Template:
    """The page the language link was pressed on, again, with the answers given so far (none
    checked yet: an unfinished page is not wrong)."""
    if move.at == PLAN:
        return await next_page(request, Move(step=PLAN), raw, flow)
    if move.at in (URGENT, REVIEW):
        return await show(request, move.at, raw, flow)
    if move.at in (*STARTED, NOW, SAFETY, *AREA_TITLES):
        return questions_page(request, move.at, raw, flow, back_to=move.back_to)
    return questions_page(request, WHO, raw, flow)


def _target(move: Move, raw: RawAnswers) -> str:
    if move.step == "change_about":
        return ABOUT
    if move.step in (REVIEW, "continue_to_review") or move.back_to == REVIEW:
        return REVIEW
    if move.at is None and move.step != ABOUT:
        return ABOUT
    return _after(move.at, raw)


async def show(
    request: Request[Any, Any, Any], target: str, raw: RawAnswers, flow: Flow
) -> Template:
    if target == REVIEW:
        return _review_page(request, raw, flow)
    if target == URGENT:
        answers, errors = check(raw)
        if answers is None:
            return questions_page(request, page_of(next(iter(errors)), raw), raw, flow, errors)
        return plan_page(request, answers, raw, urgent_only=True, flow=flow)
    return questions_page(request, target, raw, flow)


class Restored(msgspec.Struct, frozen=True, kw_only=True):
    """Saved answers brought back: which steps changed since they were saved."""

    changed: frozenset[str]
    known: bool
    """False when the saved content version is not in the changelog (too old or unknown)."""

    def count(self, plan: Plan) -> int:
        return len({action.rule_id for action in all_actions(plan)} & self.changed)


def all_actions(plan: Plan) -> list[Action]:
    lanes = (plan.urgent, plan.when_ready)
    grouped = [action for lane in lanes if lane is not None for action in lane.actions]
    return [*grouped, *plan.do_first, *plan.next]


def _reports_context(raw: RawAnswers, flow: Flow, plan: Plan, urgent_only: bool) -> dict[str, Any]:
    """Report words for the apps named, when a report fits (None: none at all), and the plan's
    own "report it" step they sit in, if it has one."""
    offered = flow.cohort is None and bool(report_texts.kinds(raw))
    shown = (plan.urgent.actions if plan.urgent else ()) if urgent_only else all_actions(plan)
    reporting = (action for action in shown if action.urgent_step == "report")
    return {
        "report_action": next((action.rule_id for action in reporting), None),
        "report_cards": report_texts.cards(raw) if offered else None,
        "report_others": report_texts.others(raw),
        "helping": is_helping(raw),
    }


def expired_page(request: Request[Any, Any, Any]) -> Template:
    """What a spent, retired or expired form gets: nothing of the journey it came from."""
    return page(
        "expired.html", request, page_title=pgettext("page:expired", "This page has expired")
    )


def first_page(request: Request[Any, Any, Any], flow: Flow, raw: RawAnswers) -> Template:
    return questions_page(request, ABOUT, raw, flow)
