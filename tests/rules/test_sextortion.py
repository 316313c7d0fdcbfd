"""Sextortion rules: the urgent response and the prevention habits, fire by fire."""

from __future__ import annotations

import pytest

from safety_check.answers import validate
from safety_check.plan import build_plan
from safety_check.questionnaire import QUESTIONS_BY_ID
from safety_check.rules import ALL_RULES, RULES_BY_ID
from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "sextortion"
URGENT = {"sextortion_dont_pay", "sextortion_stop_contact_and_block"}
# Someone who paid reads "Don't pay any more" instead of "Don't pay them".
PAID_URGENT = {"sextortion_dont_pay_more", "sextortion_stop_contact_and_block"}

FIRES = [
    pytest.param(make_answers(), set(), id="nothing answered"),
    pytest.param(make_answers(situation__threat_to_share="yes"), URGENT, id="threatened"),
    pytest.param(make_answers(situation__threat_to_share="no"), set(), id="not threatened"),
    pytest.param(
        make_answers(situation__threat_to_share="prefer_not_to_say"), set(), id="rather not say"
    ),
    pytest.param(
        make_answers(situation__threat_to_share="yes", sextortion__paid_money="yes"),
        PAID_URGENT | {"sextortion_already_paid_tell_bank"},
        id="threatened and paid",
    ),
    pytest.param(
        make_answers(
            profile__age_band="13_15",
            situation__threat_to_share="yes",
            sextortion__paid_money="yes",
        ),
        {
            "sextortion_dont_pay_more_under_18",
            "sextortion_stop_contact_and_block",
            "sextortion_already_paid_under_18",
        },
        id="13-15 threatened and paid",
    ),
    pytest.param(
        make_answers(
            profile__age_band="16_17", situation__threat_to_share="yes", sextortion__paid_money="no"
        ),
        URGENT,
        id="16-17 threatened, not paid",
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
            situation__threat_to_share="yes", sextortion__who_is_threatening="partner_or_ex"
        ),
        URGENT | {"sextortion_known_person_plan_safely"},
        id="threatened by someone they know",
    ),
    pytest.param(
        make_answers(
            situation__threat_to_share="no",
            situation__image_shared="yes",
            sextortion__who_is_threatening="partner_or_ex",
        ),
        {"sextortion_known_person_plan_safely"},
        id="image shared by someone they know",
    ),
    pytest.param(
        make_answers(
            profile__age_band="13_15",
            situation__threat_to_share="no",
            situation__image_shared="yes",
            sextortion__who_is_threatening="partner_or_ex",
        ),
        {"sextortion_known_person_plan_safely"},
        id="13-15 image shared by someone they know",
    ),
    pytest.param(
        make_answers(
            situation__threat_to_share="no",
            situation__image_shared="yes",
            sextortion__who_is_threatening="only_online",
        ),
        set(),
        id="image shared by someone only known online",
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
    result = statuses(
        AREA, make_answers(situation__threat_to_share="no", situation__image_shared="no")
    )
    assert result["sextortion_already_paid_tell_bank"] == "not_applicable"
    assert result["sextortion_already_paid_under_18"] == "not_applicable"
    assert result["sextortion_known_person_plan_safely"] == "not_applicable"


def test_payment_help_is_split_by_age() -> None:
    child = statuses(
        AREA,
        make_answers(
            profile__age_band="13_15",
            situation__threat_to_share="yes",
            sextortion__paid_money="yes",
        ),
    )
    assert child["sextortion_already_paid_tell_bank"] == "not_applicable"
    adult = statuses(
        AREA, make_answers(situation__threat_to_share="yes", sextortion__paid_money="yes")
    )
    assert adult["sextortion_already_paid_under_18"] == "not_applicable"


def test_who_is_doing_this_is_asked_when_an_image_was_shared() -> None:
    question = QUESTIONS_BY_ID["sextortion.who_is_threatening"]
    assert question.text == "Who is doing this?"
    assert [option.id for option in question.options] == [
        "only_online",
        "partner_or_ex",
        "lives_with_me",
        "someone_i_know",
        "not_sure",
        "prefer_not_to_say",
    ]
    answers = make_answers(
        situation__threat_to_share="no",
        situation__image_shared="yes",
        sextortion__who_is_threatening="partner_or_ex",
    )
    validate(answers)  # raises if the question were not asked with these answers


def urgent_lane_text(answers: dict[str, str | list[str]]) -> list[str]:
    plan = build_plan(validate(answers))
    assert plan.urgent is not None
    return [
        line for action in plan.urgent.actions for group in action.steps for line in group.steps
    ]


def test_a_child_who_paid_sees_ceop_and_a_trusted_adult_before_any_bank_step() -> None:
    lines = urgent_lane_text(
        make_answers(
            profile__age_band="13_15",
            situation__threat_to_share="yes",
            sextortion__paid_money="yes",
        )
    )
    # Steps in a plan have their service mentions written out ("CEOP Safety Centre (...)").
    first_ceop = next(i for i, line in enumerate(lines) if "CEOP" in line)
    first_adult = next(i for i, line in enumerate(lines) if "trusted adult" in line)
    first_bank = next(i for i, line in enumerate(lines) if "bank" in line)
    assert first_ceop < first_bank and first_adult < first_bank
    assert not any("Report Fraud" in line for line in lines)


def test_a_child_who_paid_gets_ceop_first_in_the_payment_rule() -> None:
    rule = RULES_BY_ID["sextortion_already_paid_under_18"]
    first, second, *rest = rule.steps[0].steps
    assert "{ceop}" in first and "trusted adult" in second
    assert any("bank" in line for line in rest)


def test_known_person_lane_opens_with_planning_safely_when_an_image_was_shared() -> None:
    plan = build_plan(
        validate(
            make_answers(
                situation__threat_to_share="no",
                situation__image_shared="yes",
                sextortion__who_is_threatening="partner_or_ex",
            )
        )
    )
    assert plan.urgent is not None
    ids = [action.rule_id for action in plan.urgent.actions]
    # A partner or ex may see the phone: planning safely (getting help's version, which covers
    # this rule's steps) opens the lane.
    assert ids[0] == "getting_help_plan_safely_if_watched"
    safety = 0
    later = {"getting_help_keep_evidence_adult", "getting_help_report_adult"}
    assert all(ids.index(rule_id) > safety for rule_id in later if rule_id in ids)
    steps = " ".join(RULES_BY_ID["sextortion_known_person_plan_safely"].steps[0].steps)
    assert "device they can't see or check" in steps
    assert "domestic abuse service" in steps


def test_only_stranger_sextortion_is_told_they_try_to_scare_you() -> None:
    scare = "scare you into acting fast"
    by_id = {rule.id: rule for rule in ALL_RULES if rule.area == AREA}
    holders = {
        rule_id
        for rule_id, rule in by_id.items()
        if scare in rule.summary or any(scare in line for g in rule.steps for line in g.steps)
    }
    assert holders == {"sextortion_know_it_is_an_organised_scam"}


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


PAID_BY_AGE = [
    pytest.param("13_15", "sextortion_dont_pay_more_under_18", ("CEOP",), ("101",), id="13-15"),
    pytest.param("18_plus", "sextortion_dont_pay_more", ("101",), ("CEOP",), id="adult"),
    pytest.param(None, "sextortion_dont_pay_more_age_unknown", ("CEOP", "101"), (), id="no age"),
]


@pytest.mark.parametrize(("age", "rule_id", "named", "not_named"), PAID_BY_AGE)
def test_someone_who_paid_is_told_not_to_pay_any_more_and_what_to_do_now(
    age: str | None, rule_id: str, named: tuple[str, ...], not_named: tuple[str, ...]
) -> None:
    answers = make_answers(situation__threat_to_share="yes", sextortion__paid_money="yes")
    if age is None:
        del answers["profile.age_band"]
    else:
        answers["profile.age_band"] = age
    plan = build_plan(validate(answers))
    assert plan.urgent is not None
    titles = {action.rule_id: action.title for action in plan.urgent.actions}
    assert titles.get(rule_id) == "Don't pay any more, and don't send anything more"
    assert "Don't pay them, and don't send anything more" not in titles.values()
    action = next(action for action in plan.urgent.actions if action.rule_id == rule_id)
    text = " ".join(line for group in action.steps for line in group.steps)
    assert "not your fault" in text and "Keep the evidence of every payment" in text
    assert "Report their account to the app" in text
    for service in named:
        assert service in text, service
    for service in not_named:
        assert service not in text, service


@pytest.mark.parametrize("paid", ["no", "prefer_not_to_say", None])
def test_someone_who_did_not_say_they_paid_keeps_dont_pay_them(paid: str | None) -> None:
    answers = make_answers(situation__threat_to_share="yes")
    if paid is not None:
        answers["sextortion.paid_money"] = paid
    plan = build_plan(validate(answers))
    assert plan.urgent is not None
    titles = [action.title for action in plan.urgent.actions]
    assert "Don't pay them, and don't send anything more" in titles
    assert "Don't pay any more, and don't send anything more" not in titles
