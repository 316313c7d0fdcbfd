"""The exit holds without JavaScript (issue 18, point 2): every page of the individual check
carries a signed, expiring form token; sending a page spends it and the exit retires the whole
journey, so a form sent again after the exit, or long after, shows "This page has expired" and
nothing of the person's answers or plan."""

from __future__ import annotations

import re

import pytest
from litestar import Litestar

from safety_check.service.app import services_of
from safety_check.service.individual import journey_tokens
from safety_check.service.individual.journeys import SPENT_GRACE_SECONDS, Journeys
from safety_check.settings import Settings
from tests.api.journey_walk import POST, TOKEN, Client, Walk, form_token, heading, walk
from tests.engines import BOTH_ENGINES, dump, query

__all__ = ["walk"]  # the fixture
EXPIRED = "This page has expired"
THREATENED = {"profile.age_band": "13_15", "situation.threat_to_share": "yes"}


class Clock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(app: Litestar, client: Client) -> Clock:
    journeys = services_of(app).journeys
    fake = Clock(journeys.clock())
    journeys.clock = fake
    return fake


def leaves_for(html: str, exit_url: str) -> bool:
    return f'<meta http-equiv="refresh" content="0; url={exit_url}">' in html


def shows_nothing_of_the_journey(html: str) -> bool:
    return (
        heading(html) == EXPIRED
        and "13_15" not in html
        and "urgent-heading" not in html
        and 'type="hidden" name="profile' not in html
        and 'type="hidden" name="situation' not in html
        and not TOKEN.search(html)
    )


async def test_every_page_of_the_check_carries_a_token_and_the_exit_is_a_form(walk: Walk) -> None:
    first = await walk.client.get("/check")
    assert 'action="/exit"' in first.text and TOKEN.search(first.text)
    urgent = await walk.post({"_step": "about", **THREATENED})
    tokens = TOKEN.findall(urgent.text)
    assert len(set(tokens)) == 1 and len(tokens) >= 2  # the page's forms and its exit share it
    help_page = await walk.client.get("/help")
    assert not TOKEN.search(help_page.text)  # no journey here: the exit is a plain link
    assert 'id="quick-exit"' in help_page.text


@pytest.mark.parametrize("token", [None, "", "v1.forged", "x" * 200])
async def test_a_form_without_a_good_token_shows_only_the_expired_page(
    walk: Walk, token: str | None
) -> None:
    data = {"_step": "about", **THREATENED}
    if token is None:
        page = await walk.client.post("/check", data=data, headers=POST)
    else:
        page = await walk.post(data, token=token)
    assert page.status_code == 200
    assert shows_nothing_of_the_journey(page.text)


async def test_a_token_signed_with_another_secret_is_refused(walk: Walk) -> None:
    other = journey_tokens.issue(b"another server", expires_at=2**40)
    page = await walk.post({"_step": "about", **THREATENED}, token=other)
    assert shows_nothing_of_the_journey(page.text)


@BOTH_ENGINES
async def test_after_the_exit_every_page_of_that_journey_is_expired(
    walk: Walk, settings: Settings
) -> None:
    sent: list[tuple[dict[str, str], str]] = []

    async def send(data: dict[str, str]) -> str:
        sent.append((data, walk.token))
        return str((await walk.post(data)).text)

    await send({"_step": "about", **THREATENED})
    urgent = await send({"_at": "safety", "_step": "next", **THREATENED})
    assert 'id="urgent-heading"' in urgent
    left = await walk.client.post("/exit", data={"_journey": form_token(urgent)}, headers=POST)
    assert leaves_for(left.text, settings.exit_url)
    # Reload (the last form again), Back then resend (an earlier one), or the urgent page's own
    # forms (a token never spent): none of them shows anything.
    for data, token in [*sent, ({"_at": "urgent", "_step": "continue", **THREATENED}, walk.token)]:
        page = await walk.post(data, token=token)
        assert shows_nothing_of_the_journey(page.text), data


async def test_the_exit_leaves_whatever_it_is_sent(walk: Walk, settings: Settings) -> None:
    for data in ({}, {"_journey": "nonsense"}):
        left = await walk.client.post("/exit", data=data, headers=POST)
        assert leaves_for(left.text, settings.exit_url)
    elsewhere = {**POST, "Origin": "https://elsewhere.example", "Sec-Fetch-Site": "cross-site"}
    left = await walk.client.post("/exit", data={}, headers=elsewhere)
    assert leaves_for(left.text, settings.exit_url)


async def test_an_exit_in_one_journey_leaves_another_alone(client: Client) -> None:
    mine, theirs = Walk(client), Walk(client)
    await mine.start()
    await theirs.start()
    await client.post("/exit", data={"_journey": mine.token}, headers=POST)
    page = await theirs.post({"_step": "about", **THREATENED})
    assert heading(page.text) == "Before your next steps"
    assert shows_nothing_of_the_journey((await mine.post({"_step": "about"})).text)


async def test_a_page_is_spent_when_sent_with_a_short_grace_for_a_double_tap(
    walk: Walk, clock: Clock
) -> None:
    data = {"_step": "about", **THREATENED}
    await walk.start()  # on the test's clock
    token = walk.token
    first = await walk.post(data, token=token)
    assert heading(first.text) == "Before your next steps"
    clock.now += SPENT_GRACE_SECONDS
    again = await walk.post(data, token=token)
    assert heading(again.text) == "Before your next steps"
    clock.now += 1
    assert shows_nothing_of_the_journey((await walk.post(data, token=token)).text)
    # The page's own Back button carries a fresh token, so the journey goes on.
    back = await walk.post({"_at": "safety", "_step": "back", **THREATENED})
    assert heading(back.text) == "About you"


async def test_a_page_left_open_too_long_expires(walk: Walk, clock: Clock, app: Litestar) -> None:
    lifetime = services_of(app).journeys.lifetime
    assert lifetime == 60 * 60
    await walk.start()  # on the test's clock
    clock.now += lifetime - 1
    page = await walk.post({"_step": "about", **THREATENED})
    assert heading(page.text) == "Before your next steps"
    clock.now += lifetime
    assert shows_nothing_of_the_journey((await walk.post({"_step": "about"})).text)


@BOTH_ENGINES
async def test_only_hashes_of_random_ids_are_kept_and_purged_on_expiry(
    walk: Walk, clock: Clock, app: Litestar, settings: Settings
) -> None:
    await walk.post({"_step": "about", **THREATENED})
    await walk.client.post("/exit", data={"_journey": walk.token}, headers=POST)
    location = settings.database_location()
    rows = query(location, "SELECT id_hash, spent_at, expires_at FROM retired_form_tokens")
    assert len(rows) == 2  # the page sent, and the journey the exit retired
    assert all(len(bytes(row[0])) == 16 for row in rows)
    assert all(isinstance(row[1], int) and isinstance(row[2], int) for row in rows)
    read = journey_tokens.read(services_of(app).platform.secret, walk.token)
    assert read is not None
    everything = dump(location)
    assert read.journey not in everything and read.token not in everything
    journeys: Journeys = services_of(app).journeys
    clock.now += journeys.lifetime
    assert await journeys.purge_expired() == 2
    assert query(location, "SELECT id_hash FROM retired_form_tokens") == []


def test_tokens_name_their_journey_and_change_on_every_page() -> None:
    secret = b"s" * 32
    first = journey_tokens.issue(secret, expires_at=100)
    read = journey_tokens.read(secret, first)
    assert read is not None
    second = journey_tokens.issue(secret, expires_at=200, journey=read.journey)
    next_read = journey_tokens.read(secret, second)
    assert next_read is not None
    assert next_read.journey == read.journey and next_read.token != read.token
    tampered = re.sub(r"\.100\.", ".999.", first)
    assert journey_tokens.read(secret, tampered) is None
