"""What every storage engine offers the rest of storage/: transactions, queries, probes.

The SQL that is the same on both engines is written once, in storage/, with `?` placeholders and
two dialect words: `{today}` (the UK's date (Europe/London) as ISO text, read inside the statement)
and `{lock_open}` (on PostgreSQL, `FOR SHARE`, so a response insert and a concurrent close are
ordered by a row lock; SQLite has one writer, so they are ordered already). `Database.sql` turns
that text into the engine's own, once per statement.
"""

from __future__ import annotations

import abc
import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, Literal

from safety_check.storage.group_commit import GroupCommit

Parameters = Sequence[Any]
Row = tuple[Any, ...]
Dialect = Literal["sqlite", "postgresql"]


class StorageError(RuntimeError):
    """The database cannot be used safely; the service must not start on it."""


class Transaction(abc.ABC):
    """Statements inside one write transaction, committed together (or not at all)."""

    @abc.abstractmethod
    async def execute(self, sql: str, parameters: Parameters = ()) -> int:
        """Run one statement; return the rows it changed."""

    @abc.abstractmethod
    async def fetch_all(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        """Run one statement and return its rows (a query, or a write with RETURNING)."""

    @abc.abstractmethod
    async def execute_many(self, sql: str, rows: Sequence[Parameters]) -> int:
        """Run one statement once for each set of parameters, in one trip to the engine;
        return the rows changed by all of them together."""


class Database(abc.ABC):
    """One database, whichever engine holds it."""

    dialect: ClassVar[Dialect]
    _words: ClassVar[dict[str, str]]

    def __init__(self) -> None:
        self.grouped = GroupCommit(self)
        """Small independent writes that may share a transaction and its commit."""
        self._translated: dict[str, str] = {}

    def sql(self, text: str) -> str:
        """`text` in this engine's dialect (placeholders and the words above)."""
        translated = self._translated.get(text)
        if translated is None:
            translated = self._translate(text.format(**self._words))
            self._translated[text] = translated
        return translated

    def _translate(self, text: str) -> str:
        return text

    @abc.abstractmethod
    async def open(self) -> None:
        """Connect, migrate to the newest schema, and check the durability settings."""

    @abc.abstractmethod
    async def close(self) -> None: ...

    @abc.abstractmethod
    def write(self) -> contextlib.AbstractAsyncContextManager[Transaction]:
        """One write transaction, committed durably when the block exits without an error."""

    @abc.abstractmethod
    async def fetch_all(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        """Every row of a query (in the engine's dialect: see `sql`)."""

    @abc.abstractmethod
    async def write_statement(self, sql: str, parameters: Parameters = ()) -> int:
        """One statement in its own durable transaction; the rows it changed."""

    async def checkpoint(self) -> None:
        """Make deleted rows leave every file the engine keeps (only SQLite needs to)."""
        return None

    @abc.abstractmethod
    async def ping(self) -> bool:
        """True when the database answers a query (the readiness probe)."""

    @abc.abstractmethod
    async def backup(self, target: Path) -> None:
        """Write a consistent, checked copy to `target`, where the engine can."""


def open_database(location: str | Path) -> Database:
    """The engine for a `SAFETY_CHECK_DATABASE` value: a PostgreSQL URL, or a SQLite file."""
    text = str(location)
    if is_postgres_url(text):
        from safety_check.storage.postgres import PostgresDatabase

        return PostgresDatabase(text)
    from safety_check.storage.database import SqliteDatabase

    return SqliteDatabase(Path(location))


def is_postgres_url(text: str) -> bool:
    return text.startswith(("postgresql://", "postgres://"))
