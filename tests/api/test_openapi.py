"""The committed openapi.json is current, and schemathesis finds nothing wrong with the API."""

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
from safety_check.service.openapi import openapi_document
from safety_check.settings import Settings

ROOT = Path(__file__).parents[2]
COMMITTED = ROOT / "openapi.json"
EXAMPLES_PER_OPERATION = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "100"))


def test_committed_openapi_is_current() -> None:
    assert COMMITTED.read_text() == openapi_document(), (
        "openapi.json is out of date: run `.venv/bin/safety-check openapi`"
    )


def test_every_operation_is_documented() -> None:
    document = openapi_document()
    for operation_id in (
        "getQuestionnaire",
        "createPlan",
        "listResources",
        "getHealth",
        "getReadiness",
        "createCohort",
        "submitCohortResponse",
        "getCohortReport",
        "closeCohort",
        "deleteCohort",
    ):
        assert f'"operationId": "{operation_id}"' in document
    assert '"Problem"' in document


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
