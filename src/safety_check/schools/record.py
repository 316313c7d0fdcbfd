"""What a class check keeps about one student's response, and nothing more.

Kept: the area answers, the scores, the actions their plan recommended, the content version and
the day (set by storage). Never kept: the situation answers (is someone threatening you, has an
image been shared), the profile answers, anything about the device or connection, or the time.
Actions that only a situation answer can trigger are left out too, because counting them would
tell the school that someone in the class is being threatened.
"""

from __future__ import annotations

import msgspec

from safety_check.conditions import parse, questions_in
from safety_check.engine import COMPILED_RULES
from safety_check.models import AREAS, Answers, Plan

PRIVATE_SECTIONS = ("profile", "situation")


def _reads_situation(compiled_questions: tuple[str, ...], applies: str | None) -> bool:
    read = set(compiled_questions) | (set(questions_in(parse(applies))) if applies else set())
    return any(question.startswith("situation.") for question in read)


SITUATION_RULES = frozenset(
    compiled.rule.id
    for compiled in COMPILED_RULES
    if _reads_situation(compiled.questions, compiled.rule.applies)
)
"""Rules whose firing would reveal a situation answer; never stored or reported."""

REPORTABLE_RULES: tuple[str, ...] = tuple(
    compiled.rule.id for compiled in COMPILED_RULES if compiled.rule.id not in SITUATION_RULES
)


class ResponseRecord(msgspec.Struct, frozen=True, array_like=True):
    """The figures a class report is made from (compact: stored once per response)."""

    scores: tuple[int | None, ...]
    """One per area, in `AREAS` order; None where the area did not apply or was unanswered."""
    recommended: tuple[str, ...]
    """Rule ids of the actions in the plan, situation-only rules left out."""


def area_answers(answers: Answers) -> dict[str, str | tuple[str, ...]]:
    return {
        question: value
        for question, value in answers.values.items()
        if question.split(".", 1)[0] not in PRIVATE_SECTIONS
    }


def record_for(plan: Plan) -> ResponseRecord:
    by_area = {area_score.area: area_score.score for area_score in plan.scores.areas}
    recommended = tuple(
        action.rule_id
        for action in (*plan.do_first, *plan.next)
        if action.rule_id not in SITUATION_RULES
    )
    return ResponseRecord(
        scores=tuple(by_area.get(area) for area in AREAS), recommended=recommended
    )
