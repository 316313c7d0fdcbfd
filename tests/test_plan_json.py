"""`encode_plan` copies cached JSON for shared parts; its bytes must equal msgspec's own."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings

from safety_check import plan_json
from safety_check.answers import validate
from safety_check.models import Plan, UrgentLane
from safety_check.plan import build_plan
from safety_check.plan_json import encode_plan
from tests.strategies import answer_sets

URGENT = {
    "profile.age_band": "13_15",
    "situation.threat_to_share": "yes",
    "profile.devices": ["android"],
}


def field_names(struct: type[msgspec.Struct]) -> list[str]:
    return [field.encode_name for field in msgspec.structs.fields(struct)]


def test_wire_shape_follows_the_plan_field_for_field() -> None:
    """A field added to Plan but not here would silently vanish from every API response."""
    assert field_names(plan_json._PlanJSON) == field_names(Plan)
    assert field_names(plan_json._UrgentLaneJSON) == field_names(UrgentLane)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answer_sets())
def test_same_bytes_as_msgspec_for_any_answers(raw: dict[str, str | list[str]]) -> None:
    plan = build_plan(validate(raw))
    assert encode_plan(plan) == msgspec.json.encode(plan)
    assert encode_plan(plan) == msgspec.json.encode(plan)  # and again, from the cache


def test_urgent_lane_is_encoded_too() -> None:
    plan = build_plan(validate(URGENT))
    assert plan.urgent is not None and plan.urgent.actions
    assert encode_plan(plan) == msgspec.json.encode(plan)


def test_a_full_cache_starts_again_and_stays_correct(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_json, "CACHE_LIMIT", 3)
    plan_json._RAW.clear()
    plan = build_plan(validate(URGENT))
    assert encode_plan(plan) == msgspec.json.encode(plan)
    assert len(plan_json._RAW) <= 3
