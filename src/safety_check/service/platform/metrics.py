"""Prometheus metrics at /metrics, off unless SAFETY_CHECK_METRICS=on.

Privacy: a request is labelled by its route *template* (`/join/{code:str}`), never its path, so
a join code, class id or key can never become a label; a request that matched no route is
`(no route)`. Methods outside the usual few are `OTHER`. Nothing else about a request (query,
headers, body, address) is read. `tests/api/test_metrics.py` sends marker values through every
surface and searches a scrape for them.

With several worker processes, set PROMETHEUS_MULTIPROC_DIR to an empty directory writable by
the service (prometheus_client's multi-process mode), so a scrape adds up every worker.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

NO_ROUTE = "(no route)"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter(
    "safety_check_http_requests_total",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "safety_check_http_request_duration_seconds",
    "Time from a request reaching the app to its response starting, by route template.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
LIMIT_HITS = Counter(
    "safety_check_limit_hits_total",
    "Requests refused by a rate or guessing limit (429), by route template.",
    ["route"],
)
CLASS_RESPONSES = Counter(
    "safety_check_class_responses_stored_total",
    "Class-check responses stored (acknowledged after their commit).",
)
DEPENDENCY_UP = Gauge(
    "safety_check_dependency_up",
    "1 if a dependency answered at the last scrape, else 0: database; limits_store (Redis, "
    "only when configured).",
    ["dependency"],
    multiprocess_mode="livemax",
)


def class_response_stored() -> None:
    CLASS_RESPONSES.inc()


def scrape(database_up: bool, limits_store_up: bool | None) -> tuple[bytes, str]:
    """The exposition text, with the dependencies' state as just checked."""
    DEPENDENCY_UP.labels("database").set(1 if database_up else 0)
    if limits_store_up is not None:
        DEPENDENCY_UP.labels("limits_store").set(1 if limits_store_up else 0)
    return generate_latest(_registry()), CONTENT_TYPE_LATEST


def _registry() -> CollectorRegistry:
    if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return registry
