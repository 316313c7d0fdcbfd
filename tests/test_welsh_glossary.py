"""The Welsh glossary and services files: strict shape, honest sourcing, real service ids.

They are the groundwork for issue 20 (docs/welsh.md). A term marked "checked" must name the
official page it was seen on and quote the words seen there; anything else is "secondary" or
"review", so a Welsh reviewer knows exactly what still needs a speaker's eye.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import msgspec
import pytest

from safety_check.resources import RESOURCES

LOCALE = Path(__file__).parents[1] / "src" / "safety_check" / "locale" / "cy"

Confidence = Literal["checked", "secondary", "review"]
Offer = Literal["yes", "on_request", "website", "no", "unknown"]

# Where a glossary term may be marked "checked": Welsh and UK government (TermCymru and Hwb
# included), legislation, the Senedd, the police, NHS Wales, the Welsh Language Commissioner,
# Social Care Wales, Termiadur Addysg, and the Welsh pages of Childline, the NSPCC and Welsh
# Women's Aid (which runs Live Fear Free). Anything else is at most "secondary".
OFFICIAL_DOMAINS = (
    "gov.wales",
    "llyw.cymru",
    "gov.uk",
    "senedd.wales",
    "senedd.cymru",
    "police.uk",
    "nhs.uk",
    "nhs.wales",
    "comisiynyddygymraeg.cymru",
    "welshlanguagecommissioner.wales",
    "gofalcymdeithasol.cymru",
    "socialcare.wales",
    "termiadur.com",
    "childline.org.uk",
    "nspcc.org.uk",
    "welshwomensaid.org.uk",
)

# A service's own older or second site, where its Welsh pages live.
EXTRA_OWN_DOMAINS = {"meic": ("meiccymru.org",)}

# The terms issue 20 and its brief name; the glossary may hold more, never fewer.
REQUIRED_TERMS = (
    "intimate image abuse",
    "sextortion",
    "deepfake",
    "cyberflashing",
    "consent",
    "report",
    "block",
    "evidence",
    "screenshot",
    "designated safeguarding lead",
    "quick exit",
    "helpline",
    "nude image",
    "threat",
    "privacy settings",
    "two-step verification",
    "password",
    "location sharing",
    "online safety",
    "abuse",
    "domestic abuse",
    "sexual violence",
    "police",
    "emergency",
    "It's not your fault",
    "Start the check",
    "Next",
    "Back",
    "Skip",
    "Save your answers",
    "Exit this site",
    "Your plan",
    "Do these first",
    "When you feel ready",
)


class Term(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    english: str
    welsh: str
    confidence: Confidence
    forms: tuple[str, ...] = ()
    source: str | None = None
    seen: str | None = None
    alternatives: tuple[str, ...] = ()
    note: str | None = None
    ui: bool = False
    """A button or heading label: held to the glossary only in `ui:` messages."""


class Glossary(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    term: tuple[Term, ...]


class Claim(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    welsh: str
    confidence: Confidence
    forms: tuple[str, ...] = ()
    source: str | None = None
    seen: str | None = None
    note: str | None = None


class InWelsh(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    offer: Offer
    confidence: Confidence
    source: str | None = None
    seen: str | None = None
    note: str | None = None


class Service(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    name: Claim
    summary: Claim
    in_welsh: InWelsh


class Services(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    service: tuple[Service, ...]


def load_glossary(text: bytes | str) -> Glossary:
    return msgspec.toml.decode(text, type=Glossary, strict=True)


def load_services(text: bytes | str) -> Services:
    return msgspec.toml.decode(text, type=Services, strict=True)


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary((LOCALE / "glossary.toml").read_bytes())


@pytest.fixture(scope="module")
def services() -> Services:
    return load_services((LOCALE / "services.toml").read_bytes())


def _host_is(url: str, domains: tuple[str, ...]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def sourcing_problems(
    label: str,
    confidence: Confidence,
    source: str | None,
    seen: str | None,
    shown: tuple[str, ...],
    trusted: tuple[str, ...],
) -> list[str]:
    """What is wrong with how one entry is sourced; `shown` are the words `seen` must contain."""
    if confidence == "review":
        return []
    if not source:
        return [f"{label}: {confidence} without a source"]
    if confidence == "secondary":
        return []
    problems = []
    if urlsplit(source).scheme != "https" or not _host_is(source, trusted):
        problems.append(f"{label}: checked on {source}, which is not an official https page")
    if not seen:
        problems.append(f"{label}: checked without the words seen")
    elif shown and not any(word.casefold() in seen.casefold() for word in shown):
        problems.append(f"{label}: the words seen do not contain {shown[0]!r}")
    return problems


def term_problems(term: Term) -> list[str]:
    return sourcing_problems(
        term.english,
        term.confidence,
        term.source,
        term.seen,
        (term.welsh, *term.forms),
        OFFICIAL_DOMAINS,
    )


def own_domains(service_id: str) -> tuple[str, ...]:
    url = RESOURCES[service_id].url
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    return (*OFFICIAL_DOMAINS, *((host,) if host else ()), *EXTRA_OWN_DOMAINS.get(service_id, ()))


def service_problems(service: Service) -> list[str]:
    if service.id not in RESOURCES:
        return [f"{service.id}: no such service in resources.py"]
    trusted = own_domains(service.id)
    name, offer = service.name, service.in_welsh
    problems = sourcing_problems(
        f"{service.id} name",
        name.confidence,
        name.source,
        name.seen,
        (name.welsh, *name.forms),
        trusted,
    )
    problems += sourcing_problems(
        f"{service.id} in Welsh", offer.confidence, offer.source, offer.seen, (), trusted
    )
    if service.summary.confidence != "review":
        problems.append(f"{service.id}: summaries are our own words, so always 'review'")
    return problems


def serves_wales(service_id: str) -> bool:
    resource = RESOURCES.get(service_id)
    return resource is not None and (not resource.nations or "wales" in resource.nations)


def test_every_glossary_term_is_sourced_or_marked_for_review(glossary: Glossary) -> None:
    problems = [problem for term in glossary.term for problem in term_problems(term)]
    assert problems == []


def test_the_glossary_holds_each_term_once_and_every_required_term(glossary: Glossary) -> None:
    english = [term.english.casefold() for term in glossary.term]
    assert len(english) == len(set(english)), "an English term is listed twice"
    missing = [term for term in REQUIRED_TERMS if term.casefold() not in english]
    assert missing == []


def test_every_service_is_sourced_and_real(services: Services) -> None:
    problems = [problem for service in services.service for problem in service_problems(service)]
    assert problems == []


def test_services_cover_exactly_what_a_person_in_wales_can_be_sent_to(services: Services) -> None:
    listed = [service.id for service in services.service]
    assert len(listed) == len(set(listed)), "a service is listed twice"
    assert all(serves_wales(service_id) for service_id in listed)
    assert set(listed) == {service_id for service_id in RESOURCES if serves_wales(service_id)}


def test_no_contact_detail_is_written_in_the_welsh_files() -> None:
    texts = " ".join(path.read_text() for path in LOCALE.glob("*.toml"))
    contacts = [
        detail
        for resource in RESOURCES.values()
        for detail in (resource.phone, resource.text)
        if detail and len(detail) > 3
    ]
    assert [contact for contact in contacts if contact in texts] == []
    assert not re.search(r"(?<![\d.])(999|101|116 123|84001|85258)(?!\d)", texts)


# The checks above must be able to fail: each broken entry below is one they have to catch.

OFFICIAL_TERM = """
[[term]]
english = "evidence"
welsh = "tystiolaeth"
forms = ["dystiolaeth"]
confidence = "checked"
source = "https://www.gwent.police.uk/cy/x/"
seen = "gasglu unrhyw dystiolaeth"
"""


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        (
            'source = "https://www.gwent.police.uk/cy/x/"',
            'source = "https://example.org/x"',
            "not an official",
        ),
        ("https://www.gwent", "http://www.gwent", "not an official"),
        ('source = "https://www.gwent.police.uk/cy/x/"\n', "", "without a source"),
        ('seen = "gasglu unrhyw dystiolaeth"\n', "", "without the words seen"),
        ('forms = ["dystiolaeth"]\n', "", "do not contain 'tystiolaeth'"),
        ("https://www.gwent.police.uk", "https://police.uk.example.org", "not an official"),
    ],
)
def test_a_badly_sourced_term_is_caught(old: str, new: str, complaint: str) -> None:
    assert term_problems(load_glossary(OFFICIAL_TERM).term[0]) == []
    broken = load_glossary(OFFICIAL_TERM.replace(old, new)).term[0]
    assert any(complaint in problem for problem in term_problems(broken))


def test_a_misspelt_or_mistyped_field_does_not_load() -> None:
    with pytest.raises(msgspec.ValidationError):
        load_glossary(OFFICIAL_TERM.replace("seen =", "sene ="))
    with pytest.raises(msgspec.ValidationError):
        load_glossary(OFFICIAL_TERM.replace('"checked"', '"sure"'))
    with pytest.raises(msgspec.ValidationError):
        load_glossary(OFFICIAL_TERM.replace('forms = ["dystiolaeth"]', 'forms = "dystiolaeth"'))


def test_a_made_up_or_badly_sourced_service_is_caught(services: Services) -> None:
    samaritans = next(service for service in services.service if service.id == "samaritans")
    assert service_problems(samaritans) == []
    invented = msgspec.structs.replace(samaritans, id="samaritans_cymru")
    assert service_problems(invented) == ["samaritans_cymru: no such service in resources.py"]
    elsewhere = msgspec.structs.replace(
        samaritans, name=msgspec.structs.replace(samaritans.name, source="https://example.org/")
    )
    assert any("not an official" in problem for problem in service_problems(elsewhere))
    settled = msgspec.structs.replace(
        samaritans, summary=msgspec.structs.replace(samaritans.summary, confidence="checked")
    )
    assert any("always 'review'" in problem for problem in service_problems(settled))


# How the catalogue will be held to the glossary (docs/welsh.md): a Welsh message whose English
# contains a glossary term must use that term's Welsh, in any listed form, or say why not.


class Message(msgspec.Struct, frozen=True):
    english: str
    welsh: str
    comments: tuple[str, ...] = ()
    context: str = ""


def glossary_misses(terms: tuple[Term, ...], messages: list[Message]) -> list[str]:
    """Each (message, term) where the Welsh lacks the glossary's term and no skip is given."""
    ordered = sorted(terms, key=lambda term: len(term.english), reverse=True)
    misses = []
    for message in messages:
        english = message.english.casefold()
        is_label = message.context.startswith("ui:")
        for term in ordered:
            if term.ui and not is_label:
                continue
            pattern = rf"(?<!\w){re.escape(term.english.casefold())}(?!\w)"
            if not re.search(pattern, english):
                continue
            # A longer term already matched here ("domestic abuse" before "abuse").
            english = re.sub(pattern, " ", english)
            welsh = message.welsh.casefold()
            if any(form.casefold() in welsh for form in (term.welsh, *term.forms)):
                continue
            skip = f"glossary-skip: {term.english.casefold()}:"
            if any(comment.casefold().startswith(skip) for comment in message.comments):
                continue
            misses.append(f"{message.english!r}: {term.english!r} is not {term.welsh!r}")
    return misses


def test_the_catalogue_check_holds_welsh_to_the_glossary(glossary: Glossary) -> None:
    messages = [
        Message("Save the evidence first.", "Cadwch y dystiolaeth yn gyntaf."),
        Message("Call Live Fear Free about domestic abuse.", "Ffoniwch am gam-drin domestig."),
        Message("Turn on two-step verification.", "Trowch ddilysu dau gam ymlaen."),
        Message("Report it.", "Rhowch wybod.", ("glossary-skip: report: the app's own label",)),
        Message("What to do next", "Beth i'w wneud wedyn"),
        Message("Next", "Nesaf", context="ui:next"),
    ]
    assert glossary_misses(glossary.term, messages) == []
    wrong = [
        Message("Save the evidence first.", "Cadwch y prawf yn gyntaf."),
        Message("This is domestic abuse.", "Trais yw hyn."),
        Message("Report it.", "Rhowch wybod."),
        Message("Back", "Nôl", context="ui:back"),
    ]
    assert glossary_misses(glossary.term, wrong) == [
        "'Save the evidence first.': 'evidence' is not 'tystiolaeth'",
        "'This is domestic abuse.': 'domestic abuse' is not 'cam-drin domestig'",
        "'Report it.': 'report' is not 'riportio'",
        "'Back': 'Back' is not 'Yn ôl'",
    ]
