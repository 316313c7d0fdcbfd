"""The counters behind every limit, in memory and in Redis: atomic, refundable, expiring."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator

import pytest

from safety_check.service.limits import Counter, MemoryCounter, RedisCounter
from tests.engines import redis_url


@pytest.fixture(params=["memory", "redis"])
async def counter(request: pytest.FixtureRequest) -> AsyncIterator[Counter]:
    if request.param == "memory":
        yield MemoryCounter()
        return
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url())
    prefix = f"test-{secrets.token_hex(6)}:"
    try:
        yield RedisCounter(client, prefix=prefix, secret=b"k" * 32)
    finally:
        async for key in client.scan_iter(match=f"{prefix}*"):
            await client.delete(key)
        await client.aclose()


async def test_concurrent_hits_allow_exactly_the_limit(counter: Counter) -> None:
    decisions = await asyncio.gather(*(counter.hit("guesser", 20) for _ in range(250)))
    assert sum(decision.allowed for decision in decisions) == 20
    assert sorted(decision.remaining for decision in decisions)[-1] == 19


async def test_a_refund_gives_one_hit_back_and_never_goes_below_zero(counter: Counter) -> None:
    for _ in range(3):
        await counter.hit("school", 3)
    await counter.refund("school")
    assert await counter.peek("school") == 2
    assert (await counter.hit("school", 3)).allowed
    for _ in range(5):
        await counter.refund("other")
    assert await counter.peek("other") == 0


async def test_a_slot_has_one_holder_until_released(counter: Counter) -> None:
    claims = await asyncio.gather(*(counter.claim("lane", 30) for _ in range(20)))
    assert claims.count(True) == 1
    await counter.release("lane")
    assert await counter.claim("lane", 30)


async def test_a_window_reports_when_it_resets(counter: Counter) -> None:
    decision = await counter.hit("someone", 5)
    assert 1 <= decision.reset <= counter.window
    assert decision.headers()[3] == (b"ratelimit-policy", f"5;w={counter.window}".encode())
