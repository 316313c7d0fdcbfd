"""Class checks in the JSON API: create a check, submit a student's answers, read the report.

A report, closing and deleting need the class's teacher key as a Bearer token. A wrong key and a
class that does not exist get the same 404, so ids and keys cannot be probed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.exceptions import HTTPException, NotFoundException
from litestar.params import Body, HeaderParameter, Parameter

from safety_check.answers import validate
from safety_check.compiled_plan import encode_answers
from safety_check.i18n import Language
from safety_check.models import AgeBand
from safety_check.schools.class_check import ClassCheck
from safety_check.schools.codes import display_join_code
from safety_check.schools.report import Report
from safety_check.schools.school import Teacher
from safety_check.schools.words import N_
from safety_check.service.classes import checks as classes
from safety_check.service.classes.checks import (
    ClassChecks,
    InjectedClassChecks,
    KeyReused,
    LanguageNotOffered,
    NeedsSchool,
    Stored,
    is_valid_key,
)
from safety_check.service.classes.language import problem
from safety_check.service.classes.wire import ClassResponseRequest
from safety_check.service.individual.api import IncludeQuery
from safety_check.service.individual.wire import PlanOut, wanted
from safety_check.service.platform.access import client_address
from safety_check.service.platform.core import CallerAddress
from safety_check.service.platform.json_body import require_json
from safety_check.service.platform.problems import COMMON_ERRORS, problem_spec

NOT_FOUND = N_("schools:problem", "No class check with this id for this teacher key.")
CODE_NOT_FOUND = N_(
    "schools:problem", "No open class check has this join code. It may have closed."
)
CLOSED = N_("schools:problem", "This class check has closed.")
SEND_KEY = N_("schools:problem", "Send the teacher key as: Authorization: Bearer <key>.")
BAD_KEY = N_(
    "schools:problem", "Idempotency-Key must be 16 to 255 visible ASCII characters, such as a UUID."
)
BAD_NAME = N_(
    "schools:problem",
    "Give the class a name of 1 to 80 characters, without control characters.",
)
CODE_PATTERN = r"^[A-Za-z0-9 -]{1,16}$"
ID_PATTERN = r"^[A-Za-z0-9_-]{1,32}$"


class CohortCreated(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    """Use in report, close and delete URLs, with the teacher key."""
    name: str
    age_band: AgeBand | None
    language: Language
    """The class's language: its students' pages open in it, and its report is in it."""
    join_code: str
    join_url: str
    qr_svg: str
    """An SVG QR code for `join_url`, ready to show or print."""
    teacher_key: str
    """The only time this key is shown: keep it safe. Only a hash is stored."""
    open_until: str
    """The last day students can take part (a UK date: Europe/London)."""
    delete_on: str
    """The day every response is deleted (a UK date: Europe/London)."""


class CohortReport(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    age_band: AgeBand | None
    language: Language
    open: bool
    open_until: str
    delete_on: str
    report: Report


def bearer(request: Request[Any, Any, Any]) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(
            status_code=401,
            detail=problem(request, SEND_KEY),
            headers={"WWW-Authenticate": 'Bearer realm="class checks"'},
        )
    return token.strip()


Opened = TypeVar("Opened")
SCHOOL_NOT_FOUND = N_("schools:problem", "No school teacher has this key.")


async def by_bearer(
    request: Request[Any, Any, Any],
    opens: Callable[[str], Awaitable[Opened | None]],
    not_found: str,
) -> Opened:
    """What the request's Bearer key opens: 401 without a key, and 404 with `not_found` when
    the key opens nothing (a wrong key and a missing class or school look the same)."""
    found = await opens(bearer(request))
    if found is None:
        raise NotFoundException(problem(request, not_found))
    return found


async def _teacher_class_check(
    request: Request[Any, Any, Any], checks: ClassChecks, address: str, cohort_id: str
) -> ClassCheck:
    return await by_bearer(
        request, lambda key: checks.find_for_key(address, cohort_id, key), NOT_FOUND
    )


NEEDS_SCHOOL = N_(
    "schools:problem",
    "This service makes class checks only for schools' teachers: send your school key as "
    "Authorization: Bearer <key>.",
)


async def _school_teacher_if_sent(
    request: Request[Any, Any, Any], checks: ClassChecks, address: str
) -> Teacher | None:
    """The school teacher making a class, when a key is sent; a wrong key is 404, never a class
    made without the school."""
    if "authorization" not in request.headers:
        return None
    teacher, _ = await by_bearer(
        request, lambda key: checks.find_school_teacher(address, key), SCHOOL_NOT_FOUND
    )
    return teacher


LANGUAGE_NOT_OFFERED = N_(
    "schools:problem", "This service does not offer that language for class checks yet."
)
KEY_REUSED = N_(
    "schools:problem", "This Idempotency-Key was used for a different request. Use a new key."
)
REPLAYED = {"Idempotent-Replayed": "true"}
IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        required=False,
        description="A random value (16 to 255 visible ASCII characters, such as a UUID), the "
        "same for every retry of one request: a retry gets the first answer back "
        "(with Idempotent-Replayed: true) and is never counted twice. Kept for 24 hours.",
    ),
]


def _checked_key(request: Request[Any, Any, Any], key: str | None) -> str | None:
    """The key, or None when none was sent; a malformed key is refused (400)."""
    if key is None:
        return None
    if not is_valid_key(key):
        raise HTTPException(status_code=400, detail=problem(request, BAD_KEY))
    return key


def _caller_address(request: Request[Any, Any, Any], class_checks: ClassChecks) -> str:
    """The address `CallerAddress` would give. The busiest route reads it itself: with two
    dependencies, Litestar resolves them in a task group, about 45 µs a request here."""
    return client_address(request.scope, class_checks.platform.access.trusted)


TEACHER_ONLY: list[dict[str, list[str]]] = [{"teacherKey": []}, {"teacherKey": [], "apiKey": []}]

TEACHER_ERRORS = {
    400: problem_spec("The class id is not valid."),
    401: problem_spec("No teacher key was sent."),
    404: problem_spec("No such class check, or not for this key (the same answer for both)."),
    **COMMON_ERRORS,
}


class ClassChecksController(Controller):
    path = "/api/v1/cohorts"
    tags = ["Class checks"]

    @post(
        "/",
        operation_id="createCohort",
        summary="Create a class check",
        description="Returns the join code, join link and QR code for students, and the "
        "teacher key, which is shown only this once. With a school teacher's key (Bearer), the "
        "class belongs to the school and that teacher; the operator may require one.",
        status_code=201,
        before_request=require_json,
        security=[{}, {"apiKey": []}, {"teacherKey": []}],
        responses={
            400: problem_spec("The body is not JSON of the expected shape."),
            401: problem_spec("The service makes class checks only for schools' teachers."),
            404: problem_spec("No school teacher has the key sent."),
            413: problem_spec("The body is larger than the limit."),
            415: problem_spec("The body is not application/json."),
            422: problem_spec(
                "The class name is empty or has control characters, the language is not "
                "offered yet, or the Idempotency-Key was used for a different request."
            ),
            **COMMON_ERRORS,
        },
    )
    async def create_class_check(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[classes.CohortIn, Body(schema_extra={"additional_properties": False})],
        class_checks: InjectedClassChecks,
        caller_address: CallerAddress,
        idempotency_key: IdempotencyKey = None,
    ) -> Response[CohortCreated]:
        name = classes.clean_name(data.name)
        if name is None:
            raise HTTPException(
                status_code=422,
                detail=problem(request, BAD_NAME),
            )
        teacher = await _school_teacher_if_sent(request, class_checks, caller_address)
        try:
            key = _checked_key(request, idempotency_key)
            created = await class_checks.create(caller_address, data, name, key, teacher)
        except KeyReused:
            raise HTTPException(status_code=422, detail=problem(request, KEY_REUSED)) from None
        except LanguageNotOffered:
            raise HTTPException(
                status_code=422, detail=problem(request, LANGUAGE_NOT_OFFERED)
            ) from None
        except NeedsSchool:
            raise HTTPException(
                status_code=401,
                detail=problem(request, NEEDS_SCHOOL),
                headers={"WWW-Authenticate": 'Bearer realm="class checks"'},
            ) from None
        class_check = created.class_check
        body = CohortCreated(
            id=class_check.public_id,
            name=class_check.name,
            age_band=class_check.age_band,
            language=class_check.language,
            join_code=display_join_code(class_check.join_code),
            join_url=class_checks.join_url(class_check, str(request.base_url)),
            qr_svg=str(class_checks.join_qr(class_check, str(request.base_url))),
            teacher_key=created.teacher_key,
            open_until=class_check.closes_day,
            delete_on=class_check.delete_day,
        )
        return Response(body, status_code=201, headers=REPLAYED if created.replayed else None)

    @post(
        "/{code:str}/responses",
        operation_id="submitCohortResponse",
        summary="Take part in a class check",
        description="The student's plan, as from createPlan: compact unless `include` asks "
        "for more, with the same names and meaning (include=all is the whole plan). The area "
        "answers, scores and the actions in the plan are stored anonymously for the class "
        "totals, whatever `include` asks for; situation answers, addresses and times are never "
        "stored. 404 when the code is unknown or the check has closed.",
        status_code=201,
        before_request=require_json,
        responses={
            400: problem_spec("The body is not JSON of the expected shape."),
            404: problem_spec("No open class check has this join code."),
            413: problem_spec("The body is larger than the limit."),
            415: problem_spec("The body is not application/json."),
            422: problem_spec(
                "The answers do not fit the questionnaire, or the Idempotency-Key was used "
                "for a different request."
            ),
            **COMMON_ERRORS,
        },
    )
    async def submit_response(
        self,
        request: Request[Any, Any, Any],
        code: Annotated[str, Parameter(description="The join code.", pattern=CODE_PATTERN)],
        data: Annotated[ClassResponseRequest, Body(schema_extra={"additional_properties": False})],
        class_checks: InjectedClassChecks,
        idempotency_key: IdempotencyKey = None,
        include: IncludeQuery = None,
    ) -> Response[PlanOut]:
        key = _checked_key(request, idempotency_key)
        address = _caller_address(request, class_checks)
        class_check = await class_checks.find_open(address, code, open_only=key is None)
        if class_check is None:
            raise NotFoundException(problem(request, CODE_NOT_FOUND))
        answers = class_check.with_age_band(data.answers)
        # A retry (same Idempotency-Key, same answers) of a response stored before the class
        # closed gets its plan back; anything else for a closed class is the usual 404, decided
        # by a read before any validation or write.
        if (
            key is not None
            and not class_check.is_open()
            and not await class_checks.was_stored(class_check, answers, key)
        ):
            raise NotFoundException(problem(request, CODE_NOT_FOUND))
        validated = validate(answers)
        retry = class_checks.response_key(class_check, answers, key) if key is not None else None
        outcome = await class_checks.submit(class_check, validated, idempotency=retry)
        if outcome is Stored.CLOSED:
            raise NotFoundException(problem(request, CLOSED))
        if outcome is Stored.CONFLICT:
            raise HTTPException(status_code=422, detail=problem(request, KEY_REUSED))
        # In English, from fragments like createPlan's: building and encoding the plan objects
        # cost more than the write. include=all is `build_plan`'s bytes (a test holds them equal).
        return Response(
            content=encode_answers(validated, wanted(include)),  # type: ignore[arg-type]
            media_type="application/json",
            status_code=201,
            headers=REPLAYED if outcome is Stored.ALREADY else None,
        )

    @get(
        "/{cohort_id:str}/report",
        operation_id="getCohortReport",
        summary="A class check's report",
        description="Class totals only, released when the check closes: while open, only the "
        "number of responses in tens; below 10 responses, only the number. Every count carries "
        "noise fixed for the class (two-sided geometric, epsilon = ln 1.5 per count), so a "
        "guess about one student from one figure is right at most 60% of the time; counts "
        "under 3 are null. Needs the teacher key as a Bearer token.",
        responses=TEACHER_ERRORS,
        security=TEACHER_ONLY,
    )
    async def get_report(
        self,
        request: Request[Any, Any, Any],
        cohort_id: Annotated[str, Parameter(pattern=ID_PATTERN)],
        class_checks: InjectedClassChecks,
        caller_address: CallerAddress,
    ) -> CohortReport:
        class_check = await _teacher_class_check(request, class_checks, caller_address, cohort_id)
        return CohortReport(
            id=class_check.public_id,
            name=class_check.name,
            age_band=class_check.age_band,
            language=class_check.language,
            open=class_check.is_open(),
            open_until=class_check.closed_day(),
            delete_on=class_check.delete_day,
            report=await class_checks.report(class_check),
        )

    @post(
        "/{cohort_id:str}/close",
        operation_id="closeCohort",
        summary="Close a class check now",
        description="No more responses are accepted, and the report's figures appear.",
        status_code=204,
        responses=TEACHER_ERRORS,
        security=TEACHER_ONLY,
    )
    async def close(
        self,
        request: Request[Any, Any, Any],
        cohort_id: Annotated[str, Parameter(pattern=ID_PATTERN)],
        class_checks: InjectedClassChecks,
        caller_address: CallerAddress,
    ) -> None:
        class_check = await _teacher_class_check(request, class_checks, caller_address, cohort_id)
        await class_checks.close(class_check)

    @delete(
        "/{cohort_id:str}",
        operation_id="deleteCohort",
        summary="Delete a class check and all its responses",
        description="Everything stored for the class is deleted at once and overwritten on "
        "disk. This cannot be undone.",
        status_code=204,
        responses=TEACHER_ERRORS,
        security=TEACHER_ONLY,
    )
    async def remove(
        self,
        request: Request[Any, Any, Any],
        cohort_id: Annotated[str, Parameter(pattern=ID_PATTERN)],
        class_checks: InjectedClassChecks,
        caller_address: CallerAddress,
    ) -> None:
        class_check = await _teacher_class_check(request, class_checks, caller_address, cohort_id)
        await class_checks.delete(class_check)
