"""Scores: one formula for every area and for the overall score.

For the scored questions that apply to a person and that they answered with a scored option,

    score = round(100 × Σ weight × safety / Σ weight)

where `safety` is the chosen option's place on the question's scale (1.0 safest, 0.0 riskiest)
and `weight` is the question's weight (1 to 3). An area with no such question has no score
(`None`), rather than a made-up 0 or 100. The overall score uses the same formula over all
areas' questions together, so a large area does not count less than a small one.

Monotone: choosing a riskier option (lower safety) for any question can only lower a score or
leave it unchanged, because each term's weight is fixed and positive and no scored question
decides whether another question applies (a registry test holds us to that).
"""

from __future__ import annotations

from safety_check.conditions import compile_condition
from safety_check.models import AREA_TITLES, AREAS, Answers, AreaScore, Scores
from safety_check.questionnaire import QUESTIONNAIRE

_AREA_INDEX = {area: index for index, area in enumerate(AREAS)}
_SCORED = tuple(
    (
        question.id,
        _AREA_INDEX[question.section],  # type: ignore[index]  # scored questions are area questions
        question.weight,
        {option.id: option.safety for option in question.options},
        compile_condition(question.condition) if question.condition else None,
    )
    for question in QUESTIONNAIRE.questions
    if question.weight > 0
)


def _percent(weighted: float, total: float) -> int | None:
    return round(100 * weighted / total) if total else None


def score(answers: Answers) -> Scores:
    values = answers.values
    count = len(AREAS)
    weighted, totals = [0.0] * count, [0.0] * count
    answered, applicable = [0] * count, [0] * count
    for question_id, area, weight, safety_of, applies in _SCORED:
        if applies is not None and applies(values) is False:
            continue
        applicable[area] += 1
        value = values.get(question_id)
        if value.__class__ is not str:
            continue
        answered[area] += 1
        safety = safety_of[value]
        if safety is not None:
            weighted[area] += weight * safety
            totals[area] += weight
    return Scores(
        overall=_percent(sum(weighted), sum(totals)),
        areas=tuple(
            AreaScore(
                area=area,
                title=AREA_TITLES[area],
                score=_percent(weighted[index], totals[index]),
                answered=answered[index],
                applicable=applicable[index],
            )
            for index, area in enumerate(AREAS)
        ),
    )
