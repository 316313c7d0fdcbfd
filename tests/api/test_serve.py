"""`safety-check serve` runs the real server, creates the database, and starts again on it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from tests.engines import redis_url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(
    database: Path, port: int, extra: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SAFETY_CHECK_DATABASE": str(database), **(extra or {})}
    command = [sys.executable, "-m", "safety_check.cli", "serve", "--port", str(port)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback only)
        return response.status, response.read()


def wait_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stdout.read() if server.stdout else b""
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("server did not start")


def test_serve_twice_on_the_same_database(tmp_path: Path) -> None:
    database = tmp_path / "served.db"
    for attempt in range(2):
        port = free_port()
        server = start(database, port)
        base = f"http://127.0.0.1:{port}/api/v1"
        try:
            wait_ready(base + "/readyz", server)
            status, body = get(base + "/readyz")
            assert status == 200
            assert json.loads(body) == {"status": "ready", "limits": "local"}
            request = urllib.request.Request(  # noqa: S310 (loopback only)
                base + "/plans",
                data=b'{"answers": {"profile.age_band": "16_17"}}',
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                assert json.loads(response.read())["age_band"] == "16_17"
        finally:
            server.send_signal(signal.SIGTERM)
            output = server.communicate(timeout=15)[0].decode()
        assert server.returncode in (0, -signal.SIGTERM), output
        assert "Granian shutdown completed" in output
        assert "Traceback" not in output, output
        assert "16_17" not in output  # no access log, no bodies
        assert database.exists(), f"attempt {attempt}"


def test_serve_refuses_a_file_that_is_not_a_database_and_exits(tmp_path: Path) -> None:
    """An operator pointing the service at the wrong file gets an error and their prompt back.

    A connection left open after the failed check kept a worker thread alive, so the process
    hung instead of exiting.
    """
    junk = tmp_path / "notes.txt"
    junk.write_bytes(b"not a database, just notes " * 200)
    server = start(junk, free_port())
    try:
        output = server.communicate(timeout=60)[0].decode()
    finally:
        server.kill()
    assert server.returncode != 0, output
    assert "cannot open database" in output
    assert junk.read_bytes() == b"not a database, just notes " * 200


def test_serve_refuses_a_redis_that_refuses_its_settings(tmp_path: Path) -> None:
    """A wrong Redis password or database number is a mistake, not an outage: the operator
    gets one line and their prompt back, not a service counting limits per process."""
    wrong = urlsplit(redis_url())._replace(path="/999").geturl()
    server = start(tmp_path / "db.sqlite", free_port(), {"SAFETY_CHECK_REDIS_URL": wrong})
    try:
        output = server.communicate(timeout=60)[0].decode()
    finally:
        server.kill()
    assert server.returncode == 2, output
    assert "SAFETY_CHECK_REDIS_URL: Redis refused these settings" in output
