"""The plan request as documented in OpenAPI: every question a property with its options.

Decoding stays as loose as `answers.AnswersIn` (a map of strings and lists), so that unknown
questions and options, and answers of the wrong type, are reported all at once by the engine's
validator (422, each pointing at its answer) rather than one at a time by the decoder; the schema
tells partners exactly what is valid.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from msgspec import UNSET, UnsetType

from safety_check.answers import WireAnswers, decode_answers
from safety_check.compiled_plan import INCLUDE_NAMES, Include, include_of
from safety_check.i18n import Language
from safety_check.models import (
    AgeBand,
    AnswerRef,
    Area,
    Contact,
    DoingWell,
    DoneBy,
    Finding,
    ForWhom,
    Lane,
    PlatformSteps,
    Purpose,
    Question,
    ResourceRef,
    Scores,
    Severity,
    Source,
    SupportItem,
    UrgentStep,
)
from safety_check.questionnaire import QUESTIONNAIRE


def question_description(question: Question) -> str:
    """The question's description in the plan request's schema (the reference page gives it in
    Welsh from the question's own translation, so it is built in one place)."""
    return question.text + (f" Asked only when: {question.when}." if question.when else "")


def _property(question: Question) -> dict[str, Any]:
    # Plain JSON Schema (camelCase keys): these dicts are copied into openapi.json as they are.
    options = [option.id for option in question.options]
    description = question_description(question)
    if question.kind == "single":
        return {"type": "string", "enum": options, "description": description}
    return {
        "type": "array",
        "items": {"type": "string", "enum": options},
        "uniqueItems": True,
        "maxItems": len(options),
        "description": description,
    }


_KNOWN_KEYS = sorted(
    {key for question in QUESTIONNAIRE.questions for key in (question.id, *question.aliases)}
)
ANSWERS_SCHEMA = {
    "properties": {question.id: _property(question) for question in QUESTIONNAIRE.questions},
    "required": [question.id for question in QUESTIONNAIRE.questions if question.required],
    # `propertyNames` alone says which keys are valid. `additionalProperties: false` would say the
    # same, but generated clients (openapi-python-client) then drop a misspelled question id
    # without a word and the partner gets a plan with that question "not answered"; this way the
    # key reaches the server, whose 422 names it.
    "propertyNames": {"enum": _KNOWN_KEYS},
    "additionalProperties": {
        "oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}},
        ],
        "description": "Only the question ids above (and their old aliases) are accepted; any "
        "other key is answered with 422 `unknown_question`.",
    },
}


class PlanRequest(msgspec.Struct, forbid_unknown_fields=True):
    """Answers to make a plan from."""

    answers: Annotated[
        WireAnswers,
        msgspec.Meta(
            extra_json_schema={
                "description": "Question id to option id (single choice) or list of option ids "
                "(multi choice). No answer is required: without profile.age_band the plan is "
                "age-neutral. Answers to questions whose "
                "condition is false with the other answers are rejected (422).",
                "extra": ANSWERS_SCHEMA,
            }
        ),
    ]

    @classmethod
    def decode_body(cls, body: bytes) -> PlanRequest:
        return cls(answers=decode_answers(body))  # type: ignore[arg-type]


INCLUDE_PATTERN = "^(" + "|".join(INCLUDE_NAMES) + ")(,(" + "|".join(INCLUDE_NAMES) + "))*$"
"""`?include=` is a comma-separated list of these names."""


def wanted(include: str | None) -> Include:
    """The parts an already validated `?include=` asks for (none when it is absent)."""
    return include_of(include.split(",") if include else ())


class ActionOut(msgspec.Struct, frozen=True, kw_only=True):
    """An action as `createPlan` returns it: ids, words and this person's steps always; the
    rest when asked for with `include` (fields in the same order as the full action)."""

    rule_id: str
    area: Area | UnsetType = UNSET
    """With include=details."""
    purpose: Purpose | UnsetType = UNSET
    """With include=details."""
    title: str
    summary: str
    why: str | UnsetType = UNSET
    """With include=reasons."""
    because: tuple[AnswerRef, ...] | UnsetType = UNSET
    """With include=reasons: the answers that put the action in the plan."""
    steps: tuple[PlatformSteps, ...] | UnsetType = UNSET
    """This person's steps; for "when you feel ready" actions only with include=later_steps."""
    how_to_check: tuple[PlatformSteps, ...] | UnsetType = UNSET
    """As `steps`; empty unless the person answered "I'm not sure"."""
    severity: Severity | UnsetType = UNSET
    """With include=details."""
    effort_minutes: int | UnsetType = UNSET
    """With include=details."""
    sources: tuple[Source, ...] | UnsetType = UNSET
    """With include=sources."""
    resources: tuple[ResourceRef, ...] | UnsetType = UNSET
    """With include=details: the services named in the steps shown."""
    content_version: str | UnsetType = UNSET
    """With include=details."""
    urgent_step: UrgentStep | None
    caution: str | None
    done_by: DoneBy


class UrgentLaneOut(msgspec.Struct, frozen=True, kw_only=True):
    mode: Lane
    title: str
    message: str
    actions: tuple[ActionOut, ...]


class LaterSectionOut(msgspec.Struct, frozen=True, kw_only=True):
    title: str
    message: str
    actions: tuple[ActionOut, ...]


class PlanOut(msgspec.Struct, frozen=True, kw_only=True):
    """A plan as `createPlan` returns it. With include=all, every field of every action and the
    findings: the same JSON as a class response's plan."""

    content_version: str
    language: Language
    """The language of the plan's words: the one `Accept-Language` chose among those offered."""
    written_for: ForWhom
    age_band: AgeBand | None
    urgent: UrgentLaneOut | None
    do_first: tuple[ActionOut, ...]
    next: tuple[ActionOut, ...] = msgspec.field(name="do_next")
    when_ready: LaterSectionOut | None
    doing_well: tuple[DoingWell, ...]
    not_answered: tuple[str, ...]
    scores: Scores | None
    scores_withheld: str | None
    support: tuple[SupportItem, ...]
    contact_first: tuple[Contact, ...]
    findings: tuple[Finding, ...] | UnsetType = UNSET
    """With include=findings: every rule's finding."""


class RuleContent(msgspec.Struct, frozen=True, kw_only=True):
    """A rule's words for every platform and nation, for partners who show them from a cache
    rather than from every plan."""

    id: str
    area: Area
    purpose: Purpose
    title: str
    summary: str
    why: str
    steps: tuple[PlatformSteps, ...]
    how_to_check: tuple[PlatformSteps, ...]
    severity: Severity
    effort_minutes: int
    sources: tuple[Source, ...]
    resources: tuple[ResourceRef, ...]
    urgent_step: UrgentStep | None
    content_version: str
