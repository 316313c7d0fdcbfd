"""Group commit: small writes that arrive together share one transaction and one fsync.

With `synchronous=FULL` (or PostgreSQL's `synchronous_commit`) every commit waits for the disk, and that wait, not the insert, is most
of what a stored class response costs. Writes that queue up while one commit is in progress are
run together in the next transaction. Each caller still returns only after the commit that holds
its write, so "acknowledged means durable" is unchanged.

A unit of work is an async function given the write transaction. It must leave nothing half-done
when it returns normally (undo its own earlier statements if it decides not to keep them); if it
raises, the shared transaction is rolled back and every unit of that batch is run again alone,
so one failing write never fails its neighbours.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from safety_check.storage.engine import Database, Transaction

T = TypeVar("T")
Work = Callable[["Transaction"], Awaitable[T]]
_Item = tuple[Work[Any], "asyncio.Future[Any]"]


class GroupCommit:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._pending: list[_Item] = []
        self._flusher: asyncio.Task[None] | None = None

    async def run(self, work: Work[T]) -> T:
        """Run `work` in a write transaction, perhaps shared; return once it is committed."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._pending.append((work, future))
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
                live = [(work, future) for work, future in batch if not future.done()]
                if len(live) == 1:
                    await _alone(self._database, *live[0])
                elif live:
                    await self._together(live)
        except BaseException as error:  # cancelled at shutdown: nobody may wait forever
            for _, future in [*batch, *self._pending]:
                if not future.done():
                    future.set_exception(error)
            self._pending = []
            raise

    async def _together(self, batch: list[_Item]) -> None:
        results: list[Any] = []
        try:
            async with self._database.write() as db:
                for work, _ in batch:
                    results.append(await work(db))
        except Exception:
            for item in batch:
                await _alone(self._database, *item)
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)


async def _alone(database: Database, work: Work[Any], future: asyncio.Future[Any]) -> None:
    try:
        async with database.write() as db:
            result = await work(db)
    except Exception as error:
        if not future.done():
            future.set_exception(error)
    else:
        if not future.done():
            future.set_result(result)
