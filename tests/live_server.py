"""`safety-check serve` (Granian, exactly as deployed) on a free port, for tests over real sockets.

Output goes to a file, never a pipe, so a chatty server cannot block and the whole log can be
searched afterwards. The server runs in a session of its own so that nothing outlives the test.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LiveServer:
    def __init__(
        self,
        directory: Path,
        env: dict[str, str] | None = None,
        preexec: Callable[[], None] | None = None,
    ) -> None:
        self.directory = directory
        self.database = directory / "live.db"
        self.log = directory / "server.log"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        settings = {
            "SAFETY_CHECK_DATABASE": str(self.database),
            "SAFETY_CHECK_HOST": "127.0.0.1",
            "SAFETY_CHECK_PORT": str(self.port),
            "SAFETY_CHECK_WORKERS": "1",
        }
        full_env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SAFETY_CHECK_")},
            **settings,
            **(env or {}),
        }
        command = [sys.executable, "-m", "safety_check.cli", "serve"]
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(
                command,
                env=full_env,
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=directory,
                start_new_session=True,
                preexec_fn=preexec,
            )
        self.wait_ready()

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited:\n{self.output()}")
            try:
                with urllib.request.urlopen(self.base + "/api/v1/readyz", timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"server not ready:\n{self.output()}")

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        timeout: float = 30,
        form: str | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        data = json.dumps(body).encode() if body is not None else None
        if form is not None:
            data = form.encode()
        sent = {"Content-Type": "application/json"} if data is not None else {}
        request = urllib.request.Request(  # noqa: S310 (loopback only)
            self.base + path, data=data, method=method, headers={**sent, **(headers or {})}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def school_invitation(self) -> str:
        """An invitation key to create a school, made by the operator's command on this
        server's database."""
        env = {
            key: value for key, value in os.environ.items() if not key.startswith("SAFETY_CHECK_")
        }
        made = subprocess.run(
            [sys.executable, "-m", "safety_check.cli", "schools", "invite"],
            env={**env, "SAFETY_CHECK_DATABASE": str(self.database)},
            check=True,
            capture_output=True,
            text=True,
        )
        return made.stdout.strip().rsplit(" ", 1)[-1]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # any worker left behind
        self.process.wait(timeout=20)
