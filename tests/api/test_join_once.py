"""A reloaded plan page does not count a student twice."""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app
from safety_check.settings import Settings
from tests.engines import BOTH_ENGINES, query, stored_at

HTML = {"Accept": "text/html"}
Client = AsyncTestClient[Litestar]


pytestmark = BOTH_ENGINES


def stored(settings: Settings) -> int:
    [(count,)] = query(stored_at(settings), "SELECT count(*) FROM responses")
    return int(count)


async def once_token(client: Client, code: str) -> dict[str, str]:
    """The one-time submission token and the page's form token of a fresh join form, as one
    student's browser gets them."""
    page = await client.get(f"/join/{code}", headers=HTML)
    tokens = dict(re.findall(r'name="(_once|_journey)" value="([^"]+)"', page.text))
    assert set(tokens) == {"_once", "_journey"}
    return tokens


async def last_step(client: Client, name: str) -> tuple[str, dict[str, str]]:
    """A new class's join code and the last step of one student's form, ready to send."""
    code = (await client.post("/api/v1/cohorts", json={"name": name})).json()["join_code"]
    form = {
        "_step": "questions",
        **await once_token(client, code),
        "profile.age_band": "13_15",
        "privacy_settings.last_review": "never",
    }
    return code, form


async def test_sending_the_last_step_again_stores_nothing_more(
    client: Client, settings: Settings
) -> None:
    code, form = await last_step(client, "9C")
    first = await client.post(f"/join/{code}", data=form, headers=HTML)
    again = await client.post(f"/join/{code}", data=form, headers=HTML)
    assert "have been added to your class" in first.text
    assert "already added" in again.text
    assert "Your plan" in again.text  # the student still gets their plan
    assert stored(settings) == 1

    other = await once_token(client, code)
    assert other["_once"] != form["_once"]
    await client.post(f"/join/{code}", data={**form, **other}, headers=HTML)
    assert stored(settings) == 2


async def test_a_second_worker_process_does_not_count_the_same_form_again(
    client: Client, settings: Settings
) -> None:
    """With several workers a reload can reach another process; the token lives in the file."""
    code, form = await last_step(client, "9D")
    first = await client.post(f"/join/{code}", data=form, headers=HTML)
    assert "have been added to your class" in first.text
    async with AsyncTestClient(app=create_app(settings)) as other_worker:
        again = await other_worker.post(f"/join/{code}", data=form, headers=HTML)
    assert "already added" in again.text
    assert stored(settings) == 1
