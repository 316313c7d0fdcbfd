"""Schools in the JSON API: make a school, manage its teachers' keys, list classes, the
school-wide view by term and year group, and delete the school.

Every operation but making a school needs a school teacher's key as a Bearer token (`scsk_...`);
a wrong key gets 404, like a wrong class key. What only a lead may do gets 403 for other teachers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import msgspec
from litestar import Controller, Request, delete, get, post
from litestar.exceptions import HTTPException, NotFoundException, PermissionDeniedException
from litestar.params import Body, Parameter

from safety_check.models import AgeBand
from safety_check.schools.class_check import ClassCheck
from safety_check.schools.school import LABEL_MAX, NewKey, School, Teacher
from safety_check.schools.school import term_of as _term_of
from safety_check.schools.words import N_
from safety_check.service.classes.api import ID_PATTERN, by_bearer
from safety_check.service.classes.language import problem
from safety_check.service.classes.schools import (
    InjectedSchools,
    InvitationRefused,
    NotLead,
    Overview,
    Schools,
    clean_label,
)
from safety_check.service.classes.wire import CLASS_NAME_PATTERN
from safety_check.service.platform.core import CallerAddress
from safety_check.service.platform.json_body import require_json
from safety_check.service.platform.problems import COMMON_ERRORS, problem_spec

NOT_FOUND = N_("schools:problem", "No school teacher has this key.")
NOT_LEAD = N_("schools:problem", "Only a lead of the school can do this.")
BAD_LABEL = N_("schools:problem", "Give a name of 1 to 80 characters, without control characters.")
INVITATION_REFUSED = N_("schools:problem", "This invitation key is unknown or was used before.")
NO_TEACHER = N_("schools:problem", "No teacher with this id in your school.")
NO_WORKING_TEACHER = N_(
    "schools:problem", "No teacher with this id and a working key in your school."
)
SCHOOL_KEY_ONLY: list[dict[str, list[str]]] = [{"teacherKey": []}, {"teacherKey": [], "apiKey": []}]
LabelText = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=LABEL_MAX,
        extra_json_schema={
            "description": "Some text, not only spaces, without control or format characters.",
            "extra": {"pattern": CLASS_NAME_PATTERN},  # what clean_label accepts
        },
    ),
]
SCHOOL_ERRORS = {
    400: problem_spec("The teacher id is not valid."),
    401: problem_spec("No key was sent."),
    404: problem_spec("No school teacher has this key (or no such teacher in the school)."),
    **COMMON_ERRORS,
}
LEAD_ERRORS = {**SCHOOL_ERRORS, 403: problem_spec("Only a lead of the school can do this.")}
DELETE_ERRORS = {
    401: problem_spec("No key was sent."),
    403: problem_spec("Only a lead of the school can do this."),
    404: problem_spec("No school teacher has this key (so also once the school is deleted)."),
    **COMMON_ERRORS,
}


class SchoolIn(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A new school, made with an invitation key from the service's operator."""

    name: LabelText
    lead: LabelText
    """What the first lead is called in the school's list of teachers (such as "DSL")."""
    invitation: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class TeacherIn(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    label: LabelText
    """What the lead calls this teacher ("Ms Khan", "Head of PSHE")."""


class TeacherOut(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    label: str
    lead: bool
    added_on: str
    revoked_on: str | None


class KeyOut(msgspec.Struct, frozen=True, kw_only=True):
    teacher: TeacherOut
    key: str
    """The only time this key is shown: give it to the teacher. Only a hash is stored."""


class SchoolCreated(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    lead: KeyOut


class ClassSummary(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    age_band: AgeBand | None
    year_group: str | None
    term: str
    open: bool
    open_until: str
    delete_on: str
    mine: bool
    """Made by the teacher whose key this is."""


class SchoolOut(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    me: TeacherOut
    classes: tuple[ClassSummary, ...]
    """Your own classes; every class of the school for a lead."""
    teachers: tuple[TeacherOut, ...]
    """Every teacher of the school, for a lead; empty for other teachers."""


def _teacher_out(teacher: Teacher) -> TeacherOut:
    return TeacherOut(
        id=teacher.public_id,
        label=teacher.label,
        lead=teacher.is_lead,
        added_on=teacher.created_day,
        revoked_on=teacher.revoked_day,
    )


def _key_out(made: NewKey) -> KeyOut:
    return KeyOut(teacher=_teacher_out(made.teacher), key=made.key)


def _summary(item: ClassCheck, teacher: Teacher) -> ClassSummary:
    return ClassSummary(
        id=item.public_id,
        name=item.name,
        age_band=item.age_band,
        year_group=item.year_group,
        term=_term_of(dt.date.fromisoformat(item.created_day)).title,
        open=item.is_open(),
        open_until=item.closed_day(),
        delete_on=item.delete_day,
        mine=item.teacher_id == teacher.id,
    )


async def school_teacher(
    request: Request[Any, Any, Any], schools: Schools, address: str
) -> tuple[Teacher, School]:
    return await by_bearer(request, lambda key: schools.teacher(address, key), NOT_FOUND)


Done = TypeVar("Done")


async def as_lead(
    request: Request[Any, Any, Any],
    schools: Schools,
    address: str,
    act: Callable[[Teacher, School], Awaitable[Done]],
) -> Done:
    """`act` for the school teacher whose key the request carries (404 for a wrong key), who
    must be a lead of the school (403 otherwise)."""
    teacher, school = await school_teacher(request, schools, address)
    try:
        return await act(teacher, school)
    except NotLead:
        raise PermissionDeniedException(problem(request, NOT_LEAD)) from None


def _label(request: Request[Any, Any, Any], text: str) -> str:
    cleaned = clean_label(text)
    if cleaned is None:
        raise HTTPException(status_code=422, detail=problem(request, BAD_LABEL))
    return cleaned


class SchoolsApiController(Controller):
    path = "/api/v1/schools"
    tags = ["Schools"]

    @post(
        "/",
        operation_id="createSchool",
        summary="Make a school with an invitation key",
        description="Returns the school and its first lead's key, shown only this once. The "
        "invitation key comes from the service's operator and makes one school.",
        status_code=201,
        before_request=require_json,
        responses={
            400: problem_spec("The body is not JSON of the expected shape."),
            403: problem_spec("The invitation key is unknown or was used before."),
            413: problem_spec("The body is larger than the limit."),
            415: problem_spec("The body is not application/json."),
            422: problem_spec("A name is empty or has control characters."),
            **COMMON_ERRORS,
        },
    )
    async def create_school(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[SchoolIn, Body(schema_extra={"additional_properties": False})],
        schools: InjectedSchools,
        caller_address: CallerAddress,
    ) -> SchoolCreated:
        name, lead = _label(request, data.name), _label(request, data.lead)
        try:
            school, made = await schools.create(caller_address, name, lead, data.invitation)
        except InvitationRefused:
            raise PermissionDeniedException(problem(request, INVITATION_REFUSED)) from None
        return SchoolCreated(id=school.public_id, name=school.name, lead=_key_out(made))

    @get(
        "/me",
        operation_id="getSchool",
        summary="Your school, your classes and (for a lead) its teachers",
        description="A teacher sees their own classes; a lead sees every class of the school "
        "and every teacher, with when each key was revoked.",
        responses=SCHOOL_ERRORS,
        security=SCHOOL_KEY_ONLY,
    )
    async def get_school(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        caller_address: CallerAddress,
    ) -> SchoolOut:
        teacher, school = await school_teacher(request, schools, caller_address)
        classes = await schools.classes(teacher, school)
        teachers = await schools.teachers(teacher, school) if teacher.is_lead else []
        return SchoolOut(
            id=school.public_id,
            name=school.name,
            me=_teacher_out(teacher),
            classes=tuple(_summary(item, teacher) for item in classes),
            teachers=tuple(_teacher_out(item) for item in teachers),
        )

    @post(
        "/me/teachers",
        operation_id="addTeacher",
        summary="Add a teacher to your school (lead only)",
        description="Returns the teacher's key, shown only this once.",
        status_code=201,
        before_request=require_json,
        responses={
            **LEAD_ERRORS,
            422: problem_spec("The label is empty or has control characters."),
        },
        security=SCHOOL_KEY_ONLY,
    )
    async def add_teacher(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[TeacherIn, Body(schema_extra={"additional_properties": False})],
        schools: InjectedSchools,
        caller_address: CallerAddress,
    ) -> KeyOut:
        made = await as_lead(
            request,
            schools,
            caller_address,
            lambda teacher, school: schools.add_teacher(
                teacher, school, _label(request, data.label)
            ),
        )
        return _key_out(made)

    @post(
        "/me/teachers/{teacher_id:str}/key",
        operation_id="newTeacherKey",
        summary="Give a teacher a new key (lead only)",
        description="For a teacher who lost their key: the old key stops working at once, and "
        "the new one is shown only this once. Also gives a removed teacher a key again.",
        status_code=201,
        responses=LEAD_ERRORS,
        security=SCHOOL_KEY_ONLY,
    )
    async def new_key(
        self,
        request: Request[Any, Any, Any],
        teacher_id: Annotated[str, Parameter(pattern=ID_PATTERN)],
        schools: InjectedSchools,
        caller_address: CallerAddress,
    ) -> KeyOut:
        made = await as_lead(
            request,
            schools,
            caller_address,
            lambda teacher, school: schools.new_key(teacher, school, teacher_id),
        )
        if made is None:
            raise NotFoundException(problem(request, NO_TEACHER))
        return _key_out(made)

    @post(
        "/me/teachers/{teacher_id:str}/revoke",
        operation_id="revokeTeacher",
        summary="Stop a teacher's key working (lead only)",
        description="Their classes stay with the school, and the lead still sees them.",
        status_code=204,
        responses=LEAD_ERRORS,
        security=SCHOOL_KEY_ONLY,
    )
    async def revoke(
        self,
        request: Request[Any, Any, Any],
        teacher_id: Annotated[str, Parameter(pattern=ID_PATTERN)],
        schools: InjectedSchools,
        caller_address: CallerAddress,
    ) -> None:
        done = await as_lead(
            request,
            schools,
            caller_address,
            lambda teacher, school: schools.revoke(teacher, school, teacher_id),
        )
        if not done:
            raise NotFoundException(problem(request, NO_WORKING_TEACHER))

    @get(
        "/me/report",
        operation_id="getSchoolReport",
        summary="The school-wide view by term and year group (lead only)",
        description="For each term and year group with classes: the figures of all its classes "
        "together (small classes included), with noise added once to each summed count, "
        "published once the term has ended and every class of it has closed, and kept as first "
        "published. Changes from one published term to the next are marked `changed` only when "
        "their interval excludes zero.",
        responses=LEAD_ERRORS,
        security=SCHOOL_KEY_ONLY,
    )
    async def report(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        caller_address: CallerAddress,
    ) -> Overview:
        return await as_lead(request, schools, caller_address, schools.overview)

    @delete(
        "/me",
        operation_id="deleteSchool",
        summary="Delete your school and everything it holds (lead only)",
        description="Every class check of the school with all its responses, every teacher's "
        "key and the school-wide views are deleted at once and overwritten on disk, as when "
        "the lead deletes the school on its web page. This cannot be undone. The key goes "
        "with the school, so repeating the request gets 404.",
        status_code=204,
        responses=DELETE_ERRORS,
        security=SCHOOL_KEY_ONLY,
    )
    async def remove(
        self,
        request: Request[Any, Any, Any],
        schools: InjectedSchools,
        caller_address: CallerAddress,
    ) -> None:
        removed = await as_lead(
            request,
            schools,
            caller_address,
            lambda teacher, school: schools.delete(teacher, school, None),
        )
        if removed is None:  # another request deleted it after this key was checked
            raise NotFoundException(problem(request, NOT_FOUND))
