"""Guesses sent all at once, against the real server: the limit holds under concurrency.

A guess is answered (404: looked up and found wrong) only if it was counted first. Before the
counters were incremented ahead of the lookup, every one of a burst of concurrent wrong keys was
looked up and answered while the count still read zero.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from safety_check.service.classes.checks import BAD_CODE_LIMIT, BAD_TEACHER_KEY_LIMIT
from tests.durability.conftest import Connection, Server, Servers, create_class_check

BURST = 250
THREADS = 50


def _burst(
    server: Server, requests: list[tuple[str, str, bytes | None, dict[str, str]]]
) -> list[int]:
    def send(request: tuple[str, str, bytes | None, dict[str, str]]) -> int:
        connection = Connection(server)
        try:
            return connection.request(*request)[0]
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(send, requests))


def test_a_burst_of_wrong_teacher_keys_gets_at_most_the_limit_answered(
    servers: Servers, tmp_path: Path
) -> None:
    server = servers.start(tmp_path / "keys.db", {"SAFETY_CHECK_RATE_LIMIT": "1000000"})
    class_check = create_class_check(server.base)
    path = f"/api/v1/cohorts/{class_check['id']}/report"
    statuses = _burst(
        server,
        [("GET", path, None, {"Authorization": f"Bearer sctk_guess{i}"}) for i in range(BURST)],
    )
    assert set(statuses) <= {404, 429}
    assert statuses.count(404) <= BAD_TEACHER_KEY_LIMIT
    assert statuses.count(429) >= BURST - BAD_TEACHER_KEY_LIMIT


def test_a_burst_of_wrong_join_codes_gets_at_most_the_allowance_answered(
    servers: Servers, tmp_path: Path
) -> None:
    server = servers.start(tmp_path / "codes.db")
    alphabet = "ABCDEFGHJKMNPQRSTUWXYZ3479"
    body = b'{"answers": {"profile.age_band": "13_15"}}'
    codes = [f"ZZZZ-Z{alphabet[i % 26]}{alphabet[(i // 26) % 26]}Z" for i in range(BURST)]
    statuses = _burst(
        server, [("POST", f"/api/v1/cohorts/{code}/responses", body, {}) for code in codes]
    )
    assert set(statuses) <= {404, 429}
    assert statuses.count(404) <= BAD_CODE_LIMIT + 1  # the allowance and one slow-lane turn
