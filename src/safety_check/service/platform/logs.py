"""Logging that never holds what a person told us, at any level.

Our own messages name routes by their template and never quote a request (see problems.py).
Libraries are another matter: at DEBUG, aiosqlite logs every statement with its parameters (a
student's stored answers, join codes, class names, the session-signing secret as it is first
stored). So a library's records below WARNING never reach a handler, whatever the level set, and
aiosqlite is held at WARNING at its source; only the server's own start and stop lines pass at
INFO. Tests send marker values through every surface at every level and search the output.
"""

from __future__ import annotations

import datetime as dt
import json
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


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line (SAFETY_CHECK_LOG_FORMAT=json), holding what the text lines
    hold and nothing more: the same private messages, so the same tests apply."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


JSON_FORMATTER = {"()": f"{__name__}.JsonLinesFormatter"}


def server_log_config(level: str) -> dict[str, Any]:
    """Granian's own start and stop lines as JSON lines (its access log stays off)."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "filters": ["private"]}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"private": {"()": f"{__name__}.PrivateLogFilter"}},
        "formatters": {"json": JSON_FORMATTER},
        "handlers": {"console": handler},
        "loggers": {name: {"handlers": ["console"], "level": level} for name in SERVER_LOGGERS},
    }


def logging_config(level: str, log_format: str = "text") -> LoggingConfig:
    filtered: dict[str, Any] = {"filters": ["private"]}
    defaults = LoggingConfig()
    formatters = (
        dict.fromkeys(defaults.formatters, JSON_FORMATTER)
        if log_format == "json"
        else defaults.formatters
    )
    return LoggingConfig(
        formatters=formatters,
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
