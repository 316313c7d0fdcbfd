"""The example answer files produce the committed plans, and each plan is right for its person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.examples.regenerate import answer_files, plan_json, plan_path

EXAMPLES = {path.stem: path for path in answer_files()}


def load_plan(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads(plan_json(EXAMPLES[name]))  # type: ignore[no-any-return]


def action_ids(plan: dict, section: str) -> list[str]:  # type: ignore[type-arg]
    if section == "urgent":
        return [a["rule_id"] for a in plan["urgent"]["actions"]] if plan["urgent"] else []
    return [a["rule_id"] for a in plan[section]]


def support_ids(plan: dict) -> set[str]:  # type: ignore[type-arg]
    return {item["resource"]["id"] for item in plan["support"]}


def test_there_are_at_least_six_examples() -> None:
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize("answers_file", list(EXAMPLES.values()), ids=list(EXAMPLES))
def test_committed_plan_is_current(answers_file: Path) -> None:
    committed = plan_path(answers_file)
    assert committed.exists(), f"run `make examples` to write {committed.name}"
    assert committed.read_text() == plan_json(answers_file), (
        f"run `make examples`: {committed.name}"
    )


def test_threatened_teen_gets_the_urgent_lane_and_child_services() -> None:
    plan = load_plan("teen_threatened_on_snapchat")
    urgent = action_ids(plan, "urgent")
    assert urgent[0] == "getting_help_stay_safe_now"
    assert "sextortion_dont_pay" in urgent
    assert "getting_help_report_under_18" in urgent
    assert {"childline", "ceop", "report_remove"} <= support_ids(plan)
    assert not {"stopncii", "revenge_porn_helpline"} & support_ids(plan)
    steps = [g["platform"] for a in plan["do_first"] + plan["do_next"] for g in a["steps"]]
    assert "android" not in steps  # steps for their own devices only


def test_adult_whose_image_was_shared_gets_adult_services() -> None:
    plan = load_plan("adult_image_shared")
    assert plan["urgent"]["message"].startswith("It's not your fault")
    assert "intimate_images_get_images_removed_adult" in action_ids(plan, "urgent")
    assert {"stopncii", "revenge_porn_helpline"} <= support_ids(plan)
    assert not {"childline", "ceop"} & support_ids(plan)


def test_teen_with_no_worries_has_no_urgent_lane_and_is_praised() -> None:
    plan = load_plan("android_16_no_worries")
    assert plan["urgent"] is None
    assert len(plan["doing_well"]) >= 10
    assert plan["scores"]["overall"] >= 80


def test_dating_app_user_gets_dating_advice() -> None:
    plan = load_plan("adult_dating_iphone_mac")
    ids = action_ids(plan, "do_first") + action_ids(plan, "do_next")
    assert "dating_apps_video_call_before_meeting" in ids
    assert "nearby_sharing_airdrop_contacts_only" in ids


def test_child_on_a_console_is_never_sent_to_adult_services() -> None:
    plan = load_plan("child_under_13_games_console")
    assert not {"stopncii", "revenge_porn_helpline", "report_harmful_content"} & support_ids(plan)
    assert "childline" in support_ids(plan)


def test_partial_answers_still_make_a_plan() -> None:
    plan = load_plan("partial_answers")
    assert plan["do_first"]
    assert plan["not_answered"]
