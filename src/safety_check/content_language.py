"""The content (questions, helper wording, support services) in each language, built once.

English is the source: each struct here is the English one with its text fields replaced by
`i18n.translations(language).pgettext(context, english)`, where the context is the message's
id and field exactly as `catalogue_extract` writes it. A message without a translation keeps
its English text, so a partly translated language still reads whole sentences.

Everything is built on first use per language and cached: no catalogue lookup happens per
request. Ids, option ids, conditions and every other field the engine decides on are left
untouched, so decisions never depend on the language.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from types import MappingProxyType

import msgspec

from safety_check import i18n
from safety_check.engine import COMPILED_RULES, CompiledRule
from safety_check.helper_wording import HELPER_ACTIONS, HELPER_TEXT
from safety_check.models import (
    AreaInfo,
    DoingWell,
    Option,
    PlatformSteps,
    Question,
    Questionnaire,
    Resource,
    ResourceRef,
)
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import RESOURCES, contact_template, render_resource_mentions
from safety_check.routing import sentences


def question_context(question_id: str, field: str) -> str:
    return f"question:{question_id}.{field}"


def area_context(area: str) -> str:
    return f"area:{area}.title"


def resource_context(resource_id: str, field: str) -> str:
    return f"resource:{resource_id}.{field}"


def _text(language: i18n.Language, context: str, english: str) -> str:
    if language == i18n.DEFAULT or not english:
        return english
    return str(i18n.translations(language).pgettext(context, english))


def _maybe(language: i18n.Language, context: str, english: str | None) -> str | None:
    return None if english is None else _text(language, context, english)


def _option_in(language: i18n.Language, question_id: str, option: Option) -> Option:
    base = question_context(question_id, f"option.{option.id}")
    return msgspec.structs.replace(
        option,
        label=_text(language, base, option.label),
        helper_label=_maybe(language, f"{base}.helper", option.helper_label),
    )


def _question_in(language: i18n.Language, question: Question) -> Question:
    def field(name: str, english: str | None) -> str | None:
        return _maybe(language, question_context(question.id, name), english)

    return msgspec.structs.replace(
        question,
        text=_text(language, question_context(question.id, "text"), question.text),
        hint=field("hint", question.hint),
        helper_text=field("helper_text", question.helper_text),
        helper_hint=field("helper_hint", question.helper_hint),
        options=tuple(_option_in(language, question.id, option) for option in question.options),
    )


@functools.cache
def questionnaire_in(language: i18n.Language) -> Questionnaire:
    """The questionnaire in `language`; the English object itself for English."""
    if language == i18n.DEFAULT:
        return QUESTIONNAIRE
    return msgspec.structs.replace(
        QUESTIONNAIRE,
        areas=tuple(
            AreaInfo(id=area.id, title=_text(language, area_context(area.id), area.title))
            for area in QUESTIONNAIRE.areas
        ),
        questions=tuple(_question_in(language, question) for question in QUESTIONNAIRE.questions),
    )


@functools.cache
def questions_by_id_in(language: i18n.Language) -> Mapping[str, Question]:
    return MappingProxyType({q.id: q for q in questionnaire_in(language).questions})


@functools.cache
def helper_text_in(language: i18n.Language) -> Mapping[str, str]:
    """Each question's helper wording ("How old are they?") in `language`, by question id."""
    return MappingProxyType(
        {
            question_id: _text(language, question_context(question_id, "helper_text"), english)
            for question_id, english in HELPER_TEXT.items()
        }
    )


@functools.cache
def service_names(language: i18n.Language) -> Mapping[str, str]:
    """Support services' names as the services write them in `language` (services.toml).

    Names are not catalogue messages: a service's name is a fact about the service, kept beside
    its source, never our translation.
    """
    path = i18n.LOCALE_DIR / language / "services.toml"
    if language == i18n.DEFAULT or not path.exists():
        return MappingProxyType({})
    with path.open("rb") as file:
        entries = tomllib.load(file).get("service", [])
    return MappingProxyType({entry["id"]: entry["name"]["welsh"] for entry in entries})


def _resource_in(language: i18n.Language, resource: Resource) -> Resource:
    def field(name: str, english: str) -> str:
        return _text(language, resource_context(resource.id, name), english)

    return msgspec.structs.replace(
        resource,
        name=service_names(language).get(resource.id, resource.name),
        summary=field("summary", resource.summary),
        audience=field("audience", resource.audience),
        hours=None if resource.hours is None else field("hours", resource.hours),
        access=tuple(field(f"access.{n}", text) for n, text in enumerate(resource.access)),
        unverified=tuple(
            field(f"unverified.{n}", text) for n, text in enumerate(resource.unverified)
        ),
        without_voice=(
            None
            if resource.without_voice is None
            else field("without_voice", resource.without_voice)
        ),
        text=None if resource.text is None else _contact_in(language, resource.id, resource.text),
    )


def _contact_in(language: i18n.Language, resource_id: str, english: str) -> str:
    template, values = contact_template(english)
    return _text(language, resource_context(resource_id, "text"), template).format_map(values)


@functools.cache
def resources_in(language: i18n.Language) -> Mapping[str, Resource]:
    """The support services in `language`, by id; numbers and addresses are never changed."""
    if language == i18n.DEFAULT:
        return MappingProxyType(RESOURCES)
    return MappingProxyType(
        {resource_id: _resource_in(language, r) for resource_id, r in RESOURCES.items()}
    )


def support_context(resource_id: str) -> str:
    return f"support:{resource_id}.reason"


@functools.cache
def support_reasons_in(language: i18n.Language) -> Mapping[tuple[str, str], str] | None:
    """Every whole support-list reason in `language`, keyed by (service id, English sentence);
    None for English, whose sentences are the keys."""
    if language == i18n.DEFAULT:
        return None
    return MappingProxyType(
        {
            (resource_id, english): _text(language, support_context(resource_id), english)
            for resource_id, english in sentences()
        }
    )


def rule_context(rule_id: str, field: str) -> str:
    return f"rule:{rule_id}.{field}"


class RuleText(msgspec.Struct, frozen=True, kw_only=True):
    """A compiled rule's words in one language: what `CompiledRule` holds in English."""

    title: str
    summary: str
    why: str
    steps: tuple[PlatformSteps, ...]
    how_to_check: tuple[PlatformSteps, ...]
    resources: tuple[ResourceRef, ...]
    praise: DoingWell | None


def _steps_in(
    language: i18n.Language,
    rule_id: str,
    field: str,
    groups: tuple[PlatformSteps, ...],
    services: Mapping[str, Resource],
) -> tuple[PlatformSteps, ...]:
    return tuple(
        msgspec.structs.replace(
            group,
            steps=tuple(
                render_resource_mentions(
                    _text(language, rule_context(rule_id, f"{field}.{group.platform}.{n}"), step),
                    services,
                )
                for n, step in enumerate(group.steps, 1)
            ),
        )
        for group in groups
    )


def _rule_text(language: i18n.Language, compiled: CompiledRule) -> RuleText:
    rule = compiled.rule
    services = resources_in(language)

    def field(name: str, english: str) -> str:
        text = _text(language, rule_context(rule.id, name), english)
        return render_resource_mentions(text, services)

    title = field("title", rule.title)
    return RuleText(
        title=title,
        summary=field("summary", rule.summary),
        why=field("why", rule.why),
        steps=_steps_in(language, rule.id, "steps", rule.steps, services),
        how_to_check=_steps_in(language, rule.id, "how_to_check", rule.how_to_check, services),
        resources=tuple(
            ResourceRef(id=ref.id, name=services[ref.id].name) for ref in compiled.resources
        ),
        praise=None
        if compiled.praise is None
        else msgspec.structs.replace(compiled.praise, title=title),
    )


def _english_rule_text(compiled: CompiledRule) -> RuleText:
    return RuleText(
        title=compiled.title,
        summary=compiled.summary,
        why=compiled.why,
        steps=compiled.steps,
        how_to_check=compiled.how_to_check,
        resources=compiled.resources,
        praise=compiled.praise,
    )


@functools.cache
def rule_texts_in(language: i18n.Language) -> Mapping[int, RuleText]:
    """Every compiled rule's words in `language`, by `CompiledRule.order`."""
    if language == i18n.DEFAULT:
        return MappingProxyType({c.order: _english_rule_text(c) for c in COMPILED_RULES})
    return MappingProxyType({c.order: _rule_text(language, c) for c in COMPILED_RULES})


@functools.cache
def helper_actions_in(language: i18n.Language) -> Mapping[str, tuple[str, str]]:
    """`HELPER_ACTIONS` in `language`: each listed rule's title and summary as a helper reads
    it, by rule id."""
    services = resources_in(language)
    return MappingProxyType(
        {
            rule_id: tuple(  # type: ignore[misc]
                render_resource_mentions(
                    _text(language, rule_context(rule_id, f"helper_{field}"), english), services
                )
                for field, english in zip(("title", "summary"), words, strict=True)
            )
            for rule_id, words in HELPER_ACTIONS.items()
        }
    )


def plan_context(name: str) -> str:
    return f"plan:{name}"


@functools.cache
def plan_texts_in(language: i18n.Language) -> Mapping[str, str]:
    """plan.py's lane titles, messages and cautions in `language`, keyed by their English text:
    the engine decides in English constants and the words are swapped at the end."""
    from safety_check.catalogue_extract import plan_texts

    return MappingProxyType(
        {
            english: _text(language, plan_context(name), english)
            for name, english in plan_texts().items()
        }
    )


def area_title_in(language: i18n.Language, area: str, english: str) -> str:
    return _text(language, area_context(area), english)
