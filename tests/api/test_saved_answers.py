"""Save and come back (issue 18, point 3): a code and a file that hold the answers sealed with
AES-GCM under a key from the server's secret, with the content version and an expiry; restored by
POST only; never offered on a phone that may be watched; nothing of them kept on the server, in a
URL, a log, the database or Redis; changed steps marked when the content changed since."""

from __future__ import annotations

import hashlib
import html
import logging
import re
import secrets
from collections.abc import AsyncIterator, Iterator
from html import unescape
from typing import Any

import msgspec
import pytest
import redis
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.questionnaire import CONTENT_VERSION
from safety_check.service.app import create_app, services_of
from safety_check.service.individual import saved_answers
from safety_check.service.individual.saved_words import DICTIONARY
from safety_check.settings import Settings
from tests.api.journey_walk import POST, TOKEN, Client, Walk, form_token, heading, walk
from tests.engines import BOTH_ENGINES, dump, redis_url

__all__ = ["walk"]  # the fixture
MARKER_QUESTION, MARKER = "profile.nation", "northern_ireland"
ANSWERS = {
    "profile.for_whom": "me",
    "profile.age_band": "18_plus",
    MARKER_QUESTION: MARKER,
    "situation.threat_to_share": "no",
    "situation.image_shared": "no",
    "profile.apps": "instagram",
    "profile.devices": "iphone_ipad",
    "privacy_settings.instagram_account": "public",
}
CODE = re.compile(r'<textarea id="saved-code"[^>]*>(SC1-[A-Za-z0-9_-]+)</textarea>')


async def plan_page(walk: Walk, answers: dict[str, str] = ANSWERS) -> str:
    plan = await walk.post({"_step": "questions", **answers})
    assert heading(plan.text) == "Your plan", heading(plan.text)
    return str(plan.text)


async def save(walk: Walk, answers: dict[str, str] = ANSWERS) -> str:
    html = await plan_page(walk, answers)
    assert 'name="_step" value="save"' in html
    saved = await walk.post({"_step": "save", **answers})
    found = CODE.search(saved.text)
    assert found is not None, saved.text[:2000]
    return found.group(1)


async def restore(client: Client, code: str = "", file: bytes | None = None) -> Any:
    start = await client.get("/restore")
    data = {"_journey": form_token(start.text), "saved_code": code}
    files = {"saved_file": ("saved-answers.txt", file, "text/plain")} if file is not None else None
    return await client.post("/restore", data=data, files=files, headers=POST)


async def test_a_code_brings_the_answers_and_the_plan_back(walk: Walk) -> None:
    code = await save(walk)
    back = await restore(walk.client, code)
    assert back.status_code == 200
    assert heading(back.text) == "Your plan"
    assert "Your saved answers are back." in back.text
    assert f'name="{MARKER_QUESTION}" value="{MARKER}"' in back.text
    assert "Since you last checked, none of the steps in your plan changed." in back.text


async def test_the_file_holds_the_code_and_brings_it_back_too(walk: Walk) -> None:
    await save(walk)
    download = await walk.post({"_step": "save_file", **ANSWERS})
    assert download.headers["content-disposition"] == 'attachment; filename="saved-answers.txt"'
    assert download.headers["content-type"].startswith("text/plain")
    assert MARKER not in download.text and "Safety Check" not in download.text
    back = await restore(walk.client, file=download.content)
    assert "Your saved answers are back." in back.text
    # The page the file came from still works: a download does not spend its token.
    again = await walk.post({"_step": "questions", **ANSWERS})
    assert heading(again.text) == "Your plan"


@pytest.mark.parametrize("damage", ["cut", "flip", "other-secret", "expired", "nonsense"])
async def test_a_damaged_or_old_code_restores_nothing(
    walk: Walk, app: Litestar, damage: str
) -> None:
    code = await save(walk)
    secret = services_of(app).platform.secret
    if damage == "cut":
        code = code[:-5]
    elif damage == "flip":
        code = code[:-3] + ("A" if code[-3] != "A" else "B") + code[-2:]
    elif damage == "other-secret":
        code = saved_answers.seal(b"another" * 5, ANSWERS, CONTENT_VERSION, 2**40)
    elif damage == "expired":
        code = saved_answers.seal(secret, ANSWERS, CONTENT_VERSION, 1)
    else:
        code = "SC1-hello"
    back = await restore(walk.client, code)
    assert back.status_code == 422
    assert "couldn't read those saved answers" in html.unescape(back.text)
    assert MARKER not in back.text


async def test_restoring_is_by_post_only(client: Client) -> None:
    page = await client.get("/restore?saved_code=SC1-abc")
    assert 'method="post"' in page.text and "SC1-abc" not in page.text
    assert "Your saved answers are back." not in page.text
    assert (await client.get("/restore")).status_code == 200


@pytest.mark.parametrize(
    "watched",
    [
        {"getting_help.someone_checks_phone": "yes"},
        {"getting_help.someone_checks_phone": "prefer_not_to_say"},
    ],
)
async def test_not_offered_on_a_phone_that_may_be_watched(
    walk: Walk, watched: dict[str, str]
) -> None:
    answers = {**ANSWERS, **watched}
    html = await plan_page(walk, answers)
    assert 'value="save"' not in html
    assert "Because of what you told us, this isn't offered here" in unescape(html)
    refused = await walk.post({"_step": "save", **answers})
    assert not CODE.search(refused.text) and "SC1-" not in refused.text


async def test_changed_steps_are_counted_and_marked(walk: Walk, app: Litestar) -> None:
    await walk.start()
    secret = services_of(app).platform.secret
    old = saved_answers.seal(secret, ANSWERS, "2026.11.1", 2**40)
    changed = services_of(app).journeys.changed_since("2026.11.1")
    assert changed
    back = await restore(walk.client, old)
    marked = back.text.count('<p class="changed">')
    sentence = re.search(r"Since you last checked, (\d+) steps? in your plan changed", back.text)
    assert marked >= 1
    assert sentence is not None and int(sentence.group(1)) == marked


def test_saved_size_is_small() -> None:
    code = saved_answers.seal(b"s" * 32, ANSWERS, CONTENT_VERSION, 2**40)
    assert len(code) < 200  # 8 answers; a full check of 53 answers is about 520 characters


def test_the_compression_words_never_change() -> None:
    """Every code already handed out needs these exact bytes to open (saved_words.py)."""
    digest = hashlib.sha256(DICTIONARY).hexdigest()
    assert digest == "8b46783d1137fabec38aa7b09e367c7510088e3abba1afa7b755d5f7a05b8e58"


@pytest.fixture
def shared(settings: Settings) -> Iterator[Settings]:
    url = redis_url()
    prefix = f"test-{secrets.token_hex(6)}:"
    yield msgspec.structs.replace(settings, redis_url=url, redis_prefix=prefix)
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)


@pytest.fixture
async def shared_client(shared: Settings) -> AsyncIterator[Client]:
    async with AsyncTestClient(app=create_app(shared)) as test_client:
        yield test_client


@BOTH_ENGINES
async def test_the_marker_answer_is_nowhere_on_the_server(
    shared_client: Client, shared: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    journey = Walk(shared_client)
    await journey.start()
    urls: list[str] = []

    async def seen(request: Any) -> None:
        urls.append(str(request.url))

    shared_client.event_hooks["request"] = [seen]
    code = await save(journey)
    download = await journey.post({"_step": "save_file", **ANSWERS})
    back = await restore(shared_client, file=download.content)
    assert "Your saved answers are back." in back.text
    for url in urls:
        assert MARKER not in url and "SC1-" not in url
    for link in re.findall(r'(?:href|action|src)="([^"]*)"', back.text):
        assert MARKER not in link and "SC1-" not in link
    logged = caplog.text
    assert MARKER not in logged and code not in logged
    stored = dump(shared.database_location())
    assert MARKER not in stored and code[4:40] not in stored
    client = redis.Redis.from_url(str(shared.redis_url))
    for key in client.scan_iter(match=f"{shared.redis_prefix}*"):
        assert MARKER.encode() not in key
        kind = client.type(key)
        value = repr(client.hgetall(key) if kind == b"hash" else client.dump(key))
        assert MARKER not in value
    assert TOKEN.search(back.text)
