"""What the plan page needs beyond the plan: actions grouped by area, and contact details turned
into links a phone can tap.

Numbers and addresses exist only in the resources catalogue, so the links are made from it: any
catalogue phone number, text number, email or web address inside step text (after escaping)
becomes a `tel:`, `sms:`, `mailto:` or web link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from safety_check import i18n
from safety_check.content_language import area_title_in
from safety_check.models import (
    AREA_TITLES,
    HELPERS,
    Action,
    AnswerRef,
    Area,
    Contact,
    Plan,
    Resource,
)
from safety_check.questionnaire import QUESTIONS_BY_ID
from safety_check.resources import RESOURCES
from safety_check.service.individual.on_device import tick_id
from safety_check.service.platform.template_i18n import Text, context_language, pgettext, translate
from safety_check.textplan import (
    PLATFORM_NAMES,
    action_summary,
    action_title,
    because_sentence,
    first_heading,
)

SUPPORT_SHOWN = 6
SUPPORT_SHOWN_URGENT = 4
"""Services shown in full (fewer on the urgent page, which opens with the numbers to call); the
rest are one tap away, in the routing's order of priority, so the page stays short on a phone."""
_TEXT_NUMBER = re.compile(r"Text (\w+) to (\d+)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _address(url: str) -> str:
    return url.removeprefix("https://").removesuffix("/")


def tel_href(phone: str) -> str:
    return "tel:" + phone.replace(" ", "")


def _link(href: str, text: str, external: bool = False) -> str:
    rel = ' rel="noreferrer nofollow"' if external else ""
    return f'<a href="{escape(href)}"{rel}>{escape(text)}</a>'


def _catalogue_links(resources: Iterable[Resource]) -> dict[str, str]:
    """Each piece of contact text as written in the catalogue, to its link."""
    links: dict[str, str] = {}
    for resource in resources:
        if resource.phone:
            links[resource.phone] = _link(tel_href(resource.phone), resource.phone)
        if resource.url:
            links[resource.url] = _link(resource.url, _address(resource.url), external=True)
            links[_address(resource.url)] = _link(resource.url, _address(resource.url), True)
        if resource.text:
            for keyword, number in _TEXT_NUMBER.findall(resource.text):
                links[number] = _link(f"sms:{number}?&body={keyword}", number)
            for email in _EMAIL.findall(resource.text):
                links[email] = _link(f"mailto:{email}", email)
    return links


_LINKS = _catalogue_links(RESOURCES.values())
_PATTERN = re.compile(
    "|".join(
        rf"(?<![\w./-]){re.escape(str(escape(text)))}(?![\w/-]|\.\w)"
        for text in sorted(_LINKS, key=len, reverse=True)
    )
)
_BY_ESCAPED = {str(escape(text)): link for text, link in _LINKS.items()}


def linkify(text: str) -> Markup:
    """Escape `text`, then link every catalogue number and address in it."""
    escaped = str(escape(text))
    return Markup(_PATTERN.sub(lambda match: _BY_ESCAPED[match.group(0)], escaped))  # noqa: S704


@pass_context
def contact_links(context: Context, resource: Resource) -> Markup:
    """The service's contact details as links, for the support lists."""
    parts = []
    if resource.phone:
        call = translate(context.get("language", "en"), CALL)
        parts.append(str(escape(call) % {"phone": Markup(_LINKS[resource.phone])}))  # noqa: S704
    if resource.text:
        parts.append(str(linkify(resource.text)))
    if resource.url:
        parts.append(_LINKS[resource.url])
    return Markup(" · ".join(parts))  # noqa: S704  (built from escaped parts)


@pass_context
def and_list(context: Context, items: tuple[str, ...], conjunction: str) -> str:
    """Jinja's `join` for a list read as words: Welsh "a" becomes "a'r" or "ac" as the next
    word needs (`i18n.and_list`)."""
    return i18n.and_list(context_language(context), items, conjunction)


CALL = pgettext("page:support", "Call %(phone)s")
"""A service's phone number, as a link, follows the word: nothing in Welsh mutates a number."""


def by_area(
    actions: Iterable[Action], language: i18n.Language = i18n.DEFAULT
) -> list[tuple[str, list[Action]]]:
    """Actions grouped by area, the group with the most pressing action first."""
    groups: dict[Area, list[Action]] = {}
    for action in actions:
        groups.setdefault(action.area, []).append(action)
    return [
        (area_title_in(language, area, AREA_TITLES[area]), items) for area, items in groups.items()
    ]


def call_now(plan: Plan) -> tuple[Contact, ...]:
    """The services for the top of an urgent page, chosen for the person by the plan."""
    return plan.contact_first


CAUTION_AGAIN = pgettext(
    "page:plan", "As above: someone who checks the phone, or the person doing this, could see this."
)


def caution_texts(
    plan: Plan, later_groups: list[tuple[str, list[Action]]]
) -> dict[str, str | Text]:
    """Each action's caution as shown: in full the first time down the page, then short, so a
    long plan for someone watched does not repeat the same paragraph at every step."""
    lane = plan.urgent.actions if plan.urgent else ()
    later = plan.when_ready.actions if plan.when_ready else ()
    grouped = [action for _, actions in later_groups for action in actions]
    shown: dict[str, str | Text] = {}
    seen: set[str] = set()
    for action in (*lane, *plan.do_first, *grouped, *later):
        if action.caution:
            shown[action.rule_id] = CAUTION_AGAIN if action.caution in seen else action.caution
            seen.add(action.caution)
    return shown


@pass_context
def _action_title(context: Context, action: Action) -> str:
    return action_title(action, context_language(context))


@pass_context
def _action_summary(context: Context, action: Action) -> str:
    return action_summary(action, context_language(context))


@pass_context
def _because_sentence(context: Context, ref: AnswerRef, helper: bool = False) -> str:
    return because_sentence(ref, helper, context_language(context))


def plan_context(
    plan: Plan, urgent_only: bool, language: i18n.Language = i18n.DEFAULT
) -> dict[str, Any]:
    later_groups = by_area(plan.next, language)
    return {
        "plan": plan,
        "cautions": caution_texts(plan, later_groups),
        "later_groups": later_groups,
        "call_now": call_now(plan),
        "support_shown": SUPPORT_SHOWN_URGENT if urgent_only else SUPPORT_SHOWN,
        "platform_names": PLATFORM_NAMES,
        "because_sentence": _because_sentence,
        "action_title": _action_title,
        "action_summary": _action_summary,
        "first_heading": first_heading,
    }


def register(environment: Any) -> None:
    """Add the filters and helpers the templates use to a Jinja environment."""
    environment.filters["linkify"] = linkify
    environment.filters["and_list"] = and_list
    environment.globals["contact_links"] = contact_links
    environment.globals["tel_href"] = tel_href
    environment.globals["first_input"] = first_input
    environment.globals["helpers"] = HELPERS
    environment.globals["tick_id"] = tick_id


def first_input(question_id: str) -> str:
    """The id of a question's first radio or checkbox, where an error link takes focus."""
    question = QUESTIONS_BY_ID.get(question_id)
    field = "q-" + question_id.replace(".", "-")
    return f"{field}-{question.options[0].id}" if question else field
