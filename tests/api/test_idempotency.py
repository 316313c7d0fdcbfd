"""Idempotency-Key: a retried request gets the first answer back and is never counted twice."""

from __future__ import annotations

import asyncio
import uuid

from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import services_of
from safety_check.settings import Settings
from tests.engines import BOTH_ENGINES, dump, query, stored_at

pytestmark = BOTH_ENGINES
Client = AsyncTestClient[Litestar]
COHORTS = "/api/v1/cohorts"
ANSWERS = {
    "answers": {
        "profile.age_band": "13_15",
        "account_security.two_step_verification": "some",
    }
}


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def count(settings: Settings, table: str) -> int:
    [(rows,)] = query(stored_at(settings), f"SELECT count(*) FROM {table}")  # noqa: S608
    return int(rows)


async def test_a_retried_create_returns_the_first_class_and_makes_no_second(
    client: Client, settings: Settings
) -> None:
    headers = key()
    first = await client.post(COHORTS, json={"name": "8B"}, headers=headers)
    again = await client.post(COHORTS, json={"name": "8B"}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()  # the same join code, id and teacher key
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert count(settings, "cohorts") == 1
    report = await client.get(
        f"{COHORTS}/{first.json()['id']}/report",
        headers={"Authorization": f"Bearer {again.json()['teacher_key']}"},
    )
    assert report.status_code == 200  # the replayed key is the class's real key
    stored = dump(stored_at(settings))
    assert headers["Idempotency-Key"] not in stored
    assert first.json()["teacher_key"].removeprefix("sctk_") not in stored


async def test_a_key_sent_with_a_different_request_is_refused(
    client: Client, settings: Settings
) -> None:
    headers = key()
    assert (await client.post(COHORTS, json={"name": "8B"}, headers=headers)).status_code == 201
    other = await client.post(COHORTS, json={"name": "9C"}, headers=headers)
    assert other.status_code == 422
    assert "Idempotency-Key" in other.json()["detail"]
    assert count(settings, "cohorts") == 1


async def test_a_retried_response_returns_the_same_plan_and_is_stored_once(
    client: Client, settings: Settings
) -> None:
    code = (await client.post(COHORTS, json={"name": "8B"})).json()["join_code"]
    headers = key()
    first = await client.post(f"{COHORTS}/{code}/responses", json=ANSWERS, headers=headers)
    again = await client.post(f"{COHORTS}/{code}/responses", json=ANSWERS, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    assert again.headers["idempotent-replayed"] == "true"
    assert count(settings, "responses") == 1
    different = {"answers": {**ANSWERS["answers"], "account_security.two_step_verification": "all"}}
    refused = await client.post(f"{COHORTS}/{code}/responses", json=different, headers=headers)
    assert refused.status_code == 422
    fresh = await client.post(f"{COHORTS}/{code}/responses", json=ANSWERS, headers=key())
    assert fresh.status_code == 201
    assert count(settings, "responses") == 2


async def test_ten_retries_store_one_response(app: Litestar, settings: Settings) -> None:
    async with AsyncTestClient(app=app) as client:
        code = (await client.post(COHORTS, json={"name": "8B"})).json()["join_code"]
        headers = key()
        responses = await asyncio.gather(
            *(
                client.post(f"{COHORTS}/{code}/responses", json=ANSWERS, headers=headers)
                for _ in range(10)
            )
        )
    assert [response.status_code for response in responses] == [201] * 10
    assert count(settings, "responses") == 1


async def test_keys_are_deleted_with_their_class_and_after_a_day(
    client: Client, settings: Settings
) -> None:
    created = (await client.post(COHORTS, json={"name": "8B"}, headers=key())).json()
    await client.post(f"{COHORTS}/{created['join_code']}/responses", json=ANSWERS, headers=key())
    assert count(settings, "idempotency_keys") == 2
    deleted = await client.delete(
        f"{COHORTS}/{created['id']}", headers={"Authorization": f"Bearer {created['teacher_key']}"}
    )
    assert deleted.status_code == 204
    assert count(settings, "idempotency_keys") == 0

    from safety_check.storage.idempotency import purge_old_keys

    await client.post(COHORTS, json={"name": "9C"}, headers=key())
    import time

    database = services_of(client.app).platform.database  # type: ignore[attr-defined]
    assert await purge_old_keys(database, now=time.time() + 23 * 3600) == 0
    assert await purge_old_keys(database, now=time.time() + 26 * 3600) == 1
    assert count(settings, "idempotency_keys") == 0


async def test_a_malformed_key_is_400(client: Client) -> None:
    for bad in ("short", "x" * 256, "has space in it ok?"):
        response = await client.post(COHORTS, json={"name": "8B"}, headers={"Idempotency-Key": bad})
        assert response.status_code == 400, bad


async def test_requests_without_a_key_are_unchanged(client: Client, settings: Settings) -> None:
    created = await client.post(COHORTS, json={"name": "8B"})
    assert created.status_code == 201
    assert "idempotent-replayed" not in created.headers
    code = created.json()["join_code"]
    assert (await client.post(f"{COHORTS}/{code}/responses", json=ANSWERS)).status_code == 201
    assert (await client.post(f"{COHORTS}/{code}/responses", json=ANSWERS)).status_code == 201
    assert count(settings, "responses") == 2


async def test_a_retry_after_the_class_closed_gets_its_first_answer_back(
    client: Client, settings: Settings
) -> None:
    """The first answer was an acknowledgement: a retry that arrives after the teacher closed
    the check (a phone that lost signal at the bell) must not turn it into a 404."""
    created = (await client.post(COHORTS, json={"name": "8B"})).json()
    responses = f"{COHORTS}/{created['join_code']}/responses"
    headers = key()
    first = await client.post(responses, json=ANSWERS, headers=headers)
    assert first.status_code == 201
    teacher = {"Authorization": f"Bearer {created['teacher_key']}"}
    closed = await client.post(f"{COHORTS}/{created['id']}/close", headers=teacher)
    assert closed.status_code == 204
    again = await client.post(responses, json=ANSWERS, headers=headers)
    assert again.status_code == 201
    assert again.content == first.content
    assert again.headers["idempotent-replayed"] == "true"
    late = await client.post(responses, json=ANSWERS, headers=key())  # a new response: refused
    assert late.status_code == 404
    plain = await client.post(responses, json=ANSWERS)
    assert plain.status_code == 404
    assert count(settings, "responses") == 1


async def test_a_closed_class_answers_a_new_key_as_it_answers_no_key(client: Client) -> None:
    """Only a true retry is replayed: a new key (or a reused one with other answers) gets the
    same 404 as an unknown code, before its answers are even checked."""
    created = (await client.post(COHORTS, json={"name": "8B"})).json()
    teacher = {"Authorization": f"Bearer {created['teacher_key']}"}
    assert (await client.post(f"{COHORTS}/{created['id']}/close", headers=teacher)).status_code
    closed = f"{COHORTS}/{created['join_code']}/responses"
    unknown = (await client.post(f"{COHORTS}/ZZZZ-ZZZZ/responses", json=ANSWERS)).json()
    bad = {"answers": {"profile.age_band": "not-an-age"}}
    for body in (ANSWERS, bad):
        response = await client.post(closed, json=body, headers=key())
        assert response.status_code == 404
        assert response.json()["detail"] == unknown["detail"]
