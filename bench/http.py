"""HTTP benchmark: POST /api/v1/plans against a trivial route on the same server, same run, on
the production server (Granian, as `safety-check serve` runs it) and on Uvicorn with limits.

One server process with one worker, pinned to one core; wrk (Debian package `wrk`) on the other
core with 32 connections. The trivial route (present only when SAFETY_CHECK_BENCHMARK_BODY is
set) decodes the same request body exactly as the plan endpoint does and returns a plan computed
at start, so the ratio of the two throughputs is what the engine costs on top of the framework.
Servers alternate round by round, so drift on a shared machine hits both alike. Run with
`make bench`; BENCH_SERVERS=granian limits it to one server.
"""

from __future__ import annotations

import os
import re
import shutil
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

CONNECTIONS = 32
THREADS = 2
DURATION = os.environ.get("BENCH_DURATION", "10s")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open("{body}", "rb"):read("*a")
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pinned(command: list[str], core: int) -> list[str]:
    return ["taskset", "-c", str(core), *command] if shutil.which("taskset") else command


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit("the server exited before it was ready")
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 (loopback only)
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def run_wrk(url: str, script: Path) -> tuple[float, str, str]:
    output = subprocess.run(
        pinned(
            [
                "wrk",
                f"-t{THREADS}",
                f"-c{CONNECTIONS}",
                f"-d{DURATION}",
                "--latency",
                "-s",
                str(script),
                url,
            ],
            core=1,
        ),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"^\s*50%\s+(\S+)", output, re.MULTILINE).group(1)  # type: ignore[union-attr]
    p99 = re.search(r"^\s*99%\s+(\S+)", output, re.MULTILINE).group(1)  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} failed responses\n{output}")
    return rate, p50, p99


SERVERS = os.environ.get("BENCH_SERVERS", "granian,uvicorn").split(",")


def server_command(kind: str, port: int) -> list[str]:
    if kind == "granian":  # the production configuration (service/platform/server.py)
        return [sys.executable, "-m", "safety_check.cli", "serve"]
    uvicorn = [sys.executable, "-m", "uvicorn", "safety_check.service.asgi:app"]
    return [*uvicorn, "--port", str(port), "--no-access-log", "--limit-concurrency", "1000"]


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    work = Path(tempfile.mkdtemp(prefix="safety-check-bench-"))
    body = work / "body.json"
    body.write_bytes(msgspec.json.encode({"answers": full_answers()}))
    script = work / "post.lua"
    script.write_text(LUA.format(body=body))
    print(f"body {body.stat().st_size} bytes; {CONNECTIONS} connections; {DURATION} per run")
    results: dict[str, list[tuple[float, str, str]]] = {}
    for _ in range(ROUNDS):
        for kind in SERVERS:
            for name, measured in measure(kind, work, body, script).items():
                results.setdefault(f"{kind} {name}", []).append(measured)
    for name, runs in results.items():
        best = max(runs)
        print(
            f"{name:>16}: {best[0]:8.0f} req/s per core (best of {ROUNDS}), p50 {best[1]}, p99 {best[2]}"
        )
    for kind in SERVERS:
        ratio = max(results[f"{kind} plans"])[0] / max(results[f"{kind} trivial"])[0]
        print(f"{kind}: ratio POST /api/v1/plans / trivial route: {ratio:.2f}")
    shutil.rmtree(work, ignore_errors=True)


def measure(kind: str, work: Path, body: Path, script: Path) -> dict[str, tuple[float, str, str]]:
    port = free_port()
    env = {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(work / "bench.db"),
        "SAFETY_CHECK_PORT": str(port),
        "SAFETY_CHECK_WORKERS": "1",
        "SAFETY_CHECK_RATE_LIMIT": "1000000",
        "SAFETY_CHECK_LOG_LEVEL": "WARNING",
        "SAFETY_CHECK_BENCHMARK_BODY": str(body),
    }
    server = subprocess.Popen(
        pinned(server_command(kind, port), core=0), env=env, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/api/v1/healthz", server)
        return {
            "plans": run_wrk(base + "/api/v1/plans", script),
            "trivial": run_wrk(base + BENCHMARK_PATH, script),
        }
    finally:
        server.terminate()
        server.wait(timeout=20)
        (work / "bench.db").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
