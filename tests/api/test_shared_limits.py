"""Limits shared through Redis: two server processes on one database count as one.

Each "process" here is its own app (its own memory, its own counters) on the same database and
the same Redis key prefix, which is what two uvicorn processes on two hosts are. Without Redis
each would allow the full limit, so two would allow twice as much.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Iterator

import msgspec
import pytest
import redis
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app
from safety_check.service.classes.checks import BAD_TEACHER_KEY_LIMIT
from safety_check.settings import Settings
from tests.engines import BOTH_ENGINES, redis_url

pytestmark = BOTH_ENGINES
Client = AsyncTestClient[Litestar]


@pytest.fixture
def shared(settings: Settings) -> Iterator[Settings]:
    """The test's settings, with limits in Redis under a key prefix of its own."""
    url = redis_url()
    prefix = f"test-{secrets.token_hex(6)}:"
    yield msgspec.structs.replace(settings, redis_url=url, redis_prefix=prefix)
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)


@pytest.fixture
async def two_processes(shared: Settings) -> AsyncIterator[tuple[Client, Client]]:
    async with (
        AsyncTestClient(app=create_app(shared)) as first,
        AsyncTestClient(app=create_app(shared)) as second,
    ):
        yield first, second


async def test_teacher_key_guesses_are_counted_across_processes(
    two_processes: tuple[Client, Client],
) -> None:
    first, second = two_processes
    created = await first.post("/api/v1/cohorts", json={"name": "8B"})
    assert created.status_code == 201
    path = f"/api/v1/cohorts/{created.json()['id']}/report"
    statuses = []
    for index in range(BAD_TEACHER_KEY_LIMIT + 10):
        client = (first, second)[index % 2]
        response = await client.get(path, headers={"Authorization": f"Bearer sctk_guess{index}"})
        statuses.append(response.status_code)
    assert statuses.count(404) == BAD_TEACHER_KEY_LIMIT  # one limit, not one per process
    assert statuses[BAD_TEACHER_KEY_LIMIT:] == [429] * 10


async def test_the_address_limit_is_shared(shared: Settings) -> None:
    limited = msgspec.structs.replace(shared, rate_limit=6)
    async with (
        AsyncTestClient(app=create_app(limited)) as first,
        AsyncTestClient(app=create_app(limited)) as second,
    ):
        statuses = [
            (await (first, second)[index % 2].get("/api/v1/resources")).status_code
            for index in range(8)
        ]
    assert statuses == [200] * 6 + [429] * 2


async def test_redis_keys_name_no_address_and_all_expire(
    two_processes: tuple[Client, Client], shared: Settings
) -> None:
    first, _ = two_processes
    for _ in range(3):
        await first.get("/api/v1/resources")
        await first.get("/join/ZZZZ-ZZZZ", headers={"Accept": "text/html"})
    assert shared.redis_url is not None
    client = redis.Redis.from_url(shared.redis_url)
    keys = list(client.scan_iter(match=f"{shared.redis_prefix}*"))
    assert len(keys) >= 2
    for key in keys:
        assert b"testclient" not in key and b"127.0.0.1" not in key and b"ZZZZ" not in key
        assert 0 < client.pttl(key) <= 60 * 60 * 1000
