"""The teacher's pages: create a class check, sign in with the teacher key, see the dashboard.

Everything a teacher sees comes from the suppressed report. A dashboard request without a valid
session for that class gets the same "sign in" page whether or not the class exists, so class
ids cannot be probed. Every change is a POST with a CSRF token tied to the session.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import quote

from jinja2 import pass_context
from jinja2.runtime import Context
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.exceptions import HTTPException, PermissionDeniedException
from litestar.params import FromPath
from litestar.response import Redirect, Template

from safety_check import i18n
from safety_check.i18n import Language
from safety_check.models import AGE_BANDS, AgeBand
from safety_check.resources import RESOURCES, contact_line
from safety_check.schools import localised, words
from safety_check.schools.charts import distribution_svg, legend, share_svg
from safety_check.schools.class_check import ClassCheck, NewClassCheck, school_today
from safety_check.schools.codes import display_join_code
from safety_check.schools.curriculum import FRAMEWORK_URL
from safety_check.schools.report import BAND_LABELS, Report
from safety_check.schools.school import SCHOOL_KEY_PREFIX, Teacher
from safety_check.schools.suppression import MIN_RESPONSES, SUPPRESSED, TOO_FEW_SCORED
from safety_check.schools.words import CSV, FORM, N_, say
from safety_check.service.classes import checks as classes
from safety_check.service.classes.checks import ClassChecks, InjectedClassChecks
from safety_check.service.classes.language import page_language, problem
from safety_check.service.classes.schools import InjectedSchools, Schools
from safety_check.service.classes.teacher_session import (
    COOKIE_NAME,
    CSRF_FIELD,
    dashboard_path,
    refuse_bad_csrf,
    session_cookie,
    session_token,
)
from safety_check.service.individual.web import FORM_MEDIA_TYPE, page, same_origin
from safety_check.service.platform.core import CallerAddress, InjectedPlatform
from safety_check.service.platform.template_i18n import set_language

PUBLIC_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
OPEN_DAY_CHOICES = (7, 14, 30, 60, 90)
KEEP_DAY_CHOICES = (30, 90, 180, 365)
AGE_BAND_NAMES: dict[AgeBand, str] = {
    "under_13": N_("schools:form", "Under 13"),
    "13_15": N_("schools:form", "13 to 15"),
    "16_17": N_("schools:form", "16 or 17"),
    "18_plus": N_("schools:form", "18 or over"),
}
TOP_GAPS = 10
LETTER_SERVICES = ("nspcc_helpline", "ceop", "childline")
"""For parents and carers worried about a child, and for the child (resources catalogue)."""
CROSS_SITE = N_("schools:problem", "This form can only be sent from this site.")
NOT_A_FORM = N_("schools:problem", "Send the form as a web form.")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pass_context
def long_date(context: Context, iso_day: str) -> str:
    """A stored ISO day as people write it, in the page's language: "1 December 2026"."""
    language = context.get("language")
    return words.long_date(iso_day, language if language in i18n.LANGUAGES else i18n.DEFAULT)


READ_IN = {
    "en": N_("schools:dashboard", "Read this report in English"),
    "cy": N_("schools:dashboard", "Read this report in Welsh"),
}
"""Each offered only in its own language, so a teacher finds the report in the other one."""


def other_languages(
    request: Request[Any, Any, Any], language: Language
) -> list[tuple[Language, str, str]]:
    """The report's other languages: code, `lang` value and the link's words in that language."""
    offered: tuple[Language, ...] = request.app.state.settings.languages
    return [
        (other, i18n.HTML_LANG[other], say(other, "schools:dashboard", READ_IN[other]))
        for other in offered
        if other != language
    ]


def teacher_page(
    template: str, request: Request[Any, Any, Any], status: int = 200, **context: Any
) -> Template:
    language = context.setdefault("language", page_language(request))
    set_language(request, language)  # so <html lang> and the language link agree with it
    response = page(template, request, teacher=True, **context)
    response.status_code = status
    return response


async def posted_form(request: Request[Any, Any, Any]) -> dict[str, str]:
    same_origin(request)
    # Under our no-referrer policy Chromium sends `Origin: null` even from our own pages, so a
    # null origin passes only when the browser also says the post came from this site.
    if request.headers.get("origin") == "null" and (
        request.headers.get("sec-fetch-site") != "same-origin"
    ):
        raise PermissionDeniedException(problem(request, CROSS_SITE))
    if request.content_type[0] != FORM_MEDIA_TYPE:
        raise HTTPException(status_code=415, detail=problem(request, NOT_A_FORM))
    form = await request.form()
    return {str(key): str(value) for key, value in form.items()}


def signed_out(request: Request[Any, Any, Any]) -> Template:
    return teacher_page("schools_start.html", request, status=401, errors={}, signed_out=True)


async def _session_class_check(
    request: Request[Any, Any, Any], checks: ClassChecks, public_id: str
) -> ClassCheck | None:
    """The class whose dashboard this is, if the request carries a live session for it."""
    if not PUBLIC_ID.match(public_id):
        return None
    return await checks.signed_in_class(public_id, request.cookies.get(COOKIE_NAME))


async def _start_session(
    request: Request[Any, Any, Any],
    checks: ClassChecks,
    platform: InjectedPlatform,
    class_check: ClassCheck,
) -> Cookie:
    token = await checks.sign_in(class_check)
    return session_cookie(request, platform.access.trusted, class_check.public_id, token)


def _end_session_cookie(
    request: Request[Any, Any, Any], platform: InjectedPlatform, public_id: str
) -> Cookie:
    return session_cookie(request, platform.access.trusted, public_id, "")


YEAR_GROUP_ERROR = N_(
    "schools:form", "Enter a year group of up to 20 letters, numbers and spaces, like Year 9."
)
NAME_ERROR = N_(
    "schools:form", "Enter a name for the class, up to 80 characters, like 8B or Year 9."
)
AGE_BAND_ERROR = N_("schools:form", "Choose an age group from the list.")
OPEN_DAYS_ERROR = N_("schools:form", "Choose how long the check stays open.")
KEEP_DAYS_ERROR = N_("schools:form", "Choose how long to keep the results.")
LANGUAGE_ERROR = N_("schools:form", "Choose a language from the list.")


def parse_new(
    form: dict[str, str],
    *,
    with_year_group: bool = False,
    language: Language = "en",
    offered: tuple[Language, ...] = i18n.OFFERED,
) -> tuple[classes.CohortIn | None, str, dict[str, str]]:
    """The new-class form; a school's form (`with_year_group`) also has the year group. Its
    error messages are in `language`, the page's; the class's own is chosen from `offered`."""
    errors: dict[str, str] = {}
    year_group = classes.clean_year_group(form.get("year_group")) if with_year_group else None
    if year_group is not None and (
        len(year_group) > 20 or not year_group.replace(" ", "").isalnum()
    ):
        errors["year_group"] = say(language, FORM, YEAR_GROUP_ERROR)
    name = classes.clean_name(form.get("name", ""))
    if name is None:
        errors["name"] = say(language, FORM, NAME_ERROR)
    age_band = form.get("age_band") or None
    if age_band is not None and age_band not in AGE_BANDS:
        errors["age_band"] = say(language, FORM, AGE_BAND_ERROR)
    class_language = form.get("language") or "en"
    if class_language not in offered:
        errors["language"] = say(language, FORM, LANGUAGE_ERROR)
    open_days = _choice(form.get("open_days"), OPEN_DAY_CHOICES, classes.OPEN_DAYS_DEFAULT)
    keep_days = _choice(form.get("keep_days"), KEEP_DAY_CHOICES, classes.KEEP_DAYS_DEFAULT)
    if open_days is None:
        errors["open_days"] = say(language, FORM, OPEN_DAYS_ERROR)
    if keep_days is None:
        errors["keep_days"] = say(language, FORM, KEEP_DAYS_ERROR)
    if errors or name is None or open_days is None or keep_days is None:
        return None, form.get("name", ""), errors
    data = classes.CohortIn(
        name=name,
        age_band=age_band,  # type: ignore[arg-type]  # checked against AGE_BANDS above
        open_days=open_days,
        keep_days=keep_days,
        year_group=year_group,
        language=class_language,  # type: ignore[arg-type]  # checked against `offered` above
    )
    return data, name, errors


async def create_page(
    request: Request[Any, Any, Any],
    class_checks: ClassChecks,
    platform: InjectedPlatform,
    address: str,
    form: dict[str, str],
    refused: Callable[[dict[str, str]], Template],
    teacher: Teacher | None = None,
) -> Template:
    """A class made from the new-class form (by a school's `teacher`, with a year group), or
    `refused(errors)`: the form again."""
    data, name, errors = parse_new(
        form,
        with_year_group=teacher is not None,
        language=page_language(request),
        offered=request.app.state.settings.languages,
    )
    if data is None:
        return refused(errors)
    created = await class_checks.create(address, data, name, teacher=teacher)
    return await created_page(request, class_checks, platform, created)


def _choice(value: str | None, choices: tuple[int, ...], default: int) -> int | None:
    if not value:
        return default
    # isdigit() also passes "²" and 5,000-digit strings, which int() refuses: a 500, not a choice.
    number = int(value) if value.isascii() and value.isdigit() and len(value) <= 4 else None
    return number if number in choices else None


def form_context(request: Request[Any, Any, Any]) -> dict[str, Any]:
    language = page_language(request)
    offered: tuple[Language, ...] = request.app.state.settings.languages
    return {
        "language": language,
        "age_band_names": {
            band: say(language, FORM, label) for band, label in AGE_BAND_NAMES.items()
        },
        "class_languages": {code: i18n.NAME[code] for code in offered},
        "language_tags": i18n.HTML_LANG,
        "open_day_choices": OPEN_DAY_CHOICES,
        "keep_day_choices": KEEP_DAY_CHOICES,
        "default_open": classes.OPEN_DAYS_DEFAULT,
        "default_keep": classes.KEEP_DAYS_DEFAULT,
    }


async def _dashboard_context(
    request: Request[Any, Any, Any], checks: ClassChecks, class_check: ClassCheck
) -> dict[str, Any]:
    is_open = class_check.is_open()
    language = page_language(request, class_check.language)
    report = localised.localised_report(await checks.report(class_check), language)
    base_url = str(request.base_url)
    published_gaps = [gap for gap in report.gaps if gap.count]
    return {
        "cohort": None,  # the class banner is for students
        "class_check": class_check,
        "is_open": is_open,
        "join_code": display_join_code(class_check.join_code),
        # How to join is shown only while students can still join.
        "join_url": checks.join_url(class_check, base_url) if is_open else None,
        "join_qr": checks.join_qr(class_check, base_url, language) if is_open else None,
        "report": report,
        "top_gaps": published_gaps[:TOP_GAPS],
        "hidden_gaps": sum(1 for gap in report.gaps if gap.count is None),
        "distribution_svg": distribution_svg,
        "share_svg": share_svg,
        "legend": legend(BAND_LABELS, SUPPRESSED, language),
        "guess_percent": round(100 * report.guess_limit),
        "suppressed": SUPPRESSED,
        "too_few_scored": TOO_FEW_SCORED,
        "range_in_ten": round(10 * report.range_level),
        "minimum": MIN_RESPONSES,
        "framework_url": FRAMEWORK_URL,
        "rshe_note": localised.rshe_note(language),
        "language": language,
        "other_languages": other_languages(request, language),
        "csrf_field": CSRF_FIELD,
        "csrf": checks.csrf_token(session_token(request)),
        "count": report.responses,
        "count_band": report.responses_band,
    }


Found = TypeVar("Found")


async def checked_post(
    request: Request[Any, Any, Any],
    checks: ClassChecks,
    token: str,
    signed_in: Callable[[], Awaitable[Found | None]],
) -> tuple[dict[str, str], Found | None]:
    """A teacher's form post: same-site, with the CSRF token of the session `token`.

    What `signed_in` finds is None for anyone without a valid session; for anyone with one, a
    bad token is refused with 403.
    """
    form = await posted_form(request)
    found = await signed_in()
    if found is not None:
        refuse_bad_csrf(checks, token, form.get(CSRF_FIELD), page_language(request))
    return form, found


async def _change_request(
    request: Request[Any, Any, Any], checks: ClassChecks, public_id: str
) -> tuple[dict[str, str], ClassCheck | None]:
    """A teacher's form post for their own class."""
    return await checked_post(
        request,
        checks,
        session_token(request),
        lambda: _session_class_check(request, checks, public_id),
    )


async def _class_page(
    request: Request[Any, Any, Any],
    checks: ClassChecks,
    public_id: str,
    template: str,
    in_language: Callable[[Language], dict[str, Any]] | None = None,
    **extra: Any,
) -> Template:
    """A page about one class for its signed-in teacher, or the sign-in page for anyone else;
    `in_language` gives the parts of its context written in the page's language."""
    class_check = await _session_class_check(request, checks, public_id)
    if class_check is None:
        return signed_out(request)
    context = await _dashboard_context(request, checks, class_check)
    if in_language is not None:
        extra.update(in_language(context["language"]))
    return teacher_page(template, request, **extra, **context)


def _letter_line(resource_id: str, language: Language) -> str:
    """A service for the letter: its name and contacts, and who it is for (the content
    catalogue's words for the service)."""
    resource = RESOURCES[resource_id]
    audience = localised.from_content(
        language, f"resource:{resource_id}.audience", resource.audience
    )
    return f"{contact_line(resource)}: {audience}"


WRONG_KEY = N_(
    "schools:form", "That teacher key doesn't match a class check. Check it and try again."
)
CONFIRM_DELETE = N_(
    "schools:form", "Tick the box to confirm that you want to delete this class's results."
)


def wrong_key(request: Request[Any, Any, Any]) -> dict[str, str]:
    return {"teacher-key": say(page_language(request), FORM, WRONG_KEY)}


async def _school_sign_in(
    request: Request[Any, Any, Any],
    schools: Schools,
    checks: ClassChecks,
    platform: InjectedPlatform,
    address: str,
    key: str,
) -> Template | Redirect:
    """A school teacher's key: their school's page, with its own session cookie."""
    from safety_check.service.classes.school_web import HOME, school_cookie

    found = await schools.teacher(address, key)
    if found is None:
        return teacher_page("schools_start.html", request, errors=wrong_key(request))
    redirect = Redirect(HOME, status_code=303)
    redirect.cookies.append(school_cookie(request, platform, await schools.sign_in(found[0])))
    return redirect


CSV_WORDS = {
    "class": N_("schools:csv", "class"),
    "responses": N_("schools:csv", "responses"),
    "note": N_("schools:csv", "note"),
    "mark": N_("schools:csv", "mark"),
    "table": N_("schools:csv", "table"),
    "area": N_("schools:csv", "area"),
    "item": N_("schools:csv", "item"),
    "students": N_("schools:csv", "students"),
    "percent": N_("schools:csv", "percent"),
    "likely_low": N_("schools:csv", "likely_low"),
    "likely_high": N_("schools:csv", "likely_high"),
    "students with a score": N_("schools:csv", "students with a score"),
    "score band": N_("schools:csv", "score band"),
    "advised action": N_("schools:csv", "advised action"),
    "noise": N_("schools:csv", "every count has random noise added to protect students"),
    "range": N_(
        "schools:csv", "the true count is between {low} and {high} at least {in_ten} times in 10"
    ),
    "order": N_("schools:csv", "advised actions are in an approximate order, most common first"),
}
"""The CSV's headings and notes: translated as the report is, in the same file layout."""


def report_csv(class_check: ClassCheck, report: Report, language: Language = "en") -> str:
    """Exactly the published figures: hidden cells are written as their mark, never as numbers.
    Headings, notes and titles are in `language`; the layout and the figures never change."""
    report = localised.localised_report(report, language)

    def word(key: str) -> str:
        return say(language, CSV, CSV_WORDS[key])

    buffer = io.StringIO()
    buffer.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([word("class"), _cell_text(class_check.name)])
    writer.writerow(
        [word("responses"), report.responses_band if report.responses is None else report.responses]
    )
    if not report.published:
        writer.writerow([word("note"), report.withheld])
        return buffer.getvalue()
    writer.writerow([word("note"), word("noise")])
    in_ten = round(10 * report.range_level)
    low, high = word("likely_low"), word("likely_high")
    range_note = say(language, CSV, CSV_WORDS["range"], low=low, high=high, in_ten=in_ten)
    writer.writerow([word("note"), range_note])
    writer.writerow([word("note"), word("order")])
    for mark, meaning in report.marks.items():
        writer.writerow([word("mark"), mark, meaning])
    writer.writerow([])
    writer.writerow(
        [word(key) for key in ("table", "area", "item", "students", "percent")] + [low, high]
    )
    for distribution in report.areas:
        scored = TOO_FEW_SCORED if distribution.scored is None else str(distribution.scored)
        writer.writerow([word("students with a score"), distribution.title, "", scored, ""])
        for cell in distribution.bands:
            writer.writerow(
                [
                    word("score band"),
                    distribution.title,
                    cell.label,
                    *_figures(cell.count, cell.share),
                    cell.range.low,
                    cell.range.high,
                ]
            )
    for gap in report.gaps:
        writer.writerow(
            [
                word("advised action"),
                localised.area_title(gap.area, language),
                gap.title,
                *_figures(gap.count, gap.share),
                gap.range.low,
                gap.range.high,
            ]
        )
    return buffer.getvalue()


def _cell_text(text: str) -> str:
    """Text a spreadsheet shows as it is: one starting like a formula would be run as one."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _figures(count: int | None, share: int | None) -> tuple[str, str]:
    if count is None:
        return SUPPRESSED, SUPPRESSED
    return str(count), str(share)


def csv_disposition(class_check: ClassCheck, today: dt.date | None = None) -> str:
    """`attachment` with a file name that says which class and which day (UK date): plain
    letters and digits in `filename`, the name as typed in `filename*` (RFC 6266)."""
    day = (today or school_today()).isoformat()
    plain = re.sub(r"[^A-Za-z0-9]+", "-", class_check.name).strip("-")[:40] or "class"
    typed = re.sub(r'[\x00-\x1f\x7f"\\/]+', "-", class_check.name)
    return (
        f'attachment; filename="{plain}-report-{day}.csv"; '
        f"filename*=UTF-8''{quote(typed + f' report {day}.csv', safe='')}"
    )


async def created_page(
    request: Request[Any, Any, Any],
    checks: ClassChecks,
    platform: InjectedPlatform,
    created: NewClassCheck,
) -> Template:
    """The page that shows a new class's teacher key once, signed in to its dashboard."""
    class_check = created.class_check
    language = page_language(request, class_check.language)
    response = teacher_page(
        "schools_created.html",
        request,
        status=201,
        language=language,
        class_check=class_check,
        teacher_key=created.teacher_key,
        join_code=display_join_code(class_check.join_code),
        join_url=checks.join_url(class_check, str(request.base_url)),
        join_qr=checks.join_qr(class_check, str(request.base_url), language),
        dashboard=dashboard_path(class_check.public_id),
    )
    response.cookies.append(await _start_session(request, checks, platform, class_check))
    return response


class SchoolsController(Controller):
    path = "/schools"
    include_in_schema = False

    @get("/", name="schools")
    async def start(self, request: Request[Any, Any, Any]) -> Template:
        return teacher_page("schools_start.html", request, errors={})

    @get("/new", name="schools_new")
    async def new_form(self, request: Request[Any, Any, Any]) -> Template:
        return teacher_page(
            "schools_new.html", request, errors={}, form={}, **form_context(request)
        )

    @post("/new", status_code=200)
    async def create(
        self,
        request: Request[Any, Any, Any],
        class_checks: InjectedClassChecks,
        platform: InjectedPlatform,
        caller_address: CallerAddress,
    ) -> Template:
        form = await posted_form(request)
        return await create_page(
            request,
            class_checks,
            platform,
            caller_address,
            form,
            lambda errors: teacher_page(
                "schools_new.html", request, errors=errors, form=form, **form_context(request)
            ),
        )

    @post("/sign-in", status_code=200)
    async def sign_in(
        self,
        request: Request[Any, Any, Any],
        class_checks: InjectedClassChecks,
        schools: InjectedSchools,
        platform: InjectedPlatform,
        caller_address: CallerAddress,
    ) -> Template | Redirect:
        form = await posted_form(request)
        key = form.get("teacher_key", "").strip()
        if key.startswith(SCHOOL_KEY_PREFIX):
            return await _school_sign_in(
                request, schools, class_checks, platform, caller_address, key
            )
        class_check = await class_checks.find_by_key(caller_address, key) if key else None
        if class_check is None:
            return teacher_page("schools_start.html", request, errors=wrong_key(request))
        redirect = Redirect(dashboard_path(class_check.public_id), status_code=303)
        redirect.cookies.append(await _start_session(request, class_checks, platform, class_check))
        return redirect

    @get("/{public_id:str}", name="schools_dashboard")
    async def dashboard(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
    ) -> Template:
        return await _class_page(request, class_checks, public_id, "schools_dashboard.html")

    @get("/{public_id:str}/projector", name="schools_projector")
    async def projector(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
    ) -> Template:
        return await _class_page(request, class_checks, public_id, "schools_projector.html")

    @get("/{public_id:str}/print", name="schools_print")
    async def print_view(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
    ) -> Template:
        return await _class_page(request, class_checks, public_id, "schools_print.html")

    @get("/{public_id:str}/letter", name="schools_letter")
    async def letter(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
    ) -> Template:
        """A printable letter for parents and carers: what is asked, seen and never kept."""
        return await _class_page(
            request,
            class_checks,
            public_id,
            "schools_letter.html",
            lambda language: {
                "services": [_letter_line(name, language) for name in LETTER_SERVICES]
            },
        )

    @get("/{public_id:str}/dpia", name="schools_dpia")
    async def dpia(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
    ) -> Template:
        """An outline for the school's data protection impact assessment."""
        return await _class_page(
            request,
            class_checks,
            public_id,
            "schools_dpia.html",
            localised.dpia_context,
        )

    @get("/{public_id:str}/report.csv", name="schools_csv")
    async def csv(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
    ) -> Response[Any]:
        class_check = await _session_class_check(request, class_checks, public_id)
        if class_check is None:
            return signed_out(request)
        report = await class_checks.report(class_check)
        language = page_language(request, class_check.language)
        return Response(
            content=report_csv(class_check, report, language),
            media_type="text/csv",
            headers={"Content-Disposition": csv_disposition(class_check)},
        )

    @post("/{public_id:str}/close", status_code=303)
    async def close(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
    ) -> Response[Any]:
        _, class_check = await _change_request(request, class_checks, public_id)
        if class_check is None:
            return signed_out(request)
        await class_checks.close(class_check)
        return Redirect(dashboard_path(public_id), status_code=303)

    @get("/{public_id:str}/delete", name="schools_delete")
    async def confirm_delete(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
    ) -> Template:
        return await _class_page(request, class_checks, public_id, "schools_delete.html", errors={})

    @post("/{public_id:str}/delete", status_code=200)
    async def delete(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
        platform: InjectedPlatform,
    ) -> Template:
        form, class_check = await _change_request(request, class_checks, public_id)
        if class_check is None:
            return signed_out(request)
        if form.get("confirm") != "yes":
            context = await _dashboard_context(request, class_checks, class_check)
            error = say(context["language"], FORM, CONFIRM_DELETE)
            return teacher_page(
                "schools_delete.html", request, errors={"confirm": error}, **context
            )
        await class_checks.delete(class_check)
        response = teacher_page(
            "schools_deleted.html",
            request,
            name=class_check.name,
            language=page_language(request, class_check.language),
        )
        response.cookies.append(_end_session_cookie(request, platform, public_id))
        return response

    @post("/{public_id:str}/sign-out", status_code=303)
    async def sign_out(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        class_checks: InjectedClassChecks,
        platform: InjectedPlatform,
    ) -> Response[Any]:
        _, class_check = await _change_request(request, class_checks, public_id)
        if class_check is None:
            return signed_out(request)
        await class_checks.sign_out(session_token(request))
        redirect = Redirect("/schools", status_code=303)
        redirect.cookies.append(_end_session_cookie(request, platform, public_id))
        return redirect
