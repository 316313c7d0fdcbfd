"""The JSON API in Welsh: Accept-Language picks the words, among the languages offered."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app
from safety_check.settings import Settings
from tests.marked_language import marked_welsh

ANSWERS = {"answers": {"profile.age_band": "13_15", "situation.threat_to_share": "yes"}}
WELSH = {"Accept-Language": "cy, en;q=0.5"}


@pytest.fixture
def welsh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from marked_welsh(monkeypatch)


@pytest.fixture
async def both(tmp_path: Path, welsh: None) -> AsyncIterator[AsyncTestClient[Litestar]]:
    app = create_app(Settings(database=tmp_path / "db.sqlite3", languages=("en", "cy")))
    async with AsyncTestClient(app=app) as client:
        yield client


async def test_a_welsh_plan_says_its_language(both: AsyncTestClient[Litestar]) -> None:
    english = await both.post("/api/v1/plans", json=ANSWERS)
    welsh = await both.post("/api/v1/plans", json=ANSWERS, headers=WELSH)
    assert english.headers["content-language"] == "en-GB"
    assert welsh.headers["content-language"] == "cy"
    assert "Accept-Language" in welsh.headers["vary"]
    plan, cymraeg = english.json(), welsh.json()
    assert (plan["language"], cymraeg["language"]) == ("en", "cy")
    assert cymraeg["content_version"] == plan["content_version"]
    assert [a["rule_id"] for a in cymraeg["urgent"]["actions"]] == [
        a["rule_id"] for a in plan["urgent"]["actions"]
    ]
    first = cymraeg["urgent"]["actions"][0]
    assert first["title"].startswith(f"<rule:{first['rule_id']}.title|")


async def test_the_questionnaire_has_an_etag_per_language(both: AsyncTestClient[Litestar]) -> None:
    english = await both.get("/api/v1/questionnaire")
    welsh = await both.get("/api/v1/questionnaire", headers=WELSH)
    assert english.headers["etag"] != welsh.headers["etag"]
    assert welsh.headers["content-language"] == "cy"
    assert welsh.json()["questions"][0]["text"].startswith("<question:")
    again = await both.get(
        "/api/v1/questionnaire", headers={**WELSH, "If-None-Match": welsh.headers["etag"]}
    )
    assert again.status_code == 304
    crossed = await both.get(
        "/api/v1/questionnaire", headers={"If-None-Match": welsh.headers["etag"]}
    )
    assert crossed.status_code == 200  # a Welsh ETag never validates an English copy


async def test_rule_content_and_services_follow_the_language(
    both: AsyncTestClient[Litestar],
) -> None:
    rule = await both.get("/api/v1/content/rules/sextortion_stop_and_do_not_pay", headers=WELSH)
    if rule.status_code == 404:
        plan = (await both.post("/api/v1/plans", json=ANSWERS)).json()
        rule_id = plan["urgent"]["actions"][0]["rule_id"]
        rule = await both.get(f"/api/v1/content/rules/{rule_id}", headers=WELSH)
    assert rule.headers["content-language"] == "cy"
    assert rule.json()["title"].startswith("<rule:")
    services = await both.get("/api/v1/resources", headers=WELSH)
    assert services.headers["content-language"] == "cy"
    assert all(s["summary"].startswith("<resource:") for s in services.json())


async def test_an_operator_can_offer_english_alone(tmp_path: Path, welsh: None) -> None:
    app = create_app(Settings(database=tmp_path / "db.sqlite3", languages=("en",)))
    async with AsyncTestClient(app=app) as client:
        plan = await client.post("/api/v1/plans", json=ANSWERS, headers=WELSH)
        questionnaire = await client.get("/api/v1/questionnaire", headers=WELSH)
    assert plan.headers["content-language"] == "en-GB"
    assert plan.json()["language"] == "en"
    assert not plan.json()["urgent"]["title"].startswith("<")
    assert questionnaire.headers["content-language"] == "en-GB"
    assert not questionnaire.json()["questions"][0]["text"].startswith("<")
