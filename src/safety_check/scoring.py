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

Cost: which scored questions apply depends only on the few questions their conditions read
(the "gates": age band, apps, devices), so the conditions are evaluated once per distinct gate
answers and the outcome kept as a layout. A score is then one dict lookup per applicable
question. Sums run in the same order as the plain formula, so the floats, and the rounded
ints, are the very same (tests/test_scoring.py compares with a plain implementation).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

from safety_check.conditions import compile_condition, questions_in
from safety_check.models import AREA_TITLES, AREAS, Answers, AreaScore, Scores
from safety_check.questionnaire import QUESTIONNAIRE

_Lookup: TypeAlias = Callable[[Any], "tuple[float, int] | None"]
# Per area, in AREAS order: area, title, (question id, option lookup) per applicable question,
# and how many questions apply.
_Layout: TypeAlias = tuple[tuple[str, str, tuple[tuple[str, _Lookup], ...], int], ...]

_SCORED = tuple(question for question in QUESTIONNAIRE.questions if question.weight > 0)
_APPLIES = {
    question.id: compile_condition(question.condition)
    for question in _SCORED
    if question.condition is not None
}
_GATES = tuple(
    sorted(
        {
            gate
            for question in _SCORED
            if question.condition is not None
            for gate in questions_in(question.condition)
        }
    )
)


def _points(weight: int, safety: float | None) -> tuple[float, int]:
    # An unscored option counts as answered but adds nothing: x + 0.0 and n + 0 leave the sums
    # bit for bit as they were.
    return (0.0, 0) if safety is None else (weight * safety, weight)


# Option id to (weight × safety, weight); a missing or non-option value (None, or a tuple)
# finds nothing and counts as unanswered, as in the plain formula.
_LOOKUPS: dict[str, _Lookup] = {
    question.id: {
        option.id: _points(question.weight, option.safety) for option in question.options
    }.get
    for question in _SCORED
}

_LAYOUT_LIMIT = 4096
"""Distinct gate answers kept; apps and devices are sets, so the combinations are bounded only
by this. Past it the layouts start afresh (rebuilding one is ~50 condition calls)."""
_layouts: dict[tuple[object, ...], _Layout] = {}


def _layout(gates: tuple[object, ...]) -> _Layout:
    view = dict(zip(_GATES, gates, strict=True))
    view = {question: value for question, value in view.items() if value is not None}
    applying = [
        question
        for question in _SCORED
        if question.id not in _APPLIES or _APPLIES[question.id](view) is not False  # type: ignore[arg-type]
    ]
    layout = tuple(
        (
            area,
            AREA_TITLES[area],
            tuple((q.id, _LOOKUPS[q.id]) for q in applying if q.section == area),
            sum(1 for q in applying if q.section == area),
        )
        for area in AREAS
    )
    if len(_layouts) >= _LAYOUT_LIMIT:
        _layouts.clear()
    _layouts[gates] = layout
    return layout


def _percent(weighted: float, total: float) -> int | None:
    return round(100 * weighted / total) if total else None


def score(answers: Answers) -> Scores:
    values = answers.values
    gates = tuple(map(values.get, _GATES))
    layout = _layouts.get(gates) or _layout(gates)
    get = values.get
    areas = []
    overall_weighted = overall_total = 0.0
    for area, title, questions, applicable in layout:
        weighted = total = 0.0
        answered = 0
        for question_id, lookup in questions:
            points = lookup(get(question_id))
            if points is not None:
                answered += 1
                weighted += points[0]
                total += points[1]
        overall_weighted += weighted
        overall_total += total
        areas.append(
            AreaScore(
                area=area,  # type: ignore[arg-type]  # an AREAS member
                title=title,
                score=round(100 * weighted / total) if total else None,
                answered=answered,
                applicable=applicable,
            )
        )
    return Scores(overall=_percent(overall_weighted, overall_total), areas=tuple(areas))
