"""A reloaded plan page does not count a student twice."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app
from safety_check.settings import Settings

HTML = {"Accept": "text/html"}


def stored(settings: Settings) -> int:
    with sqlite3.connect(settings.database) as connection:
        return int(connection.execute("SELECT count(*) FROM responses").fetchone()[0])


async def test_sending_the_last_step_again_stores_nothing_more(
    client: AsyncTestClient[Litestar], settings: Settings, tmp_path: Path
) -> None:
    created = (await client.post("/api/v1/cohorts", json={"name": "9C"})).json()
    code = created["join_code"]
    page = await client.get(f"/join/{code}", headers=HTML)
    once = re.search(r'name="_once" value="([^"]+)"', page.text)
    assert once is not None
    form = {
        "_step": "questions",
        "_once": once.group(1),
        "profile.age_band": "13_15",
        "privacy_settings.last_review": "never",
    }
    first = await client.post(f"/join/{code}", data=form, headers=HTML)
    again = await client.post(f"/join/{code}", data=form, headers=HTML)
    assert "have been added to your class" in first.text
    assert "already added" in again.text
    assert "Your plan" in again.text  # the student still gets their plan
    assert stored(settings) == 1

    other_student = (await client.get(f"/join/{code}", headers=HTML)).text
    other = re.search(r'name="_once" value="([^"]+)"', other_student)
    assert other is not None and other.group(1) != once.group(1)
    await client.post(f"/join/{code}", data={**form, "_once": other.group(1)}, headers=HTML)
    assert stored(settings) == 2


async def test_a_second_worker_process_does_not_count_the_same_form_again(
    client: AsyncTestClient[Litestar], settings: Settings
) -> None:
    """With several workers a reload can reach another process; the token lives in the file."""
    created = (await client.post("/api/v1/cohorts", json={"name": "9D"})).json()
    code = created["join_code"]
    page = await client.get(f"/join/{code}", headers=HTML)
    once = re.search(r'name="_once" value="([^"]+)"', page.text)
    assert once is not None
    form = {
        "_step": "questions",
        "_once": once.group(1),
        "profile.age_band": "13_15",
        "privacy_settings.last_review": "never",
    }
    first = await client.post(f"/join/{code}", data=form, headers=HTML)
    assert "have been added to your class" in first.text
    async with AsyncTestClient(app=create_app(settings)) as other_worker:
        again = await other_worker.post(f"/join/{code}", data=form, headers=HTML)
    assert "already added" in again.text
    assert stored(settings) == 1
