"""What class-check requests look like on the wire: a student's answers, a class's name.

They live with class checks, not with the individual check whose questions they reuse.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

from safety_check.answers import WireAnswers, decode_answers
from safety_check.service.individual.wire import ANSWERS_SCHEMA

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

CLASS_ANSWERS_SCHEMA = {**ANSWERS_SCHEMA, "required": []}


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
