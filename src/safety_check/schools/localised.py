"""A class report, a school's terms and the curriculum in a class's language, for pages and CSV.

The report itself is built once, in English (the API gives it so, and a school's stored figures
keep it). What a teacher reads is the same report with every sentence looked up in the
`schools` catalogue (rule titles in the `content` one): the figures never change with language.
"""

from __future__ import annotations

import re

import msgspec

from safety_check import i18n
from safety_check.i18n import Language
from safety_check.models import Area
from safety_check.schools import curriculum, dpia
from safety_check.schools.curriculum import Lesson
from safety_check.schools.report import (
    BECAUSE,
    BETWEEN,
    FEWER_THAN,
    RESPONSES_STEP,
    WITHHELD,
    Gap,
    Report,
    TeachNext,
)
from safety_check.schools.school import Term
from safety_check.schools.suppression import MARK_MESSAGES, MIN_RESPONSES
from safety_check.schools.words import AREA, CURRICULUM, DPIA, N_, REPORT, TERM, say

AREA_TITLES: dict[Area, str] = {
    "privacy_settings": N_("schools:area", "Privacy settings"),
    "personal_details": N_("schools:area", "Personal details"),
    "webcam": N_("schools:area", "Cameras and webcams"),
    "nearby_sharing": N_("schools:area", "AirDrop, Quick Share and Bluetooth"),
    "dating_apps": N_("schools:area", "Dating apps"),
    "intimate_images": N_("schools:area", "Nudes and intimate images"),
    "sextortion": N_("schools:area", "Sextortion and threats"),
    "deepfakes": N_("schools:area", "Deepfakes and fake images"),
    "account_security": N_("schools:area", "Passwords and account security"),
    "getting_help": N_("schools:area", "Getting help"),
}
"""The area titles of `models.AREA_TITLES`, marked for this domain (a test keeps them equal)."""

TERM_TITLES = {
    "autumn": N_("school:term", "Autumn term {year} ({school_year})"),
    "spring": N_("school:term", "Spring term {year} ({school_year})"),
    "summer": N_("school:term", "Summer term {year} ({school_year})"),
}
_TERM_TITLE = re.compile(r"^(Autumn|Spring|Summer) term (\d{4}) \((\d{4}/\d{2})\)$")
_BAND = re.compile(r"^(\d+) to (\d+)$")


def area_title(area: Area, language: Language) -> str:
    return say(language, AREA, AREA_TITLES[area])


def from_content(language: Language, context: str, text: str) -> str:
    """Words that belong to the `content` catalogue (rules, services), with their id context."""
    return i18n.pgettext(language, context, text)


def rule_title(rule_id: str, title: str, language: Language) -> str:
    """A rule's title from the content catalogue (its context is the rule id and field)."""
    return from_content(language, f"rule:{rule_id}.title", title)


def term_title(term: Term, language: Language) -> str:
    found = _TERM_TITLE.match(term.title)
    if found is None:
        return term.title
    season, year, school_year = found.groups()
    return say(language, TERM, TERM_TITLES[season.lower()], year=year, school_year=school_year)


def localised_term(term: Term, language: Language) -> Term:
    return msgspec.structs.replace(term, title=term_title(term, language))


def responses_band(band: str, language: Language) -> str:
    """`report.responses_band` ("fewer than 10", "10 to 19") in `language`."""
    if band == FEWER_THAN.format(step=RESPONSES_STEP):
        return say(language, REPORT, FEWER_THAN, step=RESPONSES_STEP)
    found = _BAND.match(band)
    if found is None:
        return band
    return say(language, REPORT, BETWEEN, low=found[1], high=found[2])


def withheld(text: str | None, language: Language) -> str | None:
    """Why the figures are held back, in `language` (the report holds it in English)."""
    for reason in WITHHELD:
        if text == reason.format(minimum=MIN_RESPONSES):
            return say(language, REPORT, reason, minimum=MIN_RESPONSES)
    return text


def marks(language: Language) -> dict[str, str]:
    return {
        mark: say(language, REPORT, message, minimum=MIN_RESPONSES)
        for mark, message in MARK_MESSAGES.items()
    }


def _gap(gap: Gap, language: Language) -> Gap:
    return msgspec.structs.replace(gap, title=rule_title(gap.rule_id, gap.title, language))


def _lesson(lesson: Lesson, language: Language) -> Lesson:
    return msgspec.structs.replace(
        lesson,
        ages=say(language, CURRICULUM, lesson.ages),
        note=say(language, CURRICULUM, lesson.note) if lesson.note else "",
    )


def _teach_next(item: TeachNext, gaps: dict[str, Gap], total: int, language: Language) -> TeachNext:
    gap = gaps.get(item.rule_id)
    because = item.because
    if gap is not None:
        because = say(
            language,
            REPORT,
            BECAUSE,
            count=gap.count,
            total=total,
            low=gap.range.low,
            high=gap.range.high,
            action=gap.title,
        )
    return msgspec.structs.replace(
        item,
        title=area_title(item.area, language),
        focus=say(language, CURRICULUM, item.focus),
        strands=tuple(say(language, CURRICULUM, strand) for strand in item.strands),
        ages=say(language, CURRICULUM, item.ages),
        because=because,
        rshe=tuple(say(language, CURRICULUM, topic) for topic in item.rshe),
        lessons=tuple(_lesson(lesson, language) for lesson in item.lessons),
    )


def localised_report(report: Report, language: Language) -> Report:
    """The same report, every sentence in `language`; English comes back unchanged."""
    if language == "en":
        return report
    gaps = tuple(_gap(gap, language) for gap in report.gaps)
    by_rule = {gap.rule_id: gap for gap in gaps}
    total = report.responses or 0
    return msgspec.structs.replace(
        report,
        responses_band=responses_band(report.responses_band, language),
        withheld=withheld(report.withheld, language),
        gaps=gaps,
        areas=tuple(
            msgspec.structs.replace(area, title=area_title(area.area, language))
            for area in report.areas
        ),
        teach_next=tuple(_teach_next(item, by_rule, total, language) for item in report.teach_next),
        marks=marks(language),
    )


def rshe_note(language: Language) -> str:
    return say(language, CURRICULUM, curriculum.RSHE_NOTE)


def dpia_context(language: Language) -> dict[str, object]:
    """The data protection outline's lists, in `language` (table and field names stay as the
    database spells them)."""
    return {
        "stored": {
            table: {field: say(language, DPIA, meaning) for field, meaning in fields.items()}
            for table, fields in dpia.STORED.items()
        },
        "never": tuple(say(language, DPIA, item) for item in dpia.NEVER),
        "retention": tuple(
            (say(language, DPIA, what), say(language, DPIA, how_long))
            for what, how_long in dpia.RETENTION
        ),
        "guarantee": say(language, DPIA, dpia.GUARANTEE),
    }
