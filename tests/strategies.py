"""Hypothesis strategies for valid answer sets, built from the questionnaire itself."""

from __future__ import annotations

from hypothesis import strategies as st

from safety_check.conditions import compile_condition
from safety_check.questionnaire import QUESTIONNAIRE

_APPLIES = {q.id: compile_condition(q.condition) for q in QUESTIONNAIRE.questions if q.condition}


@st.composite
def answer_sets(draw: st.DrawFn, answer_rate: float = 0.8) -> dict[str, str | list[str]]:
    """A valid raw answer map: each applicable question answered with some probability."""
    raw: dict[str, str | list[str]] = {}
    view: dict[str, str | tuple[str, ...]] = {}
    for question in QUESTIONNAIRE.questions:
        applies = _APPLIES.get(question.id)
        if applies is not None and applies(view) is False:
            continue
        if not question.required and draw(st.floats(0, 1)) > answer_rate:
            continue
        options = [option.id for option in question.options]
        if question.kind == "single":
            value: str | list[str] = draw(st.sampled_from(options))
            view[question.id] = value
        else:
            chosen = draw(st.lists(st.sampled_from(options), unique=True))
            value = chosen
            view[question.id] = tuple(chosen)
        raw[question.id] = value
    return raw
