"""Intimate-image rules: the urgent removal step by age, the knowledge rules and the consent habit."""

from __future__ import annotations

import pytest

from safety_check.authoring import PREFER_NOT_TO_SAY
from safety_check.models import NATION_NAMES
from safety_check.questionnaire import QUESTIONS_BY_ID
from safety_check.rules import RULES_BY_ID
from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "intimate_images"
REMOVE_UNDER_18 = "intimate_images_get_images_removed_under_18"
REMOVE_ADULT = "intimate_images_get_images_removed_adult"
TAKEN_UNDER_18 = "intimate_images_taken_without_consent_under_18"
TAKEN_ADULT = "intimate_images_taken_without_consent_adult"

FIRES = [
    pytest.param(make_answers(), set(), id="nothing answered"),
    pytest.param(
        make_answers(situation__image_shared="yes"), {REMOVE_ADULT}, id="adult image shared"
    ),
    pytest.param(
        make_answers(situation__threat_to_share="yes"), {REMOVE_ADULT}, id="adult threatened"
    ),
    pytest.param(
        make_answers(profile__age_band="13_15", situation__threat_to_share="yes"),
        {REMOVE_UNDER_18},
        id="13-15 threatened",
    ),
    pytest.param(
        make_answers(profile__age_band="under_13", situation__image_shared="yes"),
        {REMOVE_UNDER_18},
        id="under 13 image shared",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17", situation__image_shared="yes"),
        {REMOVE_UNDER_18},
        id="16-17 image shared",
    ),
    pytest.param(
        make_answers(situation__image_shared="not_sure", situation__threat_to_share="no"),
        set(),
        id="not sure about sharing, not threatened",
    ),
    pytest.param(
        make_answers(situation__image_shared="no", situation__threat_to_share="prefer_not_to_say"),
        set(),
        id="not shared, rather not say about threats",
    ),
    pytest.param(
        make_answers(intimate_images__disappearing_messages="yes"),
        {"intimate_images_disappearing_messages_can_be_saved"},
        id="thinks disappearing messages are safe",
    ),
    pytest.param(
        make_answers(intimate_images__disappearing_messages="not_sure"),
        {"intimate_images_disappearing_messages_can_be_saved"},
        id="not sure about disappearing messages",
    ),
    pytest.param(
        make_answers(intimate_images__disappearing_messages="no"),
        set(),
        id="knows disappearing messages can be saved",
    ),
    pytest.param(
        make_answers(intimate_images__asked_for_nude="yes"),
        {"intimate_images_asked_for_nudes_adult"},
        id="adult asked for a nude",
    ),
    pytest.param(
        make_answers(intimate_images__asked_for_nude="prefer_not_to_say"),
        {"intimate_images_asked_for_nudes_adult"},
        id="adult rather not say about being asked",
    ),
    pytest.param(
        make_answers(profile__age_band="13_15", intimate_images__asked_for_nude="yes"),
        {"intimate_images_asked_for_nudes_under_18"},
        id="13-15 asked for a nude",
    ),
    pytest.param(
        make_answers(
            profile__age_band="16_17", intimate_images__asked_for_nude="prefer_not_to_say"
        ),
        {"intimate_images_asked_for_nudes_under_18"},
        id="16-17 rather not say about being asked",
    ),
    pytest.param(make_answers(intimate_images__asked_for_nude="no"), set(), id="adult never asked"),
    pytest.param(
        make_answers(profile__age_band="under_13", intimate_images__asked_for_nude="no"),
        set(),
        id="under 13 never asked",
    ),
    pytest.param(
        make_answers(intimate_images__sent_nude_of_someone_else="yes"),
        {"intimate_images_dont_forward_nudes_of_others"},
        id="adult sent a nude of someone else",
    ),
    pytest.param(
        make_answers(profile__age_band="13_15", intimate_images__sent_nude_of_someone_else="yes"),
        {"intimate_images_dont_forward_nudes_of_others"},
        id="13-15 sent a nude of someone else",
    ),
    pytest.param(
        make_answers(intimate_images__sent_nude_of_someone_else="prefer_not_to_say"),
        {"intimate_images_dont_forward_nudes_of_others"},
        id="rather not say about being sent a nude",
    ),
    pytest.param(
        make_answers(intimate_images__sent_nude_of_someone_else="no"),
        set(),
        id="never sent a nude of someone else",
    ),
    pytest.param(
        make_answers(intimate_images__knows_the_law="no"),
        {"intimate_images_know_the_law"},
        id="thinks it isn't a crime",
    ),
    pytest.param(
        make_answers(intimate_images__knows_the_law="not_sure"),
        {"intimate_images_know_the_law"},
        id="not sure about the law",
    ),
    pytest.param(make_answers(intimate_images__knows_the_law="yes"), set(), id="knows the law"),
    pytest.param(
        make_answers(intimate_images__consent_before_sharing="not_always"),
        {"intimate_images_consent_before_sharing"},
        id="doesn't always check consent",
    ),
    pytest.param(
        make_answers(intimate_images__consent_before_sharing="always"),
        set(),
        id="always checks consent",
    ),
    pytest.param(
        make_answers(intimate_images__consent_before_sharing="never_share"),
        set(),
        id="doesn't share pictures like this",
    ),
    pytest.param(
        make_answers(intimate_images__taken_without_consent="yes"),
        {TAKEN_ADULT},
        id="adult had a picture taken without consent",
    ),
    pytest.param(
        make_answers(intimate_images__taken_without_consent="prefer_not_to_say"),
        {TAKEN_ADULT},
        id="adult rather not say about a picture taken",
    ),
    pytest.param(
        make_answers(intimate_images__taken_without_consent="no"),
        set(),
        id="adult had no picture taken",
    ),
    pytest.param(
        make_answers(profile__age_band="13_15", intimate_images__taken_without_consent="yes"),
        {TAKEN_UNDER_18},
        id="13-15 had a picture taken without consent",
    ),
    pytest.param(
        make_answers(
            profile__age_band="under_13", intimate_images__taken_without_consent="prefer_not_to_say"
        ),
        {TAKEN_UNDER_18},
        id="under 13 rather not say about a picture taken",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17", intimate_images__taken_without_consent="no"),
        set(),
        id="16-17 had no picture taken",
    ),
    pytest.param(
        make_answers(
            profile__age_band="13_15",
            situation__image_shared="yes",
            intimate_images__asked_for_nude="yes",
            intimate_images__disappearing_messages="yes",
        ),
        {
            REMOVE_UNDER_18,
            "intimate_images_asked_for_nudes_under_18",
            "intimate_images_disappearing_messages_can_be_saved",
        },
        id="13-15 with several answers",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


def test_safe_answers_pass() -> None:
    answers = make_answers(
        situation__image_shared="no",
        situation__threat_to_share="no",
        intimate_images__disappearing_messages="no",
        intimate_images__asked_for_nude="no",
        intimate_images__sent_nude_of_someone_else="no",
        intimate_images__knows_the_law="yes",
        intimate_images__consent_before_sharing="always",
    )
    assert passed(AREA, answers) == {
        REMOVE_UNDER_18,
        REMOVE_ADULT,
        "intimate_images_disappearing_messages_can_be_saved",
        "intimate_images_asked_for_nudes_adult",
        "intimate_images_dont_forward_nudes_of_others",
        "intimate_images_know_the_law",
        "intimate_images_consent_before_sharing",
    }


def test_age_split_rules_do_not_apply_to_the_other_age() -> None:
    adult = statuses(AREA, make_answers(intimate_images__asked_for_nude="yes"))
    assert adult["intimate_images_asked_for_nudes_under_18"] == "not_applicable"
    child = statuses(
        AREA, make_answers(profile__age_band="13_15", intimate_images__asked_for_nude="yes")
    )
    assert child["intimate_images_asked_for_nudes_adult"] == "not_applicable"


def test_consent_question_is_not_asked_of_under_18s() -> None:
    child = statuses(AREA, make_answers(profile__age_band="16_17"))
    assert child["intimate_images_consent_before_sharing"] == "not_applicable"


def test_removal_rules_pass_for_the_other_age() -> None:
    adult = statuses(AREA, make_answers(situation__image_shared="yes"))
    assert adult[REMOVE_UNDER_18] == "pass"
    child = statuses(AREA, make_answers(profile__age_band="13_15", situation__image_shared="yes"))
    assert child[REMOVE_ADULT] == "pass"


def test_unanswered_questions_leave_rules_not_answered() -> None:
    result = statuses(AREA, make_answers())
    assert result[REMOVE_ADULT] == "not_answered"
    assert result["intimate_images_know_the_law"] == "not_answered"
    assert result["intimate_images_consent_before_sharing"] == "not_answered"


def test_taken_without_consent_rules_do_not_apply_to_the_other_age() -> None:
    adult = statuses(AREA, make_answers(intimate_images__taken_without_consent="yes"))
    assert adult[TAKEN_UNDER_18] == "not_applicable"
    child = statuses(
        AREA, make_answers(profile__age_band="16_17", intimate_images__taken_without_consent="yes")
    )
    assert child[TAKEN_ADULT] == "not_applicable"
    assert statuses(AREA, make_answers())[TAKEN_ADULT] == "not_answered"


def test_taken_without_consent_question_tells_of_harm() -> None:
    question = QUESTIONS_BY_ID["intimate_images.taken_without_consent"]
    assert question.role == "disclosure"
    assert {option.id for option in question.options if option.harm} == {"yes"}
    assert PREFER_NOT_TO_SAY in {option.id for option in question.options}


def _lines(rule_id: str, platform: str) -> str:
    rule = RULES_BY_ID[rule_id]
    return " ".join(
        line for group in rule.steps if group.platform == platform for line in group.steps
    )


def test_help_after_a_picture_was_taken_routes_by_age() -> None:
    child = _lines(TAKEN_UNDER_18, "general")
    adult = _lines(TAKEN_ADULT, "general")
    for service in ("{report_remove}", "{take_it_down}", "{childline}"):
        assert service in child
    for service in ("{stopncii}", "{revenge_porn_helpline}"):
        assert service in adult
        assert service not in child
    for text in (child, adult):
        assert "not your fault" in text
        assert "{police_non_emergency}" in text and "{police_emergency}" in text
        assert "happening now" in text


@pytest.mark.parametrize(
    "rule_id",
    [
        TAKEN_UNDER_18,
        TAKEN_ADULT,
        "intimate_images_know_the_law",
        "intimate_images_dont_forward_nudes_of_others",
        "intimate_images_consent_before_sharing",
    ],
)
def test_law_lines_are_given_per_nation_and_cite_legislation(rule_id: str) -> None:
    rule = RULES_BY_ID[rule_id]
    for nation, name in NATION_NAMES.items():
        groups = [group for group in rule.steps if group.platform == nation]
        assert len(groups) == 1, f"{rule_id}: one {nation} group"
        for line in groups[0].steps:
            assert line.startswith(f"In {name},"), line
    assert "England and Wales" not in _lines(rule_id, "general")
    assert any("legislation.gov.uk" in citation.url for citation in rule.sources)


def test_upskirting_and_downblousing_law_is_stated_only_where_checked() -> None:
    rule_id = TAKEN_ADULT
    assert "down their top" in _lines(rule_id, "northern_ireland")
    for nation in ("england", "wales", "scotland"):
        lines = _lines(rule_id, nation)
        # no offence of *taking* a downblouse picture was found in these nations
        assert "down their top without" not in lines


def test_threats_are_a_crime_even_if_nothing_is_shared() -> None:
    text = _lines("intimate_images_know_the_law", "general")
    assert "even if nothing is ever shared" in text
    assert "report the threat" in text


def test_a_nude_of_someone_else_is_never_both_deleted_and_reported() -> None:
    """Deleting is said only of an adult's picture that is not being reported; a picture that
    might be of someone under 18 goes to the police, who say what to do with it (no source we
    read says whether to delete one)."""
    rule = RULES_BY_ID["intimate_images_dont_forward_nudes_of_others"]
    assert "delete" not in f"{rule.title} {rule.summary}".lower()
    general = next(group for group in rule.steps if group.platform == "general").steps
    for step in general:
        if "delete" in step.lower():
            assert "is an adult" in step and "don't want to report" in step
        if "under 18" in step and "police" in step:
            assert "delete" not in step.lower() and "do what they tell you" in step
    assert any("police" in step and "do what they tell you" in step for step in general)
