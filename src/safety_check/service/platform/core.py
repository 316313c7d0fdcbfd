"""What every feature shares: the database, the server's secret and the limits. No HTTP here.

Built once per app and handed to controllers by dependency injection (see `service/app.py`);
the class-checks service reaches storage only through the database held here.
"""

from __future__ import annotations

import collections
import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import msgspec
from litestar.di import NamedDependency

from safety_check.service.platform.limits import Counter as LimitCounter
from safety_check.service.platform.limits import MemoryCounter, RedisCounter, SharedOrLocal
from safety_check.settings import Settings
from safety_check.storage import Database, StorageError, open_database
from safety_check.storage.class_checks import session_secret
from safety_check.storage.keys import ApiKey, add_usage, find_key, today

if TYPE_CHECKING:
    from redis.asyncio import Redis

logger = logging.getLogger("safety_check")
REDIS_TIMEOUT_SECONDS = 1.0
"""A counter that takes longer than this is treated as down: limits must never slow help."""
LimitsMode = Literal["local", "shared", "local (shared store unreachable)"]


class UsageCounter:
    """Per-key request counts per day, kept in memory and written in batches."""

    def __init__(self) -> None:
        self._pending: collections.Counter[tuple[int, str]] = collections.Counter()

    def count(self, key_id: int) -> None:
        self._pending[(key_id, today())] += 1

    async def flush(self, database: Database) -> None:
        pending, self._pending = self._pending, collections.Counter()
        try:
            await add_usage(database, dict(pending))
        except Exception:
            self._pending.update(pending)
            raise


class AccessControl:
    """The shared limiter and usage counts (middleware instances are per route)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.trusted = settings.trusted_networks()
        self.limiter: LimitCounter = MemoryCounter()
        self.hourly: LimitCounter = MemoryCounter(window=60 * 60)
        self.usage = UsageCounter()

    def share(self, limiter: LimitCounter, hourly: LimitCounter) -> None:
        """Count in these (Redis) counters, shared with every other process, from now on."""
        self.limiter, self.hourly = limiter, hourly


class ReadinessCheck(msgspec.Struct, frozen=True, kw_only=True):
    database: bool
    limits: LimitsMode

    @property
    def ready(self) -> bool:
        # Limits fall back to this process when Redis is down, so only the database decides.
        return self.database


class Platform:
    def __init__(self, settings: Settings, database: Database | None = None) -> None:
        self.settings = settings
        self.database = database or open_database(settings.database_location())
        self.access = AccessControl(settings)
        self.secret = b""
        """The server's own secret (stored in the database): set by `start`."""
        self._redis: Redis | None = None
        self._shared: list[SharedOrLocal] = []
        self._has_run = False
        self._outages = OutageLog()

    async def start(self) -> None:
        if self._has_run:
            # A second lifespan of the same app (an embedding server, a test) runs on a new
            # event loop: give it its own database object and counters, never the old ones.
            self.database = open_database(self.settings.database_location())
            self.access = AccessControl(self.settings)
        self._has_run = True
        await self.database.open()
        try:
            self.secret = await session_secret(self.database)
            if self.settings.redis_url is not None:
                await self._share_limits(self.settings.redis_url)
        except BaseException:
            # A refused start still closes what it opened: an SQLite connection left open keeps
            # a thread that later calls into this start's closed event loop.
            await self.stop()
            raise

    async def stop(self) -> None:
        try:
            await self.access.usage.flush(self.database)
        finally:
            await self.database.close()
            redis, self._redis, self._shared = self._redis, None, []
            if redis is not None:
                await redis.aclose()

    async def _share_limits(self, url: str) -> None:
        """Count every limit in Redis, shared by all processes, falling back to this process's
        own counts while Redis does not answer (see `SharedOrLocal`, `connect_redis`)."""
        redis = await connect_redis(url, on_outage=self._outages.down)
        self._redis = redis

        def counter(local: LimitCounter) -> SharedOrLocal:
            shared = RedisCounter(
                redis, prefix=self.settings.redis_prefix, secret=self.secret, window=local.window
            )
            return SharedOrLocal(
                shared, local, on_outage=self._outages.down, on_recovery=self._outages.up
            )

        limiter, hourly = counter(self.access.limiter), counter(self.access.hourly)
        self._shared = [limiter, hourly]
        self.access.share(limiter, hourly)

    def limits_mode(self) -> LimitsMode:
        if not self._shared:
            return "local"
        if all(counter.shared_is_up for counter in self._shared):
            return "shared"
        return "local (shared store unreachable)"

    async def readiness(self) -> ReadinessCheck:
        if self._redis is not None and self.limits_mode() == "shared":
            await self._probe_redis()
        return ReadinessCheck(database=await self.database.ping(), limits=self.limits_mode())

    async def _probe_redis(self) -> None:
        """A failed ping counts as an outage, so readiness reports it before a request finds it."""
        for counter in self._shared:
            await counter.peek("readiness")

    async def find_api_key(self, presented: str) -> ApiKey | None:
        return await find_key(self.database, presented)

    def count_key_use(self, key: ApiKey) -> None:
        self.access.usage.count(key.id)


async def connect_redis(
    url: str, on_outage: Callable[[BaseException], None] | None = None
) -> Redis:
    """A client for the limits' Redis, checked with a ping.

    Redis being down does not stop a start (`on_outage` hears of it): a process that refused to
    start during an outage would take the crisis pages down with it. A Redis that answers but
    refuses these settings (a wrong password, no such database) never will work: that raises
    `StorageError`, so a typo cannot leave every limit counted per process unnoticed.
    """
    from redis.asyncio import Redis
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import RedisError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    redis: Redis = Redis.from_url(
        url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
    )
    try:
        await redis.ping()
    except (RedisConnectionError, RedisTimeoutError, OSError) as error:
        if on_outage is not None:
            on_outage(error)
    except RedisError as error:
        await redis.aclose()
        raise StorageError(
            f"SAFETY_CHECK_REDIS_URL: Redis refused these settings ({type(error).__name__})"
        ) from None
    return redis


class OutageLog:
    """Says when Redis stops answering (at most once a minute) and when it answers again."""

    def __init__(self) -> None:
        self._last = -math.inf

    def down(self, error: BaseException) -> None:
        now = time.monotonic()
        if now - self._last >= 60:
            self._last = now
            cause = type(error.__cause__ or error).__name__
            logger.warning(
                "Redis is not answering (%s): counting limits in this process until it does",
                cause,
            )

    def up(self) -> None:
        self._last = -math.inf
        logger.warning("Redis answers again: limits are shared again")


InjectedPlatform = NamedDependency[Platform]
"""A handler parameter named `platform` gets the app's platform service (see service/app.py)."""
CallerAddress = NamedDependency[str]
"""A handler parameter named `caller_address` gets the client's address, after trusted proxies."""
