"""A plan as JSON, written from the engine's decisions out of fragments encoded at start-up.

`build_plan` makes objects for the pages; the API needs only bytes. Every static part of an
action (its title, summary, why, each platform's steps, its sources) is encoded once, when this
module is imported, and a plan is a join of those fragments with the few parts that depend on
the person (the answers given as reasons, which platforms' steps, the caution). Nothing is
cached per plan, so memory stays flat however many plans are served.

The bytes equal `msgspec.json.encode(build_plan(answers))` when everything is included
(`include=all`); a test holds the two together on every persona and thousands of random answer
sets. By default a plan is compact (see `Include`): the rest is asked for by name, or read once
from `GET /api/v1/content/rules/{id}`.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable
from functools import lru_cache

import msgspec

from safety_check import i18n
from safety_check.content_language import (
    RuleText,
    plan_texts_in,
    questionnaire_in,
    resources_in,
    rule_texts_in,
)
from safety_check.engine import COMPILED_RULES, CompiledRule
from safety_check.models import Answers, PlatformSteps, Questionnaire
from safety_check.plan import (
    _PERSONAL,
    DO_FIRST_LIMIT,
    MENTIONS,
    SUPPORT_CACHE_SIZE,
    TAILS,
    WHEN_READY_TITLE,
    AnswerValues,
    Chosen,
    Composition,
    compose,
    lane_title,
    scores_in,
    support_for,
    text_in,
    urgent_message,
    when_ready_message,
    withheld,
)
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.routing import Situation, situation_of
from safety_check.scoring import score

_encode = msgspec.json.encode


class Include(enum.IntFlag):
    """What a plan carries beyond the compact default (ids, titles, summaries, this person's
    steps, cautions, support services and scores)."""

    findings = 1
    """Every rule's finding (fail, pass, not applicable, not answered)."""
    sources = 2
    """Each action's sources."""
    reasons = 4
    """Each action's `why` and `because` (the answers that put it in the plan)."""
    details = 8
    """Each action's area, purpose, severity, effort, services named and content version."""
    later_steps = 16
    """The steps of the "when you feel ready" actions (ids, titles and summaries are always
    there)."""


ALL = Include(sum(Include))
COMPACT = Include(0)
INCLUDE_NAMES: tuple[str, ...] = (*(flag.name or "" for flag in Include), "all")


def include_of(names: Iterable[str]) -> Include:
    """The flags for `?include=` names; unknown names are refused earlier, by the schema."""
    chosen = Include(0)
    for name in names:
        chosen |= ALL if name == "all" else Include[name]
    return chosen


# Slots in an action's template, filled per person.
_BECAUSE, _STEPS, _HOW, _RESOURCES = range(4)
Piece = bytes | int


def _field(name: str, value: object) -> bytes:
    return b',"' + name.encode() + b'":' + _encode(value)


def _groups(groups: tuple[PlatformSteps, ...]) -> tuple[tuple[str, bytes], ...]:
    return tuple((group.platform, _encode(group)) for group in groups)


class _RuleJSON:
    """One rule's action, encoded as far as it can be without knowing the person."""

    __slots__ = (
        "always_steps",
        "area_purpose",
        "content_version",
        "head",
        "how",
        "platforms",
        "resource_groups",
        "resource_static",
        "resources",
        "severity_effort",
        "sources",
        "steps",
        "title_summary",
        "urgent_step",
        "why",
    )

    def __init__(self, compiled: CompiledRule, words: RuleText) -> None:
        rule = compiled.rule
        self.head = b'{"rule_id":' + _encode(rule.id)
        self.area_purpose = _field("area", rule.area) + _field("purpose", rule.purpose)
        self.title_summary = _field("title", words.title) + _field("summary", words.summary)
        self.why = _field("why", words.why)
        self.steps = _groups(words.steps)
        self.how = _groups(words.how_to_check)
        # Steps only for "general" show whatever the person uses: no choice to make per plan.
        self.always_steps = all(platform == "general" for platform, _ in self.steps)
        self.severity_effort = _field("severity", rule.severity) + _field(
            "effort_minutes", rule.effort_minutes
        )
        self.sources = _field("sources", rule.sources)
        self.content_version = _field("content_version", CONTENT_VERSION)
        self.urgent_step = _field("urgent_step", rule.urgent_step)
        self.resources = tuple((ref.id, _encode(ref)) for ref in words.resources)
        mentions = MENTIONS[compiled.order]
        self.resource_static = mentions.always
        self.resource_groups = mentions.by_platform
        self.platforms = frozenset(
            platform for platform, _ in (*self.steps, *self.how, *self.resource_groups)
        )
        """Every platform its steps or services name: which of them a person uses is all that
        its steps, checks and services shown depend on."""

    def template(self, include: Include, later: bool, unsure: bool) -> tuple[Piece, ...]:
        """The action's pieces in field order: static bytes merged, slots left as ints."""
        details, reasons = Include.details in include, Include.reasons in include
        steps = not later or Include.later_steps in include
        parts: list[Piece | None] = [
            self.head,
            self.area_purpose if details else None,
            self.title_summary,
            self.why if reasons else None,
            _BECAUSE if reasons else None,
            (self._static_steps() if self.always_steps else _STEPS) if steps else None,
            (_HOW if unsure else b',"how_to_check":[]') if steps else None,
            self.severity_effort if details else None,
            self.sources if Include.sources in include else None,
            (_RESOURCES if self.resource_groups else self._static_resources()) if details else None,
            self.content_version if details else None,
            self.urgent_step,
        ]
        merged: list[Piece] = []
        for part in parts:
            if isinstance(part, bytes) and merged and isinstance(merged[-1], bytes):
                merged[-1] += part
            elif part is not None:
                merged.append(part)
        return tuple(merged)

    def _static_steps(self) -> bytes:
        return b',"steps":[' + b",".join(fragment for _, fragment in self.steps) + b"]"

    def _static_resources(self) -> bytes:
        named = self.resource_static
        shown = [fragment for id_, fragment in self.resources if id_ in named]
        return b',"resources":[' + b",".join(shown) + b"]"


Template = bytes | tuple[Piece, ...]
"""An action's JSON but its last fields (`_Content.tails`) when all of it is known at start-up
(most actions); otherwise its pieces, with slots to fill for the person."""


class _Section:
    """A language's actions for one combination of `Include` flags in one kind of section (the
    "when you feel ready" one or the others), written when the section is first used, so that
    a plan looks each action up instead of writing it.

    Only what quotes the person's answers back (`because`) is written per plan. Everything kept
    is bounded by the content: rules, "not sure", the cautions a rule can have, and the subsets
    of the few platforms (at most seven) a rule's steps name."""

    __slots__ = ("by_platforms", "personal", "templates", "whole")

    def __init__(self, words: _Content, include: Include, later: bool) -> None:
        self.templates: list[Template | None] = [None] * (2 * (max(words.rules) + 1))
        """By `order * 2 + unsure`."""
        for order, rule in words.rules.items():
            for unsure in (False, True):
                pieces = rule.template(include, later, unsure)
                whole = pieces[0] if len(pieces) == 1 else None  # the head is always bytes
                self.templates[2 * order + unsure] = whole if isinstance(whole, bytes) else pieces
        self.personal = [isinstance(t, tuple) and _BECAUSE in t for t in self.templates]
        """Whether the template quotes the person's answers."""
        self.whole: list[bytes | None] = [None] * (len(self.templates) * len(TAILS))
        """By `Chosen.code`: an action's whole JSON when its template has no slots, after the
        comma that separates it from the one before (so a section is written without a join
        of its own, which would copy every action once more)."""
        self.by_platforms: dict[tuple[int, frozenset[str]], bytes] = {}
        """An action's JSON but its last fields, by its template's slot and the platforms of
        its steps that the person uses, when they are all its slots depend on."""
        for order, rule in words.rules.items():
            for slot in (2 * order, 2 * order + 1):
                self._write_ahead(slot, rule, words)

    def _write_ahead(self, slot: int, rule: _RuleJSON, words: _Content) -> None:
        template = self.templates[slot]
        if isinstance(template, bytes):
            for tail in _TAILS_OF[slot // 2]:
                self.whole[slot * len(TAILS) + tail] = b"," + template + words.tails[tail]
        elif template is not None and not self.personal[slot]:
            # A plan's platforms always include "general" (see `plan.platforms_for`).
            others = sorted(rule.platforms - {"general"})
            for chosen in itertools.product((False, True), repeat=len(others)):
                shown = {"general", *itertools.compress(others, chosen)}
                platforms = rule.platforms.intersection(shown)
                pieces: list[bytes] = []
                _filled(pieces, template, rule, (), platforms, {}, words)
                # Joined once here, so a plan appends one piece (copies of the steps shown:
                # about 2.6 MB for English compact, measured with tracemalloc).
                self.by_platforms[slot, platforms] = b"".join(pieces)


_TAILS_OF = {
    order: sorted({code % len(TAILS) for _, _, code in by_person.values()})
    for order, by_person in _PERSONAL.items()
}
"""The tails (caution, who takes it) each rule's action can end with, by its order."""
_FINDINGS = tuple(
    {status: _encode(f) for status, f in compiled.findings.items()} for compiled in COMPILED_RULES
)
"""Each rule's finding as JSON for each status, in the order of COMPILED_RULES (findings have
no words, so one set serves every language)."""


class _Content:
    """One language's fragments: every word of a plan, encoded once when the language is first
    used (at start-up for every offered language), so a plan in any language costs the same."""

    __slots__ = (
        "language_field",
        "multi",
        "plan",
        "praise",
        "rules",
        "single",
        "tails",
        "templates",
        "told_us",
    )

    def __init__(self, language: i18n.Language) -> None:
        self.language_field = _field("language", language)
        words = rule_texts_in(language)
        self.plan = plan_texts_in(language)
        self.rules = {c.order: _RuleJSON(c, words[c.order]) for c in COMPILED_RULES}
        self.templates: dict[tuple[Include, bool], _Section] = {}
        """At most one entry per combination of `Include` flags and section."""
        self.praise = {
            c.order: _encode(words[c.order].praise) for c in COMPILED_RULES if c.praise is not None
        }
        self.tails = tuple(
            _field("caution", None if caution is None else self.plan[caution])
            + _field("done_by", done_by)
            + b"}"
            for caution, done_by in TAILS
        )
        """Each action's last fields, by `Chosen.tail`."""
        self.single, self.multi, self.told_us = _answer_parts(questionnaire_in(language))


def _answer_parts(
    questionnaire: Questionnaire,
) -> tuple[
    dict[tuple[str, str], bytes],
    dict[str, tuple[bytes, dict[str, bytes], dict[str, bytes]]],
    dict[str, bytes],
]:
    single: dict[tuple[str, str], bytes] = {}
    multi: dict[str, tuple[bytes, dict[str, bytes], dict[str, bytes]]] = {}
    told_us: dict[str, bytes] = {}
    for question in questionnaire.questions:
        if not question.quoted:
            told_us[question.id] = (
                b'{"question":'
                + _encode(question.id)
                + b',"told_us":true,"question_text":"","answer":[],"answer_labels":[]}'
            )
            for option in question.options:
                single[question.id, option.id] = told_us[question.id]
            continue
        head = (
            b'{"question":'
            + _encode(question.id)
            + b',"told_us":false'
            + _field("question_text", question.text)
            + b',"answer":['
        )
        ids = {option.id: _encode(option.id) for option in question.options}
        labels = {option.id: _encode(option.label) for option in question.options}
        if question.kind == "single":
            for option in question.options:
                single[question.id, option.id] = (
                    head + ids[option.id] + b'],"answer_labels":[' + labels[option.id] + b"]}"
                )
        else:
            multi[question.id] = (head, ids, labels)
    return single, multi, told_us


_CONTENT: dict[i18n.Language, _Content] = {}


def content(language: i18n.Language) -> _Content:
    """The language's fragments, built on first use (`warm` builds them at start-up)."""
    found = _CONTENT.get(language)
    if found is None:
        found = _CONTENT[language] = _Content(language)
    return found


def warm(languages: Iterable[i18n.Language]) -> None:
    """Build every offered language's words and fragments now, so no request pays for it."""
    for language in languages:
        content(language)
        text_in(language)
        resources_in(language)
        questionnaire_in(language)


content(i18n.DEFAULT)


def _answer(words: _Content, question: str, value: str | tuple[str, ...]) -> bytes:
    """A reason as JSON: quoted back whole for a profile or habit answer, and only as "what you
    told us" for anything that happened or is happening to the person (`Question.quoted`)."""
    if value.__class__ is str:
        return words.single[question, value]
    found = words.multi.get(question)
    if found is None:
        return words.told_us[question]
    head, ids, labels = found
    return (
        head
        + b",".join([ids[option] for option in value])
        + b'],"answer_labels":['
        + b",".join([labels[option] for option in value])
        + b"]}"
    )


def _templates(words: _Content, include: Include, later: bool) -> _Section:
    key = (include, later)
    found = words.templates.get(key)
    if found is None:
        found = words.templates[key] = _Section(words, include, later)
    return found


def _chosen_steps(groups: tuple[tuple[str, bytes], ...], platforms: frozenset[str]) -> list[bytes]:
    shown = [fragment for platform, fragment in groups if platform in platforms]
    return shown or [fragment for _, fragment in groups]


def _actions(
    out: list[bytes],
    chosen: tuple[Chosen, ...],
    section: _Section,
    plan: Composition,
    words: _Content,
) -> None:
    """Append `[action, ...]` to `out`: most actions are one list lookup."""
    whole = section.whole
    parts = [whole[action.code] for action in chosen]
    out.append(b"[")
    if None in parts:
        _with_slots(out, parts, chosen, section, plan, words)
    elif parts:
        parts[0] = parts[0][1:]  # type: ignore[index]  # no None in parts
        out += parts  # type: ignore[arg-type]
    out.append(b"]")


def _with_slots(
    out: list[bytes],
    parts: list[bytes | None],
    chosen: tuple[Chosen, ...],
    section: _Section,
    plan: Composition,
    words: _Content,
) -> None:
    """A section some of whose actions `whole` does not hold (their templates have slots):
    written in one loop, without a call per action, since there can be a hundred."""
    platforms, values, rules, tails = plan.platforms, plan.values, words.rules, words.tails
    for index, part in enumerate(parts):
        if part is not None:
            out.append(part if index else part[1:])
            continue
        if index:
            out.append(b",")
        action = chosen[index]
        slot, tail = divmod(action.code, len(TAILS))
        rule = rules[action.compiled.order]
        kept = (
            None
            if section.personal[slot]
            else section.by_platforms.get((slot, rule.platforms & platforms))
        )
        if kept is None:
            template = section.templates[slot]
            assert isinstance(template, tuple)
            _filled(out, template, rule, action.reasons, platforms, values, words)
        else:
            out.append(kept)
        out.append(tails[tail])


def _filled(
    out: list[bytes],
    template: tuple[Piece, ...],
    rule: _RuleJSON,
    reasons: tuple[str, ...],
    platforms: frozenset[str],
    values: AnswerValues,
    words: _Content,
) -> None:
    """Append an action's JSON but its last fields to `out`, from a template with slots."""
    for piece in template:
        if piece.__class__ is bytes:
            out.append(piece)
        elif piece == _BECAUSE:
            out.append(b',"because":[')
            out.append(b",".join([_answer(words, q, values[q]) for q in reasons]))
            out.append(b"]")
        elif piece == _STEPS:
            out.append(b',"steps":[')
            out.append(b",".join(_chosen_steps(rule.steps, platforms)))
            out.append(b"]")
        elif piece == _HOW:
            out.append(b',"how_to_check":[')
            out.append(b",".join(_chosen_steps(rule.how, platforms)))
            out.append(b"]")
        else:
            named = rule.resource_static.union(
                *[names for platform, names in rule.resource_groups if platform in platforms]
            )
            out.append(b',"resources":[')
            out.append(b",".join([fragment for id_, fragment in rule.resources if id_ in named]))
            out.append(b"]")


def encode_answers(
    answers: Answers, include: Include = COMPACT, language: i18n.Language = "en"
) -> bytes:
    """The plan's JSON for validated answers, with the parts `include` asks for, in `language`."""
    plan = compose(answers)
    person = plan.person
    words = content(language)
    current = _templates(words, include, later=False)
    out = [
        b'{"content_version":' + _encode(CONTENT_VERSION),
        words.language_field,
        _field("written_for", person.written_for) + _field("age_band", person.age_band),
    ]
    if plan.lane is None or person.lane is None:
        out.append(b',"urgent":null')
    else:
        out.append(
            b',"urgent":{"mode":'
            + _encode(person.lane)
            + _field("title", words.plan[lane_title(person)])
            + _field("message", words.plan[urgent_message(person)])
            + b',"actions":'
        )
        _actions(out, plan.lane, current, plan, words)
        out.append(b"}")
    out.append(b',"do_first":')
    _actions(out, plan.first[:DO_FIRST_LIMIT], current, plan, words)
    out.append(b',"do_next":')
    _actions(out, plan.first[DO_FIRST_LIMIT:], current, plan, words)
    if plan.later:
        out.append(
            b',"when_ready":{"title":'
            + _encode(words.plan[WHEN_READY_TITLE])
            + _field("message", words.plan[when_ready_message(person)])
            + b',"actions":'
        )
        _actions(out, plan.later, _templates(words, include, later=True), plan, words)
        out.append(b"}")
    else:
        out.append(b',"when_ready":null')
    _rest(out, plan, answers, include, language)
    return b"".join(out)


def _rest(
    out: list[bytes],
    plan: Composition,
    answers: Answers,
    include: Include,
    language: i18n.Language,
) -> None:
    words = content(language)
    out.append(b',"doing_well":[')
    out.append(b",".join([words.praise[_order_of(item.rule_id)] for item in plan.doing_well]))
    out.append(b"]")
    out.append(_field("not_answered", plan.not_answered))
    out.append(_field("scores", None if plan.careful else scores_in(score(answers), language)))
    withheld_why = withheld(plan.person)
    out.append(
        _field("scores_withheld", None if withheld_why is None else words.plan[withheld_why])
    )
    out.append(_support(situation_of(answers), language))
    if Include.findings in include:
        out.append(b',"findings":[')
        out.append(b",".join(list(map(dict.__getitem__, _FINDINGS, plan.statuses))))
        out.append(b"]")
    out.append(b"}")


@lru_cache(maxsize=SUPPORT_CACHE_SIZE)
def _support(situation: Situation, language: i18n.Language = "en") -> bytes:
    support, contacts = support_for(situation, language)
    return _field("support", support) + _field("contact_first", contacts)


_ORDER_OF = {compiled.rule.id: compiled.order for compiled in COMPILED_RULES}
_order_of = _ORDER_OF.__getitem__
