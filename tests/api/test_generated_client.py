"""A partner's client, generated from the committed openapi.json with openapi-python-client, drives
every operation against the real server: if the document and the service disagree, this fails.
Then schemathesis runs the operations that need a real join code or teacher key with them.
"""

from __future__ import annotations

import importlib
import itertools
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from attrs import fields as attrs_fields
from hypothesis import HealthCheck, given, settings

from tests.live_server import LiveServer

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[2]
PACKAGE = "safety_check_generated_client"
EXAMPLE = json.loads((ROOT / "api" / "examples" / "teen_threatened_on_snapchat.json").read_text())


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    work = tmp_path_factory.mktemp("client")
    config = work / "config.yaml"
    config.write_text(f"post_hooks: []\npackage_name_override: {PACKAGE}\n")
    generator = Path(sys.executable).parent / "openapi-python-client"
    subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(ROOT / "openapi.json"),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(work / PACKAGE),
        ],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(work))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(work))
        for name in [name for name in sys.modules if name.startswith(PACKAGE)]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(
        tmp_path_factory.mktemp("live"),
        {"SAFETY_CHECK_RATE_LIMIT": "100000", "SAFETY_CHECK_LANGUAGES": "en,cy"},
    )
    try:
        yield live
    finally:
        live.stop()


def _module(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.{name}")


def test_every_operation_through_the_generated_client(generated: Any, server: LiveServer) -> None:
    client = generated.Client(base_url=server.base, raise_on_unexpected_status=True)
    safety = "api.safety_check"
    models = _module("models")

    service = "api.service"
    assert _module(f"{service}.get_health").sync(client=client).status == "ok"
    ready = _module(f"{service}.get_readiness").sync(client=client)
    assert (ready.status, ready.limits) == ("ready", "local")

    questionnaire = _module(f"{safety}.get_questionnaire")
    first = questionnaire.sync_detailed(client=client)
    assert first.status_code == 200
    assert isinstance(first.parsed, models.Questionnaire)
    etag = first.headers["etag"]
    again = questionnaire.sync_detailed(client=client, if_none_match=etag)
    assert again.status_code == 304

    plan = _module(f"{safety}.create_plan").sync(
        client=client, body=models.PlanRequest.from_dict(EXAMPLE)
    )
    assert isinstance(plan, models.PlanOut)
    assert plan.urgent is not None
    full = _module(f"{safety}.create_plan").sync(
        client=client, body=models.PlanRequest.from_dict(EXAMPLE), include="all"
    )
    assert isinstance(full, models.PlanOut) and full.findings
    welsh = _module(f"{safety}.create_plan").sync_detailed(
        client=client, body=models.PlanRequest.from_dict(EXAMPLE), accept_language="cy"
    )
    assert welsh.headers["content-language"] == "cy"
    assert isinstance(welsh.parsed, models.PlanOut)
    assert str(getattr(welsh.parsed.language, "value", welsh.parsed.language)) == "cy"
    assert [a.rule_id for a in welsh.parsed.do_first] == [a.rule_id for a in plan.do_first]
    rule_id = full.urgent.actions[0].rule_id
    content = _module(f"{safety}.get_rule_content").sync_detailed(rule_id, client=client)
    assert isinstance(content.parsed, models.RuleContent) and content.parsed.steps
    cached = _module(f"{safety}.get_rule_content").sync_detailed(
        rule_id, client=client, if_none_match=content.headers["etag"]
    )
    assert cached.status_code == 304
    minimal = _module(f"{safety}.create_plan").sync_detailed(
        client=client, body=models.PlanRequest.from_dict({"answers": {"profile.age_band": "13_15"}})
    )
    assert minimal.status_code == 200

    asking = _module(f"{safety}.get_next_questions").sync(
        client=client,
        body=models.PlanRequest.from_dict(
            {
                "answers": {
                    "profile.devices": ["android"],
                    "nearby_sharing.airdrop_setting": "everyone",
                }
            }
        ),
    )
    assert isinstance(asking, models.NextQuestions)
    assert asking.drop == ["nearby_sharing.airdrop_setting"]
    assert "nearby_sharing.quick_share_visibility" in asking.ask

    resources = _module(f"{safety}.list_resources").sync(
        client=client, age_band=models.AgeBand.AGE_13_15
    )
    assert "childline" in {resource.id for resource in resources}
    changes = _module(f"{safety}.list_content_changes").sync(client=client)
    assert changes[0].version == plan.content_version

    classes = "api.class_checks"
    created = _module(f"{classes}.create_cohort").sync(
        client=client,
        body=models.CohortIn.from_dict({"name": "Year 8 – Ó'Brien", "age_band": "13_15"}),
    )
    assert isinstance(created, models.CohortCreated)
    answers = {key: value for key, value in EXAMPLE["answers"].items() if key != "profile.age_band"}
    submitted = _module(f"{classes}.submit_cohort_response").sync_detailed(
        created.join_code,
        client=client,
        body=models.ClassResponseRequest.from_dict({"answers": answers}),
    )
    assert submitted.status_code == 201
    assert isinstance(submitted.parsed, models.PlanOut) and not submitted.parsed.findings
    whole = _module(f"{classes}.submit_cohort_response").sync_detailed(
        created.join_code,
        client=client,
        body=models.ClassResponseRequest.from_dict({"answers": answers}),
        include="all",
    )
    assert isinstance(whole.parsed, models.PlanOut) and whole.parsed.findings

    teacher = generated.AuthenticatedClient(
        base_url=server.base, token=created.teacher_key, raise_on_unexpected_status=True
    )
    report = _module(f"{classes}.get_cohort_report").sync(created.id, client=teacher)
    assert isinstance(report, models.CohortReport)
    assert report.to_dict()["open"] is True
    assert (
        _module(f"{classes}.close_cohort").sync_detailed(created.id, client=teacher).status_code
        == 204
    )
    closed = _module(f"{classes}.get_cohort_report").sync(created.id, client=teacher)
    assert closed.to_dict()["open"] is False
    wrong = generated.AuthenticatedClient(base_url=server.base, token="not-the-key")
    refused = _module(f"{classes}.get_cohort_report").sync_detailed(created.id, client=wrong)
    assert refused.status_code == 404
    assert isinstance(refused.parsed, models.Problem)
    deleted = _module(f"{classes}.delete_cohort").sync_detailed(created.id, client=teacher)
    assert deleted.status_code == 204
    gone = _module(f"{classes}.get_cohort_report").sync_detailed(created.id, client=teacher)
    assert gone.status_code == 404


def test_school_operations_through_the_generated_client(generated: Any, server: LiveServer) -> None:
    client = generated.Client(base_url=server.base, raise_on_unexpected_status=True)
    models = _module("models")
    schools = "api.schools"
    made = _module(f"{schools}.create_school").sync(
        client=client,
        body=models.SchoolIn.from_dict(
            {"name": "Rowan Academy", "lead": "DSL", "invitation": server.school_invitation()}
        ),
    )
    assert isinstance(made, models.SchoolCreated)
    lead = generated.AuthenticatedClient(
        base_url=server.base, token=made.lead.key, raise_on_unexpected_status=True
    )
    added = _module(f"{schools}.add_teacher").sync(
        client=lead, body=models.TeacherIn.from_dict({"label": "Ms Khan"})
    )
    assert isinstance(added, models.KeyOut) and added.key.startswith("scsk_")
    teacher = generated.AuthenticatedClient(
        base_url=server.base, token=added.key, raise_on_unexpected_status=True
    )
    created = _module("api.class_checks.create_cohort").sync(
        client=teacher,
        body=models.CohortIn.from_dict({"name": "9K", "age_band": "13_15", "year_group": "Year 9"}),
    )
    assert isinstance(created, models.CohortCreated)
    mine = _module(f"{schools}.get_school").sync(client=teacher)
    assert isinstance(mine, models.SchoolOut)
    assert [item.id for item in mine.classes] == [created.id] and mine.teachers == []
    everything = _module(f"{schools}.get_school").sync(client=lead)
    assert {item.label for item in everything.teachers} == {"DSL", "Ms Khan"}
    overview = _module(f"{schools}.get_school_report").sync(client=lead)
    assert isinstance(overview, models.Overview)
    assert [view.state for view in overview.views] == ["term_not_over"]
    renewed = _module(f"{schools}.new_teacher_key").sync(added.teacher.id, client=lead)
    assert isinstance(renewed, models.KeyOut) and renewed.key != added.key
    old = generated.AuthenticatedClient(base_url=server.base, token=added.key)
    assert _module(f"{schools}.get_school").sync_detailed(client=old).status_code == 404
    revoked = _module(f"{schools}.revoke_teacher").sync_detailed(added.teacher.id, client=lead)
    assert revoked.status_code == 204
    refused = _module(f"{schools}.get_school_report").sync_detailed(
        client=generated.AuthenticatedClient(base_url=server.base, token=renewed.key)
    )
    assert refused.status_code == 404
    deputy = _module(f"{schools}.add_teacher").sync(
        client=lead, body=models.TeacherIn.from_dict({"label": "Mr Patel"})
    )
    not_lead = generated.AuthenticatedClient(base_url=server.base, token=deputy.key)
    assert _module(f"{schools}.delete_school").sync_detailed(client=not_lead).status_code == 403
    assert _module(f"{schools}.delete_school").sync_detailed(client=lead).status_code == 204
    gone = generated.AuthenticatedClient(base_url=server.base, token=made.lead.key)
    assert _module(f"{schools}.delete_school").sync_detailed(client=gone).status_code == 404


AUTHENTICATED = ("getCohortReport", "closeCohort", "deleteCohort", "submitCohortResponse")
EXAMPLES_PER_OPERATION = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "25"))


def _new_cohort(server: LiveServer, number: int) -> dict[str, Any]:
    # Each from its own forwarded address (the proxy is trusted), past the hourly create limit.
    status, _, body = server.request(
        "POST",
        "/api/v1/cohorts",
        {"name": f"Fuzz {number}", "age_band": "16_17"},
        headers={"X-Forwarded-For": f"10.9.{number // 250}.{number % 250 + 1}"},
    )
    assert status == 201, body
    created: dict[str, Any] = json.loads(body)
    return created


@pytest.mark.parametrize("operation_id", AUTHENTICATED)
def test_schemathesis_with_a_real_join_code_and_teacher_key(
    operation_id: str, tmp_path: Path
) -> None:
    """The generated fuzzing, but against real classes: the report, close, delete and submit
    paths run past the key and code checks, where the unauthenticated run only sees 404s."""
    schema = schemathesis.openapi.from_path(ROOT / "openapi.json")
    (operation,) = (
        result.ok()
        for result in schema.get_all_operations()
        if result.ok().definition.raw.get("operationId") == operation_id
    )
    live = LiveServer(
        tmp_path,
        {"SAFETY_CHECK_RATE_LIMIT": "1000000", "SAFETY_CHECK_TRUSTED_PROXIES": "127.0.0.1"},
    )
    made = itertools.count()
    statuses: Counter[int] = Counter()

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck)
    )
    def run(case: schemathesis.Case) -> None:
        class_check = _new_cohort(live, next(made))
        if "code" in case.path_parameters:
            case.path_parameters["code"] = class_check["join_code"]
        if "cohort_id" in case.path_parameters:
            case.path_parameters["cohort_id"] = class_check["id"]
        response = case.call_and_validate(
            base_url=live.base, headers={"Authorization": f"Bearer {class_check['teacher_key']}"}
        )
        statuses[response.status_code] += 1

    try:
        run()
    finally:
        live.stop()
    print(f"\n{operation_id}: {dict(sorted(statuses.items()))}")
    assert any(200 <= status < 300 for status in statuses), statuses


def test_a_misspelled_question_id_reaches_the_partner_as_a_422(
    generated: Any, server: LiveServer
) -> None:
    """Not dropped by the client on the way (which made a plan with the question "not
    answered"): the server's 422 reaches the caller, naming the key and the id it resembles."""
    client = generated.Client(base_url=server.base, raise_on_unexpected_status=True)
    models = _module("models")
    body = models.PlanRequest.from_dict(
        {"answers": {"profile.age_band": "13_15", "webcam.cover_when_unusd": "sometimes"}}
    )
    answered = _module("api.safety_check.create_plan").sync_detailed(client=client, body=body)
    assert answered.status_code == 422
    problem = answered.parsed
    assert isinstance(problem, models.Problem)
    assert problem.type_ == "/api/v1/problems/invalid-answers"
    [error] = problem.errors
    assert (error.code, error.question) == ("unknown_question", "webcam.cover_when_unusd")
    assert "Did you mean 'webcam.cover_when_unused'?" in error.detail
    page = server.request("GET", problem.type_)
    assert page[0] == 200 and b"What to do next" in page[2]


def test_a_misspelled_option_fails_in_the_client_before_sending(generated: Any) -> None:
    models = _module("models")
    for answers in (
        {"profile.age_band": "13-15"},
        {"profile.age_band": "13_15", "profile.devices": ["iphone"]},
    ):
        with pytest.raises(ValueError, match="is not a valid"):
            models.PlanRequest.from_dict({"answers": answers})


def test_generated_names_read_well(generated: Any) -> None:
    models = _module("models")
    assert {member.name: member.value for member in models.AgeBand} == {
        "AGE_UNDER_13": "under_13",
        "AGE_13_15": "13_15",
        "AGE_16_17": "16_17",
        "AGE_18_PLUS": "18_plus",
    }
    # One age-band enum everywhere a band appears, and no name bent around a builtin.
    age_bands = [name for name in dir(models) if "AgeBand" in name]
    assert age_bands == ["AgeBand"], age_bands
    fields = {field.name for field in attrs_fields(models.PlanOut)}
    assert {"do_first", "do_next"} <= fields
    assert not [name for name in fields if name.endswith("_") and name != "type_"]
