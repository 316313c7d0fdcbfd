"""The web form in real headless Chromium: accessibility (axe-core), no-JavaScript and keyboard
use, quick exit, privacy (no third-party requests, no cookies), small screens, weight and XSS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from playwright.sync_api import Error as PlaywrightError

pytestmark = pytest.mark.browser

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE_BUDGET = 60 * 1024
XSS = '"><script>window.__xss=1</script><img src=x onerror="window.__xss=1">{{7*7}}'


def axe_violations(page: Any) -> list[dict[str, Any]]:
    # Evaluated through the DevTools protocol, so the page's CSP (rightly) doesn't block it.
    page.evaluate(AXE_SOURCE + "\n;undefined")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def about_you(page: Any, age: str = "13_15", threat: str = "no", **extra: str) -> None:
    page.check(f"#q-profile-age_band-{age}")
    page.check("#q-profile-devices-iphone_ipad")
    page.check("#q-profile-devices-windows")
    page.check("#q-profile-apps-snapchat")
    page.check("#q-profile-apps-instagram")
    page.check(f"#q-situation-threat_to_share-{threat}")
    for field, option in extra.items():
        page.check(f"#q-{field}-{option}")
    page.click("button:has-text('Continue')")


def some_questions(page: Any) -> None:
    page.check("#q-webcam-cover_when_unused-never")
    page.check("#q-nearby_sharing-airdrop_setting-not_sure")
    page.check("#q-privacy_settings-snapchat_location-all_friends")
    page.check("#q-getting_help-trusted_adult-yes")
    page.click("button:has-text('See my plan')")


def reach(page: Any, base_url: str, name: str) -> None:
    """Open one of the pages under test, with its stylesheet and script loaded."""
    _navigate(page, base_url, name)
    # A click returns once the next page starts loading; measure only the finished page.
    page.wait_for_load_state("load")


def _navigate(page: Any, base_url: str, name: str) -> None:
    simple = {
        "start": "/",
        "help": "/help",
        "tracks": "/cover-your-tracks",
        "missing": "/no-such-page",
    }
    if name in simple:
        page.goto(base_url + simple[name])
        return
    page.goto(base_url + "/check")
    if name == "about":
        return
    if name == "about-errors":
        page.click("button:has-text('Continue')")
        return
    if name == "urgent":
        about_you(page, threat="yes")
        return
    about_you(page)
    if name == "questions":
        return
    if name == "plan-large":
        # The last option of every question ("I'm not sure", mostly): one of the biggest plans.
        for group in page.locator("fieldset").all():
            group.locator("input").last.check()
        page.click("button:has-text('See my plan')")
        return
    some_questions(page)


PAGES = [
    "start",
    "about",
    "about-errors",
    "questions",
    "plan",
    "plan-large",
    "urgent",
    "help",
    "tracks",
    "missing",
]


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(page: Any, base_url: str, name: str) -> None:
    reach(page, base_url, name)
    violations = axe_violations(page)
    print(f"axe {name}: {len(violations)} violations")
    assert violations == [], json.dumps(violations, indent=1)


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scroll_at_320px(browser: Any, base_url: str, name: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    reach(page, base_url, name)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 320


NAVIGATION_SIZE = "performance.getEntriesByType('navigation')[0].transferSize"


def static_weight(page: Any, base_url: str) -> int:
    """Bytes of the stylesheet and script as sent (compressed, with headers), fetched fresh."""
    page.goto(base_url + "/cover-your-tracks")
    sizes = page.evaluate(
        "performance.getEntriesByType('resource').map((entry) => [entry.name, entry.transferSize])"
    )
    assert {name.rsplit("/", 1)[1] for name, _ in sizes} == {"style.css", "exit.js"}
    return sum(size for _, size in sizes)


@pytest.mark.parametrize("name", PAGES)
def test_page_weight_is_under_budget(page: Any, base_url: str, name: str) -> None:
    assets = static_weight(page, base_url)
    reach(page, base_url, name)
    document = page.evaluate(NAVIGATION_SIZE)
    total = document + assets  # every page loads the same two assets, and nothing else
    print(f"weight {name}: {total} bytes (page {document}, style and script {assets})")
    assert document > 0
    assert total < PAGE_BUDGET


def test_whole_flow_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/")
    page.click("text=Start the check")
    about_you(page)
    assert page.locator("h1").inner_text() == "Your questions"
    some_questions(page)
    assert page.locator("h1").inner_text() == "Your plan"
    assert page.locator("text=Cover your computer's camera").count() >= 1
    assert page.locator("#first-heading").count() == 1
    context.close()


def test_urgent_plan_first_then_the_full_check_without_javascript(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/check")
    about_you(page, threat="yes")
    assert "not your fault" in page.locator(".urgent-message").inner_text()
    assert page.locator("text=Childline").count() >= 1
    assert page.locator("text=StopNCII").count() == 0
    page.click("text=Continue the full check")
    assert page.locator("h1").inner_text() == "Your questions"
    some_questions(page)
    assert page.locator(".urgent").count() == 1
    assert page.locator("#first-heading").count() == 1
    context.close()


def test_validation_errors_link_to_fields_and_keep_answers(page: Any, base_url: str) -> None:
    page.goto(base_url + "/check")
    page.check("#q-profile-devices-android")
    page.click("button:has-text('Continue')")
    summary = page.locator(".error-summary a")
    assert summary.count() == 1
    assert summary.get_attribute("href") == "#q-profile-age_band"
    assert page.is_checked("#q-profile-devices-android")


def test_changed_devices_drop_answers_that_no_longer_apply(page: Any, base_url: str) -> None:
    page.goto(base_url + "/check")
    about_you(page)
    page.check("#q-nearby_sharing-airdrop_setting-everyone")
    page.click("button:has-text('Change my answers about me')")
    page.uncheck("#q-profile-devices-iphone_ipad")
    page.check("#q-profile-devices-android")
    page.click("button:has-text('Continue')")
    assert page.locator("#q-nearby_sharing-airdrop_setting").count() == 0
    page.click("button:has-text('See my plan')")
    assert page.locator("h1").inner_text() == "Your plan"


def test_the_whole_flow_by_keyboard_alone(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Start the check":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/check")
    while page.evaluate("document.activeElement.name") != "profile.age_band":
        page.keyboard.press("Tab")
    page.keyboard.press("Space")  # choose the first age band
    page.keyboard.press("ArrowDown")  # then the second: 13 to 15
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_selector("h1:has-text('Your questions')")
    while page.evaluate("document.activeElement.type") != "radio":
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Your plan')")
    assert page.locator("#support-heading").count() == 1


def test_skip_link_and_visible_focus(page: Any, base_url: str) -> None:
    page.goto(base_url + "/check")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    left = page.evaluate("document.activeElement.getBoundingClientRect().left")
    assert left >= 0
    assert outline in ("solid", "none")  # the skip link shows itself by moving into view
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.boxShadow, s.backgroundColor]; })()"
    )
    assert focused[0] == "solid" or focused[1] != "none", focused
    assert focused[2] == "rgb(255, 191, 71)", focused  # links turn yellow when focused


def test_quick_exit_click_leaves_and_back_does_not_show_answers(
    page: Any, base_url: str, exit_url: str, neutral_site: Any
) -> None:
    reach(page, base_url, "plan")
    assert page.locator("h1").inner_text() == "Your plan"
    neutral_site.requests.clear()
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    visits = [r for r in neutral_site.requests if r[":path"] == "/weather"]
    assert visits and all("referer" not in visit for visit in visits)
    try:
        page.go_back()
    except PlaywrightError as error:
        # Chromium won't show a no-store POST result again without sending it again.
        refused = str(error)
    else:
        refused = "ERR_CACHE_MISS"
    assert "ERR_CACHE_MISS" in refused
    page.wait_for_timeout(300)
    assert "Your plan" not in page.content()
    assert "Cover your computer" not in page.content()


def test_quick_exit_blanks_the_page_within_100ms(page: Any, base_url: str, exit_url: str) -> None:
    reach(page, base_url, "questions")
    # The measurement is kept in this tab's sessionStorage for the site, which outlives the page
    # and is read back after leaving (a callback into the test raced with the navigation).
    page.evaluate(
        """() => {
        document.addEventListener('click', () => { window.clickedAt = performance.now(); }, true);
        new MutationObserver(() => {
          const main = document.querySelector('main');
          if (!sessionStorage.getItem('hiddenAfter')
              && getComputedStyle(main).display === 'none') {
            sessionStorage.setItem('hiddenAfter', String(performance.now() - window.clickedAt));
          }
        }).observe(document.body, {attributes: true});
        }"""
    )
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    page.goto(base_url + "/cover-your-tracks")
    hidden_after = page.evaluate("sessionStorage.getItem('hiddenAfter')")
    assert hidden_after is not None, "the page was not hidden before leaving"
    assert float(hidden_after) < 100


def test_shift_three_times_leaves(page: Any, base_url: str, exit_url: str) -> None:
    reach(page, base_url, "questions")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(exit_url)


def test_typing_capitals_does_not_leave(page: Any, base_url: str) -> None:
    page.goto(base_url + "/check")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.startswith(base_url)


def test_quick_exit_works_without_javascript(browser: Any, base_url: str, exit_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    reach(page, base_url, "questions")
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    context.close()


def test_no_request_leaves_the_site_and_no_cookie_is_set(context: Any, base_url: str) -> None:
    page = context.new_page()
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(base_url) else elsewhere.append(request.url),
    )
    for name in ("start", "help", "tracks", "plan", "urgent"):
        reach(page, base_url, name)
    assert elsewhere == []
    assert context.cookies() == []
    storage = page.evaluate("[localStorage.length, sessionStorage.length]")
    assert storage == [0, 0]


def test_pages_have_neutral_titles_and_no_store(page: Any, base_url: str) -> None:
    for name in ("start", "about", "plan", "urgent"):
        reach(page, base_url, name)
        assert page.title() == "Safety Check"
    response = page.goto(base_url + "/check")
    assert response.headers["cache-control"] == "no-store"


def test_print_stylesheet_hides_controls(page: Any, base_url: str) -> None:
    reach(page, base_url, "plan")
    page.emulate_media(media="print")
    assert not page.is_visible("#quick-exit")
    assert not page.is_visible(".site-footer")
    assert page.is_visible("#first-heading")


def test_xss_payloads_come_back_escaped(browser: Any, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("/", "/check", "/help", "/cover-your-tracks", "/nowhere"):
        page.goto(f"{base_url}{path}?q={XSS}&age_band={XSS}")
        assert page.evaluate("window.__xss") is None
    page.goto(base_url + "/check")
    fields = {
        "_step": "questions",
        "profile.age_band": XSS,
        "profile.devices": XSS,
        "_shown": XSS,
        "webcam.cover_when_unused": XSS,
        XSS: XSS,
    }
    response = page.request.post(base_url + "/check", form=fields)
    html = response.text()
    assert "<script>window.__xss" not in html
    assert "{{7*7}}" in html  # shown as typed, never evaluated as a template
    page.set_content(html)
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    context.close()


def test_cross_site_posts_are_refused(page: Any, base_url: str) -> None:
    response = page.request.post(
        base_url + "/check",
        form={"_step": "about", "profile.age_band": "13_15"},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert response.status == 403
