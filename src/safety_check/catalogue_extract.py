"""The `content` domain's messages: rules, questions, helper wording, services and plan lanes.

Content is data, not calls, so `pybabel extract` cannot find it in the source. This walks the
loaded objects instead and gives each user-facing string with its id and field as `msgctxt`
(`rule:report_threats.steps.instagram.2`, `question:profile.age_band.option.13_15`,
`resource:childline.summary`, `plan:URGENT_TITLE`), so a reviewer sees where every message is
shown. Steps carry their rule's `why` as a translator comment, and every message names the
glossary terms it contains.

Not messages: source titles (help pages keep the name the platform gives them) and service names
(the services' own Welsh names are in `locale/cy/services.toml`).

`extract_content` is a Babel extraction method (`locale/content.cfg` maps it onto
`rules/__init__.py`, so `pybabel extract -F src/safety_check/locale/content.cfg` runs it);
`messages()` is the same walk for Python callers.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import IO, Any, NamedTuple

from safety_check import plan
from safety_check.content_language import support_context
from safety_check.helper_wording import HELPER_ACTIONS
from safety_check.i18n import LOCALE_DIR
from safety_check.models import AREA_TITLES, PlatformSteps, Question, Resource, Rule
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import RESOURCES, contact_template
from safety_check.routing import sentences
from safety_check.rules import ALL_RULES

PLAN_PREFIXES = (
    "URGENT_",
    "IF_HAPPENING_",
    "WHEN_READY_",
    "HELPER_",
    "SCORES_WITHHELD",
    "CAUTION_",
)
"""The constants of plan.py a person reads: lane titles and messages, cautions, withheld scores."""


_SUPPORT = (
    "Why this service is shown, in a list of support services; the service's name is shown "
    "above it.",
)


_HELPER_ACTION = (
    "In a helper's plan: a step only the person they help can take, about that person.",
)


class Message(NamedTuple):
    context: str
    english: str
    comments: tuple[str, ...] = ()


def plan_texts() -> dict[str, str]:
    """plan.py's user-facing constants by name, in the order they are declared."""
    return {
        name: value
        for name, value in vars(plan).items()
        if name.startswith(PLAN_PREFIXES) and isinstance(value, str)
    }


def _glossary_terms() -> list[tuple[str, str]]:
    path = LOCALE_DIR / "cy" / "glossary.toml"
    with path.open("rb") as file:
        terms = tomllib.load(file).get("term", [])
    return sorted(
        ((term["english"], term["welsh"]) for term in terms if not term.get("ui")),
        key=lambda pair: -len(pair[0]),
    )


_TERMS = _glossary_terms()


def glossary_comment(english: str) -> tuple[str, ...]:
    """`glossary: sextortion = blacmel rhywiol; ...` for the terms the message contains."""
    text = english.casefold()
    found = []
    for term, welsh in _TERMS:
        pattern = rf"(?<!\w){re.escape(term.casefold())}(?!\w)"
        if re.search(pattern, text):
            text = re.sub(pattern, " ", text)
            found.append(f"{term} = {welsh}")
    return (f"glossary: {'; '.join(found)}",) if found else ()


def _rule_messages(rule: Rule) -> Iterator[Message]:
    base = f"rule:{rule.id}"
    yield Message(f"{base}.title", rule.title)
    if rule.summary:
        yield Message(f"{base}.summary", rule.summary)
    yield Message(f"{base}.why", rule.why)
    if rule.id in HELPER_ACTIONS:
        title, summary = HELPER_ACTIONS[rule.id]
        yield Message(f"{base}.helper_title", title, _HELPER_ACTION)
        yield Message(f"{base}.helper_summary", summary, _HELPER_ACTION)
    why = (f"why: {rule.why}",)
    for field, groups in (("steps", rule.steps), ("how_to_check", rule.how_to_check)):
        yield from _step_messages(f"{base}.{field}", groups, why)


def _step_messages(
    base: str, groups: tuple[PlatformSteps, ...], why: tuple[str, ...]
) -> Iterator[Message]:
    for group in groups:
        for number, step in enumerate(group.steps, 1):
            yield Message(f"{base}.{group.platform}.{number}", step, why)


def _question_messages(question: Question) -> Iterator[Message]:
    base = f"question:{question.id}"
    yield Message(f"{base}.text", question.text)
    for field in ("hint", "helper_text", "helper_hint"):
        value = getattr(question, field)
        if value:
            yield Message(f"{base}.{field}", value)
    for option in question.options:
        yield Message(f"{base}.option.{option.id}", option.label)
        if option.helper_label:
            yield Message(f"{base}.option.{option.id}.helper", option.helper_label)


def _resource_messages(resource: Resource) -> Iterator[Message]:
    base = f"resource:{resource.id}"
    yield Message(f"{base}.summary", resource.summary)
    yield Message(f"{base}.audience", resource.audience)
    if resource.hours:
        yield Message(f"{base}.hours", resource.hours)
    for number, text in enumerate(resource.access):
        yield Message(f"{base}.access.{number}", text)
    for number, text in enumerate(resource.unverified):
        yield Message(f"{base}.unverified.{number}", text)
    if resource.without_voice:
        yield Message(f"{base}.without_voice", resource.without_voice)
    if resource.text:
        template, _ = contact_template(resource.text)
        yield Message(f"{base}.text", template, _CONTACT)


_CONTACT = (
    "The service's own number, address or keyword is filled in for each placeholder. A word "
    "the person types (such as 'register') stays in English.",
)


def messages() -> Iterator[Message]:
    """Every content message, each with its translator comments, in a stable order."""

    def found() -> Iterator[Message]:
        for area, title in AREA_TITLES.items():
            yield Message(f"area:{area}.title", title)
        for question in QUESTIONNAIRE.questions:
            yield from _question_messages(question)
        for rule in ALL_RULES:
            if rule.status != "deprecated":
                yield from _rule_messages(rule)
        for resource in RESOURCES.values():
            yield from _resource_messages(resource)
        for name, text in plan_texts().items():
            yield Message(f"plan:{name}", text)
        for resource_id, sentence in sentences():
            yield Message(support_context(resource_id), sentence, _SUPPORT)

    for message in found():
        yield message._replace(comments=message.comments + glossary_comment(message.english))


def extract_content(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel extraction method: the file it is mapped to only triggers the walk."""
    for message in messages():
        yield 0, "pgettext", (message.context, message.english), list(message.comments)
