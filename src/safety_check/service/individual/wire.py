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


CLASS_NAME_PATTERN = (
    "^(?=[\\s\\S]*\\S)[^\\u0000-\\u0008\\u000e-\\u001b\\u007f-\\u0084\\u0086-\\u009f\\u00ad"
    "\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890-\\u0891\\u08e2\\u180e\\u200b-\\u200f"
    "\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb]*$"
)
"""What `classes.clean_name` accepts, for the schema: some text that is not all spaces, without
control or format characters (direction marks, zero-width spaces); tabs and line breaks are
accepted and become single spaces. Only characters of the Basic Multilingual Plane are listed, so
the pattern means the same in JavaScript; the few format characters beyond it (U+110BD, U+E0001
and the tag characters) are refused too, with 422. A test checks the pattern against clean_name
for every character of the plane."""

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
CLASS_ANSWERS_SCHEMA = {**ANSWERS_SCHEMA, "required": []}


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


class ClassResponseRequest(msgspec.Struct, forbid_unknown_fields=True):
    """A student's answers for a class check."""

    answers: Annotated[
        WireAnswers,
        msgspec.Meta(
            extra_json_schema={
                "description": "As for createPlan, except that profile.age_band may be left out "
                "when the class check was created with an age band: the class's band is used. "
                "A class check without an age band needs it (422 otherwise).",
                "extra": CLASS_ANSWERS_SCHEMA,
            }
        ),
    ]

    @classmethod
    def decode_body(cls, body: bytes) -> ClassResponseRequest:
        return cls(answers=decode_answers(body))  # type: ignore[arg-type]
