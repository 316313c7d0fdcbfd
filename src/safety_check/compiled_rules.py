"""Every rule's status in one generated function, made once at start-up from the rule data
(and, the same way, which answered questions would not have been asked).

The rules stay readable data (`rules/`, conditions as small expressions); this module turns all
of them into the source of a single Python function and compiles it, so evaluating a person's
answers reads each answer once into a local variable and decides each rule with a few
comparisons, instead of calling a closure per atom of every condition.

Three-valued logic (true, false, unknown) is written as two plain booleans per condition:
"certainly true" and "certainly false"; unknown is neither. `and` is true when all parts are
certainly true and false when any part is certainly false; `or` the other way round; `not` swaps
the two. The result is the same as `conditions.compile_condition` (a test holds them together).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from safety_check.conditions import All, Answered, Any, AnyOf, Condition, Has, Is, Not, parse
from safety_check.models import FindingStatus, Question, Rule

Statuses = Callable[[dict[str, str | tuple[str, ...]]], tuple[FindingStatus, ...]]


class _Writer:
    """Python source for conditions over local variables, one per question read."""

    def __init__(self, questions: dict[str, Question]) -> None:
        self.questions = questions
        self.locals: dict[str, str] = {}
        self.constants: dict[str, frozenset[str]] = {}

    def var(self, question: str) -> str:
        return self.locals.setdefault(question, f"v{len(self.locals)}")

    def _options(self, options: Sequence[str]) -> str:
        name = f"o{len(self.constants)}"
        self.constants[name] = frozenset(options)
        return name

    def _atom_true(self, question: str, options: Sequence[str]) -> str:
        value = self.var(question)
        single = self.questions[question].kind == "single"
        if len(options) == 1:
            option = repr(options[0])
            return (
                f"({value} == {option})"
                if single
                else f"({value} is not None and {option} in {value})"
            )
        group = self._options(options)
        if single:
            return f"({value} in {group})"
        return f"({value} is not None and not {group}.isdisjoint({value}))"

    def true(self, condition: Condition) -> str:
        if isinstance(condition, Is | Has):
            return self._atom_true(condition.question, (condition.option,))
        if isinstance(condition, AnyOf):
            return self._atom_true(condition.question, condition.options)
        if isinstance(condition, Answered):
            return f"({self.var(condition.question)} is not None)"
        if isinstance(condition, Not):
            return self.false(condition.condition)
        joiner = " and " if isinstance(condition, All) else " or "
        return "(" + joiner.join(self.true(part) for part in condition.conditions) + ")"

    def false(self, condition: Condition) -> str:
        if isinstance(condition, Is | Has | AnyOf):
            value = self.var(condition.question)
            return f"({value} is not None and not {self.true(condition)})"
        if isinstance(condition, Answered):
            return f"({self.var(condition.question)} is None)"
        if isinstance(condition, Not):
            return self.true(condition.condition)
        joiner = " or " if isinstance(condition, All) else " and "
        assert isinstance(condition, All | Any)
        return "(" + joiner.join(self.false(part) for part in condition.conditions) + ")"


def _status_source(rule: Rule, questions: Sequence[str], writer: _Writer) -> str:
    """One rule's status as an expression; mirrors `engine.status`."""
    fires = parse(rule.fires)
    # Unknown: "not applicable" when every question it read and was skipped was not even asked.
    not_asked = []
    for question in questions:
        condition = writer.questions[question].condition
        skipped = f"{writer.var(question)} is None"
        if condition is None:
            not_asked.append(f"not ({skipped})")
        else:
            not_asked.append(f"(not ({skipped}) or {writer.false(condition)})")
    unknown = f"('not_applicable' if ({' and '.join(not_asked) or 'True'}) else 'not_answered')"
    status = f"('fail' if {writer.true(fires)} else 'pass' if {writer.false(fires)} else {unknown})"
    if rule.applies:
        applies = parse(rule.applies)
        status = (
            f"('not_applicable' if {writer.false(applies)} else "
            f"'not_answered' if not {writer.true(applies)} else {status})"
        )
    return status


def compile_statuses(
    rules: Sequence[tuple[Rule, Sequence[str]]], questions: dict[str, Question]
) -> Statuses:
    """One function from answers to every rule's status, in the order of `rules` (each given
    with the questions its `fires` reads)."""
    writer = _Writer(questions)
    expressions = [_status_source(rule, read, writer) for rule, read in rules]
    reads = "\n".join(f"    {var} = get({question!r})" for question, var in writer.locals.items())
    body = ",\n        ".join(expressions)
    source = f"def statuses(values):\n    get = values.get\n{reads}\n    return (\n        {body},\n    )\n"
    namespace: dict[str, object] = dict(writer.constants)
    exec(compile(source, "<compiled rules>", "exec"), namespace)  # noqa: S102  # our own rule data
    return namespace["statuses"]  # type: ignore[return-value]


NotAsked = Callable[[dict[str, str | tuple[str, ...]]], list[str]]


def compile_not_asked(questions: Sequence[Question]) -> NotAsked:
    """One function from answers to the ids of answered questions that would not have been
    asked with the other answers (their condition is certainly false), in questionnaire order:
    what `conditions.compile_condition` decides question by question, in one pass."""
    writer = _Writer({question.id: question for question in questions})
    checks = [
        f"    if {writer.var(question.id)} is not None and {writer.false(question.condition)}:\n"
        f"        found.append({question.id!r})"
        for question in questions
        if question.condition is not None
    ]
    reads = "\n".join(f"    {var} = get({question!r})" for question, var in writer.locals.items())
    source = (
        "def not_asked(values):\n    get = values.get\n"
        + reads
        + "\n    found = []\n"
        + "\n".join(checks)
        + "\n    return found\n"
    )
    namespace: dict[str, object] = dict(writer.constants)
    exec(compile(source, "<compiled questions>", "exec"), namespace)  # noqa: S102  # our own data
    return namespace["not_asked"]  # type: ignore[return-value]


Reasons = Callable[[dict[str, str | tuple[str, ...]]], tuple[str, ...]]


def compile_reasons(
    atoms: Sequence[Condition], read: Sequence[str], questions: dict[str, Question]
) -> Reasons:
    """A fired rule's reasons as one generated function: the questions of the atoms that are
    true, in order and once each; when none is (it fired through a `not`), every question it
    read that was answered. What `engine.reason_questions` decides atom by atom."""
    writer = _Writer(questions)
    asked = [_question_of(atom) for atom in atoms]
    # Atoms on different questions name each question once already: no need to drop repeats.
    once = "tuple(found)" if len(set(asked)) == len(asked) else "tuple(dict.fromkeys(found))"
    checks = [
        f"    if {writer.true(atom)}:\n        found.append({_question_of(atom)!r})"
        for atom in atoms
    ]
    reads = "\n".join(f"    {var} = get({question!r})" for question, var in writer.locals.items())
    source = (
        "def reasons(values):\n    get = values.get\n"
        + reads
        + "\n    found = []\n"
        + "\n".join(checks)
        + f"\n    if found:\n        return {once}"
        + "\n    return tuple([question for question in READ if question in values])\n"
    )
    namespace: dict[str, object] = {**writer.constants, "READ": tuple(read)}
    exec(compile(source, "<compiled reasons>", "exec"), namespace)  # noqa: S102  # our own data
    return namespace["reasons"]  # type: ignore[return-value]


def _question_of(atom: Condition) -> str:
    assert isinstance(atom, Is | Has | AnyOf)
    return atom.question
