"""Reporting to the platform itself: the in-app route, and the words to paste into its form.

For the ten platforms people name most (issue 18 §5). The person copies `report_text` into the
platform's own report form. It is first person and factual, asks for nothing to be attached and
needs no description of what happened: the platform already has the post, message or account
the report was made from. Under-18s say they are under 18, because platforms act on child
sexual abuse material faster and under stricter rules than on adult intimate images.

Each route was checked on the platform's own help page where we could find one
(`confidence="checked"`); where only a secondary page describes the menu, it is
`"secondary"` and the page around it says to check on the platform, as menus change. Pages
were read from stored copies on the date in `checked`, not live.

Dating apps are one entry, not three: the questionnaire asks about "dating apps" as one choice
(`profile.apps`), so a plan never knows which one a person uses, and Tinder, Hinge and Bumble
all report from the profile or the chat.
"""

from __future__ import annotations

import msgspec

from safety_check.authoring import source
from safety_check.i18n import N_  # a route's words; apps' menu names stay as the apps show them
from safety_check.models import UNDER_18, AgeBand
from safety_check.rules.dating_apps import TINDER_BASICS
from safety_check.rules.getting_help import (
    INSTAGRAM_REPORT_INTIMATE,
    META_NCII,
    SNAPCHAT_REPORTING,
    TIKTOK_REPORT_VIDEO,
    WHATSAPP_ABOUT_REPORTING,
)
from safety_check.rules.privacy_settings import ROBLOX_IN_GAME, ROBLOX_REPORT

CHECKED = "2026-12-06"


CONFIDENCE = ("checked", "secondary")
KINDS = ("shared_without_consent", "threat_to_share", "fake_image", "unwanted_image")


class PlatformReport(msgspec.Struct, frozen=True):
    id: str
    """Stable, and the same as the platform's option in `profile.apps`."""
    name: str
    how_to_report: tuple[str, ...]
    """The platform's in-app route, step by step, in our words."""
    report_url: str
    """The platform's own report form or help page (a cited source below)."""
    source_url: str
    """The page the route was checked on: the platform's own help centre first."""
    checked: str
    """ISO date the route was checked (from a stored copy of the page)."""
    confidence: str
    """"checked" (the platform's own page says so) or "secondary" (only another page does)."""


# Sources: each address is written once, here or in the rule module that already cites it.
INSTAGRAM_THREATS = source(
    "Instagram Help Centre: how to handle threats to share private images (report the person "
    "to us, block them, tell the police)",
    "https://help.instagram.com/616583228400289",
)
WHATSAPP_BLOCK_AND_REPORT = source(
    "WhatsApp Help Centre: how to block and report contacts (open the chat, tap their name, "
    "then Report)",
    "https://faq.whatsapp.com/1142481766359885",
)
FACEBOOK_HOW_TO_REPORT = source(
    'Facebook\'s "How to report things" help page, as copied on a blog (the … menu, then '
    "Find support or report)",
    "https://facebookblog-fb.blogspot.com/2021/01/how-to-report-things.html",
    weak=True,
)
X_NON_CONSENSUAL = source(
    "X Help Centre: reporting non-consensual intimate content (the ⋯ menu on the post, then "
    "Private or Non-Consensual Content; the page describes the form for the US)",
    "https://help.x.com/en/rules-and-policies/us-tida",
)
DISCORD_HOW_TO_REPORT = source(
    "Discord Moderator Academy: how to report content to Discord (message links, the Trust & "
    "Safety form)",
    "https://discord.com/moderation/360058643194-104:-How-to-Report-Content-to-Discord",
)
DISCORD_REPORT_IN_APP = source(
    "Dot Esports: how to report someone on Discord (press and hold the message, then Report)",
    "https://dotesports.com/general/news/how-to-report-someone-on-discord",
    weak=True,
)
YOUTUBE_REPORT = source(
    "YouTube Help: report inappropriate videos, channels and other content",
    "https://support.google.com/youtube/answer/2802027",
)
YOUTUBE_REPORT_STEPS = source(
    "Cyberbaap: reporting content on YouTube (More, the three dots under the video, then Report)",
    "https://www.cyberbaap.org/resources/reporting-content-on-youtube-all-that-you-need-to-know/",
    weak=True,
)
TINDER_HOW_TO_REPORT = source(
    "Tinder Safety Centre: how to report (the profile's … icon before a match; the … or shield "
    "icon in the chat after one; Swedish edition)",
    "https://policies.tinder.com/web/safety-center/tools/how-to-report/intl/sv",
)
SOURCES = (
    INSTAGRAM_THREATS,
    INSTAGRAM_REPORT_INTIMATE,
    SNAPCHAT_REPORTING,
    TIKTOK_REPORT_VIDEO,
    WHATSAPP_BLOCK_AND_REPORT,
    WHATSAPP_ABOUT_REPORTING,
    META_NCII,
    FACEBOOK_HOW_TO_REPORT,
    X_NON_CONSENSUAL,
    DISCORD_HOW_TO_REPORT,
    DISCORD_REPORT_IN_APP,
    YOUTUBE_REPORT,
    YOUTUBE_REPORT_STEPS,
    ROBLOX_REPORT,
    ROBLOX_IN_GAME,
    TINDER_BASICS,
    TINDER_HOW_TO_REPORT,
)

PICK_THE_REASON = N_("Choose the reason closest to what happened, then send the report.")
PASTE_THE_WORDS = N_(
    "If there is a box for more detail, paste the words below. You don't need to add anything "
    "else, and never send a picture."
)


def _report(
    platform_id: str,
    name: str,
    steps: tuple[str, ...],
    *,
    report: str,
    checked_on: str,
    confidence: str = "checked",
) -> PlatformReport:
    return PlatformReport(
        id=platform_id,
        name=name,
        how_to_report=(*steps, PASTE_THE_WORDS),
        report_url=report,
        source_url=checked_on,
        checked=CHECKED,
        confidence=confidence,
    )


PLATFORM_REPORTS: tuple[PlatformReport, ...] = (
    _report(
        "instagram",
        "Instagram",
        (
            N_("Open the post, profile or message."),
            N_("Tap the three dots (…), then Report."),
            PICK_THE_REASON,
            N_("Then block the account, so it can't contact you again."),
        ),
        report=INSTAGRAM_THREATS.url,
        checked_on=INSTAGRAM_REPORT_INTIMATE.url,
    ),
    _report(
        "snapchat",
        "Snapchat",
        (
            N_("Press and hold the Snap, Story or chat message."),
            N_("Tap Report."),
            PICK_THE_REASON,
            N_("The person is not told who reported them."),
        ),
        report=SNAPCHAT_REPORTING.url,
        checked_on=SNAPCHAT_REPORTING.url,
    ),
    _report(
        "tiktok",
        "TikTok",
        (
            N_("Open the video. Tap Share, or press and hold the video."),
            N_("Tap Report."),
            N_("Choose the reason closest to what happened, then tap Submit."),
        ),
        report=TIKTOK_REPORT_VIDEO.url,
        checked_on=TIKTOK_REPORT_VIDEO.url,
    ),
    _report(
        "whatsapp",
        "WhatsApp",
        (
            N_("Open the chat and tap their name or number at the top."),
            N_("Tap Report, then Report and block."),
            N_("Or press and hold one message, then Report."),
            N_(
                "WhatsApp gets the last five messages they sent you. They are not told who "
                "reported them."
            ),
        ),
        report=WHATSAPP_BLOCK_AND_REPORT.url,
        checked_on=WHATSAPP_ABOUT_REPORTING.url,
    ),
    _report(
        "facebook",
        "Facebook",
        (
            N_("Open the post, photo or profile."),
            N_("Tap the three dots (…), then Find support or report."),
            PICK_THE_REASON,
        ),
        report=META_NCII.url,
        checked_on=FACEBOOK_HOW_TO_REPORT.url,
        confidence="secondary",
    ),
    _report(
        "x",
        "X",
        (
            N_("Open the post."),
            N_("Tap the three dots (⋯), then Report post."),
            N_(
                "Choose the option about private or non-consensual content, if it is there. "
                "Otherwise choose the reason closest to what happened."
            ),
        ),
        report=X_NON_CONSENSUAL.url,
        checked_on=X_NON_CONSENSUAL.url,
        confidence="secondary",
    ),
    _report(
        "discord",
        "Discord",
        (
            N_("Press and hold the message (on a computer, right-click it)."),
            N_("Tap Report."),
            PICK_THE_REASON,
            N_(
                "To report on Discord's website instead, copy the message link from the same menu: "
                "Discord needs the link, not a screenshot."
            ),
        ),
        report=DISCORD_HOW_TO_REPORT.url,
        checked_on=DISCORD_REPORT_IN_APP.url,
        confidence="secondary",
    ),
    _report(
        "youtube",
        "YouTube",
        (
            N_("Open the video."),
            N_("Tap the three dots (More), then Report."),
            PICK_THE_REASON,
        ),
        report=YOUTUBE_REPORT.url,
        checked_on=YOUTUBE_REPORT_STEPS.url,
        confidence="secondary",
    ),
    _report(
        "roblox",
        "Roblox",
        (
            N_("In a game, open the Menu (the three lines at the top left)."),
            N_("Tap the flag next to the player's name, or the Report tab."),
            N_("Choose the player and the type of abuse, then Submit."),
            N_(
                "Report the chat or message itself, not only their profile: that is what Roblox's "
                "moderators need to see."
            ),
        ),
        report=ROBLOX_REPORT.url,
        checked_on=ROBLOX_IN_GAME.url,
    ),
    _report(
        "dating_apps",
        N_("Dating apps (Tinder, Hinge, Bumble)"),
        (
            N_("Open their profile, or your chat with them."),
            N_("Tap the three dots (…) or the shield icon, then Report."),
            PICK_THE_REASON,
            N_("You can still report someone who has unmatched you: ask the app's help centre."),
        ),
        report=TINDER_BASICS.url,
        checked_on=TINDER_HOW_TO_REPORT.url,
        # Tinder's own page gives this route; Hinge's and Bumble's were not checked.
        confidence="secondary",
    ),
)

_BY_ID = {platform.id: platform for platform in PLATFORM_REPORTS}


def by_id(platform_id: str) -> PlatformReport:
    """The platform with this id; KeyError for one we have no route for."""
    return _BY_ID[platform_id]


def _age_line(age_band: AgeBand, what: str) -> str:
    # "Under 18" for every child, also under-13s: it is what brings the platform's child-safety
    # rules into play, and "under 13" could get the child's own account (and the evidence in
    # it) closed under the platform's minimum age.
    return f"I am under 18, so {what}." if age_band in UNDER_18 else ""


def _from(platform: PlatformReport) -> str:
    return "from this app" if platform.id == "dating_apps" else f"from {platform.name}"


def report_text(platform: PlatformReport, *, kind: str, age_band: AgeBand) -> str:
    """What the person pastes into the platform's report form: first person, factual, about
    them, with nothing to attach and no account of what happened asked for."""
    where = _from(platform)
    child = age_band in UNDER_18
    if kind == "shared_without_consent":
        lines = (
            "This is an intimate image of me, shared without my consent.",
            _age_line(age_band, "this is a sexual image of a child"),
            f"Please remove it {where} and stop it being shared again.",
        )
    elif kind == "threat_to_share":
        lines = (
            "This account is threatening to share an intimate image of me unless I do what they "
            "ask, such as paying them or sending more.",
            _age_line(age_band, "this is the sexual extortion of a child")
            if child
            else "This is sexual extortion.",
            f"Please remove the account and any image of me it shares {where}.",
        )
    elif kind == "fake_image":
        lines = (
            "This is a fake sexual image of me, made or changed without my consent.",
            _age_line(age_band, "it is a sexual image of a child, even though it is fake"),
            f"Please remove it {where} and stop it being shared again.",
        )
    elif kind == "unwanted_image":
        lines = (
            "This account sent me a sexual image that I did not ask for or want.",
            _age_line(age_band, "this was sent to a child"),
            "Please review the account and stop it sending images like this.",
        )
    else:
        raise ValueError(f"unknown kind of report: {kind!r}; expected one of {KINDS}")
    return " ".join(line for line in lines if line)
