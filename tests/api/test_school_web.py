"""A school teacher's pages: sign in with a school key, see your classes, and (lead) manage
teachers' keys and read the school's figures; sessions end when a key is replaced or removed."""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import services_of
from tests.api.test_schools_web import BROWSER_POST, HTML, csrf_from

Client = AsyncTestClient[Litestar]
SIGN_IN = "Sign in with your teacher key"
KEY_RE = re.compile(r'<code id="teacher-key">(scsk_[A-Za-z0-9]+)</code>')


async def school(client: Client, app: Litestar) -> str:
    """A school made by the operator; the lead's key."""
    _, made = await services_of(app).schools.create("cli", "Rowan Academy", "DSL", None)
    return made.key


async def sign_in(client: Client, key: str) -> None:
    response = await client.post(
        "/schools/sign-in", data={"teacher_key": key}, headers=BROWSER_POST, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/school"
    cookie = response.headers["set-cookie"]
    assert "Path=/school" in cookie and "HttpOnly" in cookie and "samesite=strict" in cookie.lower()


async def test_a_lead_adds_a_teacher_whose_new_key_ends_the_old_sessions(
    client: Client, app: Litestar
) -> None:
    lead_key = await school(client, app)
    await sign_in(client, lead_key)
    home = await client.get("/school", headers=HTML)
    assert home.status_code == 200 and "Rowan Academy" in home.text and "Teachers" in home.text
    added = await client.post(
        "/school/teachers",
        data={"_csrf": csrf_from(home.text), "label": "Ms Khan"},
        headers=BROWSER_POST,
    )
    assert added.status_code == 201
    found = KEY_RE.search(added.text)
    assert found is not None and "only time the key is shown" in added.text
    khan_key = found.group(1)

    # One client, one teacher at a time (a second client would end the app's lifespan).
    client.cookies.clear()
    await sign_in(client, khan_key)
    mine = await client.get("/school", headers=HTML)
    assert "Ms Khan" in mine.text and "Teachers" not in mine.text  # not a lead
    assert (await client.get("/school/view", headers=HTML)).status_code == 401
    made = await client.post(
        "/school/new",
        data={"_csrf": csrf_from(mine.text), "name": "9K", "year_group": "Year 9"},
        headers=BROWSER_POST,
    )
    assert made.status_code == 201 and "Your class check is ready" in made.text
    listed = await client.get("/school", headers=HTML)
    [class_id] = re.findall(r'href="/school/classes/([A-Za-z0-9_-]+)"', listed.text)
    dashboard = await client.get(f"/school/classes/{class_id}", headers=HTML)
    assert dashboard.status_code == 200 and "9K" in dashboard.text
    khan_session = client.cookies.get("sc_school")

    # The lead gives Ms Khan a new key: her signed-in session ends with the old key.
    client.cookies.clear()
    await sign_in(client, lead_key)
    home = await client.get("/school", headers=HTML)
    assert "9K" in home.text  # every class of the school, for the lead
    [teacher_id] = re.findall(r'/school/teachers/([A-Za-z0-9_-]+)/revoke"', home.text)
    renewed = await client.post(
        f"/school/teachers/{teacher_id}/key",
        data={"_csrf": csrf_from(home.text)},
        headers=BROWSER_POST,
    )
    assert renewed.status_code == 201 and KEY_RE.search(renewed.text)
    view = await client.get("/school/view", headers=HTML)
    assert view.status_code == 200
    assert "The figures appear after the term ends" in view.text
    client.cookies.clear()
    after = await client.get("/school", headers={**HTML, "Cookie": f"sc_school={khan_session}"})
    assert after.status_code == 401 and SIGN_IN in after.text


async def test_without_a_session_or_the_right_token_nothing_changes(
    client: Client, app: Litestar
) -> None:
    assert (await client.get("/school", headers=HTML)).status_code == 401
    refused = await client.post(
        "/school/teachers", data={"label": "X"}, headers=BROWSER_POST, follow_redirects=False
    )
    assert refused.status_code == 401
    await sign_in(client, await school(client, app))
    forged = await client.post(
        "/school/teachers", data={"_csrf": "forged", "label": "X"}, headers=BROWSER_POST
    )
    assert forged.status_code == 403
    home = await client.get("/school", headers=HTML)
    out = await client.post(
        "/school/sign-out", data={"_csrf": csrf_from(home.text)}, headers=BROWSER_POST
    )
    assert out.status_code == 200  # followed to /schools
    assert (await client.get("/school", headers=HTML)).status_code == 401


async def test_each_class_form_posts_to_its_own_page(client: Client, app: Litestar) -> None:
    """The form for a new class is sent where it came from, never to the individual check."""
    plain = await client.get("/schools/new", headers=HTML)
    assert '<form method="post" action="/schools/new"' in plain.text
    await sign_in(client, await school(client, app))
    for_school = await client.get("/school/new", headers=HTML)
    assert '<form method="post" action="/school/new"' in for_school.text
