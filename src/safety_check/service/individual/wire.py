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


ANSWERS_SCHEMA = {
    "properties": {question.id: _property(question) for question in QUESTIONNAIRE.questions},
    "required": [question.id for question in QUESTIONNAIRE.questions if question.required],
    "additionalProperties": False,
}


class PlanRequest(msgspec.Struct, forbid_unknown_fields=True):
    """Answers to make a plan from."""

    answers: Annotated[
        WireAnswers,
        msgspec.Meta(
            extra_json_schema={
                "description": "Question id to option id (single choice) or list of option ids "
                "(multi choice). Only profile.age_band is required. Answers to questions whose "
                "condition is false with the other answers are rejected (422).",
                "extra": ANSWERS_SCHEMA,
            }
        ),
    ]

    @classmethod
    def decode_body(cls, body: bytes) -> PlanRequest:
        return cls(answers=decode_answers(body))  # type: ignore[arg-type]
