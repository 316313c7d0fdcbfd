"""What every feature shares: the database, the server's secret and the limits. No HTTP here.

Built once per app and handed to controllers by dependency injection (see `service/app.py`);
the class-checks service reaches storage only through the database held here.
"""

from __future__ import annotations

import collections
import logging
import time
from typing import TYPE_CHECKING, Any, Literal

import msgspec
from litestar.di import NamedDependency

from safety_check.service.platform.limits import Counter as LimitCounter
from safety_check.service.platform.limits import MemoryCounter, RedisCounter, SharedOrLocal
from safety_check.settings import Settings
from safety_check.storage import Database, open_database
from safety_check.storage.cohorts import session_secret
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


class Readiness(msgspec.Struct, frozen=True, kw_only=True):
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

    async def start(self) -> None:
        await self.database.open()
        self.secret = await session_secret(self.database)
        if self.settings.redis_url is not None:
            await self._share_limits(self.settings.redis_url)

    async def stop(self) -> None:
        try:
            await self.access.usage.flush(self.database)
        finally:
            await self.database.close()
            if self._redis is not None:
                await self._redis.aclose()

    async def _share_limits(self, url: str) -> None:
        """Count every limit in Redis, shared by all processes, falling back to this process's
        own counts while Redis does not answer (see `SharedOrLocal`)."""
        from redis.asyncio import Redis

        self._redis = Redis.from_url(
            url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
        )
        redis = self._redis

        def counter(local: Any) -> SharedOrLocal:
            shared = RedisCounter(
                redis, prefix=self.settings.redis_prefix, secret=self.secret, window=local.window
            )
            return SharedOrLocal(shared, local, on_outage=_log_outage)

        limiter, hourly = counter(self.access.limiter), counter(self.access.hourly)
        self._shared = [limiter, hourly]
        self.access.share(limiter, hourly)
        try:
            await redis.ping()
        except Exception as error:
            # Starting matters more than sharing: a process that refused to start during a Redis
            # outage would take the crisis pages down with it.
            _log_outage(error)

    def limits_mode(self) -> LimitsMode:
        if not self._shared:
            return "local"
        if all(counter.shared_is_up for counter in self._shared):
            return "shared"
        return "local (shared store unreachable)"

    async def readiness(self) -> Readiness:
        if self._redis is not None and self.limits_mode() == "shared":
            await self._probe_redis()
        return Readiness(database=await self.database.ping(), limits=self.limits_mode())

    async def _probe_redis(self) -> None:
        """A failed ping counts as an outage, so readiness reports it before a request finds it."""
        for counter in self._shared:
            await counter.peek("readiness")

    async def find_api_key(self, presented: str) -> ApiKey | None:
        return await find_key(self.database, presented)

    def count_key_use(self, key: ApiKey) -> None:
        self.access.usage.count(key.id)


_last_outage_log = [-1e9]


def _log_outage(error: BaseException) -> None:
    now = time.monotonic()
    if now - _last_outage_log[0] >= 60:
        _last_outage_log[0] = now
        logger.warning(
            "Redis is not answering (%s): counting limits in this process until it does",
            type(error).__name__,
        )


InjectedPlatform = NamedDependency[Platform]
"""A handler parameter named `platform` gets the app's platform service (see service/app.py)."""
CallerAddress = NamedDependency[str]
"""A handler parameter named `caller_address` gets the client's address, after trusted proxies."""
