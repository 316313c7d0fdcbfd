"""The production server: Granian, with every read, idle connection and connection count bounded.

Why Granian rather than Uvicorn (measured in tests/api/test_slow_clients.py and bench/http.py):
Uvicorn has no time limit for a request's headers, so a client that sends half a header holds a
connection for ever, and when connections use up the process's file descriptors its accept loop
logs a traceback per attempt (tens of MB a minute) and did not recover once they closed. Granian
reads headers in Rust with a deadline, closes idle keep-alive connections on the same deadline,
never hands a connection to Python before its headers are complete, and backs off quietly when
descriptors run out. Throughput was within noise of Uvicorn's in bench/http.py on a shared,
heavily loaded machine; the choice rests on the limits, not on speed.

Limits (the app adds a deadline for bodies and a 32 KiB body cap, see transport.py):
- headers must arrive within the read timeout (SAFETY_CHECK_READ_TIMEOUT, 10 s), and the body
  within the same time again (transport.py); an idle keep-alive connection is closed after it too;
- at most `connections_per_worker` connections are open per worker; the rest wait in the listen
  backlog (BACKLOG) instead of being accepted and starving the process of descriptors. The
  descriptor limit is raised to its hard limit at start and the connection bound kept below it.

Behind a reverse proxy, the proxy should still bound connections per client address (a single
address can otherwise hold every slot for the read timeout at a time); see README.
"""

from __future__ import annotations

import resource

from safety_check.settings import Settings

BACKLOG = 2048
MAX_CONNECTIONS_PER_WORKER = 16_384
RESERVED_DESCRIPTORS = 256
"""For the database, log files and the server's own sockets and pipes."""
APP = "safety_check.service.asgi:app"


def raise_descriptor_limit() -> int:
    """Raise the soft limit on open files to the hard limit; return the limit now in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 1 << 20
    if soft == resource.RLIM_INFINITY or soft >= hard:
        return hard if soft == resource.RLIM_INFINITY else soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError):
        return soft
    return hard


def connections_per_worker(descriptors: int, workers: int) -> int:
    """Connections each worker may hold open, so that all of them fit below the limit."""
    usable = max(descriptors - RESERVED_DESCRIPTORS, workers)
    return max(1, min(MAX_CONNECTIONS_PER_WORKER, usable // workers))


def serve(settings: Settings) -> None:
    from granian.constants import HTTPModes, Interfaces
    from granian.http import HTTP1Settings
    from granian.log import LogLevels
    from granian.server import Server

    from safety_check.service.platform.logs import server_log_config

    descriptors = raise_descriptor_limit()
    Server(
        APP,
        address=settings.host,
        port=settings.port,
        interface=Interfaces.ASGI,
        workers=settings.workers,
        http=HTTPModes.http1,  # HTTP/2 is the reverse proxy's job
        websockets=False,
        backlog=BACKLOG,
        backpressure=connections_per_worker(descriptors, settings.workers),
        http1_settings=HTTP1Settings(
            header_read_timeout=settings.read_timeout * 1000, keep_alive=True
        ),
        log_enabled=True,
        log_level=LogLevels(settings.log_level.lower()),
        log_dictconfig=(
            server_log_config(settings.log_level) if settings.log_format == "json" else None
        ),
        log_access=False,  # access logs would record addresses, paths with join codes, queries
        respawn_failed_workers=True,
    ).serve()
