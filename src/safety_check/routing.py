"""Support routing: which services a person is shown, from their age and situation.

One table, read top to bottom; the order of the table is the order on the page. Every service's
own age limits (in the catalogue) are applied on top, so an adults-only service can never reach
an under-18, whatever a row says.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from safety_check.models import UNDER_18, AgeBand, Answers, SupportItem
from safety_check.resources import RESOURCES, suits_age


class Situation(msgspec.Struct, frozen=True, kw_only=True):
    age_band: AgeBand | None
    threatened: bool = False
    image_shared: bool = False
    rather_not_say: bool = False
    money_lost: bool = False
    scam_message: bool = False
    hurt: bool = False
    """An area answer says something upsetting has happened: a fake nude, an "I recorded you"
    message, an unwanted sexual picture, or someone rushing them for pictures."""

    @property
    def child(self) -> bool:
        return self.age_band is None or self.age_band in UNDER_18

    @property
    def urgent(self) -> bool:
        return self.threatened or self.image_shared

    @property
    def distressed(self) -> bool:
        # Anyone who reports a threat or a shared image, won't say, or has met sextortion or
        # image abuse in another way is shown someone to talk to, any time of day.
        return self.urgent or self.rather_not_say or self.hurt


HURT_QUESTIONS = (
    "deepfakes.fake_image_of_you",
    "webcam.recorded_you_message",
    "nearby_sharing.unwanted_sexual_image",
    "sextortion.fast_pressure_seen",
)


def situation_of(answers: Answers) -> Situation:
    values = answers.values
    return Situation(
        age_band=answers.age_band(),
        threatened=values.get("situation.threat_to_share") == "yes",
        image_shared=values.get("situation.image_shared") == "yes",
        rather_not_say=values.get("situation.threat_to_share") == "prefer_not_to_say",
        money_lost=values.get("sextortion.paid_money") == "yes",
        scam_message=values.get("webcam.recorded_you_message") == "yes",
        hurt=any(values.get(question) == "yes" for question in HURT_QUESTIONS),
    )


Predicate = Callable[[Situation], bool]


def _always(_: Situation) -> bool:
    return True


def _child(situation: Situation) -> bool:
    return situation.child


def _adult(situation: Situation) -> bool:
    return situation.age_band is None or situation.age_band not in UNDER_18


class Route(msgspec.Struct, frozen=True):
    resource_id: str
    applies: Predicate
    reason: Callable[[Situation], str]


def _fixed(text: str) -> Callable[[Situation], str]:
    return lambda _: text


def _by_urgency(urgent: str, otherwise: str) -> Callable[[Situation], str]:
    return lambda situation: urgent if situation.urgent else otherwise


ROUTES: tuple[Route, ...] = (
    Route("police_emergency", _always, _fixed("If you are in danger right now.")),
    Route(
        "childline",
        _child,
        _by_urgency(
            "Talk to someone now about what is happening. It's free and private.",
            "Talk to someone about anything that worries you online. It's free and private.",
        ),
    ),
    Route(
        "ceop",
        _child,
        _by_urgency(
            "Report what is happening. A child protection adviser will read it and help you.",
            "If anyone online asks you for nudes, threatens you or makes you feel unsafe.",
        ),
    ),
    Route(
        "report_remove",
        _child,
        _fixed("To get a nude picture or video of you taken down, without needing an adult."),
    ),
    Route(
        "take_it_down",
        lambda situation: situation.child or situation.image_shared,
        lambda situation: (
            "To stop a nude picture of you being shared on sites that take part."
            if situation.child
            else "If the picture was taken when you were under 18, use this instead of StopNCII."
        ),
    ),
    Route(
        "revenge_porn_helpline",
        _adult,
        _by_urgency(
            "Specialist advice on getting images removed, threats and going to the police.",
            "If anyone shares, or threatens to share, an intimate image of you.",
        ),
    ),
    Route(
        "stopncii",
        _adult,
        _by_urgency(
            "To stop an intimate image of you being shared on sites that take part, even if "
            "it's only been threatened.",
            "If you're ever worried an intimate image of you could be shared.",
        ),
    ),
    Route(
        "police_non_emergency",
        _always,
        _fixed("To report a crime that is not an emergency, such as threats to share images."),
    ),
    Route(
        "samaritans",
        lambda situation: situation.distressed,
        _fixed("If you are struggling or feel you can't cope, any time of day or night."),
    ),
    Route(
        "shout",
        lambda situation: situation.distressed,
        _fixed("If you would rather text than talk."),
    ),
    Route(
        "report_fraud",
        lambda situation: situation.money_lost,
        _fixed(
            "Because you lost money: report it, and tell your bank. In Scotland, call the "
            f"police on {RESOURCES['police_non_emergency'].phone} instead."
        ),
    ),
    Route(
        "ncsc_phishing",
        lambda situation: situation.scam_message,
        _fixed("To report a scam email that says someone recorded you."),
    ),
    Route(
        "report_harmful_content",
        _always,
        _fixed("If a site or app doesn't remove something harmful after you report it."),
    ),
    Route(
        "crimestoppers",
        _always,
        _fixed("To report a crime without giving your name."),
    ),
    Route(
        "victim_support",
        _always,
        _fixed("Support after any crime in England and Wales, whether or not you tell the police."),
    ),
)


def route(situation: Situation) -> tuple[SupportItem, ...]:
    items = []
    for row in ROUTES:
        resource = RESOURCES[row.resource_id]
        fits = situation.age_band is None or suits_age(resource, situation.age_band)
        if row.applies(situation) and fits:
            items.append(SupportItem(resource=resource, reason=row.reason(situation)))
    return tuple(items)
