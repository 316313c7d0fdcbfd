"""The web form in real headless Chromium: accessibility (axe-core), no-JavaScript and keyboard
use, quick exit, privacy (no third-party requests, no cookies), small screens, weight and XSS."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from safety_check.questionnaire import QUESTIONS_BY_ID
from safety_check.resources import RESOURCES
from tests.web.conftest import axe_violations, axe_violations_without_javascript
from tests.web.journey import (
    PHONE,
    first_number,
    measured,
    screens,
    teen_journey,
)

pytestmark = pytest.mark.browser

PAGE_BUDGET = 60 * 1024
XSS = '"><script>window.__xss=1</script><img src=x onerror="window.__xss=1">{{7*7}}'
DESKTOP = {"width": 1280, "height": 800}


def press(page: Any, selector: str) -> None:
    """Press a button or link and wait for the next page, whether it comes by a full page load
    (no JavaScript) or is put in place by the script."""
    page.evaluate("document.body.setAttribute('data-old', '')")
    page.click(selector)
    page.wait_for_selector("body:not([data-old])")
    page.wait_for_load_state("load")


def heading(page: Any) -> str:
    return str(page.locator("h1").inner_text())


def about_you(page: Any, age: str | None = "13_15", threat: str = "no", **extra: str) -> None:
    """From the first page (who the check is for, skipped) to the first area, or to the safety
    questions when something is happening."""
    if heading(page) == "Before you start":
        press(page, "main button:has-text('Continue')")
    if age:
        page.check(f"#q-profile-age_band-{age}")
    page.check(f"#q-situation-threat_to_share-{threat}")
    for field, option in extra.items():
        page.check(f"#q-{field}-{option}")
    press(page, "main button:has-text('Continue')")
    if heading(page) == "Your devices and apps":
        devices_and_apps(page)


def devices_and_apps(page: Any) -> None:
    page.check("#q-profile-devices-iphone_ipad")
    page.check("#q-profile-devices-windows")
    page.check("#q-profile-apps-snapchat")
    page.check("#q-profile-apps-instagram")
    press(page, "main button:has-text('Continue')")


def through_areas(page: Any, answer: bool = True) -> None:
    """Every area page, ticking the last option of each question, up to "Check your answers"."""
    for _ in range(20):
        if heading(page) == "Check your answers":
            return
        assert page.locator(".error-summary").count() == 0, page.locator("main").inner_text()
        if answer:
            for group in page.locator("main fieldset").all():
                group.locator("input:not([type=hidden])").last.check()
        press(page, "main button:has-text('Continue')")
    raise AssertionError("never reached Check your answers")


def to_plan(page: Any) -> None:
    through_areas(page)
    press(page, "main button:has-text('See my plan')")


def some_questions(page: Any) -> None:
    """From the first area page to the plan, answering every question on the way."""
    to_plan(page)


NAVIGATION_SIZE = "performance.getEntriesByType('navigation')[0].transferSize"


def static_weight(page: Any, base_url: str) -> int:
    """Bytes of the stylesheet and script as sent (compressed, with headers), fetched fresh."""
    page.goto(base_url + "/cover-your-tracks")
    sizes = page.evaluate(
        "performance.getEntriesByType('resource').map((entry) => [entry.name, entry.transferSize])"
    )
    assert {name.rsplit("/", 1)[1].split(".")[0] for name, _ in sizes} == {"style", "site"}
    return sum(size for _, size in sizes)


def reach(page: Any, base_url: str, name: str) -> None:
    """Open one of the pages under test, with its stylesheet and script loaded."""
    simple = {"start": "/", "help": "/help", "tracks": "/cover-your-tracks"}
    if name in simple:
        page.goto(base_url + simple[name])
    elif name == "missing":
        page.goto(base_url + "/no-such-page")
    else:
        page.goto(base_url + "/check")
        _walk(page, name)
    page.wait_for_load_state("load")


def _walk(page: Any, name: str) -> None:
    if name == "who":
        return
    if name == "now":
        page.goto(page.url.rsplit("/", 1)[0] + "/")
        press(page, "main button:has-text('Something is happening to me now')")
        return
    press(page, "main button:has-text('Continue')")  # who it is for: skipped
    if name == "about":
        return
    if name == "devices":
        press(page, "main button:has-text('Continue')")
        return
    if name == "about-errors":
        # A value no question has (as a tampered form would send) is the one error left.
        page.evaluate("document.querySelector('#q-profile-age_band-13_15').value = 'bogus'")
        page.check("#q-profile-age_band-13_15")
        press(page, "main button:has-text('Continue')")
        return
    if name in ("safety", "urgent"):
        about_you(page, threat="yes")
        if name == "urgent":
            press(page, "main button:has-text('Continue')")
        return
    if name == "area-large":
        page.check("#q-profile-age_band-18_plus")
        press(page, "main button:has-text('Continue')")
        for box in page.locator("input[name='profile.apps']").all():
            box.check()
        press(page, "main button:has-text('Continue')")
        return
    about_you(page)
    if name == "area":
        return
    through_areas(page, answer=name != "review-skipped")
    if name.startswith("review"):
        return
    press(page, "main button:has-text('See my plan')")


PAGES = [
    "start",
    "who",
    "now",
    "about",
    "devices",
    "about-errors",
    "safety",
    "urgent",
    "area",
    "area-large",
    "review",
    "plan",
    "help",
    "tracks",
    "missing",
]


PAGE_WEIGHT = """(() => {
    // This page as sent (the last form answer fetched in place, or the page load) and the
    // stylesheet and script.
    const resources = performance.getEntriesByType('resource');
    const fetched = resources.filter((e) => e.initiatorType === 'fetch');
    const page = fetched.length ? fetched[fetched.length - 1]
        : performance.getEntriesByType('navigation')[0];
    const statics = resources.filter((e) => e.name.includes('/static/'));
    return page.transferSize + statics.reduce((sum, e) => sum + e.transferSize, 0);
})()"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["320", "1280"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations_and_pages_fit(
    browser: Any, base_url: str, name: str, viewport: Any
) -> None:
    """axe-core at both widths; at 320 px also no sideways scrolling and the page's weight."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    reach(page, base_url, name)
    violations = axe_violations(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    weight = page.evaluate(PAGE_WEIGHT)
    context.close()
    print(f"axe {name} {viewport['width']}: {len(violations)} violations; {weight} bytes")
    assert violations == [], json.dumps(violations, indent=1)
    assert width <= viewport["width"]
    assert weight < PAGE_BUDGET


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations_without_javascript(browser: Any, base_url: str, name: str) -> None:
    """At 320 px with scripts off: what a person without JavaScript is shown, error summary,
    closed sections and all, passes on its own."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    reach(page, base_url, name)
    violations = axe_violations_without_javascript(page)
    context.close()
    assert violations == [], json.dumps(violations, indent=1)


# ---------------------------------------------------------------------------------------------
# 4. The quick exit


EXIT_ON_SCREEN = """() => {
    const link = document.getElementById('quick-exit');
    const box = link.getBoundingClientRect();
    const inside = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight
        && box.right <= innerWidth && box.height >= 24;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inside && link.contains(hit);
}"""


@pytest.mark.parametrize("viewport", [PHONE, {"width": 390, "height": 844}, DESKTOP])
@pytest.mark.parametrize("name", ["urgent", "area-large", "plan"])
def test_exit_is_on_screen_at_every_scroll_position(
    browser: Any, base_url: str, name: str, viewport: Any
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    reach(page, base_url, name)
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height, viewport["height"] // 2):
        page.evaluate(f"window.scrollTo(0, {y})")
        assert page.evaluate(EXIT_ON_SCREEN), f"exit hidden at {y}px on {name}"
    context.close()


def test_each_shift_press_shows_on_the_exit(page: Any, base_url: str, exit_url: str) -> None:
    reach(page, base_url, "area")
    lit = "document.querySelectorAll('.exit-dots span').length"
    assert page.evaluate(lit) == 3
    dots_height = "document.querySelector('.exit-dots').getBoundingClientRect().height"
    assert page.evaluate(dots_height) == 0
    page.keyboard.press("Shift")
    assert page.get_attribute("#quick-exit", "data-presses") == "1"
    assert page.evaluate(dots_height) > 0
    assert "2 more" in page.inner_text("#exit-status")
    page.keyboard.press("Shift")
    assert page.get_attribute("#quick-exit", "data-presses") == "2"
    assert "1 more" in page.inner_text("#exit-status")
    page.keyboard.press("Shift")
    page.wait_for_url(exit_url)


def answers_visible(page: Any) -> list[str]:
    """Anything of a person's journey on the page: ticked answers or plan text."""
    found = []
    if page.locator("input:checked").count():
        found.append("ticked answer")
    for text in ("Your plan", "urgent-heading", "Do these first", "Check your answers"):
        if text in page.content():
            found.append(text)
    return found


@pytest.mark.parametrize("how", ["click", "shift"])
@pytest.mark.parametrize("where", ["plan", "urgent", "area"])
def test_back_and_reload_after_the_exit_show_nothing(
    context: Any, base_url: str, exit_url: str, how: str, where: str
) -> None:
    page = context.new_page()
    page.goto(base_url + "/")
    press(page, "text=Start the check")
    _walk(page, where)
    if where == "area":
        page.check("main fieldset input:not([type=hidden]) >> nth=0")
    assert answers_visible(page)
    if how == "click":
        page.click("#quick-exit")
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(exit_url)
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url.startswith(base_url)
    assert answers_visible(page) == []
    page.reload()
    assert answers_visible(page) == []
    while page.url.startswith(base_url) and page.evaluate("history.length") > 1:
        try:
            if page.go_back() is None:
                break
        except PlaywrightError:
            break
        assert answers_visible(page) == []
    assert not re.search(r"[?&](profile|situation|_step)", page.url)


def settled_content(page: Any) -> str:
    """The page's HTML once the browser has finished showing whatever Back led to."""
    for _ in range(20):
        page.wait_for_timeout(200)
        try:
            return str(page.content())
        except PlaywrightError:
            continue  # still navigating (to the browser's own error page)
    raise AssertionError("the page never settled")


def test_back_after_the_exit_without_javascript_shows_no_answers(
    browser: Any, base_url: str, exit_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    reach(page, base_url, "plan")
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    refused = ""
    try:
        page.go_back()
    except PlaywrightError as error:
        refused = str(error)
    # Chromium won't show a no-store POST result again without sending it again.
    assert refused == "" or "ERR_CACHE_MISS" in refused
    content = settled_content(page)
    assert "Your plan" not in content
    assert "Do these first" not in content
    context.close()


def test_back_inside_the_check_never_asks_to_send_the_form_again(page: Any, base_url: str) -> None:
    page.goto(base_url + "/check")
    about_you(page)
    first_area = heading(page)
    page.check("main fieldset input:not([type=hidden]) >> nth=0")
    press(page, "main button:has-text('Continue')")
    second_area = heading(page)
    assert second_area != first_area
    page.go_back()  # the browser's own Back: no "Confirm Form Resubmission"
    page.wait_for_function("(h) => document.querySelector('h1').innerText === h", arg=first_area)
    assert page.locator("main input:checked").count() == 1  # their answer is still there
    page.go_back()
    page.wait_for_function(
        "() => document.querySelector('h1').innerText === 'Your devices and apps'"
    )
    page.go_forward()
    page.wait_for_function("(h) => document.querySelector('h1').innerText === h", arg=first_area)


def test_every_step_has_its_own_back_button_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/check")
    about_you(page, threat="yes")
    assert heading(page) == "Before your next steps"
    press(page, "main button:has-text('Back')")
    assert heading(page) == "About you"
    assert page.is_checked("#q-situation-threat_to_share-yes")  # answers kept
    press(page, "main button:has-text('Continue')")
    press(page, "main button:has-text('Continue')")
    assert page.locator("h1#urgent-heading").count() == 1
    press(page, "main button:has-text('Continue the full check')")
    area = heading(page)
    press(page, "main button:has-text('Continue')")
    press(page, "main button:has-text('Back')")
    assert heading(page) == area
    press(page, "main button:has-text('Back')")
    assert page.locator("h1#urgent-heading").count() == 1
    context.close()


def test_quick_exit_blanks_the_page_before_it_leaves(
    page: Any, base_url: str, exit_url: str
) -> None:
    """The page is hidden in the click itself, before the neutral site starts to load (an order,
    not a time limit: timings on a shared machine are noise)."""
    reach(page, base_url, "area")
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
    print(f"hidden {float(hidden_after):.0f} ms after the click")


def test_typing_capitals_does_not_leave(page: Any, base_url: str) -> None:
    page.goto(base_url + "/check")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.startswith(base_url)


def test_quick_exit_works_without_javascript(
    browser: Any, base_url: str, exit_url: str, neutral_site: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    reach(page, base_url, "area")
    neutral_site.requests.clear()
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    visits = [r for r in neutral_site.requests if r[":path"] == "/weather"]
    assert visits and all("referer" not in visit for visit in visits)
    context.close()


def test_cover_your_tracks_says_only_what_holds(context: Any, base_url: str, exit_url: str) -> None:
    """Each sentence on /cover-your-tracks has its proof here; a new sentence fails this test
    until it has one."""
    page = context.new_page()
    page.goto(base_url + "/cover-your-tracks")
    claims = page.eval_on_selector_all("[data-claim]", "els => els.map(e => e.dataset.claim)")
    proven = {
        "leaves": "test_exit_is_on_screen_at_every_scroll_position and the click below",
        "shift": "test_each_shift_press_shows_on_the_exit",
        "back": "test_back_and_reload_after_the_exit_show_nothing",
        "no-script": "test_back_after_the_exit_without_javascript_shows_no_answers",
        "nothing-kept": "test_no_request_leaves_the_site_and_no_cookie_is_set, below",
        "history": "below: Back after the exit returns to this site's address",
        "network": "below: every page came over the network from this site's address",
    }
    assert sorted(claims) == sorted(proven)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    reach(page, base_url, "plan")
    assert requests and all(url.startswith(base_url) for url in requests)
    assert all("profile" not in url and "situation" not in url for url in requests)
    assert context.cookies() == []
    page.click("#quick-exit")
    page.wait_for_url(exit_url)
    page.go_back()
    assert page.url.startswith(base_url)  # the address stays in the history


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


# ---------------------------------------------------------------------------------------------
# 1. Help on the first screen


def test_urgent_page_puts_a_number_on_the_first_screen_and_is_short(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    reach(page, base_url, "urgent")
    number = first_number(page)
    tall = screens(page)
    context.close()
    assert number is not None and number < 1 - 48 / PHONE["height"]  # above the fold
    assert tall <= 8, f"urgent page is {tall:.1f} screens"


def _unlinked_numbers(page: Any) -> list[str]:
    """Catalogue numbers and addresses in the visible text that are not inside a link."""
    contacts = [r.phone for r in RESOURCES.values() if r.phone]
    contacts += [
        r.url.removeprefix("https://").removesuffix("/") for r in RESOURCES.values() if r.url
    ]
    contacts += ["85258", "report@phishing.gov.uk"]
    return page.evaluate(
        """(contacts) => {
        const found = [];
        const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('a')) continue;
            for (const contact of contacts) {
                const at = node.data.indexOf(contact);
                if (at < 0) continue;
                const before = node.data[at - 1] || ' ', after = node.data[at + contact.length] || ' ';
                if (/[\\w./]/.test(before) || /[\\w/]/.test(after)) continue;
                found.push(contact + ' in: ' + node.data.slice(0, 80));
            }
        }
        return found;
    }""",
        contacts,
    )


@pytest.mark.parametrize("name", ["urgent", "plan", "help", "start", "safety"])
def test_every_number_and_address_is_a_link(page: Any, base_url: str, name: str) -> None:
    reach(page, base_url, name)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert _unlinked_numbers(page) == []
    tel = page.eval_on_selector_all("a[href^='tel:']", "els => els.map(e => e.href)")
    assert all(re.fullmatch(r"tel:\d+", href) for href in tel), tel
    if name in ("urgent", "help"):
        assert any(
            href.startswith("sms:85258")
            for href in page.eval_on_selector_all(
                "a[href^='sms:']", "els => els.map(e => e.getAttribute('href'))"
            )
        )


def test_why_sources_and_rule_ids_are_behind_one_disclosure_per_step(
    page: Any, base_url: str
) -> None:
    reach(page, base_url, "plan")
    for action in page.locator(".action").all():
        assert action.locator("details").count() == 1
        assert not action.locator(".meta").is_visible()
    visible = page.locator("main").inner_text()
    assert "Why this is in your plan" not in visible
    assert "Sources:" not in visible
    assert visible.count("content version") == 1


def test_the_teens_whole_journey_fits_a_phone(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    journey = teen_journey(page, base_url)
    pdf_pages = len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4")))
    context.close()
    by_name = {figures.name: figures for figures in journey.pages}
    assert by_name["Your plan"].screens <= 30
    assert by_name["Your plan"].first_number is not None
    assert by_name["Your plan"].first_number < 1
    for figures in journey.pages:
        assert figures.screens <= 10, figures
    assert pdf_pages <= 8, pdf_pages


def test_print_opens_every_section(page: Any, base_url: str) -> None:
    reach(page, base_url, "plan")
    step = page.locator("details.group .action h3").first
    assert not step.is_visible()
    page.emulate_media(media="print")
    assert step.is_visible()
    assert page.locator("details.how ol li").first.is_visible()
    assert not page.is_visible("#quick-exit")
    assert not page.is_visible(".site-footer")


# ---------------------------------------------------------------------------------------------
# 2, 3. Skipping and the safety questions


def test_only_the_threat_ticked_gives_age_neutral_urgent_help(page: Any, base_url: str) -> None:
    reach(page, base_url, "about")
    page.check("#q-situation-threat_to_share-yes")
    press(page, "main button:has-text('Continue')")
    assert heading(page) == "Before your next steps"
    press(page, "main button:has-text('Continue')")  # skip every safety question
    assert page.locator(".error-summary").count() == 0
    assert page.locator("h1#urgent-heading").count() == 1
    services = page.locator(".support").text_content()
    assert "Childline" in services and "Revenge Porn Helpline" in services
    assert page.locator(".services .audience").count() == page.locator(".services li").count()


def test_any_page_can_be_skipped(page: Any, base_url: str) -> None:
    page.goto(base_url + "/check")
    press(page, "main button:has-text('Continue')")
    through_areas(page, answer=False)
    press(page, "main button:has-text('See my plan')")
    assert heading(page) == "Your plan"
    assert page.locator(".error-summary").count() == 0


@pytest.mark.parametrize("javascript", [True, False])
def test_safety_questions_come_before_the_urgent_plan(
    browser: Any, base_url: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    reach(page, base_url, "about")
    page.check("#q-situation-image_shared-yes")
    press(page, "main button:has-text('Continue')")
    assert heading(page) == "Before your next steps"
    asked = page.eval_on_selector_all(
        "main fieldset input:not([type=hidden])", "els => [...new Set(els.map(e => e.name))]"
    )
    assert "getting_help.someone_checks_phone" in asked
    assert "profile.age_band" in asked  # skipped on the first page, so asked again
    assert screens(page) <= 3
    page.check("#q-profile-age_band-13_15")
    page.check("#q-getting_help-someone_checks_phone-yes")
    press(page, "main button:has-text('Continue')")
    assert page.locator("h1#urgent-heading").count() == 1
    assert "StopNCII" not in page.locator("main").inner_text()
    context.close()


# ---------------------------------------------------------------------------------------------
# 5. Short pages, progress, check your answers


def test_one_area_per_page_with_progress_and_a_check_before_the_plan(
    page: Any, base_url: str
) -> None:
    page.goto(base_url + "/check")
    assert page.locator(".progress").inner_text() == "Step 1 of 3"
    about_you(page)
    progress = page.locator(".progress").inner_text()
    total = int(progress.rsplit(" ", 1)[1])
    assert progress == f"Topic 1 of {total}"
    assert page.title() == f"Topic 1 of {total} – Safety Check"
    assert page.locator("main section.area, main h2").count() == 0  # one area, no sub-areas
    for number in range(2, total + 1):
        press(page, "main button:has-text('Continue')")
        assert page.locator(".progress").inner_text() == f"Topic {number} of {total}"
    press(page, "main button:has-text('Continue')")
    assert heading(page) == "Check your answers"
    changes = page.locator("main button[name=_go]")
    assert changes.count() == total + 3  # the three first pages, then each area
    changes.nth(4).click()
    page.wait_for_function("() => document.querySelector('h1').innerText !== 'Check your answers'")
    press(page, "main button:has-text('Continue')")
    assert heading(page) == "Check your answers"  # straight back after a change
    press(page, "main button:has-text('See my plan')")
    assert heading(page) == "Your plan"


def test_answers_travel_in_the_form_small(page: Any, base_url: str) -> None:
    sent: list[int] = []
    page.on("request", lambda r: sent.append(len(r.post_data_buffer or b"")))
    reach(page, base_url, "plan")
    assert max(sent) < 8 * 1024
    assert page.context.cookies() == []


def test_changed_devices_drop_answers_that_no_longer_apply(page: Any, base_url: str) -> None:
    reach(page, base_url, "review")
    page.click("main button[name=_go][value=devices]")
    page.wait_for_selector("h1:has-text('Your devices and apps')")
    page.uncheck("#q-profile-devices-iphone_ipad")
    page.check("#q-profile-devices-android")
    press(page, "main button:has-text('Continue')")
    assert heading(page) == "Check your answers"
    assert QUESTIONS_BY_ID["nearby_sharing.airdrop_setting"].text not in page.content()
    press(page, "main button:has-text('See my plan')")
    assert heading(page) == "Your plan"


# ---------------------------------------------------------------------------------------------
# 6. Errors and titles


@pytest.mark.parametrize("javascript", [True, False])
def test_error_summary_takes_focus_and_links_to_the_first_input(
    browser: Any, base_url: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    reach(page, base_url, "about-errors")
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    link = page.locator(".error-summary a").first
    assert link.get_attribute("href") == "#q-profile-age_band-under_13"
    link.click()
    page.wait_for_timeout(100)
    assert page.evaluate("document.activeElement.id") == "q-profile-age_band-under_13"
    context.close()


def test_page_titles_are_unique_per_step_and_neutral(page: Any, base_url: str) -> None:
    titles = []
    page.goto(base_url + "/check")
    titles.append(page.title())
    about_you(page, threat="yes")
    titles.append(page.title())
    press(page, "main button:has-text('Continue')")
    titles.append(page.title())
    press(page, "main button:has-text('Continue the full check')")
    while heading(page) != "Check your answers":
        titles.append(page.title())
        press(page, "main button:has-text('Continue')")
    titles.append(page.title())
    press(page, "main button:has-text('See my plan')")
    titles.append(page.title())
    assert len(set(titles)) == len(titles), titles
    for title in titles:
        assert title.endswith(" – Safety Check")
        assert not re.search(r"threat|sextortion|nude|abuse|image", title, re.I), title


def test_pages_are_no_store(page: Any, base_url: str) -> None:
    response = page.goto(base_url + "/check")
    assert response.headers["cache-control"] == "no-store"


# ---------------------------------------------------------------------------------------------
# 7. Light on a poor connection


def test_static_files_are_hashed_compressed_and_cached_for_a_year(page: Any, base_url: str) -> None:
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(base_url + "/cover-your-tracks")
    page.wait_for_load_state("load")
    assets = [r for r in responses if "/static/" in r.url]
    assert len(assets) == 2
    for response in assets:
        assert re.search(r"/static/\w+\.[0-9a-f]{12}\.(css|js)$", response.url)
        headers = response.all_headers()
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        assert headers.get("content-encoding") == "gzip"


def test_a_second_visit_downloads_no_static_file(browser: Any, base_url: str) -> None:
    first, again = measured(browser, base_url, "teen")
    print(f"teen journey bytes: first visit {first.received}, second visit {again.received}")
    assert again.received < first.received


# ---------------------------------------------------------------------------------------------
# Keyboard, no JavaScript, XSS, cross-site


def test_whole_flow_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/")
    page.click("text=Start the check")
    about_you(page)
    assert page.locator(".progress").inner_text().startswith("Topic 1 of")
    to_plan(page)
    assert heading(page) == "Your plan"
    assert page.locator("#first-heading").count() == 1
    context.close()


def test_the_whole_flow_by_keyboard_alone(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Start the check":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/check")
    continue_by_keyboard(page)  # who the check is for: skipped
    page.wait_for_selector("text=Step 2 of 3")
    while page.evaluate("document.activeElement.name") != "profile.age_band":
        page.keyboard.press("Tab")
    page.keyboard.press("Space")  # choose the first age band
    page.keyboard.press("ArrowDown")  # then the second: 13 to 15
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_selector("text=Step 3 of 3")
    continue_by_keyboard(page)  # devices and apps: skipped
    page.wait_for_selector("text=Topic 1 of")
    for _ in range(20):
        if heading(page) == "Check your answers":
            break
        while page.evaluate("document.activeElement.type") != "radio":
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
        old = heading(page)
        page.keyboard.press("Enter")
        page.wait_for_function("(old) => document.querySelector('h1').innerText !== old", arg=old)
    while page.evaluate("document.activeElement.textContent") != "See my plan":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Your plan')")
    assert page.locator("#support-heading").count() == 1


def continue_by_keyboard(page: Any) -> None:
    while page.evaluate("document.activeElement.textContent") != "Continue":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")


def test_skip_link_then_exit_first_with_visible_focus(page: Any, base_url: str) -> None:
    page.goto(base_url + "/check")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    left = page.evaluate("document.activeElement.getBoundingClientRect().left")
    assert left >= 0
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    focused = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert focused == "rgb(255, 191, 71)"  # the exit turns yellow when focused


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
        "_journey": page.input_value("input[name=_journey] >> nth=0"),
        "_step": "questions",
        "_at": XSS,
        "_go": XSS,
        "profile.age_band": XSS,
        "profile.devices": XSS,
        "_shown": XSS,
        "webcam.cover_when_unused": XSS,
        XSS: XSS,
    }
    response = page.request.post(base_url + "/check", form=fields)
    html = response.text()
    assert "<script>window.__xss" not in html
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
