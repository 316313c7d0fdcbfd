"""Getting-help rules: the urgent evidence, report and support steps by age, and the habits."""

from __future__ import annotations

import pytest

from safety_check.answers import validate
from safety_check.models import NATION_NAMES, Rule
from safety_check.plan import build_plan
from safety_check.rules.getting_help import PLAN_CHANGES, PLAN_SAFELY
from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "getting_help"
RESPONSE_FOR_ALL = {
    "getting_help_know_what_happens_if_you_report",
    "getting_help_contact_if_deaf_or_need_interpreter",
}
URGENT_UNDER_18 = RESPONSE_FOR_ALL | {
    "getting_help_stay_safe_now",
    "getting_help_keep_evidence_under_18",
    "getting_help_report_under_18",
    "getting_help_talk_to_a_trusted_adult",
}
URGENT_ADULT = RESPONSE_FOR_ALL | {
    "getting_help_stay_safe_now",
    "getting_help_keep_evidence_adult",
    "getting_help_report_adult",
    "getting_help_talk_to_someone_adult",
}

FIRES = [
    pytest.param(make_answers(), set(), id="nothing answered"),
    pytest.param(
        make_answers(situation__threat_to_share="yes"), URGENT_ADULT, id="adult threatened"
    ),
    pytest.param(
        make_answers(situation__image_shared="yes"), URGENT_ADULT, id="adult image shared"
    ),
    pytest.param(
        make_answers(profile__age_band="13_15", situation__threat_to_share="yes"),
        URGENT_UNDER_18,
        id="13-15 threatened",
    ),
    pytest.param(
        make_answers(profile__age_band="under_13", situation__image_shared="yes"),
        URGENT_UNDER_18,
        id="under 13 image shared",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17", situation__image_shared="yes"),
        URGENT_UNDER_18,
        id="16-17 image shared",
    ),
    pytest.param(
        make_answers(situation__image_shared="not_sure", situation__threat_to_share="no"),
        {
            "getting_help_if_happening_keep_evidence",
            "getting_help_if_happening_check_and_remove_adult",
            "getting_help_contact_if_deaf_or_need_interpreter",
        },
        id="not sure about sharing, not threatened",
    ),
    pytest.param(
        make_answers(situation__threat_to_share="prefer_not_to_say"),
        {
            "getting_help_if_happening_dont_pay",
            "getting_help_if_happening_keep_evidence",
            "getting_help_if_happening_check_and_remove_adult",
            "getting_help_contact_if_deaf_or_need_interpreter",
        },
        id="would rather not say about a threat",
    ),
    pytest.param(
        make_answers(situation__threat_to_share="no", situation__image_shared="no"),
        set(),
        id="neither threatened nor shared",
    ),
    pytest.param(
        make_answers(getting_help__someone_checks_phone="yes"),
        {"getting_help_plan_changes_if_watched"},
        id="phone is checked, situation skipped",
    ),
    pytest.param(
        make_answers(
            getting_help__someone_checks_phone="yes",
            situation__threat_to_share="no",
            situation__image_shared="not_sure",
        ),
        {
            "getting_help_plan_changes_if_watched",
            "getting_help_contact_if_deaf_or_need_interpreter",
            "getting_help_if_happening_keep_evidence",
            "getting_help_if_happening_check_and_remove_adult",
        },
        id="phone is checked, not in crisis",
    ),
    pytest.param(
        make_answers(getting_help__someone_checks_phone="yes", situation__threat_to_share="yes"),
        URGENT_ADULT | {"getting_help_plan_safely_if_watched"},
        id="phone is checked and threatened",
    ),
    pytest.param(
        make_answers(
            profile__age_band="13_15",
            getting_help__someone_checks_phone="yes",
            situation__image_shared="yes",
        ),
        URGENT_UNDER_18 | {"getting_help_plan_safely_if_watched_under_18"},
        id="13-15, phone is checked and image shared",
    ),
    pytest.param(
        make_answers(getting_help__someone_checks_phone="prefer_not_to_say"),
        set(),
        id="would rather not say about phone checks",
    ),
    pytest.param(
        make_answers(situation__threat_to_share="yes", profile__nation="scotland"),
        URGENT_ADULT,
        id="Scotland: My Support Space is for England and Wales",
    ),
    pytest.param(
        make_answers(situation__image_shared="yes", profile__nation="wales"),
        URGENT_ADULT,
        id="Wales: My Support Space",
    ),
    pytest.param(
        make_answers(getting_help__knows_how_to_help_a_friend="no"),
        {"getting_help_help_a_friend_adult"},
        id="adult doesn't know how to help a friend",
    ),
    pytest.param(
        make_answers(
            profile__age_band="13_15", getting_help__knows_how_to_help_a_friend="not_sure"
        ),
        {"getting_help_help_a_friend"},
        id="13-15 not sure how to help a friend",
    ),
    pytest.param(
        make_answers(getting_help__knows_how_to_help_a_friend="yes"),
        set(),
        id="knows how to help a friend",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17", getting_help__knows_how_to_help_a_friend="yes"),
        set(),
        id="16-17 knows how to help a friend",
    ),
    pytest.param(make_answers(getting_help__someone_checks_phone="no"), set(), id="not watched"),
    pytest.param(
        make_answers(getting_help__knows_how_to_report="no"),
        {"getting_help_learn_to_report"},
        id="doesn't know how to report",
    ),
    pytest.param(
        make_answers(getting_help__knows_how_to_report="not_sure"),
        {"getting_help_learn_to_report"},
        id="not sure how to report",
    ),
    pytest.param(make_answers(getting_help__knows_how_to_report="yes"), set(), id="can report"),
    pytest.param(
        make_answers(getting_help__knows_how_to_save_evidence="no"),
        {"getting_help_learn_to_save_evidence"},
        id="can't save evidence",
    ),
    pytest.param(
        make_answers(getting_help__knows_how_to_save_evidence="yes"), set(), id="can save evidence"
    ),
    pytest.param(
        make_answers(profile__age_band="13_15", getting_help__trusted_adult="no"),
        {"getting_help_find_a_trusted_adult"},
        id="no trusted adult",
    ),
    pytest.param(
        make_answers(profile__age_band="13_15", getting_help__trusted_adult="not_sure"),
        {"getting_help_find_a_trusted_adult"},
        id="not sure about a trusted adult",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17", getting_help__trusted_adult="yes"),
        set(),
        id="has a trusted adult",
    ),
    pytest.param(
        make_answers(getting_help__trusted_person="no"),
        {"getting_help_find_someone_to_talk_to"},
        id="adult with nobody to talk to",
    ),
    pytest.param(make_answers(getting_help__trusted_person="yes"), set(), id="adult has someone"),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


def test_safe_answers_pass() -> None:
    answers = make_answers(
        situation__threat_to_share="no",
        situation__image_shared="no",
        getting_help__someone_checks_phone="no",
        getting_help__knows_how_to_report="yes",
        getting_help__knows_how_to_save_evidence="yes",
        getting_help__trusted_person="yes",
        getting_help__knows_how_to_help_a_friend="yes",
    )
    assert {
        "getting_help_stay_safe_now",
        "getting_help_plan_safely_if_watched",
        "getting_help_reach_help_without_a_call",
        "getting_help_know_what_happens_if_you_report",
        "getting_help_contact_if_deaf_or_need_interpreter",
        "getting_help_help_a_friend_adult",
        "getting_help_learn_to_report",
        "getting_help_learn_to_save_evidence",
        "getting_help_find_someone_to_talk_to",
        "getting_help_keep_evidence_adult",
        "getting_help_report_adult",
        "getting_help_talk_to_someone_adult",
        "getting_help_if_happening_dont_pay",
        "getting_help_if_happening_keep_evidence",
        "getting_help_if_happening_check_and_remove_adult",
        "getting_help_if_happening_check_and_remove",
        "getting_help_keep_evidence_any_age",
        "getting_help_report_any_age",
        "getting_help_get_images_removed_any_age",
        "getting_help_talk_to_someone_any_age",
    } == passed(AREA, answers)


def test_age_specific_rules_are_not_applicable_to_the_other_age_group() -> None:
    adult = statuses(AREA, make_answers(situation__threat_to_share="yes"))
    assert adult["getting_help_report_under_18"] == "not_applicable"
    assert adult["getting_help_report_adult"] == "fail"
    assert adult["getting_help_find_a_trusted_adult"] == "not_applicable"
    child = statuses(AREA, make_answers(profile__age_band="13_15"))
    assert child["getting_help_find_someone_to_talk_to"] == "not_applicable"


def test_a_watched_person_in_crisis_is_first_told_to_plan_safely() -> None:
    answers = make_answers(getting_help__someone_checks_phone="yes", situation__image_shared="yes")
    lane = build_plan(validate(answers)).urgent
    assert lane is not None
    assert lane.actions[0].rule_id == "getting_help_plan_safely_if_watched"
    text = " ".join(line for group in lane.actions[0].steps for line in group.steps)
    for words in ("Men's Advice Line", "Galop", "shared photo backup", "don't change settings"):
        assert words in text, words


DOMESTIC_ABUSE = {
    "england": "{national_domestic_abuse_helpline}",
    "wales": "{live_fear_free}",
    "scotland": "{scotland_domestic_abuse_helpline}",
    "northern_ireland": "{ni_domestic_sexual_abuse_helpline}",
}


@pytest.mark.parametrize("rule", [PLAN_SAFELY, PLAN_CHANGES], ids=lambda rule: rule.id)
def test_watched_plans_name_each_nations_domestic_abuse_service(rule: Rule) -> None:
    groups = {group.platform: " ".join(group.steps) for group in rule.steps}
    for nation, mention in DOMESTIC_ABUSE.items():
        assert mention in groups[nation]
        assert NATION_NAMES[nation] in groups[nation]
        others = set(DOMESTIC_ABUSE.values()) - {mention}
        assert not any(other in groups[nation] for other in others)


def test_help_a_friend_has_one_version_per_age_group() -> None:
    child = statuses(
        AREA,
        make_answers(profile__age_band="under_13", getting_help__knows_how_to_help_a_friend="no"),
    )
    assert child["getting_help_help_a_friend"] == "fail"
    assert child["getting_help_help_a_friend_adult"] == "not_applicable"
    adult = statuses(AREA, make_answers(getting_help__knows_how_to_help_a_friend="not_sure"))
    assert adult["getting_help_help_a_friend"] == "not_applicable"
    assert adult["getting_help_help_a_friend_adult"] == "fail"
