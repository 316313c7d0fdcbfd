"""Memory of one server worker over many different plans: RSS must stay flat after warm-up.

Starts `safety-check serve` with one worker, sends PLANS plan requests, each for a different
random answer set (mixed compact and include=all), from a few keep-alive connections, and prints
the worker's resident memory every tenth of the way. Run with `python -m bench.memory`
(BENCH_PLANS=100000 by default; a few minutes).
"""

from __future__ import annotations

import http.client
import os
import random
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import msgspec

from bench.engine import full_answers
from bench.http import free_port, wait_until_up
from safety_check.answers import prune

PLANS = int(os.environ.get("BENCH_PLANS", "100000"))
CLIENTS = 4
AGES = ("under_13", "13_15", "16_17", "18_plus")


def varied_body(rng: random.Random) -> bytes:
    raw = full_answers(rng)
    raw["profile.age_band"] = rng.choice(AGES)
    for key in ("profile.apps", "profile.devices"):
        options = list(raw[key])
        raw[key] = rng.sample(options, rng.randint(0, len(options)))
    for key in [k for k in raw if k not in ("profile.age_band",)]:
        if rng.random() < 0.2:
            del raw[key]  # a partial answer set, as partners send
    return msgspec.json.encode({"answers": prune(raw)})


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise SystemExit(f"no VmRSS for {pid}")


def worker_pid(server: int) -> int:
    """The worker: Granian's one child process (the parent only supervises)."""
    children = Path(f"/proc/{server}/task/{server}/children").read_text().split()
    return int(children[0]) if children else server


def client(port: int, seed: int, count: int, failures: list[int]) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for index in range(count):
        path = "/api/v1/plans?include=all" if index % 4 == 0 else "/api/v1/plans"
        headers = {"Content-Type": "application/json"}
        connection.request("POST", path, body=varied_body(rng), headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            failures.append(response.status)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="safety-check-memory-"))
    port = free_port()
    env = {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(work / "bench.db"),
        "SAFETY_CHECK_PORT": str(port),
        "SAFETY_CHECK_WORKERS": "1",
        "SAFETY_CHECK_RATE_LIMIT": "1000000",
        "SAFETY_CHECK_LOG_LEVEL": "WARNING",
    }
    log = (work / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "safety_check.cli", "serve"], env=env, stdout=log, stderr=log
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/api/v1/healthz", server, work / "server.log")
        worker = worker_pid(server.pid)
        print(f"worker {worker}: {rss_kb(worker) / 1024:.1f} MB idle")
        step = PLANS // 10
        failures: list[int] = []
        for tenth in range(10):
            threads = [
                threading.Thread(
                    target=client, args=(port, tenth * 100 + n, step // CLIENTS, failures)
                )
                for n in range(CLIENTS)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            print(f"after {(tenth + 1) * step:>7,} plans: {rss_kb(worker) / 1024:.1f} MB")
        if failures:
            raise SystemExit(f"{len(failures)} requests failed: the run measures nothing")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
