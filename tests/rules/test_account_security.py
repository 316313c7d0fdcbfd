"""Account security rules: the exact set of rules each answer set fires, and the ones it passes."""

from __future__ import annotations

import pytest

from safety_check.rules import RULES_BY_ID
from tests.rules._helpers import fired, make_answers, passed, statuses

AREA = "account_security"

FIRES = [
    pytest.param(
        make_answers(account_security__two_step_verification="none"),
        {"account_security_turn_on_two_step_verification"},
        id="no 2-step verification",
    ),
    pytest.param(
        make_answers(account_security__two_step_verification="some"),
        {"account_security_turn_on_two_step_verification"},
        id="2-step verification on some accounts",
    ),
    pytest.param(
        make_answers(account_security__two_step_verification="not_sure"),
        {"account_security_turn_on_two_step_verification"},
        id="not sure about 2-step verification",
    ),
    pytest.param(
        make_answers(account_security__two_step_verification="all"),
        set(),
        id="2-step verification everywhere",
    ),
    pytest.param(
        make_answers(account_security__password_reuse="most"),
        {"account_security_use_different_passwords"},
        id="reuses most passwords",
    ),
    pytest.param(
        make_answers(account_security__password_reuse="some"),
        {"account_security_use_different_passwords"},
        id="reuses a few passwords",
    ),
    pytest.param(
        make_answers(account_security__password_reuse="no"), set(), id="different passwords"
    ),
    pytest.param(
        make_answers(account_security__screen_lock="no"),
        {"account_security_lock_your_phone"},
        id="no screen lock",
    ),
    pytest.param(
        make_answers(account_security__screen_lock="easy_to_guess"),
        {"account_security_lock_your_phone"},
        id="easy screen lock code",
    ),
    pytest.param(make_answers(account_security__screen_lock="yes"), set(), id="screen lock set"),
    pytest.param(
        make_answers(account_security__find_my_device="no"),
        {"account_security_turn_on_find_my"},
        id="find my off",
    ),
    pytest.param(
        make_answers(account_security__find_my_device="not_sure"),
        {"account_security_turn_on_find_my"},
        id="not sure about find my",
    ),
    pytest.param(make_answers(account_security__find_my_device="yes"), set(), id="find my on"),
    pytest.param(
        make_answers(account_security__photo_backup_access="yes"),
        {"account_security_secure_your_photo_backup"},
        id="someone else can sign in to photo backup",
    ),
    pytest.param(
        make_answers(account_security__photo_backup_access="not_sure"),
        {"account_security_secure_your_photo_backup"},
        id="not sure who can sign in to photo backup",
    ),
    pytest.param(
        make_answers(account_security__photo_backup_access="no"), set(), id="only me in backup"
    ),
    pytest.param(
        make_answers(account_security__photo_backup_access="no_backup"),
        set(),
        id="photos not backed up",
    ),
    pytest.param(
        make_answers(account_security__someone_knows_passwords="yes"),
        {"account_security_change_passwords_someone_knows"},
        id="someone knows my passwords",
    ),
    pytest.param(
        make_answers(account_security__someone_knows_passwords="no"),
        set(),
        id="nobody knows my passwords",
    ),
    pytest.param(
        make_answers(account_security__someone_knows_passwords="prefer_not_to_say"),
        set(),
        id="rather not say who knows my passwords",
    ),
    pytest.param(
        make_answers(account_security__automatic_updates="no"),
        {"account_security_turn_on_automatic_updates"},
        id="updates put off",
    ),
    pytest.param(
        make_answers(account_security__automatic_updates="not_sure"),
        {"account_security_turn_on_automatic_updates"},
        id="not sure about updates",
    ),
    pytest.param(
        make_answers(account_security__automatic_updates="yes"), set(), id="automatic updates"
    ),
    pytest.param(
        make_answers(
            profile__age_band="13_15",
            account_security__two_step_verification="none",
            account_security__password_reuse="most",
            account_security__screen_lock="easy_to_guess",
            account_security__someone_knows_passwords="yes",
        ),
        {
            "account_security_turn_on_two_step_verification",
            "account_security_use_different_passwords",
            "account_security_lock_your_phone",
            "account_security_change_passwords_someone_knows",
        },
        id="several gaps at once for a 13-15-year-old",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


def test_safe_answers_pass() -> None:
    answers = make_answers(
        account_security__two_step_verification="all",
        account_security__password_reuse="no",
        account_security__screen_lock="yes",
        account_security__find_my_device="yes",
        account_security__photo_backup_access="no",
        account_security__someone_knows_passwords="no",
        account_security__automatic_updates="yes",
    )
    assert passed(AREA, answers) == {
        "account_security_turn_on_two_step_verification",
        "account_security_use_different_passwords",
        "account_security_lock_your_phone",
        "account_security_turn_on_find_my",
        "account_security_secure_your_photo_backup",
        "account_security_change_passwords_someone_knows",
        "account_security_turn_on_automatic_updates",
    }


def test_phone_rules_do_not_apply_without_a_phone() -> None:
    answers = make_answers(**{"profile__devices": ["windows", "games_console"]})
    result = statuses(AREA, answers)
    assert result["account_security_lock_your_phone"] == "not_applicable"
    assert result["account_security_turn_on_find_my"] == "not_applicable"


def test_phone_rules_apply_with_either_phone() -> None:
    for device in ("iphone_ipad", "android"):
        answers = make_answers(
            **{"profile__devices": [device], "account_security__find_my_device": "no"}
        )
        assert "account_security_turn_on_find_my" in fired(AREA, answers)


def test_unanswered_questions_leave_rules_not_answered() -> None:
    result = statuses(AREA, make_answers())
    assert set(result.values()) == {"not_answered"}


def test_changes_a_watcher_could_notice_are_flagged() -> None:
    for rule_id in (
        "account_security_change_passwords_someone_knows",
        "account_security_secure_your_photo_backup",
        "account_security_lock_your_phone",
    ):
        assert RULES_BY_ID[rule_id].may_alert, rule_id
