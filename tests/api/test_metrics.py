"""/metrics (issue 22 §3): off by default; route templates, never paths, as labels; nothing a
person sent (join code, class id, teacher or partner key, class name, answers) in a scrape."""

from __future__ import annotations

import re
from pathlib import Path

from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app
from safety_check.settings import Settings, from_environment
from tests.api.marker_traffic import markers_in, send_markers


async def test_metrics_are_off_unless_switched_on(client: AsyncTestClient[Litestar]) -> None:
    assert (await client.get("/metrics")).status_code == 404
    assert from_environment({}).metrics is False
    assert from_environment({"SAFETY_CHECK_METRICS": "on"}).metrics is True


async def test_a_scrape_names_routes_by_template_and_holds_nothing_a_person_sent(
    tmp_path: Path,
) -> None:
    settings = Settings(database=tmp_path / "metrics.db", metrics=True)
    async with AsyncTestClient(app=create_app(settings)) as client:
        before = (await client.get("/metrics")).text
        made = await send_markers(client)
        response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    scrape = response.text
    assert markers_in(scrape, made) == []
    routes = set(re.findall(r'route="([^"]*)"', scrape))
    assert routes <= {
        "/api/v1/cohorts",
        "/api/v1/cohorts/{code}/responses",
        "/api/v1/cohorts/{cohort_id}/report",
        "/api/v1/plans",
        "/join/{code}",
        "/metrics",
        "(no route)",
    }, routes
    assert 'route="/api/v1/cohorts/{code}/responses",status="201"' in scrape
    assert 'route="/api/v1/plans"' in scrape
    assert "safety_check_http_request_duration_seconds_bucket" in scrape
    assert 'safety_check_dependency_up{dependency="database"} 1.0' in scrape
    assert _stored(scrape) == _stored(before) + 1


def _stored(scrape: str) -> float:
    found = re.search(r"^safety_check_class_responses_stored_total (\S+)$", scrape, re.M)
    return float(found.group(1)) if found else 0.0


async def test_limit_hits_are_counted_by_route(tmp_path: Path) -> None:
    settings = Settings(database=tmp_path / "limits.db", metrics=True, rate_limit=2)
    async with AsyncTestClient(app=create_app(settings)) as client:
        statuses = [(await client.get("/api/v1/resources")).status_code for _ in range(4)]
        assert 429 in statuses
    async with AsyncTestClient(
        app=create_app(Settings(database=tmp_path / "other.db", metrics=True))
    ) as client:
        scrape = (await client.get("/metrics")).text
    assert re.search(r'safety_check_limit_hits_total\{route="/api/v1/resources"\} [1-9]', scrape)


async def test_a_token_guards_the_metrics(tmp_path: Path) -> None:
    settings = Settings(database=tmp_path / "token.db", metrics=True, metrics_token="s3cret-token")
    async with AsyncTestClient(app=create_app(settings)) as client:
        assert (await client.get("/metrics")).status_code == 404
        wrong = {"Authorization": "Bearer nope"}
        assert (await client.get("/metrics", headers=wrong)).status_code == 404
        right = {"Authorization": "Bearer s3cret-token"}
        assert (await client.get("/metrics", headers=right)).status_code == 200
