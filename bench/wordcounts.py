"""Words in the urgent lane ("What to do now") for issue 17's new situations, web and text.

For each situation the answers are posted to the web journey over HTTP (in-process, no server),
the way the "Before your next steps" page sends them, and the urgent page that comes back is
read: the words a person sees before opening any "How", and with every "How" opened. The text
plan gives its lane's words and the whole plan's. Word counts are deterministic, so a change
in a figure is a change in content.

Run with `python -m bench.wordcounts` from the repository root (PYTHONPATH holding src and the
root, as for the tests).
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

from litestar.testing import AsyncTestClient

from safety_check.answers import validate
from safety_check.plan import build_plan
from safety_check.service.app import create_app
from safety_check.service.individual.web import as_form_fields
from safety_check.settings import Settings
from safety_check.textplan import render_plan
from tests.test_personas import NEW_SITUATIONS, Raw, text_lane_words

POST = {
    "Accept": "text/html",
    "Origin": "http://testserver.local",
    "Sec-Fetch-Site": "same-origin",
    "Content-Type": "application/x-www-form-urlencoded",
}
TOKEN = re.compile(r'name="_journey" value="([^"]+)"')
URGENT = re.compile(r'<section class="urgent.*?</section>', re.S)
DETAILS = re.compile(r"<details.*?</details>", re.S)
SUMMARY = re.compile(r"<summary.*?</summary>", re.S)
HIDDEN = re.compile(r'<span class="visually-hidden">.*?</span>', re.S)
TAG = re.compile(r"<[^>]+>")


def words(text: str) -> int:
    return len(text.split())


def visible_words(html: str) -> int:
    """Words a sighted reader sees in some HTML: no tags, no screen-reader-only text."""
    return words(unescape(TAG.sub(" ", HIDDEN.sub("", html))))


SAFETY_PAGE = (("_at", "safety"), ("_step", "next"))
"""Sent as the safety page sends them: the next page is the urgent page when there is one."""
ALL_AT_ONCE = (("_step", "questions"),)
"""Sent as the whole questionnaire: the next page is the full plan."""


async def _section(
    client: AsyncTestClient,  # type: ignore[type-arg]
    answers: Raw,
    step: tuple[tuple[str, str], ...],
) -> str | None:
    start = await client.get("/check", headers={"Accept": "text/html"})
    token = TOKEN.search(start.text)
    assert token is not None, "the check's first page has no form token"
    sent = urlencode([*step, ("_journey", token.group(1)), *as_form_fields(answers)])
    page = await client.post("/check", content=sent, headers=POST)
    assert page.status_code == 200, page.status_code
    found = URGENT.search(page.text) if 'id="urgent-heading"' in page.text else None
    return found.group(0) if found else None


async def urgent_section(client: AsyncTestClient, answers: Raw) -> tuple[str, str] | None:  # type: ignore[type-arg]
    """Where the web shows the "What to do now" section and the section itself: the urgent
    page after the safety questions, or, for someone unsure (whose lane is calm and waits for
    the full plan), the plan page. None when the answers bring no lane."""
    urgent = await _section(client, answers, SAFETY_PAGE)
    if urgent is not None:
        return "urgent page", urgent
    plan = await _section(client, answers, ALL_AT_ONCE)
    return ("plan page", plan) if plan is not None else None


Row = tuple[str, str, str, str, str, int]


async def rows() -> list[Row]:
    table: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(Settings(database=Path(folder) / "words.db"))
        async with AsyncTestClient(app=app) as client:
            for name, answers in NEW_SITUATIONS.items():
                plan = build_plan(validate(answers))
                shown = await urgent_section(client, answers)
                text = render_plan(plan)
                if plan.urgent is None or shown is None:
                    # Both agree there is no lane, or the figures below would mix two plans.
                    assert plan.urgent is None and shown is None, name
                    table.append((name, "-", "-", "-", "-", words(text)))
                    continue
                where, section = shown
                before_how = visible_words(DETAILS.sub("", section))
                with_how = visible_words(SUMMARY.sub("", section))
                lane = str(text_lane_words(plan))
                table.append((name, where, str(before_how), str(with_how), lane, words(text)))
    return table


def main() -> None:
    table = asyncio.run(rows())
    heads = ("situation", "web page", "web lane", "web, How open", "text lane", "text total")
    width = max(len(name) for name, *_ in table)
    print(f"{heads[0]:<{width}}  " + "  ".join(f"{h:>13}" for h in heads[1:]))
    for name, *counts in table:
        print(f"{name:<{width}}  " + "  ".join(f"{c!s:>13}" for c in counts))
    print(
        '("-": no urgent lane. Web lane: words seen before opening any "How"; screen-reader-only '
        'text is not counted. Text lane: the text plan\'s "What to do now", every step in full.)'
    )


if __name__ == "__main__":
    main()
