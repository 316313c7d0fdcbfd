"""The individual's web journey over HTTP: which page follows which, skipping, the safety
questions, links made from the catalogue, and cacheable static files."""

from __future__ import annotations

import re

from safety_check.resources import RESOURCES
from safety_check.service.individual.form import SAFETY_FOLLOW_UPS
from safety_check.service.individual.plan_view import linkify
from safety_check.service.platform.assets import HASHED_NAMES
from tests.api.journey_walk import Client, Walk, heading, walk

__all__ = ["walk"]  # the fixture


async def test_only_a_threat_gives_the_safety_questions_then_age_neutral_help(
    walk: Walk,
) -> None:
    safety = await walk.post({"_step": "about", "situation.threat_to_share": "yes"})
    assert heading(safety.text) == "Before your next steps"
    for question in SAFETY_FOLLOW_UPS:
        assert f'name="{question}"' in safety.text, question
    urgent = await walk.post({"_at": "safety", "_step": "next", "situation.threat_to_share": "yes"})
    assert 'id="urgent-heading"' in urgent.text
    assert "error-summary" not in urgent.text
    assert "Childline" in urgent.text and "Revenge Porn Helpline" in urgent.text
    assert urgent.text.count('class="audience"') >= 4


async def test_every_page_can_be_skipped_up_to_the_plan(walk: Walk) -> None:
    data: dict[str, str] = {"_step": "about"}
    for _ in range(20):
        page = await walk.post(data)
        assert page.status_code == 200
        assert "error-summary" not in page.text
        if heading(page.text) == "Check your answers":
            break
        at = re.search(r'name="_at" value="([^"]+)"', page.text)
        assert at is not None
        data = {"_at": at.group(1), "_step": "next"}
    plan = await walk.post({"_step": "questions"})
    assert heading(plan.text) == "Your plan"


async def test_back_from_the_first_area_returns_to_about_you_with_answers(
    walk: Walk,
) -> None:
    answers = {"profile.age_band": "16_17", "situation.threat_to_share": "no"}
    devices = await walk.post({"_step": "about", **answers})
    assert heading(devices.text) == "Your devices and apps"
    first = await walk.post({"_at": "devices", "_step": "next", **answers})
    assert heading(first.text) == "Privacy settings"
    back = await walk.post({"_step": "back", "_at": "privacy_settings", **answers})
    assert heading(back.text) == "Your devices and apps"
    back = await walk.post({"_step": "back", "_at": "devices", **answers})
    assert heading(back.text) == "About you"
    assert re.search(r'value="16_17" checked', back.text)


async def test_an_error_titles_the_page_and_links_to_the_first_input(walk: Walk) -> None:
    page = await walk.post({"_step": "about", "profile.age_band": "bogus"})
    assert re.search(r"<title>Error: Step 2 of 3 – Safety Check</title>", page.text)
    assert 'href="#q-profile-age_band-under_13"' in page.text
    assert "autofocus" in page.text


def test_catalogue_numbers_and_addresses_become_links() -> None:
    html = str(linkify("Call Childline (call 0800 1111, www.childline.org.uk) or 999 & 101."))
    assert '<a href="tel:08001111">0800 1111</a>' in html
    assert '<a href="tel:999">999</a>' in html
    assert '<a href="tel:101">101</a>' in html
    assert 'href="https://www.childline.org.uk"' in html
    assert "&amp;" in html  # the text itself is escaped
    shout = str(linkify(RESOURCES["shout"].text or ""))
    assert 'href="sms:85258?&amp;body=SHOUT"' in shout
    assert str(linkify("Room 1010 or 9999 <b>")) == "Room 1010 or 9999 &lt;b&gt;"


async def test_static_files_have_hashed_names_and_are_kept_for_a_year(client: Client) -> None:
    page = await client.get("/check")
    assert page.headers["cache-control"] == "no-store"
    for name, hashed in HASHED_NAMES.items():
        # The teacher-key page's script and the API reference's stylesheet are not the check's.
        if name not in ("copy.js", "reference.css"):
            assert f"/static/{hashed}" in page.text, name
        response = await client.get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert response.headers["content-encoding"] == "gzip"
    missing = await client.get("/static/style.000000000000.css")
    assert missing.status_code == 404
