"""Support routing for every age, nation and situation, and the resources catalogue itself."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import msgspec
import pytest

from safety_check.answers import validate
from safety_check.engine import COMPILED_RULES
from safety_check.models import AGE_BANDS, NATIONS, AgeBand, Answers, Nation
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import (
    RESOURCES,
    contact_line,
    contact_template,
    covers,
    render_resource_mentions,
    suits_age,
)
from safety_check.routing import HARM_OPTIONS, ROUTES, Situation, route, sentences, situation_of

ADULT_ONLY = {"stopncii", "revenge_porn_helpline"}
CHILD_ONLY = {"childline", "ceop", "report_remove"}
CHILD_ROUTE = {"childline", "ceop", "report_remove", "take_it_down"}
TAKE_DOWN = {"report_remove", "take_it_down", "stopncii", "revenge_porn_helpline"}
ALWAYS = {"police_emergency", "police_non_emergency", "crimestoppers"}
VICTIM_SUPPORT = {
    "england": "victim_support",
    "wales": "victim_support",
    "scotland": "victim_support_scotland",
    "northern_ireland": "victim_support_ni",
}
DOMESTIC_ABUSE = {
    "england": "national_domestic_abuse_helpline",
    "wales": "live_fear_free",
    "scotland": "scotland_domestic_abuse_helpline",
    "northern_ireland": "ni_domestic_sexual_abuse_helpline",
}
SEXUAL_VIOLENCE = {
    "england": "rape_crisis_england_wales",
    "wales": "rape_crisis_england_wales",
    "scotland": "rape_crisis_scotland",
    "northern_ireland": "ni_domestic_sexual_abuse_helpline",
}
SRC = Path(__file__).parents[1] / "src" / "safety_check"
AGES: list[AgeBand | None] = [*AGE_BANDS, None]
PLACES: list[Nation | None] = [*NATIONS, None]
FLAGS = (
    "threatened",
    "image_shared",
    "unsure",
    "money_lost",
    "scam_message",
    "hurt",
    "watched",
    "own_image",
)


def situations() -> list[Situation]:
    """Every age (known or not) x nation (known or not) x situation the answers can give."""
    cases = []
    for age, nation, bits in itertools.product(AGES, PLACES, range(2 ** len(FLAGS))):
        flags = {flag: bool(bits >> i & 1) for i, flag in enumerate(FLAGS)}
        urgent = flags["threatened"] or flags["image_shared"]
        if flags["unsure"] and urgent:
            continue  # unsure means neither threat nor shared image was a yes
        if flags["money_lost"] and not flags["threatened"]:
            continue  # only asked of people who are being threatened
        if flags["scam_message"] and flags["threatened"]:
            continue  # a real threat is never treated as a guessing scam
        cases.append(Situation(age_band=age, nation=nation, **flags))
    return cases


SITUATIONS = situations()


def ids_for(situation: Situation) -> list[str]:
    return [item.resource.id for item in route(situation)]


def test_every_age_nation_and_situation_gets_age_and_nation_correct_help() -> None:
    assert len(SITUATIONS) == 5 * 5 * 80
    for situation in SITUATIONS:
        items = route(situation)
        offered = [item.resource.id for item in items]
        ids = set(offered)
        where = f"{situation!r}: {offered}"
        assert len(offered) == len(ids), f"a service is listed twice: {where}"
        assert offered[0] == "police_emergency", where
        assert ids >= ALWAYS, where
        assert all(item.reason for item in items), where
        for item in items:
            resource = item.resource
            assert covers(resource, situation.nation), f"{resource.id} outside its nation: {where}"
            if situation.nation is not None and resource.nations:
                assert situation.nation in resource.nations, f"{resource.id}: {where}"
            if situation.age_band is not None:
                assert suits_age(resource, situation.age_band), f"{resource.id}: {where}"
            if situation.nation is None and resource.nations:
                assert "live in " in item.reason, f"{resource.id} must say where: {item.reason}"
            if situation.age_band is None and (resource.min_age or resource.max_age):
                assert item.reason.startswith("If you are "), item.reason
        # Take-down services go to anyone a picture of whom may exist, and to anyone who told
        # of no harm; never to someone hurt only in another way (sent someone else's picture).
        take_down = situation.needs_image_removal
        if not take_down:
            assert not ids & TAKE_DOWN, f"take-down offered with no picture of them: {where}"
        if situation.child:
            assert not ids & ADULT_ONLY, f"under-18 sent to an adults-only service: {where}"
            assert ids >= (CHILD_ROUTE if take_down else CHILD_ROUTE - TAKE_DOWN), where
        elif situation.adult:
            assert not ids & CHILD_ONLY, f"adult sent to child services: {where}"
            assert ids >= (ADULT_ONLY if take_down else set()), where
        else:
            both = CHILD_ROUTE | ADULT_ONLY
            assert ids >= (both if take_down else both - TAKE_DOWN), f"age unknown: {where}"
        nations = NATIONS if situation.nation is None else (situation.nation,)
        assert ids >= {VICTIM_SUPPORT[nation] for nation in nations}, where
        if situation.watched:
            for nation in nations:
                service = RESOURCES[DOMESTIC_ABUSE[nation]]
                if situation.child and nation in ("england", "wales"):
                    continue  # no age rule on their own pages: Childline and CEOP instead
                assert service.id in ids, f"{service.id} missing: {where}"
        if situation.urgent or situation.unsure or situation.hurt:
            for nation in nations:
                service = RESOURCES[SEXUAL_VIOLENCE[nation]]
                if situation.age_band is None or suits_age(service, situation.age_band):
                    assert service.id in ids, f"{service.id} missing: {where}"
        distressed = situation.urgent or situation.unsure or situation.hurt
        assert ("samaritans" in ids) == distressed, where
        assert ("shout" in ids) == distressed, where
        assert ("report_fraud" in ids) == (
            situation.money_lost and situation.nation != "scotland"
        ), where
        assert ("ncsc_phishing" in ids) == situation.scam_message, where


def test_the_two_services_for_men_and_lgbt_people_say_who_they_are_for() -> None:
    situation = Situation(age_band="18_plus", nation="wales", watched=True)
    reasons = {item.resource.id: item.reason for item in route(situation)}
    assert "for men" in reasons["mens_advice_line"]
    assert "LGBT+ people" in reasons["galop"]
    england = {i.resource.id: i.reason for i in route(Situation(nation="england", watched=True))}
    assert "for women" in england["national_domestic_abuse_helpline"]
    assert list(reasons).index("live_fear_free") < list(reasons).index("revenge_porn_helpline")


def test_someone_unsure_gets_the_urgent_services_with_calm_reasons() -> None:
    for age, nation in itertools.product(AGES, PLACES):
        unsure = route(Situation(age_band=age, nation=nation, unsure=True))
        urgent = route(Situation(age_band=age, nation=nation, image_shared=True))
        assert [i.resource.id for i in unsure] == [i.resource.id for i in urgent]
        calm = [
            i.reason
            for i in unsure
            if i.reason != {u.resource.id: u.reason for u in urgent}[i.resource.id]
        ]
        assert calm, "the unsure reasons differ from the urgent ones"
        assert any("something like this is happening" in reason for reason in calm)
        assert not any(re.search(r"\bnow\b", reason) for reason in calm)


def test_age_unknown_reasons_say_who_each_service_is_for() -> None:
    reasons = {i.resource.id: i.reason for i in route(Situation(nation="england"))}
    assert reasons["childline"].startswith("If you are under 18: ")
    assert reasons["ceop"].startswith("If you are under 18 and ")
    assert reasons["stopncii"].startswith("If you are 18 or over and ")
    assert reasons["revenge_porn_helpline"].startswith("If you are 18 or over and ")
    assert reasons["police_emergency"] == "If you are in danger right now."


def test_report_fraud_routes_by_nation() -> None:
    """Report Fraud does not cover Scotland: Police Scotland takes those reports on 101."""
    scotland = {
        i.resource.id: i.reason
        for i in route(Situation(nation="scotland", threatened=True, money_lost=True))
    }
    assert "report_fraud" not in scotland
    assert "Police Scotland" in scotland["police_non_emergency"]
    unknown = {i.resource.id: i.reason for i in route(Situation(threatened=True, money_lost=True))}
    assert unknown["report_fraud"].startswith("If you live in England, Wales or Northern Ireland")
    assert "In Scotland" in unknown["report_fraud"]
    assert RESOURCES["police_non_emergency"].phone in unknown["report_fraud"]
    wales = {
        i.resource.id: i.reason
        for i in route(Situation(nation="wales", threatened=True, money_lost=True))
    }
    assert "Scotland" not in wales["report_fraud"]


def test_victim_support_by_nation() -> None:
    for nation, service in VICTIM_SUPPORT.items():
        ids = set(ids_for(Situation(age_band="18_plus", nation=nation)))
        assert ids & set(VICTIM_SUPPORT.values()) == {service}
    reasons = {i.resource.id: i.reason for i in route(Situation(age_band="18_plus"))}
    assert "England or Wales" in reasons["victim_support"]
    assert "Scotland" in reasons["victim_support_scotland"]
    assert "Northern Ireland" in reasons["victim_support_ni"]


def test_watched_people_see_domestic_abuse_help_near_the_top() -> None:
    for nation, service in DOMESTIC_ABUSE.items():
        offered = ids_for(Situation(age_band="18_plus", nation=nation, watched=True))
        assert offered.index(service) <= 2, offered
        assert {"mens_advice_line", "galop"} <= set(offered)
    calm = ids_for(Situation(age_band="18_plus", nation="england"))
    assert not set(calm) & {*DOMESTIC_ABUSE.values(), "mens_advice_line", "galop"}


def test_a_watched_child_still_gets_childline_and_ceop_first() -> None:
    offered = ids_for(Situation(age_band="13_15", nation="scotland", watched=True, threatened=True))
    assert offered[:4] == [
        "police_emergency",
        "childline",
        "ceop",
        "scotland_domestic_abuse_helpline",
    ]
    england = ids_for(Situation(age_band="16_17", nation="england", watched=True))
    assert not {"national_domestic_abuse_helpline", "mens_advice_line", "galop"} & set(england)


def test_sexual_violence_services_by_nation_and_age() -> None:
    assert "rape_crisis_england_wales" in ids_for(
        Situation(age_band="16_17", nation="wales", image_shared=True)
    )
    assert "rape_crisis_england_wales" not in ids_for(
        Situation(age_band="13_15", nation="wales", image_shared=True)
    )
    assert "rape_crisis_scotland" in ids_for(
        Situation(age_band="13_15", nation="scotland", threatened=True)
    )
    assert "rape_crisis_scotland" not in ids_for(
        Situation(age_band="under_13", nation="scotland", threatened=True)
    )
    assert "ni_domestic_sexual_abuse_helpline" in ids_for(
        Situation(age_band="under_13", nation="northern_ireland", hurt=True)
    )
    assert "rape_crisis_england_wales" not in ids_for(
        Situation(age_band="18_plus", nation="england")
    )


def test_scam_advice_is_never_shown_to_someone_really_threatened() -> None:
    raw = {
        "profile.age_band": "18_plus",
        "situation.threat_to_share": "yes",
        "webcam.recorded_you_message": "yes",
    }
    situation = situation_of(validate(raw))
    assert situation.threatened and not situation.scam_message
    assert "ncsc_phishing" not in ids_for(situation)


def test_situation_of_reads_age_and_nation_and_allows_them_missing() -> None:
    assert situation_of(Answers({})) == Situation()
    answers = Answers({"profile.age_band": "13_15", "profile.nation": "not_sure"})
    assert situation_of(answers) == Situation(age_band="13_15")
    assert situation_of(Answers({"profile.nation": "wales"})).nation == "wales"
    unsure = situation_of(Answers({"situation.threat_to_share": "prefer_not_to_say"}))
    assert unsure.unsure and not unsure.urgent
    assert situation_of(Answers({"situation.image_shared": "not_sure"})).unsure
    both = Answers({"situation.image_shared": "not_sure", "situation.threat_to_share": "yes"})
    assert not situation_of(both).unsure
    assert situation_of(Answers({"getting_help.someone_checks_phone": "yes"})).watched
    known = Answers(
        {"situation.threat_to_share": "yes", "sextortion.who_is_threatening": "partner_or_ex"}
    )
    assert situation_of(known).watched


@pytest.mark.parametrize(
    ("question", "option"), [(q, o) for q, opts in HARM_OPTIONS.items() for o in opts]
)
def test_every_answer_that_tells_of_harm_shows_someone_to_talk_to(
    question: str, option: str
) -> None:
    kind = next(q.kind for q in QUESTIONNAIRE.questions if q.id == question)
    value: str | tuple[str, ...] = (option,) if kind == "multi" else option
    assert situation_of(Answers({question: value})).hurt
    assert {"samaritans", "shout"} <= set(ids_for(situation_of(Answers({question: value}))))


def test_harm_options_come_from_the_questionnaire() -> None:
    marked = {(q.id, o.id) for q in QUESTIONNAIRE.questions for o in q.options if o.harm}
    assert marked == {(q, o) for q, opts in HARM_OPTIONS.items() for o in opts}
    assert len(marked) >= 5


def test_routes_name_catalogued_services() -> None:
    assert {row.resource_id for row in ROUTES} <= set(RESOURCES)


def test_exact_route_for_a_threatened_14_year_old_in_england() -> None:
    raw = {
        "profile.age_band": "13_15",
        "profile.nation": "england",
        "situation.threat_to_share": "yes",
    }
    assert ids_for(situation_of(validate(raw))) == [
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
        "relay_uk",
    ]


def test_exact_route_for_an_adult_in_scotland_whose_image_was_shared() -> None:
    raw = {
        "profile.age_band": "18_plus",
        "profile.nation": "scotland",
        "situation.image_shared": "yes",
    }
    assert ids_for(situation_of(validate(raw))) == [
        "police_emergency",
        "take_it_down",
        "revenge_porn_helpline",
        "stopncii",
        "rape_crisis_scotland",
        "police_non_emergency",
        "samaritans",
        "shout",
        "report_harmful_content",
        "crimestoppers",
        "victim_support_scotland",
        "relay_uk",
    ]


# The catalogue: the numbers people will dial must be exactly these.
EXPECTED_CONTACTS = {
    "nspcc_helpline": ("0808 800 5000", None, "https://www.nspcc.org.uk"),
    "meic": ("080880 23456", "Text 84001", "https://www.meic.cymru"),
    "mermaids": ("0808 801 0400", None, "https://mermaidsuk.org.uk"),
    "emergency_sms": (None, "Text 999 (register first: text the word register to 999)", None),
    "emergency_bsl": (None, None, "https://999bsl.co.uk"),
    "police_emergency": ("999", None, None),
    "police_non_emergency": ("101", None, None),
    "childline": ("0800 1111", None, "https://www.childline.org.uk"),
    "ceop": (None, None, "https://www.ceop.police.uk/Safety-Centre/"),
    "revenge_porn_helpline": ("0345 6000 459", None, "https://revengepornhelpline.org.uk"),
    "stopncii": (None, None, "https://stopncii.org"),
    "take_it_down": (None, None, "https://takeitdown.ncmec.org"),
    "crimestoppers": ("0800 555 111", None, "https://crimestoppers-uk.org"),
    "victim_support": ("08 08 16 89 111", None, "https://www.victimsupport.org.uk"),
    "victim_support_scotland": ("0800 160 1985", None, "https://victimsupport.scot"),
    "victim_support_ni": (None, None, "https://www.victimsupportni.com"),
    "national_domestic_abuse_helpline": (
        "0808 2000 247",
        None,
        "https://www.nationaldahelpline.org.uk",
    ),
    "live_fear_free": (
        "0808 80 10 800",
        "Text 07860 077333",
        "https://www.gov.wales/live-fear-free",
    ),
    "scotland_domestic_abuse_helpline": (
        "0800 027 1234",
        "Text or WhatsApp 07401 288595",
        "https://sdafmh.org.uk",
    ),
    "ni_domestic_sexual_abuse_helpline": ("0808 802 1414", None, "https://dsahelpline.org"),
    "mens_advice_line": ("0808 801 0327", None, "https://mensadviceline.org.uk"),
    "galop": ("0800 999 5428", None, "https://galop.org.uk"),
    "rape_crisis_england_wales": (None, None, "https://247sexualabusesupport.org.uk"),
    "rape_crisis_scotland": ("08088 01 03 02", None, "https://www.rapecrisisscotland.org.uk"),
    "nexus_ni": ("028 9032 6803", None, "https://nexusni.org"),
    "relay_uk": (
        None,
        "Put 18001 before the number you want to call",
        "https://www.relayuk.bt.com",
    ),
    "samaritans": ("116 123", "Email jo@samaritans.org", "https://www.samaritans.org"),
    "shout": (None, "Text SHOUT to 85258", "https://giveusashout.org"),
    "report_fraud": ("0300 123 2040", None, "https://www.reportfraud.police.uk"),
    "report_harmful_content": (None, None, "https://reportharmfulcontent.com"),
    "ncsc_phishing": (None, "Forward the email to report@phishing.gov.uk", None),
}


@pytest.mark.parametrize("resource_id", sorted(RESOURCES))
def test_catalogue_contacts_are_exact(resource_id: str) -> None:
    resource = RESOURCES[resource_id]
    assert resource.source.startswith("https://")
    assert resource.summary and resource.audience
    assert resource.checked in ("2026-11-25", "2026-12-01", "2026-12-06")
    if resource_id == "report_remove":
        assert resource.url is not None
        assert resource.url.startswith("https://www.childline.org.uk/")
        return
    assert resource_id in EXPECTED_CONTACTS, "add the new service's expected contact here"
    assert (resource.phone, resource.text, resource.url) == EXPECTED_CONTACTS[resource_id]


def test_facts_we_could_not_confirm_are_marked_unverified() -> None:
    """nations.md flags these [U] or conflicting: never stated as certain."""
    assert RESOURCES["rape_crisis_england_wales"].phone is None
    assert any("phone number" in note for note in RESOURCES["rape_crisis_england_wales"].unverified)
    assert RESOURCES["rape_crisis_scotland"].hours is None
    assert any("hours" in note for note in RESOURCES["rape_crisis_scotland"].unverified)
    assert RESOURCES["mens_advice_line"].hours is None
    assert RESOURCES["galop"].hours is None
    assert RESOURCES["victim_support_scotland"].hours is None
    assert RESOURCES["victim_support_ni"].phone is None
    # Whether My Support Space still runs was never confirmed, so nobody is sent to it.
    assert "my_support_space" not in RESOURCES
    assert any("live chat" in n for n in RESOURCES["national_domestic_abuse_helpline"].unverified)


def test_age_limits_of_the_catalogue() -> None:
    for resource_id in ADULT_ONLY:
        assert RESOURCES[resource_id].min_age == 18
    for resource_id in CHILD_ONLY:
        assert RESOURCES[resource_id].max_age in (17, 18)
    assert RESOURCES["childline"].max_age == 18  # Childline is for under-19s
    assert RESOURCES["rape_crisis_england_wales"].min_age == 16
    assert RESOURCES["rape_crisis_scotland"].min_age == 13


def test_each_number_and_service_address_is_written_once_in_the_source() -> None:
    texts = {path: path.read_text() for path in SRC.rglob("*.py")}
    contacts = []
    for resource in RESOURCES.values():
        if resource.phone and len(resource.phone) > 3:
            contacts.append(resource.phone)
        if resource.url:
            contacts.append(f'"{resource.url}"')
    contacts += ["85258", "report@phishing.gov.uk", "07860 077333", "07401 288595", "18000"]
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


def test_mentions_render_details_without_a_verb() -> None:
    assert render_resource_mentions("Talk to {childline}.") == (
        "Talk to Childline (0800 1111, www.childline.org.uk)."
    )
    assert render_resource_mentions("call {police_emergency} now") == (
        "call Police emergency line (999) now"
    )
    access = render_resource_mentions("{police_emergency:access}")
    assert access.startswith("Police emergency line (999). Text relay: dial 18000.")
    assert contact_line(RESOURCES["shout"]) == "Shout (Text SHOUT to 85258, giveusashout.org)"
    assert contact_line(RESOURCES["childline"]) == (
        "Childline (call 0800 1111, www.childline.org.uk)"
    )


def rendered_rule_texts() -> list[tuple[str, str]]:
    texts = []
    for compiled in COMPILED_RULES:
        rule = compiled.rule
        lines = [rule.title, rule.summary, rule.why] + [
            line for group in (*rule.steps, *rule.how_to_check) for line in group.steps
        ]
        texts += [(rule.id, render_resource_mentions(line)) for line in lines]
    return texts


def route_reasons() -> list[tuple[str, str]]:
    return [
        (item.resource.id, item.reason) for situation in SITUATIONS for item in route(situation)
    ]


def test_no_rendered_text_says_call_twice() -> None:
    """ "call Police emergency line (call 999)": the mention gives details, the text the verb."""
    for where, text in rendered_rule_texts():
        assert not re.search(r"\bcall\b[^.]*\(call\b", text, re.IGNORECASE), f"{where}: {text}"
        assert "(call " not in text, f"{where}: {text}"


PHONE = re.compile(r"(?<![\w/.])(?:0\d[\d ]{6,}\d|\d{5}|999|101|116 123)(?![\d])")
ADDRESS = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|uk|com|scot)(?:/\S*)?",
    re.IGNORECASE,
)


def catalogue_contacts() -> str:
    parts = []
    for resource in RESOURCES.values():
        parts += [resource.name, resource.phone or "", resource.text or "", resource.url or ""]
        parts += resource.access
    return "\n".join(parts).lower()


def test_every_number_and_address_in_rule_text_and_reasons_is_from_the_catalogue() -> None:
    known = catalogue_contacts()
    texts = rendered_rule_texts() + route_reasons()
    seen = 0
    for where, text in texts:
        for number in PHONE.findall(text):
            seen += 1
            assert number.strip() in known, f"{where}: {number!r} is not in the catalogue: {text}"
        for address in ADDRESS.findall(text):
            seen += 1
            bare = address.removeprefix("https://").removeprefix("http://").rstrip(".,)")
            assert bare.lower() in known, f"{where}: {address!r} is not in the catalogue: {text}"
    assert seen > 20, "the patterns found the catalogue's own numbers"


def test_answers_from_the_questionnaire_route_by_age_and_nation() -> None:
    """The same rules, end to end from validated answers, including "not sure" and skipped."""
    nations = [*NATIONS, "not_sure", None]
    threats = ["yes", "no", "prefer_not_to_say", None]
    shared = ["yes", "no", "not_sure", None]
    for age, nation, threat, image in itertools.product(AGE_BANDS, nations, threats, shared):
        raw = {"profile.age_band": age}
        for key, value in (
            ("profile.nation", nation),
            ("situation.threat_to_share", threat),
            ("situation.image_shared", image),
        ):
            if value is not None:
                raw[key] = value
        situation = situation_of(validate(raw))
        assert situation.age_band == age
        assert situation.nation == (nation if nation in NATIONS else None)
        assert situation.unsure == (
            "yes" not in (threat, image) and (threat == "prefer_not_to_say" or image == "not_sure")
        )
        ids = set(ids_for(situation))
        if situation.child:
            assert not ids & ADULT_ONLY, raw
        else:
            assert not ids & CHILD_ONLY and ids >= ADULT_ONLY, raw
        for item in route(situation):
            assert covers(item.resource, situation.nation), raw


def test_every_reason_shown_is_one_whole_sentence_the_catalogue_holds() -> None:
    """A reason joined from pieces at run time could not be translated whole: every reason any
    person or helper is shown must be one of `sentences()`, rendered."""
    whole = {render_resource_mentions(sentence) for _, sentence in sentences()}
    shown = {
        item.reason
        for situation in SITUATIONS
        for helper in (None, "my_child", "a_friend")
        for outing in (False, True)
        for item in route(msgspec.structs.replace(situation, helper=helper, outing=outing))
    }
    assert shown - whole == set()
    assert len(shown) > 100


def test_each_contact_line_is_a_sentence_with_its_details_as_placeholders() -> None:
    for resource in RESOURCES.values():
        if resource.text:
            template, values = contact_template(resource.text)
            assert template.format_map(values) == resource.text
            assert not any(character.isdigit() for character in template), template
            assert "@" not in template
