"""The precomputed scoring gives exactly what the plain formula gives, float for float."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.engine import full_answers
from safety_check import scoring
from safety_check.answers import validate
from safety_check.conditions import compile_condition
from safety_check.models import AREA_TITLES, AREAS, Answers, AreaScore, Scores
from safety_check.questionnaire import QUESTIONNAIRE
from tests.strategies import answer_sets

_AREA_INDEX = {area: index for index, area in enumerate(AREAS)}
_PLAIN = tuple(
    (
        question.id,
        _AREA_INDEX[question.section],  # type: ignore[index]
        question.weight,
        {option.id: option.safety for option in question.options},
        compile_condition(question.condition) if question.condition else None,
    )
    for question in QUESTIONNAIRE.questions
    if question.weight > 0
)


def _plain_percent(weighted: float, total: float) -> int | None:
    return round(100 * weighted / total) if total else None


def plain_score(answers: Answers) -> Scores:
    """The formula read straight off the questionnaire, every condition evaluated every time."""
    values = answers.values
    count = len(AREAS)
    weighted, totals = [0.0] * count, [0.0] * count
    answered, applicable = [0] * count, [0] * count
    for question_id, area, weight, safety_of, applies in _PLAIN:
        if applies is not None and applies(values) is False:
            continue
        applicable[area] += 1
        value = values.get(question_id)
        if value.__class__ is not str:
            continue
        answered[area] += 1
        safety = safety_of[value]  # type: ignore[index]
        if safety is not None:
            weighted[area] += weight * safety
            totals[area] += weight
    return Scores(
        overall=_plain_percent(sum(weighted), sum(totals)),
        areas=tuple(
            AreaScore(
                area=area,
                title=AREA_TITLES[area],
                score=_plain_percent(weighted[index], totals[index]),
                answered=answered[index],
                applicable=applicable[index],
            )
            for index, area in enumerate(AREAS)
        ),
    )


@settings(max_examples=400, deadline=None)
@given(st.floats(0, 1).flatmap(lambda rate: answer_sets(answer_rate=rate)))
def test_scores_equal_the_plain_formula(raw: dict) -> None:  # type: ignore[type-arg]
    answers = validate(raw)
    assert scoring.score(answers) == plain_score(answers)


def test_scores_equal_the_plain_formula_for_whole_questionnaires() -> None:
    for answers in [validate(full_answers())] + [
        validate(full_answers(random.Random(seed))) for seed in range(50)
    ]:
        assert scoring.score(answers) == plain_score(answers)


def test_no_answers_give_no_scores_but_count_what_applies() -> None:
    scores = scoring.score(Answers({}))
    assert scores == plain_score(Answers({}))
    assert scores.overall is None
    assert all(area.score is None and area.answered == 0 for area in scores.areas)
    assert any(area.applicable for area in scores.areas)


def test_every_age_band_scores_as_the_plain_formula() -> None:
    # The age band decides several conditions at once; each band must pick the same questions.
    for seed in range(8):
        answers = validate(full_answers(random.Random(seed)))
        answers.values["profile.age_band"] = ("under_13", "13_15", "16_17", "18_plus")[seed % 4]
        assert scoring.score(answers) == plain_score(answers)
