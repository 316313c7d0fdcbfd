"""Issue 18 in Chromium at 320x640, with JavaScript on and off: the exit holds without
JavaScript (form tokens retired by the exit), crisis first, ticks, saving and coming back."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.web.journey import PHONE
from tests.web.test_browser import answers_visible, reach, settled_content

pytestmark = pytest.mark.browser
EXPIRED = "This page has expired"
SAME_SITE = {"Sec-Fetch-Site": "same-origin"}


def phone(browser: Any, javascript: bool) -> Any:
    return browser.new_context(viewport=PHONE, java_script_enabled=javascript)


def resend_last_form(page: Any) -> str:
    """What Reload shows on Chromium's own page for a form answer it won't show unsent: Reload
    sends the form again, as the person's Reload would."""
    settled_content(page)
    with contextlib.suppress(PlaywrightError):
        page.reload()
    return settled_content(page)


@pytest.mark.parametrize("where", ["urgent", "plan"])
def test_without_javascript_back_and_reload_after_the_exit_show_only_expired(
    browser: Any, base_url: str, exit_url: str, where: str
) -> None:
    context = phone(browser, javascript=False)
    page = context.new_page()
    reach(page, base_url, where)
    assert answers_visible(page)
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    with contextlib.suppress(PlaywrightError):  # ERR_CACHE_MISS, as the browser should
        page.go_back()
    content = resend_last_form(page)
    assert EXPIRED in content, content[:300]
    assert answers_visible(page) == []
    assert "13_15" not in content and "Snapchat" not in content
    context.close()


def test_without_javascript_reloading_a_page_after_moving_on_shows_only_expired(
    browser: Any, base_url: str
) -> None:
    """Each page's token is spent when it is sent: sending it again later (Reload, or Back then
    resend) never shows the answers, even without the exit."""
    context = phone(browser, javascript=False)
    page = context.new_page()
    reach(page, base_url, "urgent")
    token = page.get_attribute("input[name=_journey] >> nth=0", "value")
    reach(page, base_url, "about")  # a new journey; the old page's forms are still in hand
    spent = page.request.post(
        base_url + "/check",
        form={"_at": "urgent", "_step": "continue", "_journey": str(token)},
        headers={**SAME_SITE, "Origin": base_url},
    )
    assert spent.ok and "Before your next steps" not in spent.text()
    context.close()


def test_with_javascript_the_exit_retires_the_journey_too(
    browser: Any, base_url: str, exit_url: str
) -> None:
    context = phone(browser, javascript=True)
    page = context.new_page()
    reach(page, base_url, "urgent")
    token = str(page.get_attribute("#quick-exit", "form") and page.input_value(".exit-form input"))
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    # The beacon outlives the page but may land just after it: up to 50 tries, 100 ms apart.
    for _ in range(50):
        sent = context.request.post(
            base_url + "/check",
            form={"_at": "urgent", "_step": "continue", "_journey": token},
            headers={**SAME_SITE, "Origin": base_url},
        )
        if EXPIRED in sent.text():
            break
        page.wait_for_timeout(100)
    assert EXPIRED in sent.text()
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_shift_shortcut_is_mentioned_only_where_it_works(
    browser: Any, base_url: str, javascript: bool
) -> None:
    context = phone(browser, javascript)
    page = context.new_page()
    reach(page, base_url, "about")
    footer = page.inner_text(".site-footer")
    assert ("Shift three times" in footer) is javascript
    exit_name = page.locator("#quick-exit").evaluate("e => e.innerText + e.textContent")
    assert "Exit this page" in exit_name
    assert page.locator("#quick-exit .js-only").evaluate("e => getComputedStyle(e).display") == (
        "inline-block" if javascript else "none"
    )
    context.close()


def test_a_double_tap_with_javascript_does_not_expire_the_journey(
    browser: Any, base_url: str
) -> None:
    context = phone(browser, javascript=True)
    page = context.new_page()
    reach(page, base_url, "about")
    page.check("#q-situation-threat_to_share-yes")
    page.evaluate(
        "() => { const b = document.querySelector('main button[value=about]');"
        " b.click(); b.click(); }"
    )
    page.wait_for_function("() => document.querySelector('h1').innerText !== 'About you'")
    page.wait_for_timeout(300)
    assert page.locator("h1").inner_text() == "Before your next steps"
    page.go_back()
    page.wait_for_function("() => document.querySelector('h1').innerText === 'About you'")
    page.click("main button[value=about]")  # a step reached with Back can still be sent
    page.wait_for_function("() => document.querySelector('h1').innerText !== 'About you'")
    assert page.locator("h1").inner_text() == "Before your next steps"
    context.close()
