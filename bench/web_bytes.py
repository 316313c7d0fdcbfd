"""Bytes a person's browser fetches for the web plan page: the page for the largest answer set
(every question answered, as in bench/engine.py) and for a short check, gzip as browsers ask.

First visit: the page plus every stylesheet, script and image it links (cold cache). Later
visits: the page alone, since static files have hashed names and are kept for a year.
Run with `python -m bench.web_bytes` (in-process, no server; part of `make bench`).
"""

from __future__ import annotations

import asyncio
import gzip
import re
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from litestar.testing import AsyncTestClient

from bench.engine import full_answers
from safety_check.answers import prune
from safety_check.service.app import create_app
from safety_check.service.individual.web import as_form_fields
from safety_check.settings import Settings

POST = {"Origin": "http://testserver.local", "Sec-Fetch-Site": "same-origin"}
HEADERS = {"Accept": "text/html", "Accept-Encoding": "gzip"}
TOKEN = re.compile(r'name="_journey" value="([^"]+)"')
LINKED = re.compile(r'(?:href|src)="(/static/[^"]+)"')
SHORT = {"profile.age_band": "18_plus", "profile.devices": ["iphone_ipad"]}


async def _visit(
    client: AsyncTestClient, answers: dict[str, str | list[str]]
) -> tuple[int, int, int]:  # type: ignore[type-arg]
    """(page bytes gzipped, page bytes raw, linked static files gzipped)."""
    start = await client.get("/check", headers=HEADERS)
    token = TOKEN.search(start.text)
    assert token is not None
    fields = [("_step", "questions"), *as_form_fields(answers), ("_journey", token.group(1))]
    form = {**HEADERS, **POST, "Content-Type": "application/x-www-form-urlencoded"}
    page = await client.post("/check", content=urlencode(fields), headers=form)
    assert page.status_code == 200 and "Your plan" in page.text, page.text[:300]
    raw = page.content
    statics = 0
    for path in dict.fromkeys(LINKED.findall(page.text)):
        found = await client.get(path, headers=HEADERS)
        assert found.status_code == 200, path
        statics += len(gzip.compress(found.content))
    return len(gzip.compress(raw)), len(raw), statics


async def _main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(Settings(database=str(Path(folder) / "bytes.db")))
        async with AsyncTestClient(app=app) as client:
            for name, answers in (("largest", prune(full_answers())), ("short", SHORT)):
                page_gz, page_raw, statics = await _visit(client, answers)
                print(
                    f"web plan page, {name} answer set: {page_raw / 1024:.1f} KB "
                    f"({page_gz / 1024:.1f} KB gzip) per visit; first visit with linked static "
                    f"files {(page_gz + statics) / 1024:.1f} KB gzip"
                )


if __name__ == "__main__":
    asyncio.run(_main())
