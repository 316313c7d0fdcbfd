"""The SQLite database: one writer behind a lock, a few readers, versioned migrations.

Durability choices (see research/reliability.md §3): WAL with `synchronous=FULL`, so a commit that
returned survives a crash or power cut; every write transaction starts with `BEGIN IMMEDIATE`, so
it takes the write lock up front instead of failing half-way; one writer connection per process,
behind an asyncio lock, because an aiosqlite connection shared by coroutines would interleave
their statements inside one transaction. Readers are separate connections, so dashboards never
wait for writes. `secure_delete` overwrites deleted rows, so purged answers leave no trace.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import aiosqlite

from safety_check.schools.class_check import school_today
from safety_check.storage.engine import Database, Parameters, Row, StorageError, Transaction
from safety_check.storage.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 5000
READERS = 4

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
)
EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
    "secure_delete": 1,
}


def _school_date() -> str:
    return school_today().isoformat()


async def _connect(path: Path, *, read_only: bool = False) -> aiosqlite.Connection:
    connection = await aiosqlite.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    # Each connection owns a non-daemon thread that only close() ends: a connection dropped
    # after a failed pragma (a file that is not a database, say) keeps the process alive forever.
    try:
        for pragma in _PRAGMAS:
            await connection.execute(pragma)
        if read_only:
            await connection.execute("PRAGMA query_only = ON")
        # SQLite knows no time zones: `{today}` is the UK's date, from Python, inside the query.
        await connection.create_function("school_date", 0, _school_date)
    except BaseException:
        await connection.close()
        raise
    return connection


async def check_pragmas(connection: aiosqlite.Connection) -> None:
    """Refuse a connection whose durability settings are not the ones we rely on."""
    for name, expected in EXPECTED_PRAGMAS.items():
        async with connection.execute(f"PRAGMA {name}") as cursor:
            row = await cursor.fetchone()
        actual = row[0] if row else None
        if actual != expected:
            raise StorageError(f"PRAGMA {name} is {actual!r}, expected {expected!r}")
    async with connection.execute("PRAGMA busy_timeout") as cursor:
        row = await cursor.fetchone()
    if row is None or row[0] < BUSY_TIMEOUT_MS:
        raise StorageError(
            f"PRAGMA busy_timeout is {row and row[0]}, expected >= {BUSY_TIMEOUT_MS}"
        )


class _SqliteTransaction(Transaction):
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self.connection = connection

    async def execute(self, sql: str, parameters: Parameters = ()) -> int:
        cursor = await self.connection.execute(sql, parameters)
        return cursor.rowcount  # a finished write needs no close: that would be a trip

    async def fetch_all(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        return [tuple(row) for row in await self.connection.execute_fetchall(sql, parameters)]

    async def execute_many(self, sql: str, rows: Sequence[Parameters]) -> int:
        cursor = await self.connection.executemany(sql, rows)
        return cursor.rowcount  # summed over every set of parameters


class SqliteDatabase(Database):
    """Owns every connection to one SQLite file."""

    dialect = "sqlite"
    _words = {"today": "school_date()", "lock_open": ""}

    def __init__(self, path: Path | str, readers: int = READERS) -> None:
        super().__init__()
        self.path = Path(path)
        self._reader_count = readers
        self._writer: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
        self._readers: asyncio.Queue[aiosqlite.Connection] = asyncio.Queue()
        self._all_readers: list[aiosqlite.Connection] = []

    async def open(self) -> None:
        """Connect, migrate to the newest schema, and check the durability settings."""
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            _keep_private(self.path)
        except OSError as error:
            raise StorageError(f"cannot open database {self.path}: {error}") from error
        try:
            self._writer = await _connect(self.path)
            await self._migrate()
            for _ in range(self._reader_count):
                reader = await _connect(self.path, read_only=True)
                self._all_readers.append(reader)
                self._readers.put_nowait(reader)
            for connection in (self._writer, *self._all_readers):
                await check_pragmas(connection)
        except BaseException as error:
            await self.close()
            if isinstance(error, sqlite3.DatabaseError):
                raise StorageError(f"cannot open database {self.path}: {error}") from error
            raise

    async def close(self) -> None:
        if self._writer is not None:
            await self.grouped.drain()  # queued writes were promised a commit
        connections = [*self._all_readers, *([self._writer] if self._writer else [])]
        self._all_readers.clear()
        self._readers = asyncio.Queue()
        self._writer = None
        # Close every one even if another fails, or its thread would hold the process open.
        failures = [
            error
            for error in await asyncio.gather(
                *(connection.close() for connection in connections), return_exceptions=True
            )
            if isinstance(error, BaseException)
        ]
        if failures:
            raise failures[0]

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[Transaction]:
        """One write transaction: `BEGIN IMMEDIATE` … `COMMIT`, rolled back on any error.

        The caller's change is durable once this block exits without an exception.
        """
        writer = self._require_writer()
        async with self._write_lock:
            await writer.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTransaction(writer)
                await writer.execute("COMMIT")
            except BaseException:
                if writer.in_transaction:  # a failed COMMIT leaves it open; never jam the writer
                    await writer.execute("ROLLBACK")
                raise

    async def checkpoint(self) -> None:
        """Copy the log into the database file and empty it, so deleted rows leave the log too."""
        writer = self._require_writer()
        async with self._write_lock:
            await writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def write_statement(self, sql: str, parameters: Parameters = ()) -> int:
        """One statement in its own transaction, returning the rows it changed.

        SQLite runs a lone write statement as a transaction that takes the write lock before it
        reads anything (like `BEGIN IMMEDIATE`) and commits, durably, before this returns. It
        costs one trip to the connection's thread instead of three.
        """
        writer = self._require_writer()
        async with self._write_lock:
            cursor = await writer.execute(sql, parameters)
            return cursor.rowcount  # a finished write needs no close: that would be a trip

    async def fetch_all(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        """Every row of a query, fetched in one trip to a reader's thread."""
        async with self.read() as reader:
            return [tuple(row) for row in await reader.execute_fetchall(sql, parameters)]

    @contextlib.asynccontextmanager
    async def read(self) -> AsyncIterator[aiosqlite.Connection]:
        """A read-only connection from the pool, returned when the block ends."""
        if not self._all_readers:
            raise StorageError("database is not open")
        reader = await self._readers.get()
        try:
            yield reader
        finally:
            self._readers.put_nowait(reader)

    async def ping(self) -> bool:
        """True when a reader can run a query (the readiness probe)."""
        try:
            async with self.read() as reader, reader.execute("SELECT 1") as cursor:
                return await cursor.fetchone() == (1,)
        except (sqlite3.Error, StorageError):
            return False

    async def backup(self, target: Path) -> None:
        """Write a consistent, integrity-checked copy to `target` (which must not exist)."""
        target = Path(target)
        if target.exists():
            raise StorageError(f"{target} already exists")
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        writer = self._require_writer()
        async with self._write_lock:
            await writer.execute("VACUUM INTO ?", (str(partial),))
        with partial.open("rb+") as stream:
            os.fsync(stream.fileno())
        check = sqlite3.connect(partial)
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()
        finally:
            check.close()
        if result != ("ok",):
            partial.unlink(missing_ok=True)
            raise StorageError(f"backup failed its integrity check: {result}")
        partial.chmod(0o600)  # it holds everything the service keeps
        partial.rename(target)

    def _require_writer(self) -> aiosqlite.Connection:
        if self._writer is None:
            raise StorageError("database is not open")
        return self._writer

    async def _migrate(self) -> None:
        writer = self._require_writer()
        async with writer.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        version = row[0] if row else 0
        if version > len(MIGRATIONS):
            raise StorageError(
                f"database schema version {version} is newer than this release "
                f"({len(MIGRATIONS)}); upgrade Safety Check"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await writer.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(script):
                    await writer.execute(statement)
                await writer.execute(f"PRAGMA user_version = {number}")
            except BaseException:
                await writer.execute("ROLLBACK")
                raise
            await writer.execute("COMMIT")


def _keep_private(path: Path) -> None:
    """The file and its WAL and shared-memory files readable by the service's user only.

    SQLite gives the -wal and -shm files the database file's mode, so creating that file 0600
    (whatever the umask) covers all three; files left readable by an older release are tightened.
    """
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        sibling = path.with_name(name)
        if sibling.exists() and sibling.stat().st_mode & 0o077:
            sibling.chmod(0o600)


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
