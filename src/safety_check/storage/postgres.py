"""PostgreSQL: the engine for more than one machine (psycopg 3, async, with psycopg-pool).

Every server process keeps a small pool of connections; any number of processes on any number of
hosts can share one database. Durability is the server's: a commit returns only once its WAL
record is flushed (`synchronous_commit` must be on, and `fsync` too, checked at start like
SQLite's pragmas). Writes that must not race a teacher closing the class lock the class's row
`FOR SHARE` (the `{lock_open}` word in shared SQL), so a close waits for responses already being
inserted and no response can land after it.

While PostgreSQL does not answer, requests fail at once instead of queueing for a connection: the
first lost connection (or a pool that cannot hand one out within ACQUIRE_TIMEOUT) opens a circuit,
every later request gets `DatabaseUnreachable` (503 with Retry-After) without touching the pool,
and one background task tries to connect every PROBE_SECONDS; its first success drops the pool's
dead connections and closes the circuit. No restart is needed.

Migrations take a transaction-level advisory lock, so processes starting together apply each
migration once. Backups are `pg_dump` (README: "More than one machine").
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from safety_check.storage.engine import (
    Database,
    Parameters,
    Row,
    StorageError,
    Transaction,
)
from safety_check.storage.migrations import POSTGRES_MIGRATIONS

MIGRATION_LOCK = 0x5AFE7C
POOL_MIN = 1
POOL_MAX = 8
CONNECT_TIMEOUT = 10.0
ACQUIRE_TIMEOUT = 3.0
"""Longest wait for a pooled connection: a request caught as PostgreSQL goes away waits no
longer than this; the ones after it are refused at once by the circuit."""
PROBE_SECONDS = 0.5
PROBE_CONNECT_TIMEOUT = 2  # libpq's smallest useful connect_timeout
logger = logging.getLogger("safety_check.storage")
_PLACEHOLDER = re.compile(r"\?")
EXPECTED_SETTINGS = {"fsync": ("on",), "synchronous_commit": ("on", "remote_write", "remote_apply")}


class _PgTransaction(Transaction):
    def __init__(self, connection: psycopg.AsyncConnection[Any]) -> None:
        self._connection = connection

    async def execute(self, sql: str, parameters: Parameters = ()) -> int:
        cursor = await self._connection.execute(sql, tuple(parameters), prepare=True)
        return cursor.rowcount

    async def fetch_all(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        cursor = await self._connection.execute(sql, tuple(parameters), prepare=True)
        return [tuple(row) for row in await cursor.fetchall()]

    async def execute_many(self, sql: str, rows: Sequence[Parameters]) -> int:
        async with self._connection.cursor() as cursor:
            await cursor.executemany(sql, [tuple(parameters) for parameters in rows])
            return cursor.rowcount  # summed over every set of parameters (psycopg >= 3.1)


class DatabaseUnreachable(psycopg.OperationalError):
    """PostgreSQL did not answer just now; refused without waiting while a probe retries."""


class PostgresDatabase(Database):
    dialect = "postgresql"
    _words = {
        "today": "to_char((now() AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD')",
        "lock_open": "FOR SHARE",
    }

    def __init__(self, url: str, *, max_size: int = POOL_MAX) -> None:
        super().__init__()
        self.url = url
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]] | None = None
        self._max_size = max_size
        self._conninfo = url
        self._probe: asyncio.Task[None] | None = None
        """Set while the circuit is open: the task trying to reach PostgreSQL again."""

    def _translate(self, text: str) -> str:
        return _PLACEHOLDER.sub("%s", text.replace("%", "%%"))

    async def open(self) -> None:
        # The session stays in UTC (`{today}` names Europe/London itself); keep any options the
        # URL already sets (a search_path, say).
        options = str(conninfo_to_dict(self.url).get("options") or "")
        conninfo = make_conninfo(self.url, options=f"{options} -c timezone=UTC".strip())
        self._conninfo = conninfo
        await self._connect_once(conninfo)
        pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]] = AsyncConnectionPool(
            conninfo,
            min_size=POOL_MIN,
            max_size=self._max_size,
            kwargs={"autocommit": True},
            open=False,
            timeout=ACQUIRE_TIMEOUT,
        )
        try:
            await pool.open(wait=True, timeout=CONNECT_TIMEOUT)
            self._pool = pool
            await self._check_settings()
            await self._migrate()
        except BaseException as error:
            await self.close()
            await pool.close()
            if isinstance(error, psycopg.Error | TimeoutError):
                raise StorageError(f"cannot open database {_safe(self.url)}: {error}") from error
            raise

    async def _connect_once(self, conninfo: str) -> None:
        """One connection before the pool: a wrong address or a missing database is then one
        clear line, not a pool retrying and logging for its whole timeout."""
        try:
            connection = await psycopg.AsyncConnection.connect(
                conninfo, connect_timeout=int(CONNECT_TIMEOUT)
            )
        except psycopg.OperationalError as error:
            reason = " ".join(line.strip() for line in str(error).splitlines() if line.strip())
            raise StorageError(
                f"cannot open database {_safe(self.url)}: {reason or type(error).__name__}"
            ) from None
        await connection.close()

    async def close(self) -> None:
        if self._pool is None:
            return
        await self.grouped.drain()  # queued writes were promised a commit
        pool, self._pool = self._pool, None
        if self._probe is not None:
            self._probe.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._probe
            self._probe = None
        await pool.close()

    def _require_pool(self) -> AsyncConnectionPool[psycopg.AsyncConnection[Any]]:
        if self._pool is None:
            raise StorageError("database is not open")
        return self._pool

    @property
    def reachable(self) -> bool:
        """False while the circuit is open (a connect failed and the probe has not yet won)."""
        return self._probe is None

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[psycopg.AsyncConnection[Any]]:
        pool = self._require_pool()
        if self._probe is not None:
            raise DatabaseUnreachable("PostgreSQL did not answer; retrying in the background")
        connection: psycopg.AsyncConnection[Any] | None = None
        try:
            async with pool.connection() as connection:
                yield connection
        except PoolTimeout:
            self._open_circuit(pool)
            raise
        except psycopg.OperationalError:
            if connection is not None and connection.broken:
                self._open_circuit(pool)
            raise

    def _open_circuit(self, pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]]) -> None:
        if self._probe is None and self._pool is pool:
            logger.warning("PostgreSQL is not answering: refusing requests until it does")
            self._probe = asyncio.create_task(self._reconnect(pool))

    async def _reconnect(self, pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]]) -> None:
        """Try a fresh connection until one works, then let requests through again."""
        while True:
            try:
                probe = await psycopg.AsyncConnection.connect(
                    self._conninfo, connect_timeout=PROBE_CONNECT_TIMEOUT
                )
            except psycopg.OperationalError:
                await asyncio.sleep(PROBE_SECONDS)
                continue
            await probe.close()
            with contextlib.suppress(psycopg.Error, PoolTimeout):
                await pool.check()  # drop the connections that died with the old server
            self._probe = None
            logger.warning("PostgreSQL answers again")
            return

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[Transaction]:
        async with self._connection() as connection, connection.transaction():
            yield _PgTransaction(connection)

    async def fetch_all(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        async with self._connection() as connection:
            cursor = await connection.execute(sql, tuple(parameters), prepare=True)
            return [tuple(row) for row in await cursor.fetchall()]

    async def write_statement(self, sql: str, parameters: Parameters = ()) -> int:
        # In autocommit a lone statement is its own transaction, committed before this returns.
        async with self._connection() as connection:
            cursor = await connection.execute(sql, tuple(parameters), prepare=True)
            return cursor.rowcount

    async def ping(self) -> bool:
        try:
            return await self.fetch_all("SELECT 1") == [(1,)]
        except (psycopg.Error, StorageError, TimeoutError):
            return False

    async def backup(self, target: Path) -> None:
        raise StorageError(
            "back up PostgreSQL with pg_dump, for example: "
            "pg_dump --format=custom --file=backup.dump <database URL>"
        )

    async def _check_settings(self) -> None:
        for name, allowed in EXPECTED_SETTINGS.items():
            [(value,)] = await self.fetch_all(f"SHOW {name}")
            if value not in allowed:
                raise StorageError(f"PostgreSQL {name} is {value!r}, expected {allowed[0]!r}")

    async def _migrate(self) -> None:
        async with self.write() as tx:
            await tx.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            await tx.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            rows = await tx.fetch_all("SELECT version FROM schema_version")
            if not rows:
                await tx.execute("INSERT INTO schema_version (version) VALUES (0)")
            version = int(rows[0][0]) if rows else 0
            if version > len(POSTGRES_MIGRATIONS):
                raise StorageError(
                    f"database schema version {version} is newer than this release "
                    f"({len(POSTGRES_MIGRATIONS)}); upgrade Safety Check"
                )
            for number, script in enumerate(POSTGRES_MIGRATIONS[version:], start=version + 1):
                for statement in (part.strip() for part in script.split(";")):
                    if statement:
                        await tx.execute(statement)
                await tx.execute("UPDATE schema_version SET version = %s", (number,))


def _safe(url: str) -> str:
    """The URL without a password, for messages."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)
