"""Service settings, read from `SAFETY_CHECK_*` environment variables and checked at start.

| variable | default | meaning |
|---|---|---|
| SAFETY_CHECK_DATABASE | safety-check.db | SQLite file (created and migrated on first start), or a `postgresql://` URL |
| SAFETY_CHECK_REDIS_URL | (none) | `redis://` URL: rate and guessing limits shared by every process; without it, counted per process |
| SAFETY_CHECK_REDIS_PREFIX | safety-check: | prefix of every Redis key, so several services can share one Redis |
| SAFETY_CHECK_HOST | 127.0.0.1 | address to listen on |
| SAFETY_CHECK_PORT | 8000 | port to listen on |
| SAFETY_CHECK_WORKERS | 1 | server processes (rate limits are counted per process) |
| SAFETY_CHECK_CORS_ORIGINS | (none) | comma-separated origins allowed to call the API from a browser |
| SAFETY_CHECK_RATE_LIMIT | 300 | requests per minute from one address without an API key |
| SAFETY_CHECK_KEY_RATE_LIMIT | 6000 | requests per minute for one partner API key |
| SAFETY_CHECK_TRUSTED_PROXIES | (none) | comma-separated proxy addresses or networks whose X-Forwarded-For is believed |
| SAFETY_CHECK_LOG_LEVEL | INFO | DEBUG, INFO, WARNING or ERROR |
| SAFETY_CHECK_EXIT_URL | https://www.bbc.co.uk/weather | where the quick-exit control goes |
| SAFETY_CHECK_PUBLIC_URL | (the request's own address) | the site's public address, used in class join links and QR codes |
| SAFETY_CHECK_METRICS | off | `on`: Prometheus metrics at /metrics (route templates only as labels) |
| SAFETY_CHECK_METRICS_TOKEN | (none) | if set, /metrics needs `Authorization: Bearer <token>` |
| SAFETY_CHECK_TRACING | off | `on`: OpenTelemetry traces (route templates only) to the collector in OTEL_EXPORTER_OTLP_ENDPOINT; needs `pip install 'safety-check[otel]'` |
| SAFETY_CHECK_LOG_FORMAT | text | `json`: one JSON object per log line |
| SAFETY_CHECK_FRAME_ANCESTORS | (none) | comma-separated origins allowed to show the check's pages in a frame; none: no framing |
| SAFETY_CHECK_READ_TIMEOUT | 10 | seconds a client has to send a request's headers, and again its body; idle keep-alive connections close after it too |
| SAFETY_CHECK_CLASSES_NEED_SCHOOL | 0 | 1: only a school's teachers (with their key) can create class checks, so a public server is not an open class factory |
| SAFETY_CHECK_CLASS_RATE_LIMIT | 2000 | requests per minute for one class's join code from one address (a year group in one hall stays well inside it; load tests raise it) |
| SAFETY_CHECK_FORM_TOKEN_MINUTES | 60 | how long one page of the individual check can be sent; after that (or after the exit) it shows "This page has expired" |
"""

from __future__ import annotations

import importlib.util
import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path

import msgspec

from safety_check import i18n
from safety_check.storage.engine import is_postgres_url

PREFIX = "SAFETY_CHECK_"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LOG_FORMATS = ("text", "json")
TRACING_INSTALL_LINE = "pip install 'safety-check[otel]'"
TRACING_MODULES = (
    "opentelemetry.sdk.trace",
    "opentelemetry.instrumentation.asgi",
    "opentelemetry.exporter.otlp.proto.http.trace_exporter",
)


class SettingsError(ValueError):
    """One or more settings are invalid; the message names each variable."""


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    database: Path = Path("safety-check.db")
    database_url: str | None = None
    """A PostgreSQL URL; when set, it is used instead of the SQLite file."""
    redis_url: str | None = None
    redis_prefix: str = "safety-check:"
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    cors_origins: tuple[str, ...] = ()
    rate_limit: int = 300
    key_rate_limit: int = 6000
    trusted_proxies: tuple[str, ...] = ()
    log_level: str = "INFO"
    exit_url: str = "https://www.bbc.co.uk/weather"
    public_url: str | None = None
    read_timeout: int = 10
    frame_ancestors: tuple[str, ...] = ()
    """Origins allowed to frame the check's pages (`frame-ancestors`); empty: `'none'`."""
    metrics: bool = False
    metrics_token: str | None = None
    tracing: bool = False
    """OpenTelemetry traces through the `otel` extra (service/platform/tracing.py)."""
    log_format: str = "text"
    benchmark_body: Path | None = None
    """Benchmark builds only: a plan request whose plan a trivial extra route returns."""
    class_rate_limit: int = 2000
    """Requests a minute for one class's join code from one address."""
    classes_need_school: bool = False
    """Only a school's teachers can create class checks."""
    form_token_minutes: int = 60
    """How long a page of the individual check stays sendable (see journey_tokens.py)."""
    languages: tuple[i18n.Language, ...] = i18n.OFFERED
    """Languages people and partners can choose (English always). A language whose catalogue
    is incomplete shows English wherever a message is missing: add one only when it is done."""

    def database_location(self) -> str | Path:
        return self.database_url or self.database

    def trusted_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in self.trusted_proxies)


def tracing_installed() -> bool:
    """Whether the `otel` extra is there, found without importing it."""
    try:
        return all(importlib.util.find_spec(name) is not None for name in TRACING_MODULES)
    except (ImportError, ValueError):  # a missing parent package, or one blocked in a test
        return False


def _list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _switch(name: str, value: str | None, problems: list[str]) -> bool:
    if value is None or value.lower() in {"off", "0", "false", "no"}:
        return False
    if value.lower() in {"on", "1", "true", "yes"}:
        return True
    problems.append(f"{PREFIX}{name} must be on or off, not {value!r}")
    return False


def _is_origin(text: str) -> bool:
    """scheme://host[:port] and nothing else: a CSP source with no path, wildcard or quote."""
    scheme, _, rest = text.partition("://")
    return (
        scheme in {"https", "http"}
        and bool(rest)
        and not any(char in rest for char in "/?#*'\"; ,")
    )


def _integer(name: str, value: str, low: int, high: int, problems: list[str]) -> int:
    try:
        number = int(value)
    except ValueError:
        problems.append(f"{PREFIX}{name} must be a whole number, not {value!r}")
        return low
    if not low <= number <= high:
        problems.append(f"{PREFIX}{name} must be between {low} and {high}, not {number}")
    return number


def from_environment(environ: Mapping[str, str] | None = None) -> Settings:
    """Read and check every setting; raise `SettingsError` listing all problems at once."""
    env = os.environ if environ is None else environ
    defaults = Settings()
    problems: list[str] = []

    def get(name: str) -> str | None:
        value = env.get(PREFIX + name)
        return value.strip() if value is not None and value.strip() else None

    database = get("DATABASE") or str(defaults.database)
    settings = Settings(
        database=defaults.database if is_postgres_url(database) else Path(database),
        database_url=database if is_postgres_url(database) else None,
        redis_url=get("REDIS_URL"),
        redis_prefix=get("REDIS_PREFIX") or defaults.redis_prefix,
        host=get("HOST") or defaults.host,
        port=_integer("PORT", get("PORT") or str(defaults.port), 1, 65535, problems),
        workers=_integer("WORKERS", get("WORKERS") or str(defaults.workers), 1, 64, problems),
        cors_origins=_list(get("CORS_ORIGINS") or ""),
        rate_limit=_integer(
            "RATE_LIMIT", get("RATE_LIMIT") or str(defaults.rate_limit), 1, 1_000_000, problems
        ),
        key_rate_limit=_integer(
            "KEY_RATE_LIMIT",
            get("KEY_RATE_LIMIT") or str(defaults.key_rate_limit),
            1,
            10_000_000,
            problems,
        ),
        trusted_proxies=_list(get("TRUSTED_PROXIES") or ""),
        log_level=(get("LOG_LEVEL") or defaults.log_level).upper(),
        exit_url=get("EXIT_URL") or defaults.exit_url,
        public_url=get("PUBLIC_URL"),
        read_timeout=_integer(
            "READ_TIMEOUT", get("READ_TIMEOUT") or str(defaults.read_timeout), 1, 300, problems
        ),
        benchmark_body=Path(body) if (body := get("BENCHMARK_BODY")) else None,
        frame_ancestors=_list(get("FRAME_ANCESTORS") or ""),
        metrics=_switch("METRICS", get("METRICS"), problems),
        metrics_token=get("METRICS_TOKEN"),
        tracing=_switch("TRACING", get("TRACING"), problems),
        log_format=(get("LOG_FORMAT") or defaults.log_format).lower(),
        class_rate_limit=_integer(
            "CLASS_RATE_LIMIT",
            get("CLASS_RATE_LIMIT") or str(defaults.class_rate_limit),
            1,
            100_000_000,
            problems,
        ),
        classes_need_school=_integer(
            "CLASSES_NEED_SCHOOL", get("CLASSES_NEED_SCHOOL") or "0", 0, 1, problems
        )
        == 1,
        form_token_minutes=_integer(
            "FORM_TOKEN_MINUTES",
            get("FORM_TOKEN_MINUTES") or str(defaults.form_token_minutes),
            5,
            24 * 60,
            problems,
        ),
        languages=_languages(get("LANGUAGES"), defaults.languages, problems),
    )
    problems.extend(check(settings))
    if problems:
        raise SettingsError("; ".join(problems))
    return settings


def _languages(
    value: str | None, default: tuple[i18n.Language, ...], problems: list[str]
) -> tuple[i18n.Language, ...]:
    if value is None:
        return default
    chosen = [language for language in i18n.LANGUAGES if language in _list(value)]
    unknown = sorted(set(_list(value)) - set(chosen))
    if unknown or i18n.DEFAULT not in chosen:
        problems.append(
            f"{PREFIX}LANGUAGES must list en and any of {', '.join(i18n.LANGUAGES[1:])}, "
            f"comma-separated, not {value!r}"
        )
        return default
    return tuple(chosen)


def check(settings: Settings) -> list[str]:
    """Problems with settings made in code (the same rules as for the environment)."""
    problems = []
    for origin in settings.cors_origins:
        if not origin.startswith(("https://", "http://")) or origin.count("/") != 2:
            problems.append(
                f"{PREFIX}CORS_ORIGINS: {origin!r} must be an origin like https://app.example"
            )
    for origin in settings.frame_ancestors:
        if not _is_origin(origin):
            problems.append(
                f"{PREFIX}FRAME_ANCESTORS: {origin!r} must be an origin like https://partner.example"
            )
    for proxy in settings.trusted_proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            problems.append(f"{PREFIX}TRUSTED_PROXIES: {proxy!r} is not an IP address or network")
    if not settings.exit_url.startswith(("https://", "http://")):
        problems.append(f"{PREFIX}EXIT_URL must be an http(s) address")
    if settings.public_url is not None and (
        not settings.public_url.startswith(("https://", "http://"))
        or any(char in settings.public_url for char in "?#")
    ):
        problems.append(f"{PREFIX}PUBLIC_URL must be an http(s) address with no query")
    if settings.tracing and not tracing_installed():
        problems.append(f"{PREFIX}TRACING=on needs the otel extra: {TRACING_INSTALL_LINE}")
    if settings.log_format not in LOG_FORMATS:
        problems.append(f"{PREFIX}LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}")
    if settings.log_level not in LOG_LEVELS:
        problems.append(f"{PREFIX}LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
    if settings.redis_url is not None and not settings.redis_url.startswith(
        ("redis://", "rediss://", "unix://")
    ):
        problems.append(f"{PREFIX}REDIS_URL must be a redis:// or rediss:// URL")
    if settings.database_url is None and settings.database.exists() and settings.database.is_dir():
        problems.append(f"{PREFIX}DATABASE: {settings.database} is a directory")
    return problems
