"""A school teacher's pages: their classes, and for a lead the teachers and the school's figures.

A teacher signs in on the class checks page with their school key (`scsk_...`); the session is
an HttpOnly, SameSite=Strict cookie scoped to /school, kept as a hash on the server so signing
out, a new key or a removed key ends it at once. Opening a class from here starts that class's
own dashboard session, so the class pages work as for a class key. Every change is a POST with
the session's CSRF token; anyone without a live session gets the sign-in page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.params import FromPath
from litestar.response import Redirect, Template

from safety_check.i18n import Language
from safety_check.schools import localised
from safety_check.schools.school import NewKey, School, Teacher, term_of
from safety_check.schools.tokens import SESSION_SECONDS
from safety_check.schools.words import FORM, N_, say
from safety_check.service.classes.checks import InjectedClassChecks
from safety_check.service.classes.language import page_language
from safety_check.service.classes.schools import (
    InjectedSchools,
    NotConfirmed,
    Overview,
    Schools,
    ViewEntry,
    YearGroupChanges,
    clean_label,
)
from safety_check.service.classes.schools_web import (
    PUBLIC_ID,
    TOP_GAPS,
    checked_post,
    create_page,
    form_context,
    signed_out,
    teacher_page,
)
from safety_check.service.classes.teacher_session import (
    CSRF_FIELD,
    dashboard_path,
    is_https,
    session_cookie,
)
from safety_check.service.platform.core import CallerAddress, InjectedPlatform

COOKIE_NAME = "sc_school"
HOME = "/school"
LABEL_ERROR = N_(
    "schools:form", "Enter what you call the teacher, up to 80 characters, like Ms Khan."
)
CONFIRM_ERROR = N_("schools:form", "Type the school's name exactly as it is shown, to confirm.")


def _error(request: Request[Any, Any, Any], field: str, message: str) -> dict[str, str]:
    return {field: say(page_language(request), FORM, message)}


def _overview(overview: Overview, language: Language) -> Overview:
    """A school's figures by term with their titles and sentences in `language`."""

    def entry(item: ViewEntry) -> ViewEntry:
        view = item.view
        if view is not None:
            view = msgspec.structs.replace(
                view,
                term=localised.localised_term(view.term, language),
                report=localised.localised_report(view.report, language),
            )
        return msgspec.structs.replace(
            item, term=localised.localised_term(item.term, language), view=view
        )

    def group(item: YearGroupChanges) -> YearGroupChanges:
        return msgspec.structs.replace(
            item,
            before=localised.localised_term(item.before, language),
            after=localised.localised_term(item.after, language),
            changes=tuple(
                msgspec.structs.replace(
                    change, title=localised.rule_title(change.rule_id, change.title, language)
                )
                for change in item.changes
            ),
        )

    return Overview(
        views=tuple(entry(item) for item in overview.views),
        changes=tuple(group(item) for item in overview.changes),
    )


def school_cookie(request: Request[Any, Any, Any], platform: Any, token: str) -> Cookie:
    return Cookie(
        key=COOKIE_NAME,
        value=token,
        path=HOME,
        max_age=SESSION_SECONDS if token else 0,
        httponly=True,
        samesite="strict",
        secure=is_https(request, platform.access.trusted),
    )


def _token(request: Request[Any, Any, Any]) -> str:
    return request.cookies.get(COOKIE_NAME, "")


SignedIn = tuple[Teacher, School]


async def _signed_in(
    request: Request[Any, Any, Any], schools: Schools, *, lead: bool = False
) -> SignedIn | None:
    """The teacher of the request's session and their school; None without one, or when
    `lead` is asked for and they are not a lead."""
    found = await schools.signed_in(_token(request))
    return None if found is None or (lead and not found[0].is_lead) else found


async def _change(
    request: Request[Any, Any, Any], schools: Schools, class_checks: Any, *, lead: bool = False
) -> tuple[dict[str, str], SignedIn | None]:
    """A form post from a signed-in teacher (a lead, with `lead`), with their session's CSRF
    token (else 403)."""
    return await checked_post(
        request, class_checks, _token(request), lambda: _signed_in(request, schools, lead=lead)
    )


async def _home(
    request: Request[Any, Any, Any],
    schools: Schools,
    class_checks: Any,
    found: SignedIn,
    status: int = 200,
    errors: dict[str, str] | None = None,
) -> Template:
    teacher, school = found
    classes = await schools.classes(teacher, school)
    language = page_language(request)
    return teacher_page(
        "school_home.html",
        request,
        status=status,
        school=school,
        me=teacher,
        classes=classes,
        terms={
            item.public_id: localised.term_title(
                term_of(dt.date.fromisoformat(item.created_day)), language
            )
            for item in classes
        },
        teachers=await schools.teachers(teacher, school) if teacher.is_lead else [],
        errors=errors or {},
        csrf_field=CSRF_FIELD,
        csrf=class_checks.csrf_token(_token(request)),
        language=language,
    )


def _key_page(request: Request[Any, Any, Any], made: NewKey) -> Template:
    return teacher_page("school_key.html", request, status=201, holder=made.teacher, key=made.key)


async def _delete_page(
    request: Request[Any, Any, Any],
    schools: Schools,
    class_checks: Any,
    found: SignedIn,
    errors: dict[str, str],
) -> Template:
    return teacher_page(
        "school_delete.html",
        request,
        status=400 if errors else 200,
        school=found[1],
        held=await schools.holdings(*found),
        errors=errors,
        csrf_field=CSRF_FIELD,
        csrf=class_checks.csrf_token(_token(request)),
    )


class SchoolWebController(Controller):
    path = HOME
    include_in_schema = False

    @get("/", name="school")
    async def home(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
    ) -> Template:
        found = await _signed_in(request, schools)
        if found is None:
            return signed_out(request)
        return await _home(request, schools, class_checks, found)

    @get("/view", name="school_view")
    async def view(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
    ) -> Template:
        found = await _signed_in(request, schools, lead=True)
        if found is None:
            return signed_out(request)
        teacher, school = found
        language = page_language(request)
        overview = _overview(await schools.overview(teacher, school), language)
        return teacher_page(
            "school_view.html",
            request,
            language=language,
            school=school,
            views=overview.views,
            changes=overview.changes,
            top=TOP_GAPS,
            range_in_ten=9,
        )

    @get("/classes/{public_id:str}", name="school_class")
    async def open_class(
        self,
        request: Request[Any, Any, Any],
        public_id: FromPath[str],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
        platform: InjectedPlatform,
        caller_address: CallerAddress,
    ) -> Response[Any]:
        """A class's dashboard, for its teacher or a lead: its own session starts here."""
        found = await _signed_in(request, schools)
        visible = None
        if found is not None and PUBLIC_ID.match(public_id):
            visible = next(
                (item for item in await schools.classes(*found) if item.public_id == public_id),
                None,
            )
        if visible is None:
            return signed_out(request)
        token = await class_checks.sign_in(visible)
        redirect = Redirect(dashboard_path(visible.public_id), status_code=303)
        redirect.cookies.append(
            session_cookie(request, platform.access.trusted, visible.public_id, token)
        )
        return redirect

    @get("/new", name="school_new")
    async def new_form(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
    ) -> Template:
        found = await _signed_in(request, schools)
        if found is None:
            return signed_out(request)
        return self._new_page(request, class_checks, found[1], {}, {})

    def _new_page(
        self,
        request: Request[Any, Any, Any],
        class_checks: Any,
        school: School,
        form: dict[str, str],
        errors: dict[str, str],
    ) -> Template:
        return teacher_page(
            "schools_new.html",
            request,
            status=400 if errors else 200,
            errors=errors,
            form=form,
            school=school,
            new_class_action=f"{HOME}/new",
            csrf_field=CSRF_FIELD,
            csrf=class_checks.csrf_token(_token(request)),
            **form_context(request),
        )

    @post("/new", status_code=200)
    async def create(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
        platform: InjectedPlatform,
        caller_address: CallerAddress,
    ) -> Template:
        form, found = await _change(request, schools, class_checks)
        if found is None:
            return signed_out(request)
        return await create_page(
            request,
            class_checks,
            platform,
            caller_address,
            form,
            lambda errors: self._new_page(request, class_checks, found[1], form, errors),
            teacher=found[0],
        )

    @post("/teachers", status_code=201)
    async def add_teacher(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
    ) -> Template:
        form, found = await _change(request, schools, class_checks, lead=True)
        if found is None:
            return signed_out(request)
        label = clean_label(form.get("label", ""))
        if label is None:
            return await _home(
                request,
                schools,
                class_checks,
                found,
                status=400,
                errors=_error(request, "label", LABEL_ERROR),
            )
        return _key_page(request, await schools.add_teacher(*found, label))

    @post("/teachers/{teacher_id:str}/key", status_code=201)
    async def new_key(
        self,
        request: Request[Any, Any, Any],
        teacher_id: FromPath[str],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
    ) -> Response[Any]:
        _, found = await _change(request, schools, class_checks, lead=True)
        if found is None:
            return signed_out(request)
        made = await schools.new_key(*found, teacher_id) if PUBLIC_ID.match(teacher_id) else None
        if made is None:
            return Redirect(HOME, status_code=303)
        return _key_page(request, made)

    @post("/teachers/{teacher_id:str}/revoke", status_code=303)
    async def revoke(
        self,
        request: Request[Any, Any, Any],
        teacher_id: FromPath[str],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
    ) -> Response[Any]:
        _, found = await _change(request, schools, class_checks, lead=True)
        if found is None:
            return signed_out(request)
        if PUBLIC_ID.match(teacher_id):
            await schools.revoke(*found, teacher_id)
        return Redirect(HOME, status_code=303)

    @get("/delete", name="school_delete")
    async def confirm_delete(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
    ) -> Template:
        found = await _signed_in(request, schools, lead=True)
        if found is None:
            return signed_out(request)
        return await _delete_page(request, schools, class_checks, found, {})

    @post("/delete", status_code=200)
    async def delete(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
        platform: InjectedPlatform,
    ) -> Template:
        form, found = await _change(request, schools, class_checks, lead=True)
        if found is None:
            return signed_out(request)
        try:
            await schools.delete(*found, form.get("school_name", ""))
        except NotConfirmed:
            errors = _error(request, "school_name", CONFIRM_ERROR)
            return await _delete_page(request, schools, class_checks, found, errors)
        response = teacher_page("school_deleted.html", request, name=found[1].name)
        response.cookies.append(school_cookie(request, platform, ""))
        return response

    @post("/sign-out", status_code=303)
    async def sign_out(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        class_checks: InjectedClassChecks,
        platform: InjectedPlatform,
    ) -> Response[Any]:
        _, found = await _change(request, schools, class_checks)
        if found is None:
            return signed_out(request)
        await schools.sign_out(_token(request))
        redirect = Redirect("/schools", status_code=303)
        redirect.cookies.append(school_cookie(request, platform, ""))
        return redirect
