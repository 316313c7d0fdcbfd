"""Choosing a language: Accept-Language, offered languages, and catalogues read once."""

from __future__ import annotations

import pytest

from safety_check import i18n
from safety_check.service.platform.template_i18n import chosen_language
from safety_check.settings import Settings


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("cy", "cy"),
        ("cy-GB,cy;q=0.9,en;q=0.8", "cy"),
        ("en-GB,en;q=0.9,cy;q=0.8", "en"),  # Welsh only when preferred over English
        ("en;q=0.5,cy;q=0.9", "cy"),  # quality values, not order of writing, decide
        ("fr-FR,de", "en"),
        ("cy;q=0", "en"),
        ("*", "en"),
        ("cy;q=abc,en", "en"),
    ],
)
def test_accept_language_picks_welsh_only_when_preferred(header: str | None, expected: str) -> None:
    assert i18n.negotiate(header, offered=("en", "cy")) == expected


def test_a_language_not_offered_is_never_chosen() -> None:
    assert i18n.negotiate("cy", offered=("en",)) == "en"
    english_only = Settings(languages=("en",))
    assert chosen_language("xx", english_only) is None
    assert chosen_language("cy", english_only) is None
    assert chosen_language("en", english_only) == "en"


def test_english_is_the_source_and_needs_no_catalogue() -> None:
    assert i18n.gettext("en", "Start the check") == "Start the check"
    assert i18n.pgettext("en", "ui:button", "Next") == "Next"
    assert i18n.npgettext("en", "report", "{n} student", "{n} students", 2) == "{n} students"


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("y gwasanaeth cyfieithu", "a'r gwasanaeth cyfieithu"),
        ("yr isafswm oed o 13", "a'r isafswm oed o 13"),
        ("oriau agor", "ac oriau agor"),
        ("a ydyn nhw'n rhoi cymorth", "ac a ydyn nhw'n rhoi cymorth"),
        ("pa rai o'u gwasanaethau", "a pha rai o'u gwasanaethau"),
        ("eu rhif ffôn", "a'u rhif ffôn"),
        ("faint maen nhw'n gallu helpu", "a faint maen nhw'n gallu helpu"),
        ("Childline", "a Childline"),
    ],
)
def test_welsh_and_takes_the_form_the_next_word_needs(item: str, expected: str) -> None:
    assert i18n.welsh_and(item) == expected


def test_a_please_check_list_in_welsh_never_reads_a_y() -> None:
    """The text plan and the web join a service's unconfirmed details alike: "a'r", not "a y"."""
    from safety_check.content_language import resources_in
    from safety_check.models import SupportItem
    from safety_check.textplan import _please_check

    resource = resources_in("cy")["scotland_domestic_abuse_helpline"]
    line = " ".join(
        " ".join(_please_check(SupportItem(resource=resource, reason=""), "cy")).split()
    )
    assert "a'r gwasanaeth cyfieithu" in line
    assert " a y " not in line
    english = i18n.and_list("en", ("the phone numbers", "the hours"), " and ")
    assert english == "the phone numbers and the hours"


def test_the_web_joins_a_please_check_list_the_same_way() -> None:
    """The web's support list (templates/_support.html) uses the same join as the text plan."""
    from html import unescape

    from safety_check.answers import validate
    from safety_check.plan import build_plan
    from tests.test_personas import web_page

    answers = {
        "profile.age_band": "18_plus",
        "profile.nation": "scotland",
        "situation.image_shared": "yes",
    }
    plan = build_plan(validate(answers), "cy")
    page = web_page(plan, urgent_only=False, language="cy")
    text = unescape(page)
    assert "a'r isafswm oed o 13" in text
    assert " a yr " not in text and " a y " not in text
