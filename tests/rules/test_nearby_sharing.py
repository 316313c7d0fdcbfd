"""Nearby sharing rules: the exact set of rules each answer set fires, and the ones it passes."""

from __future__ import annotations

import pytest

from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "nearby_sharing"
REPORT = "nearby_sharing_unwanted_image_report_it"
POLICE = "nearby_sharing_unwanted_image_tell_the_police"
UNDER_18_SUPPORT = "nearby_sharing_unwanted_image_under_18_support"

FIRES = [
    pytest.param(make_answers(), set(), id="nothing answered"),
    pytest.param(
        make_answers(nearby_sharing__airdrop_setting="everyone"),
        {"nearby_sharing_airdrop_contacts_only"},
        id="airdrop open to everyone",
    ),
    pytest.param(
        make_answers(nearby_sharing__airdrop_setting="not_sure"),
        {"nearby_sharing_airdrop_contacts_only"},
        id="not sure about airdrop",
    ),
    pytest.param(
        make_answers(nearby_sharing__airdrop_setting="contacts_only"), set(), id="contacts only"
    ),
    pytest.param(
        make_answers(nearby_sharing__airdrop_setting="receiving_off"), set(), id="receiving off"
    ),
    pytest.param(
        make_answers(nearby_sharing__namedrop_knowledge="yes"),
        {"nearby_sharing_namedrop_know_the_facts"},
        id="believes the namedrop myth",
    ),
    pytest.param(
        make_answers(nearby_sharing__namedrop_knowledge="not_sure"),
        {"nearby_sharing_namedrop_know_the_facts"},
        id="not sure about namedrop",
    ),
    pytest.param(make_answers(nearby_sharing__namedrop_knowledge="no"), set(), id="knows namedrop"),
    pytest.param(
        make_answers(nearby_sharing__quick_share_visibility="everyone"),
        {"nearby_sharing_quick_share_limit_visibility"},
        id="quick share open to everyone",
    ),
    pytest.param(
        make_answers(nearby_sharing__quick_share_visibility="not_sure"),
        {"nearby_sharing_quick_share_limit_visibility"},
        id="not sure about quick share",
    ),
    pytest.param(
        make_answers(nearby_sharing__quick_share_visibility="contacts"), set(), id="contacts"
    ),
    pytest.param(
        make_answers(nearby_sharing__quick_share_visibility="your_devices"),
        set(),
        id="your devices",
    ),
    pytest.param(make_answers(nearby_sharing__quick_share_visibility="off"), set(), id="off"),
    pytest.param(
        make_answers(nearby_sharing__bluetooth_when_unused="leave_on"),
        {"nearby_sharing_bluetooth_off_when_unused"},
        id="bluetooth left on",
    ),
    pytest.param(
        make_answers(nearby_sharing__bluetooth_when_unused="sometimes"),
        {"nearby_sharing_bluetooth_off_when_unused"},
        id="bluetooth sometimes off",
    ),
    pytest.param(
        make_answers(nearby_sharing__bluetooth_when_unused="not_sure"),
        {"nearby_sharing_bluetooth_off_when_unused"},
        id="not sure about bluetooth",
    ),
    pytest.param(
        make_answers(nearby_sharing__bluetooth_when_unused="turn_off"), set(), id="turns it off"
    ),
    pytest.param(
        make_answers(nearby_sharing__bluetooth_when_unused="always_in_use"),
        set(),
        id="uses bluetooth all day",
    ),
    pytest.param(
        make_answers(nearby_sharing__device_name="full_name"),
        {"nearby_sharing_device_name_without_full_name"},
        id="device shows full name",
    ),
    pytest.param(
        make_answers(nearby_sharing__device_name="not_sure"),
        {"nearby_sharing_device_name_without_full_name"},
        id="not sure about device name",
    ),
    pytest.param(make_answers(nearby_sharing__device_name="first_name"), set(), id="first name"),
    pytest.param(make_answers(nearby_sharing__device_name="no_name"), set(), id="no name"),
    pytest.param(
        make_answers(nearby_sharing__unwanted_sexual_image="yes"),
        {REPORT, POLICE},
        id="adult was sent an unwanted image",
    ),
    pytest.param(
        make_answers(profile__age_band="13_15", nearby_sharing__unwanted_sexual_image="yes"),
        {REPORT, POLICE, UNDER_18_SUPPORT},
        id="teenager was sent an unwanted image",
    ),
    pytest.param(
        make_answers(profile__age_band="under_13", nearby_sharing__unwanted_sexual_image="yes"),
        {REPORT, POLICE, UNDER_18_SUPPORT},
        id="child was sent an unwanted image",
    ),
    pytest.param(
        make_answers(
            nearby_sharing__unwanted_sexual_image="yes",
            **{"profile__devices": ["games_console"], "profile__apps": []},
        ),
        {REPORT, POLICE},
        id="sent an unwanted image, with no phone or computer",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17", nearby_sharing__unwanted_sexual_image="no"),
        set(),
        id="teenager not sent one",
    ),
    pytest.param(
        make_answers(nearby_sharing__unwanted_sexual_image="prefer_not_to_say"),
        set(),
        id="rather not say",
    ),
    pytest.param(
        make_answers(
            nearby_sharing__airdrop_setting="everyone",
            nearby_sharing__quick_share_visibility="everyone",
            nearby_sharing__device_name="full_name",
        ),
        {
            "nearby_sharing_airdrop_contacts_only",
            "nearby_sharing_quick_share_limit_visibility",
            "nearby_sharing_device_name_without_full_name",
        },
        id="several gaps at once",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


def test_safe_answers_pass() -> None:
    answers = make_answers(
        nearby_sharing__airdrop_setting="contacts_only",
        nearby_sharing__namedrop_knowledge="no",
        nearby_sharing__quick_share_visibility="contacts",
        nearby_sharing__bluetooth_when_unused="turn_off",
        nearby_sharing__device_name="no_name",
        nearby_sharing__unwanted_sexual_image="no",
    )
    assert passed(AREA, answers) == {
        "nearby_sharing_airdrop_contacts_only",
        "nearby_sharing_namedrop_know_the_facts",
        "nearby_sharing_quick_share_limit_visibility",
        "nearby_sharing_bluetooth_off_when_unused",
        "nearby_sharing_device_name_without_full_name",
        REPORT,
        POLICE,
    }
    assert statuses(AREA, answers)[UNDER_18_SUPPORT] == "not_applicable"


def test_apple_rules_do_not_apply_with_only_android() -> None:
    answers = make_answers(**{"profile__devices": ["android"]})
    result = statuses(AREA, answers)
    assert result["nearby_sharing_airdrop_contacts_only"] == "not_applicable"
    assert result["nearby_sharing_namedrop_know_the_facts"] == "not_applicable"
    assert result["nearby_sharing_quick_share_limit_visibility"] == "not_answered"


def test_quick_share_rule_does_not_apply_with_only_apple_devices() -> None:
    answers = make_answers(**{"profile__devices": ["iphone_ipad", "mac"]})
    result = statuses(AREA, answers)
    assert result["nearby_sharing_quick_share_limit_visibility"] == "not_applicable"
    assert result["nearby_sharing_airdrop_contacts_only"] == "not_answered"


def test_namedrop_rule_does_not_apply_with_only_a_mac() -> None:
    answers = make_answers(**{"profile__devices": ["mac"]})
    assert statuses(AREA, answers)["nearby_sharing_namedrop_know_the_facts"] == "not_applicable"


def test_device_rules_do_not_apply_with_only_a_games_console() -> None:
    answers = make_answers(**{"profile__devices": ["games_console"]})
    result = statuses(AREA, answers)
    assert result["nearby_sharing_bluetooth_off_when_unused"] == "not_applicable"
    assert result["nearby_sharing_device_name_without_full_name"] == "not_applicable"


def test_unanswered_questions_leave_rules_not_answered() -> None:
    result = statuses(AREA, make_answers())
    assert result["nearby_sharing_airdrop_contacts_only"] == "not_answered"
    assert result[REPORT] == result[POLICE] == "not_answered"
    assert result[UNDER_18_SUPPORT] == "not_applicable"
    teen = statuses(AREA, make_answers(profile__age_band="13_15"))
    assert teen[UNDER_18_SUPPORT] == "not_answered"


def test_the_cyberflashing_question_covers_every_channel() -> None:
    from safety_check.questionnaire import QUESTIONS_BY_ID

    question = QUESTIONS_BY_ID["nearby_sharing.unwanted_sexual_image"]
    assert question.role == "disclosure"
    assert question.when is None
    for channel in ("message", "social media", "dating app", "AirDrop", "video call"):
        assert channel in question.text
    assert [option.id for option in question.options if option.harm] == ["yes"]


def test_the_law_is_given_for_each_nation_with_its_legislation() -> None:
    from safety_check.rules import RULES_BY_ID

    rule = RULES_BY_ID[POLICE]
    groups = {group.platform: group.steps for group in rule.steps}
    named = {
        "england": "England",
        "wales": "Wales",
        "scotland": "Scotland",
        "northern_ireland": "Northern Ireland",
    }
    for nation, name in named.items():
        assert all(line.startswith(f"In {name},") for line in groups[nation]), nation
    cited = " ".join(source.url for source in rule.sources)
    for section in ("ukpga/2003/42", "asp/2009/9", "nia/2022/19"):
        assert f"legislation.gov.uk/{section}" in cited, section
