"""Support routing for every age band and situation, and the resources catalogue itself."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from safety_check.answers import validate
from safety_check.models import AGE_BANDS, UNDER_18
from safety_check.questionnaire import QUESTIONS_BY_ID
from safety_check.resources import RESOURCES, contact_line, render_resource_mentions, suits_age
from safety_check.routing import HURT_QUESTIONS, route, situation_of

ADULT_ONLY = {"stopncii", "revenge_porn_helpline"}
CHILD_ONLY = {"childline", "ceop", "report_remove"}
CHILD_ROUTE = {"childline", "ceop", "report_remove", "take_it_down"}
ALWAYS = {"police_emergency", "police_non_emergency", "crimestoppers", "victim_support"}
SRC = Path(__file__).parents[1] / "src" / "safety_check"

THREATS = ["yes", "no", "prefer_not_to_say", None]
SHARED = ["yes", "no", "not_sure", None]
PAID = ["yes", "no", None]
SCAM = ["yes", "no", None]


def combinations() -> list[dict[str, str]]:
    cases = []
    for age, threat, shared, paid, scam in itertools.product(
        AGE_BANDS, THREATS, SHARED, PAID, SCAM
    ):
        raw = {"profile.age_band": age}
        if threat:
            raw["situation.threat_to_share"] = threat
        if shared:
            raw["situation.image_shared"] = shared
        if paid:
            if threat != "yes":
                continue  # only asked of people who are being threatened
            raw["sextortion.paid_money"] = paid
        if scam:
            raw["webcam.recorded_you_message"] = scam
        cases.append(raw)
    return cases


CASES = combinations()


@pytest.mark.parametrize("raw", CASES, ids=lambda raw: "-".join(raw.values()))
def test_routing_for_every_combination(raw: dict[str, str]) -> None:
    situation = situation_of(validate(raw))
    offered = [item.resource.id for item in route(situation)]
    ids = set(offered)
    assert len(offered) == len(ids), "a service is listed twice"
    assert offered[0] == "police_emergency", "999 comes first, always"
    assert ids >= ALWAYS
    for item in route(situation):
        assert suits_age(item.resource, situation.age_band)
        assert item.reason
    urgent = (
        raw.get("situation.threat_to_share") == "yes" or raw.get("situation.image_shared") == "yes"
    )
    if situation.age_band in UNDER_18:
        assert not ids & ADULT_ONLY, "under-18s are never routed to adults-only services"
        assert ids >= CHILD_ROUTE
    else:
        assert not ids & CHILD_ONLY, "adults are not sent to child services"
        assert ids >= ADULT_ONLY
        assert ("take_it_down" in ids) == (raw.get("situation.image_shared") == "yes")
    assert ("report_harmful_content" in ids) == (situation.age_band != "under_13")
    distressed = (
        urgent
        or raw.get("situation.threat_to_share") == "prefer_not_to_say"
        or raw.get("webcam.recorded_you_message") == "yes"
    )
    assert ("samaritans" in ids) == distressed
    assert ("shout" in ids) == distressed
    assert ("report_fraud" in ids) == (raw.get("sextortion.paid_money") == "yes")
    assert ("ncsc_phishing" in ids) == (raw.get("webcam.recorded_you_message") == "yes")


@pytest.mark.parametrize("question", HURT_QUESTIONS)
@pytest.mark.parametrize("age_band", ["13_15", "18_plus"])
def test_anyone_hurt_in_another_way_is_shown_someone_to_talk_to(
    question: str, age_band: str
) -> None:
    """A fake nude, an "I recorded you" message, an unwanted sexual picture or being rushed for
    pictures: a distress route sits next to that advice, as it does in the urgent lane."""
    assert "yes" in {option.id for option in QUESTIONS_BY_ID[question].options}
    raw = {"profile.age_band": age_band, **prerequisites(question)}
    calm = {item.resource.id for item in route(situation_of(validate({**raw, question: "no"})))}
    hurt = {item.resource.id for item in route(situation_of(validate({**raw, question: "yes"})))}
    assert not calm & {"samaritans", "shout"}
    assert hurt >= {"samaritans", "shout"}


def prerequisites(question: str) -> dict[str, str | list[str]]:
    """Answers that make `question` one that is asked."""
    if question.startswith("nearby_sharing."):
        return {"profile.devices": ["iphone_ipad"]}
    return {}


def test_reasons_say_where_a_service_does_not_reach() -> None:
    """Report Fraud does not cover Scotland and Victim Support covers England and Wales."""
    raw = {
        "profile.age_band": "18_plus",
        "situation.threat_to_share": "yes",
        "sextortion.paid_money": "yes",
    }
    reasons = {item.resource.id: item.reason for item in route(situation_of(validate(raw)))}
    assert "Scotland" in reasons["report_fraud"]
    assert RESOURCES["police_non_emergency"].phone in reasons["report_fraud"]
    assert "England and Wales" in reasons["victim_support"]


def test_the_combinations_cover_every_age_and_situation() -> None:
    assert len(CASES) > 4 * 4 * 4 * 3
    assert {case["profile.age_band"] for case in CASES} == set(AGE_BANDS)


def test_exact_route_for_a_threatened_14_year_old() -> None:
    raw = {"profile.age_band": "13_15", "situation.threat_to_share": "yes"}
    assert [item.resource.id for item in route(situation_of(validate(raw)))] == [
        "police_emergency",
        "childline",
        "ceop",
        "report_remove",
        "take_it_down",
        "police_non_emergency",
        "samaritans",
        "shout",
        "report_harmful_content",
        "crimestoppers",
        "victim_support",
    ]


def test_exact_route_for_an_adult_whose_image_was_shared() -> None:
    raw = {"profile.age_band": "18_plus", "situation.image_shared": "yes"}
    assert [item.resource.id for item in route(situation_of(validate(raw)))] == [
        "police_emergency",
        "take_it_down",
        "revenge_porn_helpline",
        "stopncii",
        "police_non_emergency",
        "samaritans",
        "shout",
        "report_harmful_content",
        "crimestoppers",
        "victim_support",
    ]


# The catalogue: the numbers people will dial must be exactly these.
EXPECTED_CONTACTS = {
    "police_emergency": ("999", None, None),
    "police_non_emergency": ("101", None, None),
    "childline": ("0800 1111", None, "https://www.childline.org.uk"),
    "ceop": (None, None, "https://www.ceop.police.uk/Safety-Centre/"),
    "revenge_porn_helpline": ("0345 6000 459", None, "https://revengepornhelpline.org.uk"),
    "stopncii": (None, None, "https://stopncii.org"),
    "take_it_down": (None, None, "https://takeitdown.ncmec.org"),
    "crimestoppers": ("0800 555 111", None, "https://crimestoppers-uk.org"),
    "victim_support": ("08 08 16 89 111", None, "https://www.victimsupport.org.uk"),
    "samaritans": ("116 123", None, "https://www.samaritans.org"),
    "shout": (None, "Text SHOUT to 85258", "https://giveusashout.org"),
    "report_fraud": ("0300 123 2040", None, "https://www.reportfraud.police.uk"),
    "report_harmful_content": (None, None, "https://reportharmfulcontent.com"),
    "ncsc_phishing": (None, "Forward the email to report@phishing.gov.uk", None),
}


@pytest.mark.parametrize("resource_id", sorted(RESOURCES))
def test_catalogue_contacts_are_exact(resource_id: str) -> None:
    resource = RESOURCES[resource_id]
    if resource_id == "report_remove":
        assert resource.url is not None
        assert resource.url.startswith("https://www.childline.org.uk/")
        return
    assert resource_id in EXPECTED_CONTACTS, "add the new service's expected contact here"
    assert (resource.phone, resource.text, resource.url) == EXPECTED_CONTACTS[resource_id]
    assert resource.source.startswith("https://")
    assert resource.summary and resource.audience


def test_age_limits_of_the_catalogue() -> None:
    for resource_id in ADULT_ONLY:
        assert RESOURCES[resource_id].min_age == 18
    for resource_id in CHILD_ONLY:
        assert RESOURCES[resource_id].max_age in (17, 18)
    assert RESOURCES["childline"].max_age == 18  # Childline is for under-19s


def test_each_number_and_service_address_is_written_once_in_the_source() -> None:
    texts = {path: path.read_text() for path in SRC.rglob("*.py")}
    contacts = []
    for resource in RESOURCES.values():
        if resource.phone and len(resource.phone) > 3:
            contacts.append(resource.phone)
        if resource.url:
            contacts.append(f'"{resource.url}"')
    contacts += ["85258", "report@phishing.gov.uk"]
    for contact in contacts:
        homes = [path.name for path, text in texts.items() if contact in text]
        count = sum(text.count(contact) for text in texts.values())
        assert homes == ["resources.py"] and count == 1, f"{contact} written in {homes} x{count}"


def test_short_emergency_numbers_only_in_the_catalogue() -> None:
    pattern = re.compile(r"(?<![\d.])(999|101|116 123)(?![\d])")
    for path in SRC.rglob("*.py"):
        if path.name == "resources.py":
            continue
        for line in path.read_text().splitlines():
            assert not pattern.search(line), f"{path.name}: {line.strip()}"


def test_mentions_render_with_contact_details() -> None:
    assert render_resource_mentions("Talk to {childline}.") == (
        "Talk to Childline (call 0800 1111, www.childline.org.uk)."
    )
    assert contact_line(RESOURCES["shout"]) == "Shout (Text SHOUT to 85258, giveusashout.org)"
