"""A battery of bad requests, by kind, against the real server: not one 5xx, and it stays up.

Run with -s to see the count per kind and the statuses answered.
"""

from __future__ import annotations

import contextlib
import json
import socket
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live_server import LiveServer

pytestmark = pytest.mark.slow
BODY_ROUTES = ("/api/v1/plans", "/api/v1/cohorts", "/api/v1/cohorts/{code}/responses")
PAGES = ("/", "/about", "/questions", "/plan", "/help", "/join", "/schools", "/schools/new")


def raw(port: int, request: bytes) -> int:
    """Send bytes as they are; the status the server answers, or 0 if it only closed."""
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        # No half-close: the server treats it as the client going away. It may answer (413,
        # 400) and close before it has read everything, so a failed send is not an error.
        with contextlib.suppress(OSError):
            connection.sendall(request)
        try:
            while chunk := connection.recv(65536):
                answer += chunk
                if b"\r\n" in answer:
                    break
        except ConnectionResetError:
            pass
    parts = answer.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


def http(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> int:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    sent = {"Content-Type": "application/json", **(headers or {})}
    lines += [f"{name}: {value}" for name, value in sent.items()]
    if body or method in ("POST", "PUT", "PATCH"):
        lines.append(f"Content-Length: {len(body)}")
    return raw(port, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)


def _bodies() -> Iterator[bytes]:
    for depth in (64, 1000, 100_000):
        yield b"[" * depth + b"]" * depth
        yield b'{"answers": ' + b"[" * depth + b"]" * depth + b"}"
        yield b'{"answers": {"profile.age_band": ' + b"{" * 0 + b"[" * depth + b"]" * depth + b"}}"
    yield from (b"{", b"", b"null", b"\xff\xfe", b'{"answers": NaN}', b"\xef\xbb\xbf{}")
    yield b'{"answers": {"profile.age_band": 1' + b"0" * 5000 + b"}}"
    yield b'{"name": "8B", "open_days": ' + b"9" * 5000 + b"}"
    yield b'{"name": "8B", "open_days": "7"}'
    yield b'{"name": "8B", "name": "8C"}'
    yield b'{"answers": {"profile.age_band": "13_15", "profile.age_band": "18_plus"}}'
    yield b'{"answers": {"profile.age_band": 17, "profile.devices": [1, null, {}]}}'
    yield b'{"answers": {"' + b"k" * 200 + b'": "x"}}'
    yield b'{"answers": {' + b",".join(b'"q%d": "x"' % i for i in range(300)) + b"}}"
    yield b'{"name": "\\u0000\\u202e\\ud800"}'
    yield b'{"answers": "' + b"x" * 40_000 + b'"}'


def battery(port: int, code: str, class_check: str, key: str) -> dict[str, Counter[int]]:
    results: dict[str, Counter[int]] = {}

    def record(kind: str, status: int) -> None:
        results.setdefault(kind, Counter())[status] += 1

    routes = [route.format(code=code) for route in BODY_ROUTES]
    for route in routes:
        for body in _bodies():
            record("malformed or hostile JSON bodies", http(port, "POST", route, body))
    for host in ("a:b/", "x" * 300, "", "a b", "[zz]", "ex%41mple.org", "a:99999999"):
        for path in ("/api/v1/healthz", "/", "/api/v1/plans", f"/join/{code}"):
            method = "POST" if path == "/api/v1/plans" else "GET"
            request = f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n"
            status = raw(port, (request + "Content-Length: 0\r\n\r\n").encode())
            record("bad Host headers", status)
    odd_paths = [
        "/static/%00",
        "/static/" + "a" * 5000,
        "/static/..%2f..%2fetc%2fpasswd",
        "/static/%ff%fe",
        "/" + "a" * 5000,
        "/api/v1/cohorts/" + "A" * 5000 + "/responses",
        "/api/v1/cohorts/%00/report",
        "/join/%00",
        "/join/" + "é" * 100,
        f"/schools/{class_check}%00",
        "/api/v1/resources?age_band=%00",
        "/api/v1/resources?age_band=13_15&age_band=18_plus",
        "/api/v1/questionnaire?api_key=x",
        "/?" + "a=b&" * 2000,
    ]
    for path in odd_paths:
        for method in ("GET", "POST"):
            record("odd paths and queries", http(port, method, path, b"{}"))
    for method in ("HEAD", "OPTIONS", "TRACE", "PUT", "PATCH", "DELETE", "CONNECT", "BREW"):
        for path in (*PAGES, "/api/v1/plans", "/api/v1/questionnaire", f"/schools/{class_check}"):
            record("unusual methods", http(port, method, path))
    header_cases = [
        {"Content-Type": "application/json; charset=latin-1"},
        {"Content-Type": "text/plain"},
        {"Content-Type": "\x7f"},
        {"Accept": "text/html;q=oops, */*;q=nan"},
        {"X-API-Key": "sc_" + "x" * 5000},
        {"Authorization": "Bearer " + "x" * 5000},
        {"Authorization": "Basic Zm9vOmJhcg=="},
        {"Cookie": "session=" + "x" * 4000},
        {"Cookie": "session=a.b.c.d; session=e"},
        {"If-None-Match": '"' + "x" * 1000 + '"'},
        {"X-Forwarded-For": "999.1.1.1, ::ffff:zz"},
        {"Content-Encoding": "gzip"},
        {"Transfer-Encoding": "chunked"},
        {"Expect": "100-continue"},
        {"X-Long": "x" * 60_000},
    ]
    targets = [
        ("POST", "/api/v1/plans"),
        ("GET", f"/api/v1/cohorts/{class_check}/report"),
        ("GET", f"/schools/{class_check}"),
        ("POST", f"/schools/{class_check}/close"),
        ("GET", "/api/v1/questionnaire"),
    ]
    for headers in header_cases:
        for method, path in targets:
            body = b'{"answers": {"profile.age_band": "13_15"}}' if method == "POST" else b""
            record("bad and oversized headers", http(port, method, path, body, headers))
    form = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}
    form_bodies = [
        b"name=8B&open_days=" + b"9" * 5000,
        b"name=8B&open_days=%C2%B2",
        b"name=%00%01&keep_days=-1",
        b"teacher_key=" + b"x" * 10_000,
        b"code=" + b"%00" * 100,
        b"a=" + b"b" * 40_000,
        b"%%%%&&&===",
        b"answers=" + json.dumps({"x": 1}).encode(),
        b"profile.age_band=13_15&profile.age_band=18_plus&profile.devices=" + b"x" * 100,
    ]
    for path in ("/schools/new", "/schools/sign-in", "/join", "/about", "/questions", "/plan"):
        for body in form_bodies:
            record("hostile form posts", http(port, "POST", path, body, form))
    malformed_http = [
        b"GET / HTTP/1.1\r\n\r\n",
        b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
        b"POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        b"POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 2\r\n\r\n",
        b"POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n{",
        b"POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
        b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03",  # a TLS hello on the plain port
    ]
    for request in malformed_http:
        record("malformed HTTP", raw(port, request))
    return results


def test_no_bad_request_gets_a_5xx(tmp_path: Path) -> None:
    server = LiveServer(
        tmp_path,
        {"SAFETY_CHECK_RATE_LIMIT": "1000000", "SAFETY_CHECK_READ_TIMEOUT": "2"},
    )
    try:
        status, _, body = server.request("POST", "/api/v1/cohorts", {"name": "Battery 9C"})
        assert status == 201, body
        created = json.loads(body)
        results = battery(server.port, created["join_code"], created["id"], created["teacher_key"])
        assert server.request("GET", "/api/v1/readyz")[0] == 200
    finally:
        server.stop()
    total = sum(sum(counts.values()) for counts in results.values())
    failures = sum(n for counts in results.values() for s, n in counts.items() if s >= 500)
    print(f"\n{total} bad requests, {failures} answered 5xx")
    for kind, counts in results.items():
        print(f"  {kind}: {sum(counts.values())} requests, statuses {dict(sorted(counts.items()))}")
    assert failures == 0, results
    log = server.output()
    assert "answered 500" not in log and "unhandled" not in log, log
