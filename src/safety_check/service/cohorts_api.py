"""Class checks in the JSON API: create a check, submit a student's answers, read the report.

A report, closing and deleting need the class's teacher key as a Bearer token. A wrong key and a
class that does not exist get the same 404, so ids and keys cannot be probed.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.exceptions import HTTPException, NotFoundException
from litestar.params import Body, Parameter

from safety_check.answers import validate
from safety_check.models import AgeBand, Plan
from safety_check.schools.codes import display_join_code
from safety_check.schools.report import Report
from safety_check.service import classes
from safety_check.service.api import COMMON_ERRORS, plan_response, problem_spec, require_json
from safety_check.service.wire import ClassResponseRequest
from safety_check.storage.cohorts import Cohort

NOT_FOUND = "No class check with this id for this teacher key."
CODE_NOT_FOUND = "No open class check has this join code. It may have closed."
CODE_PATTERN = r"^[A-Za-z0-9 -]{1,16}$"
ID_PATTERN = r"^[A-Za-z0-9_-]{1,32}$"


class CohortCreated(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    """Use in report, close and delete URLs, with the teacher key."""
    name: str
    age_band: AgeBand | None
    join_code: str
    join_url: str
    qr_svg: str
    """An SVG QR code for `join_url`, ready to show or print."""
    teacher_key: str
    """The only time this key is shown: keep it safe. Only a hash is stored."""
    open_until: str
    """The last day students can take part (UTC)."""
    delete_on: str
    """The day every response is deleted (UTC)."""


class CohortReport(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    age_band: AgeBand | None
    open: bool
    open_until: str
    delete_on: str
    report: Report


def _bearer(request: Request[Any, Any, Any]) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(
            status_code=401,
            detail="Send the teacher key as: Authorization: Bearer <key>.",
            headers={"WWW-Authenticate": 'Bearer realm="class checks"'},
        )
    return token.strip()


async def _teacher_cohort(request: Request[Any, Any, Any], cohort_id: str) -> Cohort:
    cohort = await classes.find_for_key(request, cohort_id, _bearer(request))
    if cohort is None:
        raise NotFoundException(NOT_FOUND)
    return cohort


TEACHER_ONLY: list[dict[str, list[str]]] = [{"teacherKey": []}, {"teacherKey": [], "apiKey": []}]

TEACHER_ERRORS = {
    400: problem_spec("The class id is not valid."),
    401: problem_spec("No teacher key was sent."),
    404: problem_spec("No such class check, or not for this key (the same answer for both)."),
    **COMMON_ERRORS,
}


class CohortsController(Controller):
    path = "/api/v1/cohorts"
    tags = ["Class checks"]

    @post(
        "/",
        operation_id="createCohort",
        summary="Create a class check",
        description="Returns the join code, join link and QR code for students, and the "
        "teacher key, which is shown only this once.",
        status_code=201,
        before_request=require_json,
        responses={
            400: problem_spec("The body is not JSON of the expected shape."),
            413: problem_spec("The body is larger than the limit."),
            415: problem_spec("The body is not application/json."),
            422: problem_spec("The class name is empty or has control characters."),
            **COMMON_ERRORS,
        },
    )
    async def create_cohort(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[classes.CohortIn, Body(schema_extra={"additional_properties": False})],
    ) -> CohortCreated:
        name = classes.clean_name(data.name)
        if name is None:
            raise HTTPException(
                status_code=422,
                detail="Give the class a name of 1 to 80 characters, without control characters.",
            )
        created = await classes.create(request, data, name)
        cohort = created.cohort
        return CohortCreated(
            id=cohort.public_id,
            name=cohort.name,
            age_band=cohort.age_band,
            join_code=display_join_code(cohort.join_code),
            join_url=classes.join_url(request, cohort),
            qr_svg=str(classes.join_qr(request, cohort)),
            teacher_key=created.teacher_key,
            open_until=cohort.closes_day,
            delete_on=cohort.delete_day,
        )

    @post(
        "/{code:str}/responses",
        operation_id="submitCohortResponse",
        summary="Take part in a class check",
        description="The student's plan, as from createPlan. The area answers, scores and the "
        "actions in the plan are stored anonymously for the class totals; situation answers, "
        "addresses and times are never stored. 404 when the code is unknown or the check "
        "has closed.",
        status_code=201,
        before_request=require_json,
        responses={
            400: problem_spec("The body is not JSON of the expected shape."),
            404: problem_spec("No open class check has this join code."),
            413: problem_spec("The body is larger than the limit."),
            415: problem_spec("The body is not application/json."),
            422: problem_spec("The answers do not fit the questionnaire."),
            **COMMON_ERRORS,
        },
    )
    async def submit_response(
        self,
        request: Request[Any, Any, Any],
        code: Annotated[str, Parameter(description="The join code.", pattern=CODE_PATTERN)],
        data: Annotated[ClassResponseRequest, Body(schema_extra={"additional_properties": False})],
    ) -> Response[Plan]:
        cohort = await classes.find_open(request, code)
        if cohort is None:
            raise NotFoundException(CODE_NOT_FOUND)
        answers = dict(data.answers)
        if cohort.age_band and "profile.age_band" not in answers:
            answers["profile.age_band"] = cohort.age_band
        plan = await classes.plan_and_submit(request.app.state.database, cohort, validate(answers))
        return plan_response(plan)

    @get(
        "/{cohort_id:str}/report",
        operation_id="getCohortReport",
        summary="A class check's report",
        description="Class totals only, suppressed: nothing but the count below 10 responses "
        "or while the check is open; no count of 1 or 2 and none that can be worked out from "
        "the others (null where hidden). Needs the teacher key as a Bearer token.",
        responses=TEACHER_ERRORS,
        security=TEACHER_ONLY,
    )
    async def get_report(
        self,
        request: Request[Any, Any, Any],
        cohort_id: Annotated[str, Parameter(pattern=ID_PATTERN)],
    ) -> CohortReport:
        cohort = await _teacher_cohort(request, cohort_id)
        database = request.app.state.database
        return CohortReport(
            id=cohort.public_id,
            name=cohort.name,
            age_band=cohort.age_band,
            open=cohort.is_open(),
            open_until=cohort.closed_day(),
            delete_on=cohort.delete_day,
            report=await classes.report(database, cohort),
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
    ) -> None:
        cohort = await _teacher_cohort(request, cohort_id)
        await classes.close(request, cohort)

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
    ) -> None:
        cohort = await _teacher_cohort(request, cohort_id)
        await classes.delete(request, cohort)
