"""HTTP benchmark: POST /api/v1/plans against a trivial route on the same server, same run.

The production server (Granian, as `safety-check serve` runs it) with one worker pinned to one
core and wrk on the other, at 32 and at 8 connections; then two workers. The trivial route
(present only when SAFETY_CHECK_BENCHMARK_BODY is set) decodes the same request body exactly as
the plan endpoint does and returns the plan for it computed at start, so the ratio of the two
throughputs is what the engine costs on top of the framework. The two routes alternate round by
round, so drift on a shared machine hits both alike.

A failed request (non-2xx, or a socket error) fails the run: the limits are set out of the way
for it (SAFETY_CHECK_RATE_LIMIT), so a failure is the benchmark's problem, not a figure. Each
server's output is kept and searched for Rust panics, saying whether one came before shutdown
began or during it. `BENCH_SERVERS=granian,uvicorn` adds Uvicorn; BENCH_DURATION, BENCH_ROUNDS,
BENCH_SCENARIOS (workers x connections, comma-separated).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import msgspec

from bench.engine import full_answers
from safety_check.service.individual.benchmark import BENCHMARK_PATH

THREADS = 2
WRK = ("wrk", "--latency")
DURATION = os.environ.get("BENCH_DURATION", "10s")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
SERVERS = os.environ.get("BENCH_SERVERS", "granian").split(",")
SCENARIOS = tuple(
    (int(workers), int(connections))
    for workers, connections in (
        scenario.split("x")
        for scenario in os.environ.get("BENCH_SCENARIOS", "1x32,1x8,2x32").split(",")
    )
)
"""(workers, connections); BENCH_SCENARIOS=1x8 runs only one worker at 8 connections."""
GOAL_RATIO = 0.8
GOAL_P99_RATIO = 1.2
GOAL_P99_AT_8_MS = 25.0
LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open("{body}", "rb"):read("*a")
"""
WELSH = 'wrk.headers["Accept-Language"] = "cy"\n'
"""The same request asking for Welsh: the plan is the same, its words come from the Welsh
fragments compiled at start-up, so its rate should match English within noise."""


class Run(msgspec.Struct, frozen=True):
    rate: float
    p50_ms: float
    p99_ms: float
    cpu_ms: float = 0.0
    """The server's CPU time per request (every thread of every process it started)."""
    waiting_ms: float = 0.0
    """Per request, the time the server's threads were ready to run but another process had the
    core: on a shared machine, the part of the latency that is not ours."""


def _server_cpu(pid: int) -> tuple[float, float]:
    """Milliseconds on a CPU and ready but waiting, so far, from the scheduler's counts."""
    from bench.schools import process_tree  # bench.schools imports this module

    total = (0.0, 0.0)
    for process in process_tree(pid):
        for task in Path(f"/proc/{process}/task").glob("*/schedstat"):
            with contextlib.suppress(OSError, ValueError):
                running, queued, _ = task.read_text().split()
                total = (total[0] + int(running) / 1e6, total[1] + int(queued) / 1e6)
    return total


class RunFailed(SystemExit):
    """Requests failed: the run says nothing about the product until that is fixed."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pinned(command: list[str], core: int | str) -> list[str]:
    """`command` on one core (or a list such as "0,1"), where taskset exists."""
    return ["taskset", "-c", str(core), *command] if shutil.which("taskset") else command


def wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path | None = None) -> None:
    for _ in range(600):
        if server.poll() is not None:
            said = log.read_text() if log else ""
            raise RunFailed(f"the server exited before it was ready\n{said}")
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 (loopback only)
                return
        except OSError:
            time.sleep(0.1)
    raise RunFailed("the server did not start")


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url: str, script: Path, connections: int, server: int | None = None) -> Run:
    before = _server_cpu(server) if server else (0.0, 0.0)
    output = subprocess.run(
        pinned(
            [*WRK, f"-t{THREADS}", f"-c{connections}", f"-d{DURATION}", "-s", str(script), url],
            core=1,
        ),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if failed or (errors and any(int(n) for n in errors.groups())):
        raise RunFailed(f"{url}: requests failed, so this run measures nothing\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"^\s*50%\s+(\S+)", output, re.MULTILINE).group(1)  # type: ignore[union-attr]
    p99 = re.search(r"^\s*99%\s+(\S+)", output, re.MULTILINE).group(1)  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    after = _server_cpu(server) if server else (0.0, 0.0)
    cpu, waiting = ((a - b) / max(requests, 1) for a, b in zip(after, before, strict=True))
    return Run(rate, _milliseconds(p50), _milliseconds(p99), cpu, waiting)


def server_command(kind: str, port: int, workers: int) -> list[str]:
    if kind == "granian":  # the production configuration (service/platform/server.py)
        return [sys.executable, "-m", "safety_check.cli", "serve"]
    uvicorn = [sys.executable, "-m", "uvicorn", "safety_check.service.asgi:app"]
    return [*uvicorn, "--port", str(port), "--workers", str(workers), "--no-access-log"]


def measure(
    kind: str, work: Path, scripts: dict[str, Path], workers: int, connections: int
) -> dict[str, Run]:
    port = free_port()
    env = {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(work / "bench.db"),
        "SAFETY_CHECK_PORT": str(port),
        "SAFETY_CHECK_WORKERS": str(workers),
        "SAFETY_CHECK_RATE_LIMIT": "1000000",  # out of the way: this run measures the engine
        "SAFETY_CHECK_LOG_LEVEL": "WARNING",
        "SAFETY_CHECK_BENCHMARK_BODY": str(work / "body.json"),
    }
    log = work / f"{kind}-{workers}-{connections}.log"
    with log.open("ab") as output:
        server = subprocess.Popen(
            pinned(server_command(kind, port, workers), core=0 if workers == 1 else "0,1"),
            env=env,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base + "/api/v1/healthz", server, log)
            english, welsh = scripts["en"], scripts["cy"]
            return {
                "plans": run_wrk(base + "/api/v1/plans", english, connections, server.pid),
                "trivial": run_wrk(base + BENCHMARK_PATH, english, connections, server.pid),
                "plans cy": run_wrk(base + "/api/v1/plans", welsh, connections, server.pid),
            }
        finally:
            output.write(b"\n--- SIGTERM sent by the benchmark ---\n")
            output.flush()
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)
            (work / "bench.db").unlink(missing_ok=True)


def panics(work: Path) -> list[str]:
    """Rust panics in the servers' output, each said to be before or after SIGTERM."""
    found = []
    for log in sorted(work.glob("*.log")):
        before = True
        for line in log.read_text(errors="replace").splitlines():
            if line.startswith("--- SIGTERM"):
                before = False
            elif "panicked" in line or "Cannot drop pointer" in line:
                when = "while serving" if before else "during shutdown"
                found.append(f"{log.stem}: {when}: {line.strip()}")
    return found


def main() -> None:
    if not shutil.which("wrk"):
        raise RunFailed("wrk is not installed: apt-get install wrk")
    work = Path(tempfile.mkdtemp(prefix="safety-check-bench-"))
    body = work / "body.json"
    body.write_bytes(msgspec.json.encode({"answers": full_answers()}))
    scripts = {"en": work / "post.lua", "cy": work / "post-cy.lua"}
    scripts["en"].write_text(LUA.format(body=body))
    scripts["cy"].write_text(LUA.format(body=body) + WELSH)
    print(f"body {body.stat().st_size} bytes; {DURATION} per run, best of {ROUNDS} rounds")
    results: dict[tuple[str, int, int, str], list[Run]] = {}
    for _ in range(ROUNDS):
        for kind in SERVERS:
            for workers, connections in SCENARIOS:
                measured = measure(kind, work, scripts, workers, connections)
                for route, run in measured.items():
                    results.setdefault((kind, workers, connections, route), []).append(run)
    report(results)
    for panic in panics(work):
        print(f"panic: {panic}")
    shutil.rmtree(work, ignore_errors=True)


def report(results: dict[tuple[str, int, int, str], list[Run]]) -> None:
    best = {key: max(runs, key=lambda run: run.rate) for key, runs in results.items()}
    for (kind, workers, connections, route), run in best.items():
        print(
            f"{kind} {workers} worker(s), {connections:>2} connections, {route:>8}: "
            f"{run.rate:8.0f} req/s, p50 {run.p50_ms:6.1f} ms, p99 {run.p99_ms:6.1f} ms, "
            f"server CPU {run.cpu_ms:5.2f} ms and waiting for a core {run.waiting_ms:5.2f} ms "
            "per request"
        )
    for kind in SERVERS:
        for workers, connections in SCENARIOS:
            plans = best[kind, workers, connections, "plans"]
            trivial = best[kind, workers, connections, "trivial"]
            welsh = best[kind, workers, connections, "plans cy"]
            print(
                f"{kind} {workers}w {connections}c: Welsh plans / English plans "
                f"{welsh.rate / plans.rate:.2f} (p99 {welsh.p99_ms / plans.p99_ms:.2f})"
            )
            print(
                f"{kind} {workers}w {connections}c: plans / trivial {plans.rate / trivial.rate:.2f} "
                f"(goal >= {GOAL_RATIO}); p99 plans / trivial {plans.p99_ms / trivial.p99_ms:.2f} "
                f"(goal <= {GOAL_P99_RATIO})"
            )
        if (kind, 1, 8, "plans") in best:
            at_8 = best[kind, 1, 8, "plans"].p99_ms
            print(
                f"{kind}: p99 of plans at 8 connections {at_8:.1f} ms "
                f"(goal <= {GOAL_P99_AT_8_MS:.0f})"
            )
        if (kind, 2, 32, "plans") in best and (kind, 1, 32, "plans") in best:
            two = best[kind, 2, 32, "plans"].rate / best[kind, 1, 32, "plans"].rate
            print(f"{kind}: plans, two workers / one: {two:.2f} (2 cores shared with wrk)")
    print(f"load average: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")


if __name__ == "__main__":
    main()
