"""Composing the plan: the urgent lane, ordering, sections, explanations and platform steps."""

from __future__ import annotations

from safety_check.answers import validate
from safety_check.models import SEVERITY_RANK, URGENT_ORDER, Action
from safety_check.plan import (
    CAUTION_WATCHED,
    DO_FIRST_LIMIT,
    URGENT_MESSAGE_ADULT,
    URGENT_MESSAGE_UNDER_18,
    build_plan,
)
from safety_check.questionnaire import CONTENT_VERSION
from tests.rules._helpers import make_answers


def plan_for(**overrides: str | list[str]):  # type: ignore[no-untyped-def]
    return build_plan(validate(make_answers(**overrides)))


def ids(actions: tuple[Action, ...]) -> list[str]:
    return [action.rule_id for action in actions]


RISKY = {
    "webcam__cover_when_unused": "never",
    "webcam__permissions_checked": "no",
    "webcam__video_calls_with_strangers": "often",
    "webcam__light_on_unexpectedly": "yes",
    "getting_help__knows_how_to_report": "no",
    "getting_help__knows_how_to_save_evidence": "no",
}


def test_no_urgent_lane_without_a_threat_or_shared_image() -> None:
    plan = plan_for(situation__threat_to_share="no", situation__image_shared="no")
    assert plan.urgent is None


def test_urgent_lane_comes_first_in_the_fixed_order_for_a_threatened_teen() -> None:
    plan = plan_for(profile__age_band="13_15", situation__threat_to_share="yes", **RISKY)
    assert plan.urgent is not None
    assert plan.urgent.message == URGENT_MESSAGE_UNDER_18
    assert "not your fault" in plan.urgent.message
    steps = [action.urgent_step for action in plan.urgent.actions]
    assert steps == sorted(steps, key=lambda step: URGENT_ORDER[step])  # type: ignore[index]
    assert steps[0] == "safety"
    assert {"dont_pay", "stop_contact", "keep_evidence", "report", "talk"} <= set(steps)
    assert all(action.urgent_step is None for action in plan.do_first + plan.next)


def test_adult_urgent_message_says_it_is_not_their_fault() -> None:
    plan = plan_for(situation__image_shared="yes")
    assert plan.urgent is not None
    assert plan.urgent.message == URGENT_MESSAGE_ADULT
    assert "getting_help_keep_evidence_adult" in ids(plan.urgent.actions)


def test_actions_are_ordered_by_severity_then_effort() -> None:
    plan = plan_for(**RISKY)
    actions = plan.do_first + plan.next
    keys = [(SEVERITY_RANK[a.severity], a.effort_minutes) for a in actions]
    assert keys == sorted(keys)
    assert len(plan.do_first) == DO_FIRST_LIMIT
    assert plan.next


def test_every_action_explains_itself_and_is_stamped() -> None:
    plan = plan_for(**RISKY)
    for action in plan.do_first + plan.next:
        assert action.because, action.rule_id
        assert action.content_version == CONTENT_VERSION
        assert action.sources
    cover = next(a for a in plan.do_first + plan.next if a.rule_id == "webcam_cover_when_unused")
    assert cover.because[0].question == "webcam.cover_when_unused"
    assert cover.because[0].answer_labels == ("Never",)
    assert plan.content_version == CONTENT_VERSION


def test_passes_of_habits_are_listed_as_doing_well() -> None:
    plan = plan_for(webcam__cover_when_unused="always", situation__threat_to_share="no")
    well = [item.rule_id for item in plan.doing_well]
    assert "webcam_cover_when_unused" in well
    assert "sextortion_dont_pay" not in well  # a response step is not a habit


def test_how_to_check_only_for_people_who_are_not_sure() -> None:
    unsure = plan_for(webcam__permissions_checked="not_sure")
    sure = plan_for(webcam__permissions_checked="no")
    find = lambda plan: next(  # noqa: E731
        a for a in plan.do_first + plan.next if a.rule_id == "webcam_review_camera_permissions"
    )
    assert find(unsure).how_to_check
    assert not find(sure).how_to_check


def test_steps_are_shown_for_the_persons_own_devices() -> None:
    plan = plan_for(profile__devices=["android"], webcam__permissions_checked="no")
    action = next(a for a in plan.do_first if a.rule_id == "webcam_review_camera_permissions")
    assert [group.platform for group in action.steps] == ["android"]


def test_all_platforms_shown_when_devices_were_not_asked() -> None:
    plan = build_plan(validate({"profile.age_band": "18_plus", "webcam.permissions_checked": "no"}))
    action = next(a for a in plan.do_first if a.rule_id == "webcam_review_camera_permissions")
    assert {group.platform for group in action.steps} == {
        "iphone_ipad",
        "android",
        "mac",
        "windows",
    }


def test_resource_mentions_become_contact_details_and_references() -> None:
    plan = plan_for(webcam__recorded_you_message="yes")
    action = next(a for a in plan.do_first if a.rule_id == "webcam_recorded_you_message_is_a_scam")
    text = " ".join(step for group in action.steps for step in group.steps)
    assert "report@phishing.gov.uk" in text
    assert "{" not in text
    assert [ref.id for ref in action.resources] == [
        "ncsc_phishing",
        "police_non_emergency",
        "report_fraud",
    ]


def test_unanswered_rules_are_listed_not_silently_passed() -> None:
    plan = build_plan(validate({"profile.age_band": "16_17"}))
    assert "webcam_review_camera_permissions" in plan.not_answered
    assert not plan.do_first and not plan.doing_well
    assert plan.scores.overall is None


def test_findings_cover_every_rule_once() -> None:
    from safety_check.engine import COMPILED_RULES

    plan = plan_for(**RISKY)
    assert [f.rule_id for f in plan.findings] == [c.rule.id for c in COMPILED_RULES]


def test_may_alert_actions_are_flagged_and_held_back_when_someone_checks_the_phone() -> None:
    from safety_check.engine import COMPILED_RULES

    alerting = [c.rule.id for c in COMPILED_RULES if c.rule.may_alert]
    assert alerting, "some steps could be noticed by someone who checks the phone"
    plan = plan_for(
        getting_help__someone_checks_phone="yes",
        account_security__screen_lock="no",
        account_security__someone_knows_passwords="yes",
        personal_details__live_location="lots",
        webcam__cover_when_unused="never",
    )
    actions = plan.do_first + plan.next
    assert any(action.caution for action in actions), "the alerting steps are in this plan"
    assert any(action.caution is None for action in actions)
    for action in actions:
        # They said their phone is checked: the caution names that person.
        assert (action.caution == CAUTION_WATCHED) == (action.rule_id in alerting)
    held = [a.caution is not None for a in actions]
    assert held == sorted(held), "steps that could alert someone come after the others"
