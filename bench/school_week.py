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
import subprocess
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
TOKENS = re.compile(r'name="(_once|_journey)" value="([^"]+)"')
"""The join page's one-time submission token and its form token, both sent back with the form."""
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


def _call(
    server: Server, method: str, path: str, body: Any, headers: dict[str, str]
) -> tuple[int, bytes]:
    connection = Connection(server, timeout=30)
    try:
        return connection.request(  # type: ignore[no-any-return]
            method, path, None if body is None else json.dumps(body).encode(), headers
        )
    finally:
        connection.close()


def create_class(server: Server, name: str, school: str, key: str | None = None) -> dict[str, Any]:
    """A teacher makes a class from their school's address (30 an hour per address), with
    their own school key when they have one."""
    headers = {"X-Forwarded-For": school, **({"Authorization": f"Bearer {key}"} if key else {})}
    status, body = _call(server, "POST", "/api/v1/cohorts", {"name": name}, headers)
    assert status == 201, body
    return json.loads(body)  # type: ignore[no-any-return]


def make_schools(
    server: Server, database: str | Path, teachers: int
) -> dict[str, tuple[str, list[str]]]:
    """For each school address: a school made by the operator's command, its lead's key, and
    `teachers` teachers added by the lead over the API (each with their own key)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("SAFETY_CHECK_")}
    made: dict[str, tuple[str, list[str]]] = {}
    for address in SCHOOLS:
        done = subprocess.run(
            [sys.executable, "-m", "safety_check.cli", "schools", "create", f"School {address}"],
            env={**env, "SAFETY_CHECK_DATABASE": str(database)},
            check=True,
            capture_output=True,
            text=True,
        )
        lead = done.stdout.strip().rsplit(" ", 1)[-1]
        keys = []
        for index in range(teachers):
            status, body = _call(
                server,
                "POST",
                "/api/v1/schools/me/teachers",
                {"label": f"Teacher {index}"},
                {"X-Forwarded-For": address, "Authorization": f"Bearer {lead}"},
            )
            assert status == 201, body
            keys.append(json.loads(body)["key"])
        made[address] = (lead, keys)
    return made


def check_teachers(
    servers: list[Server], schools: dict[str, tuple[str, list[str]]], class_checks: list[Any]
) -> str:
    """Each teacher lists their classes (from either process) and the lead every class: a
    teacher who sees a class they did not make, or misses one, is a failure of the run."""
    made_by: dict[str, set[str]] = {}
    for class_check in class_checks:
        made_by.setdefault(class_check["teacher"], set()).add(class_check["id"])
    wrong = listed = 0
    for index, (address, (lead, keys)) in enumerate(schools.items()):
        for key in (lead, *keys):
            server = servers[(index + len(key)) % len(servers)]
            headers = {"X-Forwarded-For": address, "Authorization": f"Bearer {key}"}
            status, body = _call(server, "GET", "/api/v1/schools/me", None, headers)
            seen = {item["id"] for item in json.loads(body)["classes"]} if status == 200 else set()
            expected = (
                {c["id"] for c in class_checks if c["school"] == address}
                if key == lead
                else made_by.get(key, set())
            )
            listed += 1
            wrong += seen != expected
    if wrong:
        raise SystemExit(f"{wrong} of {listed} teachers saw the wrong classes")
    return f"{listed} teachers and leads each saw exactly their classes"


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
        tokens = dict(TOKENS.findall(page))
        if status != 200 or len(tokens) != 2:
            return
        form = urlencode({**FORM, **tokens}).encode()
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
    servers: list[Server],
    classes: int,
    size: int,
    threads: int,
    kill_after: float | None = None,
    schools: dict[str, tuple[str, list[str]]] | None = None,
) -> tuple[Tally, list[dict[str, Any]], float]:
    class_checks = []
    for i in range(classes):
        address = SCHOOLS[i % len(SCHOOLS)]
        teachers = schools[address][1] if schools else [None]
        teacher = teachers[(i // len(SCHOOLS)) % len(teachers)]
        made = create_class(servers[i % len(servers)], f"Class {i}", address, teacher)
        class_checks.append({**made, "school": address, "teacher": teacher})
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
    parser.add_argument("--teachers", type=int, default=3, help="teachers per school")
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

        print(f"{args.teachers} teachers and a lead per school, each making classes with a key")
        for label, servers, location in (
            ("PostgreSQL, 2 processes", postgres, pg_url),
            ("SQLite, 1 process", [sqlite], sqlite_db),
        ):
            schools = make_schools(servers[0], location, args.teachers)
            before = sum(cpu_seconds(s.process.pid) for s in servers)
            tally, class_checks, seconds = run_round(
                servers, args.classes, args.size, args.threads, schools=schools
            )
            cpu = sum(cpu_seconds(s.process.pid) for s in servers) - before
            report(label, tally, stored_per_class(location, class_checks), seconds, cpu)
            print(f"  {check_teachers(servers, schools, class_checks)}")

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
