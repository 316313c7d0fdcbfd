"""Turning the HTML form's fields into answers, answers back into hidden fields, and the pages.

Answers travel between the pages inside the form itself (hidden fields), so the server keeps
nothing and sets no cookie. Field names are question ids and values are option ids; a hidden
`_shown` field names each multi-choice question that was on a page, so "none of these" (no box
ticked) can be told apart from "not asked".

The pages, in order: who the check is for; about you (age, nation, what is happening); when
something is happening, a short page of safety questions and then the urgent plan; devices and
apps; one page per area that applies; check your answers; the plan. "Something is happening to
me now" on the start page opens a shorter first page (what is happening, and age), then the
safety questions and the urgent plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import msgspec

from safety_check.answers import AnswersInvalid, prune, validate
from safety_check.conditions import compile_condition
from safety_check.models import (
    AREA_TITLES,
    AREAS,
    HELPERS,
    AnswerProblem,
    Answers,
    Area,
    Question,
)
from safety_check.questionnaire import QUESTIONNAIRE, QUESTIONS_BY_ID, SAFETY_FOLLOW_UPS
from safety_check.service.platform.template_i18n import Text, pgettext

SHOWN = "_shown"
_APPLIES = {q.id: compile_condition(q.condition) for q in QUESTIONNAIRE.questions if q.condition}
MAX_FIELDS = 400
RawAnswers = dict[str, str | list[str]]
URGENT_ANSWERS = (("situation.threat_to_share", "yes"), ("situation.image_shared", "yes"))

WHO = "who"
ABOUT = "about"
DEVICES = "devices"
NOW = "now"
SAFETY = "safety"
REVIEW = "review"
_ABOUT_SECTIONS = ("profile", "situation")
START_PAGES: dict[str, tuple[str, ...]] = {
    WHO: ("profile.for_whom",),
    # What is happening comes before devices and apps, so help is never 16 boxes down.
    ABOUT: (
        "profile.age_band",
        "profile.nation",
        "situation.threat_to_share",
        "situation.image_shared",
        "profile.contact_method",
    ),
    DEVICES: ("profile.devices", "profile.apps"),
    NOW: ("situation.threat_to_share", "situation.image_shared", "profile.age_band"),
}
"""The pages before the areas, and the questions on each, in order."""
STARTED = (WHO, ABOUT, DEVICES)
"""The numbered pages before the areas (the crisis page stands in for the first two)."""


class HiddenField(msgspec.Struct, frozen=True):
    name: str
    value: str


def answers_from_form(fields: Iterable[tuple[str, str]]) -> RawAnswers:
    """Answers from submitted form fields; anything that is not a known question is ignored."""
    values: dict[str, list[str]] = {}
    shown: set[str] = set()
    for count, (name, value) in enumerate(fields):
        if count >= MAX_FIELDS:
            break
        if name == SHOWN and value in QUESTIONS_BY_ID:
            shown.add(value)
        elif name in QUESTIONS_BY_ID:
            values.setdefault(name, []).append(value)
    raw: RawAnswers = {}
    for question_id in QUESTIONS_BY_ID:
        question = QUESTIONS_BY_ID[question_id]
        chosen = values.get(question_id)
        if question.kind == "multi":
            if chosen is not None or question_id in shown:
                raw[question_id] = list(dict.fromkeys(chosen or []))
        elif chosen:
            raw[question_id] = chosen[-1]
    return raw


def hidden_fields(
    raw: Mapping[str, str | list[str]], *, except_for: Iterable[str] = ()
) -> list[HiddenField]:
    """Hidden fields that carry answers to the next step (skipping the ones on the page)."""
    skip = set(except_for)
    fields = []
    for question in QUESTIONNAIRE.questions:
        if question.id in skip or question.id not in raw:
            continue
        value = raw[question.id]
        if isinstance(value, str):
            fields.append(HiddenField(question.id, value))
        else:
            fields.append(HiddenField(SHOWN, question.id))
            fields.extend(HiddenField(question.id, option) for option in value)
    return fields


def check(raw: Mapping[str, str | list[str]]) -> tuple[Answers | None, dict[str, Text]]:
    """Validate answers for the web: drop answers that stopped applying, then validate.

    Returns the answers, or the errors as sentences keyed by question id (translated when the
    page renders).
    """
    try:
        return validate(prune(raw)), {}
    except AnswersInvalid as invalid:
        helping = raw.get("profile.for_whom") in HELPERS
        return None, {
            problem.question or "": _sentence(problem, helping) for problem in invalid.problems
        }


def _sentence(problem: AnswerProblem, helping: bool) -> Text:
    if problem.code == "missing_required":
        return pgettext("error:question", "Choose an age group, so we can show the right help.")
    question = QUESTIONS_BY_ID.get(problem.question or "")
    if question is None:
        return pgettext("error:question", "Choose one of the options.")
    text = question.helper_text if helping and question.helper_text else question.text
    # The question is quoted first so no Welsh word before it would need to mutate it.
    return pgettext("error:question", "%(question)s Choose one of the options.", question=text)


def is_urgent(raw: Mapping[str, str | list[str]]) -> bool:
    return any(raw.get(question) == answer for question, answer in URGENT_ANSWERS)


def _view(raw: Mapping[str, str | list[str]]) -> dict[str, str | tuple[str, ...]]:
    return {k: (v if isinstance(v, str) else tuple(v)) for k, v in raw.items()}


def _applies(question: Question, view: Mapping[str, str | tuple[str, ...]]) -> bool:
    return question.id not in _APPLIES or _APPLIES[question.id](view) is True


def start_questions(page: str) -> list[Question]:
    return [QUESTIONS_BY_ID[question_id] for question_id in START_PAGES[page]]


def about_questions() -> list[Question]:
    """Every question of the pages before the areas (a class check's first page asks them)."""
    return [q for q in QUESTIONNAIRE.questions if q.section in _ABOUT_SECTIONS]


def safety_questions(raw: Mapping[str, str | list[str]]) -> list[Question]:
    """The questions that change what is safe to do, asked before the urgent plan.

    Profile questions come back only when they were skipped on the first page; the others are
    asked whenever their condition holds.
    """
    view = _view(raw)
    questions = []
    for question_id in SAFETY_FOLLOW_UPS:
        question = QUESTIONS_BY_ID[question_id]
        if question.section in _ABOUT_SECTIONS and question_id in raw:
            continue
        if _applies(question, view):
            questions.append(question)
    return questions


def area_questions(area: str, raw: Mapping[str, str | list[str]]) -> list[Question]:
    view = _view(raw)
    return [q for q in QUESTIONNAIRE.questions if q.section == area and _applies(q, view)]


def areas_for(raw: Mapping[str, str | list[str]]) -> list[Area]:
    """The areas with at least one question for this person, in the order they are asked."""
    return [area for area in AREAS if area_questions(area, raw)]


def questions_on(page: str, raw: Mapping[str, str | list[str]]) -> list[Question]:
    if page in START_PAGES:
        return start_questions(page)
    if page == SAFETY:
        return safety_questions(raw)
    if page in AREA_TITLES:
        return area_questions(page, raw)
    return []


def page_of(question_id: str, raw: Mapping[str, str | list[str]]) -> str:
    """The page that asks a question (for an error found at the end)."""
    question = QUESTIONS_BY_ID.get(question_id)
    if question is None:
        return ABOUT
    if question.section in _ABOUT_SECTIONS:
        return next((p for p in STARTED if question_id in START_PAGES[p]), ABOUT)
    return question.section
