"""Fires / does-not-fire cases for the lanes of someone who skipped their age or is unsure."""

from __future__ import annotations

import pytest

from tests.rules._helpers import fired

AREA = "getting_help"
ANY_AGE_URGENT = {
    "getting_help_keep_evidence_any_age",
    "getting_help_report_any_age",
    "getting_help_get_images_removed_any_age",
    "getting_help_talk_to_someone_any_age",
}
IF_HAPPENING_ALL_AGES = {
    "getting_help_if_happening_dont_pay",
    "getting_help_if_happening_keep_evidence",
}
CHECK = {
    "under_13": "getting_help_if_happening_check_and_remove_under_18",
    "13_15": "getting_help_if_happening_check_and_remove_under_18",
    "16_17": "getting_help_if_happening_check_and_remove_under_18",
    "18_plus": "getting_help_if_happening_check_and_remove_adult",
    None: "getting_help_if_happening_check_and_remove",
}


def answers(age: str | None, **situation: str) -> dict[str, str | list[str]]:
    raw: dict[str, str | list[str]] = {f"situation.{k}": v for k, v in situation.items()}
    if age is not None:
        raw["profile.age_band"] = age
    return raw


@pytest.mark.parametrize(
    "situation", [{"threat_to_share": "yes"}, {"image_shared": "yes"}], ids=["threat", "shared"]
)
def test_any_age_urgent_steps_fire_only_without_an_age(situation: dict[str, str]) -> None:
    assert fired(AREA, answers(None, **situation)) >= ANY_AGE_URGENT
    for age in ("13_15", "18_plus"):
        assert not ANY_AGE_URGENT & fired(AREA, answers(age, **situation))


def test_any_age_urgent_steps_do_not_fire_without_a_crisis() -> None:
    calm = answers(None, threat_to_share="no", image_shared="no")
    assert not ANY_AGE_URGENT & fired(AREA, calm)


@pytest.mark.parametrize("age", list(CHECK))
@pytest.mark.parametrize(
    "situation",
    [{"threat_to_share": "prefer_not_to_say"}, {"image_shared": "not_sure"}],
    ids=["rather_not_say", "not_sure"],
)
def test_if_happening_steps_fire_for_unsure_answers(
    age: str | None, situation: dict[str, str]
) -> None:
    got = fired(AREA, answers(age, **situation))
    # "Don't pay" is for a threat that may be happening, not for a picture that may be shared.
    money = set() if "threat_to_share" in situation else {"getting_help_if_happening_dont_pay"}
    assert got >= IF_HAPPENING_ALL_AGES - money
    assert not money & got
    assert CHECK[age] in got
    assert not (set(CHECK.values()) - {CHECK[age]}) & got


@pytest.mark.parametrize("age", list(CHECK))
def test_if_happening_steps_do_not_fire_for_clear_answers(age: str | None) -> None:
    got = fired(AREA, answers(age, threat_to_share="no", image_shared="no"))
    assert not (IF_HAPPENING_ALL_AGES | set(CHECK.values())) & got
