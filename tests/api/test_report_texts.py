"""Report words per app on the plan (issue 18, point 5): for someone whose picture was shared,
threatened, faked or sent unasked, the words to paste into each named app's own report form,
its route, its source and the day it was checked; another app by POST; no box can be sent."""

from __future__ import annotations

import html as markup

import pytest

from safety_check.platform_reports import by_id, report_text
from safety_check.service.individual import report_texts
from tests.api.journey_walk import Walk, heading, walk
from tests.api.test_evidence_log import boxes, urgent_page

__all__ = ["walk"]  # the fixture
SHARED = {"profile.age_band": "18_plus", "situation.image_shared": "yes"}
APPS = [("_shown", "profile.apps"), ("profile.apps", "instagram"), ("profile.apps", "snapchat")]
SECTION = 'id="reports-heading"'


def test_each_kind_follows_from_its_answer() -> None:
    assert report_texts.kinds({"situation.threat_to_share": "yes"}) == ["threat_to_share"]
    assert report_texts.kinds({"deepfakes.fake_image_of_you": "yes"}) == ["fake_image"]
    assert report_texts.kinds({"nearby_sharing.unwanted_sexual_image": "yes"}) == ["unwanted_image"]
    assert report_texts.kinds({"situation.image_shared": "not_sure"}) == []
    both = {"situation.threat_to_share": "yes", "situation.image_shared": "yes"}
    assert report_texts.kinds(both) == ["shared_without_consent", "threat_to_share"]


def test_only_named_apps_with_a_route_get_a_card_and_the_rest_can_be_picked() -> None:
    raw = {**SHARED, "profile.apps": ["telegram", "snapchat", "instagram"]}
    assert [card.platform.id for card in report_texts.cards(raw)] == ["instagram", "snapchat"]
    others = [platform.id for platform in report_texts.others(raw)]
    assert "instagram" not in others and "roblox" in others and "discord" in others
    assert report_texts.cards({"profile.apps": ["instagram"]}) == []  # nothing to report


async def plan_page(walk: Walk, answers: dict[str, str], apps: list[tuple[str, str]]) -> str:
    fields = [("_step", "plan"), *answers.items(), *apps]
    form: dict[str, list[str]] = {}
    for name, value in fields:
        form.setdefault(name, []).append(value)
    page = await walk.client.post(
        "/check",
        data={**form, "_journey": walk.token},
        headers={"Accept": "text/html", "Origin": "http://testserver.local"},
    )
    return str(page.text)


async def test_the_plan_shows_the_words_route_source_and_date_for_each_named_app(
    walk: Walk,
) -> None:
    text = markup.unescape(await plan_page(walk, SHARED, APPS))
    assert SECTION in text
    for platform_id in ("instagram", "snapchat"):
        platform = by_id(platform_id)
        words = report_text(platform, kind="shared_without_consent", age_band="18_plus")
        assert words in text
        assert platform.how_to_report[0] in text
        assert f'href="{platform.source_url}"' in text and f'href="{platform.report_url}"' in text
    assert "checked 6 December 2026" in text
    assert "TikTok" in text.split('id="report-platform"')[1]  # another app can be picked
    report_boxes = [box for box in boxes(text) if box[0].startswith("report-") and box[2] is None]
    assert len(report_boxes) == 2
    assert all(name is None and not in_form for _, in_form, name in report_boxes)
    assert 'type="file"' not in text


async def test_the_words_sit_below_the_step_that_says_they_are_below(walk: Walk) -> None:
    text = markup.unescape(await plan_page(walk, SHARED, APPS))
    for platform_id in ("instagram", "snapchat"):
        card = text.split(f'id="report-{platform_id}-')[0].rsplit('<p class="platform">', 1)[1]
        assert "paste the words below" in card.split("<ol>")[1], platform_id


async def test_an_under_18_gets_the_words_that_say_so(walk: Walk) -> None:
    text = markup.unescape(await plan_page(walk, {**SHARED, "profile.age_band": "13_15"}, APPS))
    assert "I am under 18" in text


async def test_no_section_when_no_report_fits(walk: Walk) -> None:
    text = await plan_page(walk, {"profile.age_band": "18_plus"}, APPS)
    assert heading(text) == "Your plan"
    assert SECTION not in text


async def test_another_app_is_picked_by_post_and_back_returns(walk: Walk) -> None:
    threatened = {"profile.age_band": "18_plus", "situation.threat_to_share": "yes"}
    urgent = await urgent_page(walk, threatened)
    assert SECTION in urgent  # apps aren't asked yet: only the list to pick from
    picked = await walk.post(
        {"_step": "platform_report", "_at": "urgent", "_platform": "discord", **threatened}
    )
    assert picked.url.path == "/check" and "discord" not in str(picked.url)
    text = markup.unescape(picked.text)
    assert heading(text) == "Report it to Discord"
    assert report_text(by_id("discord"), kind="threat_to_share", age_band="18_plus") in text
    back = await walk.post({"_step": "return", "_return": "urgent", **threatened})
    assert 'id="urgent-heading"' in back.text


@pytest.mark.parametrize("platform", ["nowhere", ""])
async def test_an_unknown_app_goes_back_to_the_page(walk: Walk, platform: str) -> None:
    threatened = {"profile.age_band": "18_plus", "situation.threat_to_share": "yes"}
    await urgent_page(walk, threatened)
    page = await walk.post(
        {"_step": "platform_report", "_at": "urgent", "_platform": platform, **threatened}
    )
    assert 'id="urgent-heading"' in page.text
