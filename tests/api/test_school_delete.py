"""A school lead deletes their school from the web, after typing its name; on both engines."""

from __future__ import annotations

import html

from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import services_of
from safety_check.storage import class_checks as class_store
from tests.api.test_school_web import KEY_RE, school, sign_in
from tests.api.test_schools_web import BROWSER_POST, CODE_RE, HTML, csrf_from
from tests.engines import BOTH_ENGINES

pytestmark = BOTH_ENGINES
Client = AsyncTestClient[Litestar]
NAME = "Rowan Academy"


async def _school_with_a_class(client: Client, app: Litestar) -> tuple[str, str, str]:
    """The lead's key, a second teacher's key and a class's join code (with one response)."""
    lead_key = await school(client, app)
    await sign_in(client, lead_key)
    home = await client.get("/school", headers=HTML)
    added = await client.post(
        "/school/teachers",
        data={"_csrf": csrf_from(home.text), "label": "Ms Khan"},
        headers=BROWSER_POST,
    )
    found = KEY_RE.search(added.text)
    assert found is not None
    made = await client.post(
        "/school/new",
        data={"_csrf": csrf_from(home.text), "name": "9K", "year_group": "Year 9"},
        headers=BROWSER_POST,
    )
    code = CODE_RE.search(made.text)
    assert made.status_code == 201 and code is not None
    join_code = html.unescape(code.group(1))
    body = {"answers": {"profile.age_band": "13_15"}}
    stored = await client.post(f"/api/v1/cohorts/{join_code}/responses", json=body)
    assert stored.status_code == 201, stored.text
    return lead_key, found.group(1), join_code


async def _signed_in_lead(client: Client, lead_key: str) -> None:
    client.cookies.clear()
    await sign_in(client, lead_key)


async def test_a_lead_deletes_the_school_only_after_typing_its_name(
    client: Client, app: Litestar
) -> None:
    lead_key, teacher_key, join_code = await _school_with_a_class(client, app)
    await _signed_in_lead(client, lead_key)
    page = await client.get("/school/delete", headers=HTML)
    assert page.status_code == 200
    text = " ".join(page.text.split())
    assert "1 class check, with all 1 response." in text and "2 teacher keys" in text

    wrong = await client.post(
        "/school/delete",
        data={"_csrf": csrf_from(page.text), "school_name": "Rowan"},
        headers=BROWSER_POST,
    )
    assert wrong.status_code == 400 and "Type the school&#39;s name exactly" in wrong.text
    assert (await client.get("/school", headers=HTML)).status_code == 200  # nothing happened

    done = await client.post(
        "/school/delete",
        data={"_csrf": csrf_from(page.text), "school_name": "  rowan   ACADEMY "},
        headers=BROWSER_POST,
    )
    assert done.status_code == 200 and "The school has been deleted" in done.text
    assert 'sc_school=""' in done.headers["set-cookie"] or "Max-Age=0" in done.headers["set-cookie"]

    client.cookies.clear()
    for key in (lead_key, teacher_key):
        refused = await client.post(
            "/schools/sign-in", data={"teacher_key": key}, headers=BROWSER_POST
        )
        assert refused.status_code != 303 and "/school" not in refused.headers.get("location", "")
    body = {"answers": {"profile.age_band": "13_15"}}
    late = await client.post(f"/api/v1/cohorts/{join_code}/responses", json=body)
    assert late.status_code == 404
    database = services_of(app).class_checks.platform.database
    assert await class_store.find_by_code(database, join_code) is None
    assert await services_of(app).schools.summaries() == []


async def test_only_a_lead_with_the_session_token_can_delete(client: Client, app: Litestar) -> None:
    lead_key, teacher_key, _ = await _school_with_a_class(client, app)
    await _signed_in_lead(client, teacher_key)
    assert (await client.get("/school/delete", headers=HTML)).status_code == 401
    home = await client.get("/school", headers=HTML)
    refused = await client.post(
        "/school/delete",
        data={"_csrf": csrf_from(home.text), "school_name": NAME},
        headers=BROWSER_POST,
    )
    assert refused.status_code == 401
    await _signed_in_lead(client, lead_key)
    forged = await client.post(
        "/school/delete", data={"_csrf": "forged", "school_name": NAME}, headers=BROWSER_POST
    )
    assert forged.status_code == 403
    assert len(await services_of(app).schools.summaries()) == 1
