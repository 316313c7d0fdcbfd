"""Where each advice area sits in UKCIS *Education for a Connected World* (2020 edition).

The framework sets learning outcomes for ages 4–7, 7–11, 11–14 and 14–18 in eight strands
(research/content-sources.md §8.3). Each area is tagged with the strands a lesson on it belongs
to, and a one-line teaching focus in our own words, so a class report can say what to teach next.
"""

from __future__ import annotations

import msgspec

from safety_check.models import AgeBand, Area
from safety_check.schools.words import N_

FRAMEWORK = "Education for a Connected World (UKCIS, 2020)"
FRAMEWORK_URL = "https://saferinternet.org.uk/blog/education-for-a-connected-world"

PRIVACY = N_("schools:curriculum", "Privacy and security")
RELATIONSHIPS = N_("schools:curriculum", "Online relationships")
REPUTATION = N_("schools:curriculum", "Online reputation")
BULLYING = N_("schools:curriculum", "Online bullying")
SELF_IMAGE = N_("schools:curriculum", "Self-image and identity")
INFORMATION = N_("schools:curriculum", "Managing online information")
WELLBEING = N_("schools:curriculum", "Health, wellbeing and lifestyle")


class Lesson(msgspec.Struct, frozen=True, kw_only=True):
    """A free lesson or resource from a recognised source, for one area."""

    title: str
    provider: str
    url: str
    ages: str
    checked: str
    """The day the address and what it offers were last checked (ISO)."""
    verified: bool
    """False when the address itself could not be checked: shown as such, never as certain."""
    note: str = ""


class Teaching(msgspec.Struct, frozen=True, kw_only=True):
    strands: tuple[str, ...]
    focus: str
    rshe: tuple[str, ...] = ()
    """The statutory RSHE topics (England) a lesson on this area serves (`RSHE_NOTE`)."""
    lessons: tuple[Lesson, ...] = ()


RSHE = "Relationships, sex and health education (England, statutory guidance)"
RSHE_NOTE = N_(
    "schools:curriculum",
    "Topic headings as in the 2019 statutory guidance for secondary schools (relationships and "
    "sex education; health education). The revised guidance of July 2025, compulsory from "
    "September 2026, was not checked for changed headings; it adds teaching on AI-made images "
    "and deepfakes.",
)
ONLINE_AND_MEDIA = N_("schools:curriculum", "RSE: Online and media")
BEING_SAFE = N_("schools:curriculum", "RSE: Being safe")
RESPECTFUL = N_("schools:curriculum", "RSE: Respectful relationships, including friendships")
INTIMATE = N_(
    "schools:curriculum", "RSE: Intimate and sexual relationships, including sexual health"
)
INTERNET_SAFETY = N_("schools:curriculum", "Health education: Internet safety and harms")
CHECKED = "2026-12-06"
"""Checked against stored copies of each page (the project's search tool), not the live site."""


def _lesson(
    title: str, provider: str, url: str, ages: str, note: str = "", *, verified: bool = True
) -> Lesson:
    """A lesson checked on `CHECKED`; `verified=False` where its address was not."""
    return Lesson(
        title=title,
        provider=provider,
        url=url,
        ages=ages,
        checked=CHECKED,
        verified=verified,
        note=note,
    )


SEND_ME_A_PIC = _lesson(
    "Send me a pic? (four lesson plans with films)",
    "CEOP Education (National Crime Agency)",
    "https://www.ceopeducation.co.uk/professionals/resources/send-me-a-pic",
    N_("schools:curriculum", "11 to 14"),
    N_(
        "schools:curriculum",
        "Nude image sharing, pressure and how to get help; PSHE Association Quality Mark.",
    ),
)
EXPLOITED = _lesson(
    "Exploited (free lesson pack, three lessons and a film)",
    "PSHE Association with CEOP Education",
    "https://pshe-association.org.uk/resource/ceop-education-exploited",
    N_("schools:curriculum", "secondary"),
    N_(
        "schools:curriculum",
        "Healthy and unhealthy relationships, power and control, boundaries and getting help.",
    ),
)
DEEPFAKES_LESSONS = _lesson(
    "Digital deception: understanding deepfakes",
    "PSHE Association",
    "https://pshe-association.org.uk/digital-deception-understanding-deepfakes",
    N_("schools:curriculum", "key stages 2 to 4"),
    N_(
        "schools:curriculum",
        "Lessons on AI-made images and their harms. Whether they are free to all or to "
        "members only was not confirmed.",
    ),
)
HWB_SEXTORTION = _lesson(
    "Financially motivated sexual extortion: alert for education settings",
    "Hwb (Welsh Government), from the National Crime Agency",
    "https://hwb.gov.wales/keeping-safe-online/financially-motivated-sexual-extortion",
    N_("schools:curriculum", "staff guidance"),
    N_("schools:curriculum", "For staff: signs, how to respond without blame, and what to teach."),
)
FE_SEXTORTION = _lesson(
    "Financially motivated sexual extortion: guidance for further education",
    "CEOP Education with the UK Safer Internet Centre",
    "https://saferinternet.org.uk/blog/financially-motivated-sexual-extortion-guidance-for-"
    "further-education-professionals",
    N_("schools:curriculum", "16 and over"),
)
HEALTHY_RELATIONSHIPS = _lesson(
    "Teaching healthy relationships: 6 resources to help",
    "Thinkuknow (CEOP Education)",
    "https://www.thinkuknow.co.uk/professionals/our-views/teaching-healthy-relationships-6-"
    "resources-to-help/",
    N_("schools:curriculum", "4 to 18"),
)
HWB_PRACTITIONERS = _lesson(
    "Online safety guidance and resources for education practitioners",
    "Hwb (Welsh Government)",
    "https://hwb.gov.wales/zones/keeping-safe-online/practitioners-and-professionals/"
    "guidance-education-practitioners/",
    N_("schools:curriculum", "all"),
)
PROJECT_EVOLVE = _lesson(
    "ProjectEVOLVE toolkit: Privacy and security strand",
    "ProjectEVOLVE (SWGfL, UK Safer Internet Centre)",
    "https://projectevolve.co.uk",
    N_("schools:curriculum", "4 to 18"),
    N_(
        "schools:curriculum",
        "A free toolkit (with sign-up) mapped to every Education for a Connected World "
        "statement, as SWGfL describes it; the toolkit's own address was not checked.",
    ),
    verified=False,
)
TALK_RELATIONSHIPS = _lesson(
    "Talk Relationships: Healthy online friendships (lesson plan)",
    "NSPCC Learning with the PSHE Association",
    "https://learning.nspcc.org.uk/",
    N_("schools:curriculum", "11 to 12"),
    N_(
        "schools:curriculum",
        "Free lesson plans for secondary schools; seen through a local authority's copy, so "
        "the exact NSPCC Learning address was not checked.",
    ),
    verified=False,
)

TEACHING: dict[Area, Teaching] = {
    "privacy_settings": Teaching(
        strands=(PRIVACY, REPUTATION),
        rshe=(ONLINE_AND_MEDIA, INTERNET_SAFETY),
        lessons=(PROJECT_EVOLVE, TALK_RELATIONSHIPS, HWB_PRACTITIONERS),
        focus=N_(
            "schools:curriculum",
            "Who can see what you post, and how to check each app's privacy settings.",
        ),
    ),
    "personal_details": Teaching(
        strands=(PRIVACY, REPUTATION),
        rshe=(ONLINE_AND_MEDIA, BEING_SAFE),
        lessons=(TALK_RELATIONSHIPS, PROJECT_EVOLVE, HWB_PRACTITIONERS),
        focus=N_(
            "schools:curriculum",
            "What personal details and live location give away, and how to limit them.",
        ),
    ),
    "nearby_sharing": Teaching(
        strands=(PRIVACY, BULLYING),
        rshe=(ONLINE_AND_MEDIA, BEING_SAFE),
        lessons=(SEND_ME_A_PIC, PROJECT_EVOLVE),
        focus=N_(
            "schools:curriculum",
            "Unwanted images sent by AirDrop, Quick Share or Bluetooth, and how to stop them.",
        ),
    ),
    "webcam": Teaching(
        strands=(PRIVACY,),
        rshe=(INTERNET_SAFETY, ONLINE_AND_MEDIA),
        lessons=(PROJECT_EVOLVE, HWB_PRACTITIONERS),
        focus=N_(
            "schools:curriculum",
            "Camera and microphone permissions, and what to do if a camera turns on by itself.",
        ),
    ),
    "account_security": Teaching(
        strands=(PRIVACY,),
        rshe=(INTERNET_SAFETY,),
        lessons=(PROJECT_EVOLVE, HWB_PRACTITIONERS),
        focus=N_(
            "schools:curriculum",
            "Strong, separate passwords, two-step verification and keeping photo backups private.",
        ),
    ),
    "dating_apps": Teaching(
        strands=(RELATIONSHIPS, PRIVACY),
        rshe=(RESPECTFUL, BEING_SAFE, ONLINE_AND_MEDIA),
        lessons=(EXPLOITED, HEALTHY_RELATIONSHIPS),
        focus=N_(
            "schools:curriculum",
            "Meeting people online safely, and keeping contact details private until trust "
            "is earned.",
        ),
    ),
    "intimate_images": Teaching(
        strands=(RELATIONSHIPS, SELF_IMAGE),
        rshe=(ONLINE_AND_MEDIA, INTIMATE, BEING_SAFE),
        lessons=(SEND_ME_A_PIC, EXPLOITED),
        focus=N_(
            "schools:curriculum",
            "Consent, pressure to send nudes, the law on sharing images, and where to get "
            "images removed.",
        ),
    ),
    "sextortion": Teaching(
        strands=(RELATIONSHIPS, WELLBEING),
        rshe=(ONLINE_AND_MEDIA, BEING_SAFE),
        lessons=(EXPLOITED, HWB_SEXTORTION, FE_SEXTORTION),
        focus=N_(
            "schools:curriculum",
            "How sextortion scams work, why not to pay, and that the victim is never to blame.",
        ),
    ),
    "deepfakes": Teaching(
        strands=(INFORMATION, SELF_IMAGE, REPUTATION),
        rshe=(ONLINE_AND_MEDIA, INTERNET_SAFETY),
        lessons=(DEEPFAKES_LESSONS, SEND_ME_A_PIC),
        focus=N_(
            "schools:curriculum",
            "Faked and AI-made images: that making them of someone is harmful, and how to "
            "report them.",
        ),
    ),
    "getting_help": Teaching(
        strands=(WELLBEING, RELATIONSHIPS),
        rshe=(BEING_SAFE, RESPECTFUL),
        lessons=(EXPLOITED, HWB_PRACTITIONERS),
        focus=N_(
            "schools:curriculum",
            "Who to tell, how to report, and which support services are there for young people.",
        ),
    ),
}

FRAMEWORK_AGES: dict[AgeBand | None, str] = {
    "under_13": N_("schools:curriculum", "ages 7–11 and 11–14"),
    "13_15": N_("schools:curriculum", "ages 11–14 and 14–18"),
    "16_17": N_("schools:curriculum", "ages 14–18"),
    "18_plus": N_("schools:curriculum", "ages 14–18"),
    None: N_("schools:curriculum", "ages 11–14 and 14–18"),
}
"""The framework's age bands that fit a class's age band (it stops at 18)."""
