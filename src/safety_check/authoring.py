"""Short constructors for rule-module content, so each module reads as data.

COVER = single(
    "webcam.cover_when_unused",
    "When you're not using your computer's camera, do you cover it or close the lid?",
    options=(opt("always", "Always", 1.0), opt("sometimes", "Sometimes", 0.5), ...),
    role="habit",
    when="profile.devices in [mac, windows, chromebook]",
    weight=2,
)
"""

from __future__ import annotations

from safety_check.conditions import parse
from safety_check.models import Option, Platform, PlatformSteps, Question, Role, Section, Source

NOT_SURE = "not_sure"
PREFER_NOT_TO_SAY = "prefer_not_to_say"


def opt(
    option_id: str,
    label: str,
    safety: float | None = None,
    *,
    harm: bool = False,
    own_image: bool = False,
) -> Option:
    return Option(id=option_id, label=label, safety=safety, harm=harm, own_image=own_image)


def not_sure(safety: float | None = 0.5) -> Option:
    """The "I'm not sure" option: half marks, and a "how to check" action from its rule."""
    return Option(id=NOT_SURE, label="I'm not sure", safety=safety)


def _section(question_id: str) -> Section:
    section = question_id.split(".", 1)[0]
    return section  # type: ignore[return-value]  # checked by the registry tests


def single(
    question_id: str,
    text: str,
    *,
    role: Role,
    options: tuple[Option, ...],
    when: str | None = None,
    weight: int = 0,
    hint: str | None = None,
    required: bool = False,
) -> Question:
    return Question(
        id=question_id,
        section=_section(question_id),
        role=role,
        kind="single",
        text=text,
        options=options,
        hint=hint,
        when=when,
        condition=parse(when) if when else None,
        weight=weight,
        required=required,
    )


def multi(
    question_id: str,
    text: str,
    *,
    role: Role,
    options: tuple[Option, ...],
    when: str | None = None,
    hint: str | None = None,
) -> Question:
    return Question(
        id=question_id,
        section=_section(question_id),
        role=role,
        kind="multi",
        text=text,
        options=options,
        hint=hint,
        when=when,
        condition=parse(when) if when else None,
    )


def steps(platform: Platform, *lines: str, checked: str) -> PlatformSteps:
    return PlatformSteps(platform=platform, steps=lines, checked=checked)


def source(title: str, url: str, *, weak: bool = False) -> Source:
    return Source(title=title, url=url, weak=weak)


REPORT_MONEY_LOST_SOURCES = (
    source(
        # The title names no service: it is shown beside steps that, in Scotland, send the
        # person to the police instead.
        "MetEngage (Metropolitan Police message): the national fraud reporting service's new "
        "name and address from 4 December 2025",
        "https://www.metengage.co.uk/Alerts/A/367666/{MESSAGE-SETTINGS}",
    ),
    source(
        "mygov.scot: reporting online crime to the police (Police Scotland)",
        "https://www.mygov.scot/staying-safe-online/reporting-online-crime-to-the-police/",
    ),
)
"""What `report_money_lost` rests on; a rule using its steps cites these."""


def report_money_lost(checked: str) -> tuple[PlatformSteps, ...]:
    """Where to report money lost: Report Fraud outside Scotland, Police Scotland in it, so
    nobody in Scotland is sent to a service that does not cover them."""
    fraud = "Report the money you lost to {report_fraud}."
    return (
        steps("england", fraud, checked=checked),
        steps("wales", fraud, checked=checked),
        steps("northern_ireland", fraud, checked=checked),
        steps(
            "scotland",
            "In Scotland, report the money you lost to the police: {police_non_emergency}.",
            checked=checked,
        ),
    )
