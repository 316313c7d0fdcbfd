"""What a person may keep on their own device: ticks on their plan and a saved answers file.

Both are for someone whose phone is their own. When they said someone checks their phone, would
rather not say, or named a partner, an ex or someone they live with, neither is offered: a tick
list or a saved file is exactly what the other person could find.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from safety_check.routing import CLOSE_TO_HOME
from safety_check.service.platform.template_i18n import Text, pgettext

WATCH_QUESTION = "getting_help.someone_checks_phone"
WHO_QUESTIONS = ("sextortion.who_is_threatening", "getting_help.who_did_it")
NOT_PRIVATE = pgettext(
    "page:plan",
    "Because of what you told us, this isn't offered here: someone else could find it on "
    "this phone.",
)


def kept_off_device(raw: Mapping[str, str | list[str]]) -> Text | None:
    """Why nothing is kept on this device, or None when the phone is the person's own."""
    if raw.get(WATCH_QUESTION) in ("yes", "prefer_not_to_say"):
        return NOT_PRIVATE
    if any(raw.get(question) in CLOSE_TO_HOME for question in WHO_QUESTIONS):
        return NOT_PRIVATE
    return None


def tick_id(rule_id: str) -> str:
    """A step's key in the browser's tick list: short, and not the rule's telling name."""
    return hashlib.sha256(f"tick\n{rule_id}".encode()).hexdigest()[:10]
