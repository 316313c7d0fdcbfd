"""Sextortion rules: the urgent response and the prevention habits, fire by fire."""

from __future__ import annotations

import pytest

from safety_check.answers import validate
from safety_check.plan import build_plan
from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "sextortion"
URGENT = {"sextortion_dont_pay", "sextortion_stop_contact_and_block"}

FIRES = [
    pytest.param(make_answers(), set(), id="nothing answered"),
    pytest.param(make_answers(situation__threat_to_share="yes"), URGENT, id="threatened"),
    pytest.param(make_answers(situation__threat_to_share="no"), set(), id="not threatened"),
    pytest.param(
        make_answers(situation__threat_to_share="prefer_not_to_say"), set(), id="rather not say"
    ),
    pytest.param(
        make_answers(situation__threat_to_share="yes", sextortion__paid_money="yes"),
        URGENT | {"sextortion_already_paid_tell_bank"},
        id="threatened and paid",
    ),
    pytest.param(
        make_answers(situation__threat_to_share="yes", sextortion__paid_money="no"),
        URGENT,
        id="threatened, not paid",
    ),
    pytest.param(
        make_answers(
            situation__threat_to_share="yes", sextortion__who_is_threatening="only_online"
        ),
        URGENT | {"sextortion_know_it_is_an_organised_scam"},
        id="threatened by an online stranger",
    ),
    pytest.param(
        make_answers(situation__threat_to_share="yes", sextortion__who_is_threatening="not_sure"),
        URGENT | {"sextortion_know_it_is_an_organised_scam"},
        id="not sure who is threatening",
    ),
    pytest.param(
        make_answers(
            situation__threat_to_share="yes", sextortion__who_is_threatening="someone_i_know"
        ),
        URGENT | {"sextortion_known_person_plan_safely"},
        id="threatened by someone they know",
    ),
    pytest.param(
        make_answers(
            situation__threat_to_share="yes", sextortion__who_is_threatening="prefer_not_to_say"
        ),
        URGENT,
        id="rather not say who",
    ),
    pytest.param(
        make_answers(sextortion__checks_new_contacts="never"),
        {"sextortion_check_new_contacts"},
        id="never checks new contacts",
    ),
    pytest.param(
        make_answers(sextortion__checks_new_contacts="not_sure"),
        {"sextortion_check_new_contacts"},
        id="not sure how to check contacts",
    ),
    pytest.param(make_answers(sextortion__checks_new_contacts="always"), set(), id="always checks"),
    pytest.param(
        make_answers(sextortion__fast_pressure_seen="yes"),
        {"sextortion_spot_fast_pressure"},
        id="has seen fast pressure",
    ),
    pytest.param(
        make_answers(sextortion__fast_pressure_seen="prefer_not_to_say"), set(), id="rather not say"
    ),
    pytest.param(
        make_answers(sextortion__knows_what_to_do="not_sure"),
        {"sextortion_know_the_steps"},
        id="not sure what to do",
    ),
    pytest.param(
        make_answers(sextortion__knows_what_to_do="no"),
        {"sextortion_know_the_steps"},
        id="doesn't know what to do",
    ),
    pytest.param(make_answers(sextortion__knows_what_to_do="yes"), set(), id="knows the steps"),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


def test_safe_answers_pass() -> None:
    answers = make_answers(
        situation__threat_to_share="no",
        sextortion__checks_new_contacts="always",
        sextortion__fast_pressure_seen="no",
        sextortion__knows_what_to_do="yes",
    )
    assert passed(AREA, answers) == {
        "sextortion_dont_pay",
        "sextortion_stop_contact_and_block",
        "sextortion_check_new_contacts",
        "sextortion_spot_fast_pressure",
        "sextortion_know_the_steps",
    }


def test_follow_up_rules_do_not_apply_without_a_threat() -> None:
    result = statuses(AREA, make_answers(situation__threat_to_share="no"))
    assert result["sextortion_already_paid_tell_bank"] == "not_applicable"
    assert result["sextortion_known_person_plan_safely"] == "not_applicable"


def test_follow_ups_wait_for_an_answer() -> None:
    result = statuses(AREA, make_answers(situation__threat_to_share="yes"))
    assert result["sextortion_already_paid_tell_bank"] == "not_answered"


def plan_rule_ids(answers: dict[str, str | list[str]]) -> set[str]:
    plan = build_plan(validate(answers))
    urgent = plan.urgent.actions if plan.urgent else ()
    later = plan.when_ready.actions if plan.when_ready else ()
    return {action.rule_id for action in (*urgent, *plan.do_first, *plan.next, *later)}


def test_know_the_steps_is_in_the_plan_of_someone_not_threatened() -> None:
    answers = make_answers(situation__threat_to_share="no", sextortion__knows_what_to_do="no")
    assert "sextortion_know_the_steps" in plan_rule_ids(answers)


def test_know_the_steps_is_left_out_when_the_urgent_lane_already_gives_them() -> None:
    """Someone being threatened now should not be told what to do "if it ever happens"."""
    answers = make_answers(situation__threat_to_share="yes", sextortion__knows_what_to_do="no")
    ids = plan_rule_ids(answers)
    assert "sextortion_know_the_steps" not in ids
    assert {"sextortion_dont_pay", "sextortion_stop_contact_and_block"} <= ids
    # Still a gap in what they knew, for their scores and class totals.
    assert statuses(AREA, answers)["sextortion_know_the_steps"] == "fail"


def test_an_image_shared_urgent_lane_does_not_hide_the_sextortion_steps() -> None:
    """Covering is by named rules, not by any urgent lane at all."""
    answers = make_answers(
        situation__threat_to_share="no",
        situation__image_shared="yes",
        sextortion__knows_what_to_do="no",
    )
    plan = build_plan(validate(answers))
    assert plan.urgent is not None
    assert "sextortion_know_the_steps" in plan_rule_ids(answers)
