"""The data model: every value that crosses a module boundary is one of these Structs.

Content (questions, rules, resources) and outputs (findings, actions, plans) are frozen, so a
plan can be shared between threads and cached without copying. Inbound wire data is decoded
strictly in `answers.py`.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from safety_check.conditions import Condition
from safety_check.i18n import Language

Area = Literal[
    "privacy_settings",
    "personal_details",
    "webcam",
    "nearby_sharing",
    "dating_apps",
    "intimate_images",
    "sextortion",
    "deepfakes",
    "account_security",
    "getting_help",
]
AREAS: tuple[Area, ...] = (
    "privacy_settings",
    "personal_details",
    "nearby_sharing",
    "webcam",
    "account_security",
    "dating_apps",
    "intimate_images",
    "sextortion",
    "deepfakes",
    "getting_help",
)
"""The order areas are asked in and reported in."""
AREA_TITLES: dict[Area, str] = {
    "privacy_settings": "Privacy settings",
    "personal_details": "Personal details",
    "webcam": "Cameras and webcams",
    "nearby_sharing": "AirDrop, Quick Share and Bluetooth",
    "dating_apps": "Dating apps",
    "intimate_images": "Nudes and intimate images",
    "sextortion": "Sextortion and threats",
    "deepfakes": "Deepfakes and fake images",
    "account_security": "Passwords and account security",
    "getting_help": "Getting help",
}

Section = Literal["profile", "situation"] | Area

AgeBand = Literal["under_13", "13_15", "16_17", "18_plus"]
AGE_BANDS: tuple[AgeBand, ...] = ("under_13", "13_15", "16_17", "18_plus")
UNDER_18: frozenset[AgeBand] = frozenset({"under_13", "13_15", "16_17"})

Device = Literal["iphone_ipad", "android", "mac", "windows", "chromebook", "games_console"]
App = Literal[
    "instagram",
    "snapchat",
    "tiktok",
    "whatsapp",
    "facebook",
    "x",
    "discord",
    "youtube",
    "telegram",
    "dating_apps",
]
Nation = Literal["england", "wales", "scotland", "northern_ireland"]
NATIONS: tuple[Nation, ...] = ("england", "wales", "scotland", "northern_ireland")
NATION_NAMES: dict[Nation, str] = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
}
# "general" steps apply whatever devices and apps a person uses. A nation's steps (its law,
# its reporting routes) are shown to people in that nation, or to everyone who did not say.
Platform = Literal["general", Device, App, Nation]
"""One flat enum in the schema: generated clients mis-parse a union of a const and enums."""

ForWhom = Literal["me", "my_child", "a_friend", "a_student", "partner_or_family"]
"""Whom the check is filled in for: the person themselves, or someone who helps them."""
HELPERS: frozenset[ForWhom] = frozenset({"my_child", "a_friend", "a_student", "partner_or_family"})

DoneBy = Literal["you", "them"]
"""Who takes an action: the reader, or (in a helper's plan) the person they are helping."""

Role = Literal["profile", "situation", "habit", "disclosure"]
"""What an answer is, declared on its question; every privacy rule is derived from it.

- profile: who the person is and what they use (age, nation, devices, apps).
- situation: what is happening to them now (a threat, a shared image, and follow-ups).
- habit: a habit, setting or piece of knowledge; the only answers a class check may count.
- disclosure: something that happened to them, or their sexual life.
"""
QUOTED_ROLES: frozenset[Role] = frozenset({"profile", "habit"})
"""Roles whose answers a plan may quote back ("You answered ... to ..."). A plan may be read on
a shared screen or by the person doing harm, so what is happening to someone (situation) and
what happened to them (disclosure) is only ever "what you told us"."""

Purpose = Literal["prevention", "response"]
"""What a rule is for. Prevention advice is for before anything happens; it never leads the
plan of someone who is being harmed, because next to harm it reads as blame."""

Severity = Literal["critical", "high", "medium", "low"]
"""How much a gap matters to a person.

- critical: someone may be harmed now, or an image may spread; act today.
- high: a common way images are taken, stolen or used against people.
- medium: makes abuse easier or harder to stop; worth fixing this week.
- low: good practice; small gain.
"""
SEVERITY_RANK: dict[Severity, int] = {"critical": 0, "high": 1, "medium": 2, "low": 3}

UrgentStep = Literal[
    "safety", "dont_pay", "stop_contact", "keep_evidence", "report", "remove", "talk"
]
"""The urgent lane's fixed order: danger first, then the response steps of DESIGN §6."""
URGENT_STEPS: tuple[UrgentStep, ...] = (
    "safety",
    "dont_pay",
    "stop_contact",
    "keep_evidence",
    "report",
    "remove",
    "talk",
)
URGENT_ORDER: dict[UrgentStep, int] = {step: rank for rank, step in enumerate(URGENT_STEPS)}
TRACE_STEPS: frozenset[UrgentStep] = frozenset(
    {"stop_contact", "keep_evidence", "report", "remove"}
)
"""Urgent steps that leave a trace on the phone (a block, a screenshot in a shared photo backup,
a report from an account) that someone who checks it could see."""

Lane = Literal["urgent", "if_happening"]
"""`urgent`: someone says they are threatened or an image was shared. `if_happening`: they said
"I'm not sure" or "I'd rather not say", and get a calm, conditional version."""

FindingStatus = Literal["fail", "pass", "not_applicable", "not_answered"]
QuestionKind = Literal["single", "multi"]
RuleStatus = Literal["stable", "preview", "deprecated"]


class Option(msgspec.Struct, frozen=True, kw_only=True):
    """One choice of a question.

    `safety` places the option on the question's risk scale: 1.0 is the safest habit, 0.0 the
    riskiest; `None` leaves the question out of the score for this person (for example "I don't
    have a webcam").
    """

    id: str
    label: str
    safety: float | None = None
    harm: bool = False
    """Choosing this tells of harm done to the person (asked for nudes, sent an unwanted
    sexual picture, a fake nude of them ...): their plan leads with help, not prevention."""
    own_image: bool = False
    """Choosing this means a picture of the person may exist, may have been sent or could be
    faked, so services that take pictures down are offered. After other harm, such as being
    sent someone else's picture, those services would only confuse."""
    helper_label: str | None = None
    """The label as a helper reads it, where the person's own label says "I" or "me"."""


class Question(msgspec.Struct, frozen=True, kw_only=True):
    """A question with a stable, namespaced id (`<section>.<subject>`)."""

    id: str
    section: Section
    role: Role
    kind: QuestionKind
    text: str
    options: tuple[Option, ...]
    hint: str | None = None
    helper_text: str | None = None
    """The question about the person, for someone filling the check in for them."""
    helper_hint: str | None = None
    when: str | None = None
    """Condition in the small expression language of `conditions.py`; absent = always asked."""
    condition: Condition | None = None
    """`when` parsed into a tree, so partner apps can apply it without a parser."""
    weight: int = 0
    """Weight in the area score; 0 means the question is not scored."""
    required: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def quoted(self) -> bool:
        """Whether a plan may quote this question and its answer back (see `QUOTED_ROLES`)."""
        return self.role in QUOTED_ROLES


class Source(msgspec.Struct, frozen=True, kw_only=True):
    title: str
    url: str
    weak: bool = False
    """Only a secondary source says this; no platform, official or charity page was found."""


class PlatformSteps(msgspec.Struct, frozen=True, kw_only=True):
    """Steps for one platform, with the date they were last checked against the vendor's help."""

    platform: Platform
    steps: tuple[str, ...]
    checked: str


class Rule(msgspec.Struct, frozen=True, kw_only=True):
    """One piece of advice and the answers that put it in a plan.

    `fires` is a condition over the answers: true puts the action in the plan, false is a pass,
    unknown (a question it needs was not answered) is "not answered".
    """

    id: str
    area: Area
    purpose: Purpose
    title: str
    summary: str = ""
    """One sentence of at most 20 words that stands alone: what to do and why."""
    why: str
    fires: str
    steps: tuple[PlatformSteps, ...]
    severity: Severity
    effort_minutes: int
    sources: tuple[Source, ...]
    since: str
    applies: str | None = None
    """Condition for the rule to be relevant at all: false makes it "not applicable", and
    unknown (a question it reads was skipped) makes it "not answered"."""
    how_to_check: tuple[PlatformSteps, ...] = ()
    """Steps to find out, shown when the person answered "I'm not sure"."""
    urgent_step: UrgentStep | None = None
    lane: Lane = "urgent"
    """Which lane an action with an `urgent_step` belongs to; the other lane's are left out."""
    may_alert: bool = False
    """Doing this could alert someone who watches the person's phone or accounts."""
    status: RuleStatus = "stable"
    aliases: tuple[str, ...] = ()
    for_helper: bool = False
    """Written to a parent, teacher, friend or family member helping the person. In a
    helper's plan these make up the urgent lane; in the person's own plan they never fire."""
    watcher_can_use: bool = False
    """Passing it means a feature is on that someone who checks the phone or knows the
    passwords could use to follow the person (Find My, location sharing, a shared backup):
    never praised for them."""
    covered_by: tuple[str, ...] = ()
    """Urgent rules whose steps already say everything this one says. When one of them is in
    the person's urgent lane, this action is left out of the plan so the same steps are not
    shown twice; its finding still fails, so scores and class totals do not change."""


class AnswerRef(msgspec.Struct, frozen=True, kw_only=True):
    """An answer that helped decide a finding, with the words the person saw.

    When `told_us` is true the answer is about what is happening or happened to the person, and
    it is never quoted back: `question_text`, `answer` and `answer_labels` are empty and the
    reason to show is "Because of what you told us". `question` is still there, so an app can
    take the person back to the question to change their answer."""

    question: str
    told_us: Annotated[
        bool,
        msgspec.Meta(
            description="True for an answer about what is happening or happened to the person: "
            "it is not quoted back (question_text, answer and answer_labels are empty); show "
            '"Because of what you told us".'
        ),
    ]
    question_text: str
    answer: tuple[str, ...]
    answer_labels: tuple[str, ...]


class Finding(msgspec.Struct, frozen=True, kw_only=True):
    rule_id: str
    area: Area
    status: FindingStatus
    severity: Severity


class ResourceRef(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str


class Action(msgspec.Struct, frozen=True, kw_only=True):
    """A fired rule, made personal: the steps for this person's devices and apps, and why."""

    rule_id: str
    area: Area
    purpose: Purpose
    title: str
    summary: str
    why: str
    because: tuple[AnswerRef, ...]
    steps: tuple[PlatformSteps, ...]
    how_to_check: tuple[PlatformSteps, ...]
    severity: Severity
    effort_minutes: int
    sources: tuple[Source, ...]
    resources: tuple[ResourceRef, ...]
    content_version: str
    urgent_step: UrgentStep | None = None
    caution: str | None = None
    done_by: DoneBy = "you"
    """"them" in a helper's plan for a step only the person can take: the helper helps them."""


class DoingWell(msgspec.Struct, frozen=True, kw_only=True):
    rule_id: str
    area: Area
    title: str


class AreaScore(msgspec.Struct, frozen=True, kw_only=True):
    area: Area
    title: str
    score: int | None
    """0-100, or None when no scored question in the area was answered."""
    answered: int
    applicable: int


class Scores(msgspec.Struct, frozen=True, kw_only=True):
    overall: int | None
    areas: tuple[AreaScore, ...]


class Resource(msgspec.Struct, frozen=True, kw_only=True):
    """A support service. Every number and address in the product comes from here."""

    id: str
    name: str
    summary: str
    audience: str
    min_age: int | None = None
    max_age: int | None = None
    url: str | None = None
    phone: str | None = None
    text: str | None = None
    hours: str | None = None
    nations: tuple[Nation, ...] = ()
    """The parts of the UK the service covers; empty means all of the UK."""
    access: tuple[str, ...] = ()
    """Other ways in for people who are deaf, hard of hearing or need an interpreter."""
    source: str
    checked: str
    unverified: tuple[str, ...] = ()
    """Details we could not confirm; shown with a "check on their site" note."""
    for_one_group: bool = False
    """Only for women, only for men, or only for LGBT+ people: never put first for someone we
    know nothing of beyond their answers (an LGBT+ service is, after a threat to out them)."""
    without_voice: str | None = None
    """How to reach it without a voice call (text, chat, video relay), where it can be."""


class Contact(msgspec.Struct, frozen=True, kw_only=True):
    """A service to reach first, and how: a number to call, or a text, chat or video route."""

    id: str
    name: str
    label: str
    href: str | None
    hours: str | None


class SupportItem(msgspec.Struct, frozen=True, kw_only=True):
    resource: Resource
    reason: str


class UrgentLane(msgspec.Struct, frozen=True, kw_only=True):
    mode: Lane
    title: str
    message: str
    actions: tuple[Action, ...]


class LaterSection(msgspec.Struct, frozen=True, kw_only=True):
    """Prevention advice for someone who is being harmed, kept apart and after their help."""

    title: str
    message: str
    actions: tuple[Action, ...]


class Plan(msgspec.Struct, frozen=True, kw_only=True):
    content_version: str
    language: Language
    """The language of the plan's words (`Content-Language` says it too)."""
    written_for: ForWhom
    """Whom the plan speaks to: the person ("me"), or someone helping them."""
    age_band: AgeBand | None
    """None when the person did not say: the plan and its services are then age-neutral."""
    urgent: UrgentLane | None
    do_first: tuple[Action, ...]
    next: tuple[Action, ...] = msgspec.field(name="do_next")
    """On the wire `do_next` (beside `do_first`): `next` is a builtin that generated Python
    clients renamed to `next_`."""
    when_ready: LaterSection | None
    """For someone threatened, whose image was shared, who disclosed a harm or is unsure:
    prevention advice, never in the urgent lane or "do these first"."""
    doing_well: tuple[DoingWell, ...]
    not_answered: tuple[str, ...]
    """Ids of rules that could not be decided because a question they need was skipped."""
    scores: Scores | None
    """None when the plan has an urgent lane: nobody in a crisis is given a score."""
    scores_withheld: str | None
    """Why there are no scores, when there are none."""
    support: tuple[SupportItem, ...]
    contact_first: tuple[Contact, ...]
    """The (at most three) services to put first, for a strip of numbers at the top:
    chosen for the person (their age, nation and how they can make contact)."""
    findings: tuple[Finding, ...]


class Answers(msgspec.Struct, frozen=True):
    """Answers that passed validation: question id to option id (single) or option ids (multi)."""

    values: dict[str, str | tuple[str, ...]]

    def get(self, question: str) -> str | tuple[str, ...] | None:
        return self.values.get(question)

    def age_band(self) -> AgeBand | None:
        return self.values.get("profile.age_band")  # type: ignore[return-value]  # validated


class AnswerProblem(msgspec.Struct, frozen=True, kw_only=True):
    """One thing wrong with submitted answers; `question` names the offending answer."""

    question: str | None
    code: str
    message: str


class AreaInfo(msgspec.Struct, frozen=True, kw_only=True):
    id: Area
    title: str


class Questionnaire(msgspec.Struct, frozen=True, kw_only=True):
    """Every question, in the order a person meets them, stamped with the content version."""

    content_version: str
    areas: tuple[AreaInfo, ...]
    questions: tuple[Question, ...]
