"""The plan request as documented in OpenAPI: every question a property with its options.

Decoding stays as loose as `answers.AnswersIn` (a map of strings and lists), so that unknown
questions and options, and answers of the wrong type, are reported all at once by the engine's
validator (422, each pointing at its answer) rather than one at a time by the decoder; the schema
tells partners exactly what is valid.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from safety_check.answers import WireAnswers, decode_answers
from safety_check.models import Question
from safety_check.questionnaire import QUESTIONNAIRE


def _property(question: Question) -> dict[str, Any]:
    # Plain JSON Schema (camelCase keys): these dicts are copied into openapi.json as they are.
    options = [option.id for option in question.options]
    description = question.text + (f" Asked only when: {question.when}." if question.when else "")
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
