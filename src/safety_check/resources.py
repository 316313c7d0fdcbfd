"""The support-services catalogue: the only place a helpline number or service address is written.

Rule text names a service as `{childline}`; `render_resource_mentions` turns that into the name
and contact details from here, so a changed number is changed once.
"""

from __future__ import annotations

import re

from safety_check.models import AgeBand, Resource

CHECKED = "2026-11-25"

_CATALOGUE: tuple[Resource, ...] = (
    Resource(
        id="police_emergency",
        name="Police emergency line",
        summary="If you or someone else is in danger right now, or a crime is happening now.",
        audience="Everyone",
        phone="999",
        source="https://www.thinkuknow.co.uk/11_13/help/CEOP/",
        checked=CHECKED,
    ),
    Resource(
        id="police_non_emergency",
        name="Police non-emergency line",
        summary="To report a crime that is not an emergency, such as threats to share images.",
        audience="Everyone",
        phone="101",
        source="https://revengepornhelpline.org.uk/faq/",
        checked=CHECKED,
    ),
    Resource(
        id="childline",
        name="Childline",
        summary="Free, private help for young people, any time of day or night, by phone or "
        "online chat.",
        audience="Under 19s",
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
        id="report_remove",
        name="Report Remove (Childline and the Internet Watch Foundation)",
        summary="Helps under 18s get a nude image or video of themselves taken down online. "
        "You don't need an adult to use it.",
        audience="Under 18s in the UK",
        max_age=17,
        url="https://www.childline.org.uk/info-advice/bullying-abuse-safety/online-mobile-safety/report-remove/",
        source="https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove",
        checked=CHECKED,
        unverified=("whether you must show ID to confirm your age",),
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
        source="https://crimestoppers-uk.org/fearless/news/2024/report-remove",
        checked=CHECKED,
    ),
    Resource(
        id="victim_support",
        name="Victim Support",
        summary="Free support for anyone affected by crime, whether or not you tell the police.",
        audience="Everyone in England and Wales",
        phone="08 08 16 89 111",
        url="https://www.victimsupport.org.uk",
        hours="24 hours a day",
        source="https://www.victimsupport.org.uk/247-support-still-available-victims-crime/",
        checked=CHECKED,
    ),
    Resource(
        id="samaritans",
        name="Samaritans",
        summary="Someone to talk to if you're struggling or feel you can't cope.",
        audience="Everyone, any age",
        phone="116 123",
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
        phone="0300 123 2040",
        url="https://www.reportfraud.police.uk",
        source="https://www.wired-gov.net/wg/news.nsf/articles/report+fraud+service+goes+live+04122025143000?open",
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


def contact_line(resource: Resource) -> str:
    """The name with its contact details, as one line of plain text."""
    details = [
        part for part in (resource.phone and f"call {resource.phone}", resource.text) if part
    ]
    if resource.url:
        details.append(resource.url.removeprefix("https://").removesuffix("/"))
    return f"{resource.name} ({', '.join(details)})" if details else resource.name


MENTION = re.compile(r"\{([a-z_]+)\}")


def render_resource_mentions(text: str) -> str:
    """Replace every `{resource_id}` with the service's name and contact details."""
    return MENTION.sub(lambda match: contact_line(RESOURCES[match.group(1)]), text)


def mentioned_resources(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(MENTION.findall(text)))
