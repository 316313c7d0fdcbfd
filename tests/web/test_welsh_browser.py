"""Welsh in Chromium at 320x640: the language link mid-journey with JavaScript on and off
(step and answers kept, `lang` right, back to English), the quick exit, axe-core on the Welsh
pages, and no page scrolling sideways with the pseudo-language's longer words."""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from babel.support import NullTranslations
from litestar.testing import AsyncTestClient

from safety_check import i18n
from safety_check.service.app import create_app
from safety_check.settings import Settings
from tests.marked_language import clear_language_caches
from tests.pseudo_locale import pseudo_translations
from tests.test_pseudo_locale_pages import every_page
from tests.web.conftest import axe_violations, free_port, serve
from tests.web.journey import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def welsh_url(tmp_path_factory: pytest.TempPathFactory, exit_url: str) -> Iterator[str]:
    env = {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(tmp_path_factory.mktemp("welsh") / "web.db"),
        "SAFETY_CHECK_EXIT_URL": exit_url,
        "SAFETY_CHECK_RATE_LIMIT": "100000",
        "SAFETY_CHECK_LOG_LEVEL": "WARNING",
        "SAFETY_CHECK_LANGUAGES": "en,cy",
    }
    yield from serve(free_port(), env)


def lang(page: Any) -> str:
    return str(page.evaluate("document.documentElement.lang"))


def h1(page: Any) -> str:
    return str(page.locator("h1").inner_text()).strip()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_choosing_welsh_mid_journey_keeps_the_step_and_the_answers(
    browser: Any, welsh_url: str, javascript: bool
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(welsh_url + "/check")
    page.locator('input[name="profile.for_whom"][value="me"]').check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_selector("text=About you")
    page.locator('input[name="profile.age_band"][value="18_plus"]').check()
    page.get_by_role("button", name="Cymraeg").click()
    page.wait_for_selector('html[lang="cy"]', state="attached")
    assert h1(page) == "Amdanoch chi"
    assert page.locator('input[name="profile.age_band"][value="18_plus"]').is_checked()
    assert "?" not in page.url and "cy" not in page.url  # nothing of the choice in the address
    assert not javascript or axe_violations(page) == []
    page.get_by_role("button", name="English").click()
    page.wait_for_selector('html[lang="en-GB"]', state="attached")
    assert h1(page) == "About you"
    assert page.locator('input[name="profile.age_band"][value="18_plus"]').is_checked()
    page.get_by_role("button", name="Cymraeg").click()
    page.wait_for_selector('html[lang="cy"]', state="attached")
    page.locator("#quick-exit").click()
    page.wait_for_url("**/weather")
    context.close()


def test_welsh_pages_pass_axe_at_320px(browser: Any, welsh_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in ("/?lang=cy", "/help?lang=cy", "/cover-your-tracks?lang=cy", "/check?lang=cy"):
        page.goto(welsh_url + path)
        assert lang(page) == "cy"
        assert axe_violations(page) == [], path
    page.locator('input[name="profile.for_whom"][value="me"]').check()
    page.get_by_role("button", name="Parhau").click()
    page.wait_for_selector("text=Amdanoch chi")
    assert axe_violations(page) == []
    context.close()


def _next(page: Any, button: str) -> None:
    before = h1(page)
    page.get_by_role("button", name=button).click()
    page.wait_for_function(
        "(old) => document.querySelector('h1').innerText.trim() !== old", arg=before
    )


def test_what_the_scripts_say_on_a_welsh_page_is_welsh(browser: Any, welsh_url: str) -> None:
    """The tick count and the Shift countdown are written by a script: their words come from
    the page, so they are in the page's language too."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(welsh_url + "/?lang=cy")
    _next(page, "Mae rhywbeth yn digwydd i mi nawr")
    page.locator("fieldset").first.locator("input[type=radio]").first.check()  # threatened
    _next(page, "Parhau")
    _next(page, "Parhau")
    count = page.locator("#tick-count")
    assert re.fullmatch(r"0 o \d+ wedi’u gwneud", count.inner_text()), count.inner_text()
    page.keyboard.press("Shift")
    status = page.locator("#exit-status")
    assert status.inner_text() == "Pwyswch Shift ddwywaith eto i adael y wefan hon"
    context.close()


def _pseudo_pages() -> dict[str, str]:
    """Every page type rendered in the pseudo-language, in this process."""
    pseudo, english = pseudo_translations(), NullTranslations()
    real = i18n.translations
    clear_language_caches()  # content an earlier test built in real Welsh
    i18n.translations = lambda language: pseudo if language == "cy" else english  # type: ignore[assignment]
    try:

        async def render() -> dict[str, str]:
            with tempfile.TemporaryDirectory() as folder:
                settings = Settings(database=Path(folder) / "t.db", languages=("en", "cy"))
                async with AsyncTestClient(app=create_app(settings)) as client:
                    return await every_page(client)

        # Playwright's own loop runs in this thread: render in another.
        with ThreadPoolExecutor(1) as thread:
            return thread.submit(asyncio.run, render()).result()
    finally:
        i18n.translations = real  # type: ignore[assignment]
        clear_language_caches()


def test_no_page_scrolls_sideways_with_longer_words(browser: Any, welsh_url: str) -> None:
    pages = _pseudo_pages()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    wide = {}
    shown: dict[str, str] = {}
    # Each page is answered at an address on the live server, which serves its style sheet.
    page.route(
        "**/pseudo-page", lambda route: route.fulfill(body=shown["html"], content_type="text/html")
    )
    for name, html in pages.items():
        shown["html"] = html.replace('http-equiv="refresh"', 'data-refresh="off"')
        page.goto(welsh_url + "/pseudo-page")
        style = "getComputedStyle(document.querySelector('.site-footer ul') || document.body)"
        assert name == "exit" or page.evaluate(style + ".listStyleType") == "none", name
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[name] = width
    assert len(pages) >= 20 and wide == {}
    context.close()
