"""Personal details rules: the exact set of rules each answer set fires, and the ones it passes."""

from __future__ import annotations

import pytest

from safety_check.rules import RULES_BY_ID
from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "personal_details"

FIRES = [
    pytest.param(
        make_answers(personal_details__phone_number_visible="yes"),
        {"personal_details_hide_phone_number"},
        id="phone number visible",
    ),
    pytest.param(
        make_answers(personal_details__phone_number_visible="not_sure"),
        {"personal_details_hide_phone_number"},
        id="not sure about phone number",
    ),
    pytest.param(
        make_answers(personal_details__phone_number_visible="no"), set(), id="phone number hidden"
    ),
    pytest.param(
        make_answers(personal_details__school_or_home_visible="often"),
        {"personal_details_hide_school_and_home"},
        id="school or home often visible",
    ),
    pytest.param(
        make_answers(personal_details__school_or_home_visible="sometimes"),
        {"personal_details_hide_school_and_home"},
        id="school or home sometimes visible",
    ),
    pytest.param(
        make_answers(personal_details__school_or_home_visible="not_sure"),
        {"personal_details_hide_school_and_home"},
        id="not sure about school or home",
    ),
    pytest.param(
        make_answers(personal_details__school_or_home_visible="never"),
        set(),
        id="school and home never visible",
    ),
    pytest.param(
        make_answers(personal_details__live_location="lots"),
        {"personal_details_limit_live_location"},
        id="location shared with lots of people",
    ),
    pytest.param(
        make_answers(personal_details__live_location="not_sure"),
        {"personal_details_limit_live_location"},
        id="not sure who sees location",
    ),
    pytest.param(
        make_answers(personal_details__live_location="few_trusted"),
        {"personal_details_review_live_location"},
        id="location shared with a few trusted people",
    ),
    pytest.param(
        make_answers(personal_details__live_location="no_one"), set(), id="location sharing off"
    ),
    pytest.param(
        make_answers(personal_details__real_name_username="yes"),
        {"personal_details_use_a_nickname_username"},
        id="username shows full name",
    ),
    pytest.param(
        make_answers(personal_details__real_name_username="no"), set(), id="nickname username"
    ),
    pytest.param(
        make_answers(personal_details__accept_strangers="often"),
        {"personal_details_only_accept_people_you_know"},
        id="often accepts strangers",
    ),
    pytest.param(
        make_answers(personal_details__accept_strangers="sometimes"),
        {"personal_details_only_accept_people_you_know"},
        id="sometimes accepts strangers",
    ),
    pytest.param(
        make_answers(personal_details__accept_strangers="never"),
        set(),
        id="never accepts strangers",
    ),
    pytest.param(
        make_answers(personal_details__photo_location="usually"),
        {"personal_details_remove_location_from_photos"},
        id="photos usually show location",
    ),
    pytest.param(
        make_answers(personal_details__photo_location="sometimes"),
        {"personal_details_remove_location_from_photos"},
        id="photos sometimes show location",
    ),
    pytest.param(
        make_answers(personal_details__photo_location="not_sure"),
        {"personal_details_remove_location_from_photos"},
        id="not sure about photo location",
    ),
    pytest.param(
        make_answers(personal_details__photo_location="no"), set(), id="photos show no location"
    ),
    pytest.param(
        make_answers(
            profile__age_band="13_15",
            personal_details__phone_number_visible="yes",
            personal_details__accept_strangers="often",
            personal_details__live_location="lots",
        ),
        {
            "personal_details_hide_phone_number",
            "personal_details_only_accept_people_you_know",
            "personal_details_limit_live_location",
        },
        id="several gaps at once for a 13-15-year-old",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


def test_safe_answers_pass() -> None:
    answers = make_answers(
        personal_details__phone_number_visible="no",
        personal_details__school_or_home_visible="never",
        personal_details__live_location="no_one",
        personal_details__real_name_username="no",
        personal_details__accept_strangers="never",
        personal_details__photo_location="no",
    )
    assert passed(AREA, answers) == {
        "personal_details_hide_phone_number",
        "personal_details_hide_school_and_home",
        "personal_details_limit_live_location",
        "personal_details_review_live_location",
        "personal_details_use_a_nickname_username",
        "personal_details_only_accept_people_you_know",
        "personal_details_remove_location_from_photos",
    }


def test_unanswered_questions_leave_rules_not_answered() -> None:
    result = statuses(AREA, make_answers())
    assert set(result.values()) == {"not_answered"}
    assert result["personal_details_limit_live_location"] == "not_answered"


def test_location_rules_may_alert_a_controlling_person() -> None:
    assert RULES_BY_ID["personal_details_limit_live_location"].may_alert
    assert RULES_BY_ID["personal_details_review_live_location"].may_alert
