"""Content in each language: questions and services swap text, never ids or numbers."""

from __future__ import annotations

import pytest

from safety_check import content_language, i18n
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import RESOURCES


class _Marked:
    def pgettext(self, context: str, message: str) -> str:
        return f"<{context}|{message}>"


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch):
    for cached in (
        content_language.questionnaire_in,
        content_language.resources_in,
        content_language.helper_text_in,
    ):
        cached.cache_clear()
    monkeypatch.setattr(i18n, "translations", lambda language: _Marked())
    yield
    for cached in (
        content_language.questionnaire_in,
        content_language.resources_in,
        content_language.helper_text_in,
    ):
        cached.cache_clear()


def test_english_is_the_source_object() -> None:
    assert content_language.questionnaire_in("en") is QUESTIONNAIRE
    assert dict(content_language.resources_in("en")) == RESOURCES


def test_questions_take_their_text_from_the_catalogue_by_id(marked: None) -> None:
    welsh = content_language.questionnaire_in("cy")
    age = next(q for q in welsh.questions if q.id == "profile.age_band")
    english = next(q for q in QUESTIONNAIRE.questions if q.id == "profile.age_band")
    assert age.text == f"<question:profile.age_band.text|{english.text}>"
    assert [o.id for o in age.options] == [o.id for o in english.options]
    first = english.options[0]
    assert age.options[0].label == f"<question:profile.age_band.option.{first.id}|{first.label}>"
    assert age.condition == english.condition


def test_services_keep_numbers_and_take_welsh_names(marked: None) -> None:
    welsh = content_language.resources_in("cy")
    childline = welsh["childline"]
    fear_free = welsh["live_fear_free"]
    assert childline.phone == RESOURCES["childline"].phone
    assert childline.url == RESOURCES["childline"].url
    assert fear_free.name == "Llinell Gymorth Byw Heb Ofn"  # services.toml, not the catalogue
    assert childline.summary.startswith("<resource:childline.summary|")


def test_helper_text_by_question(marked: None) -> None:
    helper = content_language.helper_text_in("cy")
    assert helper["profile.age_band"] == "<question:profile.age_band.helper_text|How old are they?>"
