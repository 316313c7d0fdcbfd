"""A school lead deletes their school through the JSON API (`DELETE /api/v1/schools/me`), on
SQLite and PostgreSQL: everything of that school goes, nothing of another school does, only the
lead may, and the web page and the API reach the same service method."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.classes.checks import BAD_TEACHER_KEY_LIMIT
from safety_check.service.classes.schools import Schools
from safety_check.settings import Settings
from tests.api.test_cohorts import frozen_clocks
from tests.api.test_school_delete import _school_with_a_class, _signed_in_lead
from tests.api.test_schools_api import SCHOOLS, add_teacher, bearer, make_class, new_school
from tests.api.test_schools_web import BROWSER_POST, HTML, csrf_from
from tests.engines import BOTH_ENGINES, query, stored_at

pytestmark = BOTH_ENGINES
__all__ = ["frozen_clocks"]  # the fixture keeping a test inside one limit window
Client = AsyncTestClient[Litestar]
ME = f"{SCHOOLS}/me"
# What a school holds, counted for the school with public id `?`.
HELD = {
    "schools": "SELECT count(*) FROM schools WHERE public_id = ?",
    "teachers": "SELECT count(*) FROM teachers WHERE school_id IN "
    "(SELECT id FROM schools WHERE public_id = ?)",
    "cohorts": "SELECT count(*) FROM cohorts WHERE school_id IN "
    "(SELECT id FROM schools WHERE public_id = ?)",
    "responses": "SELECT count(*) FROM responses WHERE cohort_id IN (SELECT c.id FROM cohorts c "
    "JOIN schools s ON s.id = c.school_id WHERE s.public_id = ?)",
}


def held(settings: Settings, school_id: str) -> dict[str, int]:
    location = stored_at(settings)
    return {table: int(query(location, sql, school_id)[0][0]) for table, sql in HELD.items()}


async def school_with_answers(client: Client, app: Litestar) -> tuple[str, str, str]:
    """A school's id, its lead's key and a second teacher's key; each teacher has a class with
    two responses."""
    made = await new_school(client, app)
    lead = made["lead"]["key"]
    teacher = (await add_teacher(client, lead, "Ms Khan"))["key"]
    for key, name in ((lead, "9L"), (teacher, "9K")):
        join_code = (await make_class(client, key, name))["join_code"]
        for _ in range(2):
            body = {"answers": {"profile.age_band": "13_15"}}
            stored = await client.post(f"/api/v1/cohorts/{join_code}/responses", json=body)
            assert stored.status_code == 201, stored.text
    return made["id"], lead, teacher


async def test_the_lead_deletes_the_school_and_everything_it_holds(
    client: Client, app: Litestar, settings: Settings
) -> None:
    school, lead, teacher = await school_with_answers(client, app)
    other, other_lead, _ = await school_with_answers(client, app)
    before = held(settings, other)
    assert held(settings, school) == {"schools": 1, "teachers": 2, "cohorts": 2, "responses": 4}

    deleted = await client.delete(ME, headers=bearer(lead))
    assert deleted.status_code == 204 and deleted.content == b""
    assert held(settings, school) == {"schools": 0, "teachers": 0, "cohorts": 0, "responses": 0}
    assert held(settings, other) == before  # another school keeps everything
    assert (await client.get(ME, headers=bearer(other_lead))).status_code == 200

    for key in (lead, teacher):  # the keys went with the school
        assert (await client.get(ME, headers=bearer(key))).status_code == 404
    again = await client.delete(ME, headers=bearer(lead))
    assert again.status_code == 404  # not idempotent in status: the key is gone
    assert again.json()["detail"] == "No school teacher has this key."


async def test_only_the_lead_with_a_working_key_may_delete(
    client: Client, app: Litestar, settings: Settings
) -> None:
    school, _, teacher = await school_with_answers(client, app)
    refused = await client.delete(ME, headers=bearer(teacher))
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Only a lead of the school can do this."
    assert (await client.delete(ME)).status_code == 401
    assert (await client.delete(ME, headers=bearer("scsk_" + "x" * 32))).status_code == 404
    welsh = await client.delete(ME, headers={**bearer(teacher), "Accept-Language": "cy"})
    assert welsh.status_code == 403 and welsh.json()["detail"] != refused.json()["detail"]
    assert held(settings, school)["responses"] == 4  # nothing happened


async def test_a_replaced_or_revoked_key_cannot_delete(
    client: Client, app: Litestar, settings: Settings
) -> None:
    school, lead, _ = await school_with_answers(client, app)
    me = (await client.get(ME, headers=bearer(lead))).json()["me"]
    renewed = await client.post(f"{ME}/teachers/{me['id']}/key", headers=bearer(lead))
    assert renewed.status_code == 201
    assert (await client.delete(ME, headers=bearer(lead))).status_code == 404  # the old key
    new_lead = renewed.json()["key"]
    deputy = await add_teacher(client, new_lead, "Deputy DSL")
    revoked = await client.post(
        f"{ME}/teachers/{deputy['teacher']['id']}/revoke", headers=bearer(new_lead)
    )
    assert revoked.status_code == 204
    assert (await client.delete(ME, headers=bearer(deputy["key"]))).status_code == 404
    assert held(settings, school)["responses"] == 4


async def test_the_lead_signed_in_on_the_web_is_signed_out_by_an_api_delete(
    client: Client, app: Litestar, settings: Settings
) -> None:
    lead_key, _, join_code = await _school_with_a_class(client, app)
    await _signed_in_lead(client, lead_key)
    assert (await client.get("/school", headers=HTML)).status_code == 200
    assert (await client.delete(ME, headers=bearer(lead_key))).status_code == 204
    assert (await client.get("/school", headers=HTML)).status_code == 401  # the session went too
    body = {"answers": {"profile.age_band": "13_15"}}
    late = await client.post(f"/api/v1/cohorts/{join_code}/responses", json=body)
    assert late.status_code == 404  # the join code stopped at once, not when a cache expired
    assert int(query(stored_at(settings), "SELECT count(*) FROM school_sessions")[0][0]) == 0


async def test_guessing_keys_to_delete_is_throttled_like_every_key(
    client: Client, app: Litestar, settings: Settings, frozen_clocks: list[float]
) -> None:
    """Wrong keys sent to delete count towards the guessing limit all teacher keys share: past
    it even the lead's right key is refused for the minute, and nothing is deleted."""
    school, lead, _ = await school_with_answers(client, app)
    statuses = [
        (await client.delete(ME, headers=bearer(f"scsk_guess{index}"))).status_code
        for index in range(BAD_TEACHER_KEY_LIMIT)
    ]
    assert statuses == [404] * BAD_TEACHER_KEY_LIMIT
    assert (await client.delete(ME, headers=bearer(lead))).status_code == 429
    assert held(settings, school)["schools"] == 1
    frozen_clocks[0] += 60
    assert (await client.delete(ME, headers=bearer(lead))).status_code == 204


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """What each call of `Schools.delete` was confirmed with, the real method still running."""
    seen: list[str | None] = []
    real = Schools.delete

    async def spy(self: Schools, *args: Any) -> Any:
        seen.append(args[-1])
        return await real(self, *args)

    monkeypatch.setattr(Schools, "delete", spy)
    return seen


async def test_the_web_page_and_the_api_share_one_service_method(
    client: Client, app: Litestar, calls: list[str | None]
) -> None:
    lead_key, _, _ = await _school_with_a_class(client, app)
    await _signed_in_lead(client, lead_key)
    page = await client.get("/school/delete", headers=HTML)
    done = await client.post(
        "/school/delete",
        data={"_csrf": csrf_from(page.text), "school_name": "Rowan Academy"},
        headers=BROWSER_POST,
    )
    assert done.status_code == 200
    client.cookies.clear()
    _, lead, _ = await school_with_answers(client, app)
    assert (await client.delete(ME, headers=bearer(lead))).status_code == 204
    assert calls == ["Rowan Academy", None]
