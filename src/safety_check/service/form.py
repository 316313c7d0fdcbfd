"""Turning the HTML form's fields into answers, and answers back into hidden fields.

Answers travel between the steps inside the form itself (hidden fields), so the server keeps
nothing and sets no cookie. Field names are question ids and values are option ids; a hidden
`_shown` field names each multi-choice question that was on the page, so "none of these" (no box
ticked) can be told apart from "not asked".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import msgspec

from safety_check.answers import AnswersInvalid, prune, validate
from safety_check.conditions import compile_condition
from safety_check.models import AnswerProblem, Answers, Question
from safety_check.questionnaire import QUESTIONNAIRE, QUESTIONS_BY_ID

SHOWN = "_shown"
_APPLIES = {q.id: compile_condition(q.condition) for q in QUESTIONNAIRE.questions if q.condition}
MAX_FIELDS = 400
RawAnswers = dict[str, str | list[str]]


class HiddenField(msgspec.Struct, frozen=True):
    name: str
    value: str


def answers_from_form(fields: Iterable[tuple[str, str]]) -> RawAnswers:
    """Answers from submitted form fields; anything that is not a known question is ignored."""
    values: dict[str, list[str]] = {}
    shown: set[str] = set()
    for count, (name, value) in enumerate(fields):
        if count >= MAX_FIELDS:
            break
        if name == SHOWN and value in QUESTIONS_BY_ID:
            shown.add(value)
        elif name in QUESTIONS_BY_ID:
            values.setdefault(name, []).append(value)
    raw: RawAnswers = {}
    for question_id in QUESTIONS_BY_ID:
        question = QUESTIONS_BY_ID[question_id]
        chosen = values.get(question_id)
        if question.kind == "multi":
            if chosen is not None or question_id in shown:
                raw[question_id] = list(dict.fromkeys(chosen or []))
        elif chosen:
            raw[question_id] = chosen[-1]
    return raw


def hidden_fields(
    raw: Mapping[str, str | list[str]], *, except_for: Iterable[str] = ()
) -> list[HiddenField]:
    """Hidden fields that carry answers to the next step (skipping the ones on the page)."""
    skip = set(except_for)
    fields = []
    for question in QUESTIONNAIRE.questions:
        if question.id in skip or question.id not in raw:
            continue
        value = raw[question.id]
        if isinstance(value, str):
            fields.append(HiddenField(question.id, value))
        else:
            fields.append(HiddenField(SHOWN, question.id))
            fields.extend(HiddenField(question.id, option) for option in value)
    return fields


def check(raw: Mapping[str, str | list[str]]) -> tuple[Answers | None, dict[str, str]]:
    """Validate answers for the web: drop answers that stopped applying, then validate.

    Returns the answers, or the errors as plain sentences keyed by question id.
    """
    try:
        return validate(prune(raw)), {}
    except AnswersInvalid as invalid:
        return None, {problem.question or "": _sentence(problem) for problem in invalid.problems}


def _sentence(problem: AnswerProblem) -> str:
    if problem.code == "missing_required":
        return "Choose your age group, so we can show you the right help."
    return "Choose one of the options."


def questions_for_step(step: str, raw: Mapping[str, str | list[str]]) -> list[Question]:
    """The questions on a page: about you, or every area question that applies so far."""
    if step == "about":
        return [q for q in QUESTIONNAIRE.questions if q.section in ("profile", "situation")]
    view = {k: (v if isinstance(v, str) else tuple(v)) for k, v in raw.items()}
    return [
        question
        for question in QUESTIONNAIRE.questions
        if question.section not in ("profile", "situation")
        and (question.id not in _APPLIES or _APPLIES[question.id](view) is True)
    ]
