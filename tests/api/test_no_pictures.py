"""No route ever takes a picture (issue 18, point 5): reporting is words pasted into the app's own
form, and take-down services are links. A picture sent to every route the service has, as a form
upload under any name, is refused or ignored: it comes back in no answer, and is in neither the
log nor the database afterwards."""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

import pytest
from litestar import Litestar

from safety_check.service.individual.web import NOT_RESTORED
from safety_check.settings import Settings
from tests.api.journey_walk import POST, Client, form_token
from tests.engines import dump

MARKER = "zq7picturemarker"
PICTURE = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\x10tEXtComment\0" + MARKER.encode() + b"\0" * 64
FIELDS = ("picture", "image", "file", "evidence", "saved_file")
"""Names a picture could be sent under, the saved-answers file's own among them."""
TEMPLATES = Path(__file__).parents[2] / "src" / "safety_check" / "templates"
PATH_PARAMETER = re.compile(r"\{[^}]+\}")


def uploads() -> dict[str, tuple[str, bytes, str]]:
    return dict.fromkeys(FIELDS, (f"{MARKER}.png", PICTURE, "image/png"))


def sending_routes(app: Litestar) -> list[tuple[str, str]]:
    """(method, path) for every route that takes a body, path parameters filled in."""
    found = {
        (method, PATH_PARAMETER.sub("K7QMRX4P", route.path))
        for route in app.routes
        for method in route.methods
        if method in ("POST", "PUT", "PATCH")
    }
    return sorted(found)


async def test_a_picture_sent_anywhere_is_kept_nowhere(
    app: Litestar, client: Client, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    routes = sending_routes(app)
    assert {("POST", "/check"), ("POST", "/restore"), ("POST", "/exit")} <= set(routes)
    assert ("POST", "/api/v1/plans") in routes
    for method, path in routes:
        token = form_token((await client.get("/check")).text)
        answer = await client.request(
            method, path, data={"_journey": token}, files=uploads(), headers=POST
        )
        # Only the saved-answers form reads a file (and finds no saved answers in a picture);
        # the exit leaves whatever it is sent; every other route refuses an upload outright,
        # or a key it lacks first.
        expected = {"/restore": {422}, "/exit": {200}}.get(path, {401, 415})
        assert answer.status_code in expected, (path, answer.status_code)
        assert MARKER not in answer.text, path
    assert MARKER not in caplog.text
    assert MARKER not in dump(settings.database_location())


async def test_a_picture_given_as_saved_answers_restores_nothing(client: Client) -> None:
    token = form_token((await client.get("/restore")).text)
    answer = await client.post("/restore", data={"_journey": token}, files=uploads(), headers=POST)
    assert answer.status_code == 422
    assert NOT_RESTORED.message.split(".")[0] in html.unescape(answer.text)


def test_the_only_file_box_takes_saved_answers_text() -> None:
    boxes = {
        template.name: re.findall(r'<input[^>]*type="file"[^>]*>', template.read_text())
        for template in TEMPLATES.glob("*.html")
    }
    found = {name: found for name, found in boxes.items() if found}
    assert list(found) == ["restore.html"]
    (box,) = found["restore.html"]
    assert 'accept=".txt,text/plain"' in box and "image" not in box
