"""The real server in a subprocess, for tests that kill it or load it.

These tests exercise what unit tests cannot: that a response acknowledged with 201 is on disk
when the process dies without warning, and that the single-writer design holds under many
concurrent writers and readers. So the server runs exactly as deployed (`safety-check serve`,
Granian with one worker, SQLite WAL with `synchronous=FULL`), started through `sys.executable` so
the tests use the same virtual environment as pytest, in CI as on a laptop.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.engines import ENGINES, database_location, is_postgres, query

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "api" / "examples"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def example_bodies() -> list[bytes]:
    """Request bodies the questionnaire accepts: the API examples, minus their expected plans."""
    paths = sorted(path for path in EXAMPLES.glob("*.json") if ".plan." not in path.name)
    bodies = [path.read_bytes() for path in paths]
    assert bodies, f"no example answers in {EXAMPLES}"
    for body in bodies:
        assert "answers" in json.loads(body)
    return bodies


class Server:
    """One `safety-check serve` process on a free port, its output in a log file.

    The log goes to a file, not a pipe, so a chatty server can never block on a full pipe, and
    the whole output survives a SIGKILL for the assertions and for debugging.
    """

    def __init__(
        self, database: Path | str, log: Path, extra_env: dict[str, str] | None = None
    ) -> None:
        self.database = database
        self.log = log
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "SAFETY_CHECK_DATABASE": str(database),
            # Every client here is 127.0.0.1: a real limit would turn the load into 429s.
            "SAFETY_CHECK_RATE_LIMIT": "1000000",
            "SAFETY_CHECK_KEY_RATE_LIMIT": "10000000",
            **(extra_env or {}),
        }
        for name in ("SAFETY_CHECK_HOST", "SAFETY_CHECK_PORT", "SAFETY_CHECK_WORKERS"):
            env.pop(name, None)
        # One worker process under Granian's main process, in a session of their own, so that a
        # SIGKILL to the group kills the process holding the database like a power cut would.
        command = [
            sys.executable,
            "-m",
            "safety_check.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            "1",
        ]
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                command,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=log.parent,
                start_new_session=True,
            )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_ready(self) -> None:
        """Poll the liveness probe, then the readiness probe (which runs a query on the file)."""
        deadline = time.monotonic() + START_TIMEOUT
        for path in ("/api/v1/healthz", "/api/v1/readyz"):
            while True:
                if self.process.poll() is not None:
                    raise AssertionError(
                        f"server exited with {self.process.returncode}:\n{self.output()}"
                    )
                try:
                    with urllib.request.urlopen(self.base + path, timeout=2) as response:  # noqa: S310 (loopback)
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError(
                        f"server not ready after {START_TIMEOUT}s:\n{self.output()}"
                    )
                time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: no shutdown hook, no final checkpoint, exactly like a crash or OOM kill."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=STOP_TIMEOUT)

    def stop(self) -> None:
        """SIGTERM and wait; SIGKILL if it hangs. Safe to call on a process already gone."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=STOP_TIMEOUT)


class Connection:
    """One keep-alive HTTP/1.1 connection, like one browser talking to the service.

    The standard library's client, in threads, rather than httpx: it costs about a fifth of the
    CPU per request, and on a small shared CI machine the client competes with the server for the
    same cores. It never retries a request, so what the test counts is what was sent.
    """

    def __init__(self, server: Server, timeout: float = 60.0) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        """Send one request and read the whole answer; socket errors propagate to the caller."""
        sent = dict(headers or {})
        if body is not None:
            sent["Content-Type"] = "application/json"
        self.connection.request(method, path, body=body, headers=sent)
        response = self.connection.getresponse()
        return response.status, response.read().decode(errors="replace")

    def close(self) -> None:
        self.connection.close()


class Servers:
    """Starts servers for one test and guarantees none outlives it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.started: list[Server] = []

    def start(self, database: Path | str, extra_env: dict[str, str] | None = None) -> Server:
        log = self.directory / f"server-{len(self.started)}.log"
        server = Server(database, log, extra_env)
        self.started.append(server)
        server.wait_ready()
        return server

    def stop_all(self) -> None:
        for server in self.started:
            server.stop()


@pytest.fixture(params=ENGINES)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """The servers' database: a SQLite file, or a fresh PostgreSQL schema."""
    with database_location(request.param, tmp_path) as where:
        yield where


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[Servers]:
    started = Servers(tmp_path)
    try:
        yield started
    finally:
        started.stop_all()


def create_class_check(base: str) -> dict[str, Any]:
    """A class check with no age band, so every example's own age band is accepted."""
    request = urllib.request.Request(  # noqa: S310 (loopback only)
        base + "/api/v1/cohorts",
        data=json.dumps({"name": "Durability 7B"}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 201
        created: dict[str, Any] = json.loads(response.read())
    return created


def close_and_report(base: str, class_check: dict[str, Any]) -> dict[str, Any]:
    """Close the check (the report's figures only appear once closed) and read its report."""
    headers = {"Authorization": f"Bearer {class_check['teacher_key']}"}
    close = urllib.request.Request(  # noqa: S310 (loopback only)
        f"{base}/api/v1/cohorts/{class_check['id']}/close", headers=headers, method="POST"
    )
    with urllib.request.urlopen(close, timeout=10) as response:  # noqa: S310
        assert response.status == 204
    report = urllib.request.Request(  # noqa: S310 (loopback only)
        f"{base}/api/v1/cohorts/{class_check['id']}/report", headers=headers
    )
    with urllib.request.urlopen(report, timeout=10) as response:  # noqa: S310
        assert response.status == 200
        body: dict[str, Any] = json.loads(response.read())
    assert body["open"] is False
    return body


def connect_read_only(database: Path | str) -> sqlite3.Connection:
    """A read-only connection: safe beside a running server, and it cannot repair anything."""
    return sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10)


def integrity(database: Path | str) -> str:
    """SQLite's own check of the file; PostgreSQL keeps its files itself ("ok" if it answers)."""
    if is_postgres(database):
        query(database, "SELECT count(*) FROM responses")
        return "ok"
    connection = connect_read_only(database)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "\n".join(str(row[0]) for row in rows)


def stored_responses(database: Path | str, public_id: str) -> int:
    if not is_postgres(database):  # read-only: safe beside a running server
        database = f"file:{database}?mode=ro"
    [(count,)] = query(
        database,
        "SELECT count(*) FROM responses JOIN cohorts ON cohorts.id = responses.cohort_id"
        " WHERE cohorts.public_id = ?",
        public_id,
    )
    return int(count)
