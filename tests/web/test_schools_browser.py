"""Class checks in real headless Chromium: the teacher's pages and the student's join pages.

The same promises as the individual check (axe-core finds no WCAG 2.2 A/AA violations, nothing
scrolls sideways at 320 px, every page stays under the weight budget), plus the ones made to
schools: the teacher's session cookie can't be read by script or sent cross-site, and a student
joining a class gets no cookie and sends nothing to anyone but this site, even without JavaScript.

Classes are made over the JSON API where only their state matters (quick, and no browser time);
the teacher's own journey is driven through the forms.
"""

from __future__ import annotations

import json
import random
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from safety_check.answers import prune
from safety_check.questionnaire import QUESTIONNAIRE
from tests.web.test_browser import (
    NAVIGATION_SIZE,
    PAGE_BUDGET,
    about_you,
    axe_violations,
    some_questions,
    static_weight,
)

pytestmark = pytest.mark.browser

COHORTS = "/api/v1/cohorts"
RESPONSES = 14
"""Enough for the report to be published (10), few enough that some bands hold 1 or 2 students."""
SEED = 20240611
UNKNOWN_CODE = "ZZZZ-ZZZZ"  # well-formed; a live code matches it once in 26**8
VIEWPORT_320 = {"width": 320, "height": 640}
CLASS_NOTICE = (
    "Answers about things that may have happened to you, like threats or unwanted pictures, "
    "are never added to the class totals."
)


@dataclass(frozen=True)
class ClassCheck:
    id: str
    name: str
    join_code: str
    teacher_key: str


@dataclass(frozen=True)
class Classes:
    """An open class (students join it) and a closed one with a published report."""

    open: ClassCheck
    closed: ClassCheck


def _create(client: httpx.Client, name: str, age_band: str) -> ClassCheck:
    response = client.post(COHORTS, json={"name": name, "age_band": age_band})
    assert response.status_code == 201, response.text
    body = response.json()
    return ClassCheck(body["id"], body["name"], body["join_code"], body["teacher_key"])


def varied_answers(rng: random.Random, age_band: str) -> dict[str, str | list[str]]:
    """One student's answers to every question: how careful they are varies from student to
    student, so their scores spread over the bands and some bands hold only 1 or 2 of them."""
    care = rng.random()
    raw: dict[str, str | list[str]] = {"profile.age_band": age_band}
    for question in QUESTIONNAIRE.questions:
        if question.id in raw:
            continue
        if question.kind == "multi":
            raw[question.id] = [option.id for option in question.options if rng.random() < 0.4]
        else:
            safest = rng.random() < care
            raw[question.id] = (question.options[0] if safest else rng.choice(question.options)).id
    return prune(raw)


@pytest.fixture(scope="module")
def classes(base_url: str) -> Iterator[Classes]:
    """Made over the API once per module: the pages only need the classes' state, and each
    class made counts against the server's limit of 30 an hour from one address."""
    with httpx.Client(base_url=base_url, timeout=10) as client:
        open_class = _create(client, "Year 9 Maple", "13_15")
        closed_class = _create(client, "Year 10 <Oak> & Ash", "13_15")
        rng = random.Random(SEED)
        for _ in range(RESPONSES):
            body = {"answers": varied_answers(rng, "13_15")}
            response = client.post(f"{COHORTS}/{closed_class.join_code}/responses", json=body)
            assert response.status_code == 201, response.text
        headers = {"Authorization": f"Bearer {closed_class.teacher_key}"}
        response = client.post(f"{COHORTS}/{closed_class.id}/close", headers=headers)
        assert response.status_code == 204, response.text
        yield Classes(open=open_class, closed=closed_class)


def sign_in(context: Any, base_url: str, check: ClassCheck) -> None:
    """Sign in with the teacher key without loading a page: the cookie lands in the browser
    context, so only the page under test is loaded (the form itself is driven in the flow test)."""
    response = context.request.post(
        base_url + "/schools/sign-in", form={"teacher_key": check.teacher_key}, max_redirects=0
    )
    assert response.status == 303, response.text()


def reach(page: Any, base_url: str, name: str, classes: Classes) -> None:
    """Open one of the pages under test, with its stylesheet and script loaded."""
    _navigate(page, base_url, name, classes)
    # A click returns once the next page starts loading; measure only the finished page.
    page.wait_for_load_state("load")


def _navigate(page: Any, base_url: str, name: str, classes: Classes) -> None:
    simple = {
        "schools": "/schools",
        "schools-new": "/schools/new",
        "signed-out": "/schools/" + secrets.token_urlsafe(16),
        "join": "/join",
        "join-about": f"/join/{classes.open.join_code}",
    }
    if name in simple:
        page.goto(base_url + simple[name])
        return
    if name in ("schools-new-errors", "schools-created"):
        page.goto(base_url + "/schools/new")
        if name == "schools-created":
            page.fill("#name", "Year 8 Birch")
            page.select_option("#age-band", "under_13")
        page.click("button:has-text('Create the class check')")
        return
    if name == "join-wrong-code":
        page.goto(base_url + "/join")
        page.fill("#join-code", UNKNOWN_CODE)
        page.click("button:has-text('Join')")
        return
    if name.startswith("join-"):
        page.goto(f"{base_url}/join/{classes.open.join_code}")
        about_you(page)
        if name == "join-plan":
            some_questions(page)
        return
    check = classes.closed if name in ("dashboard-closed", "print") else classes.open
    sign_in(page.context, base_url, check)
    dashboard = f"{base_url}/schools/{check.id}"
    if name.startswith("dashboard"):
        page.goto(dashboard)
    elif name in ("print", "projector"):
        page.goto(f"{dashboard}/{name}")
    else:
        page.goto(dashboard + "/delete")
        if name == "delete-errors":
            page.click("button:has-text('Delete the results')")  # without ticking the box


TEACHER_PAGES = [
    "schools",
    "schools-new",
    "schools-new-errors",
    "schools-created",
    "dashboard-open",
    "dashboard-closed",
    "print",
    "delete",
    "delete-errors",
    "signed-out",
    "projector",
]
JOIN_PAGES = ["join", "join-wrong-code", "join-about", "join-questions", "join-plan"]
PAGES = TEACHER_PAGES + JOIN_PAGES


EXPECTED = {
    "schools": "#sign-in-heading",
    "schools-new": "#name",
    "schools-new-errors": ".error-summary a[href='#name']",
    "schools-created": "#teacher-key",
    "dashboard-open": ".join-details",
    "dashboard-closed": "#gaps-heading",
    "print": "#areas-heading",
    "delete": "#confirm",
    "delete-errors": "#confirm-error",
    "signed-out": ".notice",
    "projector": ".projector-code",
    "join": "#join-code",
    "join-wrong-code": ".error-summary",
    "join-about": ".class-notice",
    "join-questions": "text=Topic 1 of",
    "join-plan": "text=added to your class's totals",
}
"""What shows that a name really reached its state, so a passing check means something."""


def assert_reached(page: Any, name: str) -> None:
    assert page.locator(EXPECTED[name]).count() >= 1, f"{name} not reached: {page.url}"
    if name == "dashboard-closed":
        # The published report, with both kinds of table and some cells hidden as `c`.
        assert page.locator("#gaps-heading ~ .table-wrap tbody tr").count() >= 1
        cells = page.locator(".area-chart td").all_inner_texts()
        assert any(cell.isdigit() for cell in cells), cells
        # Every published count carries noise; 0, 1 and 2 are shown as c, never as numbers.
        assert all(
            cell == "c" or (cell.isdigit() and 3 <= int(cell) <= RESPONSES) for cell in cells
        )
        gaps = page.locator("#gaps-heading ~ .table-wrap tbody td:first-of-type").all_inner_texts()
        assert gaps, "no common actions shown"
        for gap in gaps:  # "about N", then its likely range on a line of its own
            found = re.fullmatch(r"about (\d+)\s+likely (\d+) to (\d+)", gap)
            assert found, gap
            count, low, high = (int(value) for value in found.groups())
            assert 3 <= count <= RESPONSES and low <= count <= high <= RESPONSES, gap
        scored = page.locator(".area-chart > p").all_inner_texts()
        for text in scored:  # "About N students had a score." or too few to show
            found = re.fullmatch(r"About (\d+) students had a score\.", text)
            assert found or text.startswith("Too few students had a score here to show"), text
            assert not found or 10 <= int(found.group(1)) <= RESPONSES, text
        assert len(cells) == 4 * sum(text.startswith("About") for text in scored)
        legend = page.locator(".chart-legend li").all_inner_texts()
        assert legend == [
            "Score 0–24",
            "Score 25–49",
            "Score 50–74",
            "Score 75–100",
            "Hidden (c): bands of fewer than 3",
        ], legend


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(page: Any, base_url: str, classes: Classes, name: str) -> None:
    reach(page, base_url, name, classes)
    assert_reached(page, name)
    violations = axe_violations(page)
    print(f"axe {name}: {len(violations)} violations")
    assert violations == [], json.dumps(violations, indent=1)


@pytest.mark.parametrize("name", TEACHER_PAGES)
def test_axe_finds_no_violations_at_320px(
    browser: Any, base_url: str, classes: Classes, name: str
) -> None:
    """The default viewport is 1280 px wide; teachers also use phones, so again at 320 px."""
    context = browser.new_context(viewport=VIEWPORT_320)
    page = context.new_page()
    reach(page, base_url, name, classes)
    assert_reached(page, name)
    violations = axe_violations(page)
    context.close()
    print(f"axe 320px {name}: {len(violations)} violations")
    assert violations == [], json.dumps(violations, indent=1)


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scroll_at_320px(
    browser: Any, base_url: str, classes: Classes, name: str
) -> None:
    context = browser.new_context(viewport=VIEWPORT_320)
    page = context.new_page()
    reach(page, base_url, name, classes)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    print(f"width {name}: {width}px")
    assert width <= 320


@pytest.fixture(scope="module")
def asset_weight(browser: Any, base_url: str) -> int:
    """The stylesheet and script as sent, measured once: every page loads the same two."""
    context = browser.new_context()
    weight = static_weight(context.new_page(), base_url)
    context.close()
    return weight


@pytest.mark.parametrize("name", PAGES)
def test_page_weight_is_under_budget(
    page: Any, base_url: str, classes: Classes, asset_weight: int, name: str
) -> None:
    assets = asset_weight
    reach(page, base_url, name, classes)
    document = page.evaluate(NAVIGATION_SIZE)
    total = document + assets  # every page loads the same two assets, and nothing else
    print(f"weight {name}: {total} bytes (page {document}, style and script {assets})")
    assert document > 0
    assert total < PAGE_BUDGET


def test_teacher_creates_closes_and_deletes_a_class(context: Any, base_url: str) -> None:
    """The whole teacher journey through the forms, and the session cookie it rests on."""
    page = context.new_page()
    page.goto(base_url + "/schools")
    page.click("text=Create a class check")
    page.wait_for_url("**/schools/new")
    page.fill("#name", "Year 7 Rowan")
    page.select_option("#age-band", "under_13")
    page.select_option("#open-days", "14")
    page.click("button:has-text('Create the class check')")
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Your class check is ready"
    assert page.locator("#teacher-key").inner_text().startswith("sctk_")
    teacher_key = page.locator("#teacher-key").inner_text()
    assert page.locator(".join-code").inner_text()

    page.click("text=Go to your class dashboard")
    page.wait_for_load_state("load")
    dashboard = page.url
    assert page.locator("h1").inner_text() == "Year 7 Rowan"
    assert "Open until" in page.locator(".status").inner_text()
    (cookie,) = context.cookies()
    assert cookie["name"] == "sc_teacher"
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert dashboard.endswith(cookie["path"])  # sent to this class's pages only
    assert page.evaluate("document.cookie") == ""

    assert "Closing can't be undone" in page.locator("main").inner_text()
    page.click("button:has-text('Close the check now')")
    page.wait_for_load_state("load")
    assert page.url == dashboard
    status = page.locator(".status").inner_text()
    assert re.search(r"Closed at the end of \d{1,2} [A-Z][a-z]+ \d{4} \(UK time\)\.", status), (
        status
    )
    assert page.locator("button:has-text('Close the check')").count() == 0
    assert page.locator(".join-details").count() == 0

    page.click("button:has-text('Sign out')")
    page.wait_for_url(base_url + "/schools")
    assert context.cookies() == []
    page.fill("#teacher-key", teacher_key)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(dashboard)
    assert [cookie["name"] for cookie in context.cookies()] == ["sc_teacher"]

    page.click("text=Delete this class's results")
    page.wait_for_url(dashboard + "/delete")
    page.check("#confirm")
    page.click("button:has-text('Delete the results')")
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "The results have been deleted"
    assert context.cookies() == []

    response = page.goto(dashboard)
    assert response is not None and response.status == 401
    assert page.locator("h1").inner_text() == "Class checks for schools"
    assert page.locator("#teacher-key").count() == 1
    assert "Sign in with your teacher key" in page.locator(".notice").inner_text()


@pytest.mark.parametrize("name", ["schools-created", "dashboard-open"])
def test_join_qr_code_is_drawn(page: Any, base_url: str, classes: Classes, name: str) -> None:
    """Teachers put the QR code on the board: it must be a picture with a name, not its source."""
    reach(page, base_url, name, classes)
    assert page.locator(".qr svg[role='img']").count() == 1
    assert "<svg" not in page.locator(".qr").inner_text()


def test_student_joins_without_javascript_on_a_small_screen(
    browser: Any, base_url: str, classes: Classes
) -> None:
    """A school tablet or an old phone with scripts off must still get the student through, and
    joining a class must leave nothing behind on the device or with anyone else."""
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORT_320)
    page = context.new_page()
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(base_url) else elsewhere.append(request.url),
    )
    page.goto(base_url + "/join")
    typed = classes.open.join_code.lower().replace("-", " ")  # as a student might type it
    page.fill("#join-code", typed)
    page.click("button:has-text('Join')")
    page.wait_for_load_state("load")
    assert page.url == f"{base_url}/join/{classes.open.join_code}"
    notice = page.locator(".class-notice")
    assert notice.locator("h2").inner_text() == f"You're taking part with {classes.open.name}"
    assert CLASS_NOTICE in notice.inner_text()
    assert page.is_checked("#q-profile-age_band-13_15")  # the class's age group, chosen already

    about_you(page)
    page.wait_for_load_state("load")
    assert page.locator(".progress").inner_text().startswith("Topic 1 of")
    some_questions(page)
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Your plan"
    assert "added to your class's totals" in page.locator(".notice").first.inner_text()

    assert context.cookies() == []
    assert elsewhere == []
    context.close()


@pytest.mark.parametrize("viewport", [VIEWPORT_320, {"width": 1280, "height": 720}])
def test_projector_view_is_large_and_high_contrast(
    browser: Any, base_url: str, classes: Classes, viewport: dict[str, int]
) -> None:
    """Read from the back of a classroom: the code in large dark type on white, the QR code
    most of the screen's width, everything on screen without scrolling sideways."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    reach(page, base_url, "projector", classes)
    code = page.locator(".projector-code")
    assert code.inner_text() == classes.open.join_code
    style = code.evaluate(
        "node => { const s = getComputedStyle(node); "
        "return [parseFloat(s.fontSize), s.color, getComputedStyle(document.body).backgroundColor] }"
    )
    size, colour, background = style
    assert size >= (36 if viewport["width"] == 320 else 90), size
    assert colour == "rgb(11, 12, 12)" and background == "rgb(255, 255, 255)", style
    box = code.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    # The drawing itself, not only its box: without a viewBox the box grows and the code doesn't.
    qr = page.locator(".projector-qr svg path").bounding_box()
    # At least half the screen's shorter side (the projector shows it with nothing else).
    assert qr is not None and qr["width"] >= 0.5 * min(viewport["width"], viewport["height"]), qr
    middle = qr["x"] + qr["width"] / 2
    assert abs(middle - viewport["width"] / 2) < 0.05 * viewport["width"], qr
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    context.close()


def _created_page(context: Any, base_url: str) -> Any:
    page = context.new_page()
    page.goto(base_url + "/schools/new")
    page.fill("#name", "Year 8 Larch")
    page.click("button:has-text('Create the class check')")
    page.wait_for_load_state("load")
    return page


def test_copy_button_copies_the_whole_teacher_key(browser: Any, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = _created_page(context, base_url)
    key = page.locator("#teacher-key").inner_text()
    assert re.fullmatch(r"sctk_[A-Za-z0-9]{32}", key), key
    button = page.locator("#copy-key")
    assert button.is_visible()
    button.click()
    page.wait_for_function("document.getElementById('copy-key-status').textContent !== ''")
    assert page.locator("#copy-key-status").inner_text() == "Copied. Paste it somewhere safe."
    assert page.evaluate("navigator.clipboard.readText()") == key
    context.close()


def test_teacher_key_selects_whole_on_double_click_without_javascript(
    browser: Any, base_url: str
) -> None:
    """No script: the copy button stays hidden, and a double click still takes the whole key."""
    context = browser.new_context(java_script_enabled=False)
    page = _created_page(context, base_url)
    key = page.locator("#teacher-key").inner_text()
    assert not page.locator("#copy-key").is_visible()
    page.dblclick("#teacher-key")
    # Scripts are off in the page, not in Playwright's own evaluation of the selection.
    assert page.evaluate("window.getSelection().toString()") == key
    context.close()
