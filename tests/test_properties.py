"""Properties of the engine over generated valid answer sets."""

from __future__ import annotations

import msgspec
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from safety_check.answers import validate
from safety_check.engine import COMPILED_RULES
from safety_check.models import UNDER_18, Plan
from safety_check.plan import build_plan
from safety_check.questionnaire import QUESTIONS_BY_ID
from safety_check.scoring import score
from tests.strategies import answer_sets

RULE_IDS = {compiled.rule.id for compiled in COMPILED_RULES}
ADULT_ONLY = {"stopncii", "revenge_porn_helpline"}
CHILD_ONLY = {"childline", "ceop", "report_remove"}
SETTINGS = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)


def all_actions(plan: Plan) -> tuple:  # type: ignore[type-arg]
    urgent = plan.urgent.actions if plan.urgent else ()
    return urgent + plan.do_first + plan.next


@SETTINGS
@given(answer_sets())
def test_engine_is_total_and_deterministic(raw: dict[str, str | list[str]]) -> None:
    first = msgspec.json.encode(build_plan(validate(raw)))
    second = msgspec.json.encode(build_plan(validate(dict(reversed(list(raw.items()))))))
    assert first == second


@SETTINGS
@given(answer_sets())
def test_only_known_rule_ids(raw: dict[str, str | list[str]]) -> None:
    plan = build_plan(validate(raw))
    assert {action.rule_id for action in all_actions(plan)} <= RULE_IDS
    assert {finding.rule_id for finding in plan.findings} == RULE_IDS
    assert set(plan.not_answered) <= RULE_IDS


@SETTINGS
@given(answer_sets())
def test_urgent_triggers_put_the_urgent_lane_first(raw: dict[str, str | list[str]]) -> None:
    plan = build_plan(validate(raw))
    situation = (raw.get("situation.threat_to_share"), raw.get("situation.image_shared"))
    urgent = "yes" in situation
    unsure = "prefer_not_to_say" in situation or "not_sure" in situation
    helper_lane = plan.written_for != "me" and plan.urgent is not None and not (urgent or unsure)
    assert (plan.urgent is not None) == (urgent or unsure or helper_lane)
    if helper_lane:  # a helper's steps after a harm told of in the areas
        assert plan.urgent is not None and plan.scores is None
        return
    if plan.urgent is not None:
        assert plan.urgent.mode == ("urgent" if urgent else "if_happening")
        assert plan.scores is None and plan.scores_withheld
    if plan.urgent is not None and urgent:
        steps = {action.urgent_step for action in plan.urgent.actions}
        # A teacher's lane sends reporting through the safeguarding lead ("safety").
        needed = {"safety", "keep_evidence", "report", "talk"}
        if plan.written_for != "me":  # a helper's own steps; a teacher's go through the DSL
            needed = {"talk"}
        assert needed <= steps
        assert "not your fault" in plan.urgent.message or "not their fault" in plan.urgent.message
    assert all(action.urgent_step is None for action in plan.do_first + plan.next)
    assert len(plan.do_first) <= 3


@SETTINGS
@given(answer_sets())
def test_age_routing_holds_in_every_action(raw: dict[str, str | list[str]]) -> None:
    plan = build_plan(validate(raw))
    mentioned = {ref.id for action in all_actions(plan) for ref in action.resources}
    mentioned |= {item.resource.id for item in plan.support}
    if plan.age_band is None:
        return  # both ages' services, each labelled with who it is for (tests/test_personas.py)
    if plan.age_band in UNDER_18:
        assert not mentioned & ADULT_ONLY
    else:
        assert not mentioned & CHILD_ONLY


@st.composite
def riskier_pairs(draw: st.DrawFn) -> tuple[dict, dict, str]:  # type: ignore[type-arg]
    raw = draw(answer_sets(answer_rate=0.9))
    scored = [
        key
        for key, value in raw.items()
        if QUESTIONS_BY_ID[key].weight > 0
        and isinstance(value, str)
        and {o.id: o.safety for o in QUESTIONS_BY_ID[key].options}[value] is not None
    ]
    assume(scored)
    key = draw(st.sampled_from(sorted(scored)))
    question = QUESTIONS_BY_ID[key]
    current = {o.id: o.safety for o in question.options}[raw[key]]  # type: ignore[index]
    riskier = [o.id for o in question.options if o.safety is not None and o.safety < current]
    assume(riskier)
    worse = dict(raw)
    worse[key] = draw(st.sampled_from(riskier))
    return raw, worse, question.section


@SETTINGS
@given(riskier_pairs())
def test_a_riskier_answer_never_raises_a_score(pair: tuple[dict, dict, str]) -> None:  # type: ignore[type-arg]
    better, worse, area = pair
    before = score(validate(better))
    after = score(validate(worse))
    assert before.overall is not None and after.overall is not None
    assert after.overall <= before.overall
    for old, new in zip(before.areas, after.areas, strict=True):
        if old.score is not None and new.score is not None:
            assert new.score <= old.score
    changed = next(a for a in after.areas if a.area == area)
    original = next(a for a in before.areas if a.area == area)
    assert changed.score is not None and original.score is not None
    assert changed.score <= original.score
