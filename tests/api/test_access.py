"""Rate limits that let a class through and stop a flood; partner API keys end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app, services_of
from safety_check.service.platform.access import client_address
from safety_check.service.platform.limits import MemoryCounter
from safety_check.settings import Settings
from safety_check.storage.keys import create_key, list_keys, revoke_key

Client = AsyncTestClient[Litestar]
PLANS = "/api/v1/plans"
ANSWERS = {"answers": {"profile.age_band": "13_15", "situation.threat_to_share": "no"}}


def freeze_clock(app: Litestar) -> None:
    """Keep the whole test inside one rate-limit window, whatever the wall clock does."""
    services_of(app).platform.access.limiter.clock = lambda: 30.0


async def test_a_class_of_35_behind_one_address_completes_a_check(
    client: Client, app: Litestar
) -> None:
    freeze_clock(app)
    for _pupil in range(35):
        assert (await client.get("/api/v1/questionnaire")).status_code == 200
        assert (await client.get("/api/v1/resources")).status_code == 200
        response = await client.post(PLANS, json=ANSWERS)
        assert response.status_code == 200
    assert int(response.headers["ratelimit-remaining"]) > 0
    assert response.headers["ratelimit-policy"].endswith(";w=60")


async def test_a_flood_is_stopped_with_429_and_headers(client: Client, app: Litestar) -> None:
    freeze_clock(app)
    statuses = []
    for _ in range(400):
        response = await client.get("/api/v1/resources")
        statuses.append(response.status_code)
    assert statuses.count(200) == 300
    assert statuses[-1] == 429
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["ratelimit-remaining"] == "0"
    assert int(response.headers["retry-after"]) >= 1
    assert (await client.get("/api/v1/healthz")).status_code == 200  # probes are never limited


async def test_fixed_window_resets() -> None:
    now = [0.0]
    limiter = MemoryCounter(window=60, clock=lambda: now[0])
    assert [(await limiter.hit("a", 2)).allowed for _ in range(3)] == [True, True, False]
    assert (await limiter.hit("b", 2)).allowed
    now[0] = 61.0
    decision = await limiter.hit("a", 2)
    assert decision.allowed and decision.remaining == 1


def scope(peer: str, forwarded: str | None = None) -> dict:  # type: ignore[type-arg]
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return {"client": (peer, 1234), "headers": headers}


def test_forwarded_for_is_believed_only_from_trusted_proxies() -> None:
    trusted = Settings(trusted_proxies=("10.0.0.0/8",)).trusted_networks()
    assert client_address(scope("203.0.113.9", "198.51.100.1"), trusted) == "203.0.113.9"  # type: ignore[arg-type]
    assert client_address(scope("10.0.0.2", "198.51.100.1"), trusted) == "198.51.100.1"  # type: ignore[arg-type]
    assert client_address(scope("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.3"), trusted) == (  # type: ignore[arg-type]
        "198.51.100.1"
    )
    assert client_address(scope("10.0.0.2", "198.51.100.1"), ()) == "10.0.0.2"  # type: ignore[arg-type]


async def test_spoofed_forwarded_for_does_not_escape_the_limit(tmp_path: Path) -> None:
    app = create_app(Settings(database=tmp_path / "db.sqlite", rate_limit=5))
    freeze_clock(app)
    async with AsyncTestClient(app=app) as client:
        statuses = [
            (
                await client.get(
                    "/api/v1/resources", headers={"X-Forwarded-For": f"198.51.100.{i}"}
                )
            ).status_code
            for i in range(8)
        ]
    assert statuses.count(429) == 3


async def test_key_lifecycle(client: Client, app: Litestar) -> None:
    database = services_of(app).platform.database
    key, record = await create_key(database, "Partner app")
    assert key.startswith("sck_") and len(key) > 50
    response = await client.post(PLANS, json=ANSWERS, headers={"X-API-Key": key})
    assert response.status_code == 200
    assert response.headers["ratelimit-limit"] == str(app.state.settings.key_rate_limit)
    await services_of(app).platform.access.usage.flush(database)
    usage = await list_keys(database)
    assert [(u.key.name, u.requests_today) for u in usage] == [("Partner app", 1)]
    stored = str(await database.fetch_all("SELECT * FROM api_keys"))
    assert key not in stored and key.split("_", 2)[2] not in stored  # only a hash is kept
    assert await revoke_key(database, record.prefix)
    revoked = await client.post(PLANS, json=ANSWERS, headers={"X-API-Key": key})
    assert revoked.status_code == 401
    assert revoked.headers["content-type"] == "application/problem+json"
    assert not await revoke_key(database, record.prefix)


@pytest.mark.parametrize("bad", ["nope", "sck_000000000000_" + "a" * 43, ""])
async def test_invalid_keys_are_401(client: Client, bad: str) -> None:
    response = await client.post(PLANS, json=ANSWERS, headers={"X-API-Key": bad})
    assert response.status_code == 401


async def test_guessing_keys_is_throttled(client: Client, app: Litestar) -> None:
    freeze_clock(app)
    statuses = [
        (await client.get("/api/v1/resources", headers={"X-API-Key": f"guess{i}"})).status_code
        for i in range(30)
    ]
    assert statuses[:20] == [401] * 20
    assert set(statuses[20:]) == {429}


@pytest.mark.parametrize("name", ["api_key", "key", "apikey", "X-API-Key"])
async def test_keys_in_the_query_string_are_refused(
    client: Client, app: Litestar, name: str
) -> None:
    key, _ = await create_key(services_of(app).platform.database, "Partner")
    response = await client.get("/api/v1/resources", params={name: key})
    assert response.status_code == 400
    assert "header" in response.json()["detail"]


async def test_cors_is_off_by_default(client: Client) -> None:
    response = await client.get("/api/v1/questionnaire", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


async def test_cors_allow_list(tmp_path: Path) -> None:
    settings = Settings(database=tmp_path / "db.sqlite", cors_origins=("https://partner.example",))
    async with AsyncTestClient(app=create_app(settings)) as client:
        good = await client.get(
            "/api/v1/questionnaire", headers={"Origin": "https://partner.example"}
        )
        bad = await client.get("/api/v1/questionnaire", headers={"Origin": "https://evil.example"})
    assert good.headers["access-control-allow-origin"] == "https://partner.example"
    assert "access-control-allow-origin" not in bad.headers


async def test_class_traffic_checks_and_counts_a_partner_key(client: Client, app: Litestar) -> None:
    """Class responses are not limited per address, but a key sent with them is still a key:
    a wrong one is refused and a right one is counted for its partner."""
    database = services_of(app).platform.database
    key, _ = await create_key(database, "Partner app")
    code = (await client.post("/api/v1/cohorts", json={"name": "8B"})).json()["join_code"]
    responses = f"/api/v1/cohorts/{code}/responses"
    wrong = await client.post(responses, json=ANSWERS, headers={"X-API-Key": "sck_wrong"})
    assert wrong.status_code == 401
    right = await client.post(responses, json=ANSWERS, headers={"X-API-Key": key})
    assert right.status_code == 201
    assert right.headers["ratelimit-limit"] == str(app.state.settings.key_rate_limit)
    without = await client.post(responses, json=ANSWERS)
    assert without.status_code == 201
    assert "ratelimit-limit" not in without.headers  # counted per join code, not per address
    await services_of(app).platform.access.usage.flush(database)
    assert [u.requests_today for u in await list_keys(database)] == [1]


async def test_a_join_link_with_a_rewritten_query_still_reaches_the_class(
    client: Client,
) -> None:
    """Mailers and learning platforms add tracking parameters to links; a class's join link
    must still open, though a partner request with a key in its query is refused."""
    code = (await client.post("/api/v1/cohorts", json={"name": "8B"})).json()["join_code"]
    page = await client.get(f"/join/{code}", params={"token": "utm-abc"})
    assert page.status_code == 200
    with_key = await client.get(
        f"/join/{code}", params={"token": "x"}, headers={"X-API-Key": "sck_anything"}
    )
    assert with_key.status_code == 400
