"""The two storage engines for tests: a fresh SQLite file, or a fresh PostgreSQL schema.

PostgreSQL and Redis tests need `SAFETY_CHECK_TEST_POSTGRES_URL` / `SAFETY_CHECK_TEST_REDIS_URL`.
Without them the tests skip and say why; with `SAFETY_CHECK_REQUIRE_SERVICES=1` (CI) a missing or
unreachable server fails instead. Each test gets its own schema (dropped afterwards) or its own
Redis key prefix, so tests never see each other's data.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import pytest

POSTGRES_ENV = "SAFETY_CHECK_TEST_POSTGRES_URL"
REDIS_ENV = "SAFETY_CHECK_TEST_REDIS_URL"
ENGINES = ("sqlite", "postgresql")
BOTH_ENGINES = pytest.mark.parametrize("engine", ENGINES, indirect=True)
"""For a test module whose `settings` come from tests/api/conftest.py: run it on both."""


def _require() -> bool:
    return os.environ.get("SAFETY_CHECK_REQUIRE_SERVICES") == "1"


def _missing(reason: str) -> None:
    if _require():
        pytest.fail(f"{reason} (SAFETY_CHECK_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        _missing(f"PostgreSQL tests need {POSTGRES_ENV}, e.g. postgresql://postgres@127.0.0.1/test")
    assert url is not None
    try:
        with psycopg.connect(url, connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        _missing(f"PostgreSQL at {POSTGRES_ENV} is not reachable: {error}")
    return url


def redis_url() -> str:
    import redis

    url = os.environ.get(REDIS_ENV)
    if not url:
        _missing(f"Redis tests need {REDIS_ENV}, e.g. redis://127.0.0.1:6379/0")
    assert url is not None
    try:
        redis.Redis.from_url(url, socket_connect_timeout=5).ping()
    except redis.RedisError as error:
        _missing(f"Redis at {REDIS_ENV} is not reachable: {error}")
    return url


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections use a new, empty schema of their own."""
    base = postgres_url()
    schema = "test_" + secrets.token_hex(6)
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-c search_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


@contextlib.contextmanager
def database_location(engine: str, directory: Path) -> Iterator[str | Path]:
    """Where a test's database lives: a file in `directory`, or a fresh PostgreSQL schema."""
    if engine == "postgresql":
        with postgres_schema() as url:
            yield url
    else:
        yield directory / "test.db"


class Row(tuple[Any, ...]):
    """A row that is a plain tuple, and whose columns can also be read by name."""

    names: tuple[str, ...] = ()

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return super().__getitem__(self.names.index(key))
        return super().__getitem__(key)


def _rows(description: Any, rows: list[Any]) -> list[Row]:
    names = tuple(column[0] for column in description or ())
    result = []
    for values in rows:
        row = Row(values)
        row.names = names
        result.append(row)
    return result


def is_postgres(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith("postgresql://")


def query(location: str | Path, sql: str, *args: object) -> list[Row]:
    """Read the stored data directly, as anyone holding the database could (`?` placeholders)."""
    if is_postgres(location):
        with psycopg.connect(str(location)) as connection:
            cursor = connection.execute(re.sub(r"\?", "%s", sql), args)  # type: ignore[call-overload]
            return _rows(cursor.description, cursor.fetchall()) if cursor.description else []
    connection = sqlite3.connect(location, uri=str(location).startswith("file:"))
    try:
        cursor = connection.execute(sql, args)
        return _rows(cursor.description, cursor.fetchall())
    finally:
        connection.close()


def columns(location: str | Path, table: str) -> list[str]:
    if is_postgres(location):
        rows = query(
            location,
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position",
            table,
        )
        return [row[0] for row in rows]
    return [row[1] for row in query(location, f"PRAGMA table_info({table})")]


def dump(location: str | Path) -> str:
    """Every stored value as text, for checking that something is nowhere in the database."""
    if not is_postgres(location):
        connection = sqlite3.connect(location)
        try:
            return "\n".join(connection.iterdump())
        finally:
            connection.close()
    tables = query(
        location,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
    )
    return "\n".join(
        repr(row)
        for (table,) in tables
        for row in query(location, f"SELECT * FROM {table}")  # noqa: S608 (catalogue names)
    )


def execute(location: str | Path, sql: str, *args: object) -> None:
    """Change the stored data directly (a test arranging a state the service never makes)."""
    if is_postgres(location):
        with psycopg.connect(str(location)) as connection:
            connection.execute(re.sub(r"\?", "%s", sql), args)  # type: ignore[call-overload]
        return
    connection = sqlite3.connect(location)
    try:
        with connection:
            connection.execute(sql, args)
    finally:
        connection.close()


def stored_at(settings: Any) -> str | Path:
    """The database a `Settings` points at."""
    return settings.database_url or settings.database  # type: ignore[no-any-return]
