"""The JSON API under /api/v1: controllers only decode, call the engine, and encode."""

from __future__ import annotations

import functools
import hashlib
from typing import Annotated

import msgspec
from litestar import Controller, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Body, HeaderParameter, PathParameter, QueryParameter

from safety_check import i18n
from safety_check.answers import validate
from safety_check.compiled_plan import encode_answers
from safety_check.content_changes import CONTENT_CHANGES, ContentChange
from safety_check.content_language import questionnaire_in, resources_in, rule_texts_in
from safety_check.engine import COMPILED_RULES
from safety_check.models import AgeBand, Questionnaire, Resource
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONNAIRE
from safety_check.resources import suits_age
from safety_check.service.individual.examples import ANSWER_EXAMPLES
from safety_check.service.individual.wire import (
    INCLUDE_PATTERN,
    PlanOut,
    PlanRequest,
    RuleContent,
    wanted,
)
from safety_check.service.platform.core import InjectedPlatform, Platform
from safety_check.service.platform.json_body import require_json
from safety_check.service.platform.problems import COMMON_ERRORS, problem_spec

QUESTIONNAIRE_JSON = msgspec.json.encode(QUESTIONNAIRE)
QUESTIONNAIRE_ETAG = '"' + hashlib.sha256(QUESTIONNAIRE_JSON).hexdigest()[:32] + '"'
QUESTIONNAIRE_CACHE = "public, max-age=3600"
CONTENT_CHANGES_JSON = msgspec.json.encode(CONTENT_CHANGES)
ACCEPT_LANGUAGE = HeaderParameter(
    name="Accept-Language",
    required=False,
    max_length=1024,
    description="The language of the words: `cy` for Welsh where the service offers it, "
    "otherwise English. The response's Content-Language says which was used.",
)


def language_of(header: str | None, platform: Platform) -> i18n.Language:
    """The offered language the caller's Accept-Language prefers (English by default)."""
    return i18n.negotiate(header, platform.settings.languages)


def language_headers(language: i18n.Language) -> dict[str, str]:
    return {"Content-Language": i18n.HTML_LANG[language], "Vary": "Accept-Language"}


@functools.cache
def questionnaire_body(language: i18n.Language) -> tuple[bytes, str]:
    """The questionnaire's JSON in one language with its ETag, encoded once per language: the
    ETag hashes the body, so each language has its own."""
    if language == i18n.DEFAULT:
        return QUESTIONNAIRE_JSON, QUESTIONNAIRE_ETAG
    body = msgspec.json.encode(questionnaire_in(language))
    return body, _etag(body)


def _etag_matches(header: str | None, etag: str = QUESTIONNAIRE_ETAG) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in tags


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _rule_content(language: i18n.Language = "en") -> dict[str, tuple[bytes, str]]:
    """Each rule's words in one language as JSON with its ETag, by id and every old id."""
    found: dict[str, tuple[bytes, str]] = {}
    words = rule_texts_in(language)
    for compiled in COMPILED_RULES:
        rule = compiled.rule
        text = words[compiled.order]
        body = msgspec.json.encode(
            RuleContent(
                id=rule.id,
                area=rule.area,
                purpose=rule.purpose,
                title=text.title,
                summary=text.summary,
                why=text.why,
                steps=text.steps,
                how_to_check=text.how_to_check,
                severity=rule.severity,
                effort_minutes=rule.effort_minutes,
                sources=rule.sources,
                resources=text.resources,
                urgent_step=rule.urgent_step,
                content_version=CONTENT_VERSION,
            )
        )
        for rule_id in (rule.id, *rule.aliases):
            found[rule_id] = (body, _etag(body))
    return found


RULE_CONTENT = _rule_content()


@functools.cache
def rule_content(language: i18n.Language) -> dict[str, tuple[bytes, str]]:
    return RULE_CONTENT if language == i18n.DEFAULT else _rule_content(language)


IncludeQuery = Annotated[
    str | None,
    QueryParameter(
        name="include",
        required=False,
        max_length=256,
        pattern=INCLUDE_PATTERN,
        description="Comma-separated parts to add to the compact plan: findings, "
        "sources, reasons, details, later_steps, or all.",
    ),
]
"""`?include=` wherever a plan is returned (class responses too), so every plan route
validates and refuses it alike."""


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
        platform: InjectedPlatform,
        if_none_match: Annotated[
            str | None, HeaderParameter(name="If-None-Match", required=False, max_length=1024)
        ] = None,
        accept_language: Annotated[str | None, ACCEPT_LANGUAGE] = None,
    ) -> Response[Questionnaire]:
        language = language_of(accept_language, platform)
        # Encoded once per language: the questionnaire only changes with a release.
        body, etag = questionnaire_body(language)
        headers = {
            "ETag": etag,
            "Cache-Control": QUESTIONNAIRE_CACHE,
            **language_headers(language),
        }
        if _etag_matches(if_none_match, etag):
            return Response(content=b"", status_code=304, headers=headers)  # type: ignore[arg-type]
        return Response(
            content=body,  # type: ignore[arg-type]
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
        "with the answers is reported at once (422), each with a JSON pointer to the answer. "
        "The plan is compact unless `include` asks for more: each action has its id, title, "
        "summary, this person's steps, caution and who takes it; `include` adds findings, "
        "sources, reasons (why and because), details (area, purpose, severity, effort, services "
        "named, content version) and later_steps (the steps of the 'when you feel ready' "
        "actions), or all of them. A rule's words for every platform are at "
        "GET /api/v1/content/rules/{rule_id}, cacheable by ETag.",
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
        platform: InjectedPlatform,
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
        include: IncludeQuery = None,
        accept_language: Annotated[str | None, ACCEPT_LANGUAGE] = None,
    ) -> Response[PlanOut]:
        language = language_of(accept_language, platform)
        body = encode_answers(validate(data.answers), wanted(include), language)
        return Response(
            content=body,  # type: ignore[arg-type]
            media_type="application/json",
            headers=language_headers(language),
        )

    @get(
        "/content/rules/{rule_id:str}",
        operation_id="getRuleContent",
        summary="A rule's words for every platform",
        description="Title, summary, why, the steps for every platform and nation, how to "
        "check, sources and services named, for the content version in force. The same for "
        "everyone, so cache it: send If-None-Match with the ETag to get 304 when nothing "
        "changed. Old rule ids are accepted.",
        responses={
            304: ResponseSpec(None, description="Not modified"),
            400: problem_spec("A header is not valid."),
            404: problem_spec("No rule has this id."),
            **COMMON_ERRORS,
        },
    )
    async def get_rule_content(
        self,
        platform: InjectedPlatform,
        rule_id: Annotated[str, PathParameter(max_length=128)],
        if_none_match: Annotated[
            str | None, HeaderParameter(name="If-None-Match", required=False, max_length=1024)
        ] = None,
        accept_language: Annotated[str | None, ACCEPT_LANGUAGE] = None,
    ) -> Response[RuleContent]:
        language = language_of(accept_language, platform)
        found = rule_content(language).get(rule_id)
        if found is None:
            raise NotFoundException("No rule has this id.")
        body, etag = found
        headers = {"ETag": etag, "Cache-Control": QUESTIONNAIRE_CACHE, **language_headers(language)}
        if _etag_matches(if_none_match, etag):
            return Response(content=b"", status_code=304, headers=headers)  # type: ignore[arg-type]
        return Response(content=body, media_type="application/json", headers=headers)  # type: ignore[arg-type]

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
        platform: InjectedPlatform,
        age_band: Annotated[AgeBand | None, QueryParameter(name="age_band", required=False)] = None,
        accept_language: Annotated[str | None, ACCEPT_LANGUAGE] = None,
    ) -> Response[tuple[Resource, ...]]:
        language = language_of(accept_language, platform)
        chosen = tuple(
            resource
            for resource in resources_in(language).values()
            if age_band is None or suits_age(resource, age_band)
        )
        return Response(
            content=chosen,
            headers={"Cache-Control": QUESTIONNAIRE_CACHE, **language_headers(language)},
        )

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
