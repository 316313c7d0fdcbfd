"""From findings to a personal, ordered action plan (DESIGN §6).

Order: the urgent lane first when someone is being threatened or an image has been shared, in
the fixed order of `URGENT_ORDER`; then every other action by severity, then effort (quick wins
first), then registry order. The first three are "do these first".
"""

from __future__ import annotations

from safety_check.authoring import NOT_SURE
from safety_check.engine import CompiledRule, Result, because, run
from safety_check.models import (
    UNDER_18,
    URGENT_ORDER,
    Action,
    AgeBand,
    Answers,
    DoingWell,
    Plan,
    PlatformSteps,
    UrgentLane,
)
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONS_BY_ID
from safety_check.routing import route, situation_of
from safety_check.scoring import score

DO_FIRST_LIMIT = 3
MONITORED_QUESTION = "getting_help.someone_checks_phone"
AnswerValues = dict[str, str | tuple[str, ...]]

_DEVICES = frozenset(option.id for option in QUESTIONS_BY_ID["profile.devices"].options)
_APPS = frozenset(option.id for option in QUESTIONS_BY_ID["profile.apps"].options)

URGENT_MESSAGE_UNDER_18 = (
    "It's not your fault, and you are not in trouble for asking for help. People who do this "
    "try to scare you into acting fast. You have time to get help. Here is what to do now."
)
URGENT_MESSAGE_ADULT = (
    "It's not your fault. What is happening to you is a crime, and help is there whether or "
    "not you go to the police. Here is what to do now."
)
CAUTION_MAY_ALERT = (
    "Someone who checks your phone or accounts might notice this change. If that could make "
    "things worse for you, talk to someone you trust or a support service below first."
)


def urgent_message(age_band: AgeBand) -> str:
    return URGENT_MESSAGE_UNDER_18 if age_band in UNDER_18 else URGENT_MESSAGE_ADULT


def platforms_for(answers: Answers) -> frozenset[str]:
    """Platforms whose steps to show; a skipped question shows every platform it covers."""
    devices = answers.get("profile.devices")
    apps = answers.get("profile.apps")
    return frozenset(
        {"general"}
        | (set(devices) if isinstance(devices, tuple) else _DEVICES)
        | (set(apps) if isinstance(apps, tuple) else _APPS)
    )


def _for_platforms(
    groups: tuple[PlatformSteps, ...], platforms: frozenset[str]
) -> tuple[PlatformSteps, ...]:
    return tuple(group for group in groups if group.platform in platforms) or groups


ActionKey = tuple[int, tuple[str | tuple[str, ...] | None, ...], frozenset[str]]
_ACTIONS: dict[ActionKey, Action] = {}
ACTION_CACHE_LIMIT = 50_000


def _action(result: Result, platforms: frozenset[str], values: AnswerValues) -> Action:
    """The action for a fired rule. An action depends only on the rule, the answers it read and
    the person's platforms, and is immutable, so equal inputs share one cached object."""
    compiled = result.compiled
    key = (compiled.order, tuple(map(values.get, compiled.questions)), platforms)
    action = _ACTIONS.get(key)
    if action is None:
        action = _make_action(compiled, platforms, values)
        if len(_ACTIONS) >= ACTION_CACHE_LIMIT:
            _ACTIONS.clear()
        _ACTIONS[key] = action
    return action


def _make_action(compiled: CompiledRule, platforms: frozenset[str], values: AnswerValues) -> Action:
    rule = compiled.rule
    refs = because(compiled, values)
    unsure = any(NOT_SURE in ref.answer for ref in refs)
    return Action(
        rule_id=rule.id,
        area=rule.area,
        purpose=rule.purpose,
        title=compiled.title,
        summary=compiled.summary,
        why=compiled.why,
        because=refs,
        steps=_for_platforms(compiled.steps, platforms),
        how_to_check=_for_platforms(compiled.how_to_check, platforms) if unsure else (),
        severity=rule.severity,
        effort_minutes=rule.effort_minutes,
        sources=rule.sources,
        resources=compiled.resources,
        content_version=CONTENT_VERSION,
        urgent_step=rule.urgent_step,
        caution=CAUTION_MAY_ALERT if rule.may_alert else None,
    )


def build_plan(answers: Answers) -> Plan:
    """Compose the plan for validated answers."""
    results = run(answers)
    platforms = platforms_for(answers)
    urgent: list[Result] = []
    other: list[Result] = []
    doing_well: list[DoingWell] = []
    not_answered: list[str] = []
    for result in results:  # one pass: this runs for every request
        status, compiled = result.status, result.compiled
        if status == "fail":
            (urgent if compiled.rule.urgent_step else other).append(result)
        elif status == "pass":
            if compiled.praise is not None:
                doing_well.append(compiled.praise)
        elif status == "not_answered":
            not_answered.append(compiled.rule.id)
    urgent.sort(key=_urgent_key)
    if urgent:
        other = _not_covered(other, {result.compiled.rule.id for result in urgent})
    if answers.get(MONITORED_QUESTION) == "yes":
        other.sort(key=_watched_key)
    else:
        other.sort(key=_rank)
    actions = [_action(result, platforms, answers.values) for result in other]
    situation = situation_of(answers)
    return Plan(
        content_version=CONTENT_VERSION,
        age_band=situation.age_band,
        urgent=_urgent_lane(urgent, platforms, answers, situation.urgent),
        do_first=tuple(actions[:DO_FIRST_LIMIT]),
        next=tuple(actions[DO_FIRST_LIMIT:]),
        doing_well=tuple(doing_well),
        not_answered=tuple(not_answered),
        scores=score(answers),
        support=route(situation),
        findings=tuple([result.compiled.findings[result.status] for result in results]),
    )


def _not_covered(results: list[Result], urgent_ids: set[str]) -> list[Result]:
    return [r for r in results if urgent_ids.isdisjoint(r.compiled.rule.covered_by)]


def _urgent_lane(
    urgent: list[Result], platforms: frozenset[str], answers: Answers, situation_urgent: bool
) -> UrgentLane | None:
    if not urgent and not situation_urgent:
        return None
    return UrgentLane(
        message=urgent_message(answers.age_band()),
        actions=tuple(_action(result, platforms, answers.values) for result in urgent),
    )


def _urgent_key(result: Result) -> tuple[int, int]:
    step = result.compiled.rule.urgent_step
    assert step is not None
    return URGENT_ORDER[step], result.compiled.order


def _rank(result: Result) -> tuple[int, int, int]:
    return result.compiled.rank


def _watched_key(result: Result) -> tuple[bool, tuple[int, int, int]]:
    # Someone whose phone is checked sees steps that could alert that person after the others.
    return result.compiled.rule.may_alert, result.compiled.rank
