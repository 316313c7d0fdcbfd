"""FROZEN REFERENCE, used only by tests: `src/safety_check/plan.py` as it was before issue 19
(main at d155792), with rules evaluated by the closures of `conditions.py` one by one.

The compiled engine (plan.compose + compiled_plan, compiled_rules) must give the same plan
JSON, byte for byte, on every persona and thousands of random answer sets
(tests/test_compiled_plan.py). It is kept until the compiled engine has proved equal over a
release; when plan composition changes on purpose, delete this copy and its test rather than
editing both.
"""

# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

import msgspec

from safety_check.authoring import NOT_SURE, PREFER_NOT_TO_SAY
from safety_check.conditions import compile_condition, parse
from safety_check.engine import COMPILED_RULES, CompiledRule, Result, because, earned_praise, status


def run(answers: Answers) -> tuple[Result, ...]:
    return tuple(Result(c, status(c, answers.values)) for c in COMPILED_RULES)


from safety_check.models import (
    HELPERS,
    NATIONS,
    TRACE_STEPS,
    UNDER_18,
    URGENT_STEPS,
    Action,
    AgeBand,
    AnswerRef,
    Answers,
    DoingWell,
    DoneBy,
    ForWhom,
    Lane,
    LaterSection,
    Plan,
    PlatformSteps,
    ResourceRef,
    UrgentLane,
    UrgentStep,
)
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONNAIRE, QUESTIONS_BY_ID
from safety_check.resources import mentioned_resources
from safety_check.routing import CLOSE_TO_HOME, contact_first, route, situation_of
from safety_check.rules.getting_help import HARM_DISCLOSED
from safety_check.scoring import score

DO_FIRST_LIMIT = 3
MONITORED_QUESTION = "getting_help.someone_checks_phone"
WHO_QUESTION = "sextortion.who_is_threatening"
WHO_DID_IT = "getting_help.who_did_it"
AnswerValues = dict[str, str | tuple[str, ...]]

_DEVICES = frozenset(option.id for option in QUESTIONS_BY_ID["profile.devices"].options)
_APPS = frozenset(option.id for option in QUESTIONS_BY_ID["profile.apps"].options)
_HELPER_HARM = compile_condition(parse(HARM_DISCLOSED))
"""The harms (besides a threat or a shared picture) after which a helper gets their steps."""
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
URGENT_MESSAGE_ADULT_NI = (
    "It's not your fault. What is happening to you is wrong, you can report it, and help is "
    "there whether or not you go to the police. Here is what to do now."
)
"""Northern Ireland's law may not cover a fake image of an adult, so nobody there is told
"this is a crime" before a later step says it may not be."""
HELPER_MESSAGE_CHILD = (
    "It's not their fault, and they are not in trouble. You've done the right thing by looking "
    "for help. Here is what to do now, and what not to do."
)
HELPER_MESSAGE_ADULT = (
    "It's not their fault. You've done the right thing by looking for help. Here is what you "
    "can do now, and how to support them."
)
HELPER_IF_HAPPENING_MESSAGE = (
    "You don't have to know everything. If something like this is happening to them, it's not "
    "their fault, and these steps can help whenever you are both ready."
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
WHEN_READY_MESSAGE_HELPER = (
    "None of this is about what happened to them: it was not their fault. These are changes "
    "they can make, with your help, when they feel ready. There is no rush."
)
SCORES_WITHHELD = (
    "No scores are shown while something like this may be happening: getting help matters "
    "more than any score."
)
SCORES_WITHHELD_HARM = (
    "No scores are shown after what you told us: getting help matters more than any score."
)
CAUTION_MAY_ALERT = (
    "Someone who checks your phone or accounts might notice this change. If that could make "
    "things worse for you, talk to someone you trust or a support service below first."
)
CAUTION_WATCHED = (
    "Someone who checks your phone, or the person doing this, could see this. Do it from a "
    "phone or computer they can't see, or wait until you have talked it through with a support "
    "service or an adult you trust."
)
CAUTION_WATCHED_EVIDENCE = (
    "Someone who checks your phone, or the person doing this, could see what you save. Keep it "
    "somewhere they can't see, and don't wait too long: posts and messages can be deleted."
)
CAUTION_IF_WATCHED = (
    "If someone checks your phone or accounts, they could see this. Use a phone or computer "
    "they can't see, or talk to a support service first."
)
CAUTION_MAY_ALERT_HELPER = (
    "Someone who checks their phone or accounts might notice this change. If that could make "
    "things worse for them, talk to a support service first."
)
CAUTION_WATCHED_HELPER = (
    "Someone who checks their phone, or the person doing this, could see this. Help them do it "
    "from a phone or computer that person can't see, or wait until they have talked it through "
    "with a support service."
)
CAUTION_WATCHED_EVIDENCE_HELPER = (
    "Someone who checks their phone, or the person doing this, could see what is saved. Keep it "
    "somewhere that person can't see, and don't wait too long: posts can be deleted."
)
CAUTION_IF_WATCHED_HELPER = (
    "If someone checks their phone or accounts, that person could see this. Help them use a "
    "phone or computer that person can't see, or talk to a support service first."
)
_CAUTIONS: dict[bool, tuple[str, str, str, str]] = {
    False: (CAUTION_MAY_ALERT, CAUTION_WATCHED, CAUTION_IF_WATCHED, CAUTION_WATCHED_EVIDENCE),
    True: (
        CAUTION_MAY_ALERT_HELPER,
        CAUTION_WATCHED_HELPER,
        CAUTION_IF_WATCHED_HELPER,
        CAUTION_WATCHED_EVIDENCE_HELPER,
    ),
}

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
# Someone unsure whether a picture was shared, and not threatened, reads about checking and
# removal first: the lane opens with the harm they told of, not with money.
_PICTURE_FIRST: tuple[UrgentStep, ...] = (
    "safety",
    "remove",
    "keep_evidence",
    "talk",
    "report",
    "dont_pay",
    "stop_contact",
)
_ORDERS: dict[str, dict[UrgentStep, int]] = {
    "adult": {step: rank for rank, step in enumerate(URGENT_STEPS)},
    # An under-13, and anyone helping someone, hears "talk" (to a trusted adult; to the person
    # being helped) straight after "stay safe".
    "child": {step: rank for rank, step in enumerate(_CHILD_ORDER)},
    "picture": {step: rank for rank, step in enumerate(_PICTURE_FIRST)},
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
    written_for: ForWhom
    order: str
    """Which of `_ORDERS` sorts the lane."""
    nation: str | None

    @property
    def helper(self) -> bool:
        return self.written_for in HELPERS


def _person(answers: Answers) -> _Person:
    values = answers.values
    threat = values.get("situation.threat_to_share")
    shared = values.get("situation.image_shared")
    urgent = threat == "yes" or shared == "yes"
    unsure = threat == PREFER_NOT_TO_SAY or shared == NOT_SURE
    lane: Lane | None = "urgent" if urgent else "if_happening" if unsure else None
    for_whom = values.get("profile.for_whom")
    written_for: ForWhom = for_whom if for_whom in HELPERS else "me"
    if lane is None and written_for in HELPERS and _HELPER_HARM(values) is True:
        lane = "urgent"  # a helper needs what to do now after any harm, not only a threat
    age_band = answers.age_band()
    nation = values.get("profile.nation")
    return _Person(
        age_band=age_band,
        lane=lane,
        harmed=urgent or any((q, v) in _HARM_ANSWERS for q, v in values.items()),
        watch=_watch(values),
        stranger=threat == "yes" and values.get(WHO_QUESTION) == "only_online",
        written_for=written_for,
        order=_order(lane, threat, shared, age_band == "under_13" or written_for in HELPERS),
        nation=nation if isinstance(nation, str) else None,
    )


def _order(lane: Lane | None, threat: object, shared: object, child: bool) -> str:
    if lane == "if_happening" and shared == NOT_SURE and threat != PREFER_NOT_TO_SAY:
        return "picture"
    return "child" if child else "adult"


def perpetrator(values: AnswerValues) -> str | None:
    """Who is doing it, from whichever of the two who-questions was asked."""
    who = values.get(WHO_QUESTION) or values.get(WHO_DID_IT)
    return who if isinstance(who, str) else None


def _watch(values: AnswerValues) -> Watch:
    """Watched when the person said so or named a partner, ex or someone at home; possibly
    watched when they would rather not say. A skipped question is not a reason to fear it."""
    checked = values.get(MONITORED_QUESTION)
    if checked == "yes" or perpetrator(values) in CLOSE_TO_HOME:
        return WATCHED
    return WATCH_UNKNOWN if checked == PREFER_NOT_TO_SAY else NOT_WATCHED


def urgent_message(person: _Person) -> str:
    if person.helper:
        return _helper_message(person)
    if person.lane == "if_happening":
        return IF_HAPPENING_MESSAGE
    if person.age_band is None:
        return URGENT_MESSAGE_ANY_AGE
    if person.age_band in UNDER_18:
        return URGENT_MESSAGE_UNDER_18_STRANGER if person.stranger else URGENT_MESSAGE_UNDER_18
    return URGENT_MESSAGE_ADULT_NI if person.nation == "northern_ireland" else URGENT_MESSAGE_ADULT


def _helper_message(person: _Person) -> str:
    if person.lane == "if_happening":
        return HELPER_IF_HAPPENING_MESSAGE
    child = person.age_band in UNDER_18 or (
        person.age_band is None and person.written_for in ("my_child", "a_student")
    )
    return HELPER_MESSAGE_CHILD if child else HELPER_MESSAGE_ADULT


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


ActionKey = tuple[int, tuple[str | tuple[str, ...] | None, ...], frozenset[str], str | None, DoneBy]
_ACTIONS: dict[ActionKey, Action] = {}
ACTION_CACHE_LIMIT = 50_000


def _caution(compiled: CompiledRule, person: _Person, in_lane: bool) -> str | None:
    rule = compiled.rule
    may_alert, watched, if_watched, evidence = _CAUTIONS[person.helper]
    leaves_trace = (
        rule.may_alert
        or (in_lane and rule.urgent_step in TRACE_STEPS)
        # Outside the lane, any step about the harm (a report, a call) could be noticed too;
        # the steps that plan for someone watching are the exception.
        or (
            not in_lane
            and rule.purpose == "response"
            and MONITORED_QUESTION not in compiled.questions
        )
    )
    if leaves_trace and person.watch == WATCHED:
        return evidence if rule.urgent_step == "keep_evidence" else watched
    if leaves_trace and person.watch == WATCH_UNKNOWN:
        return if_watched
    return may_alert if rule.may_alert else None


def _done_by(compiled: CompiledRule, person: _Person) -> DoneBy:
    return "them" if person.helper and not compiled.rule.for_helper else "you"


def _action(
    result: Result, platforms: frozenset[str], values: AnswerValues, person: _Person, in_lane: bool
) -> Action:
    """The action for a fired rule. An action depends only on the rule, the answers it read,
    the person's platforms, its caution and who takes it, and is immutable, so equal inputs
    share one cached object."""
    compiled = result.compiled
    caution = _caution(compiled, person, in_lane)
    done_by = _done_by(compiled, person)
    key = (
        compiled.order,
        tuple(map(values.get, compiled.questions)),
        platforms,
        caution,
        done_by,
    )
    action = _ACTIONS.get(key)
    if action is None:
        action = _make_action(compiled, platforms, values, caution, done_by)
        if len(_ACTIONS) >= ACTION_CACHE_LIMIT:
            _ACTIONS.clear()
        _ACTIONS[key] = action
    return action


def _has_not_sure(value: str | tuple[str, ...]) -> bool:
    return value == NOT_SURE if isinstance(value, str) else NOT_SURE in value


def _make_action(
    compiled: CompiledRule,
    platforms: frozenset[str],
    values: AnswerValues,
    caution: str | None,
    done_by: DoneBy,
) -> Action:
    rule = compiled.rule
    refs = because(compiled, values)
    # Read from the answers: since issue 17 §6 a reason about what happened to the person
    # (told_us) no longer carries its answer, and "not sure" still shows how to check.
    unsure = any(_has_not_sure(values[ref.question]) for ref in refs)
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
        resources=_shown_resources(compiled, platforms),
        content_version=CONTENT_VERSION,
        urgent_step=rule.urgent_step,
        caution=caution,
        done_by=done_by,
    )


def _shown_resources(compiled: CompiledRule, platforms: frozenset[str]) -> tuple[ResourceRef, ...]:
    """Services named in the text this person sees: a nation's step they are not shown (Report
    Fraud, for someone in Scotland) does not put its service in their action."""
    rule = compiled.rule
    shown = [rule.title, rule.summary, rule.why]
    for group in (*rule.steps, *rule.how_to_check):
        if group.platform in platforms:
            shown.extend(group.steps)
    named = set(mentioned_resources("\n".join(shown)))
    return tuple(ref for ref in compiled.resources if ref.id in named)


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
            elif _in_lane(rule.for_helper, rule.lane, person):
                out.lane.append(result)
        elif status == "pass":
            praise = earned_praise(compiled, values)
            if praise is not None and not (
                compiled.rule.watcher_can_use and _exposed(person, values)
            ):
                out.doing_well.append(praise)
        elif status == "not_answered":
            out.not_answered.append(compiled.rule.id)
    return out


def _in_lane(for_helper: bool, lane: Lane, person: _Person) -> bool:
    """A helper's lane is made of the steps written to helpers; the person's own lane of theirs."""
    if person.helper:
        return for_helper and person.lane is not None
    return not for_helper and lane == person.lane


def _exposed(person: _Person, values: AnswerValues) -> bool:
    """Someone else may be able to use the person's phone features to follow them."""
    passwords = values.get("account_security.someone_knows_passwords")
    return person.watch != NOT_WATCHED or passwords in ("yes", PREFER_NOT_TO_SAY)


def build_plan(answers: Answers) -> Plan:
    """Compose the plan for validated answers."""
    values = answers.values
    person = _person(answers)
    results = run(answers)
    platforms = platforms_for(answers)
    parts = _sort_results(results, person, values)
    order = _ORDERS[person.order]
    parts.lane.sort(key=lambda result: _lane_key(result, order))
    other = parts.other
    if parts.lane:
        lane_ids = {result.compiled.rule.id for result in parts.lane}
        parts.lane = _not_covered(parts.lane, lane_ids)
        other = _not_covered(other, lane_ids)
    other.sort(key=_watched_key if person.watch == WATCHED else _rank)
    careful = person.harmed or person.lane is not None
    first = [r for r in other if not careful or r.compiled.rule.purpose == "response"]
    later = [r for r in other if careful and r.compiled.rule.purpose == "prevention"]
    actions = [_action(r, platforms, values, person, False) for r in first]
    situation = situation_of(answers)
    support = route(situation)
    return Plan(
        language="en",
        content_version=CONTENT_VERSION,
        written_for=person.written_for,
        age_band=person.age_band,
        urgent=_lane(parts.lane, platforms, values, person),
        do_first=tuple(actions[:DO_FIRST_LIMIT]),
        next=tuple(actions[DO_FIRST_LIMIT:]),
        when_ready=_when_ready(later, platforms, values, person),
        doing_well=tuple(parts.doing_well),
        not_answered=tuple(parts.not_answered),
        scores=None if careful else score(answers),
        scores_withheld=_withheld(person),
        support=support,
        contact_first=contact_first(situation, support),
        findings=tuple([result.compiled.findings[result.status] for result in results]),
    )


def _withheld(person: _Person) -> str | None:
    if person.lane:
        return SCORES_WITHHELD
    return SCORES_WITHHELD_HARM if person.harmed else None


def _when_ready(
    later: list[Result], platforms: frozenset[str], values: AnswerValues, person: _Person
) -> LaterSection | None:
    if not later:
        return None
    return LaterSection(
        title=WHEN_READY_TITLE,
        message=WHEN_READY_MESSAGE_HELPER if person.helper else WHEN_READY_MESSAGE,
        actions=tuple(_action(r, platforms, values, person, False) for r in later),
    )


def _not_covered(results: list[Result], lane_ids: set[str]) -> list[Result]:
    return [r for r in results if lane_ids.isdisjoint(r.compiled.rule.covered_by)]


def _lane(
    lane: list[Result], platforms: frozenset[str], values: AnswerValues, person: _Person
) -> UrgentLane | None:
    if person.lane is None:
        return None
    actions = [_action(r, platforms, values, person, True) for r in lane]
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


def _lane_key(result: Result, order: dict[UrgentStep, int]) -> tuple[int, bool, int]:
    rule = result.compiled.rule
    assert rule.urgent_step is not None
    # Within a step, the core lane's version (getting_help: report to CEOP or the police) comes
    # before an area's add-on (tell your bank), so an under-18 who paid sees CEOP first.
    add_on = rule.area != "getting_help"
    return order[rule.urgent_step], add_on, result.compiled.order


def _rank(result: Result) -> tuple[int, int, int]:
    return result.compiled.rank


def _watched_key(result: Result) -> tuple[bool, tuple[int, int, int]]:
    # Someone whose phone is checked sees steps that could alert that person after the others.
    return result.compiled.rule.may_alert, result.compiled.rank
