"""Faults around the server (issue 22 §5): PostgreSQL restarted and Redis stopped and started
while two workers take a class's responses, on servers of the test's own (a private PostgreSQL
cluster made with initdb, a private redis-server), never the machine's shared ones.

For each fault: every response acknowledged with 201 is stored exactly once; while a dependency
is down the service answers 201 or 503 with Retry-After as problem+json (never a 500, never a
hang past the client's timeout); readiness reports it; the service recovers without a restart;
and every request that was not acknowledged, sent again with its Idempotency-Key, is stored
once. Figures are printed (run with -s).
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg_pool import PoolTimeout

from safety_check.storage.postgres import DatabaseUnreachable, PostgresDatabase
from tests.durability.conftest import free_port
from tests.engines import query
from tests.live_server import LiveServer

pytestmark = pytest.mark.slow
PG_BIN = Path("/usr/lib/postgresql/15/bin")
REQUIRE = os.environ.get("SAFETY_CHECK_REQUIRE_SERVICES") == "1"
CLIENT_TIMEOUT = 30.0
ANSWERS = {"answers": {"webcam.cover_when_unused": "sometimes", "profile.devices": ["windows"]}}


def _missing(reason: str) -> None:
    if REQUIRE:
        pytest.fail(f"{reason} (SAFETY_CHECK_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


def _as_postgres(*command: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True)


class PrivatePostgres:
    """A PostgreSQL cluster of this test's own, on its own port, run as the postgres user."""

    def __init__(self) -> None:
        if not (PG_BIN / "initdb").exists() or shutil.which("runuser") is None:
            _missing(f"the fault tests need PostgreSQL's initdb in {PG_BIN} and runuser")
        self.home = Path(tempfile.mkdtemp(prefix="safety-check-pg-"))
        shutil.chown(self.home, "postgres", "postgres")
        self.data = self.home / "data"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        _as_postgres(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust")
        self.start()

    def _ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.home} -c listen_addresses=127.0.0.1"
        log = str(self.home / "server.log")
        _as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", *args
        )

    def start(self) -> None:
        self._ctl("start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.home, ignore_errors=True)


class PrivateRedis:
    def __init__(self) -> None:
        if shutil.which("redis-server") is None:
            _missing("the fault tests need redis-server")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=1),
            ):
                return
            time.sleep(0.05)
        raise AssertionError("private redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def postgres() -> Iterator[PrivatePostgres]:
    server = PrivatePostgres()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def redis() -> Iterator[PrivateRedis]:
    server = PrivateRedis()
    try:
        yield server
    finally:
        server.stop()


def _post(base: str, path: str, body: Any, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=CLIENT_TIMEOUT)
    try:
        connection.request(
            "POST",
            path,
            json.dumps(body),
            {"Content-Type": "application/json", **headers},
        )
        response = connection.getresponse()
        response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}
    except (OSError, http.client.HTTPException):
        return 0, {}  # no answer at all: counted as "no response"
    finally:
        connection.close()


class Load:
    """Students submitting to one class from several threads, each with its own key."""

    def __init__(self, server: LiveServer, code: str, threads: int = 6) -> None:
        self.server, self.code = server, code
        self.sent: dict[str, int] = {}
        self.statuses: Counter[int] = Counter()
        self.waits: dict[int, list[float]] = {}
        """Seconds from sending each request to its answer, by status."""
        self.problems: list[str] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.workers = [threading.Thread(target=self._run, daemon=True) for _ in range(threads)]
        self.last_201 = 0.0
        for worker in self.workers:
            worker.start()

    def _run(self) -> None:
        while not self.stopping.is_set():
            key = str(uuid.uuid4())
            sent = time.monotonic()
            status, headers = _post(
                self.server.base,
                f"/api/v1/cohorts/{self.code}/responses",
                ANSWERS,
                {"Idempotency-Key": key},
            )
            with self.lock:
                self.sent[key] = status
                self.statuses[status] += 1
                self.waits.setdefault(status, []).append(time.monotonic() - sent)
                if status == 201:
                    self.last_201 = time.monotonic()
                if status == 503 and (
                    "retry-after" not in headers
                    or not headers.get("content-type", "").startswith("application/problem+json")
                ):
                    self.problems.append(f"503 without Retry-After or problem+json: {headers}")
            if status != 201:
                time.sleep(0.2)

    def stop(self) -> None:
        self.stopping.set()
        for worker in self.workers:
            worker.join(timeout=CLIENT_TIMEOUT * 2)

    def acknowledged(self) -> set[str]:
        return {key for key, status in self.sent.items() if status == 201}

    def figures(self, fault: str) -> dict[str, Any]:
        """What every fault reports; 503 waits are how long a refused request was held."""
        refused = sorted(self.waits.get(503, []))
        return {
            "fault": fault,
            "requests": sum(self.statuses.values()),
            "acknowledged": len(self.acknowledged()),
            "by status": dict(sorted(self.statuses.items())),
            "503 wait median s": round(statistics.median(refused), 3) if refused else None,
            "503 wait max s": round(refused[-1], 3) if refused else None,
        }

    def resend_unacknowledged(self) -> Counter[int]:
        retried: Counter[int] = Counter()
        for key, status in self.sent.items():
            if status != 201:
                again, _ = _post(
                    self.server.base,
                    f"/api/v1/cohorts/{self.code}/responses",
                    ANSWERS,
                    {"Idempotency-Key": key},
                )
                retried[again] += 1
        return retried


def _readiness(server: LiveServer) -> tuple[int, dict[str, Any]]:
    status, _, body = server.request("GET", "/api/v1/readyz", timeout=CLIENT_TIMEOUT)
    return status, json.loads(body) if body else {}


def _wait_for_201(load: Load, since: float, limit: float = 60.0) -> float:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if load.last_201 > since:
            return load.last_201 - since
        time.sleep(0.05)
    raise AssertionError(f"no 201 within {limit}s of the dependency returning: {load.statuses}")


def _stored(database: str, cohort: str) -> int:
    [(count,)] = query(
        database,
        "SELECT count(*) FROM responses r JOIN cohorts c ON c.id = r.cohort_id "
        "WHERE c.public_id = ?",
        cohort,
    )
    return int(count)


def _serve(tmp_path: Path, database: str, redis: str | None = None) -> LiveServer:
    return LiveServer(
        tmp_path,
        {
            "SAFETY_CHECK_DATABASE": database,
            **({"SAFETY_CHECK_REDIS_URL": redis} if redis else {}),
            "SAFETY_CHECK_WORKERS": "2",
            "SAFETY_CHECK_RATE_LIMIT": "1000000",
            # The load is one class from one address: its own limit is set out of the way.
            "SAFETY_CHECK_CLASS_RATE_LIMIT": "100000000",
            "SAFETY_CHECK_LOG_LEVEL": "WARNING",
            "SAFETY_CHECK_TRUSTED_PROXIES": "127.0.0.1",
        },
    )


@contextlib.contextmanager
def _class_under_load(
    server: LiveServer, before_load: Callable[[], None] = lambda: None
) -> Iterator[tuple[str, Load]]:
    """A new class on `server` and six students submitting to it; on leaving (even by a failed
    assertion) the students stop, then the server."""
    with contextlib.ExitStack() as stack:
        stack.callback(server.stop)
        status, _, body = server.request(
            "POST", "/api/v1/cohorts", {"name": "Fault 9C", "age_band": "13_15"}
        )
        assert status == 201, body
        created = json.loads(body)
        before_load()
        load = Load(server, created["join_code"])
        stack.callback(load.stop)
        yield str(created["id"]), load


def _report(figures: dict[str, Any]) -> None:
    print("\n" + json.dumps(figures))


def _check_and_report(name: str, load: Load, database: str, cohort: str, recovered: float) -> None:
    acknowledged = load.acknowledged()
    stored_before_retry = _stored(database, cohort)
    retried = load.resend_unacknowledged()
    stored = _stored(database, cohort)
    _report(
        {
            **load.figures(name),
            "stored before retries": stored_before_retry,
            "lost": max(0, len(acknowledged) - stored_before_retry),
            "retries of unacknowledged": dict(sorted(retried.items())),
            "stored after retries": stored,
            "duplicated": stored - len(load.sent),
            "seconds to the first 201 after recovery": round(recovered, 2),
        }
    )
    assert not load.problems, load.problems[:3]
    assert set(load.statuses) <= {201, 503}, load.statuses  # no 500, no hang past 30 s
    assert load.statuses[503] > 0, "the fault was not seen"
    assert stored_before_retry >= len(acknowledged), "an acknowledged response was lost"
    assert set(retried) <= {201}, retried
    assert stored == len(load.sent), "a response was stored twice or not at all"


def test_postgresql_restarted_mid_load(
    tmp_path: Path, postgres: PrivatePostgres, redis: PrivateRedis
) -> None:
    with _class_under_load(_serve(tmp_path, postgres.url, redis.url)) as (cohort, load):
        time.sleep(3)
        postgres.stop()
        time.sleep(2)
        status, _ = _readiness(load.server)
        assert status == 503
        time.sleep(2)
        postgres.start()
        recovered = _wait_for_201(load, time.monotonic())
        time.sleep(2)
        load.stop()
        assert _readiness(load.server)[0] == 200
        _check_and_report("postgresql restart", load, postgres.url, cohort, recovered)


async def test_a_lost_postgresql_is_refused_at_once_and_found_again(
    postgres: PrivatePostgres,
) -> None:
    """After one failed attempt, requests are refused by the circuit without asking the pool
    (`DatabaseUnreachable`, a 503) until the background probe reaches PostgreSQL again."""
    database = PostgresDatabase(postgres.url)
    await database.open()
    try:
        assert await database.fetch_all("SELECT 1") == [(1,)]
        await asyncio.to_thread(postgres.stop)
        with pytest.raises((psycopg.OperationalError, PoolTimeout)) as first:
            await database.fetch_all("SELECT 1")
        assert not isinstance(first.value, DatabaseUnreachable)  # a real attempt found it gone
        assert not database.reachable
        for _ in range(3):
            with pytest.raises(DatabaseUnreachable):
                await database.write_statement("SELECT 1")
        await asyncio.to_thread(postgres.start)
        deadline = time.monotonic() + 60
        while not database.reachable and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert database.reachable, "the probe never found PostgreSQL again"
        assert await database.fetch_all("SELECT 1") == [(1,)]
    finally:
        await database.close()


def test_redis_stopped_and_started_mid_load(
    tmp_path: Path, postgres: PrivatePostgres, redis: PrivateRedis
) -> None:
    with _class_under_load(_serve(tmp_path, postgres.url, redis.url)) as (cohort, load):
        time.sleep(3)
        redis.stop()
        time.sleep(3)
        status, body = _readiness(load.server)
        assert (status, body.get("limits")) == (200, "local (shared store unreachable)")
        # Guessing limits stay closed without Redis: wrong join codes still run into a limit.
        # From another address (through the trusted proxy), so the students are not slowed.
        guesser = {"X-Forwarded-For": "192.0.2.7"}
        wrong = [
            _post(load.server.base, "/api/v1/cohorts/ZZZZ-ZZZZ/responses", ANSWERS, guesser)[0]
            for _ in range(100)
        ]
        assert 429 in wrong, Counter(wrong)
        redis.start()
        back = time.monotonic()
        deadline = back + 30
        while _readiness(load.server)[1].get("limits") != "shared" and time.monotonic() < deadline:
            time.sleep(0.2)
        recovered = time.monotonic() - back
        assert _readiness(load.server)[1].get("limits") == "shared"
        load.stop()
        stored = _stored(postgres.url, cohort)
        _report(
            {
                **load.figures("redis stop/start"),
                "stored": stored,
                "wrong-code guesses while down": dict(Counter(wrong)),
                "seconds until limits shared again": round(recovered, 2),
            }
        )
        # Redis holds only counters: students are not turned away while it is down.
        assert set(load.statuses) == {201}, load.statuses
        assert stored == len(load.acknowledged())


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 6 MB filesystem of the test's own (tmpfs), so the disk can fill without harm."""
    mount_point = Path(tempfile.mkdtemp(prefix="safety-check-full-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        mount_point.rmdir()
        _missing(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
        shutil.rmtree(mount_point, ignore_errors=True)


def test_sqlite_disk_full_mid_load(tmp_path: Path, small_disk: Path) -> None:
    database = small_disk / "full.db"
    ballast = small_disk / "ballast"

    def fill_disk() -> None:
        # All but about 200 KB, so the load fills the disk within seconds.
        free = shutil.disk_usage(small_disk).free
        ballast.write_bytes(b"\0" * max(0, free - 200_000))

    with _class_under_load(_serve(tmp_path, str(database)), fill_disk) as (cohort, load):
        deadline = time.monotonic() + 60
        while load.statuses[503] < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert load.statuses[503] >= 5, f"the disk never filled: {load.statuses}"
        ballast.unlink()
        recovered = _wait_for_201(load, time.monotonic())
        time.sleep(1)
        load.stop()
        assert _readiness(load.server)[0] == 200
        _check_and_report("sqlite disk full", load, str(database), cohort, recovered)
        [(integrity,)] = query(str(database), "PRAGMA integrity_check")
        assert integrity == "ok"


class SlowLink:
    """A TCP proxy to PostgreSQL that holds every chunk from the server back by `delay`, for a
    database that answers slowly (a congested network or an overloaded host)."""

    def __init__(self, target_port: int, delay: float) -> None:
        self.delay = delay
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pipe, args=(client, upstream, 0.0), daemon=True).start()
            threading.Thread(
                target=self._pipe, args=(upstream, client, self.delay), daemon=True
            ).start()

    @staticmethod
    def _pipe(source: socket.socket, target: socket.socket, delay: float) -> None:
        with contextlib.suppress(OSError):
            while chunk := source.recv(65536):
                if delay:
                    time.sleep(delay)
                target.sendall(chunk)
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self.closed.set()
        self.listener.close()


def test_a_slow_database_mid_load(
    tmp_path: Path, postgres: PrivatePostgres, redis: PrivateRedis
) -> None:
    """Every answer from PostgreSQL held back 300 ms: slower, but nothing fails or is lost."""
    link = SlowLink(postgres.port, delay=0.3)
    slow_url = f"postgresql://postgres@127.0.0.1:{link.port}/postgres"
    with (
        contextlib.closing(link),
        _class_under_load(_serve(tmp_path, slow_url, redis.url)) as (cohort, load),
    ):
        started = time.monotonic()
        time.sleep(8)
        load.stop()
        elapsed = time.monotonic() - started
        assert _readiness(load.server)[0] == 200
        stored = _stored(postgres.url, cohort)
        acknowledged = len(load.acknowledged())
        _report(
            {
                **load.figures("slow database (300 ms per answer)"),
                "stored": stored,
                "acknowledged per second": round(acknowledged / elapsed, 1),
            }
        )
        assert set(load.statuses) <= {201, 503}, load.statuses
        assert load.statuses[201] > 0
        assert stored >= acknowledged
        assert set(load.resend_unacknowledged()) <= {201}
        assert _stored(postgres.url, cohort) == len(load.sent)
