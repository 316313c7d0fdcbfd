"""Which questions to ask next, given the answers so far: the question conditions applied for a
partner, so that no partner has to write its own evaluator.

Pure: answers in, four lists of question ids out, each in questionnaire order.
"""

from __future__ import annotations

import msgspec

from safety_check.answers import AnswersInvalid, RawAnswer, prune, validate
from safety_check.conditions import compile_condition
from safety_check.models import Answers
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONNAIRE

_APPLIES = {
    question.id: compile_condition(question.condition)
    for question in QUESTIONNAIRE.questions
    if question.condition is not None
}


class NextQuestions(msgspec.Struct, frozen=True, kw_only=True):
    """What to ask a person next, in the questionnaire's order."""

    content_version: str
    ask: tuple[str, ...]
    """Not answered yet and asked with these answers (always, or their condition holds)."""
    waiting: tuple[str, ...]
    """Not answered yet; whether they are asked depends on a question not answered yet."""
    not_asked: tuple[str, ...]
    """Not asked with these answers: their condition is false."""
    drop: tuple[str, ...]
    """Given, but no longer asked with the other answers (an earlier answer changed): leave
    them out of the plan request, which would refuse them (422 `not_applicable`)."""


def next_questions(raw: dict[str, RawAnswer]) -> NextQuestions:
    """Sort every question by whether to ask it now. Raises `AnswersInvalid` for answers that
    are wrong in themselves (unknown ids or options, wrong types); answers that merely no longer
    apply are listed in `drop` instead."""
    answers, dropped = _valid_keeping_what_applies(raw)
    ask: list[str] = []
    waiting: list[str] = []
    not_asked: list[str] = []
    for question in QUESTIONNAIRE.questions:
        if question.id in answers.values:
            continue
        applies = _APPLIES.get(question.id)
        truth = True if applies is None else applies(answers.values)
        (ask if truth else waiting if truth is None else not_asked).append(question.id)
    return NextQuestions(
        content_version=CONTENT_VERSION,
        ask=tuple(ask),
        waiting=tuple(waiting),
        not_asked=tuple(not_asked),
        drop=dropped,
    )


def _valid_keeping_what_applies(raw: dict[str, RawAnswer]) -> tuple[Answers, tuple[str, ...]]:
    try:
        return validate(raw), ()
    except AnswersInvalid as invalid:
        if any(problem.code != "not_applicable" for problem in invalid.problems):
            raise
    # Only answers that no longer apply: every value is a valid str or list here.
    plain = {key: value for key, value in raw.items() if isinstance(value, str | list)}
    kept = prune(plain)
    answers = validate(kept)
    order = {question.id: index for index, question in enumerate(QUESTIONNAIRE.questions)}
    dropped = sorted((key for key in raw if key not in kept), key=lambda key: order.get(key, -1))
    return answers, tuple(dropped)
