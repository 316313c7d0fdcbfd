"""Group commit: small writes that arrive together share one transaction and one fsync.

With `synchronous=FULL` (or PostgreSQL's `synchronous_commit`) every commit waits for the disk, and that wait, not the insert, is most
of what a stored class response costs. Writes that queue up while one commit is in progress are
run together in the next transaction. Each caller still returns only after the commit that holds
its write, so "acknowledged means durable" is unchanged.

A unit of work is an async function given the write transaction. It must leave nothing half-done
when it returns normally (undo its own earlier statements if it decides not to keep them); if it
raises, the shared transaction is rolled back and every unit of that batch is run again alone,
so one failing write never fails its neighbours.

A unit may also say what it does when nothing unusual happens (`Usual`): statements that each
change one row, and its result then. Such units of one batch with the same statements share each
statement's trip to the database (`execute_many`) instead of taking one trip per unit and
statement: on SQLite every trip is a hop to the writer's thread and back through the event loop,
which costs more CPU than the insert itself and waits behind every other request's work. When a
statement changes fewer rows than there are units (a spent token, a class closed a moment ago),
which unit it was is unknown: the batch is rolled back and run again the general way, each unit
by its own function, in one shared transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

if TYPE_CHECKING:
    from safety_check.storage.engine import Database, Parameters, Transaction

T = TypeVar("T")
Work = Callable[["Transaction"], Awaitable[T]]


class Usual(NamedTuple, Generic[T]):
    """What a unit of work does when nothing unusual happens: every statement changes exactly
    one row, in this order, and the work then returns `result`."""

    statements: tuple[tuple[str, Parameters], ...]
    result: T


class _Item(NamedTuple):
    work: Work[Any]
    future: asyncio.Future[Any]
    usual: Usual[Any] | None


class _Unusual(Exception):
    """A shared statement changed fewer rows than the units that sent it."""


class GroupCommit:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._pending: list[_Item] = []
        self._flusher: asyncio.Task[None] | None = None

    async def run(self, work: Work[T], usual: Usual[T] | None = None) -> T:
        """Run `work` in a write transaction, perhaps shared; return once it is committed.
        With `usual`, the statements may run for several units at once (see the module)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._pending.append(_Item(work, future, usual))
        if self._flusher is None or self._flusher.done():
            self._flusher = loop.create_task(self._flush_pending())
        return await future

    async def drain(self) -> None:
        """Wait until everything queued so far is committed (or has failed)."""
        while self._flusher is not None and not self._flusher.done():
            await asyncio.shield(self._flusher)

    async def _flush_pending(self) -> None:
        batch: list[_Item] = []
        try:
            while self._pending:
                batch, self._pending = self._pending, []
                # A caller that gave up (its request was cancelled) was never acknowledged.
                live = [item for item in batch if not item.future.done()]
                if len(live) == 1:
                    await _alone(self._database, live[0])
                elif live:
                    await self._together(live)
        except BaseException as error:  # cancelled at shutdown: nobody may wait forever
            for item in [*batch, *self._pending]:
                if not item.future.done():
                    item.future.set_exception(error)
            self._pending = []
            raise

    async def _together(self, batch: list[_Item]) -> None:
        try:
            try:
                results = await self._shared(batch, _usually)
            except _Unusual:
                results = await self._shared(batch, _each)
        except Exception:
            for item in batch:
                await _alone(self._database, item)
            return
        for item, result in zip(batch, results, strict=True):
            if not item.future.done():
                item.future.set_result(result)

    async def _shared(
        self, batch: list[_Item], run: Callable[[Transaction, list[_Item]], Awaitable[list[Any]]]
    ) -> list[Any]:
        async with self._database.write() as db:
            return await run(db, batch)


async def _each(db: Transaction, batch: list[_Item]) -> list[Any]:
    return [await item.work(db) for item in batch]


async def _usually(db: Transaction, batch: list[_Item]) -> list[Any]:
    """Run the batch with each group of alike usual units sharing its statements' trips;
    raise `_Unusual` (the caller rolls back) when any shared statement missed a row."""
    results: list[Any] = [None] * len(batch)
    alike: dict[tuple[str, ...], list[tuple[int, Usual[Any]]]] = {}
    for index, item in enumerate(batch):
        if item.usual is None:
            results[index] = await item.work(db)
        else:
            shape = tuple(sql for sql, _ in item.usual.statements)
            alike.setdefault(shape, []).append((index, item.usual))
    for shape, members in alike.items():
        for position, sql in enumerate(shape):
            rows = [usual.statements[position][1] for _, usual in members]
            if await db.execute_many(sql, rows) != len(members):
                raise _Unusual
        for index, usual in members:
            results[index] = usual.result
    return results


async def _alone(database: Database, item: _Item) -> None:
    try:
        async with database.write() as db:
            result = await item.work(db)
    except Exception as error:
        if not item.future.done():
            item.future.set_exception(error)
    else:
        if not item.future.done():
            item.future.set_result(result)
