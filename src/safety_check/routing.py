"""Support routing: which services a person is shown, from their age, nation and situation.

One table, read top to bottom; the order of the table is the order on the page. Every service's
own age limits and nations (in the catalogue) are applied on top of a row, so an adults-only
service can never reach an under-18, whatever a row says.

Age and nation may be unknown. Then both the child and the adult services are shown, and the
services of every nation, each reason starting with who it is for ("If you are under 18: ...",
"If you live in Scotland: ..."), so a person who skipped a question still finds their help.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

import msgspec

from safety_check.models import (
    AGE_BANDS,
    HELPERS,
    NATION_NAMES,
    NATIONS,
    UNDER_18,
    AgeBand,
    Answers,
    Contact,
    ForWhom,
    Nation,
    Option,
    Resource,
    SupportItem,
)
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import (
    NOTE_FOR_NATION,
    RESOURCES,
    covers,
    notes_for,
    render_resource_mentions,
    suits_age,
)


class Situation(msgspec.Struct, frozen=True, kw_only=True):
    age_band: AgeBand | None = None
    """None when the person did not say."""
    nation: Nation | None = None
    """None when the person did not say, is not sure, or lives outside the UK."""
    threatened: bool = False
    image_shared: bool = False
    unsure: bool = False
    """They would rather not say whether they are threatened, or are not sure whether an image
    was shared, and said yes to neither: shown the same help as an urgent person, calmly."""
    money_lost: bool = False
    scam_message: bool = False
    """An "I recorded you" message, and they did not say they are really being threatened."""
    hurt: bool = False
    """An answer tells of harm done to them (an option marked `harm=True`)."""
    own_image: bool = False
    """An answer says a picture of them may exist or be faked (an option marked
    `own_image=True`)."""
    watched: bool = False
    """Someone checks their phone in a way that feels unsafe, or the person doing it is a
    partner, an ex or someone they live with; or they would rather not say whether their phone
    is checked while someone else knows their passwords or sees their photo backup."""
    helper: ForWhom | None = None
    """Who is filling the check in, when it is not the person themselves."""
    outing: bool = False
    """Someone threatens to tell others about their sexuality or gender identity."""
    contact: str | None = None
    """How they can reach services: "phone", "text_or_chat", "bsl", or None if not said."""

    @property
    def child(self) -> bool:
        return self.age_band in UNDER_18

    @property
    def adult(self) -> bool:
        return self.age_band == "18_plus"

    @property
    def age_unknown(self) -> bool:
        return self.age_band is None

    @property
    def urgent(self) -> bool:
        return self.threatened or self.image_shared

    @property
    def distressed(self) -> bool:
        # Anyone who reports a threat or a shared image, is unsure, or told of harm in another
        # way is shown someone to talk to, any time of day.
        return self.urgent or self.unsure or self.hurt

    @property
    def needs_image_removal(self) -> bool:
        # Take-down services are for a picture of the person. Someone hurt in another way
        # (sent a stranger's picture, asked for money) is not shown them; someone who told of
        # no harm still learns they exist.
        return self.urgent or self.unsure or self.own_image or self.watched or not self.hurt


def _options_marked(marked: Callable[[Option], bool]) -> dict[str, frozenset[str]]:
    chosen: dict[str, frozenset[str]] = {}
    for question in QUESTIONNAIRE.questions:
        ids = frozenset(option.id for option in question.options if marked(option))
        if ids:
            chosen[question.id] = ids
    return chosen


HARM_OPTIONS = _options_marked(lambda option: option.harm)
"""Question id to the options that tell of harm, read from the questionnaire itself."""
OWN_IMAGE_OPTIONS = _options_marked(lambda option: option.own_image)
"""Question id to the options that say a picture of the person may exist or be faked."""


def _chose_any(values: dict[str, str | tuple[str, ...]], marked: dict[str, frozenset[str]]) -> bool:
    for question, options in marked.items():
        answer = values.get(question)
        chosen = (answer,) if isinstance(answer, str) else (answer or ())
        if options.intersection(chosen):
            return True
    return False


CLOSE_TO_HOME = frozenset({"partner_or_ex", "lives_with_me"})
"""Who-answers that mean the person doing it may also see the phone: a partner, an ex or
someone at home."""


def _watched(values: dict[str, str | tuple[str, ...]]) -> bool:
    checked = values.get("getting_help.someone_checks_phone")
    who = values.get("sextortion.who_is_threatening") or values.get("getting_help.who_did_it")
    exposed = values.get("account_security.someone_knows_passwords") == "yes" or (
        values.get("account_security.photo_backup_access") == "yes"
    )
    return checked == "yes" or who in CLOSE_TO_HOME or (checked == "prefer_not_to_say" and exposed)


def situation_of(answers: Answers) -> Situation:
    values = answers.values
    for_whom = values.get("profile.for_whom")
    contact = values.get("profile.contact_method")
    age = values.get("profile.age_band")
    nation = values.get("profile.nation")
    threat = values.get("situation.threat_to_share")
    shared = values.get("situation.image_shared")
    threatened = threat == "yes"
    image_shared = shared == "yes"
    return Situation(
        age_band=next((band for band in AGE_BANDS if band == age), None),
        nation=next((known for known in NATIONS if known == nation), None),
        threatened=threatened,
        image_shared=image_shared,
        unsure=not (threatened or image_shared)
        and (threat == "prefer_not_to_say" or shared == "not_sure"),
        money_lost=values.get("sextortion.paid_money") == "yes",
        scam_message=values.get("webcam.recorded_you_message") == "yes" and not threatened,
        hurt=_chose_any(values, HARM_OPTIONS),
        own_image=_chose_any(values, OWN_IMAGE_OPTIONS),
        watched=_watched(values),
        helper=for_whom if for_whom in HELPERS else None,
        outing=values.get("sextortion.outing_threat") == "yes",
        contact=contact if isinstance(contact, str) else None,
    )


Predicate = Callable[[Situation], bool]


def _first(_: Situation) -> int:
    return 0


class Reason(msgspec.Struct, frozen=True):
    """Every sentence a row can give, and which one a situation gets. The sentences are declared
    up front, not built per person, so the catalogue can hold each one whole (`sentences()`)."""

    texts: tuple[str, ...]
    pick: Callable[[Situation], int] = _first

    def __call__(self, situation: Situation) -> str:
        return self.texts[self.pick(situation)]


Who = Literal["everyone", "child", "adult"]
"""Whom a row is for, on top of the service's own age limits. "adult" rows hold services
whose own pages do not say they support under-18s."""

_OLDEST = 200
_WHO_AGES: dict[Who, tuple[int, int]] = {
    "everyone": (0, _OLDEST),
    "child": (0, 17),
    "adult": (18, _OLDEST),
}


class Route(msgspec.Struct, frozen=True):
    resource_id: str
    who: Who
    applies: Predicate
    reason: Reason
    helper_reason: Reason | None = None
    """The reason as someone helping the person reads it; a row without one is not shown to
    helpers (it speaks to the person about their own life)."""


def _for_helpers(text: str) -> Reason:
    return Reason((text,))


def _always(_: Situation) -> bool:
    return True


def _fixed(text: str) -> Reason:
    return Reason((text,))


def _tone_of(situation: Situation) -> int:
    if situation.urgent:
        return 0
    return 1 if situation.unsure else 2


def _tone(urgent: str, unsure: str, calm: str) -> Reason:
    """Urgent words for an urgent person; calm "if something like this is happening" words
    for someone unsure; everyday words otherwise."""
    return Reason((urgent, unsure, calm), _tone_of)


CHILDLINE_IN_WELSH = (
    "can ask for a counsellor who speaks Welsh, though one may not always be available."
)
"""Childline counsels in Welsh on request (NSPCC Cymru, helpers-and-edges.md §5, secondary): a
request, not a promise, since whether one is free when asked is not confirmed. Said here, to
people in Wales, rather than as a "please check" note that everyone would read."""


def _responding(situation: Situation) -> bool:
    return situation.urgent or situation.unsure


def _sexual_harm(situation: Situation) -> bool:
    return situation.urgent or situation.unsure or situation.hurt


def _abuse_close_to_home(situation: Situation) -> bool:
    return situation.watched


CONTROLLING = "if a partner, ex or family member is controlling or hurting you"
SEXUAL_HARM_REASON = _tone(
    "Free support from people who understand sexual abuse, including images shared or threatened.",
    "If something like this is happening, or you're not sure what happened, you can talk "
    "it through.",
    "Support after something sexual that you didn't want, whenever it happened.",
)
AFTER_CRIME = "Free support after any crime, whether or not you tell the police."


def _adult_helper(situation: Situation) -> bool:
    return situation.helper in ("my_child", "a_student", "partner_or_family")


def _no_voice(situation: Situation) -> bool:
    return situation.contact in ("text_or_chat", "bsl")


FOR_THEM_CONTROLLING = "if a partner, ex or family member is controlling or hurting them"

ROUTES: tuple[Route, ...] = (
    Route(
        "police_emergency",
        "everyone",
        _always,
        _fixed("If you are in danger right now."),
        _for_helpers("If they are in danger right now."),
    ),
    Route(
        "emergency_bsl",
        "everyone",
        lambda situation: situation.contact == "bsl",
        _fixed("To reach the emergency services in British Sign Language, any time."),
        _for_helpers("To reach the emergency services in British Sign Language, any time."),
    ),
    Route(
        "emergency_sms",
        "everyone",
        _no_voice,
        _fixed(
            "To text the emergency services if you can't call. Register now, so it works when "
            "you need it."
        ),
        _for_helpers("To text the emergency services if a call is not possible. Register first."),
    ),
    Route(
        "childline",
        "child",
        _always,
        Reason(
            (
                "Talk to someone now about what is happening. It's free and private.",
                "If something like this is happening, or you're worried it might, you can talk "
                "it through. It's free and private.",
                "Talk to someone about anything that worries you online. It's free and private.",
                "Talk to someone now about what is happening. It's free and private, and you "
                f"{CHILDLINE_IN_WELSH}",
                "If something like this is happening, or you're worried it might, you can talk "
                f"it through. It's free and private, and you {CHILDLINE_IN_WELSH}",
                "Talk to someone about anything that worries you online. It's free and private, "
                f"and you {CHILDLINE_IN_WELSH}",
            ),
            lambda situation: _tone_of(situation) + (3 if situation.nation == "wales" else 0),
        ),
        Reason(
            (
                "You and your friend can both talk to Childline, free and private, any time.",
                "They can talk to Childline themselves, free and private, any time.",
                "You and your friend can both talk to Childline, free and private, any time, "
                f"and {CHILDLINE_IN_WELSH}",
                "They can talk to Childline themselves, free and private, any time, and they "
                f"{CHILDLINE_IN_WELSH}",
            ),
            lambda situation: (
                (0 if situation.helper == "a_friend" else 1)
                + (2 if situation.nation == "wales" else 0)
            ),
        ),
    ),
    Route(
        "nspcc_helpline",
        "child",
        _adult_helper,
        _fixed("Advice for any adult worried about a child."),
        _for_helpers("Advice for you, as an adult worried about a child. You can stay anonymous."),
    ),
    Route(
        "ceop",
        "child",
        _always,
        _tone(
            "Report what is happening. A child protection adviser will read it and help you.",
            "If someone is threatening you or asking for pictures, you can report it. A child "
            "protection adviser will read it.",
            "If anyone online asks you for nudes, threatens you or makes you feel unsafe.",
        ),
        _for_helpers(
            "Report what is happening to them. A child protection adviser reads every report "
            "and will contact you."
        ),
    ),
    Route(
        "meic",
        "everyone",
        lambda situation: not situation.adult,
        _fixed("Free help for young people in Wales, in Welsh or English, by phone, text or chat."),
        _for_helpers("Free help for young people in Wales, in Welsh or English."),
    ),
    # Someone close who checks the phone or does it: the domestic-abuse services of their
    # nation come near the top, then the services for men and for LGBT+ people.
    Route(
        "national_domestic_abuse_helpline",
        "adult",
        _abuse_close_to_home,
        _fixed(f"Free help for women {CONTROLLING}. They can call you back at a safe time."),
        _for_helpers(f"Free help for women {FOR_THEM_CONTROLLING}."),
    ),
    Route(
        "live_fear_free",
        "adult",
        _abuse_close_to_home,
        _fixed(f"Free help for anyone {CONTROLLING}, any time."),
        _for_helpers(
            f"Free help for anyone {FOR_THEM_CONTROLLING}, and for the people close to them."
        ),
    ),
    Route(
        "scotland_domestic_abuse_helpline",
        "everyone",
        _abuse_close_to_home,
        _fixed(f"Free help for anyone, of any age, {CONTROLLING}, any time."),
        _for_helpers(f"Free help for anyone, of any age, {FOR_THEM_CONTROLLING}, any time."),
    ),
    Route(
        "ni_domestic_sexual_abuse_helpline",
        "everyone",
        _abuse_close_to_home,
        _fixed(f"Free help for anyone, of any age, {CONTROLLING}, any time."),
        _for_helpers(f"Free help for anyone, of any age, {FOR_THEM_CONTROLLING}, any time."),
    ),
    Route(
        "mens_advice_line",
        "adult",
        _abuse_close_to_home,
        _fixed(f"Free help for men {CONTROLLING}."),
        _for_helpers(f"Free help for men {FOR_THEM_CONTROLLING}."),
    ),
    Route(
        "galop",
        "adult",
        lambda situation: _abuse_close_to_home(situation) or situation.outing,
        Reason(
            (
                "Help for LGBT+ people, from LGBT+ staff, if someone threatens to out you.",
                "Help for LGBT+ people, from LGBT+ staff, if someone is controlling or hurting "
                "you.",
            ),
            lambda situation: 0 if situation.outing else 1,
        ),
        _for_helpers("Help from LGBT+ staff for LGBT+ people facing threats or abuse."),
    ),
    Route(
        "mermaids",
        "everyone",
        lambda situation: situation.outing,
        _fixed(
            "If you are trans, non-binary or questioning your gender: support from people who "
            "understand."
        ),
        _for_helpers("Support for trans and gender-diverse young people, and their families."),
    ),
    Route(
        "report_remove",
        "child",
        lambda situation: situation.needs_image_removal,
        _fixed("To get a nude picture or video of you taken down, without needing an adult."),
        _for_helpers(
            "They can use it to get a nude picture of them taken down. They make the report; "
            "you can help."
        ),
    ),
    Route(
        "take_it_down",
        "everyone",
        lambda situation: (
            situation.needs_image_removal
            and (not situation.adult or situation.image_shared or situation.unsure)
        ),
        Reason(
            (
                "To stop a nude picture of you being shared on sites that take part.",
                "If the picture was taken when you were under 18, use this instead of StopNCII.",
                "If a nude picture of you was taken when you were under 18: to stop it being "
                "shared on sites that take part.",
            ),
            lambda situation: 0 if situation.child else 1 if situation.adult else 2,
        ),
        Reason(
            (
                "To stop a nude picture of them being shared on sites that take part, from "
                "their device.",
                "If the picture was taken when they were under 18.",
            ),
            lambda situation: 1 if situation.adult else 0,
        ),
    ),
    Route(
        "revenge_porn_helpline",
        "adult",
        lambda situation: situation.needs_image_removal,
        _tone(
            "Specialist advice on getting images removed, threats and going to the police.",
            "If something like this is happening, they can talk it through and explain your "
            "choices.",
            "If anyone shares, or threatens to share, an intimate image of you.",
        ),
        _for_helpers("Advice for them, and for friends and family supporting them."),
    ),
    Route(
        "stopncii",
        "adult",
        lambda situation: situation.needs_image_removal,
        _tone(
            "To stop an intimate image of you being shared on sites that take part, even if "
            "it's only been threatened.",
            "If you're worried an intimate image of you could be shared, it can stop it on "
            "sites that take part.",
            "If you're ever worried an intimate image of you could be shared.",
        ),
        _for_helpers(
            "They can use it themselves to stop an intimate image being shared on sites that "
            "take part."
        ),
    ),
    Route(
        "rape_crisis_england_wales",
        "everyone",
        _sexual_harm,
        SEXUAL_HARM_REASON,
        _for_helpers("Support after sexual abuse, for them and for friends and family."),
    ),
    Route("rape_crisis_scotland", "everyone", _sexual_harm, SEXUAL_HARM_REASON),
    Route("ni_domestic_sexual_abuse_helpline", "everyone", _sexual_harm, SEXUAL_HARM_REASON),
    Route(
        "police_non_emergency",
        "everyone",
        _always,
        Reason(
            (
                "If you lost money, report it to Police Scotland here, and tell your bank.",
                "To report a crime that is not an emergency, such as threats to share images.",
            ),
            lambda situation: 0 if situation.money_lost and situation.nation == "scotland" else 1,
        ),
        _for_helpers("To report a crime that is not an emergency."),
    ),
    Route(
        "samaritans",
        "everyone",
        lambda situation: situation.distressed,
        _fixed("If you are struggling or feel you can't cope, any time of day or night."),
        _for_helpers("If this is hard for you too, any time of day or night."),
    ),
    Route(
        "shout",
        "everyone",
        lambda situation: situation.distressed,
        _fixed("If you would rather text than talk."),
        _for_helpers("If you or they would rather text than talk."),
    ),
    Route(
        "report_fraud",
        "everyone",
        lambda situation: situation.money_lost,
        Reason(
            (
                "Report the money you lost, and tell your bank.",
                "Report the money you lost, and tell your bank. In Scotland, report it to the "
                "police on {police_non_emergency:phone} instead.",
            ),
            lambda situation: 1 if situation.nation is None else 0,
        ),
        _for_helpers("Report money that was lost, and tell the bank."),
    ),
    Route(
        "ncsc_phishing",
        "everyone",
        lambda situation: situation.scam_message,
        _fixed("To report a scam email that says someone recorded you."),
    ),
    Route(
        "report_harmful_content",
        "everyone",
        _always,
        _fixed("If a site or app doesn't remove something harmful after you report it."),
        _for_helpers("If a site or app doesn't remove something harmful after it is reported."),
    ),
    Route(
        "crimestoppers",
        "everyone",
        _always,
        _fixed("To report a crime without giving your name."),
        _for_helpers("To report a crime without giving your name."),
    ),
    Route(
        "victim_support",
        "everyone",
        _always,
        _fixed(AFTER_CRIME),
        _for_helpers("Free support after a crime, for them and for friends and family."),
    ),
    Route(
        "victim_support_scotland",
        "everyone",
        _always,
        _fixed(AFTER_CRIME),
        _for_helpers("Free support after a crime, for them and for their family."),
    ),
    Route("victim_support_ni", "everyone", _always, _fixed(AFTER_CRIME)),
    Route(
        "relay_uk",
        "everyone",
        lambda situation: situation.distressed or situation.watched or _no_voice(situation),
        _fixed("If you are deaf, or find it hard to hear or speak on the phone."),
        _for_helpers("If they or you are deaf, or find it hard to hear or speak on the phone."),
    ),
)


def _suits(who: Who, resource: Resource, age_band: AgeBand | None) -> bool:
    if age_band is None:
        return True
    if (who == "child" and age_band not in UNDER_18) or (who == "adult" and age_band in UNDER_18):
        return False
    return suits_age(resource, age_band)


def _ages_for(who: Who, resource: Resource) -> str:
    low, high = _WHO_AGES[who]
    low = max(low, resource.min_age or 0)
    high = min(high, _OLDEST if resource.max_age is None else resource.max_age)
    if low == 0 and high >= _OLDEST:
        return ""
    if low == 0:
        return f"are under {high + 1}"
    if high >= _OLDEST:
        return f"are {low} or over"
    return f"are {low} to {high}"


def _places(nations: tuple[Nation, ...]) -> str:
    names = [NATION_NAMES[nation] for nation in nations]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def for_whom(who: Who, resource: Resource, situation: Situation) -> str:
    """ "If you are under 18" and the like ("If they are ..." for a helper), when the person's
    age or nation is not known and the service is not for everyone; "" otherwise."""
    ages = _ages_for(who, resource) if situation.age_unknown else ""
    place = (
        f"live in {_places(resource.nations)}"
        if situation.nation is None and resource.nations
        else ""
    )
    if situation.helper is not None:
        ages = ages.replace("are ", "they are ", 1) if ages else ""
        place = f"they {place}" if place else ""
        if ages and place:
            return f"If {ages} and {place}"
        return f"If {ages or place}" if ages or place else ""
    if ages and place:
        return f"If you {ages} and {place}"
    return f"If you {ages or place}" if ages or place else ""


def _with_whom(whom: str, reason: str) -> str:
    """Join "If you are under 18" to a reason: "If you are under 18 and anyone asks ...", or
    "If you are under 18: talk to someone ..."."""
    if not whom:
        return reason
    if reason.startswith("If "):
        return f"{whom} and {reason.removeprefix('If ')}"
    return f"{whom}: {reason[0].lower()}{reason[1:]}"


def _sentence(
    resource_id: str,
    english: str,
    reasons: Mapping[tuple[str, str], str] | None,
    resources: Mapping[str, Resource],
) -> str:
    sentence = english if reasons is None else reasons.get((resource_id, english), english)
    return render_resource_mentions(sentence, resources) if "{" in sentence else sentence


def route(
    situation: Situation,
    resources: Mapping[str, Resource] = RESOURCES,
    reasons: Mapping[tuple[str, str], str] | None = None,
) -> tuple[SupportItem, ...]:
    """The services for this situation, in order. `resources` and `reasons` are the services
    and each whole English reason sentence (`sentences()`) in the plan's language: which
    services are shown and their order never depend on it."""
    items: list[SupportItem] = []
    shown: set[str] = set()
    helper = situation.helper is not None
    for row in ROUTES:
        resource = resources[row.resource_id]
        reason_of = row.helper_reason if helper else row.reason
        if (
            reason_of is None
            or row.resource_id in shown
            or not row.applies(situation)
            or not covers(resource, situation.nation)
            or not _suits(row.who, resource, situation.age_band)
        ):
            continue
        english = _with_whom(for_whom(row.who, resource, situation), reason_of(situation))
        reason = _sentence(row.resource_id, english, reasons, resources)
        shown_as = notes_for(resource, situation.nation)
        items.append(SupportItem(resource=shown_as, reason=reason))
        shown.add(row.resource_id)
    return tuple(items)


_UNKNOWN_OR_KNOWN: tuple[tuple[AgeBand | None, Nation | None], ...] = (
    (None, None),
    (None, "england"),
    ("18_plus", None),
    ("18_plus", "england"),
)
"""Whether age and nation are known is all that changes the "If you are under 18" part."""


def sentences() -> dict[tuple[str, str], None]:
    """Every whole reason sentence a support list can show, in English, keyed by (service id,
    sentence): the prefix for people of unknown age or nation joined to each declared reason,
    for the person and for a helper. Translators get whole sentences; nothing is joined after."""
    found: dict[tuple[str, str], None] = {}
    for row in ROUTES:
        resource = RESOURCES[row.resource_id]
        helpers: tuple[tuple[ForWhom | None, Reason | None], ...] = (
            (None, row.reason),
            ("a_friend", row.helper_reason),
        )
        for helper, reason in helpers:
            if reason is None:
                continue
            for age_band, nation in _UNKNOWN_OR_KNOWN:
                situation = Situation(age_band=age_band, nation=nation, helper=helper)
                whom = for_whom(row.who, resource, situation)
                for text in reason.texts:
                    found[(row.resource_id, _with_whom(whom, text))] = None
    return found


STRIP_LENGTH = 3


def _reachable(resource: Resource, situation: Situation) -> str | None:
    """How this person can reach the service first, or None: by phone, or without a call."""
    if situation.contact in ("text_or_chat", "bsl"):
        return resource.without_voice or resource.text
    return resource.phone


def _href(resource: Resource, situation: Situation) -> str | None:
    if situation.contact not in ("text_or_chat", "bsl") and resource.phone:
        return "tel:" + "".join(character for character in resource.phone if character.isdigit())
    return resource.url


def _group_named(resource: Resource, situation: Situation) -> bool:
    """The person told us they are in the group the service is for (only a threat to out
    them says so; we never ask anyone's gender or sexuality)."""
    return situation.outing and resource.id in ("galop", "mermaids")


SPECIALIST = "revenge_porn_helpline"
"""Moved up the strip for an adult whose picture was shared or threatened."""


def _unconfirmed_in(situation: Situation) -> bool:
    """The specialist has a "please check" note about how far it helps in the person's
    nation (nations.md 2.16, 2.17: unverified for Northern Ireland)."""
    return any(
        nation == situation.nation
        for (resource_id, _), nation in NOTE_FOR_NATION.items()
        if resource_id == SPECIALIST
    )


def contact_first(situation: Situation, items: tuple[SupportItem, ...]) -> tuple[Contact, ...]:
    """The services for a strip at the top of an urgent page, chosen for this person: ones
    they can reach the way they said they can, never one for a gender we don't know, never a
    nation's service when they didn't say where they live; an adult whose picture was shared
    or threatened gets the Revenge Porn Helpline straight after the emergency line (after one
    more, sure to serve them, where its help for their nation is unconfirmed)."""
    candidates = [
        item.resource
        for item in items
        if _reachable(item.resource, situation)
        and not (item.resource.for_one_group and not _group_named(item.resource, situation))
        and not (situation.nation is None and item.resource.nations)
    ]
    if situation.adult and situation.urgent:
        specialist = [r for r in candidates if r.id == SPECIALIST]
        rest = [r for r in candidates if r.id != SPECIALIST]
        # Where its help for the person's nation is unconfirmed (Northern Ireland), a service
        # sure to serve them comes first: the NI helpline, or the police for a helper.
        lead = 2 if _unconfirmed_in(situation) else 1
        candidates = rest[:lead] + specialist + rest[lead:]
    return tuple(
        Contact(
            id=resource.id,
            name=resource.name,
            label=_reachable(resource, situation) or "",
            href=_href(resource, situation),
            hours=resource.hours,
        )
        for resource in candidates[:STRIP_LENGTH]
    )
