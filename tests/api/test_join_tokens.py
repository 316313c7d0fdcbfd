"""Class-check join pages carry the journey's form tokens (issue 18, point 2), like the
individual check: a page sent again after the exit, or with a forged or missing token, shows only
"This page has expired", with nothing of the class or the answers."""

from __future__ import annotations

import re

import pytest

from safety_check.service.classes import checks
from tests.api.journey_walk import POST, TOKEN, Client, form_token, heading

EXPIRED = "This page has expired"
CLASS_NAME = "Form 9Q"
ANSWERS = {"profile.age_band": "13_15", "situation.threat_to_share": "no"}
ONCE = re.compile(r'name="_once" value="([^"]+)"')


async def join_page(client: Client) -> tuple[str, str]:
    """A new class's join code and its first page."""
    made = await client.post("/api/v1/cohorts", json={"name": CLASS_NAME})
    code = made.json()["join_code"]
    page = await client.get(f"/join/{code}", headers={"Accept": "text/html"})
    assert page.status_code == 200
    return code, str(page.text)


def shows_nothing(html: str) -> bool:
    return (
        heading(html) == EXPIRED
        and CLASS_NAME not in html
        and "13_15" not in html
        and not TOKEN.search(html)
        and not ONCE.search(html)
    )


async def test_each_join_page_carries_a_token_and_its_exit_is_a_form(client: Client) -> None:
    code, first = await join_page(client)
    assert 'action="/exit"' in first and TOKEN.search(first)
    nxt = await client.post(
        f"/join/{code}",
        data={"_step": "about", **ANSWERS, "_journey": form_token(first)},
        headers=POST,
    )
    assert heading(nxt.text) != EXPIRED and 'name="_step" value="next"' in nxt.text
    tokens = set(TOKEN.findall(nxt.text))
    assert len(tokens) == 1 and tokens != {form_token(first)}  # a new token for the next page
    entry = await client.get("/join", headers={"Accept": "text/html"})
    assert 'action="/exit"' in entry.text


@pytest.mark.parametrize("token", [None, "", "v1.forged", "x" * 200])
async def test_a_join_form_without_a_good_token_shows_only_expired(
    client: Client, token: str | None
) -> None:
    code, first = await join_page(client)
    data = {"_step": "about", **ANSWERS, "_once": ONCE.findall(first)[0]}
    if token is not None:
        data["_journey"] = token
    page = await client.post(f"/join/{code}", data=data, headers=POST)
    assert page.status_code == 200 and shows_nothing(page.text)


async def test_after_the_exit_a_join_page_sent_again_shows_only_expired(client: Client) -> None:
    code, first = await join_page(client)
    about = await client.post(
        f"/join/{code}",
        data={"_step": "about", **ANSWERS, "_journey": form_token(first)},
        headers=POST,
    )
    token = form_token(about.text)
    left = await client.post("/exit", data={"_journey": token}, headers=POST)
    assert left.status_code == 200
    resent = await client.post(
        f"/join/{code}",
        data={"_step": "questions", **ANSWERS, "_journey": token, "_once": ONCE.findall(first)[0]},
        headers=POST,
    )
    assert shows_nothing(resent.text)
    first_again = await client.post(
        f"/join/{code}",
        data={"_step": "about", **ANSWERS, "_journey": form_token(first)},
        headers=POST,
    )
    assert shows_nothing(first_again.text)  # every page of the journey, not only the last


async def test_a_plan_that_could_not_be_counted_offers_a_fresh_form_to_try_again(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Going Back to send an old page again would find its token spent, so the page itself
    carries a form with a live token."""
    code, first = await join_page(client)

    async def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("the database is away")

    monkeypatch.setattr(checks.ClassChecks, "submit", broken)
    plan = await client.post(
        f"/join/{code}",
        data={
            "_step": "questions",
            **ANSWERS,
            "_journey": form_token(first),
            "_once": ONCE.findall(first)[0],
        },
        headers=POST,
    )
    assert "Something went wrong on our side" in plan.text
    retry = re.search(r"<form[^>]*>(?:(?!</form>).)*Try again to add my answers", plan.text, re.S)
    assert retry is not None
    assert f'name="_journey" value="{form_token(plan.text)}"' in retry.group(0)
    assert 'name="profile.age_band" value="13_15"' in retry.group(0)
    monkeypatch.undo()
    fields = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', retry.group(0))
    )
    again = await client.post(f"/join/{code}", data={**fields, "_step": "plan"}, headers=POST)
    assert "have been added to your class" in again.text
