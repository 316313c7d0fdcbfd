"""Schemathesis finds nothing wrong with the API: every operation in the committed openapi.json,
fuzzed against a real app. Slow (its cases are built while collecting), so `make unit` leaves
this file out; `make test` runs it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.python.asgi import shutdown_lifespans

from safety_check.service.app import create_app
from safety_check.settings import Settings

pytestmark = pytest.mark.slow
COMMITTED = Path(__file__).parents[2] / "openapi.json"
EXAMPLES_PER_OPERATION = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "100"))

schema = schemathesis.openapi.from_path(COMMITTED)
# One app for the whole run, with limits high enough that fuzzing is never throttled.
schema.app = create_app(
    Settings(database=Path(tempfile.mkdtemp()) / "schemathesis.db", rate_limit=10**7)
)


@pytest.fixture(scope="module", autouse=True)
def stop_the_app() -> Iterator[None]:
    # Schemathesis would stop the app at interpreter exit, but the database's worker threads
    # keep the interpreter from reaching that point: stop it when this module is done.
    yield
    shutdown_lifespans()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate()
