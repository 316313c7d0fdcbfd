"""The plan and the questionnaire as readable plain text, for the terminal."""

from __future__ import annotations

import textwrap

from safety_check import i18n
from safety_check.content_language import helper_actions_in, questions_by_id_in
from safety_check.i18n import N_
from safety_check.models import (
    Action,
    AnswerRef,
    Plan,
    PlatformSteps,
    Question,
    Questionnaire,
    SupportItem,
)
from safety_check.resources import contact_line

WIDTH = 88


# Product names are the same in every language; the rest are messages.
PLATFORM_NAMES = {
    "general": N_("Everyone"),
    "iphone_ipad": N_("iPhone or iPad"),
    "android": "Android",
    "mac": "Mac",
    "windows": "Windows",
    "chromebook": "Chromebook",
    "games_console": N_("Games console"),
    "instagram": "Instagram",
    "snapchat": "Snapchat",
    "tiktok": "TikTok",
    "whatsapp": "WhatsApp",
    "facebook": "Facebook",
    "x": "X",
    "discord": "Discord",
    "youtube": "YouTube",
    "telegram": "Telegram",
    "dating_apps": N_("Dating apps"),
    "england": N_("England"),
    "wales": N_("Wales"),
    "scotland": N_("Scotland"),
    "northern_ireland": N_("Northern Ireland"),
}


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
    )


PRIVATE_ROLES = frozenset({"situation", "disclosure"})
TOLD_US = N_("Because of what you told us")
HELP_THEM = "Help them with this: "
"""Shown before a step that only the person can take, in a helper's plan."""


def _t(language: i18n.Language, text: str) -> str:
    """The text plan's own words in `language` (the `messages` domain). Each is a literal
    marked with `N_` where it is written, so extraction finds it wherever it is used."""
    return text if language == i18n.DEFAULT else i18n.gettext(language, text)


def because_sentence(ref: AnswerRef, helper: bool = False, language: i18n.Language = "en") -> str:
    """Why an action is in the plan. An answer about what happened is never quoted back: a
    printed or saved plan may be read by the person who is doing it. A helper reads the
    question as they saw it, about the person they help."""
    question = questions_by_id_in(language).get(ref.question)
    if question is None or question.role in PRIVATE_ROLES:
        return _t(language, TOLD_US)
    none = _t(language, N_("none of these"))
    answered = _t(language, N_('You answered "{answer}" to "{question}"'))
    if helper:
        labels = {option.id: option.helper_label or option.label for option in question.options}
        answer = ", ".join(labels[option] for option in ref.answer) or none
        return answered.format(answer=answer, question=question.helper_text or question.text)
    answer = ", ".join(ref.answer_labels) or none
    return answered.format(answer=answer, question=ref.question_text)


def _steps(title: str, groups: tuple[PlatformSteps, ...], language: i18n.Language) -> list[str]:
    lines = [f"   {_t(language, title)}"]
    for group in groups:
        lines.append(f"     {_t(language, PLATFORM_NAMES[group.platform])}:")
        for step in group.steps:
            lines.extend(_wrap(step, indent="         ", first="       - "))
    return lines


def _because(refs: tuple[AnswerRef, ...], helper: bool, language: i18n.Language) -> list[str]:
    lines: list[str] = []
    why = _t(language, N_("Why this is in your plan:"))
    for sentence in dict.fromkeys(because_sentence(ref, helper, language) for ref in refs):
        lines.extend(_wrap(sentence + ".", indent="     ", first=f"   {why} "))
    return lines


def action_title(action: Action, language: i18n.Language = "en") -> str:
    """The title as the reader takes it: a helper reads a step only the person can take in
    its helper wording (`helper_wording.HELPER_ACTIONS`), or as "Help them with this:" and
    its title."""
    if action.done_by != "them":
        return action.title
    helper = helper_actions_in(language).get(action.rule_id)
    if helper is not None:
        return helper[0]
    return _t(language, N_("Help them with this: {title}")).format(title=action.title)


def action_summary(action: Action, language: i18n.Language = "en") -> str:
    """The one line under the title (the reason, where there is no summary); about the person
    in a helper's plan where the step has helper wording."""
    if action.done_by == "them":
        helper = helper_actions_in(language).get(action.rule_id)
        if helper is not None:
            return helper[1]
    return action.summary or action.why


Said = dict[str, int]
"""Each caution already printed, with the step it was printed at: said in full once."""


def _caution(action: Action, number: int | None, said: Said, language: i18n.Language) -> str:
    """The caution in full the first time; then a pointer to the step where it was said (or
    "as above" in a list without step numbers)."""
    assert action.caution is not None
    if action.caution in said:
        first = said[action.caution]
        if number and first:
            return _t(language, N_("Take care: as in step {number}.")).format(number=first)
        return _t(language, N_("Take care: as above."))
    said[action.caution] = number or 0
    return _t(language, N_("Take care: {caution}")).format(caution=action.caution)


def _action(
    number: int,
    action: Action,
    full: bool,
    said: Said,
    language: i18n.Language,
    helper: bool = False,
) -> list[str]:
    """An action: its title and summary always; its steps and reasons only where `full` (the
    urgent lane), so the longest plan stays under 4,000 words; --format json has everything."""
    lines = _wrap(action_title(action, language), indent="    ", first=f"{number:>2}. ")
    lines.extend(_wrap(action_summary(action, language), indent="    "))
    if action.caution:
        lines.extend(_wrap(_caution(action, number, said, language), indent="    "))
    if full:
        lines.extend(_because(action.because, helper, language))
        if action.how_to_check:
            lines.extend(_steps(N_("How to check:"), action.how_to_check, language))
        lines.extend(_steps(N_("How:"), action.steps, language))
    return lines


def _section(
    title: str,
    actions: tuple[Action, ...],
    said: Said,
    language: i18n.Language,
    *,
    start: int = 1,
) -> list[str]:
    if not actions:
        return []
    title = _t(language, title)
    lines = ["", title, "=" * len(title)]
    for number, action in enumerate(actions, start):
        lines.append("")
        lines.extend(_action(number, action, False, said, language))
    return lines


SUPPORT_CONTEXT = "page:support"
PLEASE_CHECK = "Please check %(details)s on their site."
AND = " and "
"""The web's support list words (templates/_support.html), looked up in its context rather
than written twice, so the two formats say it alike in every language."""


def _web_words(language: i18n.Language, message: str) -> str:
    return str(i18n.translations(language).pgettext(SUPPORT_CONTEXT, message))


def _please_check(item: SupportItem, language: i18n.Language) -> list[str]:
    """What we could not confirm about a service, as the web says it: a number or hours read
    only in news reports must not look certain on a printed plan."""
    if not item.resource.unverified:
        return []
    details = i18n.and_list(language, item.resource.unverified, _web_words(language, AND))
    return _wrap(_web_words(language, PLEASE_CHECK) % {"details": details}, indent="  ")


def _support(items: tuple[SupportItem, ...], helper: bool, language: i18n.Language) -> list[str]:
    title = _t(language, N_("Support for them, and for you") if helper else N_("Support for you"))
    lines = ["", title, "=" * len(title)]
    for item in items:
        lines.append("")
        line = contact_line(item.resource, _t(language, N_("call {phone}")))
        lines.extend(_wrap(line, indent="  ", first="- "))
        lines.extend(_wrap(item.reason, indent="  "))
        lines.extend(_please_check(item, language))
    return lines


def _scores(plan: Plan, language: i18n.Language) -> list[str]:
    if plan.scores is None:
        return []  # nobody in a crisis is given a score
    title = _t(language, N_("Your scores"))
    lines = ["", title, "=" * len(title)]
    overall = (
        _t(language, N_("not scored"))
        if plan.scores.overall is None
        else f"{plan.scores.overall}/100"
    )
    lines.append(_t(language, N_("Overall: {score}")).format(score=overall))
    for area in plan.scores.areas:
        if area.score is not None:
            lines.append(f"- {area.title}: {area.score}/100")
    return lines


def first_heading(plan: Plan) -> str:
    """ "Do these first" would clash with an urgent lane that came before it."""
    return N_("After that") if plan.urgent is not None else N_("Do these first")


SKIPPED = N_(
    "You skipped the questions, and that's fine. If anything is worrying you, the services "
    "below can help."
)
SKIPPED_HELPER = N_(
    "You skipped the questions, and that's fine. If anything is worrying them, the services "
    "below can help."
)


def _nothing_to_do(plan: Plan) -> bool:
    return not (plan.urgent or plan.do_first or plan.next or plan.when_ready)


def render_plan(plan: Plan, language: i18n.Language = "en") -> str:
    helper = plan.written_for != "me"
    lines = [
        _t(
            language,
            N_("Your Safety Check plan, to help them") if helper else N_("Your Safety Check plan"),
        )
    ]
    lane = plan.urgent.actions if plan.urgent is not None else ()
    said: Said = {}
    if plan.urgent is not None:
        lines += ["", plan.urgent.title, "=" * len(plan.urgent.title)]
        lines.extend(_wrap(plan.urgent.message))
        for number, action in enumerate(plan.urgent.actions, 1):
            lines.append("")
            lines.extend(_action(number, action, True, said, language, helper))
    # One count through the plan, so no two steps share a number.
    lines += _section(first_heading(plan), plan.do_first, said, language, start=len(lane) + 1)
    start = len(lane) + len(plan.do_first) + 1
    lines += _section(N_("Next"), plan.next, said, language, start=start)
    if plan.when_ready is not None:
        lines += ["", plan.when_ready.title, "=" * len(plan.when_ready.title)]
        lines.extend(_wrap(plan.when_ready.message))
        lines += _section_body(plan.when_ready.actions, said, language)
    if _nothing_to_do(plan) and not plan.doing_well:
        # Nothing was answered (or only skipped): no praise, and who can help instead.
        lines.append("")
        lines.extend(_wrap(_t(language, SKIPPED_HELPER if helper else SKIPPED)))
    if plan.doing_well:
        praise = _t(
            language,
            N_("They're already doing well") if helper else N_("You're already doing well"),
        )
        lines += ["", praise, "=" * len(praise)]
        lines.extend(f"- {item.title}" for item in plan.doing_well)
    lines += _scores(plan, language)
    if plan.scores is None and plan.scores_withheld:
        lines += ["", plan.scores_withheld]
    lines += _support(plan.support, helper, language)
    footer = _t(language, N_("Content version {version}. Full steps and sources: --format json."))
    lines += ["", footer.format(version=plan.content_version)]
    return "\n".join(lines) + "\n"


def _section_body(actions: tuple[Action, ...], said: Said, language: i18n.Language) -> list[str]:
    """Later advice as one line each: it waits until the person is ready, so it stays short."""
    lines = [""]
    for action in actions:
        lines.extend(_wrap(action_title(action, language), indent="  ", first="- "))
        if action.caution:
            lines.extend(_wrap(_caution(action, None, said, language), indent="    ", first="    "))
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
