"""At every log level, the real server's output holds no answer, code, key, secret, cookie or
class name, whatever a client sends and however it behaves (a body cut off mid-way included)."""

from __future__ import annotations

import json
import socket
import sqlite3
import time
from pathlib import Path

import pytest

from safety_check.settings import LOG_LEVELS
from tests.live_server import LiveServer

pytestmark = pytest.mark.slow
CLASS_NAME = "Markerclass Qzx"
MARKERS = {
    "answer": "markeranswerqzx",
    "api key": "sc_markerkeyqzx",
    "cookie": "markercookieqzx",
    "query": "markerqueryqzx",
    "csrf": "markercsrfqzx",
}


def _cut_off_mid_body(server: LiveServer, path: str) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: 400\r\n\r\n".encode()
            + b'{"answers": {"profile.age_band": "13_15", "habit": "'
        )


def _traffic(server: LiveServer) -> dict[str, str]:
    """Requests carrying marker values through every surface; returns the real secrets used."""
    status, _, body = server.request("POST", "/api/v1/cohorts", {"name": CLASS_NAME})
    assert status == 201, body
    created = json.loads(body)
    code, key, class_check = created["join_code"], created["teacher_key"], created["id"]
    answers = {"profile.age_band": "13_15", "profile.devices": [MARKERS["answer"]]}
    server.request("POST", "/api/v1/plans", {"answers": answers})
    server.request("POST", "/api/v1/plans", {"answers": {"profile.age_band": "16_17"}})
    server.request("POST", f"/api/v1/cohorts/{code}/responses", {"answers": answers})
    server.request(
        "POST", f"/api/v1/cohorts/{code}/responses", {"answers": {"profile.age_band": "13_15"}}
    )
    server.request(
        "GET", f"/api/v1/cohorts/{class_check}/report", headers={"Authorization": f"Bearer {key}"}
    )
    server.request("GET", "/api/v1/questionnaire", headers={"X-API-Key": MARKERS["api key"]})
    server.request("GET", f"/api/v1/resources?age_band={MARKERS['query']}")
    server.request("GET", f"/join/{code}", headers={"Accept": "text/html"})
    server.request(
        "GET", f"/schools/{class_check}", headers={"Cookie": f"session={MARKERS['cookie']}"}
    )
    for teacher_key in (key, MARKERS["csrf"]):
        server.request(
            "POST",
            "/schools/sign-in",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            form=f"teacher_key={teacher_key}",
        )
    server.request(
        "POST",
        "/schools/new",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        form=f"name=Markerclass+Qzx&open_days={'9' * 5000}&csrf={MARKERS['csrf']}",
    )
    _cut_off_mid_body(server, f"/api/v1/cohorts/{code}/responses")
    _cut_off_mid_body(server, "/api/v1/plans")
    server.request("GET", f"/join/{code}/{'x' * 3000}")
    return {"join code": code, "join code (raw)": code.replace("-", ""), "teacher key": key}


@pytest.mark.parametrize("level", LOG_LEVELS)
def test_no_level_logs_what_a_person_told_us(tmp_path: Path, level: str) -> None:
    server = LiveServer(tmp_path, {"SAFETY_CHECK_LOG_LEVEL": level})
    try:
        used = _traffic(server)
        assert server.request("GET", "/api/v1/healthz")[0] == 200
        if level in ("DEBUG", "INFO"):  # the cut-off bodies were seen, and logged by route
            deadline = time.monotonic() + 20
            while server.output().count("client went away") < 2 and time.monotonic() < deadline:
                time.sleep(0.1)
            assert (
                "client went away during POST /api/v1/cohorts/{code}/responses" in server.output()
            )
    finally:
        server.stop()
    with sqlite3.connect(server.database) as database:
        (secret,) = database.execute("SELECT value FROM secrets WHERE name = 'session'").fetchone()
    log = server.output()
    lowered = log.lower()
    forbidden = {
        **MARKERS,
        **used,
        "class name": CLASS_NAME,
        "secret (hex)": bytes(secret).hex(),
        "secret (repr)": repr(bytes(secret))[2:20],
    }
    for what, value in forbidden.items():
        assert value.lower() not in lowered, f"{what} logged at {level}:\n{log}"
    assert "Traceback" not in log
    print(f"\n{level}: {len(log.splitlines())} log lines, none with a marker:\n{log}")
