"""A school-week load test: many classes joining at once, two server processes, one PostgreSQL
and one Redis, with SQLite on one process alongside for comparison. A benchmark, not a test.

    SAFETY_CHECK_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test \\
    SAFETY_CHECK_TEST_REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m bench.school_week

Every request goes to 127.0.0.1 only. Students come from a few school addresses, given in
X-Forwarded-For by a trusted "proxy" (this script), as a school's NAT would make them look. Each
student opens the join page, gets the one-time form token and submits the form; every fifth
resubmits the same form (a reload). Half submit through the API instead, with an
Idempotency-Key, and every fifth retries with the same key. It prints acknowledged against
stored (0 lost, 0 doubled), 5xx, 429s for legitimate traffic, wrong teacher keys answered across
both processes against the limit, stored responses per second per server CPU-second on each
engine, and a round where one PostgreSQL process is SIGKILLed mid-load. Bounded: a fixed number
of students per round, a thread pool, and a timeout on every request.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import psycopg

from safety_check.service.classes.checks import BAD_TEACHER_KEY_LIMIT
from tests.durability.conftest import Connection, Server
from tests.engines import query

SCHOOLS: list[str] = []
"""Each class belongs to one school and all its students come from that school's address, as
through a school's NAT; `--schools` sets how many there are."""
ONCE = re.compile(r'name="_once" value="([^"]+)"')
ADDED = "have been added to your class"
ALREADY = "already added"
FORM = {
    "_step": "questions",
    "profile.age_band": "13_15",
    "account_security.two_step_verification": "some",
    "privacy_settings.last_review": "never",
}
API_BODY = json.dumps(
    {"answers": {"profile.age_band": "13_15", "webcam.cover_when_unused": "always"}}
)


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter[int] = Counter()
        self.acknowledged: Counter[str] = Counter()  # per join code
        self.errors = 0

    def status(self, status: int) -> None:
        with self.lock:
            self.statuses[status] += 1

    def ack(self, code: str) -> None:
        with self.lock:
            self.acknowledged[code] += 1


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int) -> float:
    """CPU time of a server and every process under it (the ASGI server runs its app in a
    worker process, so the launcher's own time is next to nothing)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                children.setdefault(int(_stat(int(entry.name))[1]), []).append(int(entry.name))
            except (OSError, IndexError):
                continue  # the process ended while being read
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        pending.extend(children.get(current, []))
        try:
            fields = _stat(current)
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def create_class(server: Server, name: str, school: str) -> dict[str, Any]:
    """A teacher makes a class from their school's address (30 an hour per address)."""
    connection = Connection(server, timeout=30)
    try:
        status, body = connection.request(
            "POST",
            "/api/v1/cohorts",
            json.dumps({"name": name}).encode(),
            {"X-Forwarded-For": school},
        )
    finally:
        connection.close()
    assert status == 201, body
    return json.loads(body)  # type: ignore[no-any-return]


def student(server: Server, class_check: dict[str, Any], index: int, tally: Tally) -> None:
    """One student: join page, form token, submit (a reload for some), or the API with a key."""
    code = class_check["join_code"]
    school = {"X-Forwarded-For": class_check["school"]}
    connection = Connection(server, timeout=30)
    try:
        if index % 2:
            key = {"Idempotency-Key": str(uuid.uuid4()), **school}
            tries = 2 if index % 5 == 1 else 1
            for _ in range(tries):
                status, _ = connection.request(
                    "POST", f"/api/v1/cohorts/{code}/responses", API_BODY.encode(), key
                )
                tally.status(status)
            if status == 201:
                tally.ack(code)
            return
        status, page = connection.request(
            "GET", f"/join/{code}", None, {**school, "Accept": "text/html"}
        )
        tally.status(status)
        found = ONCE.search(page)
        if status != 200 or found is None:
            return
        form = urlencode({**FORM, "_once": found.group(1)}).encode()
        headers = {
            **school,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://127.0.0.1:{server.port}",
            "Host": f"127.0.0.1:{server.port}",
        }
        stored = False
        for _ in range(2 if index % 5 == 0 else 1):
            connection.connection.request("POST", f"/join/{code}", body=form, headers=headers)
            response = connection.connection.getresponse()
            text = response.read().decode(errors="replace")
            tally.status(response.status)
            stored = stored or ADDED in text
        if stored:
            tally.ack(code)
    except OSError:
        with tally.lock:
            tally.errors += 1
    finally:
        connection.close()


def run_round(
    servers: list[Server], classes: int, size: int, threads: int, kill_after: float | None = None
) -> tuple[Tally, list[dict[str, Any]], float]:
    class_checks = [
        {
            **create_class(servers[i % len(servers)], f"Class {i}", SCHOOLS[i % len(SCHOOLS)]),
            "school": SCHOOLS[i % len(SCHOOLS)],
        }
        for i in range(classes)
    ]
    tally = Tally()
    jobs = [
        (servers[(c + s) % len(servers)], class_check, s)
        for c, class_check in enumerate(class_checks)
        for s in range(size)
    ]
    start = time.perf_counter()
    killer = None
    if kill_after is not None:
        killer = threading.Timer(kill_after, servers[-1].kill)
        killer.start()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(lambda job: student(*job, tally), jobs))
    if killer is not None:
        killer.join()
    return tally, class_checks, time.perf_counter() - start


def guesses(servers: list[Server], class_check: dict[str, Any], count: int) -> Counter[int]:
    statuses: Counter[int] = Counter()

    def guess(index: int) -> None:
        connection = Connection(servers[index % len(servers)], timeout=30)
        try:
            status, _ = connection.request(
                "GET",
                f"/api/v1/cohorts/{class_check['id']}/report",
                None,
                {"Authorization": f"Bearer sctk_guess{index}", "X-Forwarded-For": "192.0.2.99"},
            )
            statuses[status] += 1
        finally:
            connection.close()

    with ThreadPoolExecutor(50) as pool:
        list(pool.map(guess, range(count)))
    return statuses


def stored_per_class(location: str | Path, class_checks: list[dict[str, Any]]) -> dict[str, int]:
    rows = query(
        location,
        "SELECT cohorts.join_code, count(responses.id) FROM cohorts "
        "LEFT JOIN responses ON responses.cohort_id = cohorts.id GROUP BY cohorts.join_code",
    )
    wanted = {class_check["join_code"].replace("-", "") for class_check in class_checks}
    return {code: int(n) for code, n in rows if code in wanted}


def report(label: str, tally: Tally, stored: dict[str, int], seconds: float, cpu: float) -> None:
    acknowledged = sum(tally.acknowledged.values())
    total = sum(stored.values())
    lost = sum(
        max(0, n - stored.get(code.replace("-", ""), 0)) for code, n in tally.acknowledged.items()
    )
    fivexx = sum(n for status, n in tally.statuses.items() if status >= 500)
    print(
        f"{label}: acknowledged {acknowledged}, stored {total}, lost {lost}, "
        f"unacknowledged but stored {total - acknowledged + lost}, 5xx {fivexx}, "
        f"429 {tally.statuses[429]}, connection errors {tally.errors}, {seconds:.1f} s wall, "
        f"{total / seconds:.0f} stored/s, {total / cpu if cpu else 0:.0f} stored per server CPU-s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--classes", type=int, default=20)
    parser.add_argument("--size", type=int, default=30, help="students per class")
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--schools", type=int, default=4, help="school addresses")
    args = parser.parse_args()
    SCHOOLS[:] = [f"10.{i // 250}.{i % 250}.1" for i in range(args.schools)]
    pg_base = os.environ.get("SAFETY_CHECK_TEST_POSTGRES_URL")
    redis_url = os.environ.get("SAFETY_CHECK_TEST_REDIS_URL")
    if not pg_base or not redis_url:
        sys.stderr.write("set SAFETY_CHECK_TEST_POSTGRES_URL and SAFETY_CHECK_TEST_REDIS_URL\n")
        return 2
    work = Path(tempfile.mkdtemp(prefix="school-week-"))
    schema = "bench_" + secrets.token_hex(4)
    with psycopg.connect(pg_base, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    pg_url = f"{pg_base}{'&' if '?' in pg_base else '?'}options=-csearch_path%3D{schema}"
    shared = {
        "SAFETY_CHECK_REDIS_URL": redis_url,
        "SAFETY_CHECK_REDIS_PREFIX": f"bench-{schema}:",
        "SAFETY_CHECK_TRUSTED_PROXIES": "127.0.0.1",
        "SAFETY_CHECK_RATE_LIMIT": "300",  # the real per-address limit
    }
    started: list[Server] = []

    def start(database: str | Path, name: str, env: dict[str, str]) -> Server:
        server = Server(database, work / f"{name}.log", env)
        started.append(server)
        server.wait_ready()
        return server

    try:
        postgres = [start(pg_url, f"pg{i}", shared) for i in range(2)]
        sqlite_db = work / "sqlite.db"
        sqlite = start(sqlite_db, "sqlite", {k: v for k, v in shared.items() if "REDIS" not in k})
        print(f"{args.classes} classes x {args.size} students, {len(SCHOOLS)} school addresses")

        for label, servers, location in (
            ("PostgreSQL, 2 processes", postgres, pg_url),
            ("SQLite, 1 process", [sqlite], sqlite_db),
        ):
            before = sum(cpu_seconds(s.process.pid) for s in servers)
            tally, class_checks, seconds = run_round(servers, args.classes, args.size, args.threads)
            cpu = sum(cpu_seconds(s.process.pid) for s in servers) - before
            report(label, tally, stored_per_class(location, class_checks), seconds, cpu)

        statuses = guesses(postgres, create_class(postgres[0], "Guessed", SCHOOLS[0]), 250)
        print(
            f"wrong teacher keys, 250 at once over both processes: answered {statuses[404]} "
            f"(limit {BAD_TEACHER_KEY_LIMIT}), refused {statuses[429]}"
        )

        tally, class_checks, seconds = run_round(
            postgres, args.classes, args.size, args.threads, kill_after=2.0
        )
        report(
            "SIGKILL round (PostgreSQL)", tally, stored_per_class(pg_url, class_checks), seconds, 0
        )
    finally:
        for server in started:
            server.stop()
        with psycopg.connect(pg_base, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
