"""Plans on the wire: the same bytes whichever way they are made, and no memory kept per plan."""

from __future__ import annotations

import msgspec
from hypothesis import HealthCheck, given, settings

from safety_check.answers import validate
from safety_check.plan import build_plan
from safety_check.plan_json import encode_plan
from tests.strategies import answer_sets

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
