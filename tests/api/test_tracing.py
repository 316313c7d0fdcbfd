"""OpenTelemetry tracing (issue 22 §3): an optional extra, off by default; spans are named by
route template and hold nothing a person sent (answer, join code, class id, key, class name)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from safety_check.service.app import create_app
from safety_check.service.platform.tracing import TracingUnavailableError
from safety_check.settings import Settings, SettingsError, from_environment
from tests.api.marker_traffic import CLASS_NAME, TRACE_ID, markers_in, send_markers
from tests.live_server import LiveServer

ANSWERS = {"answers": {"webcam.cover_when_unused": "sometimes"}}


def _exported(tmp_path: Path) -> tuple[Litestar, InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    settings = Settings(database=tmp_path / "traced.db", tracing=True)
    return create_app(settings, tracer_provider=provider), exporter


def _dump(spans: tuple[ReadableSpan, ...]) -> str:
    return "\n".join(span.to_json() for span in spans)


async def test_spans_name_route_templates_and_hold_nothing_a_person_sent(tmp_path: Path) -> None:
    app, exporter = _exported(tmp_path)
    async with AsyncTestClient(app=app) as client:
        made = await send_markers(client)
    spans = exporter.get_finished_spans()
    dumped = _dump(spans)
    assert markers_in(dumped, made) == []
    assert "testclient" not in dumped  # nor the caller's address
    servers = [json.loads(span.to_json()) for span in spans if span.kind.name == "SERVER"]
    assert {span["name"] for span in servers} == {
        "POST /api/v1/cohorts",
        "POST /api/v1/cohorts/{code}/responses",
        "GET /join/{code}",
        "GET /api/v1/cohorts/{cohort_id}/report",
        "POST /api/v1/plans",
        "GET (no route)",
    }
    assert all(span["attributes"]["http.route"] in span["name"] for span in servers)
    stored = next(span for span in servers if span["name"].endswith("/responses"))
    assert stored["context"]["trace_id"] == f"0x{TRACE_ID}"  # a caller's trace is joined
    assert stored["attributes"]["http.status_code"] == 201


async def test_tracing_is_off_unless_switched_on(tmp_path: Path) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    app = create_app(Settings(database=tmp_path / "plain.db"), tracer_provider=provider)
    async with AsyncTestClient(app=app) as client:
        assert (await client.get("/api/v1/resources")).status_code == 200
    assert exporter.get_finished_spans() == ()
    assert from_environment({}).tracing is False
    assert from_environment({"SAFETY_CHECK_TRACING": "on"}).tracing is True


@pytest.fixture
def without_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the `otel` extra were not installed: importing OpenTelemetry fails."""
    for name in [name for name in sys.modules if name.startswith("opentelemetry")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "opentelemetry", None)


@pytest.mark.usefixtures("without_extra")
def test_tracing_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"TRACING=on needs the otel extra: pip install"):
        from_environment({"SAFETY_CHECK_TRACING": "on"})
    with pytest.raises(TracingUnavailableError, match=r"safety-check\[otel\]"):
        create_app(Settings(database=tmp_path / "no-extra.db", tracing=True))


WITHOUT_EXTRA = """
import sys

class NoOpenTelemetry:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "opentelemetry":
            raise ModuleNotFoundError(name)

sys.meta_path.insert(0, NoOpenTelemetry())
from litestar.testing import TestClient
from safety_check.service.app import create_app
from safety_check.settings import Settings

with TestClient(create_app(Settings(database=sys.argv[1]))) as client:
    assert client.get("/api/v1/readyz").status_code == 200
    assert client.post("/api/v1/plans", json={"answers": {}}).status_code == 200
print(sorted(n for n in sys.modules if "opentelemetry" in n or n.endswith("platform.tracing")))
"""


def test_the_service_runs_without_the_extra(tmp_path: Path) -> None:
    """In a fresh interpreter where OpenTelemetry cannot be imported at all."""
    ran = subprocess.run(
        [sys.executable, "-c", WITHOUT_EXTRA, str(tmp_path / "plain.db")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "[]"  # not Litestar's plugin, not our tracing module


class Collector(ThreadingHTTPServer):
    """An OTLP/HTTP trace receiver on loopback: keeps each export's protobuf body."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), CollectorHandler)
        self.exports: list[bytes] = []


class CollectorHandler(BaseHTTPRequestHandler):
    server: Collector

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/v1/traces":
            self.server.exports.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.mark.slow
def test_the_served_app_sends_private_spans_over_otlp(tmp_path: Path) -> None:
    """`safety-check serve` with two workers, as deployed, exporting to a collector."""
    collector = Collector()
    threading.Thread(target=collector.serve_forever, daemon=True).start()
    server = LiveServer(
        tmp_path,
        {
            "SAFETY_CHECK_TRACING": "on",
            "SAFETY_CHECK_WORKERS": "2",
            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{collector.server_address[1]}",
            "OTEL_BSP_SCHEDULE_DELAY": "100",
        },
    )
    try:
        status, _, body = server.request(
            "POST", "/api/v1/cohorts", {"name": CLASS_NAME, "age_band": "13_15"}
        )
        assert status == 201
        created = json.loads(body)
        code = created["join_code"]
        status, _, _ = server.request("POST", f"/api/v1/cohorts/{code}/responses", ANSWERS)
        assert status == 201
        assert server.request("GET", f"/join/{code}")[0] == 200
    finally:
        server.stop()  # the workers flush their spans as they stop
        collector.shutdown()
    exported = b"".join(collector.exports)
    assert b"POST /api/v1/cohorts/{code}/responses" in exported
    assert b"GET /join/{code}" in exported
    assert b"safety-check" in exported  # the service's name
    for marker in (code, code.replace("-", ""), created["teacher_key"], created["id"], CLASS_NAME):
        assert marker.encode() not in exported, marker
