"""The questionnaire: profile and situation questions, then every area's questions."""

from __future__ import annotations

import msgspec

from safety_check.helper_wording import HELPER_HINTS, HELPER_LABELS, HELPER_TEXT
from safety_check.models import AREA_TITLES, AREAS, AreaInfo, Question, Questionnaire
from safety_check.profile import PROFILE_QUESTIONS, SITUATION_QUESTIONS
from safety_check.rules import AREA_QUESTIONS

CONTENT_VERSION = "2026.12.5"
"""Bump on any change a person could notice in questions, rules or resources."""


def _area_order(question: Question) -> int:
    return AREAS.index(question.section) if question.section in AREAS else -1


def _for_helpers(question: Question) -> Question:
    """The question with its helper wording attached (a KeyError names a missing one)."""
    options = tuple(
        msgspec.structs.replace(option, helper_label=HELPER_LABELS[question.id, option.id])
        if (question.id, option.id) in HELPER_LABELS
        else option
        for option in question.options
    )
    return msgspec.structs.replace(
        question,
        helper_text=HELPER_TEXT[question.id],
        helper_hint=HELPER_HINTS.get(question.id),
        options=options,
    )


QUESTIONNAIRE = Questionnaire(
    content_version=CONTENT_VERSION,
    areas=tuple(AreaInfo(id=area, title=AREA_TITLES[area]) for area in AREAS),
    questions=tuple(
        map(
            _for_helpers,
            (
                *PROFILE_QUESTIONS,
                *SITUATION_QUESTIONS,
                *sorted(AREA_QUESTIONS, key=_area_order),
            ),
        )
    ),
)
SAFETY_FOLLOW_UPS: tuple[str, ...] = (
    "sextortion.who_is_threatening",
    # Asked here, so someone who already paid reads the steps for that on the urgent page.
    "sextortion.paid_money",
    "sextortion.outing_threat",
    "getting_help.someone_checks_phone",
    "profile.age_band",
    "profile.nation",
    "profile.contact_method",
)
"""Asked on one short page before the urgent plan, each skippable: the answers that change what
is safe to do (who is doing it, whether they have paid, whether the phone is watched, age and
nation)."""
QUESTIONS_BY_ID: dict[str, Question] = {
    question.id: question for question in QUESTIONNAIRE.questions
}
