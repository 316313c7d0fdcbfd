"""Conditions: when a question is asked and when a rule fires.

Authors write a small expression language; partner apps receive the parsed tree as JSON.

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | atom
    atom    := "(" expr ")" | "answered" QID | QID "=" OPT | QID "has" OPT | QID "in" "[" OPTS "]"

`not` binds tighter than `and`, which binds tighter than `or` (as in Python and SQL).
`q = o` is true when single-choice answer q is o; `q has o` when multi-choice answer q includes o;
`q in [a, b]` when q's answer is, or includes, any of the options.

Evaluation uses three values (Kleene logic): True, False and None for "unknown", which is what an
unanswered question gives. `not unknown` is unknown, `false and unknown` is false,
`true or unknown` is true. A rule fires only on True, so a skipped question never fires or passes
a rule silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import TypeAlias

import msgspec

AnswerValue: TypeAlias = str | tuple[str, ...]
AnswerMap: TypeAlias = Mapping[str, AnswerValue]
Truth: TypeAlias = bool | None
Evaluator: TypeAlias = Callable[[AnswerMap], Truth]


class Is(msgspec.Struct, frozen=True, tag="is", tag_field="op"):
    question: str
    option: str


class Has(msgspec.Struct, frozen=True, tag="has", tag_field="op"):
    question: str
    option: str


class AnyOf(msgspec.Struct, frozen=True, tag="any_of", tag_field="op"):
    question: str
    options: tuple[str, ...]


class Answered(msgspec.Struct, frozen=True, tag="answered", tag_field="op"):
    question: str


class All(msgspec.Struct, frozen=True, tag="all", tag_field="op"):
    conditions: tuple[Condition, ...]


class Any(msgspec.Struct, frozen=True, tag="any", tag_field="op"):
    conditions: tuple[Condition, ...]


class Not(msgspec.Struct, frozen=True, tag="not", tag_field="op"):
    condition: Condition


Condition: TypeAlias = Is | Has | AnyOf | Answered | All | Any | Not


class ConditionSyntaxError(ValueError):
    """The expression does not parse; the message says where."""


_TOKEN = re.compile(r"\s*(?:(?P<punct>[()\[\],=])|(?P<word>[A-Za-z0-9_.]+))")
_KEYWORDS = frozenset({"and", "or", "not", "has", "in", "answered"})


def _tokens(source: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None or match.end() == position:
            if source[position:].strip() == "":
                break
            raise ConditionSyntaxError(f"unexpected character at {position} in {source!r}")
        tokens.append(match.group("punct") or match.group("word"))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = _tokens(source)
        self.position = 0

    def parse(self) -> Condition:
        condition = self._or()
        if self.position != len(self.tokens):
            self._fail(f"unexpected {self.tokens[self.position]!r}")
        return condition

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _take(self, expected: str | None = None) -> str:
        token = self._peek()
        if token is None:
            self._fail("unexpected end")
        assert token is not None
        if expected is not None and token != expected:
            self._fail(f"expected {expected!r}, found {token!r}")
        self.position += 1
        return token

    def _name(self) -> str:
        token = self._take()
        if token in _KEYWORDS or not re.fullmatch(r"[A-Za-z0-9_.]+", token):
            self._fail(f"expected a name, found {token!r}")
        return token

    def _fail(self, message: str) -> None:
        raise ConditionSyntaxError(f"{message} in {self.source!r}")

    def _or(self) -> Condition:
        parts = [self._and()]
        while self._peek() == "or":
            self._take()
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else Any(tuple(parts))

    def _and(self) -> Condition:
        parts = [self._not()]
        while self._peek() == "and":
            self._take()
            parts.append(self._not())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def _not(self) -> Condition:
        if self._peek() == "not":
            self._take()
            return Not(self._not())
        return self._atom()

    def _atom(self) -> Condition:
        token = self._peek()
        if token == "(":
            self._take()
            inner = self._or()
            self._take(")")
            return inner
        if token == "answered":
            self._take()
            return Answered(self._name())
        question = self._name()
        operator = self._take()
        if operator == "=":
            return Is(question, self._name())
        if operator == "has":
            return Has(question, self._name())
        if operator == "in":
            return AnyOf(question, self._option_list())
        self._fail(f"expected '=', 'has' or 'in' after {question!r}, found {operator!r}")
        raise AssertionError  # unreachable: _fail raises

    def _option_list(self) -> tuple[str, ...]:
        self._take("[")
        options = [self._name()]
        while self._peek() == ",":
            self._take()
            options.append(self._name())
        self._take("]")
        return tuple(options)


def parse(source: str) -> Condition:
    """Parse an expression into a condition tree."""
    return _Parser(source).parse()


def questions_in(condition: Condition) -> Iterator[str]:
    """Every question id the condition reads, in order of appearance (may repeat)."""
    if isinstance(condition, All | Any):
        for part in condition.conditions:
            yield from questions_in(part)
    elif isinstance(condition, Not):
        yield from questions_in(condition.condition)
    else:
        yield condition.question


def positive_atoms(condition: Condition) -> Iterator[Is | Has | AnyOf]:
    """The atoms that can make the condition true (those not under a `not`)."""
    if isinstance(condition, All | Any):
        for part in condition.conditions:
            yield from positive_atoms(part)
    elif isinstance(condition, Is | Has | AnyOf):
        yield condition


def options_in(condition: Condition) -> Iterator[tuple[str, str]]:
    """Every (question, option) pair the condition names."""
    if isinstance(condition, All | Any):
        for part in condition.conditions:
            yield from options_in(part)
    elif isinstance(condition, Not):
        yield from options_in(condition.condition)
    elif isinstance(condition, Is | Has):
        yield condition.question, condition.option
    elif isinstance(condition, AnyOf):
        for option in condition.options:
            yield condition.question, option


def compile_condition(condition: Condition) -> Evaluator:
    """Turn a tree into a closure, so evaluating a plan walks no tree at run time."""
    if isinstance(condition, Is):
        return _compile_is(condition.question, condition.option)
    if isinstance(condition, Has):
        return _compile_any_of(condition.question, frozenset({condition.option}))
    if isinstance(condition, AnyOf):
        return _compile_any_of(condition.question, frozenset(condition.options))
    if isinstance(condition, Answered):
        question = condition.question
        return lambda answers: question in answers
    if isinstance(condition, Not):
        inner = compile_condition(condition.condition)
        return lambda answers: _negate(inner(answers))
    parts = tuple(compile_condition(part) for part in condition.conditions)
    return _compile_all(parts) if isinstance(condition, All) else _compile_any(parts)


def evaluate(condition: Condition, answers: AnswerMap) -> Truth:
    """Evaluate a tree once; use `compile_condition` for repeated use."""
    return compile_condition(condition)(answers)


def _negate(value: Truth) -> Truth:
    return None if value is None else not value


def _compile_is(question: str, option: str) -> Evaluator:
    def evaluate_is(answers: AnswerMap) -> Truth:
        value = answers.get(question)
        if value is None:
            return None
        return value == option if isinstance(value, str) else option in value

    return evaluate_is


def _compile_any_of(question: str, options: frozenset[str]) -> Evaluator:
    def evaluate_any_of(answers: AnswerMap) -> Truth:
        value = answers.get(question)
        if value is None:
            return None
        if isinstance(value, str):
            return value in options
        return not options.isdisjoint(value)

    return evaluate_any_of


def _compile_all(parts: tuple[Evaluator, ...]) -> Evaluator:
    def evaluate_all(answers: AnswerMap) -> Truth:
        result: Truth = True
        for part in parts:
            value = part(answers)
            if value is False:
                return False
            if value is None:
                result = None
        return result

    return evaluate_all


def _compile_any(parts: tuple[Evaluator, ...]) -> Evaluator:
    def evaluate_any(answers: AnswerMap) -> Truth:
        result: Truth = False
        for part in parts:
            value = part(answers)
            if value is True:
                return True
            if value is None:
                result = None
        return result

    return evaluate_any
