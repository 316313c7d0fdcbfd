"""Many students submitting at once while teachers watch the report: no lock errors, no losses.

There is one writer connection per process behind an asyncio lock, every write begins with
`BEGIN IMMEDIATE`, and readers use their own connections. Under load, a mistake in that design
shows up as "database is locked" (SQLITE_BUSY escaping the busy timeout), as a 500, or as a
response acknowledged but not stored. A whole year group submitting in the same lesson while
teachers refresh the report is the realistic worst case, so that is what runs here, against the
real server: 50 clients x 20 submissions, each client on its own connection, with report
pollers alongside.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
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

STUDENTS = 50
SUBMISSIONS_EACH = 20
TOTAL = STUDENTS * SUBMISSIONS_EACH
POLLERS = 3
POLL_PAUSE = 0.1
"""Ten refreshes a second per teacher, far beyond real use. Not zero: building a report is CPU
work on the server's event loop, proportional to the responses so far, and pollers with no pause
slow the submissions about fourfold, which on a small CI machine costs more time than it tests."""
LOCKED = "database is locked"


@dataclass
class Observed:
    """Every answer the clients got, tallied; the bad ones kept whole for the failure message."""

    submissions: Counter[int] = field(default_factory=Counter)
    polls: Counter[int] = field(default_factory=Counter)
    bad: list[str] = field(default_factory=list)
    report_counts: list[list[int]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def note(self, kind: str, status: int, text: str, expected: int) -> None:
        with self.lock:
            (self.submissions if kind == "submit" else self.polls)[status] += 1
            if status != expected or status >= 500 or LOCKED in text:
                self.bad.append(f"{kind} {status}: {text[:300]}")


def _student(server: Server, path: str, bodies: list[bytes], index: int, seen: Observed) -> None:
    """One student's device: its own connection, submissions back to back."""
    connection = Connection(server)
    try:
        for number in range(SUBMISSIONS_EACH):
            status, text = connection.request("POST", path, bodies[(index + number) % len(bodies)])
            seen.note("submit", status, text, 201)
    except Exception as error:
        with seen.lock:
            seen.errors.append(f"student {index}: {error!r}")
    finally:
        connection.close()


def _poller(
    server: Server, class_check: dict[str, Any], done: threading.Event, seen: Observed
) -> None:
    """A teacher refreshing the report almost as fast as it answers, until the students finish."""
    path = f"/api/v1/cohorts/{class_check['id']}/report"
    headers = {"Authorization": f"Bearer {class_check['teacher_key']}"}
    counts: list[int] = []
    with seen.lock:
        seen.report_counts.append(counts)
    connection = Connection(server)
    try:
        while not done.is_set():
            status, text = connection.request("GET", path, headers=headers)
            seen.note("report", status, text, 200)
            if status == 200:
                counts.append(band_floor(json.loads(text)["report"]["responses_band"]))
            done.wait(POLL_PAUSE)
    except Exception as error:
        with seen.lock:
            seen.errors.append(f"poller: {error!r}")
    finally:
        connection.close()


def band_floor(band: str) -> int:
    """The least number of responses a band shown while open stands for ("10 to 19" is 10)."""
    return 0 if band.startswith("fewer than") else int(band.split(" to ")[0])


def _load(server: Server, class_check: dict[str, Any]) -> tuple[Observed, float]:
    """Run students and pollers together; the time is the students' alone."""
    path = f"/api/v1/cohorts/{class_check['join_code']}/responses"
    bodies = example_bodies()
    seen = Observed()
    done = threading.Event()
    pollers = [
        threading.Thread(target=_poller, args=(server, class_check, done, seen), daemon=True)
        for _ in range(POLLERS)
    ]
    students = [
        threading.Thread(target=_student, args=(server, path, bodies, index, seen), daemon=True)
        for index in range(STUDENTS)
    ]
    for thread in pollers:
        thread.start()
    started = time.monotonic()
    try:
        for thread in students:
            thread.start()
        for thread in students:
            thread.join(timeout=180)
        elapsed = time.monotonic() - started
    finally:
        done.set()
        for thread in pollers:
            thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in (*students, *pollers)), "a client hung"
    return seen, elapsed


@pytest.mark.slow
def test_concurrent_submissions_and_reports(servers: Servers, location: Path | str) -> None:
    database = location
    server = servers.start(database)
    class_check = create_class_check(server.base)

    seen, elapsed = _load(server, class_check)
    print(
        f"{TOTAL} submissions in {elapsed:.2f}s ({TOTAL / elapsed:.0f}/s); "
        f"{sum(seen.polls.values())} report polls {dict(seen.polls)}"
    )

    assert seen.errors == [], seen.errors[:10]
    assert seen.bad == [], seen.bad[:10]
    assert seen.submissions == Counter({201: TOTAL})
    assert sum(seen.polls.values()) >= POLLERS and set(seen.polls) == {200}
    for counts in seen.report_counts:
        # Each poller waits for one answer before asking again, so it must never see fewer
        # (while open the report gives only the count's band of ten).
        assert counts == sorted(counts), "a report count went backwards"
        assert all(0 <= count <= TOTAL for count in counts)

    report = close_and_report(server.base, class_check)
    assert report["report"]["responses"] == TOTAL

    server.stop()
    assert server.process.returncode in (0, -15), server.output()[-3000:]
    output = server.output()
    for marker in (LOCKED, "Traceback", "unhandled", " answered 5"):
        assert marker not in output, output[-3000:]
    assert integrity(database) == "ok"
    assert stored_responses(database, class_check["id"]) == TOTAL
