"""POST /api/v1/plans is compact unless asked for more; a rule's words come from a cacheable
content endpoint, so static text is fetched once rather than in every plan."""

from __future__ import annotations

import msgspec
from litestar import Litestar
from litestar.testing import AsyncTestClient

from bench.engine import full_answers
from safety_check.answers import validate
from safety_check.engine import COMPILED_RULES
from safety_check.plan import build_plan
from safety_check.service.individual.wire import PlanOut, RuleContent
from tests.api.test_endpoints import PLANS, assert_problem

Client = AsyncTestClient[Litestar]
LARGEST = {"answers": full_answers()}
COMPACT_LIMIT = 60 * 1024
"""Issue 19's goal for the plan of the largest answer set."""


async def test_the_default_plan_is_compact_and_within_the_goal(client: Client) -> None:
    response = await client.post(PLANS, json=LARGEST)
    assert response.status_code == 200
    assert len(response.content) <= COMPACT_LIMIT
    plan = msgspec.json.decode(response.content, type=PlanOut)
    assert plan.findings is msgspec.UNSET
    actions = plan.do_first + plan.next
    assert actions and all(a.steps is not msgspec.UNSET for a in actions)
    assert all(a.sources is msgspec.UNSET and a.why is msgspec.UNSET for a in actions)
    assert plan.when_ready is not None
    assert all(a.steps is msgspec.UNSET and a.summary for a in plan.when_ready.actions)


async def test_include_all_is_the_whole_plan(client: Client) -> None:
    response = await client.post(PLANS + "?include=all", json=LARGEST)
    assert response.status_code == 200
    assert response.content == msgspec.json.encode(build_plan(validate(LARGEST["answers"])))
    assert len(response.content) > 2 * COMPACT_LIMIT


async def test_include_adds_only_what_it_names(client: Client) -> None:
    response = await client.post(PLANS + "?include=findings,sources", json=LARGEST)
    plan = msgspec.json.decode(response.content, type=PlanOut)
    assert plan.findings is not msgspec.UNSET and len(plan.findings) == len(COMPILED_RULES)
    assert all(a.sources is not msgspec.UNSET for a in plan.do_first)
    assert all(a.why is msgspec.UNSET for a in plan.do_first)


async def test_an_unknown_include_is_refused(client: Client) -> None:
    for bad in ("everything", "findings,", "findings;sources", ""):
        response = await client.post(PLANS, params={"include": bad}, json=LARGEST)
        assert_problem(response, 400)


async def test_rule_content_is_cacheable_by_etag(client: Client) -> None:
    plan = (await client.post(PLANS, json=LARGEST)).json()
    rule_id = plan["do_first"][0]["rule_id"]
    response = await client.get(f"/api/v1/content/rules/{rule_id}")
    assert response.status_code == 200
    content = msgspec.json.decode(response.content, type=RuleContent)
    assert content.id == rule_id and content.title == plan["do_first"][0]["title"]
    assert response.headers["cache-control"].startswith("public")
    etag = response.headers["etag"]
    again = await client.get(f"/api/v1/content/rules/{rule_id}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = await client.get(f"/api/v1/content/rules/{COMPILED_RULES[1].rule.id}")
    assert other.headers["etag"] != etag


async def test_every_step_of_a_rule_is_in_its_content(client: Client) -> None:
    for compiled in COMPILED_RULES[:20]:
        response = await client.get(f"/api/v1/content/rules/{compiled.rule.id}")
        content = msgspec.json.decode(response.content, type=RuleContent)
        assert content.steps == compiled.steps
        assert content.sources == compiled.rule.sources


async def test_an_old_rule_id_finds_its_rule_and_an_unknown_one_is_404(client: Client) -> None:
    aliased = next((c.rule for c in COMPILED_RULES if c.rule.aliases), None)
    if aliased is not None:
        response = await client.get(f"/api/v1/content/rules/{aliased.aliases[0]}")
        assert response.json()["id"] == aliased.id
    assert_problem(await client.get("/api/v1/content/rules/no_such_rule"), 404)
