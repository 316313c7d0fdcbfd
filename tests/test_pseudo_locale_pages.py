"""Every page type of the individual journey, rendered with the pseudo-language standing in for
Welsh: any visible word outside the catalogue is a string that skipped it.

Until the content domain (questions, plan text, support services) has its own catalogue, words
that come from the content are left to its own test: they are recognised as content when the
content holds them. Once `locale/content.pot` exists, every word must be in a catalogue.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from babel.support import NullTranslations
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check import i18n
from safety_check.models import AREA_TITLES
from safety_check.plan import build_plan
from safety_check.platform_reports import PLATFORM_REPORTS
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import RESOURCES
from safety_check.service.app import create_app
from safety_check.service.individual.form import check
from safety_check.settings import Settings
from safety_check.textplan import PLATFORM_NAMES, render_plan
from tests.pseudo_locale import pseudo_translations, untranslated

POST = {"Accept": "text/html", "Origin": "http://testserver.local", "Sec-Fetch-Site": "same-origin"}
WELSH = {"Accept-Language": "cy", "Accept": "text/html"}
TOKEN = re.compile(r'name="_journey" value="([^"]+)"')
NEVER_TRANSLATED = frozenset({"Safety Check", "English", "Cymraeg", "Childline"})
"""The service's name and each language named in itself."""
CONTENT_PENDING = not (i18n.LOCALE_DIR / "content.pot").exists()
ADULT_THREATENED = {
    "profile.for_whom": "me",
    "profile.age_band": "18_plus",
    "situation.threat_to_share": "yes",
}


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _content() -> list[str]:
    from safety_check.engine import COMPILED_RULES

    # The apps' report routes (platform_reports.py) are not in the catalogue yet either.
    reports = [report.name for report in PLATFORM_REPORTS]
    sources: list[Any] = [QUESTIONNAIRE, list(RESOURCES.values()), AREA_TITLES, PLATFORM_NAMES]
    sources.append(reports)
    sources += [rule.rule for rule in COMPILED_RULES] if hasattr(COMPILED_RULES[0], "rule") else []
    found: list[str] = []
    for source in sources:
        try:
            found.extend(_strings(msgspec.to_builtins(source)))
        except TypeError:
            continue
    return found


def _plan_text() -> list[str]:
    """The plan's own words for the answers walked below (lanes, urgent messages, the reasons
    a step is there), as the content builds them."""
    answers, _ = check(ADULT_THREATENED)
    assert answers is not None
    plan = build_plan(answers)
    contacts = [
        f"{c.name}, {c.hours[0].lower()}{c.hours[1:]}" for c in plan.contact_first if c.hours
    ]
    return [*_strings(msgspec.to_builtins(plan)), render_plan(plan), *contacts]


CONTENT = [*_content(), *_plan_text()] if CONTENT_PENDING else []
SAVED_CODE = re.compile(r"^SC1-[A-Za-z0-9_-]+$")


def missed(html: str) -> list[str]:
    left = untranslated(html, NEVER_TRANSLATED)
    return [
        text
        for text in left
        if not SAVED_CODE.match(text) and not any(text.strip(" .,:;()·") in c for c in CONTENT)
    ]


@pytest.fixture
async def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    pseudo = pseudo_translations()
    english = NullTranslations()
    monkeypatch.setattr(i18n, "translations", lambda lang: pseudo if lang == "cy" else english)
    app: Litestar = create_app(Settings(database=tmp_path / "t.db", languages=("en", "cy")))
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


class Pages:
    def __init__(self, client: Any) -> None:
        self.client = client
        self.token = ""

    async def get(self, path: str) -> str:
        page = await self.client.get(path, headers=WELSH)
        found = TOKEN.search(page.text)
        if found:
            self.token = found.group(1)
        assert 'lang="cy"' in page.text[:80], path
        return str(page.text)

    async def post(self, data: dict[str, str], path: str = "/check") -> str:
        page = await self.client.post(path, data={**data, "_journey": self.token}, headers=POST)
        found = TOKEN.search(page.text)
        if found:
            self.token = found.group(1)
        return str(page.text)


async def every_page(client: Any) -> dict[str, str]:
    pages = Pages(client)
    shown: dict[str, str] = {}
    for path in ("/", "/help", "/cover-your-tracks", "/restore", "/no-such-page"):
        shown[path] = await pages.get(path)
    shown["who"] = await pages.get("/check")
    shown["who-error"] = await pages.post({"_at": "who", "_step": "next", "profile.age_band": "x"})
    shown["about"] = await pages.post({"_at": "who", "_step": "next", "profile.for_whom": "me"})
    shown["now"] = await pages.post({"_step": "now"})
    shown["safety"] = await pages.post({"_step": "about", **ADULT_THREATENED})
    shown["urgent"] = await pages.post({"_at": "safety", "_step": "next", **ADULT_THREATENED})
    shown["evidence"] = await pages.post(
        {"_at": "urgent", "_step": "evidence_log", **ADULT_THREATENED}
    )
    shown["devices"] = await pages.post({"_at": "urgent", "_step": "continue", **ADULT_THREATENED})
    for area in AREA_TITLES:
        shown[area] = await pages.post({"_go": area, **ADULT_THREATENED})
    shown["review"] = await pages.post({"_step": "review", **ADULT_THREATENED})
    shown["plan"] = await pages.post({"_step": "questions", **ADULT_THREATENED})
    shown["save"] = await pages.post({"_step": "save", **ADULT_THREATENED})
    shown["restore-error"] = await pages.post({"saved_code": "nonsense"}, "/restore")
    shown["exit"] = await pages.post({}, "/exit")
    shown["expired"] = await pages.post({"_step": "next"})
    return shown


async def test_every_page_of_the_journey_is_in_the_catalogue(client: Any) -> None:
    shown = await every_page(client)
    assert len(shown) >= 20
    left = {name: missed(html) for name, html in shown.items()}
    assert {name: words for name, words in left.items() if words} == {}


async def test_a_page_in_english_is_untouched_by_the_catalogue(client: Any) -> None:
    page = await client.get("/", headers={"Accept-Language": "en-GB"})
    assert '<html lang="en-GB">' in page.text
    assert "⟦" not in page.text and "Check how safe you are online" in page.text
