"""The plan and the questionnaire as readable plain text, for the terminal."""

from __future__ import annotations

import textwrap

from safety_check import i18n
from safety_check.models import (
    Action,
    AnswerRef,
    Plan,
    PlatformSteps,
    Question,
    Questionnaire,
    SupportItem,
)
from safety_check.questionnaire import QUESTIONS_BY_ID
from safety_check.resources import contact_line

WIDTH = 88

PLATFORM_NAMES = {
    "general": "Everyone",
    "iphone_ipad": "iPhone or iPad",
    "android": "Android",
    "mac": "Mac",
    "windows": "Windows",
    "chromebook": "Chromebook",
    "games_console": "Games console",
    "instagram": "Instagram",
    "snapchat": "Snapchat",
    "tiktok": "TikTok",
    "whatsapp": "WhatsApp",
    "facebook": "Facebook",
    "x": "X",
    "discord": "Discord",
    "youtube": "YouTube",
    "telegram": "Telegram",
    "dating_apps": "Dating apps",
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
}


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
    )


PRIVATE_ROLES = frozenset({"situation", "disclosure"})
TOLD_US = "Because of what you told us"
HELP_THEM = "Help them with this: "
"""Shown before a step that only the person can take, in a helper's plan."""


def because_sentence(ref: AnswerRef, helper: bool = False) -> str:
    """Why an action is in the plan. An answer about what happened is never quoted back: a
    printed or saved plan may be read by the person who is doing it. A helper reads the
    question as they saw it, about the person they help."""
    question = QUESTIONS_BY_ID.get(ref.question)
    if question is None or question.role in PRIVATE_ROLES:
        return TOLD_US
    if helper:
        labels = {option.id: option.helper_label or option.label for option in question.options}
        answer = ", ".join(labels[option] for option in ref.answer) or "none of these"
        return f'You answered "{answer}" to "{question.helper_text or question.text}"'
    answer = ", ".join(ref.answer_labels) or "none of these"
    return f'You answered "{answer}" to "{ref.question_text}"'


def _steps(title: str, groups: tuple[PlatformSteps, ...]) -> list[str]:
    lines = [f"   {title}"]
    for group in groups:
        lines.append(f"     {PLATFORM_NAMES[group.platform]}:")
        for step in group.steps:
            lines.extend(_wrap(step, indent="         ", first="       - "))
    return lines


def _because(refs: tuple[AnswerRef, ...], helper: bool) -> list[str]:
    lines: list[str] = []
    for sentence in dict.fromkeys(because_sentence(ref, helper) for ref in refs):
        lines.extend(_wrap(sentence + ".", indent="     ", first="   Why this is in your plan: "))
    return lines


def action_title(action: Action) -> str:
    return HELP_THEM + action.title if action.done_by == "them" else action.title


Said = dict[str, int]
"""Each caution already printed, with the step it was printed at: said in full once."""


def _caution(action: Action, number: int | None, said: Said) -> str:
    """The caution in full the first time; then a pointer to the step where it was said (or
    "as above" in a list without step numbers)."""
    assert action.caution is not None
    if action.caution in said:
        first = said[action.caution]
        return f"Take care: as in step {first}." if number and first else "Take care: as above."
    said[action.caution] = number or 0
    return "Take care: " + action.caution


def _action(number: int, action: Action, full: bool, said: Said, helper: bool = False) -> list[str]:
    """An action: its title and summary always; its steps and reasons only where `full` (the
    urgent lane), so the longest plan stays under 4,000 words; --format json has everything."""
    lines = _wrap(action_title(action), indent="    ", first=f"{number:>2}. ")
    lines.extend(_wrap(action.summary or action.why, indent="    "))
    if action.caution:
        lines.extend(_wrap(_caution(action, number, said), indent="    "))
    if full:
        lines.extend(_because(action.because, helper))
        if action.how_to_check:
            lines.extend(_steps("How to check:", action.how_to_check))
        lines.extend(_steps("How:", action.steps))
    return lines


def _section(title: str, actions: tuple[Action, ...], said: Said, *, start: int = 1) -> list[str]:
    if not actions:
        return []
    lines = ["", title, "=" * len(title)]
    for number, action in enumerate(actions, start):
        lines.append("")
        lines.extend(_action(number, action, False, said))
    return lines


def _support(items: tuple[SupportItem, ...], helper: bool) -> list[str]:
    title = "Support for them, and for you" if helper else "Support for you"
    lines = ["", title, "=" * len(title)]
    for item in items:
        lines.append("")
        lines.extend(_wrap(contact_line(item.resource), indent="  ", first="- "))
        lines.extend(_wrap(item.reason, indent="  "))
    return lines


def _scores(plan: Plan) -> list[str]:
    if plan.scores is None:
        return []  # nobody in a crisis is given a score
    lines = ["", "Your scores", "==========="]
    overall = "not scored" if plan.scores.overall is None else f"{plan.scores.overall}/100"
    lines.append(f"Overall: {overall}")
    for area in plan.scores.areas:
        if area.score is not None:
            lines.append(f"- {area.title}: {area.score}/100")
    return lines


def first_heading(plan: Plan) -> str:
    """ "Do these first" would clash with an urgent lane that came before it."""
    return "After that" if plan.urgent is not None else "Do these first"


SKIPPED = (
    "You skipped the questions, and that's fine. If anything is worrying you, the services "
    "below can help."
)
SKIPPED_HELPER = (
    "You skipped the questions, and that's fine. If anything is worrying them, the services "
    "below can help."
)


def _nothing_to_do(plan: Plan) -> bool:
    return not (plan.urgent or plan.do_first or plan.next or plan.when_ready)


def render_plan(plan: Plan, language: i18n.Language = "en") -> str:
    helper = plan.written_for != "me"
    lines = ["Your Safety Check plan, to help them" if helper else "Your Safety Check plan"]
    lane = plan.urgent.actions if plan.urgent is not None else ()
    said: Said = {}
    if plan.urgent is not None:
        lines += ["", plan.urgent.title, "=" * len(plan.urgent.title)]
        lines.extend(_wrap(plan.urgent.message))
        for number, action in enumerate(plan.urgent.actions, 1):
            lines.append("")
            lines.extend(_action(number, action, True, said, helper))
    # One count through the plan, so no two steps share a number.
    lines += _section(first_heading(plan), plan.do_first, said, start=len(lane) + 1)
    lines += _section("Next", plan.next, said, start=len(lane) + len(plan.do_first) + 1)
    if plan.when_ready is not None:
        lines += ["", plan.when_ready.title, "=" * len(plan.when_ready.title)]
        lines.extend(_wrap(plan.when_ready.message))
        lines += _section_body(plan.when_ready.actions, said)
    if _nothing_to_do(plan) and not plan.doing_well:
        # Nothing was answered (or only skipped): no praise, and who can help instead.
        lines.append("")
        lines.extend(_wrap(SKIPPED_HELPER if helper else SKIPPED))
    if plan.doing_well:
        praise = "They're already doing well" if helper else "You're already doing well"
        lines += ["", praise, "=" * len(praise)]
        lines.extend(f"- {item.title}" for item in plan.doing_well)
    lines += _scores(plan)
    if plan.scores is None and plan.scores_withheld:
        lines += ["", plan.scores_withheld]
    lines += _support(plan.support, helper)
    lines += ["", f"Content version {plan.content_version}. Full steps and sources: --format json."]
    return "\n".join(lines) + "\n"


def _section_body(actions: tuple[Action, ...], said: Said) -> list[str]:
    """Later advice as one line each: it waits until the person is ready, so it stays short."""
    lines = [""]
    for action in actions:
        lines.extend(_wrap(action_title(action), indent="  ", first="- "))
        if action.caution:
            lines.extend(_wrap(_caution(action, None, said), indent="    ", first="    "))
    return lines


def _question(question: Question) -> list[str]:
    kind = "choose one" if question.kind == "single" else "choose any"
    lines = _wrap(f"{question.text} ({kind})", indent="    ", first=f"{question.id}\n    ")
    if question.helper_text:
        lines.extend(_wrap(f"For someone else: {question.helper_text}", indent="    "))
    if question.when:
        lines.append(f"    Asked when: {question.when}")
    lines.extend(f"      [{option.id}] {option.label}" for option in question.options)
    return lines


def render_questionnaire(questionnaire: Questionnaire) -> str:
    lines = [f"Safety Check questionnaire (content version {questionnaire.content_version})"]
    for question in questionnaire.questions:
        lines.append("")
        lines.extend(_question(question))
    return "\n".join(lines) + "\n"
