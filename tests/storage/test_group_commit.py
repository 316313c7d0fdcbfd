"""Group commit: writes that arrive together share a transaction, each still acknowledged only
after the commit that holds it, and one failing write never takes its neighbours down."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import psycopg
import pytest

from safety_check.storage import Database, open_database
from safety_check.storage.engine import Parameters, Transaction
from safety_check.storage.group_commit import Usual, Work
from tests.engines import ENGINES, database_location, query


@pytest.fixture(params=ENGINES)
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    with database_location(request.param, tmp_path) as location:
        db = open_database(location)
        await db.open()
        async with db.write() as writer:
            await writer.execute("CREATE TABLE items (value INTEGER NOT NULL UNIQUE)")
        db.location = location  # type: ignore[attr-defined]
        yield db
        await db.close()


def on_disk(database: Database) -> list[int]:
    """What a separate connection sees: only committed rows."""
    rows = query(database.location, "SELECT value FROM items ORDER BY value")  # type: ignore[attr-defined]
    return [row[0] for row in rows]


def insert(database: Database, value: int):  # type: ignore[no-untyped-def]
    sql = database.sql("INSERT INTO items (value) VALUES (?)")

    async def work(db: Transaction) -> int:
        return await db.execute(sql, (value,))

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
        changed = await database.grouped.run(insert(database, value))
        assert value in on_disk(database), "acknowledged before it was committed"
        return changed

    results = await asyncio.gather(*(submit(value) for value in range(60)))
    assert results == [1] * 60
    assert on_disk(database) == list(range(60))
    assert len(transactions) < 60 / 4, "writes that arrived together were not grouped"


async def test_a_failing_write_fails_alone(database: Database) -> None:
    """A duplicate value breaks the shared transaction; everyone else is still stored."""

    async def broken(db: Transaction) -> int:
        await db.execute("INSERT INTO items (value) VALUES (1000)")
        raise RuntimeError("this unit gives up")

    tasks = [
        asyncio.ensure_future(database.grouped.run(insert(database, value))) for value in range(5)
    ]
    tasks.append(asyncio.ensure_future(database.grouped.run(insert(database, 2))))  # duplicate of 2
    tasks.append(asyncio.ensure_future(database.grouped.run(broken)))
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    assert outcomes[:5] == [1] * 5
    assert isinstance(outcomes[5], sqlite3.IntegrityError | psycopg.errors.UniqueViolation)
    assert isinstance(outcomes[6], RuntimeError)
    assert on_disk(database) == [0, 1, 2, 3, 4]  # nothing of the failed units is kept


async def test_a_caller_that_gave_up_before_its_turn_writes_nothing(database: Database) -> None:
    first = asyncio.ensure_future(database.grouped.run(insert(database, 1)))
    await asyncio.sleep(0)  # the first batch is now being written
    abandoned = asyncio.ensure_future(database.grouped.run(insert(database, 2)))
    kept = asyncio.ensure_future(database.grouped.run(insert(database, 3)))
    await asyncio.sleep(0)
    abandoned.cancel()
    assert await first == 1
    assert await kept == 1
    assert on_disk(database) == [1, 3]


async def test_closing_waits_for_queued_writes(database: Database) -> None:
    tasks = [
        asyncio.ensure_future(database.grouped.run(insert(database, value))) for value in range(10)
    ]
    await asyncio.sleep(0)
    await database.close()
    assert [task.result() for task in tasks] == [1] * 10
    assert on_disk(database) == list(range(10))


def usual_insert(database: Database, value: int) -> tuple[Work[int], Usual[int]]:
    """A unit that adds a row unless the value is there already (then it reports 0 rows)."""
    sql = database.sql("INSERT INTO items (value) VALUES (?) ON CONFLICT DO NOTHING")

    async def work(db: Transaction) -> int:
        return await db.execute(sql, (value,))

    return work, Usual(((sql, (value,)),), 1)


def count_shared_statements(database: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many units each `execute_many` served."""
    served: list[int] = []
    original = database.write

    @contextlib.asynccontextmanager
    async def counting_write() -> AsyncIterator[Transaction]:
        async with original() as transaction:
            many = transaction.execute_many

            async def counted(sql: str, rows: Sequence[Parameters]) -> int:
                served.append(len(rows))
                return await many(sql, rows)

            monkeypatch.setattr(transaction, "execute_many", counted)
            yield transaction

    monkeypatch.setattr(database, "write", counting_write)
    return served


async def test_usual_units_share_their_statements_and_all_commit(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = count_shared_statements(database, monkeypatch)

    async def submit(value: int) -> int:
        changed = await database.grouped.run(*usual_insert(database, value))
        assert value in on_disk(database), "acknowledged before it was committed"
        return changed

    general = asyncio.ensure_future(database.grouped.run(insert(database, 1000)))
    results = await asyncio.gather(*(submit(value) for value in range(60)))
    assert results == [1] * 60
    assert await general == 1
    assert on_disk(database) == [*range(60), 1000]
    assert sum(served) == 60  # every usual unit went through a shared statement
    assert len(served) < 60 / 4, "alike units did not share their statement"


async def test_an_unusual_unit_sends_its_batch_the_general_way(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second unit with the same value adds no row: which one missed is unknown to the shared
    statement, so each unit's own work decides, and the first still stores its row."""
    served = count_shared_statements(database, monkeypatch)
    values = [1, 2, 3, 2, 4]
    tasks = [
        asyncio.ensure_future(database.grouped.run(*usual_insert(database, value)))
        for value in values
    ]
    assert await asyncio.gather(*tasks) == [1, 1, 1, 0, 1]
    assert on_disk(database) == [1, 2, 3, 4]
    assert served == [5], "the batch was not first tried with its statement shared"
