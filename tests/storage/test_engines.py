"""What both engines promise alike: migrations, write transactions, readiness, dialect words."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from safety_check.storage import Database, StorageError, open_database
from tests.engines import ENGINES, database_location, query


@pytest.fixture(params=ENGINES)
async def location(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str | Path]:
    with database_location(request.param, tmp_path) as where:
        yield where


@pytest.fixture
async def database(location: str | Path) -> AsyncIterator[Database]:
    db = open_database(location)
    await db.open()
    yield db
    await db.close()


INSERT_KEY = (
    "INSERT INTO api_keys (name, prefix, key_hash, created_day) VALUES (?, ?, ?, '2026-01-01')"
)


async def test_a_second_open_migrates_nothing_and_keeps_the_data(location: str | Path) -> None:
    for name in ("first", "second"):
        db = open_database(location)
        await db.open()
        try:
            await db.write_statement(db.sql(INSERT_KEY), (name, name, b"\x00"))
        finally:
            await db.close()
    assert query(location, "SELECT name FROM api_keys ORDER BY id") == [("first",), ("second",)]


async def test_write_commits_or_rolls_back(database: Database, location: str | Path) -> None:
    async with database.write() as db:
        await db.execute(database.sql(INSERT_KEY), ("a", "p1", b"\x00"))
    with pytest.raises(RuntimeError):
        async with database.write() as db:
            await db.execute(database.sql(INSERT_KEY), ("b", "p2", b"\x00"))
            raise RuntimeError("boom")
    assert query(location, "SELECT prefix FROM api_keys") == [("p1",)]


async def test_a_failed_statement_rolls_back_the_whole_transaction(
    database: Database, location: str | Path
) -> None:
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"):
        async with database.write() as db:
            await db.execute(database.sql(INSERT_KEY), ("a", "same", b"\x00"))
            await db.execute(database.sql(INSERT_KEY), ("b", "same", b"\x00"))
    assert query(location, "SELECT count(*) FROM api_keys") == [(0,)]
    await database.write_statement(database.sql(INSERT_KEY), ("c", "p3", b"\x00"))  # not jammed


async def test_today_is_the_databases_utc_day(database: Database) -> None:
    import datetime as dt

    [(today,)] = await database.fetch_all(database.sql("SELECT {today}"))
    assert today in {
        dt.datetime.now(dt.UTC).date().isoformat(),
        (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)).date().isoformat(),
    }


async def test_readiness_follows_the_connection(location: str | Path) -> None:
    db = open_database(location)
    assert not await db.ping()
    await db.open()
    assert await db.ping()
    await db.close()
    assert not await db.ping()


async def test_a_closed_database_refuses_work(location: str | Path) -> None:
    db = open_database(location)
    with pytest.raises(StorageError):
        await db.fetch_all("SELECT 1")
