"""Suite-wide guard: no test may leave a database connection's thread running.

Each aiosqlite connection owns a non-daemon thread that only `close()` ends. One left open
makes the whole pytest process wait forever after the last test passes, which is what a CI
time-out looks like from outside; this names the test that leaked instead.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator

import pytest

_GRACE_SECONDS = 2.0


def _live_non_daemon_threads() -> set[threading.Thread]:
    return {
        thread
        for thread in threading.enumerate()
        if not thread.daemon and thread is not threading.main_thread() and thread.is_alive()
    }


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    before = _live_non_daemon_threads()
    yield
    leaked = _live_non_daemon_threads() - before
    for thread in leaked:
        thread.join(_GRACE_SECONDS)  # a connection closed at teardown may still be winding down
    still_running = sorted(thread.name for thread in leaked if thread.is_alive())
    assert not still_running, f"threads left running (an unclosed connection?): {still_running}"


def pytest_unconfigure(config: pytest.Config) -> None:
    """If a thread still runs after every report is written, end the run instead of hanging."""
    leftover = _live_non_daemon_threads()
    for thread in leftover:
        thread.join(_GRACE_SECONDS)
    still_running = sorted(thread.name for thread in leftover if thread.is_alive())
    if still_running:
        sys.stderr.write(f"\nthreads still running after the tests: {still_running}\n")
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(1)  # the interpreter would otherwise wait for them forever
