"""Class-check benchmarks: stored vs stateless submissions, and report latency at scale.

(a) Throughput. One server process with one worker, pinned to core 0, as in bench/http.py; wrk
    on core 1 with 32 connections. A class check is made first (open for the default 30 days),
    then POST /api/v1/cohorts/{code}/responses (plan, record and a durable SQLite write) and
    POST /api/v1/plans (plan only) get the same full answer body, in alternating rounds of the
    same run. Both answer with the compact plan (the default of both since issue 19); the run
    checks that the two bodies are the same bytes, so like is compared with like. The ratio stored / stateless is printed (goal >= 0.8, issue 19), and the stored
    p99 of the best round (goal <= 50 ms).
(b) Report latency. Databases of 100k and 1M responses made by bench/generate_responses.py
    (cached in bench/.data/, git-ignored; rebuilt when the generator or the content changes)
    each hold a closed class of 30 and a closed school of 2,000 among classes of about 30. The
    report of each is timed in-process (`response_records` + `build_report`, as
    `classes.report` does; the JSON encoding is shown apart) and over HTTP (GET
    /api/v1/cohorts/{id}/report with the teacher key, gzip accepted as browsers do, one pinned
    server per database, one kept-alive connection), all interleaved in one run. Targets: class
    < 20 ms, school < 100 ms at 1M rows.

Besides wall-clock figures, CPU time is printed: the server's (every thread, from the scheduler's
counts in /proc) per request, and this process's for the in-process report. On a shared machine
the wall clock swings with other work, and the stored server, with SQLite threads runnable on its
core, gets a larger share of that core than the one-thread stateless server; CPU per request is
nearly immune to both, so its ratio is the one to trust when the two disagree. "Waiting for the
core" is the time the server was runnable but not running: when it is large, the run was noisy.

Run with `make bench`, or `.venv/bin/python -m bench.schools`. Knobs (environment):
BENCH_QUICK=1 (a smoke test: 2 s runs, 1 round, 5k and 20k rows, 5 report runs),
BENCH_DURATION (wrk run length, 10s), BENCH_ROUNDS (3), BENCH_REPORT_RUNS (30),
BENCH_ROWS (100000,1000000), BENCH_DATA (bench/.data), BENCH_PARTS (throughput,reports).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/schools.py`: bench/http.py would shadow http
    sys.path[:1] = [str(Path(__file__).resolve().parent.parent)]

import asyncio
import contextlib
import datetime as dt
import hashlib
import http.client
import json
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import msgspec

from bench.engine import full_answers
from bench.generate_responses import generate
from bench.http import free_port, pinned, wait_until_up
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.schools import record
from safety_check.schools.noise import class_noise_key
from safety_check.schools.report import build_report
from safety_check.storage import SqliteDatabase as Database
from safety_check.storage.class_checks import find_for_teacher, response_records

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
CONNECTIONS = 32
THREADS = 2
DURATION = os.environ.get("BENCH_DURATION", "2s" if QUICK else "10s")
WARMUP_DURATION = "1s" if QUICK else "3s"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "1" if QUICK else "3"))
REPORT_RUNS = int(os.environ.get("BENCH_REPORT_RUNS", "5" if QUICK else "30"))
REPORT_WARMUP = 3
ROWS = tuple(
    int(rows)
    for rows in os.environ.get("BENCH_ROWS", "5000,20000" if QUICK else "100000,1000000").split(",")
)
DATA = Path(os.environ.get("BENCH_DATA") or Path(__file__).resolve().parent / ".data")
PARTS = set(os.environ.get("BENCH_PARTS", "throughput,reports").split(","))
MAX_CACHE_DAYS = 180
TARGET_RATIO = 0.8
TARGET_P99_MS = 50.0
TARGET_MS = {"class": 20.0, "school": 100.0}
COHORTS = ("class", "school")
LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open("{body}", "rb"):read("*a")
"""
UNITS_MS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


# ------------------------------------------------------------------------------------ servers


def server_env(database: Path, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(database),
        "SAFETY_CHECK_PORT": str(port),
        "SAFETY_CHECK_WORKERS": "1",
        "SAFETY_CHECK_RATE_LIMIT": "1000000",
        "SAFETY_CHECK_KEY_RATE_LIMIT": "10000000",
        # Every stored response comes from one address to one class: out of the way for the
        # run (any refused request still fails it: see run_wrk).
        "SAFETY_CHECK_CLASS_RATE_LIMIT": "100000000",
        "SAFETY_CHECK_LOG_LEVEL": "WARNING",
    }


class Server(msgspec.Struct, frozen=True):
    base: str
    port: int
    pid: int

    def cpu_seconds(self) -> tuple[float, float]:
        """The server's time on a CPU so far, and its time runnable but waiting for one.

        Summed over every thread (SQLite's too) of the launched process and every process under
        it (Granian serves from a worker process; the launcher only waits), to the nanosecond,
        from the scheduler's own counts (/proc/PID/task/TID/schedstat); zeros where that is not
        available."""
        on_cpu = waiting = 0
        for pid in process_tree(self.pid):
            for task in Path(f"/proc/{pid}/task").glob("*/schedstat"):
                with contextlib.suppress(OSError, ValueError):
                    running, queued, _ = task.read_text().split()
                    on_cpu, waiting = on_cpu + int(running), waiting + int(queued)
        return on_cpu / 1e9, waiting / 1e9


def process_tree(root: int) -> list[int]:
    """`root` and every process descended from it, from each process's parent in /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # The command name may hold spaces and brackets: the fields after its last ")".
            fields = stat.read_text().rpartition(")")[2].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children.get(pid, ()))
    return tree


@contextlib.contextmanager
def server(database: Path) -> Iterator[Server]:
    """A server on `database` (taskset execs it: same pid), pinned to core 0."""
    port = free_port()
    process = subprocess.Popen(
        pinned([sys.executable, "-m", "safety_check.cli", "serve"], core=0),
        env=server_env(database, port),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/api/v1/healthz", process)
        yield Server(base=base, port=port, pid=process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * UNITS_MS[unit]


class WrkRun(msgspec.Struct, frozen=True):
    rate: float
    p50: float
    p99: float
    requests: int
    cpu_ms: float = 0.0
    """Server CPU time per request (all threads), which contention on a shared core barely
    changes: the fairer cost comparison when other work starves the server of its core."""
    wait_ms: float = 0.0
    """Time per request the server's threads spent runnable but waiting for the core."""


def run_wrk(url: str, script: Path, duration: str, target: Server | None = None) -> WrkRun:
    cpu_before, wait_before = target.cpu_seconds() if target else (0.0, 0.0)
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}", "--latency"]
    output = subprocess.run(
        pinned([*command, "-s", str(script), url], core=1),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} failed responses\n{output}")
    if socket_errors := re.search(r"Socket errors: .*", output):
        print(f"    warning, {url}: {socket_errors.group(0)}")

    def find(pattern: str) -> str:
        # Anchored per line: "99%" also ends Stdev figures such as "72.99%".
        return re.search(pattern, output, re.MULTILINE).group(1)  # type: ignore[union-attr]

    requests = int(find(r"(\d+) requests in"))
    cpu_after, wait_after = target.cpu_seconds() if target else (0.0, 0.0)
    return WrkRun(
        cpu_ms=(cpu_after - cpu_before) * 1e3 / max(requests, 1),
        wait_ms=(wait_after - wait_before) * 1e3 / max(requests, 1),
        rate=float(find(r"Requests/sec:\s+([\d.]+)")),
        p50=milliseconds(find(r"^\s+50%\s+(\S+)")),
        p99=milliseconds(find(r"^\s+99%\s+(\S+)")),
        requests=requests,
    )


def post_json(url: str, payload: object) -> dict[str, object]:
    request = urllib.request.Request(  # noqa: S310 (loopback only)
        url, data=msgspec.json.encode(payload), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.loads(response.read())  # type: ignore[no-any-return]


def posted_bytes(url: str, body: bytes) -> bytes:
    request = urllib.request.Request(  # noqa: S310 (loopback only)
        url, data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.read()  # type: ignore[no-any-return]


def same_plans(urls: dict[str, str], body: bytes) -> int:
    """The size of the plan both routes return for `body`; stops the run unless they return the
    same bytes (a stored response costs more if it carries more, which is not what is measured)."""
    plans = {name: posted_bytes(url, body) for name, url in urls.items()}
    if len(set(plans.values())) != 1:
        sizes = ", ".join(f"{name} {len(plan):,} bytes" for name, plan in plans.items())
        raise SystemExit(f"the stored and stateless plans differ ({sizes}): not like with like")
    return len(plans["stateless"])


def get_report(base: str, public_id: str, key: str) -> dict[str, object]:
    request = urllib.request.Request(  # noqa: S310 (loopback only)
        f"{base}/api/v1/cohorts/{public_id}/report", headers={"Authorization": f"Bearer {key}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())  # type: ignore[no-any-return]


def close_class(base: str, public_id: str, key: str) -> None:
    """Close the class: only then does its report give the exact number of responses."""
    request = urllib.request.Request(  # noqa: S310 (loopback only)
        f"{base}/api/v1/cohorts/{public_id}/close",
        headers={"Authorization": f"Bearer {key}"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        if response.status != 204:
            raise SystemExit(f"closing the class: {response.status}")


# ------------------------------------------------------------------------- (a) throughput


def throughput() -> tuple[float, float]:
    """Stored vs stateless submissions, interleaved; prints the figures, returns the ratios.

    The ratios: of the best throughputs, and of the server CPU per request (stateless /
    stored: the throughput ratio a server would reach with its core to itself)."""
    work = Path(tempfile.mkdtemp(prefix="safety-check-bench-schools-"))
    try:
        body = work / "body.json"
        body.write_bytes(msgspec.json.encode({"answers": full_answers()}))
        script = work / "post.lua"
        script.write_text(LUA.format(body=body))
        with server(work / "bench.db") as running:
            base = running.base
            created = post_json(base + "/api/v1/cohorts", {"name": "Benchmark class"})
            urls = {
                "stored": f"{base}/api/v1/cohorts/{created['join_code']}/responses",
                "stateless": f"{base}/api/v1/plans",
            }
            plan_size = same_plans(urls, body.read_bytes())
            print(
                f"(a) throughput: body {body.stat().st_size} bytes; both answer with the same "
                f"compact plan, {plan_size:,} bytes (checked); {CONNECTIONS} connections; "
                f"{DURATION} per run, {ROUNDS} rounds alternating (ABBA); class open until "
                f"{created['open_until']}"
            )
            for url in urls.values():
                run_wrk(url, script, WARMUP_DURATION)
            results: dict[str, list[WrkRun]] = {name: [] for name in urls}
            for number in range(1, ROUNDS + 1):  # alternate: drift on a shared machine hits both
                order = list(urls.items())
                for name, url in order if number % 2 else reversed(order):  # ABBA order
                    run = run_wrk(url, script, DURATION, running)
                    results[name].append(run)
                    print(
                        f"    round {number} {name:>9}: {run.rate:8.0f} req/s, "
                        f"p50 {run.p50:6.2f} ms, p99 {run.p99:6.2f} ms, "
                        f"server CPU {run.cpu_ms:.2f} ms/request "
                        f"(+ {run.wait_ms:.2f} ms waiting for the core)"
                    )
                ratio = results["stored"][-1].rate / results["stateless"][-1].rate
                print(f"    round {number} ratio stored / stateless: {ratio:.2f}")
            close_class(base, str(created["id"]), str(created["teacher_key"]))
            stored = get_report(base, str(created["id"]), str(created["teacher_key"]))
        for name, runs in results.items():
            best = max(runs, key=lambda run: run.rate)
            print(
                f"  {name:>9}: {best.rate:8.0f} req/s (best of {ROUNDS}), "
                f"p50 {best.p50:.2f} ms, p99 {best.p99:.2f} ms; server CPU "
                f"{statistics.median(run.cpu_ms for run in runs):.2f} ms/request (median)"
            )
        report = stored["report"]
        assert isinstance(report, dict)
        print(
            f"  the class holds {report['responses']:,} stored responses "
            f"(wrk counted {sum(run.requests for run in results['stored']):,} in the measured rounds, "
            "the rest in the warm-up)"
        )
        best_rate = {name: max(run.rate for run in runs) for name, runs in results.items()}
        cpu = {
            name: statistics.median(run.cpu_ms for run in runs) for name, runs in results.items()
        }
        best_stored = max(results["stored"], key=lambda run: run.rate)
        verdict = "meets" if best_stored.p99 <= TARGET_P99_MS else "MISSES"
        print(
            f"  stored p99 in its best round: {best_stored.p99:.2f} ms ({verdict} the goal "
            f"<= {TARGET_P99_MS:.0f} ms)"
        )
        return best_rate["stored"] / best_rate["stateless"], cpu["stateless"] / cpu["stored"]
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --------------------------------------------------------------------- (b) report latency


class DataSet(msgspec.Struct, frozen=True):
    rows: int
    path: Path
    summary: dict[str, Any]

    def class_check(self, which: str) -> dict[str, Any]:
        return self.summary[which]  # type: ignore[no-any-return]


def data_set(rows: int) -> DataSet:
    """The cached database of `rows` responses, made now if missing or out of date.

    Out of date: the generator, the record format or the content changed, or it is so old that
    the server would start purging its checks."""
    sources = (Path(__file__).resolve().parent / "generate_responses.py", Path(record.__file__))
    content = b"".join(source.read_bytes() for source in sources) + CONTENT_VERSION.encode()
    path = DATA / f"responses-{rows}-{hashlib.sha256(content).hexdigest()[:10]}.db"
    summary_path = path.with_suffix(".json")
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    today = dt.datetime.now(dt.UTC).date()
    generated = dt.date.fromisoformat(summary.get("generated_day", "2000-01-01"))
    if path.exists() and (today - generated).days <= MAX_CACHE_DAYS:
        state = "cached"
    else:
        DATA.mkdir(parents=True, exist_ok=True)
        for stale in DATA.glob(f"responses-{rows}-*"):
            stale.unlink()
        print(f"  generating {rows:,} responses into {path} ...", flush=True)
        summary = generate(path, rows, force=True)
        state = "made now"
    print(
        f"  {rows:>9,} rows: {summary['cohorts']:,} cohorts, {summary['pool']} distinct answer "
        f"sets, {summary['bytes'] / 1e6:,.0f} MB, generated in {summary['seconds']:.1f} s "
        f"({state}: {path.name})"
    )
    return DataSet(rows=rows, path=path, summary=summary)


class Timing(msgspec.Struct):
    """Milliseconds per run: wall clock, and CPU time (which contention barely changes)."""

    total: list[float] = msgspec.field(default_factory=list)
    fetch: list[float] = msgspec.field(default_factory=list)
    build: list[float] = msgspec.field(default_factory=list)
    cpu: list[float] = msgspec.field(default_factory=list)
    encode: list[float] = msgspec.field(default_factory=list)
    http: list[float] = msgspec.field(default_factory=list)
    server_cpu: list[float] = msgspec.field(default_factory=list)


async def in_process(sets: list[DataSet], timings: dict[tuple[int, str], Timing]) -> None:
    databases = [Database(data.path) for data in sets]
    try:
        targets = []
        for data, database in zip(sets, databases, strict=True):
            await database.open()
            for which in COHORTS:
                info = data.class_check(which)
                class_check = await find_for_teacher(
                    database, str(info["id"]), str(info["teacher_key"])
                )
                assert class_check is not None and not class_check.is_open(), (
                    f"{data.path}: {which}"
                )
                targets.append(
                    (timings[data.rows, which], database, class_check, info["responses"])
                )
        for run in range(-REPORT_WARMUP, REPORT_RUNS):
            for timing, database, class_check, responses in targets:  # interleaved
                cpu_start, start = time.process_time(), time.perf_counter()
                records = await response_records(database, class_check)
                fetched = time.perf_counter()
                report = build_report(
                    records,
                    class_check.age_band,
                    closed=not class_check.is_open(),
                    noise_key=class_noise_key(b"bench" * 8, class_check.public_id),
                )
                built, cpu_end = time.perf_counter(), time.process_time()
                msgspec.json.encode(report)
                encoded = time.perf_counter()
                assert report.responses == responses and report.published
                if run >= 0:
                    timing.total.append((built - start) * 1e3)
                    timing.fetch.append((fetched - start) * 1e3)
                    timing.build.append((built - fetched) * 1e3)
                    timing.cpu.append((cpu_end - cpu_start) * 1e3)
                    timing.encode.append((encoded - built) * 1e3)
    finally:
        for database in databases:
            await database.close()


def over_http(sets: list[DataSet], timings: dict[tuple[int, str], Timing]) -> None:
    with contextlib.ExitStack() as stack:
        targets = []
        for data in sets:
            running = stack.enter_context(server(data.path))
            base = running.base
            connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=60)
            stack.callback(connection.close)
            for which in COHORTS:
                info = data.class_check(which)
                report = get_report(base, str(info["id"]), str(info["teacher_key"]))
                assert report["report"]["responses"] == info["responses"]  # type: ignore[index]
                headers = {
                    "Authorization": f"Bearer {info['teacher_key']}",
                    "Accept-Encoding": "gzip",
                }
                path = f"/api/v1/cohorts/{info['id']}/report"
                targets.append((timings[data.rows, which], running, connection, path, headers))
        for run in range(-REPORT_WARMUP, REPORT_RUNS):
            for timing, running, connection, path, headers in targets:  # interleaved
                cpu_start, start = running.cpu_seconds()[0], time.perf_counter()
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                elapsed = (time.perf_counter() - start) * 1e3
                cpu = (running.cpu_seconds()[0] - cpu_start) * 1e3
                if response.status != 200:
                    raise SystemExit(f"GET {path}: {response.status}")
                if run >= 0:
                    timing.http.append(elapsed)
                    timing.server_cpu.append(cpu)


def median(values: list[float]) -> float:
    return statistics.median(values)


def reports() -> dict[tuple[int, str], Timing]:
    """Report latency for each data set and cohort; prints the table, returns the timings."""
    print(
        f"(b) report latency: {REPORT_RUNS} runs each after {REPORT_WARMUP} warm-up, "
        "every cohort and database interleaved"
    )
    sets = [data_set(rows) for rows in ROWS]
    timings = {(data.rows, which): Timing() for data in sets for which in COHORTS}
    asyncio.run(in_process(sets, timings))
    over_http(sets, timings)
    print(
        "  medians in ms        rows  cohort  responses | in-process: wall (fetch, build)  CPU"
        " | json | HTTP GET: wall  (p90)  server CPU"
    )
    for data in sets:
        for which in COHORTS:
            timing = timings[data.rows, which]
            http_ms = sorted(timing.http)
            p90 = http_ms[min(len(http_ms) - 1, int(len(http_ms) * 0.9))]
            print(
                f"  {data.rows:>24,}  {which:<6}  {data.class_check(which)['responses']:>9,} | "
                f"{median(timing.total):16.2f} ({median(timing.fetch):5.2f}, "
                f"{median(timing.build):6.2f}) {median(timing.cpu):6.2f} | "
                f"{median(timing.encode):4.2f} | {median(timing.http):14.2f} ({p90:6.2f}) "
                f"{median(timing.server_cpu):10.2f}"
            )
    return timings


def print_load(when: str) -> None:
    """The machine's load: on a shared machine, what the figures were measured against."""
    print(f"load average {when}: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1:
        os.sched_setaffinity(0, {1})  # this process (client and in-process timing) off core 0
    if QUICK:
        print("quick mode (BENCH_QUICK): figures are a smoke test, not measurements")
    print_load("at the start")
    ratios = throughput() if "throughput" in PARTS else None
    timings = reports() if "reports" in PARTS else None
    print("ratios:")
    if ratios is not None:
        ratio, cpu_ratio = ratios
        verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
        print(
            f"  stored / stateless throughput: {ratio:.2f} ({verdict} the target >= {TARGET_RATIO})"
        )
        print(
            f"  stored / stateless by server CPU per request: {cpu_ratio:.2f} "
            "(stateless ms / stored ms: the throughput ratio on a core of its own)"
        )
    if timings is not None:
        largest, smallest = max(ROWS), min(ROWS)
        for which in COHORTS:
            target = TARGET_MS[which]
            at_largest = timings[largest, which]
            http_ms, local_ms = median(at_largest.http), median(at_largest.total)
            verdict = "meets" if http_ms < target else "MISSES"
            print(
                f"  {which} report at {largest:,} rows / {target:.0f} ms target: HTTP "
                f"{http_ms / target:.2f}, in-process {local_ms / target:.2f} ({verdict} it)"
            )
        if largest != smallest:
            for which in COHORTS:
                big, small = timings[largest, which], timings[smallest, which]
                print(
                    f"  {which} report, {largest:,} / {smallest:,} rows: HTTP "
                    f"{median(big.http) / median(small.http):.2f}, in-process "
                    f"{median(big.total) / median(small.total):.2f}"
                )
    print_load("at the end")


if __name__ == "__main__":
    main()
