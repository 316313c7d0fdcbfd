"""Slow and stalled clients against the real server: nothing hangs, health checks keep answering,
descriptors never run out and the log stays quiet.

These run Granian exactly as `safety-check serve` does, with a read timeout of 2 s so the test is
short; the figures are printed (run with -s) for the README and reports, and nothing here asserts
a duration except that things end at all.
"""

from __future__ import annotations

import resource
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live_server import LiveServer

pytestmark = pytest.mark.slow
READ_TIMEOUT = 2
DESCRIPTORS = 512
"""The server's open-file limit in the exhaustion test: small, so a few hundred sockets fill it."""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path, {"SAFETY_CHECK_READ_TIMEOUT": str(READ_TIMEOUT)})
    try:
        yield live
    finally:
        live.stop()


def _open(port: int, first_bytes: bytes) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", port), timeout=30)
    if first_bytes:
        connection.sendall(first_bytes)
    return connection


def _closed_by_server(connection: socket.socket, wait: float) -> bool:
    """True when the server ends the connection (with or without an answer) within `wait`."""
    connection.settimeout(wait)
    try:
        while connection.recv(65536):
            pass
    except TimeoutError:
        return False
    except OSError:
        return True
    return True


def test_incomplete_headers_are_cut_off(server: LiveServer) -> None:
    stalled = _open(server.port, b"GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\n")
    started = time.monotonic()
    assert _closed_by_server(stalled, wait=READ_TIMEOUT * 10)
    print(f"\nincomplete headers: closed after {time.monotonic() - started:.1f}s")
    assert server.request("GET", "/api/v1/healthz")[0] == 200


def test_a_body_shorter_than_its_content_length_gets_408(server: LiveServer) -> None:
    connection = _open(
        server.port,
        b"POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100\r\n\r\n" + b'{"answers"',
    )
    connection.settimeout(READ_TIMEOUT * 10)
    started = time.monotonic()
    answer = connection.recv(65536)
    print(f"\nshort body: {answer.splitlines()[0]!r} after {time.monotonic() - started:.1f}s")
    assert answer.startswith(b"HTTP/1.1 408")
    assert b"application/problem+json" in answer
    assert "answered 500" not in server.output()


def test_a_body_trickled_byte_by_byte_gets_408(server: LiveServer) -> None:
    connection = _open(
        server.port,
        b"POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000\r\n\r\n",
    )
    answer = b""
    connection.settimeout(0.5)
    for _ in range(READ_TIMEOUT * 20):  # one byte every half second, for up to 10 read timeouts
        try:
            connection.sendall(b" ")
            answer = connection.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            break
        if answer:
            break
    assert answer.startswith(b"HTTP/1.1 408"), answer


def test_idle_keep_alive_connections_are_closed(server: LiveServer) -> None:
    connection = _open(server.port, b"GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    connection.settimeout(10)
    assert connection.recv(65536).startswith(b"HTTP/1.1 200")
    assert _closed_by_server(connection, wait=READ_TIMEOUT * 10)


def _limit_descriptors() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (DESCRIPTORS, DESCRIPTORS))


def test_more_stalled_connections_than_descriptors(tmp_path: Path) -> None:
    """Twice as many stalled connections as the server has descriptors: the surplus waits in the
    listen backlog, health checks get through once the read timeout frees slots, and the log
    holds no "Too many open files" lines."""
    live = LiveServer(
        tmp_path, {"SAFETY_CHECK_READ_TIMEOUT": str(READ_TIMEOUT)}, preexec=_limit_descriptors
    )
    stalled: list[socket.socket] = []
    try:
        for _ in range(DESCRIPTORS * 2):
            stalled.append(_open(live.port, b"GET / HTTP/1.1\r\n"))
        started = time.monotonic()
        status, _, _ = live.request("GET", "/api/v1/healthz", timeout=READ_TIMEOUT * 30)
        waited = time.monotonic() - started
        closed = sum(_closed_by_server(connection, wait=0.01) for connection in stalled)
        for connection in stalled:
            connection.close()
        after = live.request("GET", "/api/v1/healthz", timeout=READ_TIMEOUT * 10)[0]
    finally:
        for connection in stalled:
            connection.close()
        live.stop()
    log = live.output()
    print(
        f"\n{len(stalled)} stalled connections, server limit {DESCRIPTORS} descriptors: "
        f"health check {status} after {waited:.1f}s; {closed} closed by the server by then; "
        f"log {len(log.encode())} bytes, {len(log.splitlines())} lines"
    )
    assert status == 200
    assert after == 200
    assert "Too many open files" not in log
    assert len(log.splitlines()) < 20, log
