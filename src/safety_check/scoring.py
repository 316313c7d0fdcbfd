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

Cost: the scored questions share few distinct conditions (about a third as many), so each
distinct condition is evaluated once per score, and each option's weight × safety is worked out
at start-up; per question a score is then a truth check and one dict lookup. Sums run in the
same order as the plain formula, so the floats, and the rounded ints, are the very same
(tests/test_scoring.py compares with a plain implementation). Nothing is cached per person, so
memory does not grow with the answers seen.
"""

from __future__ import annotations

from safety_check.conditions import Truth, compile_condition
from safety_check.models import AREA_TITLES, AREAS, Answers, AreaScore, Question, Scores
from safety_check.questionnaire import QUESTIONNAIRE

_SCORED = tuple(question for question in QUESTIONNAIRE.questions if question.weight > 0)
_DISTINCT = tuple(
    dict.fromkeys(question.condition for question in _SCORED if question.condition is not None)
)
_CONDITIONS = tuple(compile_condition(condition) for condition in _DISTINCT)
_ALWAYS: list[Truth] = [True]
"""Appended after the conditions' truths: the slot of the questions asked of everyone."""


def _points(weight: int, safety: float | None) -> tuple[float, float]:
    # An unscored option counts as answered but adds nothing: x + 0.0 leaves a sum bit for bit
    # as it was. The weight is kept as a float (exact for small ints, and the plain formula's
    # float total converts it anyway) so both sums take the interpreter's float-only addition.
    return (0.0, 0.0) if safety is None else (weight * safety, float(weight))


def _question(question: Question) -> tuple[str, int, dict[object, tuple[float, float] | None]]:
    """Question id, its slot among the truths, and option id to (weight × safety, weight).

    No answer (None) maps to None. Any other value that is not one of its options raises
    KeyError (the plain formula raised for an unknown option id and skipped a tuple);
    validated answers hold neither."""
    slot = len(_DISTINCT) if question.condition is None else _DISTINCT.index(question.condition)
    points: dict[object, tuple[float, float] | None] = {
        option.id: _points(question.weight, option.safety) for option in question.options
    }
    points[None] = None
    return question.id, slot, points


# Per area, in AREAS order: area, title and its scored questions in questionnaire order, which
# is the order the plain formula adds them in.
_AREAS = tuple(
    (
        area,
        AREA_TITLES[area],
        tuple(_question(question) for question in _SCORED if question.section == area),
    )
    for area in AREAS
)


def _percent(weighted: float, total: float) -> int | None:
    return round(100 * weighted / total) if total else None


def score(answers: Answers) -> Scores:
    values = answers.values
    get = values.get
    truths = [applies(values) for applies in _CONDITIONS] + _ALWAYS
    areas = []
    overall_weighted = overall_total = 0.0
    for area, title, questions in _AREAS:
        weighted = total = 0.0
        answered = applicable = 0
        for question_id, slot, points_of in questions:
            if truths[slot] is False:
                continue
            applicable += 1
            points = points_of[get(question_id)]
            if points is not None:
                answered += 1
                weighted += points[0]
                total += points[1]
        overall_weighted += weighted
        overall_total += total
        areas.append(
            AreaScore(
                area=area,
                title=title,
                score=round(100 * weighted / total) if total else None,
                answered=answered,
                applicable=applicable,
            )
        )
    return Scores(overall=_percent(overall_weighted, overall_total), areas=tuple(areas))
