"""From findings to a personal, ordered action plan (DESIGN §6).

Order: a lane first when someone is being threatened or an image has been shared (or a calm
"if something like this is happening" lane when they are unsure or would rather not say), in
the fixed order of `URGENT_ORDER`; then every other action, help for what happened before
anything else, by severity, then effort (quick wins first), then registry order. The first three
are "do these first". Someone who is being harmed gets prevention advice only later, in its own
section, because next to harm it reads as blame.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from itertools import compress, repeat
from operator import eq, itemgetter

import msgspec

from safety_check import i18n
from safety_check.authoring import NOT_SURE, PREFER_NOT_TO_SAY
from safety_check.conditions import compile_condition, parse
from safety_check.content_language import (
    RuleText,
    area_title_in,
    plan_texts_in,
    questions_by_id_in,
    resources_in,
    rule_texts_in,
    support_reasons_in,
)
from safety_check.engine import (
    COMPILED_RULES,
    REASONS_BY_PLACE,
    CompiledRule,
    answer_ref,
    earned_praise,
    reason_questions,
    statuses_of,
)
from safety_check.models import (
    HELPERS,
    NATIONS,
    TRACE_STEPS,
    UNDER_18,
    URGENT_STEPS,
    Action,
    AgeBand,
    Answers,
    Contact,
    DoingWell,
    DoneBy,
    FindingStatus,
    ForWhom,
    Lane,
    LaterSection,
    Plan,
    PlatformSteps,
    Question,
    Resource,
    ResourceRef,
    Rule,
    Scores,
    SupportItem,
    UrgentLane,
    UrgentStep,
)
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONNAIRE, QUESTIONS_BY_ID
from safety_check.resources import mentioned_resources
from safety_check.routing import CLOSE_TO_HOME, Situation, contact_first, route, situation_of
from safety_check.rules.getting_help import HARM_DISCLOSED
from safety_check.scoring import score

DO_FIRST_LIMIT = 3
MONITORED_QUESTION = "getting_help.someone_checks_phone"
WHO_QUESTION = "sextortion.who_is_threatening"
WHO_DID_IT = "getting_help.who_did_it"
AnswerValues = dict[str, str | tuple[str, ...]]
Ranked = tuple[list[int], Callable[[tuple[str, ...]], tuple[str, ...]]]
"""Rules by their place in COMPILED_RULES, in some order, with a getter of their statuses in it."""

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
        # The view's isdisjoint looks up the few harm answers in the dict, not every answer
        # in the set.
        harmed=urgent or not values.items().isdisjoint(_HARM_ANSWERS),
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
    get = answers.values.get
    devices = get("profile.devices")
    apps = get("profile.apps")
    nation = get("profile.nation")
    return _NATION_PLATFORMS.get(nation, _EVERY_NATION).union(
        devices if isinstance(devices, tuple) else _DEVICES,
        apps if isinstance(apps, tuple) else _APPS,
    )


_EVERY_NATION = frozenset({"general", *NATIONS})
_NATION_PLATFORMS: dict[object, frozenset[str]] = {
    nation: frozenset({"general", nation}) for nation in NATIONS
}
"""The groups shown whatever the devices and apps, by the nation answered (a skipped question
shows every nation's)."""


def _for_platforms(
    groups: tuple[PlatformSteps, ...], platforms: frozenset[str]
) -> tuple[PlatformSteps, ...]:
    return tuple(group for group in groups if group.platform in platforms) or groups


def _caution_for(compiled: CompiledRule, helper: bool, watch: Watch, in_lane: bool) -> str | None:
    rule = compiled.rule
    may_alert, watched, if_watched, evidence = _CAUTIONS[helper]
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
    if leaves_trace and watch == WATCHED:
        return evidence if rule.urgent_step == "keep_evidence" else watched
    if leaves_trace and watch == WATCH_UNKNOWN:
        return if_watched
    return may_alert if rule.may_alert else None


def _done_by(compiled: CompiledRule, helper: bool) -> DoneBy:
    return "them" if helper and not compiled.rule.for_helper else "you"


PersonKey = tuple[bool, Watch, bool]
"""Whether a helper reads the plan, how much to fear someone watching, and whether the action
is in the urgent lane: all that an action's caution and who takes it depend on."""
TAILS: tuple[tuple[str | None, DoneBy], ...] = tuple(
    (caution, done_by)
    for caution in (None, *(c for cautions in _CAUTIONS.values() for c in cautions))
    for done_by in ("you", "them")
)
"""Every caution with every "who takes it": an action's `Chosen.tail` is its place here."""
_TAIL_OF = {pair: index for index, pair in enumerate(TAILS)}
Personal = tuple[str | None, DoneBy, int]
"""An action's caution, who takes it, and its `Chosen.code` when nothing it read was answered
"not sure" (add `_UNSURE` when something was)."""


def _personal(order: int, caution: str | None, done_by: DoneBy) -> Personal:
    return caution, done_by, code_of(order, False, _TAIL_OF[caution, done_by])


def code_of(order: int, unsure: bool, tail: int) -> int:
    """`Chosen.code`: `divmod(code, len(TAILS))` gives back `order * 2 + unsure` and `tail`."""
    return (order * 2 + unsure) * len(TAILS) + tail


_UNSURE = len(TAILS)
"""What "not sure" adds to a code."""


_PERSONAL: dict[int, dict[PersonKey, Personal]] = {
    compiled.order: {
        (helper, watch, in_lane): _personal(
            compiled.order,
            _caution_for(compiled, helper, watch, in_lane),
            _done_by(compiled, helper),
        )
        for helper in (False, True)
        for watch in (NOT_WATCHED, WATCH_UNKNOWN, WATCHED)
        for in_lane in (False, True)
    }
    for compiled in COMPILED_RULES
}
"""Every rule's caution and who takes it, for each kind of person and place, worked out once
at start-up."""


class Chosen(msgspec.Struct, frozen=True):
    """A fired rule placed in the plan, with everything personal about its action except the
    text, so that Action objects (for pages) and the compiled JSON (for the API) are made from
    the same decisions."""

    compiled: CompiledRule
    reasons: tuple[str, ...]
    """The questions given as reasons ("because you answered ..."), in the order shown."""
    unsure: bool
    """A reason was answered "I'm not sure": the action shows how to check."""
    caution: str | None
    done_by: DoneBy
    code: int
    """Rule, `unsure`, caution and who takes it as one number (`code_of`): the JSON writer finds
    the action's bytes by it in one list lookup."""


def _choose(
    compiled: CompiledRule,
    values: AnswerValues,
    key: PersonKey,
    unsure_about: frozenset[str],
) -> Chosen:
    reasons = reason_questions(compiled, values)
    unsure = bool(unsure_about) and not unsure_about.isdisjoint(reasons)
    caution, done_by, code = _PERSONAL[compiled.order][key]
    return Chosen(compiled, reasons, unsure, caution, done_by, code + _UNSURE if unsure else code)


_SETTLED: dict[PersonKey, tuple[Chosen | None, ...]] = {
    key: tuple(
        Chosen(compiled, compiled.fixed_reasons, False, *_PERSONAL[compiled.order][key])
        if compiled.fixed_reasons is not None
        else None
        for compiled in COMPILED_RULES
    )
    for key in next(iter(_PERSONAL.values()))
}
"""For each kind of person, every rule's choice (by its place in COMPILED_RULES) when its reasons
never vary (None where they do), made at start-up: outside the lane, and with no "I'm not sure" answer, such an action
needs no work per plan."""


_SAID: dict[PersonKey, tuple[Chosen, ...]] = {
    key: tuple(
        Chosen(compiled, (), False, *_PERSONAL[compiled.order][key]) for compiled in COMPILED_RULES
    )
    for key in _SETTLED
}
"""For each kind of person, every rule's choice when all its reasons were already given by an
earlier step of the lane and none was "I'm not sure": most of a lane's steps, made at start-up."""
_FIXED_REASONS = tuple(compiled.fixed_reasons for compiled in COMPILED_RULES)
_PERSONAL_AT = tuple(_PERSONAL[compiled.order] for compiled in COMPILED_RULES)
"""`_PERSONAL` by place in COMPILED_RULES."""


def _lane_chosen(
    lane: list[int], values: AnswerValues, key: PersonKey, unsure_about: frozenset[str]
) -> tuple[Chosen, ...]:
    """The lane's choices: each answer is a reason once in the lane, on the first step it led
    to; the choices made at start-up are reused where they fit."""
    settled, said = _SETTLED[key], _SAID[key]
    seen: set[str] = set()
    chosen: list[Chosen] = []
    for i in lane:
        fixed = _FIXED_REASONS[i]
        reasons = REASONS_BY_PLACE[i](values) if fixed is None else fixed  # type: ignore[misc]
        unsure = not unsure_about.isdisjoint(reasons) if unsure_about else False
        if seen.issuperset(reasons):
            shown: tuple[str, ...] = ()
        elif seen.isdisjoint(reasons):
            shown = reasons
        else:
            shown = tuple([question for question in reasons if question not in seen])
        seen.update(reasons)
        if unsure:
            caution, done_by, code = _PERSONAL_AT[i][key]
            chosen.append(Chosen(COMPILED_RULES[i], shown, True, caution, done_by, code + _UNSURE))
        elif not shown:
            chosen.append(said[i])
        elif shown is fixed:
            chosen.append(settled[i])  # type: ignore[arg-type]
        else:
            chosen.append(Chosen(COMPILED_RULES[i], shown, False, *_PERSONAL_AT[i][key]))
    return tuple(chosen)


def _chosen(
    fired: list[int], values: AnswerValues, key: PersonKey, unsure: frozenset[str]
) -> tuple[Chosen, ...]:
    """The choices for the fired rules at these places in COMPILED_RULES."""
    rules = COMPILED_RULES
    if unsure:
        return tuple([_choose(rules[i], values, key, unsure) for i in fired])
    settled = _SETTLED[key]
    chosen = [settled[i] for i in fired]
    # Only the few rules whose reasons vary are chosen per plan (each is in `fired` once).
    for i in _VARIABLE.intersection(fired):
        chosen[fired.index(i)] = _choose(rules[i], values, key, unsure)
    return tuple(chosen)  # type: ignore[arg-type]  # every None was replaced


_VARIABLE = frozenset(i for i, c in enumerate(COMPILED_RULES) if c.fixed_reasons is None)
"""The rules whose reasons depend on the answers, by place: no choice for them at start-up."""


def _make_action(
    chosen: Chosen, platforms: frozenset[str], values: AnswerValues, text: _Text
) -> Action:
    compiled = chosen.compiled
    rule = compiled.rule
    words = text.rules[compiled.order]
    return Action(
        rule_id=rule.id,
        area=rule.area,
        purpose=rule.purpose,
        title=words.title,
        summary=words.summary,
        why=words.why,
        because=tuple(
            answer_ref(question, values[question], text.questions) for question in chosen.reasons
        ),
        steps=_for_platforms(words.steps, platforms),
        how_to_check=_for_platforms(words.how_to_check, platforms) if chosen.unsure else (),
        severity=rule.severity,
        effort_minutes=rule.effort_minutes,
        sources=rule.sources,
        resources=_shown_resources(compiled, platforms, words.resources),
        content_version=CONTENT_VERSION,
        urgent_step=rule.urgent_step,
        caution=None if chosen.caution is None else text.plan[chosen.caution],
        done_by=chosen.done_by,
    )


class _Text(msgspec.Struct, frozen=True):
    """One language's words for a plan, built once per language."""

    rules: Mapping[int, RuleText]
    questions: Mapping[str, Question]
    plan: Mapping[str, str]
    resources: Mapping[str, Resource]
    support_reasons: Mapping[tuple[str, str], str] | None


@functools.cache
def text_in(language: i18n.Language) -> _Text:
    """The words a plan in `language` is built from, gathered once per language."""
    return _Text(
        rule_texts_in(language),
        questions_by_id_in(language),
        plan_texts_in(language),
        resources_in(language),
        support_reasons_in(language),
    )


class Mentions(msgspec.Struct, frozen=True):
    """The services a rule's words name: in what everyone sees (title, summary, why and the
    general steps), and in each platform's or nation's steps."""

    always: frozenset[str]
    by_platform: tuple[tuple[str, frozenset[str]], ...]


def _mentions(rule: Rule) -> Mentions:
    always = set(mentioned_resources("\n".join((rule.title, rule.summary, rule.why))))
    by_platform = []
    for group in (*rule.steps, *rule.how_to_check):
        names = frozenset(mentioned_resources("\n".join(group.steps)))
        if group.platform == "general":
            always |= names
        elif names - always:
            by_platform.append((group.platform, names))
    return Mentions(
        frozenset(always), tuple((platform, names - always) for platform, names in by_platform)
    )


MENTIONS = {compiled.order: _mentions(compiled.rule) for compiled in COMPILED_RULES}
"""Each rule's mentions of services, found once at start-up rather than by a search of its
words in every plan."""


def _shown_resources(
    compiled: CompiledRule, platforms: frozenset[str], refs: tuple[ResourceRef, ...]
) -> tuple[ResourceRef, ...]:
    """Services named in the text this person sees: a nation's step they are not shown (Report
    Fraud, for someone in Scotland) does not put its service in their action."""
    mentions = MENTIONS[compiled.order]
    named = mentions.always.union(
        *[names for platform, names in mentions.by_platform if platform in platforms]
    )
    return tuple([ref for ref in refs if ref.id in named])


class _Sorted(msgspec.Struct):
    lane: list[int]
    doing_well: list[DoingWell]
    not_answered: list[str]


def _sort_results(statuses: tuple[str, ...], person: _Person, values: AnswerValues) -> _Sorted:
    """The lane's rules, the praise earned and the rules not answered, each read only from the
    rules that can be one (index lists made at start-up): this runs for every request."""
    members, member_statuses = _LANE_MEMBERS[person.helper, person.lane]
    lane = list(compress(members, map(eq, member_statuses(statuses), repeat("fail"))))
    doing_well = []
    exposed: bool | None = None
    for index in compress(_PRAISABLE, map(eq, _PRAISABLE_STATUSES(statuses), repeat("pass"))):
        compiled = COMPILED_RULES[index]
        praise = earned_praise(compiled, values)
        if praise is None:
            continue
        if compiled.rule.watcher_can_use:
            if exposed is None:
                exposed = _exposed(person, values)
            if exposed:
                continue
        doing_well.append(praise)
    not_answered = (
        list(compress(_RULE_IDS, map(eq, statuses, repeat("not_answered"))))
        if "not_answered" in statuses
        else []
    )
    return _Sorted(lane=lane, doing_well=doing_well, not_answered=not_answered)


def _in_lane(for_helper: bool, lane: Lane, helper: bool, person_lane: Lane | None) -> bool:
    """A helper's lane is made of the steps written to helpers; the person's own lane of theirs."""
    if helper:
        return for_helper and person_lane is not None
    return not for_helper and lane == person_lane


def _exposed(person: _Person, values: AnswerValues) -> bool:
    """Someone else may be able to use the person's phone features to follow them."""
    passwords = values.get("account_security.someone_knows_passwords")
    return person.watch != NOT_WATCHED or passwords in ("yes", PREFER_NOT_TO_SAY)


class Composition(msgspec.Struct, frozen=True, kw_only=True):
    """Everything a plan says, decided; the words are filled in by `build_plan` (objects) or
    `compiled_plan` (JSON)."""

    person: _Person
    values: AnswerValues
    platforms: frozenset[str]
    lane: tuple[Chosen, ...] | None
    """None when the plan has no urgent lane."""
    first: tuple[Chosen, ...]
    later: tuple[Chosen, ...]
    doing_well: tuple[DoingWell, ...]
    not_answered: tuple[str, ...]
    careful: bool
    """Someone harmed or maybe harmed: no scores, prevention waits."""
    statuses: tuple[FindingStatus, ...]
    """Every rule's status, in the order of COMPILED_RULES."""


def compose(answers: Answers) -> Composition:
    """Decide the plan for validated answers: which actions, where, and how each is personal."""
    values = answers.values
    person = _person(answers)
    statuses = statuses_of(answers)
    parts = _sort_results(statuses, person, values)
    careful = person.harmed or person.lane is not None
    # Rules in their plan order, fixed at start-up: no sort per plan. Someone harmed gets
    # prevention advice only later, in its own section.
    watched = person.watch == WATCHED
    if careful:
        first = _fired(_RANKED_RESPONSE[watched], statuses)
        later = _fired(_RANKED_PREVENTION[watched], statuses)
    else:
        first = _fired(_RANKED[watched], statuses)
        later = []
    lane = parts.lane
    if lane:
        lane.sort(key=_LANE_RANK[person.order].__getitem__)
        _uncover(lane, first, later)
    key = (person.helper, person.watch, False)
    unsure = _unsure_about(values)
    return Composition(
        person=person,
        values=values,
        platforms=platforms_for(answers),
        lane=None
        if person.lane is None
        else _lane_chosen(lane, values, (person.helper, person.watch, True), unsure),
        first=_chosen(first, values, key, unsure),
        later=_chosen(later, values, key, unsure),
        doing_well=tuple(parts.doing_well),
        not_answered=tuple(parts.not_answered),
        careful=careful,
        statuses=statuses,
    )


def _uncover(lane: list[int], first: list[int], later: list[int]) -> None:
    """Take out of the lists (in place) every rule that a rule in the lane says all of. Few
    rules cover or are covered, so only those are looked at; each is in a list once."""
    members = frozenset(lane)
    for i in _COVERED_SOMEWHERE.intersection(members):
        if not members.isdisjoint(_COVERED_BY[i]):
            lane.remove(i)
    hidden = set().union(*[_COVERS[i] for i in _COVERING.intersection(members)])
    for fired in (first, later):
        for i in hidden.intersection(fired):
            fired.remove(i)


def _fired(ranked: Ranked, statuses: tuple[str, ...]) -> list[int]:
    """The rules of `ranked` that fail, in its order."""
    order, in_rank = ranked
    return list(compress(order, map(eq, in_rank(statuses), repeat("fail"))))


def _unsure_about(values: AnswerValues) -> frozenset[str]:
    """The questions answered "I'm not sure" (a set operation, not a loop over every answer)."""
    found = [question for question, _ in values.items() & _NOT_SURE_SINGLE]
    for question in _NOT_SURE_MULTI:
        value = values.get(question)
        if value is not None and NOT_SURE in value:
            found.append(question)
    return frozenset(found)


def build_plan(answers: Answers, language: i18n.Language = "en") -> Plan:
    """Compose the plan for validated answers, its words in `language`."""
    plan = compose(answers)
    text = text_in(language)
    person, platforms, values = plan.person, plan.platforms, plan.values
    actions = tuple([_make_action(chosen, platforms, values, text) for chosen in plan.first])
    support, contacts = support_for(situation_of(answers), language)
    withheld_why = withheld(person)
    return Plan(
        content_version=CONTENT_VERSION,
        language=language,
        written_for=person.written_for,
        age_band=person.age_band,
        urgent=None
        if plan.lane is None or person.lane is None
        else UrgentLane(
            mode=person.lane,
            title=text.plan[lane_title(person)],
            message=text.plan[urgent_message(person)],
            actions=tuple([_make_action(chosen, platforms, values, text) for chosen in plan.lane]),
        ),
        do_first=actions[:DO_FIRST_LIMIT],
        next=actions[DO_FIRST_LIMIT:],
        when_ready=None
        if not plan.later
        else LaterSection(
            title=text.plan[WHEN_READY_TITLE],
            message=text.plan[when_ready_message(person)],
            actions=tuple([_make_action(chosen, platforms, values, text) for chosen in plan.later]),
        ),
        doing_well=plan.doing_well
        if language == i18n.DEFAULT
        else tuple(praise_in(item, text) for item in plan.doing_well),
        not_answered=plan.not_answered,
        scores=None if plan.careful else scores_in(score(answers), language),
        scores_withheld=None if withheld_why is None else text.plan[withheld_why],
        support=support,
        contact_first=contacts,
        findings=tuple([c.findings[s] for c, s in zip(COMPILED_RULES, plan.statuses, strict=True)]),
    )


SUPPORT_CACHE_SIZE = 256
"""Support lists kept, by situation and language: a fixed bound, since their number is bounded by
the content but large."""


@functools.lru_cache(maxsize=SUPPORT_CACHE_SIZE)
def support_for(
    situation: Situation, language: i18n.Language
) -> tuple[tuple[SupportItem, ...], tuple[Contact, ...]]:
    """The services for a situation in `language`, and the ones to contact first: a pure
    function of the two, so routed once per situation rather than once per plan."""
    text = text_in(language)
    support = route(situation, text.resources, text.support_reasons)
    return support, contact_first(situation, support)


def praise_in(item: DoingWell, text: _Text) -> DoingWell:
    return text.rules[ORDER_OF[item.rule_id]].praise or item


def scores_in(scores: Scores, language: i18n.Language) -> Scores:
    """The scores with their area titles in `language`."""
    if language == i18n.DEFAULT:
        return scores
    return msgspec.structs.replace(
        scores,
        areas=tuple(
            msgspec.structs.replace(area, title=area_title_in(language, area.area, area.title))
            for area in scores.areas
        ),
    )


ORDER_OF = {compiled.rule.id: compiled.order for compiled in COMPILED_RULES}


def lane_title(person: _Person) -> str:
    return URGENT_TITLE if person.lane == "urgent" else IF_HAPPENING_TITLE


def when_ready_message(person: _Person) -> str:
    return WHEN_READY_MESSAGE_HELPER if person.helper else WHEN_READY_MESSAGE


def withheld(person: _Person) -> str | None:
    """Why a plan has no scores, when it has none."""
    if person.lane:
        return SCORES_WITHHELD
    return SCORES_WITHHELD_HARM if person.harmed else None


_RESPONSE = frozenset(i for i, c in enumerate(COMPILED_RULES) if c.rule.purpose == "response")
_COVERED: dict[str, frozenset[int]] = {
    rule_id: frozenset(i for i, c in enumerate(COMPILED_RULES) if rule_id in c.rule.covered_by)
    for rule_id in {rule_id for c in COMPILED_RULES for rule_id in c.rule.covered_by}
}
"""For each urgent rule, the other rules that say nothing it does not (`Rule.covered_by`)."""


def _lane_key(compiled: CompiledRule, order: dict[UrgentStep, int]) -> tuple[int, bool, int]:
    rule = compiled.rule
    assert rule.urgent_step is not None
    # Within a step, the core lane's version (getting_help: report to CEOP or the police) comes
    # before an area's add-on (tell your bank), so an under-18 who paid sees CEOP first.
    add_on = rule.area != "getting_help"
    return order[rule.urgent_step], add_on, compiled.order


def _ranked(order: list[int]) -> Ranked:
    """The order with a getter of the statuses in it (a tuple whatever the number of rules)."""
    if len(order) == 1:
        only = order[0]
        return order, lambda statuses: (statuses[only],)
    if not order:
        return order, lambda statuses: ()
    return order, itemgetter(*order)


_LANE_RANK: dict[str, dict[int, tuple[int, bool, int]]] = {
    name: {i: _lane_key(c, order) for i, c in enumerate(COMPILED_RULES) if c.rule.urgent_step}
    for name, order in _ORDERS.items()
}
"""Each urgent rule's place in the lane, for each order of the lane's steps."""
_LANE_MEMBERS: dict[tuple[bool, Lane | None], Ranked] = {
    (helper, lane): _ranked(
        [
            i
            for i, c in enumerate(COMPILED_RULES)
            if c.rule.urgent_step is not None
            and _in_lane(c.rule.for_helper, c.rule.lane, helper, lane)
        ]
    )
    for helper in (False, True)
    for lane in (None, "urgent", "if_happening")
}
"""The rules that join the urgent lane when they fire, by helper or not and the lane's mode."""
_PRAISABLE, _PRAISABLE_STATUSES = _ranked(
    [i for i, c in enumerate(COMPILED_RULES) if c.praise is not None]
)
_RULE_IDS = tuple(c.rule.id for c in COMPILED_RULES)
_COVERED_BY = tuple(
    frozenset(i for i, other in enumerate(COMPILED_RULES) if other.rule.id in c.rule.covered_by)
    for c in COMPILED_RULES
)
"""For each rule, the rules (by place) that say all it says: it leaves the lane when one is there."""
_COVERS = tuple(_COVERED.get(c.rule.id, frozenset()) for c in COMPILED_RULES)
"""For each rule, the rules (by place) it says everything of: hidden when it is in the lane."""
_COVERED_SOMEWHERE = frozenset(i for i, covering in enumerate(_COVERED_BY) if covering)
_COVERING = frozenset(i for i, covered in enumerate(_COVERS) if covered)
_NOT_SURE_SINGLE = frozenset(
    (q.id, NOT_SURE)
    for q in QUESTIONNAIRE.questions
    if q.kind == "single" and any(o.id == NOT_SURE for o in q.options)
)
_NOT_SURE_MULTI = tuple(
    q.id
    for q in QUESTIONNAIRE.questions
    if q.kind == "multi" and any(o.id == NOT_SURE for o in q.options)
)


_OUTSIDE_LANE = [i for i, c in enumerate(COMPILED_RULES) if c.rule.urgent_step is None]
_RANK_ORDER = sorted(_OUTSIDE_LANE, key=lambda index: COMPILED_RULES[index].rank)
"""Actions outside the lane by severity, then effort (quick wins first), then registry order."""
_WATCHED_ORDER = sorted(
    _OUTSIDE_LANE,
    # Someone whose phone is checked sees steps that could alert that person after the others.
    key=lambda index: (COMPILED_RULES[index].rule.may_alert, COMPILED_RULES[index].rank),
)


_RANKED = {
    watched: _ranked(order) for watched, order in ((False, _RANK_ORDER), (True, _WATCHED_ORDER))
}
"""Each plan order of the rules outside the lane, with a getter of their statuses in that order."""
_RANKED_RESPONSE = {
    watched: _ranked([i for i in order if i in _RESPONSE])
    for watched, (order, _) in _RANKED.items()
}
_RANKED_PREVENTION = {
    watched: _ranked([i for i in order if i not in _RESPONSE])
    for watched, (order, _) in _RANKED.items()
}
"""The same orders split into help for what happened and prevention, for someone harmed."""
