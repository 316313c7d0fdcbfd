"""The API reference page in headless Chromium: on a 320 px phone it loads without a single CSP
violation, axe-core finds nothing, and nothing on it scrolls the page sideways, in English and in
Welsh (longer words, and a language link in the header)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import WCAG_TAGS, axe_violations, free_port, serve

pytestmark = pytest.mark.browser

# WCAG as the other browser tests check, plus axe's best practices: one h1, heading order,
# landmarks.
AXE_TAGS = (*WCAG_TAGS, "best-practice")
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
SCREENSHOT = Path("/tmp/reference-320.png")
# Runs before the page's own code (through DevTools, so the CSP doesn't apply to it) and keeps
# every violation the browser reports, whether or not it also reaches the console.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""
WIDEST = """() => [...document.querySelectorAll('main *')]
    .filter((element) => !element.closest('.table-scroll'))
    .map((element) => [element.getBoundingClientRect().right, element.tagName + '.' + element.className])
    .sort((a, b) => b[0] - a[0])[0]"""


@pytest.fixture(scope="module")
def welsh_url(tmp_path_factory: pytest.TempPathFactory, exit_url: str) -> Iterator[str]:
    env = {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(tmp_path_factory.mktemp("welsh-reference") / "web.db"),
        "SAFETY_CHECK_EXIT_URL": exit_url,
        "SAFETY_CHECK_RATE_LIMIT": "100000",
        "SAFETY_CHECK_LOG_LEVEL": "WARNING",
        "SAFETY_CHECK_LANGUAGES": "en,cy",
    }
    yield from serve(free_port(), env)


def open_reference(
    browser: Any, base_url: str, viewport: Any, query: str = ""
) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(base_url + "/api/v1/reference" + query)
    assert response is not None and response.status == 200
    page.wait_for_load_state("load")
    return context, page, console


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["320", "1280"])
def test_loads_without_csp_violations_passes_axe_and_fits(
    browser: Any, base_url: str, viewport: Any
) -> None:
    context, page, console = open_reference(browser, base_url, viewport)
    try:
        violations = page.evaluate("window.__cspViolations")
        # Both stylesheets applied: the table containers scroll by themselves (reference.css),
        # and the skip link is off screen until focused (style.css).
        scrolls = page.evaluate(
            "getComputedStyle(document.querySelector('.table-scroll')).overflowX"
        )
        skip_left = page.evaluate(
            "document.querySelector('.skip-link').getBoundingClientRect().left"
        )
        width = page.evaluate("document.documentElement.scrollWidth")
        widest = page.evaluate(WIDEST)
        if viewport is PHONE:
            # Written here, not by Playwright: its own file writing leaves an executor thread.
            SCREENSHOT.write_bytes(page.screenshot(full_page=True))
        found = axe_violations(page, AXE_TAGS)
    finally:
        context.close()
    assert violations == []
    assert not [line for line in console if "Content Security Policy" in line], console
    assert not [line for line in console if line.startswith("error")], console
    assert scrolls == "auto"
    assert skip_left < 0
    assert found == [], json.dumps(found, indent=1)
    assert width <= viewport["width"], widest


def test_the_skip_link_and_a_contents_link_move_focus_and_scroll(
    browser: Any, base_url: str
) -> None:
    context, page, _ = open_reference(browser, base_url, PHONE)
    try:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        page.click("nav.toc a[href='#op-createPlan']")
        heading_top = page.evaluate(
            "document.getElementById('op-createPlan').getBoundingClientRect().top"
        )
    finally:
        context.close()
    assert 0 <= heading_top < PHONE["height"] / 4


def test_the_welsh_page_passes_axe_and_fits_a_phone(browser: Any, welsh_url: str) -> None:
    context, page, console = open_reference(browser, welsh_url, PHONE, "?lang=cy")
    try:
        language = page.evaluate("document.documentElement.lang")
        violations = page.evaluate("window.__cspViolations")
        width = page.evaluate("document.documentElement.scrollWidth")
        widest = page.evaluate(WIDEST)
        found = axe_violations(page, AXE_TAGS)
        page.click(".language-switch a[hreflang='en-GB']")
        page.wait_for_load_state("load")
        back = page.evaluate("document.documentElement.lang")
    finally:
        context.close()
    assert language == "cy" and back == "en-GB"
    assert violations == []
    assert not [line for line in console if line.startswith("error")], console
    assert found == [], json.dumps(found, indent=1)
    assert width <= PHONE["width"], widest
