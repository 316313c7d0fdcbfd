"""A stand-in Welsh for tests: every content message comes back marked with its context, so a
test sees which words went through the catalogue and under which id."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from safety_check import compiled_plan, content_language, i18n, plan
from safety_check.service.individual import api


class Marked:
    def pgettext(self, context: str, message: str) -> str:
        return f"<{context}|{message}>"

    def gettext(self, message: str) -> str:
        return f"<{message}>"

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return f"<{context}|{singular if count == 1 else plural}>"


def clear_language_caches() -> None:
    for cached in (
        content_language.questionnaire_in,
        content_language.questions_by_id_in,
        content_language.resources_in,
        content_language.helper_text_in,
        content_language.rule_texts_in,
        content_language.plan_texts_in,
        content_language.support_reasons_in,
        plan.text_in,
        plan.support_for,
        compiled_plan._support,
        api.questionnaire_body,
        api.rule_content,
    ):
        cached.cache_clear()
    compiled_plan._CONTENT.pop("cy", None)


def marked_welsh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    clear_language_caches()
    monkeypatch.setattr(i18n, "translations", lambda language: Marked())
    yield
    monkeypatch.undo()
    clear_language_caches()
