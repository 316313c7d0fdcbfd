"""Getting-help rules: the urgent evidence, report and support steps by age, and the habits."""

from __future__ import annotations

import pytest

from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "getting_help"
URGENT_UNDER_18 = {
    "getting_help_stay_safe_now",
    "getting_help_keep_evidence_under_18",
    "getting_help_report_under_18",
    "getting_help_talk_to_a_trusted_adult",
}
URGENT_ADULT = {
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
            "getting_help_if_happening_dont_pay",
            "getting_help_if_happening_keep_evidence",
            "getting_help_if_happening_check_and_remove_adult",
        },
        id="not sure about sharing, not threatened",
    ),
    pytest.param(
        make_answers(getting_help__someone_checks_phone="yes"),
        {"getting_help_plan_safely_if_watched"},
        id="phone is checked",
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
    )
    assert {
        "getting_help_stay_safe_now",
        "getting_help_plan_safely_if_watched",
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
