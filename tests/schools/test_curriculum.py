"""From figures to a lesson: every area links to its strands, its statutory RSHE topics and at
least one free lesson or resource from a recognised source, each with its address and the day
it was checked, and says plainly where an address was not checked."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

import pytest

from safety_check.models import AREAS
from safety_check.schools.curriculum import RSHE_NOTE, TEACHING

RECOGNISED = ("ProjectEVOLVE", "CEOP Education", "Thinkuknow", "NSPCC", "PSHE Association", "Hwb")
RSHE_TOPICS = {
    "RSE: Online and media",
    "RSE: Being safe",
    "RSE: Respectful relationships, including friendships",
    "RSE: Intimate and sexual relationships, including sexual health",
    "Health education: Internet safety and harms",
}


@pytest.mark.parametrize("area", AREAS)
def test_each_area_has_rshe_topics_and_a_checked_free_lesson(area: str) -> None:
    teaching = TEACHING[area]  # type: ignore[index]
    assert teaching.strands and teaching.rshe and set(teaching.rshe) <= RSHE_TOPICS
    assert teaching.lessons
    assert any(lesson.verified for lesson in teaching.lessons), "no lesson with a checked address"
    for lesson in teaching.lessons:
        assert any(name in lesson.provider for name in RECOGNISED), lesson.provider
        address = urlparse(lesson.url)
        assert address.scheme == "https" and address.netloc, lesson.url
        assert dt.date.fromisoformat(lesson.checked) <= dt.date(2026, 12, 6)
        if not lesson.verified:
            assert "not checked" in lesson.note or "not confirmed" in lesson.note, lesson


def test_the_rshe_headings_say_which_guidance_they_come_from() -> None:
    assert "2019" in RSHE_NOTE and "2025" in RSHE_NOTE and "not checked" in RSHE_NOTE
