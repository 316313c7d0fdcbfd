"""From findings to a personal, ordered action plan (DESIGN §6).

Order: a lane first when someone is being threatened or an image has been shared (or a calm
"if something like this is happening" lane when they are unsure or would rather not say), in
the fixed order of `URGENT_ORDER`; then every other action, help for what happened before
anything else, by severity, then effort (quick wins first), then registry order. The first three
are "do these first". Someone who is being harmed gets prevention advice only later, in its own
section, because next to harm it reads as blame.
"""

from __future__ import annotations

import msgspec

from safety_check.authoring import NOT_SURE, PREFER_NOT_TO_SAY
from safety_check.engine import CompiledRule, Result, because, earned_praise, run
from safety_check.models import (
    NATIONS,
    TRACE_STEPS,
    UNDER_18,
    URGENT_STEPS,
    Action,
    AgeBand,
    AnswerRef,
    Answers,
    DoingWell,
    Lane,
    LaterSection,
    Plan,
    PlatformSteps,
    UrgentLane,
    UrgentStep,
)
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONNAIRE, QUESTIONS_BY_ID
from safety_check.routing import route, situation_of
from safety_check.scoring import score

DO_FIRST_LIMIT = 3
MONITORED_QUESTION = "getting_help.someone_checks_phone"
WHO_QUESTION = "sextortion.who_is_threatening"
AnswerValues = dict[str, str | tuple[str, ...]]

_DEVICES = frozenset(option.id for option in QUESTIONS_BY_ID["profile.devices"].options)
_APPS = frozenset(option.id for option in QUESTIONS_BY_ID["profile.apps"].options)
_HARM_ANSWERS = frozenset(
    (question.id, option.id)
    for question in QUESTIONNAIRE.questions
    for option in question.options
    if option.harm
)
"""Every answer that tells of harm done to the person, as declared on the options."""

URGENT_TITLE = "What to do now"
IF_HAPPENING_TITLE = "If something like this is happening"
WHEN_READY_TITLE = "When you feel ready: making things safer"

URGENT_MESSAGE_UNDER_18 = (
    "It's not your fault, and you are not in trouble for asking for help. You have time to "
    "get help. Here is what to do now."
)
URGENT_MESSAGE_UNDER_18_STRANGER = (
    "It's not your fault, and you are not in trouble for asking for help. People who do this "
    "try to scare you into acting fast, but you have time to get help. Here is what to do now."
)
URGENT_MESSAGE_ADULT = (
    "It's not your fault. What is happening to you is a crime, and help is there whether or "
    "not you go to the police. Here is what to do now."
)
URGENT_MESSAGE_ANY_AGE = (
    "It's not your fault. What is happening to you is a crime, and there is help for you, "
    "whatever your age. Here is what to do now."
)
IF_HAPPENING_MESSAGE = (
    "You don't have to tell us any more. If something like this is happening, it's not your "
    "fault, and these steps and services can help whenever you are ready."
)
WHEN_READY_MESSAGE = (
    "None of this is about what happened to you: it was not your fault. These are changes "
    "that can make things a little safer, when you feel ready. There is no rush."
)
SCORES_WITHHELD = (
    "No scores are shown while something like this may be happening: getting help matters "
    "more than any score."
)
CAUTION_MAY_ALERT = (
    "Someone who checks your phone or accounts might notice this change. If that could make "
    "things worse for you, talk to someone you trust or a support service below first."
)
CAUTION_WATCHED = (
    "The person who checks your phone could see this. Do it from a phone or computer they "
    "can't see, or wait until you have made a plan with a support service."
)
CAUTION_IF_WATCHED = (
    "If someone checks your phone or accounts, they could see this. Use a phone or computer "
    "they can't see, or talk to a support service first."
)

# An under-13 hears "tell an adult you trust" straight after "stay safe".
_CHILD_ORDER: tuple[UrgentStep, ...] = (
    "safety",
    "talk",
    "dont_pay",
    "stop_contact",
    "keep_evidence",
    "report",
    "remove",
)
_ORDERS: dict[bool, dict[UrgentStep, int]] = {
    False: {step: rank for rank, step in enumerate(URGENT_STEPS)},
    True: {step: rank for rank, step in enumerate(_CHILD_ORDER)},
}

Watch = int
"""How much to fear that someone watches the phone: 0 no, 1 unknown, 2 yes."""
NOT_WATCHED, WATCH_UNKNOWN, WATCHED = 0, 1, 2


class _Person(msgspec.Struct, frozen=True, kw_only=True):
    """What the composer needs to know about the person, worked out once per plan."""

    age_band: AgeBand | None
    lane: Lane | None
    harmed: bool
    watch: Watch
    stranger: bool


def _person(answers: Answers) -> _Person:
    values = answers.values
    threat = values.get("situation.threat_to_share")
    shared = values.get("situation.image_shared")
    urgent = threat == "yes" or shared == "yes"
    unsure = threat == PREFER_NOT_TO_SAY or shared == NOT_SURE
    lane: Lane | None = "urgent" if urgent else "if_happening" if unsure else None
    return _Person(
        age_band=answers.age_band(),
        lane=lane,
        harmed=urgent or any((q, v) in _HARM_ANSWERS for q, v in values.items()),
        watch=_watch(values) if lane else NOT_WATCHED,
        stranger=threat == "yes" and values.get(WHO_QUESTION) == "only_online",
    )


def _watch(values: AnswerValues) -> Watch:
    checked = values.get(MONITORED_QUESTION)
    if checked == "yes" or values.get(WHO_QUESTION) == "someone_i_know":
        return WATCHED
    return NOT_WATCHED if checked == "no" else WATCH_UNKNOWN


def urgent_message(person: _Person) -> str:
    if person.lane == "if_happening":
        return IF_HAPPENING_MESSAGE
    if person.age_band is None:
        return URGENT_MESSAGE_ANY_AGE
    if person.age_band in UNDER_18:
        return URGENT_MESSAGE_UNDER_18_STRANGER if person.stranger else URGENT_MESSAGE_UNDER_18
    return URGENT_MESSAGE_ADULT


def platforms_for(answers: Answers) -> frozenset[str]:
    """Step groups to show; a skipped question shows every group it covers (every nation's
    law for someone who did not say where they live)."""
    devices = answers.get("profile.devices")
    apps = answers.get("profile.apps")
    nation = answers.get("profile.nation")
    return frozenset(
        {"general"}
        | (set(devices) if isinstance(devices, tuple) else _DEVICES)
        | (set(apps) if isinstance(apps, tuple) else _APPS)
        | ({nation} if isinstance(nation, str) and nation in NATIONS else set(NATIONS))
    )


def _for_platforms(
    groups: tuple[PlatformSteps, ...], platforms: frozenset[str]
) -> tuple[PlatformSteps, ...]:
    return tuple(group for group in groups if group.platform in platforms) or groups


ActionKey = tuple[int, tuple[str | tuple[str, ...] | None, ...], frozenset[str], str | None]
_ACTIONS: dict[ActionKey, Action] = {}
ACTION_CACHE_LIMIT = 50_000


def _caution(compiled: CompiledRule, watch: Watch, in_lane: bool) -> str | None:
    rule = compiled.rule
    leaves_trace = rule.may_alert or (in_lane and rule.urgent_step in TRACE_STEPS)
    if leaves_trace and watch == WATCHED:
        return CAUTION_WATCHED
    if leaves_trace and watch == WATCH_UNKNOWN:
        return CAUTION_IF_WATCHED
    return CAUTION_MAY_ALERT if rule.may_alert else None


def _action(
    result: Result, platforms: frozenset[str], values: AnswerValues, caution: str | None
) -> Action:
    """The action for a fired rule. An action depends only on the rule, the answers it read,
    the person's platforms and its caution, and is immutable, so equal inputs share one
    cached object."""
    compiled = result.compiled
    key = (compiled.order, tuple(map(values.get, compiled.questions)), platforms, caution)
    action = _ACTIONS.get(key)
    if action is None:
        action = _make_action(compiled, platforms, values, caution)
        if len(_ACTIONS) >= ACTION_CACHE_LIMIT:
            _ACTIONS.clear()
        _ACTIONS[key] = action
    return action


def _make_action(
    compiled: CompiledRule, platforms: frozenset[str], values: AnswerValues, caution: str | None
) -> Action:
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
        caution=caution,
    )


class _Sorted(msgspec.Struct):
    lane: list[Result]
    other: list[Result]
    doing_well: list[DoingWell]
    not_answered: list[str]


def _sort_results(results: tuple[Result, ...], person: _Person, values: AnswerValues) -> _Sorted:
    out = _Sorted(lane=[], other=[], doing_well=[], not_answered=[])
    for result in results:  # one pass: this runs for every request
        status, compiled = result.status, result.compiled
        if status == "fail":
            rule = compiled.rule
            if rule.urgent_step is None:
                out.other.append(result)
            elif rule.lane == person.lane:
                out.lane.append(result)
        elif status == "pass":
            praise = earned_praise(compiled, values)
            if praise is not None:
                out.doing_well.append(praise)
        elif status == "not_answered":
            out.not_answered.append(compiled.rule.id)
    return out


def build_plan(answers: Answers) -> Plan:
    """Compose the plan for validated answers."""
    values = answers.values
    person = _person(answers)
    results = run(answers)
    platforms = platforms_for(answers)
    parts = _sort_results(results, person, values)
    child = person.age_band == "under_13"
    parts.lane.sort(key=lambda result: _lane_key(result, child))
    other = parts.other
    if parts.lane:
        other = _not_covered(other, {result.compiled.rule.id for result in parts.lane})
    other.sort(key=_watched_key if person.watch == WATCHED else _rank)
    careful = person.harmed or person.lane is not None
    first = [r for r in other if not careful or r.compiled.rule.purpose == "response"]
    later = [r for r in other if careful and r.compiled.rule.purpose == "prevention"]
    actions = [
        _action(r, platforms, values, _caution(r.compiled, person.watch, False)) for r in first
    ]
    return Plan(
        content_version=CONTENT_VERSION,
        age_band=person.age_band,
        urgent=_lane(parts.lane, platforms, values, person),
        do_first=tuple(actions[:DO_FIRST_LIMIT]),
        next=tuple(actions[DO_FIRST_LIMIT:]),
        when_ready=_when_ready(later, platforms, values, person),
        doing_well=tuple(parts.doing_well),
        not_answered=tuple(parts.not_answered),
        scores=None if person.lane else score(answers),
        scores_withheld=SCORES_WITHHELD if person.lane else None,
        support=route(situation_of(answers)),
        findings=tuple([result.compiled.findings[result.status] for result in results]),
    )


def _when_ready(
    later: list[Result], platforms: frozenset[str], values: AnswerValues, person: _Person
) -> LaterSection | None:
    if not later:
        return None
    return LaterSection(
        title=WHEN_READY_TITLE,
        message=WHEN_READY_MESSAGE,
        actions=tuple(
            _action(r, platforms, values, _caution(r.compiled, person.watch, False)) for r in later
        ),
    )


def _not_covered(results: list[Result], lane_ids: set[str]) -> list[Result]:
    return [r for r in results if lane_ids.isdisjoint(r.compiled.rule.covered_by)]


def _lane(
    lane: list[Result], platforms: frozenset[str], values: AnswerValues, person: _Person
) -> UrgentLane | None:
    if person.lane is None:
        return None
    actions = [
        _action(r, platforms, values, _caution(r.compiled, person.watch, True)) for r in lane
    ]
    return UrgentLane(
        mode=person.lane,
        title=URGENT_TITLE if person.lane == "urgent" else IF_HAPPENING_TITLE,
        message=urgent_message(person),
        actions=_said_once(actions),
    )


def _said_once(actions: list[Action]) -> tuple[Action, ...]:
    """Each answer is given as a reason once in the lane, on the first step it led to."""
    seen: set[str] = set()
    out = []
    for action in actions:
        fresh: tuple[AnswerRef, ...] = tuple(r for r in action.because if r.question not in seen)
        seen.update(r.question for r in action.because)
        out.append(
            action if fresh == action.because else msgspec.structs.replace(action, because=fresh)
        )
    return tuple(out)


def _lane_key(result: Result, child: bool) -> tuple[int, bool, int]:
    rule = result.compiled.rule
    assert rule.urgent_step is not None
    # The person's own age's version of a step (report to CEOP) comes before an add-on that
    # reads no age (tell your bank), so an under-18 who paid sees CEOP first.
    reads_age = result.compiled.reads_age
    return _ORDERS[child][rule.urgent_step], not reads_age, result.compiled.order


def _rank(result: Result) -> tuple[int, int, int]:
    return result.compiled.rank


def _watched_key(result: Result) -> tuple[bool, tuple[int, int, int]]:
    # Someone whose phone is checked sees steps that could alert that person after the others.
    return result.compiled.rule.may_alert, result.compiled.rank
