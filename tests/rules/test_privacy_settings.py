"""Privacy settings rules: the exact set of rules each answer set fires, and the ones it passes."""

from __future__ import annotations

import pytest

from tests.rules._helpers import ALL_APPS, fired, make_answers, passed, statuses

AREA = "privacy_settings"
GAMES_LIMIT = "privacy_settings_games_console_limit_contact"
GAMES_REPORT = "privacy_settings_games_console_block_and_report"

FIRES = [
    pytest.param(
        make_answers(privacy_settings__last_review="never"),
        {"privacy_settings_review_regularly"},
        id="never reviewed",
    ),
    pytest.param(
        make_answers(privacy_settings__last_review="longer_ago"),
        {"privacy_settings_review_regularly"},
        id="reviewed long ago",
    ),
    pytest.param(
        make_answers(privacy_settings__last_review="not_sure"),
        {"privacy_settings_review_regularly"},
        id="not sure when reviewed",
    ),
    pytest.param(
        make_answers(privacy_settings__last_review="within_3_months"),
        set(),
        id="reviewed recently",
    ),
    pytest.param(
        make_answers(privacy_settings__instagram_account="public"),
        {"privacy_settings_instagram_private_account"},
        id="public instagram",
    ),
    pytest.param(
        make_answers(privacy_settings__instagram_account="not_sure"),
        {"privacy_settings_instagram_private_account"},
        id="not sure about instagram account",
    ),
    pytest.param(
        make_answers(privacy_settings__instagram_account="private"),
        set(),
        id="private instagram",
    ),
    pytest.param(
        make_answers(privacy_settings__instagram_messages="yes"),
        {"privacy_settings_instagram_limit_message_requests"},
        id="strangers can request on instagram",
    ),
    pytest.param(
        make_answers(privacy_settings__instagram_messages="not_sure"),
        {"privacy_settings_instagram_limit_message_requests"},
        id="not sure about instagram requests",
    ),
    pytest.param(
        make_answers(privacy_settings__instagram_messages="no"),
        set(),
        id="instagram requests limited",
    ),
    pytest.param(
        make_answers(privacy_settings__snapchat_location="all_friends"),
        {"privacy_settings_snapchat_ghost_mode"},
        id="location shared with all friends",
    ),
    pytest.param(
        make_answers(privacy_settings__snapchat_location="not_sure"),
        {"privacy_settings_snapchat_ghost_mode"},
        id="not sure about snap map",
    ),
    pytest.param(
        make_answers(privacy_settings__snapchat_location="some_friends"),
        set(),
        id="location shared with chosen friends",
    ),
    pytest.param(
        make_answers(privacy_settings__snapchat_location="ghost_mode"),
        set(),
        id="ghost mode on",
    ),
    pytest.param(
        make_answers(privacy_settings__snapchat_contact_me="everyone"),
        {"privacy_settings_snapchat_contact_friends_only"},
        id="everyone can contact on snapchat",
    ),
    pytest.param(
        make_answers(privacy_settings__snapchat_contact_me="not_sure"),
        {"privacy_settings_snapchat_contact_friends_only"},
        id="not sure about snapchat contact",
    ),
    pytest.param(
        make_answers(privacy_settings__snapchat_contact_me="my_friends"),
        set(),
        id="friends only on snapchat",
    ),
    pytest.param(
        make_answers(privacy_settings__tiktok_account="public"),
        {"privacy_settings_tiktok_private_account"},
        id="public tiktok",
    ),
    pytest.param(
        make_answers(privacy_settings__tiktok_account="not_sure"),
        {"privacy_settings_tiktok_private_account"},
        id="not sure about tiktok account",
    ),
    pytest.param(
        make_answers(privacy_settings__tiktok_account="private"),
        set(),
        id="private tiktok",
    ),
    pytest.param(
        make_answers(privacy_settings__tiktok_messages="everyone"),
        {"privacy_settings_tiktok_limit_messages"},
        id="everyone can message on tiktok",
    ),
    pytest.param(
        make_answers(profile__age_band="16_17", privacy_settings__tiktok_messages="not_sure"),
        {"privacy_settings_tiktok_limit_messages"},
        id="16-17 not sure about tiktok messages",
    ),
    pytest.param(
        make_answers(privacy_settings__tiktok_messages="friends"),
        set(),
        id="tiktok messages from friends",
    ),
    pytest.param(
        make_answers(privacy_settings__tiktok_messages="no_one"),
        set(),
        id="tiktok messages off",
    ),
    pytest.param(
        make_answers(privacy_settings__facebook_future_posts="public"),
        {"privacy_settings_facebook_future_posts_friends"},
        id="public facebook posts",
    ),
    pytest.param(
        make_answers(privacy_settings__facebook_future_posts="friends_of_friends"),
        {"privacy_settings_facebook_future_posts_friends"},
        id="facebook posts to friends of friends",
    ),
    pytest.param(
        make_answers(privacy_settings__facebook_future_posts="not_sure"),
        {"privacy_settings_facebook_future_posts_friends"},
        id="not sure about facebook posts",
    ),
    pytest.param(
        make_answers(privacy_settings__facebook_future_posts="friends"),
        set(),
        id="facebook posts to friends",
    ),
    pytest.param(
        make_answers(privacy_settings__x_protected_posts="public"),
        {"privacy_settings_x_protect_posts"},
        id="public posts on x",
    ),
    pytest.param(
        make_answers(privacy_settings__x_protected_posts="not_sure"),
        {"privacy_settings_x_protect_posts"},
        id="not sure about x posts",
    ),
    pytest.param(
        make_answers(privacy_settings__x_protected_posts="protected"),
        set(),
        id="protected posts on x",
    ),
    pytest.param(
        make_answers(privacy_settings__x_protected_posts="dont_post"),
        set(),
        id="doesn't post on x",
    ),
    pytest.param(
        make_answers(privacy_settings__whatsapp_groups="everyone"),
        {"privacy_settings_whatsapp_groups_contacts"},
        id="anyone can add to whatsapp groups",
    ),
    pytest.param(
        make_answers(privacy_settings__whatsapp_groups="not_sure"),
        {"privacy_settings_whatsapp_groups_contacts"},
        id="not sure about whatsapp groups",
    ),
    pytest.param(
        make_answers(privacy_settings__whatsapp_groups="my_contacts"),
        set(),
        id="contacts add to whatsapp groups",
    ),
    pytest.param(
        make_answers(privacy_settings__whatsapp_profile_photo="everyone"),
        {"privacy_settings_whatsapp_profile_photo_contacts"},
        id="whatsapp photo public",
    ),
    pytest.param(
        make_answers(privacy_settings__whatsapp_profile_photo="not_sure"),
        {"privacy_settings_whatsapp_profile_photo_contacts"},
        id="not sure about whatsapp photo",
    ),
    pytest.param(
        make_answers(privacy_settings__whatsapp_profile_photo="my_contacts"),
        set(),
        id="whatsapp photo for contacts",
    ),
    pytest.param(
        make_answers(privacy_settings__whatsapp_profile_photo="nobody"),
        set(),
        id="whatsapp photo for nobody",
    ),
    pytest.param(
        make_answers(privacy_settings__whatsapp_profile_photo="no_photo"),
        set(),
        id="no whatsapp photo",
    ),
    pytest.param(
        make_answers(privacy_settings__discord_server_dms="yes"),
        {"privacy_settings_discord_limit_server_dms"},
        id="discord server members can message",
    ),
    pytest.param(
        make_answers(privacy_settings__discord_server_dms="not_sure"),
        {"privacy_settings_discord_limit_server_dms"},
        id="not sure about discord messages",
    ),
    pytest.param(
        make_answers(privacy_settings__discord_server_dms="no"),
        set(),
        id="discord server messages off",
    ),
    pytest.param(
        make_answers(privacy_settings__youtube_uploads="public"),
        {"privacy_settings_youtube_uploads_unlisted"},
        id="public youtube uploads",
    ),
    pytest.param(
        make_answers(privacy_settings__youtube_uploads="not_sure"),
        {"privacy_settings_youtube_uploads_unlisted"},
        id="not sure about youtube uploads",
    ),
    pytest.param(
        make_answers(privacy_settings__youtube_uploads="unlisted_or_private"),
        set(),
        id="unlisted youtube uploads",
    ),
    pytest.param(
        make_answers(privacy_settings__youtube_uploads="dont_upload"),
        set(),
        id="no youtube uploads",
    ),
    pytest.param(
        make_answers(privacy_settings__telegram_phone_number="everybody"),
        {"privacy_settings_telegram_hide_phone_number"},
        id="telegram number visible to everybody",
    ),
    pytest.param(
        make_answers(privacy_settings__telegram_phone_number="not_sure"),
        {"privacy_settings_telegram_hide_phone_number"},
        id="not sure about telegram number",
    ),
    pytest.param(
        make_answers(privacy_settings__telegram_phone_number="my_contacts"),
        set(),
        id="telegram number for contacts",
    ),
    pytest.param(
        make_answers(privacy_settings__telegram_phone_number="nobody"),
        set(),
        id="telegram number hidden",
    ),
    pytest.param(
        make_answers(privacy_settings__games_console_contact="anyone"),
        {GAMES_LIMIT, GAMES_REPORT},
        id="anyone can message on the console",
    ),
    pytest.param(
        make_answers(privacy_settings__games_console_contact="depends"),
        {GAMES_LIMIT, GAMES_REPORT},
        id="console contact depends on the game",
    ),
    pytest.param(
        make_answers(privacy_settings__games_console_contact="not_sure"),
        {GAMES_LIMIT, GAMES_REPORT},
        id="not sure who can message on the console",
    ),
    pytest.param(
        make_answers(privacy_settings__games_console_contact="friends_only"),
        {GAMES_REPORT},
        id="friends only on the console",
    ),
    pytest.param(
        make_answers(privacy_settings__games_console_contact="dont_play_online"),
        set(),
        id="does not play online",
    ),
    pytest.param(
        make_answers(
            profile__age_band="13_15",
            privacy_settings__instagram_account="public",
            privacy_settings__snapchat_location="all_friends",
            privacy_settings__discord_server_dms="yes",
        ),
        {
            "privacy_settings_instagram_private_account",
            "privacy_settings_snapchat_ghost_mode",
            "privacy_settings_discord_limit_server_dms",
        },
        id="several gaps at once for a 13-15",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), FIRES)
def test_fires_exactly(answers: dict[str, str | list[str]], expected: set[str]) -> None:
    assert fired(AREA, answers) == expected


SAFE = {
    "privacy_settings__last_review": "within_3_months",
    "privacy_settings__instagram_account": "private",
    "privacy_settings__instagram_messages": "no",
    "privacy_settings__snapchat_location": "ghost_mode",
    "privacy_settings__snapchat_contact_me": "my_friends",
    "privacy_settings__tiktok_account": "private",
    "privacy_settings__tiktok_messages": "no_one",
    "privacy_settings__facebook_future_posts": "friends",
    "privacy_settings__x_protected_posts": "protected",
    "privacy_settings__whatsapp_groups": "my_contacts",
    "privacy_settings__whatsapp_profile_photo": "my_contacts",
    "privacy_settings__discord_server_dms": "no",
    "privacy_settings__youtube_uploads": "unlisted_or_private",
    "privacy_settings__telegram_phone_number": "nobody",
    "privacy_settings__games_console_contact": "friends_only",
}

ALL_RULES = {
    "privacy_settings_review_regularly",
    "privacy_settings_instagram_private_account",
    "privacy_settings_instagram_limit_message_requests",
    "privacy_settings_snapchat_ghost_mode",
    "privacy_settings_snapchat_contact_friends_only",
    "privacy_settings_tiktok_private_account",
    "privacy_settings_tiktok_limit_messages",
    "privacy_settings_facebook_future_posts_friends",
    "privacy_settings_x_protect_posts",
    "privacy_settings_whatsapp_groups_contacts",
    "privacy_settings_whatsapp_profile_photo_contacts",
    "privacy_settings_discord_limit_server_dms",
    "privacy_settings_youtube_uploads_unlisted",
    "privacy_settings_telegram_hide_phone_number",
    "privacy_settings_games_console_limit_contact",
}
"""Every rule a safe answer passes; knowing how to block and report is advice for anyone who
plays online, so it has no passing answer."""


def test_safe_answers_pass() -> None:
    assert passed(AREA, make_answers(**SAFE)) == ALL_RULES
    assert fired(AREA, make_answers(**SAFE)) == {GAMES_REPORT}


def test_app_rules_do_not_apply_without_the_app() -> None:
    answers = make_answers(
        privacy_settings__last_review="within_3_months", **{"profile__apps": ["dating_apps"]}
    )
    result = statuses(AREA, answers)
    assert result["privacy_settings_review_regularly"] == "pass"
    # The console questions follow devices, not apps: with a console, they are still asked.
    assert {rule for rule, status in result.items() if status == "not_applicable"} == (
        ALL_RULES - {"privacy_settings_review_regularly", GAMES_LIMIT}
    )
    assert result[GAMES_LIMIT] == result[GAMES_REPORT] == "not_answered"


def test_each_app_question_follows_its_app() -> None:
    apps = [app for app in ALL_APPS if app != "snapchat"]
    result = statuses(AREA, make_answers(**{"profile__apps": apps}))
    assert result["privacy_settings_snapchat_ghost_mode"] == "not_applicable"
    assert result["privacy_settings_snapchat_contact_friends_only"] == "not_applicable"
    assert result["privacy_settings_instagram_private_account"] == "not_answered"


def test_tiktok_messages_rule_does_not_apply_under_16() -> None:
    answers = make_answers(profile__age_band="13_15", privacy_settings__tiktok_account="public")
    result = statuses(AREA, answers)
    assert result["privacy_settings_tiktok_limit_messages"] == "not_applicable"
    assert result["privacy_settings_tiktok_private_account"] == "fail"


def test_unanswered_questions_leave_rules_not_answered() -> None:
    result = statuses(AREA, make_answers())
    assert set(result.values()) == {"not_answered"}
    assert set(result) == ALL_RULES | {GAMES_REPORT}


def test_console_rules_follow_the_console() -> None:
    result = statuses(AREA, make_answers(**{"profile__devices": ["iphone_ipad", "windows"]}))
    assert result[GAMES_LIMIT] == result[GAMES_REPORT] == "not_applicable"


def test_block_and_report_is_only_for_people_who_play_online() -> None:
    result = statuses(
        AREA, make_answers(privacy_settings__games_console_contact="dont_play_online")
    )
    assert result[GAMES_LIMIT] == "pass"
    assert result[GAMES_REPORT] == "not_applicable"
