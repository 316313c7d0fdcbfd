"""Hostile and malformed requests: every one gets a 4xx problem (or page), none a 500 or a hang."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app
from safety_check.service.platform import problems, transport
from safety_check.service.platform.assets import asset_url
from safety_check.settings import Settings

Client = AsyncTestClient[Litestar]
JSON = {"content-type": "application/json"}
NESTED = b"[" * 1000 + b"]" * 1000
BODY_ROUTES = ["/api/v1/plans", "/api/v1/cohorts", "/api/v1/cohorts/K7QM-RX4P/responses"]


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


@pytest.mark.parametrize("path", BODY_ROUTES)
@pytest.mark.parametrize(
    "body", [NESTED, b'{"answers": ' + NESTED + b"}", b'{"name": ' + NESTED + b"}"]
)
async def test_deeply_nested_json_is_400(client: Client, path: str, body: bytes) -> None:
    assert_problem(await client.post(path, content=body, headers=JSON), 400)


@pytest.mark.parametrize(
    "body",
    [
        b'{"answers": {"profile.age_band": "13_15", "profile.age_band": "18_plus"}}',
        b'{"answers": {"profile.age_band": "13_15"}, "answers": {"profile.age_band": "18_plus"}}',
    ],
)
async def test_duplicate_keys_are_refused(client: Client, body: bytes) -> None:
    problem = assert_problem(await client.post("/api/v1/plans", content=body, headers=JSON), 400)
    assert "repeats the key" in problem["detail"]


async def test_duplicate_keys_in_a_class_check_are_refused(client: Client) -> None:
    body = b'{"name": "8B", "name": "8C"}'
    assert_problem(await client.post("/api/v1/cohorts", content=body, headers=JSON), 400)


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        (b'{"name": "8B", "open_days": "7"}', "/open_days"),
        (b'{"name": "8B", "open_days": ' + b"9" * 5000 + b"}", "/open_days"),
        (b'{"name": "8B", "keep_days": 7.5}', "/keep_days"),
        (b'{"name": 8}', "/name"),
    ],
)
async def test_class_check_fields_are_strictly_typed(
    client: Client, body: bytes, pointer: str
) -> None:
    problem = assert_problem(await client.post("/api/v1/cohorts", content=body, headers=JSON), 400)
    assert problem["errors"][0]["pointer"] == pointer


async def test_a_wrong_type_names_its_question(client: Client) -> None:
    body = {"answers": {"profile.age_band": 17, "profile.devices": [1], "profile.apps": "x"}}
    problem = assert_problem(await client.post("/api/v1/plans", json=body), 422)
    found = {(error["pointer"], error["code"]) for error in problem["errors"]}
    assert found == {
        ("/answers/profile.age_band", "wrong_type"),
        ("/answers/profile.devices", "wrong_type"),
        ("/answers/profile.apps", "expected_multi"),
    }


@pytest.mark.parametrize("host", ["a:b/", "x" * 300, "a b", "[zz]", "exa mple.org:80"])
@pytest.mark.parametrize("path", ["/api/v1/healthz", "/", "/api/v1/cohorts"])
async def test_a_malformed_host_is_400_with_security_headers(
    client: Client, host: str, path: str
) -> None:
    if path == "/api/v1/cohorts":
        response = await client.post(path, json={"name": "8B"}, headers={"host": host})
    else:
        response = await client.get(path, headers={"host": host})
    assert_problem(response, 400)


async def test_ordinary_hosts_are_served(client: Client) -> None:
    for host in ("example.org", "example.org:8080", "127.0.0.1:80", "[::1]:8000"):
        response = await client.get("/api/v1/healthz", headers={"host": host})
        assert response.status_code == 200, host


@pytest.mark.parametrize("path", ["/static/%00", "/static/" + "a" * 5000, "/static/../x"])
async def test_odd_static_paths_are_404(client: Client, path: str) -> None:
    assert_problem(await client.get(path), 404)


async def test_static_files_are_still_served(client: Client) -> None:
    response = await client.get(asset_url("style.css"))
    assert response.status_code == 200
    assert response.content


@pytest.mark.parametrize("value", ["9" * 5000, "²", "-1", "7.0"])
async def test_class_form_numbers_never_500(client: Client, value: str) -> None:
    response = await client.post(
        "/schools/new",
        data={"name": "8B", "open_days": value, "keep_days": value},
        headers={"accept": "text/html"},
    )
    assert response.status_code < 500


@pytest.mark.parametrize(
    "path", ["/", "/help", "/api/v1/questionnaire", "/api/v1/healthz", asset_url("style.css")]
)
async def test_head_answers_like_get_without_a_body(client: Client, path: str) -> None:
    get = await client.get(path)
    head = await client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-security-policy"] == get.headers["content-security-policy"]


async def test_head_on_a_post_only_route_is_405(client: Client) -> None:
    response = await client.head("/api/v1/plans")
    assert response.status_code == 405
    assert "POST" in response.headers["allow"]


async def test_a_rate_limited_page_is_an_html_page(tmp_path: Path) -> None:
    app = create_app(Settings(database=tmp_path / "limited.db", rate_limit=1))
    async with AsyncTestClient(app=app) as client:
        await client.get("/help")
        page = await client.get("/help", headers={"accept": "text/html"})
        assert page.status_code == 429
        assert page.headers["content-type"].startswith("text/html")
        assert "Please wait a moment" in page.text
        assert "Exit this page" in page.text  # the quick exit is on every page
        assert page.headers["retry-after"]
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        api = await client.get("/api/v1/questionnaire", headers={"accept": "text/html"})
        assert_problem(api, 429)


async def _call(
    app: Litestar, method: str, path: str, headers: list[tuple[bytes, bytes]], receive: Any
) -> list[dict[str, Any]]:
    """Drive the ASGI app directly, so the request body can stall or the client can vanish."""
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    await app(scope, receive, send)  # type: ignore[arg-type]
    return sent


async def test_a_body_shorter_than_its_length_gets_408(tmp_path: Path) -> None:
    app = create_app(Settings(database=tmp_path / "slow.db", read_timeout=1))
    first = True

    async def receive() -> dict[str, Any]:
        nonlocal first
        if first:
            first = False
            return {"type": "http.request", "body": b'{"answers"', "more_body": True}
        await asyncio.Event().wait()  # the rest never comes
        raise AssertionError("unreachable")

    headers = [(b"content-type", b"application/json"), (b"content-length", b"100")]
    async with AsyncTestClient(app=app):  # runs the lifespan
        sent = await asyncio.wait_for(_call(app, "POST", "/api/v1/plans", headers, receive), 10)
    assert sent[0]["status"] == 408
    assert (b"connection", b"close") in sent[0]["headers"]


async def test_a_client_leaving_mid_body_is_not_an_error_and_logs_no_code(
    app: Litestar, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    messages = iter(
        [
            {"type": "http.request", "body": b'{"answers": {', "more_body": True},
            {"type": "http.disconnect"},
        ]
    )

    async def receive() -> dict[str, Any]:
        return next(messages)

    headers = [(b"content-type", b"application/json"), (b"content-length", b"500")]
    await _call(app, "POST", "/api/v1/cohorts/QW7X-M3KP/responses", headers, receive)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "QW7X-M3KP" not in logged
    assert "client went away during POST /api/v1/cohorts/{code}/responses" in logged
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


async def test_tracebacks_a_client_can_trigger_are_logged_once_then_one_line(
    client: Client, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import safety_check.service.individual.api as api

    def explode(*_: object) -> None:
        raise RuntimeError("MARKER-ANSWER profile.age_band=13_15")

    monkeypatch.setattr(api, "encode_answers", explode)
    monkeypatch.setattr(problems, "_last_traceback", {})
    for _ in range(3):
        await client.post("/api/v1/plans", json={"answers": {"profile.age_band": "13_15"}})
    errors = [r.getMessage() for r in caplog.records if r.name == "safety_check.errors"]
    assert len(errors) == 3
    assert "in explode" in errors[0]  # where it happened, frame by frame
    assert all(len(message.splitlines()) == 1 for message in errors[1:])
    assert not any("MARKER-ANSWER" in message for message in errors)
    assert not any(record.exc_info for record in caplog.records)


async def test_after_the_body_a_disconnect_reaches_the_response(app: Litestar) -> None:
    """The body deadline watches only the request body. A streamed response (a large file)
    listens for the client leaving; that disconnect must reach it as a message, not as
    ClientGone raised after the response started (a 500 in the log for every such download)."""
    seen: list[Any] = []

    async def streaming_app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(await receive())  # the (empty) request body
        seen.append(await receive())  # a streamed response listening for the client leaving

    messages = iter(
        [{"type": "http.request", "body": b"", "more_body": False}, {"type": "http.disconnect"}]
    )

    async def receive() -> Any:
        return next(messages)

    async def send(message: Any) -> None:
        raise AssertionError("nothing is sent")

    scope = {"type": "http", "app": app}
    await transport.BodyDeadline(streaming_app)(scope, receive, send)  # type: ignore[arg-type]
    assert [message["type"] for message in seen] == ["http.request", "http.disconnect"]
