"""Plans on the wire: the same bytes whichever way they are made, and no memory kept per plan."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings

from safety_check.answers import prune, validate
from safety_check.compiled_plan import ALL, encode_answers
from safety_check.plan import build_plan
from safety_check.plan_json import encode_plan
from safety_check.questionnaire import QUESTIONNAIRE, QUESTIONS_BY_ID
from tests.strategies import answer_sets
from tests.test_personas import PERSONAS

_encode = msgspec.json.encode

URGENT = {
    "profile.age_band": "13_15",
    "situation.threat_to_share": "yes",
    "profile.devices": ["android"],
}


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answer_sets())
def test_same_bytes_as_msgspec_for_any_answers(raw: dict[str, str | list[str]]) -> None:
    plan = build_plan(validate(raw))
    assert encode_plan(plan) == msgspec.json.encode(plan)


def test_each_answer_is_a_reason_once_in_the_lane() -> None:
    plan = build_plan(validate(URGENT))
    assert plan.urgent is not None and plan.urgent.actions
    given_as_reason = [ref.question for a in plan.urgent.actions for ref in a.because]
    assert given_as_reason
    assert len(given_as_reason) == len(set(given_as_reason))


def _reasons(plan: dict[str, object]) -> list[dict[str, object]]:
    sections = [plan.get("urgent"), plan.get("when_ready")]
    actions = [a for s in sections if isinstance(s, dict) for a in s["actions"]]
    actions += [*plan["do_first"], *plan["do_next"]]  # type: ignore[misc]
    return [ref for action in actions for ref in action["because"]]


@pytest.mark.parametrize("name", sorted(PERSONAS))
def test_the_json_plan_never_quotes_what_happened_to_the_person(name: str) -> None:
    """A partner's app may show a plan on a screen someone else sees: an answer about what is
    happening (situation) or happened (disclosure) is given only as "what you told us", derived
    from each question's role, while profile and habit answers are still quoted."""
    raw = prune(PERSONAS[name])
    body = encode_answers(validate(raw), ALL)
    for ref in _reasons(msgspec.json.decode(body)):
        question = QUESTIONS_BY_ID[str(ref["question"])]
        private = question.role in ("situation", "disclosure")
        assert ref["told_us"] is private, ref
        assert bool(ref["question_text"]) is not private, ref
        if private:
            assert ref["answer"] == ref["answer_labels"] == [], ref
    for question in QUESTIONNAIRE.questions:
        if question.role in ("situation", "disclosure") and question.id in raw:
            assert _encode(question.text)[1:-1] not in body, question.id


def test_some_persona_has_a_private_reason_and_a_quoted_one() -> None:
    """Without this the test above could pass on plans that give no private reason at all."""
    refs = [
        ref
        for raw in PERSONAS.values()
        for ref in _reasons(msgspec.json.decode(encode_answers(validate(prune(raw)), ALL)))
    ]
    assert any(ref["told_us"] for ref in refs)
    assert any(not ref["told_us"] for ref in refs)
