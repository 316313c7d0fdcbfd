"""Ready report texts on the plan: for each app the person named, the words to paste into the
app's own report form, its report route, and where and when the route was checked.

Offered when the answers say a picture was shared, threatened, faked or sent unasked. The
words come from `platform_reports.py`; this module only chooses which to show. Nothing here
takes a picture: take-down services stay in the plan's own steps, reached by link only.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import msgspec

from safety_check.models import AGE_BANDS, HELPERS, AgeBand
from safety_check.platform_reports import PLATFORM_REPORTS, PlatformReport, by_id, report_text
from safety_check.service.platform.template_i18n import Text, pgettext

KIND_ANSWERS = (
    ("situation.image_shared", "yes", "shared_without_consent"),
    ("situation.threat_to_share", "yes", "threat_to_share"),
    ("deepfakes.fake_image_of_you", "yes", "fake_image"),
    ("nearby_sharing.unwanted_sexual_image", "yes", "unwanted_image"),
)
"""The answer that makes each kind of report fit, most pressing first."""
KIND_TITLES = {
    "shared_without_consent": pgettext("page:platform_report", "A picture shared without consent"),
    "threat_to_share": pgettext("page:platform_report", "A threat to share a picture"),
    "fake_image": pgettext("page:platform_report", "A fake picture"),
    "unwanted_image": pgettext("page:platform_report", "A sexual picture sent without asking"),
}
NO_AGE: AgeBand = "18_plus"
"""Without an age, the words say nothing about age (the adult words carry no age line)."""


class ReportText(msgspec.Struct, frozen=True, kw_only=True):
    kind: str
    title: Text
    text: str


class ReportCard(msgspec.Struct, frozen=True, kw_only=True):
    platform: PlatformReport
    texts: tuple[ReportText, ...]
    checked_on: datetime.date
    """The day the route was checked, as people write it."""


def kinds(raw: Mapping[str, str | list[str]]) -> list[str]:
    """The kinds of report that fit these answers, most pressing first."""
    return [kind for question, answer, kind in KIND_ANSWERS if raw.get(question) == answer]


def named(raw: Mapping[str, str | list[str]]) -> list[PlatformReport]:
    """The apps the person named that we have a report route for, in the catalogue's order."""
    apps = raw.get("profile.apps") or []
    chosen = [apps] if isinstance(apps, str) else apps
    return [platform for platform in PLATFORM_REPORTS if platform.id in chosen]


def others(raw: Mapping[str, str | list[str]]) -> list[PlatformReport]:
    """The apps to pick from for one more report."""
    shown = {platform.id for platform in named(raw)}
    return [platform for platform in PLATFORM_REPORTS if platform.id not in shown]


def helping(raw: Mapping[str, str | list[str]]) -> bool:
    return raw.get("profile.for_whom") in HELPERS


def _age(raw: Mapping[str, str | list[str]]) -> AgeBand:
    given = raw.get("profile.age_band")
    return next((band for band in AGE_BANDS if band == given), NO_AGE)


def _day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


def card(platform: PlatformReport, raw: Mapping[str, str | list[str]]) -> ReportCard:
    age = _age(raw)
    texts = tuple(
        ReportText(
            kind=kind,
            title=KIND_TITLES[kind],
            text=report_text(platform, kind=kind, age_band=age),
        )
        for kind in kinds(raw)
    )
    return ReportCard(platform=platform, texts=texts, checked_on=_day(platform.checked))


def cards(raw: Mapping[str, str | list[str]]) -> list[ReportCard]:
    """A card for each app the person named, when a report fits their answers."""
    if not kinds(raw):
        return []
    return [card(platform, raw) for platform in named(raw)]


def picked(platform_id: str | None, raw: Mapping[str, str | list[str]]) -> ReportCard | None:
    """The card for one app picked from the list, or None (no such app, or no report fits)."""
    if not kinds(raw) or platform_id is None:
        return None
    try:
        return card(by_id(platform_id), raw)
    except KeyError:
        return None
