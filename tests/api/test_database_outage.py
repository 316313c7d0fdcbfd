"""While the database does not answer, students are refused with 503, never counted as guessers:
an outage must not use up the join-code allowance of a school behind one address."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.classes.checks import BAD_CODE_LIMIT
from safety_check.storage import class_checks

ANSWERS = {"answers": {"webcam.cover_when_unused": "sometimes"}}


async def test_lookups_the_database_could_not_answer_are_not_guesses(
    client: AsyncTestClient[Litestar], monkeypatch: pytest.MonkeyPatch
) -> None:
    created = await client.post("/api/v1/cohorts", json={"name": "9C", "age_band": "13_15"})
    code = created.json()["join_code"]

    async def disk_failing(*_: Any) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as outage:
        outage.setattr(class_checks, "find_by_code", disk_failing)
        during = [
            (await client.post(f"/api/v1/cohorts/{code}/responses", json=ANSWERS)).status_code
            for _ in range(BAD_CODE_LIMIT + 5)
        ]
    assert set(during) == {503}
    after = await client.post(f"/api/v1/cohorts/{code}/responses", json=ANSWERS)
    assert after.status_code == 201
    wrong = [
        (await client.post("/api/v1/cohorts/ZZZZ-ZZZZ/responses", json=ANSWERS)).status_code
        for _ in range(BAD_CODE_LIMIT + 3)
    ]
    assert 429 in wrong  # real wrong guesses are still counted
