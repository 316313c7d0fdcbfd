"""A Redis outage must not take the service down: limits fall back to each process's own counts,
readiness says so, and sharing resumes when Redis answers again.

The outage is real: the app talks to Redis through a TCP relay that the test closes and reopens.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import msgspec
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app, services_of
from safety_check.service.platform import limits
from safety_check.settings import Settings
from safety_check.storage import StorageError
from tests.engines import redis_url

Client = AsyncTestClient[Litestar]
ANSWERS = {"answers": {"profile.age_band": "13_15"}}


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens once the probe is closed


class Relay:
    """Forwards one local port to Redis until stopped; `start` again on the same port.

    It runs its own event loop in a thread: the test client runs the app in another thread and
    blocks the test's loop while a request is in flight.
    """

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = closed_port()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._server: asyncio.Server | None = None
        self._pipes: set[asyncio.StreamWriter] = set()

    def start(self) -> None:
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(5)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(5)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def _stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._pipes):
            writer.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        self._pipes.update({writer, upstream_writer})
        await asyncio.gather(
            self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer)
        )

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, ConnectionError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()
        self._pipes.discard(writer)


async def readiness(client: Client) -> str:
    response = await client.get("/api/v1/readyz")
    assert response.status_code == 200
    return str(response.json()["limits"])


async def test_a_service_whose_redis_is_down_starts_serves_and_still_limits(
    settings: Settings,
) -> None:
    down = msgspec.structs.replace(
        settings, redis_url=f"redis://127.0.0.1:{closed_port()}/0", rate_limit=4
    )
    async with AsyncTestClient(app=create_app(down)) as client:
        assert await readiness(client) == "local (shared store unreachable)"
        created = await client.post("/api/v1/cohorts", json={"name": "8B"})
        assert created.status_code == 201
        submitted = await client.post(
            f"/api/v1/cohorts/{created.json()['join_code']}/responses", json=ANSWERS
        )
        assert submitted.status_code == 201
        statuses = [(await client.get("/api/v1/resources")).status_code for _ in range(6)]
    # Creating the class used one of the 4 (readiness and class responses are not counted per
    # address): the limit still holds, in this process.
    assert statuses == [200] * 3 + [429] * 3


@pytest.fixture
def relayed(settings: Settings) -> Iterator[tuple[Settings, Relay]]:
    url = urlsplit(redis_url())
    relay = Relay((url.hostname or "127.0.0.1", url.port or 6379))
    relay.start()
    prefix = f"test-{secrets.token_hex(6)}:"
    yield (
        msgspec.structs.replace(
            settings,
            redis_url=url._replace(netloc=f"127.0.0.1:{relay.port}").geturl(),
            redis_prefix=prefix,
        ),
        relay,
    )
    relay.close()


async def test_an_outage_mid_run_falls_back_and_sharing_resumes(
    relayed: tuple[Settings, Relay], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "OUTAGE_RETRY_SECONDS", 0.2)
    shared, relay = relayed
    async with AsyncTestClient(app=create_app(shared)) as client:
        assert await readiness(client) == "shared"
        assert (await client.get("/api/v1/resources")).status_code == 200
        relay.stop()
        during = [(await client.get("/api/v1/resources")).status_code for _ in range(5)]
        assert during == [200] * 5  # not a 500, and not a wait on every request
        assert await readiness(client) == "local (shared store unreachable)"
        code = (await client.post("/api/v1/cohorts", json={"name": "8B"})).json()["join_code"]
        submitted = await client.post(f"/api/v1/cohorts/{code}/responses", json=ANSWERS)
        assert submitted.status_code == 201
        relay.start()
        await asyncio.sleep(0.3)
        assert await readiness(client) == "shared"


async def test_a_redis_that_refuses_these_settings_stops_the_start(settings: Settings) -> None:
    """Not an outage but a mistake (here, a database number Redis does not have): running on
    with every limit counted per process would go unnoticed, so the service does not start."""
    url = urlsplit(redis_url())
    wrong = msgspec.structs.replace(settings, redis_url=url._replace(path="/999").geturl())
    before = set(_database_threads())
    with pytest.raises(BaseExceptionGroup) as caught:  # the test client's task group
        async with AsyncTestClient(app=create_app(wrong)):
            pass
    refusals = [error for error in leaves(caught.value) if isinstance(error, StorageError)]
    assert refusals and "SAFETY_CHECK_REDIS_URL" in str(refusals[0])
    # The refused start closed the database it had opened: every connection's thread has ended.
    # (Left open, each thread later called into this test's closed event loop, a warning that
    # surfaced in whichever test ran next.)
    opened = [thread for thread in _database_threads() if thread not in before]
    for thread in opened:
        thread.join(timeout=10)
    assert not [thread for thread in opened if thread.is_alive()]


def _database_threads() -> list[threading.Thread]:
    """The worker threads of open aiosqlite connections."""
    return [thread for thread in threading.enumerate() if "_connection_worker" in thread.name]


def leaves(error: BaseException) -> list[BaseException]:
    """The errors inside (nested) exception groups, as the test client's task group raises."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in leaves(inner)]
    return [error]


async def test_recovery_is_logged(
    relayed: tuple[Settings, Relay],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(limits, "OUTAGE_RETRY_SECONDS", 0.2)
    shared, relay = relayed
    app = create_app(shared)
    logger = logging.getLogger("safety_check")  # the app's logging does not propagate to root
    logger.addHandler(caplog.handler)
    try:
        await outage_and_recovery(app, relay)
    finally:
        logger.removeHandler(caplog.handler)
    messages = [record.getMessage() for record in caplog.records]
    assert any("not answering (ConnectionError)" in message for message in messages)
    assert any("answers again" in message for message in messages)


async def outage_and_recovery(app: Litestar, relay: Relay) -> None:
    async with AsyncTestClient(app=app) as client:
        relay.stop()
        assert (await client.get("/api/v1/resources")).status_code == 200
        relay.start()
        await asyncio.sleep(0.3)
        assert (await client.get("/api/v1/resources")).status_code == 200


async def test_a_second_lifespan_wraps_fresh_local_counters(
    relayed: tuple[Settings, Relay],
) -> None:
    """An app started twice (a test, an embedding server) must not fall back, in an outage, to
    the first run's Redis wrapper and its closed client."""
    shared, _ = relayed
    app = create_app(shared)
    for _ in range(2):
        async with AsyncTestClient(app=app) as client:
            assert await readiness(client) == "shared"
    limiter = services_of(app).platform.access.limiter
    assert isinstance(limiter, limits.SharedOrLocal)
    assert isinstance(limiter._local, limits.MemoryCounter)
