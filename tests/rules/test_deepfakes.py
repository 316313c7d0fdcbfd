"""Deepfake rules: public photos, reverse image search, help by age, and not sharing fakes."""

from __future__ import annotations

import pytest

from safety_check.models import NATION_NAMES
from safety_check.rules import RULES_BY_ID
from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "deepfakes"

FIRES = [
    pytest.param(make_answers(), set(), id="nothing answered"),
    pytest.param(
        make_answers(deepfakes__public_face_photos="lots"),
        {"deepfakes_limit_public_photos"},
        id="lots of public face photos",
    ),
    pytest.param(
        make_answers(deepfakes__public_face_photos="not_sure"),
        {"deepfakes_limit_public_photos"},
        id="not sure about public face photos",
    ),
    pytest.param(make_answers(deepfakes__public_face_photos="a_few"), set(), id="a few photos"),
    pytest.param(make_answers(deepfakes__public_face_photos="none"), set(), id="no public photos"),
    pytest.param(
        make_answers(deepfakes__checked_where_photos_appear="no"),
        {"deepfakes_check_where_your_photos_appear"},
        id="never checked where photos appear",
    ),
    pytest.param(
        make_answers(deepfakes__checked_where_photos_appear="yes"),
        set(),
        id="has checked where photos appear",
    ),
    pytest.param(
        make_answers(deepfakes__fake_image_of_you="yes"),
        {"deepfakes_fake_image_help_adult"},
        id="adult knows of a fake",
    ),
    pytest.param(
        make_answers(deepfakes__fake_image_of_you="worried"),
        {"deepfakes_fake_image_help_adult"},
        id="adult worried about a fake",
    ),
    pytest.param(
        make_answers(deepfakes__fake_image_of_you="prefer_not_to_say"),
        {"deepfakes_fake_image_help_adult"},
        id="adult rather not say about a fake",
    ),
    pytest.param(make_answers(deepfakes__fake_image_of_you="no"), set(), id="adult no fake"),
    pytest.param(
        make_answers(profile__age_band="13_15", deepfakes__fake_image_of_you="yes"),
        {"deepfakes_fake_image_help_under_18"},
        id="13-15 knows of a fake",
    ),
    pytest.param(
        make_answers(profile__age_band="under_13", deepfakes__fake_image_of_you="worried"),
        {"deepfakes_fake_image_help_under_18"},
        id="under 13 worried about a fake",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17", deepfakes__fake_image_of_you="no"),
        set(),
        id="16-17 no fake",
    ),
    pytest.param(
        make_answers(deepfakes__nudify_seen="yes"),
        {"deepfakes_dont_share_fakes_adult"},
        id="adult has seen nudify apps",
    ),
    pytest.param(
        make_answers(deepfakes__nudify_seen="prefer_not_to_say"),
        {"deepfakes_dont_share_fakes_adult"},
        id="adult rather not say about nudify apps",
    ),
    pytest.param(make_answers(deepfakes__nudify_seen="no"), set(), id="adult hasn't seen them"),
    pytest.param(
        make_answers(profile__age_band="13_15", deepfakes__nudify_seen="yes"),
        {"deepfakes_dont_share_fakes_under_18"},
        id="13-15 has seen nudify apps",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17", deepfakes__nudify_seen="no"),
        set(),
        id="16-17 hasn't seen them",
    ),
    pytest.param(
        make_answers(
            profile__age_band="16_17",
            deepfakes__public_face_photos="lots",
            deepfakes__checked_where_photos_appear="no",
            deepfakes__fake_image_of_you="worried",
            deepfakes__nudify_seen="yes",
        ),
        {
            "deepfakes_limit_public_photos",
            "deepfakes_check_where_your_photos_appear",
            "deepfakes_fake_image_help_under_18",
            "deepfakes_dont_share_fakes_under_18",
        },
        id="16-17 with several answers",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


def test_safe_answers_pass() -> None:
    answers = make_answers(
        deepfakes__public_face_photos="none",
        deepfakes__checked_where_photos_appear="yes",
        deepfakes__fake_image_of_you="no",
        deepfakes__nudify_seen="no",
    )
    assert passed(AREA, answers) == {
        "deepfakes_limit_public_photos",
        "deepfakes_check_where_your_photos_appear",
        "deepfakes_fake_image_help_adult",
        "deepfakes_dont_share_fakes_adult",
    }


def test_age_split_rules_do_not_apply_to_the_other_age() -> None:
    adult = statuses(AREA, make_answers(deepfakes__fake_image_of_you="yes"))
    assert adult["deepfakes_fake_image_help_under_18"] == "not_applicable"
    assert adult["deepfakes_dont_share_fakes_under_18"] == "not_applicable"
    child = statuses(
        AREA, make_answers(profile__age_band="13_15", deepfakes__fake_image_of_you="yes")
    )
    assert child["deepfakes_fake_image_help_adult"] == "not_applicable"
    assert child["deepfakes_dont_share_fakes_adult"] == "not_applicable"


def test_unanswered_questions_leave_rules_not_answered() -> None:
    result = statuses(AREA, make_answers())
    assert result["deepfakes_limit_public_photos"] == "not_answered"
    assert result["deepfakes_fake_image_help_adult"] == "not_answered"


def _nation_lines(rule_id: str, nation: str) -> list[str]:
    return [
        line
        for group in RULES_BY_ID[rule_id].steps
        if group.platform == nation
        for line in group.steps
    ]


@pytest.mark.parametrize(
    "rule_id",
    [
        "deepfakes_fake_image_help_adult",
        "deepfakes_dont_share_fakes_adult",
        "deepfakes_dont_share_fakes_under_18",
    ],
)
def test_deepfake_law_is_stated_per_nation(rule_id: str) -> None:
    for nation, name in NATION_NAMES.items():
        lines = _nation_lines(rule_id, nation)
        assert lines, f"{rule_id} has no {nation} group"
        assert all(line.startswith(f"In {name},") for line in lines), lines


def test_deepfake_law_does_not_overstate() -> None:
    # Northern Ireland: sharing offence reported not to cover fakes of adults (nations.md 3.13).
    ni = " ".join(_nation_lines("deepfakes_fake_image_help_adult", "northern_ireland"))
    assert "may not cover" in ni and "is a crime" not in ni
    # England and Wales: the creating offence is passed but its start is unconfirmed (3.31).
    for nation in ("england", "wales"):
        text = " ".join(_nation_lines("deepfakes_dont_share_fakes_adult", nation))
        assert "could not confirm that it has started" in text
