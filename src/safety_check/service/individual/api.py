"""The JSON API under /api/v1: controllers only decode, call the engine, and encode."""

from __future__ import annotations

import hashlib
from typing import Annotated

import msgspec
from litestar import Controller, Response, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Body, HeaderParameter, QueryParameter

from safety_check.answers import validate
from safety_check.content_changes import CONTENT_CHANGES, ContentChange
from safety_check.models import AgeBand, Plan, Questionnaire, Resource
from safety_check.plan import build_plan
from safety_check.plan_json import encode_plan
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import RESOURCES, suits_age
from safety_check.service.individual.examples import ANSWER_EXAMPLES
from safety_check.service.individual.wire import PlanRequest
from safety_check.service.platform.json_body import require_json
from safety_check.service.platform.problems import COMMON_ERRORS, problem_spec

QUESTIONNAIRE_JSON = msgspec.json.encode(QUESTIONNAIRE)
QUESTIONNAIRE_ETAG = '"' + hashlib.sha256(QUESTIONNAIRE_JSON).hexdigest()[:32] + '"'
QUESTIONNAIRE_CACHE = "public, max-age=3600"
CONTENT_CHANGES_JSON = msgspec.json.encode(CONTENT_CHANGES)


def plan_response(plan: Plan) -> Response[Plan]:
    """The plan's JSON from cached parts (see plan_json), with the route's usual headers."""
    return Response(content=encode_plan(plan), media_type="application/json")  # type: ignore[arg-type]


def _etag_matches(header: str | None) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return QUESTIONNAIRE_ETAG in tags


class ApiController(Controller):
    path = "/api/v1"
    tags = ["Safety Check"]

    @get(
        "/questionnaire",
        operation_id="getQuestionnaire",
        summary="The questionnaire",
        description="Every question with its options, conditions (as an expression and as a "
        "tree) and scoring weights, stamped with the content version. Cacheable; send "
        "If-None-Match with the ETag to get 304 when nothing changed.",
        responses={
            304: ResponseSpec(None, description="Not modified"),
            400: problem_spec("A header is not valid."),
            **COMMON_ERRORS,
        },
    )
    async def get_questionnaire(
        self,
        if_none_match: Annotated[
            str | None, HeaderParameter(name="If-None-Match", required=False, max_length=1024)
        ] = None,
    ) -> Response[Questionnaire]:
        headers = {"ETag": QUESTIONNAIRE_ETAG, "Cache-Control": QUESTIONNAIRE_CACHE}
        if _etag_matches(if_none_match):
            return Response(content=b"", status_code=304, headers=headers)  # type: ignore[arg-type]
        # Encoded once at import: the questionnaire only changes with a release.
        return Response(
            content=QUESTIONNAIRE_JSON,  # type: ignore[arg-type]
            media_type="application/json",
            headers=headers,
        )

    @post(
        "/plans",
        operation_id="createPlan",
        summary="Make a plan from answers",
        description="Stateless: the answers are turned into a plan and forgotten; nothing about "
        "the request is stored or logged. No answer is required (without profile.age_band "
        "the plan is age-neutral). Every problem "
        "with the answers is reported at once (422), each with a JSON pointer to the answer.",
        status_code=200,
        before_request=require_json,
        responses={
            400: problem_spec("The body is not JSON of the expected shape."),
            413: problem_spec("The body is larger than the limit."),
            415: problem_spec("The body is not application/json."),
            422: problem_spec("The answers do not fit the questionnaire."),
            **COMMON_ERRORS,
        },
    )
    async def create_plan(
        self,
        data: Annotated[
            PlanRequest,
            Body(
                description="A flat map of question id to option id (single choice) or list "
                "of option ids (multi choice).",
                examples=[
                    Example(summary=summary, value=value)
                    for summary, value in ANSWER_EXAMPLES.items()
                ],
                schema_extra={"additional_properties": False},
            ),
        ],
    ) -> Response[Plan]:
        return plan_response(build_plan(validate(data.answers)))

    @get(
        "/resources",
        operation_id="listResources",
        summary="Support services",
        description="The support-services catalogue. With age_band, only the services that "
        "are right for everyone in that age band.",
        cache_control=None,
        responses={400: problem_spec("Unknown age band."), **COMMON_ERRORS},
    )
    async def list_resources(
        self,
        age_band: Annotated[AgeBand | None, QueryParameter(name="age_band", required=False)] = None,
    ) -> Response[tuple[Resource, ...]]:
        chosen = tuple(
            resource
            for resource in RESOURCES.values()
            if age_band is None or suits_age(resource, age_band)
        )
        return Response(content=chosen, headers={"Cache-Control": QUESTIONNAIRE_CACHE})

    @get(
        "/content/changes",
        operation_id="listContentChanges",
        summary="What changed in each content version",
        description="Every content version, newest first, with its date and what changed: rules "
        "added, changed and removed, support services whose number or address changed, and "
        "questions. The newest is the content_version stamped on the questionnaire and on "
        "every plan; compare it with the version you last reviewed.",
        responses=COMMON_ERRORS,
    )
    async def list_content_changes(self) -> Response[tuple[ContentChange, ...]]:
        return Response(
            content=CONTENT_CHANGES_JSON,  # type: ignore[arg-type]
            media_type="application/json",
            headers={"Cache-Control": QUESTIONNAIRE_CACHE},
        )
