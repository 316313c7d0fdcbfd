"""Every endpoint's happy path and each error, as problem details with the right headers."""

from __future__ import annotations

import asyncio

import msgspec
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import MAX_BODY_BYTES, services_of
from safety_check.service.individual.api import QUESTIONNAIRE_ETAG

Client = AsyncTestClient[Litestar]
PLANS = "/api/v1/plans"
TEEN_THREATENED = {
    "answers": {
        "profile.age_band": "13_15",
        "profile.devices": ["iphone_ipad"],
        "profile.apps": ["snapchat"],
        "situation.threat_to_share": "yes",
    }
}


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def, type-arg]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    return body  # type: ignore[no-any-return]


async def test_questionnaire_with_etag(client: Client) -> None:
    response = await client.get("/api/v1/questionnaire")
    assert response.status_code == 200
    body = response.json()
    assert body["content_version"]
    ids = [question["id"] for question in body["questions"]]
    assert ids[:8] == [
        "profile.for_whom",
        "profile.age_band",
        "profile.nation",
        "profile.contact_method",
        "profile.devices",
        "profile.apps",
        "situation.threat_to_share",
        "situation.image_shared",
    ]
    assert {question["role"] for question in body["questions"]} == {
        "profile",
        "situation",
        "habit",
        "disclosure",
    }
    conditional = next(q for q in body["questions"] if q.get("when"))
    assert conditional["condition"]["op"]
    assert response.headers["etag"] == QUESTIONNAIRE_ETAG
    assert "max-age" in response.headers["cache-control"]
    again = await client.get("/api/v1/questionnaire", headers={"If-None-Match": QUESTIONNAIRE_ETAG})
    assert again.status_code == 304
    assert again.content == b""
    other = await client.get("/api/v1/questionnaire", headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200


async def test_plan_for_a_threatened_teen(client: Client) -> None:
    response = await client.post(PLANS, json=TEEN_THREATENED)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    plan = response.json()
    assert plan["urgent"]["message"].startswith("It's not your fault")
    assert plan["urgent"]["actions"][0]["urgent_step"] == "safety"
    support = [item["resource"]["id"] for item in plan["support"]]
    assert "childline" in support and "stopncii" not in support


async def test_plan_accepts_json_with_charset(client: Client) -> None:
    response = await client.post(
        PLANS,
        content=msgspec.json.encode(TEEN_THREATENED),
        headers={"content-type": "application/json; charset=utf-8"},
    )
    assert response.status_code == 200


async def test_invalid_answers_list_every_problem_with_pointers(client: Client) -> None:
    body = {"answers": {"profile.devices": "android", "no.such": "x", "profile.apps": ["myspace"]}}
    problem = assert_problem(await client.post(PLANS, json=body), 422)
    found = {(e["pointer"], e["code"]) for e in problem["errors"]}
    assert found == {
        ("/answers/profile.devices", "expected_multi"),
        ("/answers/no.such", "unknown_question"),
        ("/answers/profile.apps", "unknown_option"),
    }


@pytest.mark.parametrize(
    "body",
    [b"{", b"[]", b'{"answers": 1}', b'{"answers": [["x"]]}', b'{"other": {}}'],
)
async def test_malformed_json_is_400(client: Client, body: bytes) -> None:
    response = await client.post(PLANS, content=body, headers={"content-type": "application/json"})
    assert_problem(response, 400)


async def test_wrong_content_type_is_415(client: Client) -> None:
    response = await client.post(
        PLANS, content=b"profile.age_band=13_15", headers={"content-type": "text/plain"}
    )
    assert_problem(response, 415)
    missing = await client.post(PLANS, content=b"{}")
    assert_problem(missing, 415)


async def test_oversized_body_is_413(client: Client) -> None:
    big = b'{"answers": {"profile.age_band": "13_15"}, "pad": "' + b"x" * MAX_BODY_BYTES + b'"}'
    response = await client.post(PLANS, content=big, headers={"content-type": "application/json"})
    assert_problem(response, 413)


async def test_unknown_route_is_404_and_wrong_method_is_405(client: Client) -> None:
    assert_problem(await client.get("/api/v1/nothing"), 404)
    response = await client.delete(PLANS)
    assert_problem(response, 405)
    assert "POST" in response.headers["allow"]


async def test_resources_filtered_by_age(client: Client) -> None:
    everything = (await client.get("/api/v1/resources")).json()
    child = (await client.get("/api/v1/resources", params={"age_band": "13_15"})).json()
    adult = (await client.get("/api/v1/resources", params={"age_band": "18_plus"})).json()
    assert len(everything) > len(child)
    assert "stopncii" not in {r["id"] for r in child}
    assert "childline" not in {r["id"] for r in adult}
    assert_problem(await client.get("/api/v1/resources", params={"age_band": "adult"}), 400)


async def test_health_and_readiness(client: Client, app: Litestar) -> None:
    assert (await client.get("/api/v1/healthz")).json() == {"status": "ok"}
    assert (await client.get("/api/v1/readyz")).json() == {"status": "ready", "limits": "local"}
    await services_of(app).platform.database.close()
    unready = assert_problem(await client.get("/api/v1/readyz"), 503)
    assert unready["detail"] == "The database is not reachable."  # names what failed


SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/questionnaire", 200),
        ("POST", PLANS, 200),
        ("POST", "/api/v1/questionnaire", 405),
        ("GET", "/does/not/exist", 404),
        ("POST", PLANS + "?x=1", 415),
    ],
)
async def test_security_headers_on_every_response(
    client: Client, method: str, path: str, status: int
) -> None:
    kwargs = {"json": TEEN_THREATENED} if (method, status) == ("POST", 200) else {}
    response = await client.request(method, path, **kwargs)
    assert response.status_code == status
    for name, value in SECURITY.items():
        assert response.headers[name] == value
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "http" not in csp.replace("https:", "")  # no third-party sources
    if path.startswith(PLANS):
        assert response.headers["cache-control"] == "no-store"


async def test_unhandled_error_is_a_logged_generic_500(
    client: Client, app: Litestar, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import safety_check.service.individual.api as api

    def explode(*_: object) -> None:
        raise RuntimeError("secret answer profile.age_band=13_15")

    monkeypatch.setattr(api, "encode_answers", explode)
    response = await client.post(PLANS, json=TEEN_THREATENED)
    body = assert_problem(response, 500)
    assert "secret" not in response.text and "detail" not in body
    assert "unhandled RuntimeError on POST /api/v1/plans" in caplog.text
    assert "secret" not in caplog.text  # an exception's message may quote the request
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_request_bodies_are_never_logged(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    await client.post(PLANS, json=TEEN_THREATENED)
    await client.post(PLANS, json={"answers": {"profile.age_band": "nope"}})
    logged = "\n".join(
        r.getMessage() for r in caplog.records if r.name.startswith(("safety", "litestar"))
    )
    assert "13_15" not in logged and "nope" not in logged


async def test_an_app_can_start_twice(app: Litestar) -> None:
    """A second lifespan runs on a new event loop: nothing from the first (the database's write
    lock, its connections) may be carried into it."""

    async def two_writes_at_once() -> None:
        database = services_of(app).platform.database

        async def hold() -> None:
            async with database.write():
                await asyncio.sleep(0.05)

        await asyncio.gather(hold(), hold())

    for _ in range(2):
        async with AsyncTestClient(app=app) as client:
            client.blocking_portal.call(two_writes_at_once)  # in the app's own loop
            created = await asyncio.gather(
                *(client.post("/api/v1/cohorts", json={"name": f"c{i}"}) for i in range(4))
            )
            assert [response.status_code for response in created] == [201] * 4
