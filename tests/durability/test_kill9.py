"""SIGKILL the server mid-load: every acknowledged response must survive, and the file stay whole.

The service promises that a 201 for a class-check response is sent only after COMMIT, and that
WAL with `synchronous=FULL` makes a commit durable. A crash (OOM kill, power loss, `kill -9`) is
where that promise is tested: no shutdown hook runs and the WAL is never checkpointed. The server
is killed while 16 clients are submitting, restarted on the same file, and must come up, pass
`PRAGMA integrity_check`, and hold at least every acknowledged response and no more than were
sent. One test runs several kill cycles on the same file, so starting on a WAL left by an earlier
crash is exercised too.
"""

from __future__ import annotations

import http.client
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.durability.conftest import (
    Connection,
    Server,
    Servers,
    close_and_report,
    create_class_check,
    example_bodies,
    integrity,
    stored_responses,
)

CLIENTS = 16
CYCLES = 3
KILL_AFTER_SECONDS = 1.0
KILL_AFTER_ACKNOWLEDGED = 30
"""Kill only once the load is clearly running, so the kill lands among in-flight writes."""
STORM_LIMIT_SECONDS = 20.0


@dataclass
class Tally:
    """What the clients saw. Only a 201 is an acknowledgement."""

    attempted: int = 0
    acknowledged: int = 0
    cut_off: int = 0
    """Sent, or possibly sent, when the server died and never answered: stored or not."""
    refused: int = 0
    """The connection was refused: the server was already gone, so the request never arrived."""
    unexpected: list[str] = field(default_factory=list)
    """Any answer other than 201: before the kill there is no excuse for one."""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


def _submitter(server: Server, path: str, bodies: list[bytes], start: int, tally: Tally) -> None:
    """Submit answers back to back on one connection until the server dies under us."""
    connection = Connection(server, timeout=30.0)
    sent = start
    try:
        while True:
            body = bodies[sent % len(bodies)]
            sent += 1
            with tally.lock:
                tally.attempted += 1
            try:
                status, text = connection.request("POST", path, body)
            except ConnectionRefusedError:
                # Only connect() can be refused (ECONNREFUSED is a SYN_SENT error on Linux).
                with tally.lock:
                    tally.refused += 1
                return
            except (OSError, http.client.HTTPException):
                # Reset, broken pipe, RemoteDisconnected, timeout, or IncompleteRead: the status
                # line may even have said 201, but an answer cut short is not an acknowledgement.
                with tally.lock:
                    tally.cut_off += 1
                return
            with tally.lock:
                if status == 201:
                    tally.acknowledged += 1
                else:
                    tally.unexpected.append(f"{status}: {text[:300]}")
                    return
    except Exception as error:  # a bug in the test must fail it, not vanish with the thread
        with tally.lock:
            tally.unexpected.append(repr(error))
    finally:
        connection.close()


def _storm_then_kill(server: Server, join_code: str) -> Tally:
    """Run the clients, SIGKILL the server while they are mid-request, and wait for them to end."""
    path = f"/api/v1/cohorts/{join_code}/responses"
    bodies = example_bodies()
    tally = Tally()
    threads = [
        threading.Thread(target=_submitter, args=(server, path, bodies, index, tally), daemon=True)
        for index in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    while True:
        time.sleep(0.02)
        elapsed = time.monotonic() - started
        if not any(thread.is_alive() for thread in threads):
            break  # every client stopped by itself: reported as unexpected answers
        if elapsed >= KILL_AFTER_SECONDS and tally.acknowledged >= KILL_AFTER_ACKNOWLEDGED:
            break
        if elapsed > STORM_LIMIT_SECONDS:
            break
    server.kill()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive(), "a client hung after the server was killed"
    return tally


@pytest.mark.slow
def test_acknowledged_responses_survive_sigkill(servers: Servers, location: Path | str) -> None:
    database = location
    server = servers.start(database)
    class_checks: list[tuple[dict[str, Any], int]] = []
    figures: list[str] = []
    for cycle in range(CYCLES):
        class_check = create_class_check(server.base)
        tally = _storm_then_kill(server, class_check["join_code"])
        assert server.process.returncode == -9, f"cycle {cycle}: the server was not SIGKILLed"
        assert tally.unexpected == [], f"cycle {cycle}: {tally.unexpected[:5]}"
        # The kill must land mid-run: writes acknowledged before it, requests cut off by it.
        assert tally.acknowledged >= KILL_AFTER_ACKNOWLEDGED, f"cycle {cycle}: {tally}"
        assert tally.cut_off >= 1, f"cycle {cycle}: no request was in flight at the kill: {tally}"

        server = servers.start(database)  # must recover the WAL and come up on the same file
        assert integrity(database) == "ok", f"cycle {cycle}"
        stored = stored_responses(database, class_check["id"])
        figures.append(
            f"cycle {cycle}: acknowledged {tally.acknowledged}, stored {stored}, "
            f"cut off {tally.cut_off}, refused {tally.refused}, attempted {tally.attempted}"
        )
        assert stored >= tally.acknowledged, f"acknowledged responses lost: {figures[-1]}"
        assert stored <= tally.acknowledged + tally.cut_off, f"phantom responses: {figures[-1]}"
        assert stored <= tally.attempted
        report = close_and_report(server.base, class_check)
        assert report["report"]["responses"] == stored, figures[-1]
        class_checks.append((class_check, stored))

    server.stop()
    assert server.process.returncode in (0, -15), server.output()
    assert integrity(database) == "ok"
    for class_check, stored in class_checks:
        assert stored_responses(database, class_check["id"]) == stored
    for started in servers.started:  # a crash may end a log early, but never with an error in it
        for marker in ("database is locked", "Traceback", "unhandled", " answered 5"):
            assert marker not in started.output(), started.output()[-3000:]
    print("\n".join(figures))  # shown with -rP: acknowledged and stored counts per cycle
