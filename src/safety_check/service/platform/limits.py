"""Counters behind every rate and guessing limit: in this process, or shared through Redis.

Each counter is a fixed window per identity: the first hit starts it, and it resets when the
window ends. A hit is counted atomically *before* the caller acts on it, so any number of
concurrent requests, in any number of processes that share one Redis, can never all see the same
"one left". A caller that turns out not to have spent anything (a join code that was right) gives
its hit back with `refund`.

A slot is a short lease (`SET NX PX`): at most one holder per identity until it expires or is
released. The join-code guard uses one to let an address that has used up its wrong guesses
through at a slow, steady pace, so guessing stays slow and a right code still gets in.

Identities reach Redis only as keyed hashes: an address never appears in a Redis key, and the key
(the service's session secret) is not in Redis.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Protocol, TypeVar

import msgspec

from safety_check.service.platform.template_i18n import Text

if TYPE_CHECKING:
    from redis.asyncio import Redis


class RedisUnavailable(Exception):
    """Redis did not answer (its own errors, re-raised as ours so callers need not import
    redis-py when no Redis is configured)."""


WINDOW_SECONDS = 60
T = TypeVar("T")


class Decision(msgspec.Struct, frozen=True):
    allowed: bool
    limit: int
    remaining: int
    reset: int
    window: int = WINDOW_SECONDS

    def headers(self) -> list[tuple[bytes, bytes]]:
        return [
            (b"ratelimit-limit", str(self.limit).encode()),
            (b"ratelimit-remaining", str(self.remaining).encode()),
            (b"ratelimit-reset", str(self.reset).encode()),
            (b"ratelimit-policy", f"{self.limit};w={self.window}".encode()),
        ]


class Counter(Protocol):
    window: int

    async def hit(self, identity: str, limit: int) -> Decision:
        """Count one more hit, then say whether it is within `limit`."""
        ...

    async def refund(self, identity: str) -> None:
        """Give back one hit of the current window (never below zero)."""
        ...

    async def peek(self, identity: str) -> int:
        """Hits so far in the current window, without counting one."""
        ...

    async def claim(self, identity: str, seconds: float) -> bool:
        """Take the identity's slot for `seconds`; False if someone holds it."""
        ...

    async def release(self, identity: str) -> None: ...


def _decision(count: int, limit: int, reset: float, window: int) -> Decision:
    return Decision(count <= limit, limit, max(0, limit - count), max(1, math.ceil(reset)), window)


class MemoryCounter:
    """Counts in this process only: with several processes, each keeps its own counts."""

    def __init__(
        self, window: int = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.window = window
        self.clock = clock
        self._counts: dict[str, tuple[float, int]] = {}
        self._slots: dict[str, float] = {}

    def _current(self, identity: str) -> tuple[float, int]:
        # The window starts at the identity's first hit, as in Redis. Windows aligned to the
        # clock would let a burst that straddles a boundary have the limit twice over.
        now = self.clock()
        start, count = self._counts.get(identity, (now, 0))
        return (start, count) if now - start < self.window else (now, 0)

    async def hit(self, identity: str, limit: int) -> Decision:
        return self.hit_now(identity, limit)

    def hit_now(self, identity: str, limit: int) -> Decision:
        """`hit` without a suspension point: nothing else runs between the count and the answer."""
        start, count = self._current(identity)
        count += 1
        self._counts[identity] = (start, count)
        now = self.clock()
        if len(self._counts) > 100_000:
            self._counts = {k: v for k, v in self._counts.items() if now - v[0] < self.window}
        return _decision(count, limit, start + self.window - now, self.window)

    async def refund(self, identity: str) -> None:
        start, count = self._current(identity)
        if count > 0:
            self._counts[identity] = (start, count - 1)

    async def peek(self, identity: str) -> int:
        return self._current(identity)[1]

    async def claim(self, identity: str, seconds: float) -> bool:
        now = self.clock()
        if self._slots.get(identity, -math.inf) > now:
            return False
        if len(self._slots) > 100_000:
            self._slots = {k: v for k, v in self._slots.items() if v > now}
        self._slots[identity] = now + seconds
        return True

    async def release(self, identity: str) -> None:
        self._slots.pop(identity, None)


# INCR and EXPIRE in one script, so a window can never be left without its expiry.
_HIT = """
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
"""
_REFUND = """
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0
"""


class RedisCounter:
    """Counts shared by every process that uses the same Redis and key prefix."""

    def __init__(
        self, redis: Redis, *, prefix: str, secret: bytes, window: int = WINDOW_SECONDS
    ) -> None:
        self.window = window
        self._redis = redis
        self._prefix = f"{prefix}w{window}:"
        self._secret = secret
        self._hit = redis.register_script(_HIT)
        self._refund = redis.register_script(_REFUND)

    def _key(self, identity: str, kind: str = "c") -> str:
        digest = hashlib.blake2b(identity.encode(), key=self._secret[:64], digest_size=16)
        return f"{self._prefix}{kind}:{digest.hexdigest()}"

    async def hit(self, identity: str, limit: int) -> Decision:
        with _redis_errors():
            count, ttl_ms = await self._hit(keys=[self._key(identity)], args=[self.window * 1000])
        return _decision(int(count), limit, int(ttl_ms) / 1000, self.window)

    async def refund(self, identity: str) -> None:
        with _redis_errors():
            await self._refund(keys=[self._key(identity)])

    async def peek(self, identity: str) -> int:
        with _redis_errors():
            value = await self._redis.get(self._key(identity))
        return int(value) if value is not None else 0

    async def claim(self, identity: str, seconds: float) -> bool:
        key = self._key(identity, "slot")
        with _redis_errors():
            return bool(await self._redis.set(key, b"1", nx=True, px=max(1, int(seconds * 1000))))

    async def release(self, identity: str) -> None:
        with _redis_errors():
            await self._redis.delete(self._key(identity, "slot"))


@contextlib.contextmanager
def _redis_errors() -> Iterator[None]:
    from redis.exceptions import RedisError

    try:
        yield
    except RedisError as error:
        raise RedisUnavailable(str(error)) from error


class TooManyAttempts(Exception):
    """A limit said no: what to tell the person, and after how many seconds to try again."""

    def __init__(self, message: Text, retry_after: int = WINDOW_SECONDS) -> None:
        super().__init__(message.message)
        self.message = message
        self.retry_after = retry_after


_OUTAGE = (OSError, TimeoutError, RedisUnavailable)
OUTAGE_RETRY_SECONDS = 5.0
"""After Redis fails, how long to count in this process before asking Redis again."""


class SharedOrLocal:
    """Redis while it answers; this process's own counts while it does not.

    An outage of the shared counter must not take class checks or the crisis pages down with it:
    every request would otherwise wait for Redis and then fail. Limits still hold during the
    outage, per process (as without Redis), and Redis is tried again every few seconds.
    """

    def __init__(
        self,
        shared: Counter,
        local: Counter,
        clock: Callable[[], float] = time.monotonic,
        on_outage: Callable[[BaseException], None] | None = None,
        on_recovery: Callable[[], None] | None = None,
    ) -> None:
        self.window = shared.window
        self._shared = shared
        self._local = local
        self._clock = clock
        self._down_until = -math.inf
        self._was_down = False
        self._on_outage = on_outage
        self._on_recovery = on_recovery

    @property
    def shared_is_up(self) -> bool:
        return self._clock() >= self._down_until

    def _counter(self) -> Counter:
        return self._shared if self.shared_is_up else self._local

    def _failed(self, error: BaseException) -> Counter:
        if self.shared_is_up and self._on_outage is not None:
            self._on_outage(error)  # once per retry window, not once per request
        self._down_until = self._clock() + OUTAGE_RETRY_SECONDS
        self._was_down = True
        return self._local

    def _answered(self, counter: Counter) -> None:
        if counter is self._shared and self._was_down:
            self._was_down = False
            if self._on_recovery is not None:
                self._on_recovery()

    async def _use(self, call: Callable[[Counter], Awaitable[T]]) -> T:
        """`call` on Redis while it answers, else (and when it fails now) on the local counts."""
        counter = self._counter()
        try:
            result = await call(counter)
        except _OUTAGE as error:
            return await call(self._failed(error))
        self._answered(counter)
        return result

    async def hit(self, identity: str, limit: int) -> Decision:
        return await self._use(lambda counter: counter.hit(identity, limit))

    async def refund(self, identity: str) -> None:
        await self._use(lambda counter: counter.refund(identity))

    async def peek(self, identity: str) -> int:
        return await self._use(lambda counter: counter.peek(identity))

    async def claim(self, identity: str, seconds: float) -> bool:
        return await self._use(lambda counter: counter.claim(identity, seconds))

    async def release(self, identity: str) -> None:
        await self._use(lambda counter: counter.release(identity))
