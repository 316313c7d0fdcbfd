"""Crisis first (issue 18, point 1, and issue 17's first page for helpers), over HTTP: who the
check is for on its own first page; what is happening before devices and apps; "have you paid?"
on the safety page; a crisis way in from the start page; step counts that never change part-way;
skipped questions shown as skipped; errors that name their question."""

from __future__ import annotations

import re

from safety_check.service.individual.form import check
from safety_check.service.platform.template_i18n import translate
from tests.api.journey_walk import Client, Walk, form_token, heading, walk

__all__ = ["walk"]  # the fixture
THREATENED = {"profile.age_band": "13_15", "situation.threat_to_share": "yes"}


def names(html: str) -> list[str]:
    """The questions on a page, in order."""
    return list(
        dict.fromkeys(re.findall(r'<input type="(?:radio|checkbox)" [^>]*name="([^"]+)"', html))
    )


def progress(html: str) -> str | None:
    found = re.search(r'<p class="progress">([^<]+)</p>', html)
    return found.group(1) if found else None


async def test_who_it_is_for_has_its_own_first_page(client: Client) -> None:
    first = await client.get("/check")
    assert names(first.text) == ["profile.for_whom"]
    assert progress(first.text) == "Step 1 of 3"


async def test_after_choosing_someone_else_the_next_page_speaks_about_them(walk: Walk) -> None:
    about = await walk.post({"_at": "who", "_step": "next", "profile.for_whom": "my_child"})
    assert heading(about.text) == "About them"
    assert "How old are they?" in about.text
    assert "How old are you?" not in about.text
    mine = await walk.post({"_at": "who", "_step": "next", "profile.for_whom": "me"})
    assert heading(mine.text) == "About you" and "How old are you?" in mine.text


async def test_what_is_happening_comes_before_devices_and_apps(walk: Walk) -> None:
    about = await walk.post({"_at": "who", "_step": "next"})
    asked = names(about.text)
    assert asked[:4] == [
        "profile.age_band",
        "profile.nation",
        "situation.threat_to_share",
        "situation.image_shared",
    ]
    assert "profile.devices" not in asked and "profile.apps" not in asked
    devices = await walk.post({"_at": "about", "_step": "about", "situation.threat_to_share": "no"})
    assert names(devices.text) == ["profile.devices", "profile.apps"]


async def test_someone_who_already_paid_reads_it_on_the_urgent_page(walk: Walk) -> None:
    safety = await walk.post({"_at": "about", "_step": "about", **THREATENED})
    assert heading(safety.text) == "Before your next steps"
    assert "sextortion.paid_money" in names(safety.text)
    paid = {**THREATENED, "sextortion.paid_money": "yes"}
    urgent = await walk.post({"_at": "safety", "_step": "next", **paid})
    assert 'id="urgent-heading"' in urgent.text
    assert "that you paid" in urgent.text
    urgent_unpaid = await walk.post(
        {"_at": "safety", "_step": "next", **THREATENED, "sextortion.paid_money": "no"}
    )
    assert "that you paid" not in urgent_unpaid.text


async def test_the_start_page_has_a_crisis_way_in_and_numbers(client: Client) -> None:
    start = await client.get("/")
    assert 'name="_step" value="now"' in start.text
    assert '<a href="tel:999">999</a>' in start.text
    assert '<a href="tel:08001111">0800 1111</a>' in start.text
    walk = Walk(client)
    walk.token = form_token(start.text)
    now = await walk.post({"_step": "now"})
    assert names(now.text) == [
        "situation.threat_to_share",
        "situation.image_shared",
        "profile.age_band",
    ]
    assert '<a href="tel:999">999</a>' in now.text and "tel:08001111" in now.text
    assert re.search(r'name="profile.for_whom" value="me"', now.text)
    safety = await walk.post(
        {"_at": "now", "_step": "next", "profile.for_whom": "me", **THREATENED}
    )
    assert heading(safety.text) == "Before your next steps"
    urgent = await walk.post({"_at": "safety", "_step": "next", **THREATENED})
    assert 'id="urgent-heading"' in urgent.text
    calm = await walk.post({"_at": "now", "_step": "next", "situation.threat_to_share": "no"})
    assert heading(calm.text) == "About you"


async def test_step_counts_never_change_part_way(walk: Walk) -> None:
    data: dict[str, str] = {"_at": "who", "_step": "next", "profile.age_band": "18_plus"}
    seen: list[str] = ["Step 1 of 3"]
    everything = {"profile.apps": "dating_apps", "profile.devices": "iphone_ipad"}
    for _ in range(20):
        page = await walk.post(data)
        if heading(page.text) == "Check your answers":
            break
        label = progress(page.text)
        assert label is not None
        seen.append(label)
        at = re.search(r'name="_at" value="([^"]+)"', page.text)
        assert at is not None
        data = {"_at": at.group(1), "_step": "next", "profile.age_band": "18_plus", **everything}
    totals = {label.split(" ")[0]: label.rsplit(" ", 1)[1] for label in seen}
    assert totals["Step"] == "3"
    for label in seen:
        assert label.rsplit(" ", 1)[1] == totals[label.split(" ")[0]], seen
    assert [label for label in seen if label.startswith("Step")] == [
        "Step 1 of 3",
        "Step 2 of 3",
        "Step 3 of 3",
    ]


async def test_skipped_devices_and_apps_show_as_skipped(walk: Walk) -> None:
    review = await walk.post(
        {"_step": "review", "_shown": "profile.devices", "situation.threat_to_share": "no"}
    )
    assert heading(review.text) == "Check your answers"
    section = review.text.split("Your devices and apps</h2>", 1)[1].split("</section>", 1)[0]
    assert "0 answered, 2 skipped" in section
    assert "None of these" not in review.text


def test_an_error_names_its_question() -> None:
    _, errors = check({"profile.age_band": "13_15", "profile.nation": "atlantis"})
    assert translate("en", errors["profile.nation"]).startswith("Where in the UK do you live?")
    _, errors = check(
        {"profile.for_whom": "my_child", "profile.age_band": "13_15", "profile.nation": "mars"}
    )
    assert translate("en", errors["profile.nation"]).startswith("Where in the UK do they live?")
