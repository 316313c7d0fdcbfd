"""The SQLite database: pragmas in force, migrations, write transactions, backups, bad files.

PostgreSQL's own promises are in test_postgres.py; what both engines share, in test_engines.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from safety_check.storage import SqliteDatabase as Database
from safety_check.storage import StorageError
from safety_check.storage.database import EXPECTED_PRAGMAS, check_pragmas
from safety_check.storage.migrations import MIGRATIONS


@pytest.fixture
async def database(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = Database(tmp_path / "data" / "test.db")
    await db.open()
    yield db
    await db.close()


async def pragmas(connection) -> dict[str, object]:  # type: ignore[no-untyped-def]
    values = {}
    for name in (*EXPECTED_PRAGMAS, "busy_timeout"):
        async with connection.execute(f"PRAGMA {name}") as cursor:
            values[name] = (await cursor.fetchone())[0]
    return values


async def test_every_connection_has_the_durable_settings(database: Database) -> None:
    expected = {**EXPECTED_PRAGMAS, "busy_timeout": 5000}
    async with database.write() as writer:
        assert await pragmas(writer.connection) == expected  # type: ignore[attr-defined]
    async with database.read() as reader:
        assert await pragmas(reader) == expected


async def test_schema_is_migrated_and_a_second_open_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    for _ in range(2):
        db = Database(path)
        await db.open()
        async with db.read() as reader, reader.execute("PRAGMA user_version") as cursor:
            assert (await cursor.fetchone())[0] == len(MIGRATIONS)
        await db.close()


async def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}").connection.close()
    with pytest.raises(StorageError, match="newer"):
        await Database(path).open()


async def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError):
        await Database(path).open()


async def test_check_pragmas_refuses_weak_settings(tmp_path: Path) -> None:
    import aiosqlite

    async with aiosqlite.connect(tmp_path / "weak.db") as connection:
        with pytest.raises(StorageError, match="journal_mode"):
            await check_pragmas(connection)


async def test_write_commits_or_rolls_back(database: Database) -> None:
    async with database.write() as db:
        await db.execute(
            "INSERT INTO api_keys (name, prefix, key_hash, created_day) VALUES ('a', 'p1', x'00', '2026-01-01')"
        )
    with pytest.raises(RuntimeError):
        async with database.write() as db:
            await db.execute(
                "INSERT INTO api_keys (name, prefix, key_hash, created_day) VALUES ('b', 'p2', x'00', '2026-01-01')"
            )
            raise RuntimeError("boom")
    async with database.read() as db, db.execute("SELECT prefix FROM api_keys") as cursor:
        assert await cursor.fetchall() == [("p1",)]


async def test_readers_cannot_write(database: Database) -> None:
    async with database.read() as reader:
        with pytest.raises(sqlite3.OperationalError):
            await reader.execute("DELETE FROM api_keys")


async def test_backup_is_consistent_and_checked(database: Database, tmp_path: Path) -> None:
    async with database.write() as db:
        await db.execute(
            "INSERT INTO api_keys (name, prefix, key_hash, created_day) VALUES ('a', 'p1', x'00', '2026-01-01')"
        )
    target = tmp_path / "backup.db"
    await database.backup(target)
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT prefix FROM api_keys").fetchall() == [("p1",)]
    copy.close()
    with pytest.raises(StorageError, match="exists"):
        await database.backup(target)


async def test_closed_database_is_not_ready(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db")
    assert not await db.ping()
    await db.open()
    assert await db.ping()
    await db.close()
    assert not await db.ping()
