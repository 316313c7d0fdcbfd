"""The committed openapi.json is current and declares what partners need (fuzzing against it:
test_schema_fuzz.py)."""

from __future__ import annotations

from pathlib import Path

from safety_check.service.platform.openapi import openapi_document

ROOT = Path(__file__).parents[2]
COMMITTED = ROOT / "openapi.json"


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


def test_security_schemes_and_the_class_response_body_are_declared() -> None:
    import json

    document = json.loads(openapi_document())
    schemes = document["components"]["securitySchemes"]
    assert schemes["teacherKey"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["teacherKey"]["description"],
    }
    assert schemes["apiKey"]["name"] == "X-API-Key"
    paths = document["paths"]
    for path, method in (
        ("/api/v1/cohorts/{cohort_id}/report", "get"),
        ("/api/v1/cohorts/{cohort_id}/close", "post"),
        ("/api/v1/cohorts/{cohort_id}", "delete"),
    ):
        assert {"teacherKey": []} in paths[path][method]["security"]
    schemas = document["components"]["schemas"]
    body = paths["/api/v1/cohorts/{code}/responses"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"]["$ref"].endswith("ClassResponseRequest")
    # No answer is required anywhere: a person may skip their age and still get help.
    assert schemas["PlanRequest"]["properties"]["answers"].get("required", []) == []
    assert schemas["ClassResponseRequest"]["properties"]["answers"]["required"] == []


def test_the_class_name_pattern_is_what_the_server_accepts() -> None:
    """Every character of the Basic Multilingual Plane: the documented pattern refuses exactly
    those that `clean_name` refuses (outside surrogates, which JSON text cannot carry alone)."""
    import re
    import unicodedata

    from safety_check.service.classes.checks import clean_name
    from safety_check.service.classes.wire import CLASS_NAME_PATTERN

    pattern = re.compile(CLASS_NAME_PATTERN)
    for code_point in range(0x10000):
        char = chr(code_point)
        if unicodedata.category(char) == "Cs":
            continue
        name = f"8B{char}"
        assert bool(pattern.fullmatch(name)) == (clean_name(name) is not None), hex(code_point)
    for name in ("   ", "\t\n", "8B\u202e", "\u200b"):
        assert not pattern.fullmatch(name) and clean_name(name) is None, repr(name)
    for name in (" 8B ", "\n8B", "Year 8 – Ms Ó'Brien 🚀"):
        assert pattern.fullmatch(name) and clean_name(name), repr(name)
