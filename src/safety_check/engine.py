"""The rule engine: answers in, one finding per rule out. Pure and deterministic.

Rules are compiled once at import: conditions become closures and resource mentions in the text
become names and contact details, so a plan does no parsing or formatting of static content.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from safety_check.compiled_rules import compile_reasons, compile_statuses
from safety_check.conditions import (
    All,
    AnyOf,
    Condition,
    Evaluator,
    Has,
    Is,
    compile_condition,
    parse,
    positive_atoms,
    questions_in,
)
from safety_check.models import (
    SEVERITY_RANK,
    AnswerRef,
    Answers,
    DoingWell,
    Finding,
    FindingStatus,
    PlatformSteps,
    Question,
    ResourceRef,
    Rule,
)
from safety_check.questionnaire import QUESTIONNAIRE, QUESTIONS_BY_ID
from safety_check.resources import RESOURCES, mentioned_resources, render_resource_mentions
from safety_check.rules import ALL_RULES

_SCORED_QUESTIONS = frozenset(q.id for q in QUESTIONNAIRE.questions if q.weight > 0)
_QUESTION_ORDER = {question.id: index for index, question in enumerate(QUESTIONNAIRE.questions)}
_APPLIES = {q.id: compile_condition(q.condition) for q in QUESTIONNAIRE.questions if q.condition}


class CompiledRule(msgspec.Struct, frozen=True, kw_only=True):
    rule: Rule
    order: int
    fires: Evaluator
    applies: Evaluator | None
    questions: tuple[str, ...]
    reasons: tuple[tuple[str, Evaluator], ...]
    """Each atom of `fires` that can make it true, with the question it reads."""
    fixed_reasons: tuple[str, ...] | None
    """When `fires` is one atom or an `and` of atoms, every atom is true whenever it fires, so
    the reasons are known without evaluating them again."""
    title: str
    summary: str
    why: str
    steps: tuple[PlatformSteps, ...]
    how_to_check: tuple[PlatformSteps, ...]
    resources: tuple[ResourceRef, ...]
    findings: dict[FindingStatus, Finding]
    """The rule's finding for each status, made once: findings carry no per-person data."""
    praise: DoingWell | None
    """What "you're already doing well" shows when the rule passes; None unless it reads a
    scored habit question (answers about harm or someone's sexual life are never praised)."""
    praise_needs: tuple[tuple[str, frozenset[str]], ...]
    """Each scored question the rule reads, with its safest options: praise is earned only
    when every one of them was answered at the safe end of its scale."""
    rank: tuple[int, int, int]
    """Severity, effort, registry order: where the action sorts among the others."""


STATUSES: tuple[FindingStatus, ...] = ("fail", "pass", "not_applicable", "not_answered")


def _render_steps(groups: tuple[PlatformSteps, ...]) -> tuple[PlatformSteps, ...]:
    return tuple(
        PlatformSteps(
            platform=group.platform,
            steps=tuple(render_resource_mentions(line) for line in group.steps),
            checked=group.checked,
        )
        for group in groups
    )


def _all_text(rule: Rule) -> str:
    lines = [rule.title, rule.summary, rule.why]
    for group in (*rule.steps, *rule.how_to_check):
        lines.extend(group.steps)
    return "\n".join(lines)


def _safest(question: Question) -> frozenset[str]:
    best = max((o.safety for o in question.options if o.safety is not None), default=None)
    return frozenset(o.id for o in question.options if best is not None and o.safety == best)


def earned_praise(
    compiled: CompiledRule, values: dict[str, str | tuple[str, ...]]
) -> DoingWell | None:
    """The rule's praise, if this person's answers are at the safe end of every scale it reads."""
    if compiled.praise is None:
        return None
    for question, safest in compiled.praise_needs:
        if values.get(question) not in safest:
            return None
    return compiled.praise


def _fixed_reasons(fires: Condition) -> tuple[str, ...] | None:
    atoms = fires.conditions if isinstance(fires, All) else (fires,)
    if all(isinstance(atom, Is | Has | AnyOf) for atom in atoms):
        return tuple(dict.fromkeys(questions_in(fires)))
    return None


def compile_rule(order: int, rule: Rule) -> CompiledRule:
    fires = parse(rule.fires)
    questions = tuple(sorted(set(questions_in(fires)), key=_QUESTION_ORDER.__getitem__))
    scored = [QUESTIONS_BY_ID[q] for q in questions if q in _SCORED_QUESTIONS]
    habit = bool(scored) and all(question.role == "habit" for question in scored)
    title = render_resource_mentions(rule.title)
    return CompiledRule(
        rule=rule,
        order=order,
        fires=compile_condition(fires),
        applies=compile_condition(parse(rule.applies)) if rule.applies else None,
        questions=questions,
        reasons=tuple((atom.question, compile_condition(atom)) for atom in positive_atoms(fires)),
        fixed_reasons=_fixed_reasons(fires),
        title=title,
        summary=render_resource_mentions(rule.summary),
        why=render_resource_mentions(rule.why),
        steps=_render_steps(rule.steps),
        how_to_check=_render_steps(rule.how_to_check),
        resources=tuple(
            ResourceRef(id=resource_id, name=RESOURCES[resource_id].name)
            for resource_id in mentioned_resources(_all_text(rule))
        ),
        findings={
            status: Finding(rule_id=rule.id, area=rule.area, status=status, severity=rule.severity)
            for status in STATUSES
        },
        praise=DoingWell(rule_id=rule.id, area=rule.area, title=title) if habit else None,
        praise_needs=tuple((question.id, _safest(question)) for question in scored),
        rank=(SEVERITY_RANK[rule.severity], rule.effort_minutes, order),
    )


COMPILED_RULES: tuple[CompiledRule, ...] = tuple(
    compile_rule(order, rule) for order, rule in enumerate(ALL_RULES) if rule.status != "deprecated"
)


def answer_ref(
    question_id: str,
    value: str | tuple[str, ...],
    questions: Mapping[str, Question] = QUESTIONS_BY_ID,
) -> AnswerRef:
    """The answer quoted back as a reason (`questions`: in the plan's language)."""
    question = questions[question_id]
    if not question.quoted:
        return AnswerRef(
            question=question_id, told_us=True, question_text="", answer=(), answer_labels=()
        )
    chosen = (value,) if isinstance(value, str) else value
    labels = {option.id: option.label for option in question.options}
    return AnswerRef(
        question=question_id,
        told_us=False,
        question_text=question.text,
        answer=chosen,
        answer_labels=tuple(labels[option] for option in chosen),
    )


class Result(msgspec.Struct, frozen=True):
    compiled: CompiledRule
    status: FindingStatus

    def finding(self) -> Finding:
        return self.compiled.findings[self.status]


def reason_questions(
    compiled: CompiledRule, values: dict[str, str | tuple[str, ...]]
) -> tuple[str, ...]:
    """The questions whose answers made the rule fire, for "because you answered ...".

    Only atoms that are true count, so a rule that fires on "a or b" names the answer that did it.
    """
    if compiled.fixed_reasons is not None:
        return compiled.fixed_reasons
    return _REASONS[compiled.order](values)


def reasons_atom_by_atom(
    compiled: CompiledRule, values: dict[str, str | tuple[str, ...]]
) -> tuple[str, ...]:
    """`reason_questions` as the rule data reads: the definition its generated functions
    (compiled_rules.compile_reasons) must agree with."""
    if compiled.fixed_reasons is not None:
        return compiled.fixed_reasons
    chosen = dict.fromkeys(question for question, atom in compiled.reasons if atom(values) is True)
    if not chosen:  # fired through a `not`: show everything the rule read
        chosen = dict.fromkeys(q for q in compiled.questions if q in values)
    return tuple(chosen)


def because(
    compiled: CompiledRule, values: dict[str, str | tuple[str, ...]]
) -> tuple[AnswerRef, ...]:
    """The answers that made the rule fire, in the words the person saw."""
    return tuple(answer_ref(q, values[q]) for q in reason_questions(compiled, values))


def _not_asked(question_id: str, values: dict[str, str | tuple[str, ...]]) -> bool:
    applies = _APPLIES.get(question_id)
    return applies is not None and applies(values) is False


def status(compiled: CompiledRule, values: dict[str, str | tuple[str, ...]]) -> FindingStatus:
    """One rule's status, as the rule data reads: the definition that `run`'s generated
    function (compiled_rules) must agree with."""
    if compiled.applies is not None:
        relevant = compiled.applies(values)
        if relevant is False:
            return "not_applicable"
        if relevant is None:
            return "not_answered"  # a rule never fires on a guess about whether it applies
    fired = compiled.fires(values)
    if fired is True:
        return "fail"
    if fired is False:
        return "pass"
    unanswered = [q for q in compiled.questions if q not in values]
    if all(_not_asked(question, values) for question in unanswered):
        return "not_applicable"
    return "not_answered"


_REASONS = {
    compiled.order: compile_reasons(
        list(positive_atoms(parse(compiled.rule.fires))), compiled.questions, QUESTIONS_BY_ID
    )
    for compiled in COMPILED_RULES
    if compiled.fixed_reasons is None
}
"""Each rule's reasons as one generated function, for the rules whose reasons vary."""
REASONS_BY_PLACE = tuple(_REASONS.get(compiled.order) for compiled in COMPILED_RULES)
"""The same functions by place in COMPILED_RULES (None where the reasons are fixed), for a
caller that already knows which kind of rule it holds."""
_STATUSES = compile_statuses(
    [(compiled.rule, compiled.questions) for compiled in COMPILED_RULES], QUESTIONS_BY_ID
)


def statuses_of(answers: Answers) -> tuple[FindingStatus, ...]:
    """Every rule's status, in the order of `COMPILED_RULES`."""
    return _STATUSES(answers.values)


def run(answers: Answers) -> tuple[Result, ...]:
    """Evaluate every rule against validated answers."""
    return tuple(map(Result, COMPILED_RULES, _STATUSES(answers.values)))


def findings(answers: Answers) -> tuple[Finding, ...]:
    return tuple(result.finding() for result in run(answers))
