"""The evidence log (issue 18, point 5): reached from a plan's "keep evidence" step, for adults
and adults helping someone, with warnings that depend on whose picture it may be; its boxes can
never be sent to the server."""

from __future__ import annotations

import html as markup
import re
from html.parser import HTMLParser

import pytest

from safety_check.service.individual import evidence_log
from tests.api.journey_walk import Walk, heading, walk

__all__ = ["walk"]  # the fixture
ADULT = {
    "profile.for_whom": "me",
    "profile.age_band": "18_plus",
    "situation.threat_to_share": "yes",
}
PARENT = {**ADULT, "profile.for_whom": "my_child", "profile.age_band": "13_15"}
WATCHED = {**ADULT, "getting_help.someone_checks_phone": "yes"}
TEEN = {**ADULT, "profile.age_band": "13_15"}
LOG_BUTTON = 'name="_step" value="evidence_log"'


class Boxes(HTMLParser):
    """Every box a person can type in, with whether it is inside a form and its name."""

    def __init__(self) -> None:
        super().__init__()
        self.forms = 0
        self.boxes: list[tuple[str, bool, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form":
            self.forms += 1
        if tag in ("input", "textarea", "select") and found.get("type") != "hidden":
            self.boxes.append((found.get("id") or "", self.forms > 0, found.get("name")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.forms -= 1


def boxes(html: str) -> list[tuple[str, bool, str | None]]:
    parser = Boxes()
    parser.feed(html)
    return parser.boxes


async def urgent_page(walk: Walk, answers: dict[str, str]) -> str:
    """About you, then the safety questions (already answered), to the urgent page."""
    await walk.post({"_step": "about", **answers})
    urgent = await walk.post({"_step": "next", "_at": "safety", **answers})
    assert 'id="urgent-heading"' in urgent.text
    return str(urgent.text)


async def open_log(walk: Walk, answers: dict[str, str]) -> str:
    assert LOG_BUTTON in await urgent_page(walk, answers)
    page = await walk.post({"_step": "evidence_log", "_at": "urgent", **answers})
    assert heading(page.text) == "Evidence log"
    return str(page.text)


def warnings(html: str) -> str:
    found = re.search(r'<div class="panel log-warning">(.*?)</div>', html, re.S)
    assert found is not None
    return markup.unescape(found.group(1))


async def test_the_log_has_every_column_and_no_box_can_be_sent(walk: Walk) -> None:
    html = await open_log(walk, ADULT)
    for column in ("Date", "Time", "App or site", "Username or profile", "Link", "What happened"):
        assert f'<th scope="col">{column}' in html
    assert "Who you told" in html
    typed = boxes(html)
    expected = evidence_log.LOG_ROWS * 6 + evidence_log.TOLD_ROWS * 3
    assert len(typed) == expected
    assert all(not in_form and name is None for _, in_form, name in typed)
    assert all(f'for="{box_id}"' in html for box_id, _, _ in typed)  # each box is labelled


async def test_an_adult_is_warned_about_pictures_taken_under_18(walk: Walk) -> None:
    said = warnings(await open_log(walk, ADULT))
    assert "Never save or screenshot a nude picture of anyone under 18" in said
    assert "Keep the log somewhere private" in said


async def test_a_parent_is_never_told_to_view_or_keep_the_picture(walk: Walk) -> None:
    said = warnings(await open_log(walk, PARENT))
    assert "Don't look at, save, screenshot or forward the picture" in said
    for telling in ("Take screenshots", "Save the picture", "screenshot the picture"):
        assert telling not in said


async def test_on_a_watched_phone_the_log_is_kept_off_the_phone(walk: Walk) -> None:
    said = warnings(await open_log(walk, WATCHED))
    assert "Don't keep this log on it" in said
    assert "Keep the log somewhere private" not in said


async def test_back_returns_to_the_page_the_log_was_opened_from(walk: Walk) -> None:
    await open_log(walk, ADULT)
    back = await walk.post({"_step": "return", "_return": "urgent", **ADULT})
    assert 'id="urgent-heading"' in back.text and LOG_BUTTON in back.text


@pytest.mark.parametrize("answers", [TEEN, {**ADULT, "profile.for_whom": "a_friend"}])
async def test_no_log_is_offered_to_under_18s_or_a_friend_of_unknown_age(
    walk: Walk, answers: dict[str, str]
) -> None:
    assert LOG_BUTTON not in await urgent_page(walk, answers)
    made_up = await walk.post({"_step": "evidence_log", "_at": "urgent", **answers})
    assert heading(made_up.text) != "Evidence log"
