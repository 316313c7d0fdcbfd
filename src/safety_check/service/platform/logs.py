"""Logging that never holds what a person told us, at any level.

Our own messages name routes by their template and never quote a request (see problems.py).
Libraries are another matter: at DEBUG, aiosqlite logs every statement with its parameters (a
student's stored answers, join codes, class names, the session-signing secret as it is first
stored). So a library's records below WARNING never reach a handler, whatever the level set, and
aiosqlite is held at WARNING at its source; only the server's own start and stop lines pass at
INFO. Tests send marker values through every surface at every level and search the output.
"""

from __future__ import annotations

import logging
from typing import Any

from litestar.logging.config import LoggingConfig

OWN = "safety_check"
SERVER_LOGGERS = frozenset({"_granian", "granian", "granian.access"})
"""Start, stop and worker lines; Granian's access log (paths, addresses) stays off."""
SILENCED_AT_SOURCE = ("aiosqlite", "asyncio", "multipart", "httpx", "httpcore")


class PrivateLogFilter(logging.Filter):
    """Drops library records below WARNING; our own and the server's lifecycle lines pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        name = record.name
        if name == OWN or name.startswith(OWN + "."):
            return True
        if name in SERVER_LOGGERS:
            return record.levelno >= logging.INFO
        return record.levelno >= logging.WARNING


def logging_config(level: str) -> LoggingConfig:
    filtered: dict[str, Any] = {"filters": ["private"]}
    defaults = LoggingConfig()
    return LoggingConfig(
        filters={"private": {"()": PrivateLogFilter}},
        handlers={name: {**handler, **filtered} for name, handler in defaults.handlers.items()},
        loggers={
            **defaults.loggers,
            **{name: {"level": "WARNING", "propagate": True} for name in SILENCED_AT_SOURCE},
        },
        log_exceptions="never",  # our handlers log, without the request
        root={"level": level, "handlers": ["queue_listener"]},
        configure_root_logger=True,
    )
