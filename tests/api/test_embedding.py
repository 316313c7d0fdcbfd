"""Framing by listed origins only, and the API lifecycle headers (issue 22 §2). The browser test
with host pages on other origins is tests/web/test_embed_browser.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from litestar import Litestar, get
from litestar.testing import AsyncTestClient, TestClient

from safety_check.service.app import create_app
from safety_check.service.platform.headers import security_headers
from safety_check.service.platform.lifecycle import POLICY_PATH, retiring
from safety_check.settings import Settings, SettingsError, from_environment

PARTNERS = ("https://partner.example", "https://school.example:8443")
PAGES = ("/", "/check", "/restore", "/help", "/cover-your-tracks", "/join", "/join/K7QM-RX4P")
NEVER_FRAMED = (
    "/api/v1/questionnaire",
    "/api/v1/reference",
    "/api/v1/healthz",
    "/schools",
    "/schools/new",
    "/no-such-page",
    "/static/nothing.css",
)


def _framing(headers: dict[str, str]) -> tuple[str, str | None]:
    policy = headers["content-security-policy"]
    [ancestors] = [part for part in policy.split("; ") if part.startswith("frame-ancestors")]
    return ancestors, headers.get("x-frame-options")


async def test_nothing_is_framed_by_default(client: AsyncTestClient[Litestar]) -> None:
    for path in PAGES + NEVER_FRAMED:
        response = await client.get(path)
        assert _framing(dict(response.headers)) == ("frame-ancestors 'none'", "DENY"), path


async def test_listed_origins_may_frame_the_check_and_nothing_else(tmp_path: Path) -> None:
    settings = Settings(database=tmp_path / "embed.db", frame_ancestors=PARTNERS)
    async with AsyncTestClient(app=create_app(settings)) as client:
        for path in PAGES:
            response = await client.get(path)
            assert _framing(dict(response.headers)) == (
                "frame-ancestors https://partner.example https://school.example:8443",
                None,
            ), path
        for path in NEVER_FRAMED:
            response = await client.get(path)
            assert _framing(dict(response.headers)) == ("frame-ancestors 'none'", "DENY"), path
        response = await client.post("/api/v1/plans", json={"answers": {}})
        assert _framing(dict(response.headers)) == ("frame-ancestors 'none'", "DENY")


def test_the_setting_takes_origins_only() -> None:
    read = from_environment(
        {"SAFETY_CHECK_FRAME_ANCESTORS": " https://a.example, http://b.test:81 "}
    )
    assert read.frame_ancestors == ("https://a.example", "http://b.test:81")
    for wrong in (
        "*",
        "'self'",
        "https://a.example/path",
        "https://*.example",
        "a.example",
        "https://a.example; script-src *",
        "javascript://x",
    ):
        with pytest.raises(SettingsError, match="SAFETY_CHECK_FRAME_ANCESTORS"):
            from_environment({"SAFETY_CHECK_FRAME_ANCESTORS": wrong})


SUNSET = dt.date(2027, 6, 30)


@get("/api/v1/old", **retiring(dt.date(2026, 12, 6), SUNSET, successor="/api/v1/new"))
async def old_operation() -> dict[str, str]:
    return {"still": "works"}


@get("/api/v1/new")
async def new_operation() -> dict[str, str]:
    return {"new": "yes"}


def test_a_retiring_route_says_so_on_every_response() -> None:
    app = Litestar([old_operation, new_operation], before_send=[security_headers()])
    with TestClient(app) as client:
        response = client.get("/api/v1/old")
        assert response.status_code == 200
        assert response.headers["deprecation"] == "@1796515200"  # 2026-12-06T00:00:00Z
        assert response.headers["sunset"] == "Wed, 30 Jun 2027 00:00:00 GMT"
        assert f'<{POLICY_PATH}>; rel="deprecation"' in response.headers["link"]
        assert '</api/v1/new>; rel="successor-version"' in response.headers["link"]
        current = client.get("/api/v1/new")
        assert not {"deprecation", "sunset", "link"} & set(current.headers)
    operations = app.openapi_schema.to_schema()["paths"]
    assert operations["/api/v1/old"]["get"]["deprecated"] is True
    assert operations["/api/v1/new"]["get"].get("deprecated", False) is False


def test_a_sunset_sooner_than_180_days_is_refused() -> None:
    with pytest.raises(ValueError, match="180 days"):
        retiring(dt.date(2026, 12, 6), dt.date(2027, 6, 3))


def test_every_deprecated_operation_of_the_service_carries_its_dates(tmp_path: Path) -> None:
    app = create_app(Settings(database=tmp_path / "x.db"))
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            if getattr(handler, "deprecated", False):
                assert "retirement" in handler.opt, handler


async def test_the_policy_is_a_page(client: AsyncTestClient[Litestar]) -> None:
    response = await client.get(POLICY_PATH)
    assert response.status_code == 200
    assert "180 days" in response.text and "Sunset" in response.text
