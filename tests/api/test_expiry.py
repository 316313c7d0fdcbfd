"""Class checks expire on schedule: the running service deletes them without anyone asking."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app
from safety_check.settings import Settings
from safety_check.storage import SqliteDatabase as Database
from safety_check.storage.class_checks import create_class_check


async def test_the_service_deletes_expired_class_checks_when_it_starts(tmp_path: Path) -> None:
    database_path = tmp_path / "expiry.db"
    database = Database(database_path)
    await database.open()
    long_ago = dt.date.today() - dt.timedelta(days=400)
    expired = await create_class_check(
        database, name="Old", age_band=None, open_days=30, keep_days=90, today=long_ago
    )
    current = await create_class_check(
        database, name="Now", age_band=None, open_days=30, keep_days=90
    )
    await database.close()

    async with AsyncTestClient(create_app(Settings(database=database_path))) as client:
        response = await client.get("/api/v1/readyz")
        assert response.status_code == 200

    with sqlite3.connect(database_path) as connection:
        names = {row[0] for row in connection.execute("SELECT public_id FROM cohorts")}
    assert expired.class_check.public_id not in names
    assert current.class_check.public_id in names


async def test_a_check_past_its_closing_day_takes_no_more_responses(tmp_path: Path) -> None:
    database_path = tmp_path / "closing.db"
    database = Database(database_path)
    await database.open()
    opened = dt.date.today() - dt.timedelta(days=10)
    created = await create_class_check(
        database, name="Past", age_band=None, open_days=7, keep_days=90, today=opened
    )
    await database.close()
    body = {"answers": {"profile.age_band": "13_15"}}
    async with AsyncTestClient(create_app(Settings(database=database_path))) as client:
        code = created.class_check.join_code
        response = await client.post(f"/api/v1/cohorts/{code}/responses", json=body)
    assert response.status_code == 404
