"""Dating app rules: the exact set of rules each answer set fires, and the ones it passes."""

from __future__ import annotations

import pytest

from tests.rules._helpers import ALL_APPS, fired, make_answers, passed, statuses

AREA = "dating_apps"
UNDER_18_RULE = "dating_apps_under_18_know_the_risks_get_help"
NO_DATING_APPS = [app for app in ALL_APPS if app != "dating_apps"]

FIRES = [
    pytest.param(make_answers(), set(), id="adult, nothing answered"),
    pytest.param(
        make_answers(dating_apps__checks_verification="never"),
        {"dating_apps_check_matches_are_verified"},
        id="never checks verification",
    ),
    pytest.param(
        make_answers(dating_apps__checks_verification="sometimes"),
        {"dating_apps_check_matches_are_verified"},
        id="sometimes checks verification",
    ),
    pytest.param(
        make_answers(dating_apps__checks_verification="not_sure"),
        {"dating_apps_check_matches_are_verified"},
        id="not sure about verification",
    ),
    pytest.param(
        make_answers(dating_apps__checks_verification="always"), set(), id="always checks"
    ),
    pytest.param(
        make_answers(dating_apps__moves_chat_off_app="straight_away"),
        {"dating_apps_take_time_before_moving_off_app"},
        id="moves off the app straight away",
    ),
    pytest.param(
        make_answers(dating_apps__moves_chat_off_app="within_days"),
        {"dating_apps_take_time_before_moving_off_app"},
        id="moves off the app within days",
    ),
    pytest.param(
        make_answers(dating_apps__moves_chat_off_app="take_my_time"), set(), id="takes their time"
    ),
    pytest.param(
        make_answers(dating_apps__video_call_before_meeting="never"),
        {"dating_apps_video_call_before_meeting"},
        id="never video calls first",
    ),
    pytest.param(
        make_answers(dating_apps__video_call_before_meeting="sometimes"),
        {"dating_apps_video_call_before_meeting"},
        id="sometimes video calls first",
    ),
    pytest.param(
        make_answers(dating_apps__video_call_before_meeting="always"), set(), id="always calls"
    ),
    pytest.param(
        make_answers(dating_apps__video_call_before_meeting="dont_meet"),
        set(),
        id="doesn't meet matches (video)",
    ),
    pytest.param(
        make_answers(dating_apps__first_meeting_safety="neither"),
        {"dating_apps_meet_in_public_tell_a_friend"},
        id="neither public nor told a friend",
    ),
    pytest.param(
        make_answers(dating_apps__first_meeting_safety="one_of_them"),
        {"dating_apps_meet_in_public_tell_a_friend"},
        id="only one of public or told a friend",
    ),
    pytest.param(make_answers(dating_apps__first_meeting_safety="both"), set(), id="both"),
    pytest.param(
        make_answers(dating_apps__first_meeting_safety="dont_meet"),
        set(),
        id="doesn't meet matches (meeting)",
    ),
    pytest.param(
        make_answers(dating_apps__sends_nudes_to_matches="not_met"),
        {"dating_apps_hold_back_nudes_until_you_have_met"},
        id="sends nudes to matches not met",
    ),
    pytest.param(
        make_answers(dating_apps__sends_nudes_to_matches="met_and_trust"),
        set(),
        id="only to people met and trusted",
    ),
    pytest.param(make_answers(dating_apps__sends_nudes_to_matches="no"), set(), id="no nudes"),
    pytest.param(
        make_answers(dating_apps__sends_nudes_to_matches="prefer_not_to_say"),
        set(),
        id="rather not say (nudes)",
    ),
    pytest.param(
        make_answers(dating_apps__profile_shows_where_to_find_you="yes"),
        {"dating_apps_keep_profile_details_general"},
        id="profile shows where to find them",
    ),
    pytest.param(
        make_answers(dating_apps__profile_shows_where_to_find_you="not_sure"),
        {"dating_apps_keep_profile_details_general"},
        id="not sure about profile details",
    ),
    pytest.param(
        make_answers(dating_apps__profile_shows_where_to_find_you="no"), set(), id="general profile"
    ),
    pytest.param(
        make_answers(dating_apps__asked_for_money="yes"),
        {"dating_apps_romance_scam_stop_and_report"},
        id="asked for money",
    ),
    pytest.param(
        make_answers(dating_apps__asked_for_money="not_sure"),
        {"dating_apps_romance_scam_stop_and_report"},
        id="not sure about money requests",
    ),
    pytest.param(make_answers(dating_apps__asked_for_money="no"), set(), id="never asked"),
    pytest.param(
        make_answers(dating_apps__asked_for_money="prefer_not_to_say"),
        set(),
        id="rather not say (money)",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17"), {UNDER_18_RULE}, id="16-17 on dating apps"
    ),
    pytest.param(
        make_answers(profile__age_band="13_15"), {UNDER_18_RULE}, id="13-15 on dating apps"
    ),
    pytest.param(
        make_answers(profile__age_band="under_13"), {UNDER_18_RULE}, id="under 13 on dating apps"
    ),
    pytest.param(
        make_answers(profile__age_band="13_15", profile__apps=NO_DATING_APPS),
        set(),
        id="13-15 without dating apps",
    ),
    pytest.param(
        make_answers(
            dating_apps__checks_verification="never",
            dating_apps__first_meeting_safety="neither",
            dating_apps__asked_for_money="yes",
        ),
        {
            "dating_apps_check_matches_are_verified",
            "dating_apps_meet_in_public_tell_a_friend",
            "dating_apps_romance_scam_stop_and_report",
        },
        id="several gaps at once",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


def test_safe_answers_pass() -> None:
    answers = make_answers(
        dating_apps__checks_verification="always",
        dating_apps__moves_chat_off_app="take_my_time",
        dating_apps__video_call_before_meeting="always",
        dating_apps__first_meeting_safety="both",
        dating_apps__sends_nudes_to_matches="no",
        dating_apps__profile_shows_where_to_find_you="no",
        dating_apps__asked_for_money="no",
    )
    assert passed(AREA, answers) == {
        "dating_apps_check_matches_are_verified",
        "dating_apps_take_time_before_moving_off_app",
        "dating_apps_video_call_before_meeting",
        "dating_apps_meet_in_public_tell_a_friend",
        "dating_apps_hold_back_nudes_until_you_have_met",
        "dating_apps_keep_profile_details_general",
        "dating_apps_romance_scam_stop_and_report",
        UNDER_18_RULE,
    }


def test_rules_do_not_apply_without_dating_apps() -> None:
    answers = make_answers(profile__apps=NO_DATING_APPS)
    assert set(statuses(AREA, answers).values()) == {"not_applicable"}


def test_adult_rules_do_not_apply_to_under_18s() -> None:
    result = statuses(AREA, make_answers(profile__age_band="16_17"))
    assert result.pop(UNDER_18_RULE) == "fail"
    assert set(result.values()) == {"not_applicable"}


def test_unanswered_questions_leave_rules_not_answered() -> None:
    result = statuses(AREA, make_answers())
    assert result["dating_apps_check_matches_are_verified"] == "not_answered"
    assert result["dating_apps_romance_scam_stop_and_report"] == "not_answered"
    assert result[UNDER_18_RULE] == "pass"
