"""Webcam rules: the exact set of rules each answer set fires, and the ones it passes."""

from __future__ import annotations

import pytest

from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "webcam"

FIRES = [
    pytest.param(
        make_answers(webcam__cover_when_unused="never"),
        {"webcam_cover_when_unused"},
        id="never covers the camera",
    ),
    pytest.param(
        make_answers(webcam__cover_when_unused="sometimes"),
        {"webcam_cover_when_unused"},
        id="sometimes covers the camera",
    ),
    pytest.param(make_answers(webcam__cover_when_unused="always"), set(), id="always covers"),
    pytest.param(make_answers(webcam__cover_when_unused="no_camera"), set(), id="no camera"),
    pytest.param(
        make_answers(webcam__permissions_checked="no"),
        {"webcam_review_camera_permissions"},
        id="permissions not checked",
    ),
    pytest.param(
        make_answers(webcam__permissions_checked="not_sure"),
        {"webcam_review_camera_permissions"},
        id="not sure about permissions",
    ),
    pytest.param(make_answers(webcam__permissions_checked="yes"), set(), id="permissions checked"),
    pytest.param(
        make_answers(webcam__video_calls_with_strangers="often"),
        {"webcam_video_calls_with_strangers"},
        id="often calls strangers",
    ),
    pytest.param(
        make_answers(webcam__video_calls_with_strangers="sometimes"),
        {"webcam_video_calls_with_strangers"},
        id="sometimes calls strangers",
    ),
    pytest.param(make_answers(webcam__video_calls_with_strangers="never"), set(), id="no calls"),
    pytest.param(
        make_answers(webcam__light_on_unexpectedly="yes"),
        {"webcam_camera_light_unexpected"},
        id="light came on",
    ),
    pytest.param(
        make_answers(webcam__light_on_unexpectedly="not_sure"),
        {"webcam_camera_light_unexpected"},
        id="not sure about the light",
    ),
    pytest.param(make_answers(webcam__light_on_unexpectedly="no"), set(), id="light fine"),
    pytest.param(
        make_answers(webcam__recorded_you_message="yes"),
        {"webcam_recorded_you_message_is_a_scam"},
        id="got a recorded-you email",
    ),
    pytest.param(
        make_answers(webcam__recorded_you_message="not_sure"),
        {"webcam_recorded_you_message_is_a_scam"},
        id="not sure about a recorded-you email",
    ),
    pytest.param(make_answers(webcam__recorded_you_message="no"), set(), id="no such email"),
    pytest.param(
        make_answers(
            webcam__cover_when_unused="never",
            webcam__permissions_checked="no",
            webcam__video_calls_with_strangers="often",
        ),
        {
            "webcam_cover_when_unused",
            "webcam_review_camera_permissions",
            "webcam_video_calls_with_strangers",
        },
        id="several gaps at once",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


def test_safe_answers_pass() -> None:
    answers = make_answers(
        webcam__cover_when_unused="always",
        webcam__permissions_checked="yes",
        webcam__video_calls_with_strangers="never",
        webcam__light_on_unexpectedly="no",
        webcam__recorded_you_message="no",
    )
    assert passed(AREA, answers) == {
        "webcam_cover_when_unused",
        "webcam_review_camera_permissions",
        "webcam_video_calls_with_strangers",
        "webcam_camera_light_unexpected",
        "webcam_recorded_you_message_is_a_scam",
    }


def test_cover_rule_does_not_apply_without_a_computer() -> None:
    answers = make_answers(**{"profile__devices": ["iphone_ipad"]})
    assert statuses(AREA, answers)["webcam_cover_when_unused"] == "not_applicable"


def test_unanswered_questions_leave_rules_not_answered() -> None:
    assert statuses(AREA, make_answers())["webcam_review_camera_permissions"] == "not_answered"
