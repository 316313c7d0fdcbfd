"""Class-check join pages in Chromium at 320x640, JavaScript on and off (issue 18, point 2):
the exit from a join page retires the journey, so Back and Reload after it, or the page's form
sent again, show only "This page has expired"."""

from __future__ import annotations

import contextlib
from typing import Any

import httpx
import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.web.journey import PHONE
from tests.web.test_browser import press
from tests.web.test_journey_browser import EXPIRED, SAME_SITE, resend_last_form

pytestmark = pytest.mark.browser
CLASS_NAME = "Year 8 Rowan"


@pytest.fixture(scope="module")
def join_code(base_url: str) -> str:
    with httpx.Client(base_url=base_url, timeout=10) as client:
        made = client.post("/api/v1/cohorts", json={"name": CLASS_NAME, "age_band": "13_15"})
        assert made.status_code == 201, made.text
        return str(made.json()["join_code"])


def to_the_second_page(page: Any, base_url: str, join_code: str) -> None:
    page.goto(f"{base_url}/join/{join_code}")
    page.check("#q-situation-threat_to_share-no")
    press(page, "main button:has-text('Continue')")
    assert page.locator("h1").inner_text() == "Your devices and apps"


def test_without_javascript_back_and_reload_after_the_exit_show_only_expired(
    browser: Any, base_url: str, exit_url: str, join_code: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    to_the_second_page(page, base_url, join_code)
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    with contextlib.suppress(PlaywrightError):  # ERR_CACHE_MISS, as the browser should
        page.go_back()
    content = resend_last_form(page)
    assert EXPIRED in content, content[:300]
    assert CLASS_NAME not in content and "13_15" not in content
    context.close()


def test_with_javascript_the_exit_from_a_join_page_retires_the_journey(
    browser: Any, base_url: str, exit_url: str, join_code: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=True)
    page = context.new_page()
    to_the_second_page(page, base_url, join_code)
    token = page.input_value(".exit-form input[name=_journey]")
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    # The beacon outlives the page but may land just after it: up to 50 tries, 100 ms apart.
    for _ in range(50):
        sent = context.request.post(
            f"{base_url}/join/{join_code}",
            form={"_at": "devices", "_step": "next", "_journey": token},
            headers={**SAME_SITE, "Origin": base_url},
        )
        if EXPIRED in sent.text():
            break
        page.wait_for_timeout(100)
    assert EXPIRED in sent.text() and CLASS_NAME not in sent.text()
    context.close()
