"""Where each advice area sits in UKCIS *Education for a Connected World* (2020 edition).

The framework sets learning outcomes for ages 4–7, 7–11, 11–14 and 14–18 in eight strands
(research/content-sources.md §8.3). Each area is tagged with the strands a lesson on it belongs
to, and a one-line teaching focus in our own words, so a class report can say what to teach next.
"""

from __future__ import annotations

import msgspec

from safety_check.models import AgeBand, Area

FRAMEWORK = "Education for a Connected World (UKCIS, 2020)"
FRAMEWORK_URL = "https://saferinternet.org.uk/blog/education-for-a-connected-world"

PRIVACY = "Privacy and security"
RELATIONSHIPS = "Online relationships"
REPUTATION = "Online reputation"
BULLYING = "Online bullying"
SELF_IMAGE = "Self-image and identity"
INFORMATION = "Managing online information"
WELLBEING = "Health, wellbeing and lifestyle"


class Teaching(msgspec.Struct, frozen=True, kw_only=True):
    strands: tuple[str, ...]
    focus: str


TEACHING: dict[Area, Teaching] = {
    "privacy_settings": Teaching(
        strands=(PRIVACY, REPUTATION),
        focus="Who can see what you post, and how to check each app's privacy settings.",
    ),
    "personal_details": Teaching(
        strands=(PRIVACY, REPUTATION),
        focus="What personal details and live location give away, and how to limit them.",
    ),
    "nearby_sharing": Teaching(
        strands=(PRIVACY, BULLYING),
        focus="Unwanted images sent by AirDrop, Quick Share or Bluetooth, and how to stop them.",
    ),
    "webcam": Teaching(
        strands=(PRIVACY,),
        focus="Camera and microphone permissions, and what to do if a camera turns on by itself.",
    ),
    "account_security": Teaching(
        strands=(PRIVACY,),
        focus="Strong, separate passwords, two-step verification and keeping photo backups "
        "private.",
    ),
    "dating_apps": Teaching(
        strands=(RELATIONSHIPS, PRIVACY),
        focus="Meeting people online safely, and keeping contact details private until trust "
        "is earned.",
    ),
    "intimate_images": Teaching(
        strands=(RELATIONSHIPS, SELF_IMAGE),
        focus="Consent, pressure to send nudes, the law on sharing images, and where to get "
        "images removed.",
    ),
    "sextortion": Teaching(
        strands=(RELATIONSHIPS, WELLBEING),
        focus="How sextortion scams work, why not to pay, and that the victim is never to blame.",
    ),
    "deepfakes": Teaching(
        strands=(INFORMATION, SELF_IMAGE, REPUTATION),
        focus="Faked and AI-made images: that making them of someone is harmful, and how to "
        "report them.",
    ),
    "getting_help": Teaching(
        strands=(WELLBEING, RELATIONSHIPS),
        focus="Who to tell, how to report, and which support services are there for young people.",
    ),
}

FRAMEWORK_AGES: dict[AgeBand | None, str] = {
    "under_13": "ages 7–11 and 11–14",
    "13_15": "ages 11–14 and 14–18",
    "16_17": "ages 14–18",
    "18_plus": "ages 14–18",
    None: "ages 11–14 and 14–18",
}
"""The framework's age bands that fit a class's age band (it stops at 18)."""
