"""A Welsh class in Chromium at 320x640: the teacher makes it on the form, the student's first
page opens in Welsh, and neither page fails axe-core or scrolls sideways with the longer words."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.conftest import axe_violations, free_port, serve
from tests.web.journey import PHONE

pytestmark = pytest.mark.browser
WELSH_NOTICE = "Dim ond cyfansymiau ar gyfer y dosbarth cyfan y bydd eich ysgol yn eu gweld."


@pytest.fixture(scope="module")
def welsh_url(tmp_path_factory: pytest.TempPathFactory, exit_url: str) -> Iterator[str]:
    """The service with Welsh offered (it is not yet by default)."""
    env = {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(Path(tmp_path_factory.mktemp("welsh")) / "web.db"),
        "SAFETY_CHECK_EXIT_URL": exit_url,
        "SAFETY_CHECK_RATE_LIMIT": "100000",
        "SAFETY_CHECK_LOG_LEVEL": "WARNING",
        "SAFETY_CHECK_LANGUAGES": "en,cy",
    }
    yield from serve(free_port(), env)


def assert_fits_and_passes_axe(page: Any, name: str) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    assert axe_violations(page) == [], name


def test_a_welsh_class_reads_well_at_320_pixels(browser: Any, welsh_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{welsh_url}/schools/new?lang=cy")
    assert page.locator("h1").inner_text() == "Creu gwiriad dosbarth"
    assert_fits_and_passes_axe(page, "new class form")
    page.fill("#name", "Blwyddyn 8 Derwen")
    page.select_option("#class-language", "cy")
    page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() == "Mae gwiriad eich dosbarth yn barod"
    assert_fits_and_passes_axe(page, "created")
    code = page.locator("strong.join-code").first.inner_text()
    page.click("a.button[href^='/schools/']")
    assert "Cau’r gwiriad nawr" in page.content()
    assert_fits_and_passes_axe(page, "dashboard")
    context.close()

    student = browser.new_context(viewport=PHONE)
    page = student.new_page()
    page.goto(f"{welsh_url}/join/{code}")
    assert WELSH_NOTICE in page.content()
    assert_fits_and_passes_axe(page, "student's first page")
    student.close()


def test_the_api_class_language_reaches_the_student(welsh_url: str) -> None:
    with httpx.Client(base_url=welsh_url, timeout=10) as client:
        made = client.post("/api/v1/cohorts", json={"name": "9C", "language": "cy"})
        assert made.status_code == 201, made.text
        page = client.get(f"/join/{made.json()['join_code']}", headers={"Accept": "text/html"})
        assert WELSH_NOTICE in page.text
