"""PostgreSQL: the engine for more than one machine (psycopg 3, async, with psycopg-pool).

Every server process keeps a small pool of connections; any number of processes on any number of
hosts can share one database. Durability is the server's: a commit returns only once its WAL
record is flushed (`synchronous_commit` must be on, and `fsync` too, checked at start like
SQLite's pragmas). Writes that must not race a teacher closing the class lock the class's row
`FOR SHARE` (the `{lock_open}` word in shared SQL), so a close waits for responses already being
inserted and no response can land after it.

Migrations take a transaction-level advisory lock, so processes starting together apply each
migration once. Backups are `pg_dump` (README: "More than one machine").
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg_pool import AsyncConnectionPool

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

    def _translate(self, text: str) -> str:
        return _PLACEHOLDER.sub("%s", text.replace("%", "%%"))

    async def open(self) -> None:
        # The session stays in UTC (`{today}` names Europe/London itself); keep any options the
        # URL already sets (a search_path, say).
        options = str(conninfo_to_dict(self.url).get("options") or "")
        conninfo = make_conninfo(self.url, options=f"{options} -c timezone=UTC".strip())
        pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]] = AsyncConnectionPool(
            conninfo,
            min_size=POOL_MIN,
            max_size=self._max_size,
            kwargs={"autocommit": True},
            open=False,
            timeout=CONNECT_TIMEOUT,
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

    async def close(self) -> None:
        if self._pool is None:
            return
        await self.grouped.drain()  # queued writes were promised a commit
        pool, self._pool = self._pool, None
        await pool.close()

    def _require_pool(self) -> AsyncConnectionPool[psycopg.AsyncConnection[Any]]:
        if self._pool is None:
            raise StorageError("database is not open")
        return self._pool

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[Transaction]:
        async with (
            self._require_pool().connection() as connection,
            connection.transaction(),
        ):
            yield _PgTransaction(connection)

    async def fetch_all(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        async with self._require_pool().connection() as connection:
            cursor = await connection.execute(sql, tuple(parameters), prepare=True)
            return [tuple(row) for row in await cursor.fetchall()]

    async def write_statement(self, sql: str, parameters: Parameters = ()) -> int:
        # In autocommit a lone statement is its own transaction, committed before this returns.
        async with self._require_pool().connection() as connection:
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
