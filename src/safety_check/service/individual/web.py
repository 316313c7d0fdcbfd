"""The individual check's web pages: the start page, `/check`, saving and restoring answers,
the evidence log, report words for an app, help and the quick exit. The pages of the
questionnaire itself come from the shared journey (`service/questionnaire_journey.py`).
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.response import Template

from safety_check import i18n
from safety_check.content_language import resources_in
from safety_check.models import (
    AGE_BANDS,
    AgeBand,
)
from safety_check.resources import suits_age
from safety_check.service.individual import evidence_log, report_texts, saved_answers
from safety_check.service.individual.form import (
    WHO,
    RawAnswers,
    answers_from_form,
    check,
    hidden_fields,
)
from safety_check.service.individual.journeys import InjectedJourneys, Journeys
from safety_check.service.individual.on_device import kept_off_device
from safety_check.service.platform.template_i18n import (
    Text,
    chosen_language,
    pgettext,
    request_language,
    set_language,
    translate,
)
from safety_check.service.questionnaire_journey import (
    FORM_MEDIA_TYPE,
    PLAN,
    URGENT,
    Flow,
    Move,
    Restored,
    expired_page,
    flow_context,
    is_helping,
    next_page,
    page,
    plan_page,
    questions_page,
    read_form,
    same_origin,
    same_page,
    show,
)

__all__ = ["FORM_MEDIA_TYPE", "WebController", "page", "same_origin"]
"""`schools_web.py` takes the page helpers from here; they live in the shared journey."""
logger = logging.getLogger("safety_check")
EVIDENCE_LOG = "evidence_log"
PLATFORM_REPORT = "platform_report"
SAVE = "save"
RETURN = "return"
"""Back from a page the plan opened (the evidence log, an app's report words) to the urgent
page or the plan."""


def _save_page(
    request: Request[Any, Any, Any],
    raw: RawAnswers,
    flow: Flow,
    code: str | None,
    expires_at: int | None,
) -> Template:
    return page(
        "save.html",
        request,
        **flow_context(flow),
        page_title=pgettext("page:save", "Save your answers"),
        switch_at=SAVE,
        code=code,
        expires_on=_day(expires_at) if expires_at else None,
        kept_off=kept_off_device(raw),
        hidden=hidden_fields(raw),
    )


async def _evidence_page(
    request: Request[Any, Any, Any], raw: RawAnswers, flow: Flow, came_from: str | None
) -> Template:
    advice = evidence_log.advice(raw)
    if advice is None:  # not offered for these answers: a made-up request gets the plan
        return await _return_page(request, raw, flow, came_from)
    return page(
        "evidence_log.html",
        request,
        **flow_context(flow),
        page_title=pgettext("page:evidence_log", "Evidence log"),
        switch_at=EVIDENCE_LOG,
        log=advice,
        log_columns=evidence_log.LOG_COLUMNS,
        told_columns=evidence_log.TOLD_COLUMNS,
        log_rows=evidence_log.LOG_ROWS,
        told_rows=evidence_log.TOLD_ROWS,
        screen_rows=evidence_log.SCREEN_ROWS,
        came_from=URGENT if came_from == URGENT else PLAN,
        hidden=hidden_fields(raw),
    )


async def _platform_report_page(
    request: Request[Any, Any, Any], raw: RawAnswers, flow: Flow, move: Move
) -> Template:
    report = report_texts.picked(move.platform, raw)
    if report is None:  # no such app, or no report fits: back where they were
        return await _return_page(request, raw, flow, move.at)
    return page(
        "platform_report.html",
        request,
        **flow_context(flow),
        page_title=pgettext("page:platform_report", "Report it to the app"),
        switch_at=PLATFORM_REPORT,
        report=report,
        helping=is_helping(raw),
        came_from=URGENT if move.at == URGENT else PLAN,
        hidden=hidden_fields(raw),
    )


async def _same_page(
    request: Request[Any, Any, Any], raw: RawAnswers, flow: Flow, move: Move, journeys: Journeys
) -> Template:
    """The page the language link was pressed on, in the language chosen."""
    if move.at == SAVE:
        code, expires_at = (None, None) if kept_off_device(raw) else journeys.save(raw)
        return _save_page(request, raw, flow, code, expires_at)
    if move.at == EVIDENCE_LOG:
        return await _evidence_page(request, raw, flow, move.back_to)
    if move.at == PLATFORM_REPORT:
        back = Move(platform=move.platform, at=move.back_to)
        return await _platform_report_page(request, raw, flow, back)
    return await same_page(request, move, raw, flow)


async def _return_page(
    request: Request[Any, Any, Any], raw: RawAnswers, flow: Flow, came_from: str | None
) -> Template:
    """The urgent page or the plan, whichever the person left for a page it opened."""
    if came_from == URGENT:
        return await show(request, URGENT, raw, flow)
    return await next_page(request, Move(step=PLAN), raw, flow)


def _day(timestamp: int) -> datetime.date:
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC).date()


SAVED_FILE = pgettext(
    "file:saved_answers",
    'Saved answers. To use them, open the site you saved them from, choose "Come back with '
    'saved answers" and choose this file.',
)


def _saved_file(code: str, language: i18n.Language) -> Response[bytes]:
    text = translate(language, SAVED_FILE) + "\n\n" + code + "\n"
    return Response(
        content=text.encode(),
        media_type="text/plain; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="saved-answers.txt"'},
    )


def restore_page(
    request: Request[Any, Any, Any], journey: str, error: Text | None = None
) -> Template:
    template = page(
        "restore.html",
        request,
        journey=journey,
        page_title=pgettext("page:restore", "Come back with saved answers"),
        errors={"saved-code": error} if error else {},
    )
    template.status_code = 422 if error else 200
    return template


NOT_RESTORED = pgettext(
    "page:restore",
    "We couldn't read those saved answers. Check you copied the whole code, starting SC1-. "
    "Saved answers work for 90 days.",
)


async def _saved_text(form: Any) -> str:
    upload = form.get("saved_file")
    if upload is not None and not isinstance(upload, str):
        content = await upload.read()
        if content:
            return bytes(content[: saved_answers.MAX_CODE_CHARS]).decode("utf-8", "replace")
    return str(form.get("saved_code", ""))


def as_form_fields(answers: dict[str, str | list[str]]) -> list[tuple[str, str]]:
    """Answers as the check's form sends them; a multiple-choice question also sends `_shown`,
    so "none of these" can be told from "not asked"."""
    fields: list[tuple[str, str]] = []
    for question, value in answers.items():
        if isinstance(value, str):
            fields.append((question, value))
        else:
            fields.append(("_shown", question))
            fields.extend((question, str(option)) for option in value)
    return fields


class WebController(Controller):
    include_in_schema = False

    @get("/", name="start")
    async def start(self, request: Request[Any, Any, Any], journeys: InjectedJourneys) -> Template:
        return page("start.html", request, journey=journeys.start(request_language(request)))

    @get("/check", name="check")
    async def about_you(
        self, request: Request[Any, Any, Any], journeys: InjectedJourneys
    ) -> Template:
        journey = journeys.start(request_language(request))
        return questions_page(request, WHO, {}, Flow(journey=journey))

    @post("/check", status_code=200)
    async def submit(
        self, request: Request[Any, Any, Any], journeys: InjectedJourneys
    ) -> Template | Response[bytes]:
        move, raw = await read_form(request)
        chosen = chosen_language(move.language, request.app.state.settings)
        language = chosen or journeys.language_of(move.journey) or request_language(request)
        set_language(request, language)
        if move.step == "save_file":  # a download: the page stays, so its token is not spent
            if not await journeys.is_live(move.journey) or kept_off_device(raw):
                return expired_page(request)
            return _saved_file(journeys.save(raw)[0], language)
        token = await journeys.accept(move.journey, chosen)
        if token is None:
            return expired_page(request)
        flow = Flow(journey=token)
        if chosen is not None:
            return await _same_page(request, raw, flow, move, journeys)
        if move.step == "save":
            code, expires_at = (None, None) if kept_off_device(raw) else journeys.save(raw)
            return _save_page(request, raw, flow, code, expires_at)
        if move.step == EVIDENCE_LOG:
            return await _evidence_page(request, raw, flow, move.at)
        if move.step == PLATFORM_REPORT:
            return await _platform_report_page(request, raw, flow, move)
        if move.step == RETURN:
            return await _return_page(request, raw, flow, move.back_to)
        return await next_page(request, move, raw, flow)

    @get("/restore", name="restore")
    async def restore_form(
        self, request: Request[Any, Any, Any], journeys: InjectedJourneys
    ) -> Template:
        return restore_page(request, journeys.start(request_language(request)))

    @post("/restore", status_code=200)
    async def restore(
        self, request: Request[Any, Any, Any], journeys: InjectedJourneys
    ) -> Template:
        """Saved answers back from a pasted code or an uploaded file, by POST only."""
        same_origin(request)
        form = await request.form()
        presented = str(form.get("_journey", ""))
        set_language(request, journeys.language_of(presented) or request_language(request))
        token = await journeys.accept(presented)
        if token is None:
            return expired_page(request)
        opened = journeys.restore(await _saved_text(form))
        if opened is None:
            return restore_page(request, token, NOT_RESTORED)
        raw = answers_from_form(as_form_fields(opened.answers))
        answers, _ = check(raw)
        if answers is None:
            return restore_page(request, token, NOT_RESTORED)
        changed = journeys.changed_since(opened.content_version)
        restored = Restored(changed=changed or frozenset(), known=changed is not None)
        return plan_page(
            request, answers, raw, urgent_only=False, flow=Flow(journey=token), restored=restored
        )

    @post("/exit", status_code=200)
    async def leave(self, request: Request[Any, Any, Any], journeys: InjectedJourneys) -> Template:
        """The quick exit without JavaScript: retire this journey's tokens, then go. Nothing
        here may stop the exit, so a form that can't be read still leaves."""
        try:
            same_origin(request)
            form = await request.form()
            presented = str(form.get("_journey", ""))
            set_language(request, journeys.language_of(presented) or request_language(request))
            await journeys.exit(presented)
        except Exception:
            logger.warning("the quick exit could not retire a journey's form tokens")
        return page("exit.html", request)

    @get("/help", name="help")
    async def get_help(self, request: Request[Any, Any, Any]) -> Template:
        bands: list[tuple[Text, AgeBand]] = [
            (pgettext("page:help", "If you are under 18"), "13_15"),
            (pgettext("page:help", "If you are 18 or over"), "18_plus"),
        ]
        services = resources_in(request_language(request)).values()
        sections = [(title, [r for r in services if suits_age(r, band)]) for title, band in bands]
        return page(
            "help.html",
            request,
            sections=sections,
            age_bands=AGE_BANDS,
            page_title=pgettext("page:help", "Get help"),
        )

    @get("/cover-your-tracks", name="cover_tracks")
    async def cover_tracks(self, request: Request[Any, Any, Any]) -> Template:
        return page(
            "cover_tracks.html",
            request,
            page_title=pgettext("page:cover_tracks", "Cover your tracks"),
        )
