"""A school's pages in real headless Chromium: axe-core finds no WCAG 2.2 A/AA violations at
1280 and 320 px, nothing scrolls sideways at 320 px, and the school cookie cannot be read by
script. The school, a teacher, classes and two published terms are made on the server's own
database (the operator's command and storage), the pages are driven as a lead."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from safety_check.answers import validate
from safety_check.plan import build_plan
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.schools.class_check import KeptResponse, school_today
from safety_check.schools.record import area_answers, record_for
from safety_check.schools.school import term_of
from safety_check.storage import class_checks as class_store
from safety_check.storage import open_database
from safety_check.storage import schools as school_store
from tests.live_server import LiveServer
from tests.web.test_browser import axe_violations
from tests.web.test_schools_browser import varied_answers

pytestmark = pytest.mark.browser
VIEWPORTS = {"1280": {"width": 1280, "height": 800}, "320": {"width": 320, "height": 640}}
PAGES = ("home", "view", "new", "key", "letter", "dpia", "delete", "not_confirmed", "deleted")


def _operator(database: Path, *argv: str) -> str:
    env = {key: value for key, value in os.environ.items() if not key.startswith("SAFETY_CHECK_")}
    done = subprocess.run(
        [sys.executable, "-m", "safety_check.cli", *argv],
        env={**env, "SAFETY_CHECK_DATABASE": str(database)},
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip().rsplit(" ", 1)[-1]


async def _last_terms(database: Path, lead_key: str) -> None:
    """Two classes of 12 in last term's Year 9 and one in the term before, closed, so both
    views are published and the page compares them."""
    store = open_database(database)
    await store.open()
    try:
        found = await school_store.find_teacher(store, lead_key)
        assert found is not None
        teacher, school = found
        last = _term_start(_term_start(school_today()) - dt.timedelta(days=1))
        before = _term_start(last - dt.timedelta(days=1))
        rng = random.Random(5)
        for name, start in (("9 Elm", before), ("9 Rowan", last), ("9 Ash", last)):
            day = start + dt.timedelta(days=7)
            made = await class_store.create_class_check(
                store,
                name=name,
                age_band="13_15",
                open_days=7,
                keep_days=365,
                today=day,
                school_id=school.id,
                teacher_id=teacher.id,
                year_group="Year 9",
            )
            for _ in range(12):
                answers = validate(varied_answers(rng, "13_15"))
                kept = KeptResponse(
                    content_version=CONTENT_VERSION,
                    record=record_for(answers, build_plan(answers)),
                    answers=area_answers(answers),
                )
                await class_store.store_response(store, made.class_check, kept, today=day)
            await class_store.close_class_check(store, made.class_check, day + dt.timedelta(7))
    finally:
        await store.close()


def _term_start(day: dt.date) -> dt.date:
    return dt.date.fromisoformat(term_of(day).first_day)


class School:
    def __init__(self, base: str, lead_key: str, database: Path) -> None:
        self.base = base
        self.lead_key = lead_key
        self.database = database


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    live = LiveServer(tmp_path_factory.mktemp("school-web"), {"SAFETY_CHECK_RATE_LIMIT": "100000"})
    try:
        lead_key = _operator(live.database, "schools", "create", "Rowan Academy", "--lead", "DSL")
        # In a process of its own: Playwright's event loop runs in this one.
        subprocess.run(
            [sys.executable, "-m", "tests.web.test_school_browser", str(live.database), lead_key],
            check=True,
            cwd=Path(__file__).parents[2],
        )
        with httpx.Client(base_url=live.base) as client:  # a class of this term, still open
            made = client.post(
                "/api/v1/cohorts",
                json={"name": "9 Oak", "year_group": "Year 9"},
                headers={"Authorization": f"Bearer {lead_key}"},
            )
            assert made.status_code == 201, made.text
        yield School(live.base, lead_key, live.database)
    finally:
        live.stop()


def _reach(page: Any, school: School, name: str) -> None:
    key = school.lead_key
    if name == "deleted":  # a school of its own, so the others' pages keep theirs
        key = _operator(school.database, "schools", "create", "Birch School", "--lead", "DSL")
    page.goto(school.base + "/schools")
    page.fill("#teacher-key", key)
    page.click("button:has-text('Sign in')")
    page.wait_for_url("**/school")
    if name == "view":
        page.click("text=School figures by term")
        page.wait_for_url("**/school/view")
        assert page.locator("text=students took part in 2 class checks").count() == 1
        assert page.locator("text=can go unmarked even when it is real").count() == 1
        last = term_of(_term_start(school_today()) - dt.timedelta(days=1))
        earlier = term_of(dt.date.fromisoformat(last.first_day) - dt.timedelta(days=1))
        # 9 Elm, then 9 Rowan and 9 Ash: other classes, so other students either way.
        one_year = last.school_year == earlier.school_year
        kind = "Not the same classes took part" if one_year else "in different school years"
        assert page.locator(f"text={kind}").count() == 1
    elif name == "new":
        page.click("text=Create a class check")
        page.wait_for_url("**/school/new")
        assert page.locator("#year-group").count() == 1
    elif name in ("letter", "dpia"):
        page.click("text=9 Rowan")
        page.wait_for_url("**/schools/*")
        page.goto(page.url + "/" + name)
        heading = "Letter for parents" if name == "letter" else "Data protection impact"
        assert page.locator("h1").inner_text().startswith(heading)
    elif name in ("delete", "not_confirmed", "deleted"):
        page.click("a:has-text('Delete the school')")
        page.wait_for_url("**/school/delete")
        assert page.locator("text=4 class checks").count() == 1 or name == "deleted"
        if name != "delete":
            page.fill("#school-name", "Birch School" if name == "deleted" else "Rowan")
            page.click("button:has-text('Delete the school')")
            page.wait_for_load_state("load")
            shown = "The school has been deleted" if name == "deleted" else "There is a problem"
            assert page.locator(f"text={shown}").count() == 1
    elif name == "key":
        page.fill("#label", "Ms Khan")
        page.click("button:has-text('Add the teacher')")
        page.wait_for_load_state("load")
        assert page.locator("#teacher-key").inner_text().startswith("scsk_")
    else:
        assert page.locator("h1").inner_text() == "Rowan Academy"
        assert page.locator("text=New key").count() >= 1
    page.wait_for_load_state("load")


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(browser: Any, school: School, name: str, width: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[width])
    page = context.new_page()
    try:
        _reach(page, school, name)
        violations = axe_violations(page)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if width == "320":
            # Bytes, written here: Playwright writing the file itself leaves a thread behind.
            shot = page.screenshot(full_page=True)
            (Path(os.environ.get("SCREENSHOTS", "/tmp")) / f"school-{name}-320.png").write_bytes(
                shot
            )
        cookie = page.evaluate("document.cookie")
    finally:
        context.close()
    print(f"axe {name} at {width}px: {len(violations)} violations")
    assert violations == [], json.dumps(violations, indent=1)
    assert scroll <= int(width), scroll
    assert cookie == ""  # the session cookie is HttpOnly


if __name__ == "__main__":
    asyncio.run(_last_terms(Path(sys.argv[1]), sys.argv[2]))
