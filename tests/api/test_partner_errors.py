"""Errors that help a partner's next attempt, and the questions-to-ask operation (issue 22 §1)."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.platform.problem_types import PROBLEM_TYPES

Client = AsyncTestClient[Litestar]


async def test_a_body_without_the_answers_wrapper_says_so(client: Client) -> None:
    for body in ({"profile.age_band": "13_15"}, {}, {"answer": {"profile.age_band": "13_15"}}):
        response = await client.post("/api/v1/plans", json=body)
        assert response.status_code == 400
        problem = response.json()
        assert problem["type"] == "/api/v1/problems/invalid-body"
        assert 'inside an "answers" object' in problem["detail"], problem


async def test_a_body_with_the_wrapper_but_another_mistake_is_not_told_about_the_wrapper(
    client: Client,
) -> None:
    response = await client.post(
        "/api/v1/plans", json={"answers": {"profile.age_band": "13_15"}, "extra": 1}
    )
    assert response.status_code == 400
    assert "answers" not in response.json()["detail"].split("object")[0]
    assert "inside an" not in response.json()["detail"]


async def test_an_unknown_option_lists_the_valid_ones(client: Client) -> None:
    response = await client.post(
        "/api/v1/plans",
        json={"answers": {"profile.age_band": "15", "profile.devices": ["iphone"]}},
    )
    assert response.status_code == 422
    details = {error["question"]: error["detail"] for error in response.json()["errors"]}
    assert details["profile.age_band"] == (
        "Unknown option '15'; the options are: under_13, 13_15, 16_17, 18_plus."
    )
    assert "iphone_ipad, android, mac" in details["profile.devices"]


async def test_every_problem_type_is_a_page_of_this_service(client: Client) -> None:
    for problem in PROBLEM_TYPES.values():
        response = await client.get(problem.uri)
        assert response.status_code == 200, problem.uri
        assert response.headers["content-type"].startswith("text/html")
        assert problem.title in response.text
        assert "What to do next" in response.text
    assert (await client.get("/api/v1/problems/no-such-problem")).status_code == 404


async def test_problem_types_in_answers_resolve(client: Client) -> None:
    seen: set[str] = set()
    for body in ({"answers": {"profile.age_band": "x"}}, {"nope": 1}):
        problem = (await client.post("/api/v1/plans", json=body)).json()
        seen.add(problem["type"])
        assert (await client.get(problem["type"])).status_code == 200
    assert seen == {"/api/v1/problems/invalid-answers", "/api/v1/problems/invalid-body"}


async def _next(client: Client, answers: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/api/v1/questionnaire/next", json={"answers": answers})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_next_questions_follow_the_conditions(client: Client) -> None:
    nothing = await _next(client, {})
    assert nothing["ask"][:2] == ["profile.for_whom", "profile.age_band"]
    # AirDrop depends on the devices, which are not answered yet.
    assert "nearby_sharing.airdrop_setting" in nothing["waiting"]
    android = await _next(client, {"profile.devices": ["android"]})
    assert "nearby_sharing.airdrop_setting" in android["not_asked"]
    assert "nearby_sharing.quick_share_visibility" in android["ask"]
    assert "profile.devices" not in android["ask"] + android["waiting"] + android["not_asked"]
    iphone = await _next(client, {"profile.devices": ["iphone_ipad"]})
    assert "nearby_sharing.airdrop_setting" in iphone["ask"]


async def test_answers_that_no_longer_apply_are_listed_to_drop(client: Client) -> None:
    changed = await _next(
        client,
        {"profile.devices": ["android"], "nearby_sharing.airdrop_setting": "everyone"},
    )
    assert changed["drop"] == ["nearby_sharing.airdrop_setting"]
    # The same answers, minus those, make a plan.
    plan = await client.post("/api/v1/plans", json={"answers": {"profile.devices": ["android"]}})
    assert plan.status_code == 200


async def test_next_questions_refuse_unknown_ids_like_a_plan(client: Client) -> None:
    response = await client.post(
        "/api/v1/questionnaire/next", json={"answers": {"profile.agebands": "13_15"}}
    )
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["code"] == "unknown_question"
    assert "Did you mean 'profile.age_band'?" in error["detail"]


async def test_next_questions_are_not_a_get_with_answers_in_the_url(client: Client) -> None:
    response = await client.get("/api/v1/questionnaire/next?profile.age_band=13_15")
    assert response.status_code == 405
