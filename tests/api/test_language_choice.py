"""Choosing Welsh: the browser's preference on a first visit, the language link mid-journey
(place and answers kept, nothing in a URL but a plain page's `?lang=`), and the quick exit."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app
from safety_check.settings import Settings
from tests.api.journey_walk import POST, form_token, heading

Client = AsyncTestClient[Litestar]
BOTH = ("en", "cy")


async def _client(tmp_path: Path, languages: tuple[str, ...]) -> AsyncIterator[Client]:
    app = create_app(Settings(database=tmp_path / "t.db", languages=languages))  # type: ignore[arg-type]
    async with AsyncTestClient(app=app) as client:
        yield client


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[Client]:
    async for made in _client(tmp_path, BOTH):
        yield made


@pytest.fixture
async def english_only(tmp_path: Path) -> AsyncIterator[Client]:
    async for made in _client(tmp_path, ("en",)):
        yield made


ME = {"profile.for_whom": "me"}
ADULT = {"profile.age_band": "18_plus"}


async def send(client: Client, page: str, fields: dict[str, str]) -> Any:
    """Post the check's form from `page` (its journey token) with `fields`."""
    return await client.post("/check", data={**fields, "_journey": form_token(page)}, headers=POST)


def lang(html: str) -> str:
    found = re.search(r'<html lang="([^"]+)"', html)
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("cy", "cy"),
        ("cy-GB,cy;q=0.9,en;q=0.8", "cy"),
        ("en-GB,en;q=0.9,cy;q=0.8", "en-GB"),
        ("fr,cy;q=0.5", "cy"),
        ("fr", "en-GB"),
        ("", "en-GB"),
    ],
)
async def test_a_first_visit_speaks_the_preferred_offered_language(
    client: Client, header: str, expected: str
) -> None:
    page = await client.get("/", headers={"Accept-Language": header})
    assert lang(page.text) == expected


async def test_welsh_is_never_chosen_while_only_english_is_offered(english_only: Client) -> None:
    page = await english_only.get("/?lang=cy", headers={"Accept-Language": "cy"})
    assert lang(page.text) == "en-GB"
    assert "Cymraeg" not in page.text and 'name="_lang"' not in page.text


async def test_a_plain_page_links_to_the_other_language(client: Client) -> None:
    page = await client.get("/help")
    assert '<a href="?lang=cy" hreflang="cy" lang="cy">Cymraeg</a>' in page.text
    welsh = await client.get("/help?lang=cy")
    assert lang(welsh.text) == "cy" and "Cael help nawr" in welsh.text
    assert 'hreflang="en-GB" lang="en-GB">English</a>' in welsh.text
    assert 'href="/check?lang=cy"' in welsh.text  # the way in keeps the choice
    check = await client.get("/check?lang=cy")
    assert lang(check.text) == "cy"


async def test_the_language_button_keeps_the_step_and_the_answers(client: Client) -> None:
    first = await client.get("/check")
    about = await send(client, first.text, {"_at": "who", "_step": "next", **ME})
    assert heading(about.text) == "About you"
    assert 'form="answers-form" name="_lang" value="cy"' in about.text
    welsh = await send(client, about.text, {"_at": "about", **ME, **ADULT, "_lang": "cy"})
    assert lang(welsh.text) == "cy"
    assert heading(welsh.text) == "Amdanoch chi"  # the same step, in Welsh
    assert re.search(r'value="18_plus" checked', welsh.text)  # the answer not yet sent is kept
    assert "error-summary" not in welsh.text
    onward = await send(client, welsh.text, {"_at": "about", "_step": "about", **ME, **ADULT})
    assert lang(onward.text) == "cy"  # the journey's token carries the choice
    back = await send(client, onward.text, {"_at": "devices", "_lang": "en", **ME, **ADULT})
    assert lang(back.text) == "en-GB"
    assert heading(back.text) == "Your devices and apps"


async def test_the_plan_switches_language_in_place(client: Client) -> None:
    first = await client.get("/check")
    answers = {"profile.for_whom": "me", "profile.age_band": "18_plus"}
    plan = await client.post(
        "/check",
        data={"_step": "questions", **answers, "_journey": form_token(first.text)},
        headers=POST,
    )
    assert "<h1>Your plan</h1>" in plan.text
    welsh = await client.post(
        "/check",
        data={"_at": "plan", "_lang": "cy", **answers, "_journey": form_token(plan.text)},
        headers=POST,
    )
    assert lang(welsh.text) == "cy" and "<h1>Eich cynllun</h1>" in welsh.text


async def test_the_quick_exit_works_the_same_in_welsh(client: Client) -> None:
    start = await client.get("/check?lang=cy")
    assert "Gadael y wefan hon" in start.text and 'id="quick-exit"' in start.text
    token = form_token(start.text)
    leaving = await client.post("/exit", data={"_journey": token}, headers=POST)
    assert lang(leaving.text) == "cy" and 'http-equiv="refresh"' in leaving.text
    again = await client.post("/check", data={"_step": "next", "_journey": token}, headers=POST)
    assert lang(again.text) == "cy" and "Mae&#39;r dudalen hon wedi dod i ben" in again.text
