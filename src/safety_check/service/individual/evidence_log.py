"""The evidence log: a blank table for an adult to fill in by hand, or on screen, for themselves.

It is offered beside a plan's "keep evidence" step to an adult checking for themselves and to an
adult helping someone (a parent, a teacher, a partner or family member). A teenager's own
evidence step already says to write things down with a trusted adult, so the log is not offered
to under-18s. What is typed into the log never leaves the page: its boxes have no names and sit
in no form, so no form post can carry them.

The warnings depend on whose picture it may be: nobody is ever told to view, save, screenshot or
forward a picture of someone under 18, and on a phone someone else checks the log is kept off
the phone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import msgspec

from safety_check.service.individual.on_device import kept_off_device
from safety_check.service.platform.template_i18n import Text, pgettext

EVIDENCE_STEP = "keep_evidence"
"""The plan's urgent step that the log sits beside."""
LOG_ROWS = 8
TOLD_ROWS = 4
SCREEN_ROWS = 3
"""Rows shown on screen; a printed log has them all, with room to write by hand."""
ADULT_HELPERS = ("my_child", "a_student", "partner_or_family")
"""Helpers taken to be adults (a friend may be a teenager too)."""


class Column(msgspec.Struct, frozen=True):
    id: str
    title: Text
    half: bool = False
    """Half a phone's width: on a phone, date and time sit side by side."""


LOG_COLUMNS = (
    Column("date", pgettext("page:evidence_log", "Date"), half=True),
    Column("time", pgettext("page:evidence_log", "Time"), half=True),
    Column("platform", pgettext("page:evidence_log", "App or site")),
    Column("username", pgettext("page:evidence_log", "Username or profile")),
    Column("link", pgettext("page:evidence_log", "Link (web address)")),
    Column("what", pgettext("page:evidence_log", "What happened")),
)
TOLD_COLUMNS = (
    Column("date", pgettext("page:evidence_log", "Date")),
    Column("who", pgettext("page:evidence_log", "Who you told")),
    Column("reference", pgettext("page:evidence_log", "Reference number, if any")),
)

Reader = Literal["adult", "helping_a_child", "helping_an_adult"]

WARNINGS: dict[Reader, tuple[Text, ...]] = {
    "adult": (
        pgettext(
            "page:evidence_log",
            "Never save or screenshot a nude picture of anyone under 18, even a picture of "
            "yourself. If a picture of you was taken when you were under 18, write down where "
            "it is instead of saving it.",
        ),
        pgettext(
            "page:evidence_log",
            "This log is for the details. Keep your screenshots of messages and profiles as "
            "your plan says.",
        ),
    ),
    "helping_a_child": (
        pgettext(
            "page:evidence_log",
            "Don't look at, save, screenshot or forward the picture, even to report it. Write "
            "down the details instead: the police and the app can act on them without anyone "
            "having a copy of the picture.",
        ),
        pgettext(
            "page:evidence_log",
            "Screenshots of messages and profiles are fine only where no nude picture shows.",
        ),
    ),
    "helping_an_adult": (
        pgettext(
            "page:evidence_log",
            "What happened is theirs, and so is the choice: ask them before you keep anything.",
        ),
        pgettext(
            "page:evidence_log",
            "If the picture was taken when they were under 18, don't look at, save or "
            "screenshot it. Write down where it is instead.",
        ),
    ),
}
WATCHED = pgettext(
    "page:evidence_log",
    "Someone else may see what's on this phone. Don't keep this log on it: print it, or copy "
    "it onto paper, and keep it where they can't find it, or with someone you trust. If you "
    "print it, choose a printer, not \u201cSave as PDF\u201d.",
)
PRIVATE = pgettext(
    "page:evidence_log",
    "Keep the log somewhere private. Nothing you type here is sent to us or kept, so print "
    "it before you leave this page.",
)


class LogAdvice(msgspec.Struct, frozen=True, kw_only=True):
    reader: Reader
    warnings: tuple[Text, ...]
    keeping: Text
    """Where to keep the log: off this phone when someone else checks it."""
    helping: bool


def reader(raw: Mapping[str, str | list[str]]) -> Reader | None:
    """Who the log is for, or None when it is not offered (an under-18, or age not given)."""
    for_whom = raw.get("profile.for_whom", "me")
    adult = raw.get("profile.age_band") == "18_plus"
    if for_whom in ADULT_HELPERS:
        return "helping_an_adult" if adult else "helping_a_child"
    if for_whom == "me" and adult:
        return "adult"
    return None


def advice(raw: Mapping[str, str | list[str]]) -> LogAdvice | None:
    """What the log page says for these answers, or None when no log is offered."""
    who = reader(raw)
    if who is None:
        return None
    keeping = WATCHED if kept_off_device(raw) else PRIVATE
    return LogAdvice(reader=who, warnings=WARNINGS[who], keeping=keeping, helping=who != "adult")
