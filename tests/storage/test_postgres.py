"""PostgreSQL's own promises: durable settings checked, migrations once, newer schemas refused."""

from __future__ import annotations

import asyncio

import psycopg
import pytest

from safety_check.storage import StorageError, open_database, postgres
from safety_check.storage.migrations import MIGRATIONS, POSTGRES_MIGRATIONS
from safety_check.storage.postgres import PostgresDatabase
from tests.engines import postgres_schema, query


def test_both_engines_have_the_same_migrations() -> None:
    assert len(POSTGRES_MIGRATIONS) == len(MIGRATIONS)


async def test_processes_starting_together_migrate_once() -> None:
    with postgres_schema() as url:
        databases = [open_database(url) for _ in range(4)]
        await asyncio.gather(*(db.open() for db in databases))
        try:
            assert query(url, "SELECT version FROM schema_version") == [(len(MIGRATIONS),)]
        finally:
            await asyncio.gather(*(db.close() for db in databases))


async def test_a_newer_schema_is_refused() -> None:
    with postgres_schema() as url:
        db = open_database(url)
        await db.open()
        await db.close()
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("UPDATE schema_version SET version = version + 1")
        with pytest.raises(StorageError, match="newer"):
            await open_database(url).open()


async def test_an_unreachable_server_is_a_storage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres, "CONNECT_TIMEOUT", 1)  # the pool retries until this passes
    db = PostgresDatabase("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1")
    with pytest.raises(StorageError, match="cannot open"):
        await db.open()


async def test_backups_point_to_pg_dump(tmp_path: object) -> None:
    with postgres_schema() as url:
        db = open_database(url)
        await db.open()
        try:
            with pytest.raises(StorageError, match="pg_dump"):
                await db.backup(tmp_path)  # type: ignore[arg-type]
        finally:
            await db.close()
