"""Issue 18, point 5 in Chromium at 320x640, JavaScript on and off: the evidence log is reached
from the "keep evidence" step, passes axe, keeps the exit in view, and nothing typed into it
ever reaches the server (searched for in every request, the server's log and its database)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import axe_as_shown, free_port, keep_picture, serve
from tests.web.journey import PHONE
from tests.web.test_browser import heading, press

pytestmark = pytest.mark.browser
MARKER = "zq7evidencemarker"


class Watched:
    def __init__(self, url: str, log: Path, database: Path) -> None:
        self.url = url
        self.log = log
        self.database = database

    def stored_bytes(self) -> bytes:
        """The database with its journal files, and the server's log, as bytes."""
        parts = [self.log, *self.database.parent.glob(self.database.name + "*")]
        return b"".join(part.read_bytes() for part in parts if part.exists())


@pytest.fixture(scope="module")
def watched(tmp_path_factory: pytest.TempPathFactory, exit_url: str) -> Iterator[Watched]:
    """A server of its own, with its log at DEBUG kept in a file."""
    folder = tmp_path_factory.mktemp("evidence")
    log, database = folder / "server.log", folder / "web.db"
    env = {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(database),
        "SAFETY_CHECK_EXIT_URL": exit_url,
        "SAFETY_CHECK_RATE_LIMIT": "100000",
        "SAFETY_CHECK_LOG_LEVEL": "DEBUG",
    }
    for url in serve(free_port(), env, log=log):
        yield Watched(url, log, database)


def adults_urgent_page(page: Any, base_url: str) -> None:
    """An adult, threatened: who it is for (skipped), about you, the safety questions."""
    page.goto(base_url + "/check")
    press(page, "main button:has-text('Continue')")
    page.check("#q-profile-age_band-18_plus")
    page.check("#q-situation-threat_to_share-yes")
    press(page, "main button:has-text('Continue')")
    press(page, "main button:has-text('Continue')")
    assert page.locator("h1#urgent-heading").count() == 1


def exit_in_view(page: Any) -> bool:
    box = page.locator("#quick-exit").bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def log_boxes(page: Any) -> Any:
    """The boxes on screen (a printed log has more rows, to fill in by hand)."""
    return page.locator(":is(#evidence-log, #told-log) :is(input, textarea):visible")


@pytest.mark.parametrize("javascript", [True, False])
def test_the_evidence_log_fits_a_phone_and_nothing_typed_reaches_the_server(
    browser: Any, watched: Watched, exit_url: str, javascript: bool
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    sent: list[str] = []
    page.on("request", lambda request: sent.append(f"{request.url}\n{request.post_data or ''}"))
    adults_urgent_page(page, watched.url)
    press(page, "main button:has-text('Open an evidence log')")
    assert heading(page) == "Evidence log"
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"]
    assert axe_as_shown(page, javascript) == []
    keep_picture(page, f"evidence-log-js-{javascript}")
    boxes = log_boxes(page)
    assert boxes.count() == 3 * 6 + 3 * 3
    assert exit_in_view(page)
    for index in range(boxes.count()):
        boxes.nth(index).fill(f"{MARKER}{index}")
    assert exit_in_view(page)  # still in view after scrolling down to the last box
    press(page, "main button:has-text('Back to your next steps')")
    assert page.locator("h1#urgent-heading").count() == 1
    press(page, "main button:has-text('Open an evidence log')")
    assert all(box.input_value() == "" for box in log_boxes(page).all())  # nothing kept
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    context.close()
    assert len(sent) >= 5 and any("_step=evidence_log" in request for request in sent)
    assert [request for request in sent if MARKER in request] == []
    assert MARKER.encode() not in watched.stored_bytes()


def test_the_printed_log_is_a_table_with_every_column(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    adults_urgent_page(page, base_url)
    press(page, "main button:has-text('Open an evidence log')")
    on_screen = page.locator("#evidence-log thead").evaluate(
        "e => e.getBoundingClientRect().height"
    )
    assert on_screen <= 1  # a phone shows each entry as a card, each box with its own label
    assert page.locator("#evidence-log .cell-label").first.is_visible()
    page.emulate_media(media="print")
    assert page.locator("#evidence-log thead th").count() == 6
    assert all(th.is_visible() for th in page.locator("#evidence-log thead th").all())
    assert page.locator("#evidence-log tbody tr:visible").count() == 8
    assert not page.locator("#evidence-log .cell-label").first.is_visible()
    assert not page.locator("#quick-exit").is_visible()
    assert not page.locator("main form").first.is_visible()
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_report_words_for_a_picked_app_can_be_copied_or_selected(
    browser: Any, base_url: str, javascript: bool
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    if javascript:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    adults_urgent_page(page, base_url)
    assert axe_as_shown(page, javascript) == []  # the urgent page with its new section
    keep_picture(page, f"urgent-with-report-js-{javascript}")
    # Closed until opened (in the plan's "report it" step), so the page stays short.
    page.locator("#report-platform").locator("xpath=ancestor::details[1]/summary").click()
    page.select_option("#report-platform", "discord")
    press(page, "main button:has-text('Show the words for this app')")
    assert heading(page) == "Report it to Discord"
    assert page.url == base_url + "/check"  # the app picked went in the form, not the address
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_as_shown(page, javascript) == []
    keep_picture(page, f"report-words-js-{javascript}")
    assert exit_in_view(page)
    box = page.locator("textarea[id^=report-discord]")
    words = box.input_value()
    assert words.startswith("This account is threatening")
    copy = page.locator("button[data-copy-text]")
    assert copy.is_visible() is javascript
    if javascript:
        copy.click()
        status = page.locator(f"[id='{box.get_attribute('id')}-status']")
        status.filter(has_text="Copied").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == words
    else:
        box.focus()
        page.keyboard.press("Control+A")  # a read-only box still selects, to copy by hand
        selected = "(e) => e.value.substring(e.selectionStart, e.selectionEnd)"
        assert box.evaluate(selected) == words
    press(page, "main button:has-text('Back to your next steps')")
    assert page.locator("h1#urgent-heading").count() == 1
    context.close()
