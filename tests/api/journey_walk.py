"""Walking the individual's web journey over HTTP, the way a browser does: each form is sent
with the token of the page it came from (see service/individual/journeys.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

Client = AsyncTestClient[Litestar]
POST = {"Accept": "text/html", "Origin": "http://testserver.local", "Sec-Fetch-Site": "same-origin"}
TOKEN = re.compile(r'name="_journey" value="([^"]+)"')


def form_token(html: str) -> str:
    found = TOKEN.search(html)
    assert found is not None, "the page has no form token"
    return found.group(1)


class Walk:
    """One person's journey: each form is sent with the token of the page it came from."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.token = ""

    async def start(self) -> str:
        page = await self.client.get("/check")
        self.token = form_token(page.text)
        return page.text

    async def post(self, data: dict[str, str], token: str | None = None) -> Any:
        sent = {**data, "_journey": self.token if token is None else token}
        page = await self.client.post("/check", data=sent, headers=POST)
        if TOKEN.search(page.text):
            self.token = form_token(page.text)
        return page


@pytest.fixture
async def walk(client: Client) -> Walk:
    journey = Walk(client)
    await journey.start()
    return journey


def heading(html: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert found is not None
    return found.group(1).strip()
