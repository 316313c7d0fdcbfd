"""Platform report routes and the words to paste into a platform's own report form."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from safety_check.models import AgeBand
from safety_check.platform_reports import (
    CONFIDENCE,
    KINDS,
    PLATFORM_REPORTS,
    SOURCES,
    by_id,
    report_text,
)
from safety_check.questionnaire import QUESTIONS_BY_ID
from tests.rules.test_sources import kind as source_kind

SRC = Path(__file__).resolve().parent.parent / "src" / "safety_check"
AGES: tuple[AgeBand, ...] = ("under_13", "13_15", "16_17", "18_plus")
CITED = {source.url: source for source in SOURCES}
# A report text needs nothing from the person but the words: no picture, no file, no account
# of what happened in their own words.
ASKS_FOR_MORE = re.compile(
    r"\b(attach|upload|screenshot|send (?:us|a) (?:copy|picture|photo)|describe|tell us what)\b",
    re.IGNORECASE,
)


def test_the_ten_platforms_people_name_most() -> None:
    ids = [platform.id for platform in PLATFORM_REPORTS]
    assert ids == [
        "instagram",
        "snapchat",
        "tiktok",
        "whatsapp",
        "facebook",
        "x",
        "discord",
        "youtube",
        "roblox",
        "dating_apps",
    ]
    apps = {option.id for option in QUESTIONS_BY_ID["profile.apps"].options}
    # Ids match the app choices, so a plan can look up the platforms a person named.
    assert set(ids) - apps == {"roblox"}
    assert by_id("tiktok").name == "TikTok"
    with pytest.raises(KeyError):
        by_id("myspace")


def test_each_report_and_source_address_is_unique_https_and_cited() -> None:
    for field in ("report_url", "source_url"):
        urls = [getattr(platform, field) for platform in PLATFORM_REPORTS]
        assert len(urls) == len(set(urls)), f"two platforms share a {field}"
        for url in urls:
            assert urlsplit(url).scheme == "https", url
            assert url in CITED, f"{url} is not a cited source"


def test_an_address_cited_elsewhere_is_reused_not_written_again() -> None:
    own = (SRC / "platform_reports.py").read_text()
    others = "\n".join(
        path.read_text() for path in SRC.rglob("*.py") if path.name != "platform_reports.py"
    )
    written_here = re.findall(r'"(https://[^"]+)"', own)
    assert len(written_here) == len(set(written_here))
    for url in written_here:
        assert f'"{url}"' not in others, f"{url} is already cited: import its constant"
    assert set(written_here) <= set(CITED)


def test_a_checked_route_rests_on_the_platforms_own_page() -> None:
    for platform in PLATFORM_REPORTS:
        assert platform.confidence in CONFIDENCE, platform.id
        datetime.date.fromisoformat(platform.checked)
        cited = CITED[platform.source_url]
        if platform.confidence == "checked":
            assert source_kind(cited) == "platform" and not cited.weak, platform.id
        else:
            # A route only a secondary page describes must not be cited as if it were settled.
            assert cited.weak or platform.id in {"x", "dating_apps"}, platform.id
        assert source_kind(CITED[platform.report_url]) == "platform", platform.id


def test_every_route_ends_with_pasting_the_words_and_never_a_picture() -> None:
    for platform in PLATFORM_REPORTS:
        assert 3 <= len(platform.how_to_report) <= 6, platform.id
        assert "never send a picture" in platform.how_to_report[-1]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("age", AGES)
def test_report_text_is_first_person_and_says_when_they_are_a_child(
    kind: str, age: AgeBand
) -> None:
    for platform in PLATFORM_REPORTS:
        text = report_text(platform, kind=kind, age_band=age)
        assert re.search(r"\b(me|I)\b", text), text
        assert not ASKS_FOR_MORE.search(text), text
        assert len(text.split()) <= 60, text
        if age == "18_plus":
            assert "under 1" not in text and "child" not in text, text
        else:
            assert "I am under 18" in text and "under 13" not in text, text
            assert "child" in text, text


def test_the_words_name_the_platform_they_are_sent_to() -> None:
    text = report_text(by_id("instagram"), kind="shared_without_consent", age_band="16_17")
    assert text == (
        "This is an intimate image of me, shared without my consent. I am under 18, so this is "
        "a sexual image of a child. Please remove it from Instagram and stop it being shared "
        "again."
    )
    dating = report_text(by_id("dating_apps"), kind="fake_image", age_band="18_plus")
    assert "from this app" in dating


def test_an_unknown_kind_of_report_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        report_text(by_id("x"), kind="bullying", age_band="18_plus")
