"""What a class check keeps about one student's response, and nothing more.

Kept: the area answers about habits and settings, the scores, the actions their plan
recommended, the content version and the day (set by storage). Never kept: the situation answers
(is someone threatening you, has an image been shared); every answer that tells of something
that happened to the student or of their sexual life (role "disclosure", declared on each
question), and any question asked only because of one; the profile answers; anything about the device or connection; the time. Actions
that such an answer can trigger are left out too, and scores are worked out without those
answers, because a count or a score moved by them would tell the school what happened.
"""

from __future__ import annotations

import msgspec

from safety_check.conditions import parse, questions_in
from safety_check.engine import COMPILED_RULES, statuses_of
from safety_check.models import AREAS, Answers, Plan
from safety_check.questionnaire import QUESTIONNAIRE, QUESTIONS_BY_ID
from safety_check.scoring import score

PRIVATE_ROLES = frozenset({"situation", "disclosure"})
"""Roles whose answers a class check never keeps or counts (declared on each question)."""


def _private_questions() -> frozenset[str]:
    """Situation and disclosure questions, and any question asked only because of one of them.

    Questions such as "have you paid?" are asked only of someone being threatened, so even
    their presence would reveal the threat.
    """
    private = {q.id for q in QUESTIONNAIRE.questions if q.role in PRIVATE_ROLES}
    for question in QUESTIONNAIRE.questions:  # conditions only read earlier questions
        if question.condition and private & set(questions_in(question.condition)):
            private.add(question.id)
    return frozenset(private)


SITUATION_QUESTIONS = _private_questions()


def _reads_situation(compiled_questions: tuple[str, ...], applies: str | None) -> bool:
    read = set(compiled_questions) | (set(questions_in(parse(applies))) if applies else set())
    return bool(read & SITUATION_QUESTIONS)


SITUATION_RULES = frozenset(
    compiled.rule.id
    for compiled in COMPILED_RULES
    if _reads_situation(compiled.questions, compiled.rule.applies)
)
"""Rules whose firing would reveal a private answer; never stored or reported."""

REPORTABLE_RULES: tuple[str, ...] = tuple(
    compiled.rule.id for compiled in COMPILED_RULES if compiled.rule.id not in SITUATION_RULES
)


class ResponseRecord(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """The figures a class report is made from (compact: stored once per response).

    `gc=False`: it holds only ints, strings and tuples of them, so it can never be part of a
    reference cycle, and a school's thousands of records need not wake the garbage collector.
    """

    scores: tuple[int | None, ...]
    """One per area, in `AREAS` order; None where the area did not apply or was unanswered."""
    recommended: tuple[str, ...]
    """Rule ids of the actions in the plan, situation-only rules left out."""


def area_answers(answers: Answers) -> dict[str, str | tuple[str, ...]]:
    """The answers a class check keeps: area questions not tied to the person's situation."""
    return {
        question: value
        for question, value in answers.values.items()
        if QUESTIONS_BY_ID[question].role != "profile" and question not in SITUATION_QUESTIONS
    }


_COUNTED = tuple(
    None if compiled.rule.id in SITUATION_RULES else compiled.rule.id for compiled in COMPILED_RULES
)
"""Each rule's id in the order of `statuses_of`, None for a rule a class never counts."""


def record_of(answers: Answers) -> ResponseRecord:
    """The record a submission stores, from the rules' statuses alone: no plan objects.

    Equal to `record_for` with the answers' plan (a property test holds the two together), at a
    fraction of its cost: a stored class response answers with the plan's JSON, built from
    fragments, so no `Plan` exists to read it from.
    """
    values = answers.values
    shareable = {q: v for q, v in values.items() if q not in SITUATION_QUESTIONS}
    by_area = {
        area_score.area: area_score.score
        for area_score in score(
            answers if len(shareable) == len(values) else Answers(shareable)
        ).areas
    }
    # A rule's status, not the plan's lists: a situation answer alone moves an action to the
    # urgent lane or leaves it out as covered by it, and the record must not show that.
    recommended = tuple(
        rule_id
        for rule_id, status in zip(_COUNTED, statuses_of(answers), strict=True)
        if status == "fail" and rule_id is not None
    )
    return ResponseRecord(
        scores=tuple(by_area.get(area) for area in AREAS), recommended=recommended
    )


def record_for(answers: Answers, plan: Plan) -> ResponseRecord:
    """The record read from a built plan: the reference `record_of` is tested against, and
    what tools that already hold a plan use."""
    shareable = {q: v for q, v in answers.values.items() if q not in SITUATION_QUESTIONS}
    # Scores change only when a private answer is left out; otherwise the plan's are the same.
    unchanged = plan.scores is not None and len(shareable) == len(answers.values)
    scores = plan.scores if unchanged and plan.scores else score(Answers(shareable))
    by_area = {area_score.area: area_score.score for area_score in scores.areas}
    # From the findings, not the plan's lists: an action moves to the urgent lane, or is left
    # out as covered by it, only because of a situation answer, and the record must not show it.
    recommended = tuple(
        finding.rule_id
        for finding in plan.findings
        if finding.status == "fail" and finding.rule_id not in SITUATION_RULES
    )
    return ResponseRecord(
        scores=tuple(by_area.get(area) for area in AREAS), recommended=recommended
    )
