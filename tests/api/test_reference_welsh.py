"""The API reference in Welsh: chosen like every other page, the same anchors so links land in
either language, the served OpenAPI document still English, and identifiers kept as they are."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check import catalogue_tools, i18n
from safety_check.content_language import question_context
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONNAIRE
from safety_check.service.app import create_app
from safety_check.service.platform import reference
from safety_check.service.platform.api_words import api_messages, partner_document
from safety_check.settings import Settings
from tests.api.test_reference import PAGE, RAW, parse

Client = AsyncTestClient[Litestar]
CODE_SPAN = re.compile(r"`([^`]+)`")
WELSH = {"Accept-Language": "cy"}


@pytest.fixture
async def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Client]:
    monkeypatch.setattr(reference, "_built", {})
    monkeypatch.setattr(reference, "_pages", {})
    app = create_app(Settings(database=tmp_path / "t.db", languages=("en", "cy")))
    async with AsyncTestClient(app=app) as made:
        yield made


def _api_catalogue() -> list[tuple[str, str, str]]:
    catalogue = catalogue_tools.read(i18n.catalogue_path("cy", "messages"), "cy")
    return [
        (str(m.context), str(m.id), str(m.string))
        for m in catalogue
        if m.id and str(m.context).startswith("api:")
    ]


def test_every_code_span_of_a_description_is_kept_in_its_welsh() -> None:
    found = _api_catalogue()
    assert len(found) > 80
    with_code = [(english, welsh) for _, english, welsh in found if "`" in english]
    assert with_code
    for english, welsh in with_code:
        missing = set(CODE_SPAN.findall(english)) - set(CODE_SPAN.findall(welsh))
        assert not missing, f"{english!r}: {sorted(missing)} changed in {welsh!r}"


def test_the_document_is_extracted_without_questions_or_the_content_version() -> None:
    extracted = list(api_messages(partner_document()))
    english = {message for _, message in extracted}
    assert ("api:summary", "Make a plan from answers") in extracted
    assert not {question.text for question in QUESTIONNAIRE.questions} & english
    assert not any(CONTENT_VERSION in message for message in english)
    assert any("{content_version}" in message for message in english)


async def test_the_welsh_page_speaks_welsh_with_a_link_back_to_english(client: Client) -> None:
    response = await client.get(PAGE, headers=WELSH)
    assert response.status_code == 200
    assert response.headers["content-language"] == "cy"
    assert "accept-language" in response.headers["vary"].lower()
    assert response.text.startswith('<!doctype html>\n<html lang="cy">')
    assert '<a href="?lang=en" hreflang="en-GB" lang="en-GB">English</a>' in response.text
    page = parse(response.text)
    assert [text for level, text, _ in page.headings if level == 2][:2] == ["Cynnwys", "Dilysu"]
    assert "Gwneud cynllun o atebion" in page.all_text()
    # A question reads as the questionnaire's own Welsh, its condition kept as code.
    age = i18n.pgettext("cy", question_context("profile.age_band", "text"), "How old are you?")
    assert age != "How old are you?" and age in page.all_text()
    assert "profile.apps has instagram" in [text for _, text in page.code]
    assert CONTENT_VERSION in page.all_text()


async def test_both_languages_have_the_same_anchors_and_identifiers(client: Client) -> None:
    english = parse((await client.get(f"{PAGE}?lang=en", headers=WELSH)).text)
    welsh = parse((await client.get(PAGE, headers=WELSH)).text)
    assert welsh.ids == english.ids
    assert [href for _, href in welsh.links if href.startswith("#")] == [
        href for _, href in english.links if href.startswith("#")
    ]
    assert set(english.code) <= set(welsh.code)
    assert "Make a plan from answers" in english.all_text()


async def test_the_served_document_stays_english(client: Client) -> None:
    raw = await client.get(RAW, headers=WELSH)
    document = raw.json()
    assert document["paths"]["/api/v1/plans"]["post"]["summary"] == "Make a plan from answers"


async def test_english_only_the_page_has_no_language_link(tmp_path: Path) -> None:
    app = create_app(Settings(database=tmp_path / "t.db", languages=("en",)))
    async with AsyncTestClient(app=app) as client:
        response = await client.get(PAGE, headers=WELSH)
    assert response.text.startswith('<!doctype html>\n<html lang="en-GB">')
    assert "language-switch" not in response.text
