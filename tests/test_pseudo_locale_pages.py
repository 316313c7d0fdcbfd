"""Every page type of the individual journey, rendered with the pseudo-language standing in for
Welsh: any visible word outside the catalogue is a string that skipped it.

Left out, by rule: names (support services as they write them, in either language; apps; the
titles of the pages a step cites, which stay as their publishers write them), web addresses,
and words of the content that no catalogue holds yet (listed by `content_gaps`, so each one
shrinks the exemption as soon as it is extracted).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from babel.messages.pofile import read_po
from babel.support import NullTranslations
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check import i18n
from safety_check.content_language import service_names
from safety_check.engine import COMPILED_RULES
from safety_check.models import AREA_TITLES
from safety_check.plan import build_plan
from safety_check.platform_reports import PLATFORM_REPORTS, report_text
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import RESOURCES
from safety_check.service.app import create_app
from safety_check.service.individual.form import check
from safety_check.settings import Settings
from safety_check.textplan import PLATFORM_NAMES, render_plan
from tests.marked_language import clear_language_caches
from tests.pseudo_locale import pseudo_translations, untranslated

POST = {"Accept": "text/html", "Origin": "http://testserver.local", "Sec-Fetch-Site": "same-origin"}
WELSH = {"Accept-Language": "cy", "Accept": "text/html"}
TOKEN = re.compile(r'name="_journey" value="([^"]+)"')
SAVED_CODE = re.compile(r"^SC1-[A-Za-z0-9_-]+$")
ADDRESS = re.compile(r"^[\w.-]+\.[a-z]{2,}(/\S*)?$")
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


def _names() -> frozenset[str]:
    sources = [
        *(resource.name for resource in RESOURCES.values()),
        *service_names("cy").values(),
        *PLATFORM_NAMES.values(),
        *(source.title for compiled in COMPILED_RULES for source in compiled.rule.sources),
    ]
    return frozenset({"Safety Check", "English", "Cymraeg", *sources})


def _catalogued() -> set[str]:
    ids: set[str] = set()
    for path in i18n.LOCALE_DIR.glob("*.pot"):
        with path.open("rb") as pot:
            for message in read_po(pot):
                ids.update([message.id] if isinstance(message.id, str) else message.id)
    return ids


def _plan_text() -> list[str]:
    """The plan's own words for the answers walked below, as the content builds them."""
    answers, _ = check(ADULT_THREATENED)
    assert answers is not None
    plan = build_plan(answers)
    contacts = [
        f"{c.name}, {c.hours[0].lower()}{c.hours[1:]}" for c in plan.contact_first if c.hours
    ]
    return [*_strings(msgspec.to_builtins(plan)), render_plan(plan), *contacts]


def content_gaps() -> list[str]:
    """English content on these pages that no catalogue holds yet (the apps' report routes,
    the text plan's reasons): the content's own completeness test owns them."""
    sources: list[Any] = [QUESTIONNAIRE, list(RESOURCES.values()), AREA_TITLES]
    # The words to paste stay in English, for the app's safety team (the page says so).
    kinds = ("shared_without_consent", "threat_to_share", "fake_image", "unwanted_image")
    pasted = [report_text(r, kind=k, age_band="18_plus") for r in PLATFORM_REPORTS for k in kinds]
    sources.append(pasted)
    found = [text for source in sources for text in _strings(msgspec.to_builtins(source))]
    catalogued = _catalogued()
    # textplan.because_sentence quotes an answer and a question inside an English frame.
    frame = 'You answered "" to "".'
    return [text for text in [*found, *_plan_text(), frame] if text not in catalogued]


NAMES = _names()
GAPS = content_gaps()


def missed(html: str) -> list[str]:
    left = untranslated(html, NAMES)
    return [
        text
        for text in left
        if not SAVED_CODE.match(text)
        and not ADDRESS.match(text)
        and text.strip(" .,:;()·") not in NAMES
        and not any(text.strip(" .,:;()·") in gap for gap in GAPS)
    ]


@pytest.fixture
async def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    pseudo = pseudo_translations()
    english = NullTranslations()
    # Content built in real Welsh by an earlier test is cached per language: start afresh.
    clear_language_caches()
    monkeypatch.setattr(i18n, "translations", lambda lang: pseudo if lang == "cy" else english)
    app: Litestar = create_app(Settings(database=tmp_path / "t.db", languages=("en", "cy")))
    async with AsyncTestClient(app=app) as test_client:
        yield test_client
    monkeypatch.undo()
    clear_language_caches()


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
    shown["platform_report"] = await pages.post(
        {"_step": "platform_report", "_platform": "instagram", "_at": "plan", **ADULT_THREATENED}
    )
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


SCRIPT_STRING = re.compile(r"\"([^\"\\\n]*)\"|'([^'\\\n]*)'")
WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")


def script_sentences(source: str) -> list[str]:
    """String literals of a script that read as words ("3 of 7 done", "Copied."): a script
    gets its words from the page it runs on (data attributes the catalogue fills), because the
    pseudo-language check above sees only what the server sends."""
    code = re.sub(r"//[^\n]*", "", source)
    found = [a or b for a, b in SCRIPT_STRING.findall(code)]
    return [text for text in found if WORDS.search(text) and text != "use strict"]


def test_scripts_say_nothing_in_their_own_words() -> None:
    static = Path(i18n.__file__).parent / "static"
    found = {path.name: script_sentences(path.read_text()) for path in static.glob("*.js")}
    assert found and all(not words for words in found.values()), found
    assert script_sentences('said("Copied. Paste it.")') == ["Copied. Paste it."]
