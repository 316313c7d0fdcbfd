"""The fixed profile and situation questions (DESIGN §4).

Partners pre-fill these and routing depends on them, so their ids and option ids never change.
"""

from __future__ import annotations

from safety_check.authoring import PREFER_NOT_TO_SAY, multi, opt, single

FOR_WHOM = single(
    "profile.for_whom",
    "Who are you filling in this check for?",
    role="profile",
    hint="You can skip this. If it's for someone else, the questions and the plan will speak "
    "about them, and say what you can do to help.",
    options=(
        opt("me", "Me"),
        opt("my_child", "My child, or a child I look after"),
        opt("a_friend", "A friend"),
        opt("a_student", "A student I teach or support"),
        opt("partner_or_family", "My partner or someone in my family"),
    ),
)

AGE_BAND = single(
    "profile.age_band",
    "How old are you?",
    role="profile",
    options=(
        opt("under_13", "Under 13"),
        opt("13_15", "13 to 15"),
        opt("16_17", "16 or 17"),
        opt("18_plus", "18 or over"),
    ),
)

CONTACT_METHOD = single(
    "profile.contact_method",
    "How can you get in touch with support services?",
    role="profile",
    hint="Many services can be reached by text, online chat or sign language, not only by phone.",
    options=(
        opt("phone", "I can talk on the phone"),
        opt("text_or_chat", "By text, chat or email, not by phone"),
        opt("bsl", "In British Sign Language (BSL)"),
    ),
)

DEVICES = multi(
    "profile.devices",
    "Which devices do you use?",
    role="profile",
    hint="Choose all that apply.",
    options=(
        opt("iphone_ipad", "iPhone or iPad"),
        opt("android", "Android phone or tablet"),
        opt("mac", "Mac"),
        opt("windows", "Windows computer"),
        opt("chromebook", "Chromebook"),
        opt("games_console", "Games console"),
    ),
)

APPS = multi(
    "profile.apps",
    "Which apps do you use?",
    role="profile",
    hint="Choose all that apply.",
    options=(
        opt("instagram", "Instagram"),
        opt("snapchat", "Snapchat"),
        opt("tiktok", "TikTok"),
        opt("whatsapp", "WhatsApp"),
        opt("facebook", "Facebook"),
        opt("x", "X (Twitter)"),
        opt("discord", "Discord"),
        opt("youtube", "YouTube"),
        opt("telegram", "Telegram"),
        opt("dating_apps", "Dating apps"),
    ),
)

THREAT_TO_SHARE = single(
    "situation.threat_to_share",
    "Is someone threatening to share pictures or videos of you, or pressuring you for "
    "pictures or money?",
    role="situation",
    options=(
        opt("yes", "Yes"),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

IMAGE_SHARED = single(
    "situation.image_shared",
    "Has a nude or sexual picture of you (real or fake) been shared without your say-so?",
    role="situation",
    options=(
        opt("yes", "Yes"),
        opt("no", "No"),
        opt("not_sure", "I'm not sure"),
    ),
)

NATION = single(
    "profile.nation",
    "Where in the UK do you live?",
    hint="The law, the police and some support services are different in each part of the UK.",
    role="profile",
    options=(
        opt("england", "England"),
        opt("wales", "Wales"),
        opt("scotland", "Scotland"),
        opt("northern_ireland", "Northern Ireland"),
        opt("not_sure", "I'm not sure, or somewhere else"),
    ),
)

PROFILE_QUESTIONS = (FOR_WHOM, AGE_BAND, NATION, CONTACT_METHOD, DEVICES, APPS)
SITUATION_QUESTIONS = (THREAT_TO_SHARE, IMAGE_SHARED)
