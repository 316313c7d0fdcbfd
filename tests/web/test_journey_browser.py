"""Issue 18 in Chromium at 320x640, with JavaScript on and off: the exit holds without
JavaScript (form tokens retired by the exit), crisis first, ticks, saving and coming back."""

from __future__ import annotations

import contextlib
import re
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.web.conftest import axe_as_shown, keep_picture
from tests.web.journey import PHONE, second_option
from tests.web.test_browser import answers_visible, press, reach, settled_content

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
    assert axe_as_shown(page, javascript=False) == []
    keep_picture(page, f"expired-after-exit-from-{where}")
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


@pytest.mark.parametrize("javascript", [True, False])
def test_a_long_number_leaves_its_name_readable_beside_or_under_it(
    browser: Any, base_url: str, javascript: bool
) -> None:
    """At 320 px the Revenge Porn Helpline's number is wide: its name and hours go under it,
    not into a column a word wide beside it."""
    context = phone(browser, javascript)
    page = context.new_page()
    page.goto(base_url + "/")
    press(page, "main button:has-text('Something is happening to me now')")
    page.check("#q-situation-threat_to_share-yes")
    page.check("#q-profile-age_band-18_plus")
    press(page, "main button:has-text('Continue')")
    press(page, "main button:has-text('Continue')")
    names = page.locator(".call-now span")
    assert "Revenge Porn Helpline" in names.all_inner_texts()[1]
    lines = "e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)"
    assert max(round(name.evaluate(lines)) for name in names.all()) <= 3
    context.close()


def on_screen_one(page: Any, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("javascript", [True, False])
def test_the_start_page_has_both_ways_in_and_numbers_on_screen_one(
    browser: Any, base_url: str, javascript: bool
) -> None:
    context = phone(browser, javascript)
    page = context.new_page()
    page.goto(base_url + "/")
    for selector in (
        "main a:has-text('Start the check')",
        "main button:has-text('Something is happening to me now')",
        "main a[href='tel:999']",
        "main a[href='tel:08001111']",
    ):
        assert on_screen_one(page, selector), selector
    page.click("main button:has-text('Something is happening to me now')")
    page.wait_for_selector("#q-situation-threat_to_share-yes")
    assert on_screen_one(page, "main a[href='tel:999']")
    assert on_screen_one(page, "main a[href='tel:08001111']")
    page.check("#q-situation-threat_to_share-yes")
    page.check("#q-profile-age_band-13_15")
    page.click("main button:has-text('Continue')")
    page.wait_for_selector("#q-sextortion-paid_money-yes")
    page.check("#q-sextortion-paid_money-yes")
    page.click("main button:has-text('Continue')")
    page.wait_for_selector("h1#urgent-heading")
    urgent = page.locator("main").inner_text()
    assert "that you paid" in urgent
    assert page.url == base_url + ("/" if javascript else "/check")  # no telling address
    context.close()


# ---------------------------------------------------------------------------------------------
# Ticks (issue 18, point 4)

TICKS_KEY = "display-prefs"


def skipped_plan(page: Any, base_url: str) -> None:
    """A plan with steps for someone whose phone is their own: every area answered with its
    second option ("No", "Sometimes", ...)."""
    reach(page, base_url, "area")
    for _ in range(20):
        if page.locator("h1").inner_text() == "Check your answers":
            break
        for group in page.locator("main fieldset").all():
            second_option(group).check()
        press(page, "main button:has-text('Continue')")
    press(page, "main button:has-text('See my plan')")


def test_ticks_stay_on_the_device_survive_a_reload_and_go_with_the_exit(
    browser: Any, base_url: str, exit_url: str
) -> None:
    context = phone(browser, javascript=True)
    page = context.new_page()
    skipped_plan(page, base_url)
    boxes = page.locator("input[data-tick]")
    total = boxes.count()
    assert total >= 3
    assert page.locator("#tick-count").inner_text() == f"0 of {total} done"
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url))
    boxes.nth(0).check()
    boxes.nth(2).check()
    assert page.locator("#tick-count").inner_text() == f"2 of {total} done"
    assert sent == []  # a tick never reaches the server
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{TICKS_KEY}'))")
    assert len(stored) == 2 and all(re.fullmatch(r"[0-9a-f]{10}", tick) for tick in stored)
    page.reload()  # the plan is gone (the address gives a blank form), the ticks are not
    skipped_plan(page, base_url)
    assert page.locator("#tick-count").inner_text() == f"2 of {total} done"
    assert page.locator("input[data-tick]").nth(2).is_checked()
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    page.goto(base_url + "/help")
    assert page.evaluate(f"localStorage.getItem('{TICKS_KEY}')") is None
    context.close()


def test_start_again_clears_the_ticks(browser: Any, base_url: str) -> None:
    context = phone(browser, javascript=True)
    page = context.new_page()
    skipped_plan(page, base_url)
    page.locator("input[data-tick]").first.check()
    assert page.evaluate(f"localStorage.getItem('{TICKS_KEY}')") is not None
    page.click("main a[data-start-again]")
    page.wait_for_url(base_url + "/")
    assert page.evaluate(f"localStorage.getItem('{TICKS_KEY}')") is None
    context.close()


def test_no_ticks_are_offered_when_the_phone_is_watched(browser: Any, base_url: str) -> None:
    context = phone(browser, javascript=True)
    page = context.new_page()
    reach(page, base_url, "safety")
    page.check("#q-getting_help-someone_checks_phone-yes")
    press(page, "main button:has-text('Continue')")
    assert page.locator("h1#urgent-heading").count() == 1
    assert page.locator("input[data-tick], .ticks").count() == 0
    context.close()


def test_without_javascript_the_printed_plan_is_a_checklist(browser: Any, base_url: str) -> None:
    context = phone(browser, javascript=False)
    page = context.new_page()
    skipped_plan(page, base_url)
    actions = page.locator(".action").count()
    assert not page.locator(".ticks").is_visible()
    assert not page.locator("input[data-tick]").first.is_visible()
    page.emulate_media(media="print")
    boxes = page.locator(".action .print-box")
    assert boxes.count() == actions
    assert all(box.is_visible() for box in boxes.all())
    context.close()


# ---------------------------------------------------------------------------------------------
# Save and come back (issue 18, point 3)


@pytest.mark.parametrize("javascript", [True, False])
def test_save_then_come_back_by_file_and_by_code(
    browser: Any, base_url: str, javascript: bool, tmp_path: Any
) -> None:
    context = browser.new_context(
        viewport=PHONE, java_script_enabled=javascript, accept_downloads=True
    )
    page = context.new_page()
    skipped_plan(page, base_url)
    press(page, "main button:has-text('Save your answers')")
    assert page.locator("h1").inner_text() == "Save your answers"
    assert axe_as_shown(page, javascript) == []
    keep_picture(page, f"save-js-{javascript}")
    code = page.input_value("#saved-code")
    assert code.startswith("SC1-")
    with page.expect_download() as download_info:
        page.click("main button:has-text('Download it as a file')")
    saved = tmp_path / "saved.txt"
    download_info.value.save_as(saved)
    assert "SC1-" in saved.read_text()  # sealed again, with a fresh nonce
    assert page.locator("h1").inner_text() == "Save your answers"  # the page stays
    press(page, "main button:has-text('Back to your plan')")
    assert page.locator("h1").inner_text() == "Your plan"

    page.goto(base_url + "/")
    page.click("text=Come back with saved answers")
    page.wait_for_selector("h1:has-text('Come back with saved answers')")
    assert axe_as_shown(page, javascript) == []
    keep_picture(page, f"restore-js-{javascript}")
    page.set_input_files("#saved-file", str(saved))
    press(page, "main button:has-text('Bring my answers back')")
    assert page.locator("h1").inner_text() == "Your plan"
    assert "Your saved answers are back." in page.locator("main").inner_text()
    assert axe_as_shown(page, javascript) == []
    keep_picture(page, f"restored-plan-js-{javascript}")
    assert code not in page.url and "SC1-" not in page.url

    page.goto(base_url + "/restore")
    page.fill("#saved-code", code)
    press(page, "main button:has-text('Bring my answers back')")
    assert "Your saved answers are back." in page.locator("main").inner_text()
    context.close()
