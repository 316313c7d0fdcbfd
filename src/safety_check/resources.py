"""The support-services catalogue: the only place a helpline number or service address is written.

Rule text names a service as `{childline}`; `render_resource_mentions` turns that into the name
and contact details from here, so a changed number is changed once. `{police_emergency:access}`
adds the ways in for people who are deaf or need an interpreter.

Anything we could not confirm on the service's own page, or that sources disagree on, is in
`unverified` and shown with a "please check on their site" note, never as a fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import msgspec

from safety_check.models import AgeBand, Nation, Resource

CHECKED = "2026-11-25"
RECHECKED = "2026-12-01"
HELPERS_CHECKED = "2026-12-06"

ENGLAND_AND_WALES: tuple[Nation, ...] = ("england", "wales")
UNDER_18_UNKNOWN = "whether they support people under 18"

_CATALOGUE: tuple[Resource, ...] = (
    Resource(
        id="police_emergency",
        name="Police emergency line",
        summary="If you or someone else is in danger right now, or a crime is happening now.",
        audience="Everyone",
        phone="999",
        access=(
            "Text relay: dial 18000",
            "Text message: text 999 once you have registered for emergencySMS (text the word "
            "register to 999 to sign up)",
            "British Sign Language: 999 BSL, a free video relay by app or website, any time",
        ),
        source="https://www.thinkuknow.co.uk/11_13/help/CEOP/",
        checked=RECHECKED,
    ),
    Resource(
        id="police_non_emergency",
        name="Police non-emergency line",
        summary="To report a crime that is not an emergency, such as threats to share images.",
        audience="Everyone",
        phone="101",
        access=(
            "Text relay: dial 18001 101 (England, Wales and Scotland)",
            "British Sign Language in Scotland: contactSCOTLAND-BSL video relay",
            "British or Irish Sign Language in Northern Ireland: the police's SignVideo relay, "
            "on the deaf community page of the PSNI website",
        ),
        source="https://www.psni.police.uk/inside-psni/our-departments/district-policing-command/call-management/",
        checked=RECHECKED,
        unverified=("whether text relay works for 101 in Northern Ireland",),
    ),
    Resource(
        id="childline",
        name="Childline",
        summary="Free, private help for young people, any time of day or night, by phone or "
        "online chat.",
        audience="Under 19s",
        without_voice="Online chat or email",
        max_age=18,
        phone="0800 1111",
        url="https://www.childline.org.uk",
        hours="24 hours a day",
        source="https://learning.nspcc.org.uk/services/childline",
        checked=CHECKED,
    ),
    Resource(
        id="ceop",
        name="CEOP Safety Centre",
        summary="Report it if someone online asks you for nudes, pressures you into sexual "
        "things or threatens you. A child protection adviser reads every report.",
        audience="Under 18s, and adults worried about a child",
        max_age=17,
        url="https://www.ceop.police.uk/Safety-Centre/",
        source="https://www.thinkuknow.co.uk/11_13/help/CEOP/",
        checked=CHECKED,
    ),
    Resource(
        id="nspcc_helpline",
        name="NSPCC Helpline",
        summary="Advice for parents, carers, teachers and any adult worried about a child. "
        "You can stay anonymous.",
        audience="Adults worried about a child",
        phone="0808 800 5000",
        url="https://www.nspcc.org.uk",
        hours="8am to 10pm on weekdays, 9am to 6pm at weekends",
        source="https://www.nspcc.org.uk/keeping-children-safe/reporting-abuse/report/",
        checked=HELPERS_CHECKED,
    ),
    Resource(
        id="meic",
        name="Meic",
        summary="Free, private help for children and young people in Wales, in Welsh or "
        "English, by phone, text or online chat.",
        audience="Children and young people up to 25 in Wales",
        max_age=25,
        nations=("wales",),
        phone="080880 23456",
        text="Text 84001",
        url="https://www.meic.cymru",
        source="https://www.promo.cymru/project/meic/",
        checked=HELPERS_CHECKED,
        unverified=("opening hours (8am to midnight every day, as of 2020)",),
    ),
    Resource(
        id="mermaids",
        name="Mermaids",
        summary="Support for trans, non-binary and gender-diverse young people, and their "
        "families, by phone, email or web chat.",
        audience="Trans, non-binary and gender-diverse young people under 20, and their families",
        for_one_group=True,
        max_age=19,
        phone="0808 801 0400",
        url="https://mermaidsuk.org.uk",
        source="https://mermaidsuk.org.uk/news/our-helpline-hours-are-changing",
        checked=HELPERS_CHECKED,
        unverified=("opening hours (weekday afternoons and evenings, as of October 2024)",),
    ),
    Resource(
        id="report_remove",
        name="Report Remove (Childline and the Internet Watch Foundation)",
        summary="Helps under 18s get a nude image or video of themselves taken down online. "
        "Analysts at the Internet Watch Foundation look at what is reported so they can get it "
        "removed, and Childline supports you. You don't need an adult to use it.",
        audience="Under 18s in the UK",
        max_age=17,
        url="https://www.childline.org.uk/info-advice/bullying-abuse-safety/online-mobile-safety/report-remove/",
        source="https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove",
        checked=CHECKED,
        unverified=("whether you will be asked to show ID to prove your age (it may be optional)",),
    ),
    Resource(
        id="take_it_down",
        name="Take It Down",
        summary="Helps stop nude images taken when you were under 18 being shared on the sites "
        "that take part. The picture never leaves your device.",
        audience="Anyone, for images taken when they were under 18",
        url="https://takeitdown.ncmec.org",
        source="https://takeitdown.ncmec.org/faq/",
        checked=CHECKED,
    ),
    Resource(
        id="stopncii",
        name="StopNCII.org",
        summary="Helps stop intimate images of adults, real or fake, being shared on the sites "
        "that take part. The picture never leaves your device.",
        audience="Adults 18 and over, for images taken when they were adults",
        min_age=18,
        url="https://stopncii.org",
        source="https://stopncii.org/faq/",
        checked=CHECKED,
    ),
    Resource(
        id="revenge_porn_helpline",
        name="Revenge Porn Helpline",
        summary="Advice for adults about intimate image abuse and sextortion, including getting "
        "images removed and going to the police.",
        audience="Adults 18 and over in the UK",
        min_age=18,
        phone="0345 6000 459",
        url="https://revengepornhelpline.org.uk",
        hours="10am to 4pm, Monday to Friday (not bank holidays)",
        source="https://revengepornhelpline.org.uk/information-and-advice/need-help-and-advice/sextortion-and-webcam-blackmail/",
        checked=CHECKED,
        # Reports say it is funded for England, Wales and Scotland only (nations.md 2.16-2.17).
        unverified=("how much they can help people in Northern Ireland",),
    ),
    Resource(
        id="report_harmful_content",
        name="Report Harmful Content",
        summary="If a site or app does not act on your report, they can help you take it further.",
        audience="Everyone aged 13 and over",
        min_age=13,
        url="https://reportharmfulcontent.com",
        source="https://reportharmfulcontent.com/advice/what-to-remember-when-reporting-to-us/",
        checked=CHECKED,
        unverified=("the minimum age of 13",),
    ),
    Resource(
        id="crimestoppers",
        name="Crimestoppers",
        summary="Tell them about a crime without giving your name. Not for emergencies.",
        audience="Everyone",
        phone="0800 555 111",
        url="https://crimestoppers-uk.org",
        hours="24 hours a day",
        source="https://crimestoppers-uk.org/about-the-charity/who-we-are/our-people/our-contact-centre",
        checked=RECHECKED,
    ),
    Resource(
        id="victim_support",
        name="Victim Support",
        summary="Free support for anyone affected by crime, whether or not you tell the police.",
        audience="Everyone in England and Wales",
        nations=ENGLAND_AND_WALES,
        phone="08 08 16 89 111",
        url="https://www.victimsupport.org.uk",
        hours="24 hours a day",
        source="https://www.victimsupport.org.uk/247-support-still-available-victims-crime/",
        checked=CHECKED,
    ),
    Resource(
        id="victim_support_scotland",
        name="Victim Support Scotland",
        summary="Free, private support for anyone affected by crime in Scotland. You don't need "
        "to tell the police first.",
        audience="Everyone in Scotland",
        nations=("scotland",),
        phone="0800 160 1985",
        url="https://victimsupport.scot",
        source="https://victimsupport.scot/victims-awareness-week-2021",
        checked=RECHECKED,
        unverified=("helpline opening hours",),
    ),
    Resource(
        id="victim_support_ni",
        name="Victim Support NI",
        summary="Support for anyone affected by crime in Northern Ireland, whether or not "
        "they have told the police.",
        audience="Everyone in Northern Ireland",
        nations=("northern_ireland",),
        url="https://www.victimsupportni.com",
        source="https://www.nidirect.gov.uk/articles/coming-forward-victim",
        checked=RECHECKED,
        unverified=("for their phone number and opening hours",),
    ),
    Resource(
        id="national_domestic_abuse_helpline",
        name="National Domestic Abuse Helpline (run by Refuge)",
        summary="Free, private support for women facing abuse from a partner, ex or family "
        "member. You can ask for a safe time to be called back.",
        audience="Women in England",
        for_one_group=True,
        nations=("england",),
        phone="0808 2000 247",
        url="https://www.nationaldahelpline.org.uk",
        hours="24 hours a day",
        access=(
            "British Sign Language: through a SignVideo interpreter (check the hours on their site)",
        ),
        source="https://refuge.org.uk/news/refuge-responds-to-reports-of-potential-increase-in-domestic-abuse-during-covid-19",
        checked=RECHECKED,
        unverified=("live chat opening times", "the hours of the BSL service", UNDER_18_UNKNOWN),
    ),
    Resource(
        id="live_fear_free",
        name="Live Fear Free helpline",
        summary="Free support for anyone in Wales facing domestic abuse or sexual violence, and "
        "for the people close to them.",
        audience="Anyone in Wales, and people supporting them",
        nations=("wales",),
        phone="0808 80 10 800",
        text="Text 07860 077333",
        url="https://www.gov.wales/live-fear-free",
        hours="24 hours a day",
        source="https://www.gov.wales/live-fear-free/sexual-violence",
        checked=RECHECKED,
        unverified=(UNDER_18_UNKNOWN, "whether you can talk to them in Welsh"),
    ),
    Resource(
        id="scotland_domestic_abuse_helpline",
        name="Scotland's Domestic Abuse and Forced Marriage Helpline",
        summary="Free support for anyone in Scotland facing domestic abuse or forced marriage, "
        "by phone, email or web chat.",
        audience="Anyone in Scotland, whatever their age or gender",
        nations=("scotland",),
        phone="0800 027 1234",
        text="Text or WhatsApp 07401 288595",
        url="https://sdafmh.org.uk",
        hours="24 hours a day",
        access=("Interpreters: ask about their translation service",),
        source="https://safer.scot/information/da/report/",
        checked=RECHECKED,
        # Only news and partner pages give these; the helpline's own site was not read.
        unverified=("the phone and text numbers", "the translation service"),
    ),
    Resource(
        id="ni_domestic_sexual_abuse_helpline",
        name="Domestic and Sexual Abuse Helpline (Northern Ireland)",
        summary="Free, private support for anyone in Northern Ireland facing domestic or "
        "sexual abuse, by phone, email or live chat.",
        audience="Anyone in Northern Ireland, any age or gender",
        nations=("northern_ireland",),
        phone="0808 802 1414",
        url="https://dsahelpline.org",
        hours="24 hours a day",
        source="https://dsahelpline.org/2023/12/22/domestic-and-sexual-abuse-helpline-could-receive-50-calls-per-day-over-christmas-week/",
        checked=RECHECKED,
    ),
    Resource(
        id="mens_advice_line",
        name="Men's Advice Line",
        summary="Free, private support for men facing abuse from a partner, ex or family member.",
        audience="Men anywhere in the UK",
        for_one_group=True,
        phone="0808 801 0327",
        url="https://mensadviceline.org.uk",
        source="https://www.respect.uk.net/articles/133-a-lifeline-for-male-victims-new-report-shows-impact-of-men-s-advice-line-during-covid-19-crisis",
        checked=RECHECKED,
        unverified=("opening hours", UNDER_18_UNKNOWN),
    ),
    Resource(
        id="galop",
        name="Galop helpline",
        summary="Support for LGBT+ people facing abuse or violence, including from a partner "
        "or family. LGBT+ staff answer.",
        audience="LGBT+ people in the UK",
        for_one_group=True,
        phone="0800 999 5428",
        url="https://galop.org.uk",
        source="https://galop.org.uk/about/history/",
        checked=RECHECKED,
        unverified=("opening hours", UNDER_18_UNKNOWN),
    ),
    Resource(
        id="rape_crisis_england_wales",
        name="Rape Crisis 24/7 Support Line",
        summary="Free support by phone or online chat for anyone affected by sexual violence or "
        "abuse, whenever it happened, and for friends and family.",
        audience="People aged 16 and over in England and Wales",
        min_age=16,
        nations=ENGLAND_AND_WALES,
        url="https://247sexualabusesupport.org.uk",
        hours="24 hours a day",
        source="https://247sexualabusesupport.org.uk/faqs/",
        checked=RECHECKED,
        unverified=("for their phone number",),
    ),
    Resource(
        id="rape_crisis_scotland",
        name="Rape Crisis Scotland helpline",
        summary="Free support for anyone in Scotland affected by sexual violence, by phone, "
        "text, email or web chat.",
        audience="People aged 13 and over in Scotland",
        min_age=13,
        nations=("scotland",),
        phone="08088 01 03 02",
        url="https://www.rapecrisisscotland.org.uk",
        access=("British Sign Language: through contactSCOTLAND-BSL",),
        source="https://rapecrisisscotland.org.uk/helpline-confidentiality",
        checked=RECHECKED,
        unverified=(
            "opening hours (every evening until midnight, but sources differ on when it opens)",
            "the minimum age of 13",
        ),
    ),
    Resource(
        id="nexus_ni",
        name="Nexus NI",
        summary="A Northern Ireland charity for people affected by sexual abuse or violence. Its "
        "free counselling for adults ended in March 2024, so ask what it can offer now.",
        audience="People in Northern Ireland affected by sexual abuse",
        nations=("northern_ireland",),
        phone="028 9032 6803",
        url="https://nexusni.org",
        source="https://nexusni.org/statement-from-nexus-on-public-apology",
        checked=RECHECKED,
        unverified=("opening hours", "which of their services are free", UNDER_18_UNKNOWN),
    ),
    Resource(
        id="emergency_sms",
        name="emergencySMS",
        summary="Text the emergency services if you can't call. Register first, now, so it "
        "works when you need it.",
        audience="Everyone who is deaf or can't speak on the phone",
        text="Text 999 (register first: text the word register to 999)",
        source="https://www.northyorkshire.police.uk/contact/emergency-sms-text-service/",
        checked=HELPERS_CHECKED,
    ),
    Resource(
        id="emergency_bsl",
        name="BSL emergency video relay",
        without_voice="Sign language video relay, by app or website",
        summary="Reach the emergency services in British Sign Language through a video "
        "interpreter, free, any time, by app or website. No need to register.",
        audience="Deaf people who use British Sign Language",
        url="https://999bsl.co.uk",
        hours="24 hours a day",
        source="https://www.ofcom.org.uk/phones-and-broadband/accessibility/emergency-video-relay/",
        checked=HELPERS_CHECKED,
    ),
    Resource(
        id="relay_uk",
        name="Relay UK",
        summary="Lets you make phone calls by typing and reading, with a relay assistant "
        "between you and the person you call.",
        audience="Everyone who is deaf or finds it hard to hear or speak on the phone",
        text="Put 18001 before the number you want to call",
        url="https://www.relayuk.bt.com",
        source="https://www.relayuk.bt.com/news/providing-a-vital-lifeline.html",
        checked=RECHECKED,
    ),
    Resource(
        id="samaritans",
        name="Samaritans",
        summary="Someone to talk to if you're struggling or feel you can't cope.",
        audience="Everyone, any age",
        phone="116 123",
        text="Email jo@samaritans.org",
        url="https://www.samaritans.org",
        hours="24 hours a day",
        source="https://www.samaritans.org/how-we-can-help/contact-samaritan/",
        checked=CHECKED,
    ),
    Resource(
        id="shout",
        name="Shout",
        summary="A free text service if you're struggling to cope.",
        audience="Everyone in the UK",
        text="Text SHOUT to 85258",
        url="https://giveusashout.org",
        hours="24 hours a day",
        source="https://giveusashout.org/about-us/faq/",
        checked=CHECKED,
    ),
    Resource(
        id="report_fraud",
        name="Report Fraud",
        summary="Report money lost to a scam or blackmail (it replaced Action Fraud). In "
        "Scotland, use the police non-emergency line instead.",
        audience="Everyone in England, Wales and Northern Ireland",
        nations=("england", "wales", "northern_ireland"),
        phone="0300 123 2040",
        url="https://www.reportfraud.police.uk",
        source="https://www.metengage.co.uk/Alerts/A/367666/{MESSAGE-SETTINGS}",
        checked=CHECKED,
    ),
    Resource(
        id="ncsc_phishing",
        name="Suspicious Email Reporting Service (NCSC)",
        summary="Forward scam emails here, including emails that claim someone recorded you.",
        audience="Everyone",
        text="Forward the email to report@phishing.gov.uk",
        source="https://saferderbyshire.gov.uk/news-and-events/news-items/new-service-to-report-phishing-emails.aspx",
        checked=CHECKED,
    ),
)

RESOURCES: dict[str, Resource] = {resource.id: resource for resource in _CATALOGUE}

NOTE_FOR_NATION: dict[tuple[str, int], Nation] = {
    ("police_non_emergency", 0): "northern_ireland",
    ("revenge_porn_helpline", 0): "northern_ireland",
}
"""Unconfirmed details (by service and place in `unverified`, the same in every language) that
matter only to people in one nation: someone who said they live elsewhere is not asked to check
them in their plan. The services page keeps every note."""


def notes_for(resource: Resource, nation: Nation | None) -> Resource:
    """The service with only the unconfirmed details that concern someone in `nation` (all of
    them when the nation is not known)."""
    if nation is None:
        return resource
    kept = tuple(
        text
        for number, text in enumerate(resource.unverified)
        if NOTE_FOR_NATION.get((resource.id, number), nation) == nation
    )
    if len(kept) == len(resource.unverified):
        return resource
    return msgspec.structs.replace(resource, unverified=kept)


_AGE_RANGES: dict[AgeBand, tuple[int, int]] = {
    "under_13": (0, 12),
    "13_15": (13, 15),
    "16_17": (16, 17),
    "18_plus": (18, 200),
}


def suits_age(resource: Resource, age_band: AgeBand) -> bool:
    """True when everyone in the age band is within the service's age limits."""
    low, high = _AGE_RANGES[age_band]
    if resource.min_age is not None and low < resource.min_age:
        return False
    return resource.max_age is None or high <= resource.max_age


def covers(resource: Resource, nation: Nation | None) -> bool:
    """True when the service covers the nation; an unknown nation is covered by every one."""
    return not resource.nations or nation is None or nation in resource.nations


_CONTACT_VALUE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d[\d ]*\d|\b[A-Z]{2,}\b")


def _kind(value: str) -> str:
    if "@" in value:
        return "email"
    return "number" if value[0].isdigit() else "keyword"


def contact_template(text: str) -> tuple[str, dict[str, str]]:
    """A contact line with its numbers, addresses and keywords as named placeholders ("Text
    WORD to 12345" -> "Text {keyword} to {number}"), so a translation holds the sentence and
    every number stays here, in one place."""
    values: dict[str, str] = {}

    def placeholder(match: re.Match[str]) -> str:
        value = match.group(0)
        name = next((n for n, v in values.items() if v == value), None)
        if name is None:
            kind = _kind(value)
            taken = sum(1 for n in values if n.startswith(kind))
            name = kind if not taken else f"{kind}_{taken + 1}"
            values[name] = value
        return "{" + name + "}"

    return _CONTACT_VALUE.sub(placeholder, text), values


def _details(resource: Resource) -> list[str]:
    details = [part for part in (resource.phone, resource.text) if part]
    if resource.url:
        details.append(resource.url.removeprefix("https://").removesuffix("/"))
    return details


def contact_line(resource: Resource, call: str = "call {phone}") -> str:
    """The name with its contact details, as one line of plain text (for lists of services);
    `call` is the words before the number, in the list's language."""
    details = _details(resource)
    if resource.phone:
        details[0] = call.format(phone=resource.phone)
    return f"{resource.name} ({', '.join(details)})" if details else resource.name


def mention(resource: Resource, *, with_access: bool = False) -> str:
    """The name and contact details with no verb ("Shout (Text SHOUT to ...)"), so the
    sentence around it can say "call", "text" or "contact" once."""
    details = _details(resource)
    text = f"{resource.name} ({', '.join(details)})" if details else resource.name
    if with_access and resource.access:
        text += ". " + ". ".join(resource.access)
    return text


MENTION = re.compile(r"\{([a-z_]+)(?::access|:phone)?\}")


def _rendered(match: re.Match[str], resources: Mapping[str, Resource]) -> str:
    resource, mentioned = resources[match.group(1)], match.group(0)
    if mentioned.endswith(":phone}") and resource.phone:
        return resource.phone
    return mention(resource, with_access=mentioned.endswith(":access}"))


def render_resource_mentions(text: str, resources: Mapping[str, Resource] = RESOURCES) -> str:
    """Replace every `{resource_id}` with the service's name and contact details, every
    `{resource_id:access}` with those plus its ways in for deaf people and interpreters, and
    every `{resource_id:phone}` with its number alone (`resources`: the services in the text's
    language)."""
    return MENTION.sub(lambda match: _rendered(match, resources), text)


def mentioned_resources(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(MENTION.findall(text)))
