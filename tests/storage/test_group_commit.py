"""Group commit: writes that arrive together share a transaction, each still acknowledged only
after the commit that holds it, and one failing write never takes its neighbours down."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import aiosqlite
import pytest

from safety_check.storage import Database


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = Database(tmp_path / "grouped.db")
    await db.open()
    async with db.write() as writer:
        await writer.execute("CREATE TABLE items (value INTEGER NOT NULL UNIQUE)")
    yield db
    await db.close()


def on_disk(database: Database) -> list[int]:
    """What a separate connection sees: only committed rows."""
    with contextlib.closing(sqlite3.connect(database.path)) as connection:
        return [row[0] for row in connection.execute("SELECT value FROM items ORDER BY value")]


def insert(value: int):  # type: ignore[no-untyped-def]
    async def work(db: aiosqlite.Connection) -> int:
        cursor = await db.execute("INSERT INTO items (value) VALUES (?)", (value,))
        return cursor.rowcount

    return work


def count_transactions(database: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    opened: list[int] = []
    original = database.write

    def counting_write():  # type: ignore[no-untyped-def]
        opened.append(1)
        return original()

    monkeypatch.setattr(database, "write", counting_write)
    return opened


async def test_concurrent_writes_share_transactions_and_all_commit(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    transactions = count_transactions(database, monkeypatch)

    async def submit(value: int) -> int:
        changed = await database.grouped.run(insert(value))
        assert value in on_disk(database), "acknowledged before it was committed"
        return changed

    results = await asyncio.gather(*(submit(value) for value in range(60)))
    assert results == [1] * 60
    assert on_disk(database) == list(range(60))
    assert len(transactions) < 60 / 4, "writes that arrived together were not grouped"


async def test_a_failing_write_fails_alone(database: Database) -> None:
    """A duplicate value breaks the shared transaction; everyone else is still stored."""

    async def broken(db: aiosqlite.Connection) -> int:
        await db.execute("INSERT INTO items (value) VALUES (1000)")
        raise RuntimeError("this unit gives up")

    tasks = [asyncio.ensure_future(database.grouped.run(insert(value))) for value in range(5)]
    tasks.append(asyncio.ensure_future(database.grouped.run(insert(2))))  # duplicate of 2
    tasks.append(asyncio.ensure_future(database.grouped.run(broken)))
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    assert outcomes[:5] == [1] * 5
    assert isinstance(outcomes[5], sqlite3.IntegrityError)
    assert isinstance(outcomes[6], RuntimeError)
    assert on_disk(database) == [0, 1, 2, 3, 4]  # nothing of the failed units is kept


async def test_a_caller_that_gave_up_before_its_turn_writes_nothing(database: Database) -> None:
    first = asyncio.ensure_future(database.grouped.run(insert(1)))
    await asyncio.sleep(0)  # the first batch is now being written
    abandoned = asyncio.ensure_future(database.grouped.run(insert(2)))
    kept = asyncio.ensure_future(database.grouped.run(insert(3)))
    await asyncio.sleep(0)
    abandoned.cancel()
    assert await first == 1
    assert await kept == 1
    assert on_disk(database) == [1, 3]


async def test_closing_waits_for_queued_writes(tmp_path: Path) -> None:
    database = Database(tmp_path / "closing.db")
    await database.open()
    async with database.write() as writer:
        await writer.execute("CREATE TABLE items (value INTEGER NOT NULL UNIQUE)")
    tasks = [asyncio.ensure_future(database.grouped.run(insert(value))) for value in range(10)]
    await asyncio.sleep(0)
    await database.close()
    assert [task.result() for task in tasks] == [1] * 10
    assert on_disk(database) == list(range(10))
