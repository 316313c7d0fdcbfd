"""The condition language on its own: parsing, precedence, three-valued evaluation, JSON."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety_check.conditions import (
    All,
    Answered,
    Any,
    AnyOf,
    Condition,
    ConditionSyntaxError,
    Has,
    Is,
    Not,
    evaluate,
    parse,
    questions_in,
)

A = Is("q.a", "yes")
B = Is("q.b", "yes")
C = Is("q.c", "yes")


@pytest.mark.parametrize(
    ("source", "tree"),
    [
        ("q.a = yes", A),
        ("q.m has x", Has("q.m", "x")),
        ("q.m in [x, y]", AnyOf("q.m", ("x", "y"))),
        ("answered q.a", Answered("q.a")),
        ("q.a = yes or q.b = yes and q.c = yes", Any((A, All((B, C))))),
        ("q.a = yes and q.b = yes or q.c = yes", Any((All((A, B)), C))),
        ("(q.a = yes or q.b = yes) and q.c = yes", All((Any((A, B)), C))),
        ("not q.a = yes and q.b = yes", All((Not(A), B))),
        ("not (q.a = yes and q.b = yes)", Not(All((A, B)))),
        ("not not q.a = yes", Not(Not(A))),
        ("q.a = yes or not q.b = yes or q.c = yes", Any((A, Not(B), C))),
    ],
)
def test_parse_and_precedence(source: str, tree: Condition) -> None:
    assert parse(source) == tree


@pytest.mark.parametrize(
    "source",
    [
        "",
        "q.a",
        "q.a =",
        "q.a = yes and",
        "(q.a = yes",
        "q.a = yes)",
        "q.a in [x,",
        "q.a in []",
        "q.a == yes",
        "q.a = yes q.b = yes",
        "and = yes",
        "q.a = yes; drop",
        "q.a like yes",
    ],
)
def test_syntax_errors_are_reported(source: str) -> None:
    with pytest.raises(ConditionSyntaxError):
        parse(source)


TRUTH = [True, False, None]


def literal(value: bool | None) -> tuple[Condition, dict[str, str]]:
    """A condition over its own question whose value is `value` (None = unanswered)."""
    answers = {} if value is None else {"q.x": "yes" if value else "no"}
    return Is("q.x", "yes"), answers


@pytest.mark.parametrize("value", TRUTH)
def test_not_is_kleene(value: bool | None) -> None:
    condition, answers = literal(value)
    assert evaluate(Not(condition), answers) == (None if value is None else not value)


@pytest.mark.parametrize(
    ("left", "right", "conjunction", "disjunction"),
    [
        (True, True, True, True),
        (True, False, False, True),
        (False, False, False, False),
        (True, None, None, True),
        (False, None, False, None),
        (None, None, None, None),
    ],
)
def test_and_or_are_kleene(
    left: bool | None, right: bool | None, conjunction: bool | None, disjunction: bool | None
) -> None:
    answers: dict[str, str] = {}
    if left is not None:
        answers["q.l"] = "yes" if left else "no"
    if right is not None:
        answers["q.r"] = "yes" if right else "no"
    first, second = Is("q.l", "yes"), Is("q.r", "yes")
    for a, b in ((first, second), (second, first)):
        assert evaluate(All((a, b)), answers) is conjunction
        assert evaluate(Any((a, b)), answers) is disjunction


def test_atoms_on_single_and_multi_answers() -> None:
    answers = {"q.s": "b", "q.m": ("x", "z")}
    assert evaluate(parse("q.s = b"), answers) is True
    assert evaluate(parse("q.s = a"), answers) is False
    assert evaluate(parse("q.s in [a, b]"), answers) is True
    assert evaluate(parse("q.m has x"), answers) is True
    assert evaluate(parse("q.m has y"), answers) is False
    assert evaluate(parse("q.m in [y, z]"), answers) is True
    assert evaluate(parse("q.m in [y]"), answers) is False
    assert evaluate(parse("q.m has x"), {"q.m": ()}) is False
    assert evaluate(parse("q.none = a"), answers) is None
    assert evaluate(parse("answered q.none"), answers) is False
    assert evaluate(parse("answered q.s"), answers) is True


def test_questions_in_lists_every_question_read() -> None:
    condition = parse("q.a = yes and (q.b = yes or not q.c = yes)")
    assert list(questions_in(condition)) == ["q.a", "q.b", "q.c"]


def test_trees_round_trip_through_json() -> None:
    condition = parse("not q.a = yes and (q.m has x or q.m in [y, z]) or answered q.b")
    encoded = msgspec.json.encode(condition)
    assert b'"op":"any"' in encoded
    assert msgspec.json.decode(encoded, type=Condition) == condition


NAMES = st.sampled_from(["q.a", "q.b", "q.c"])


def trees() -> st.SearchStrategy[Condition]:
    atoms = st.builds(Is, NAMES, st.sampled_from(["yes", "no"]))
    return st.recursive(
        atoms,
        lambda inner: st.one_of(
            st.builds(Not, inner),
            st.builds(All, st.lists(inner, min_size=2, max_size=3).map(tuple)),
            st.builds(Any, st.lists(inner, min_size=2, max_size=3).map(tuple)),
        ),
        max_leaves=8,
    )


def to_source(condition: Condition) -> str:
    if isinstance(condition, Is):
        return f"{condition.question} = {condition.option}"
    if isinstance(condition, Not):
        return f"not ({to_source(condition.condition)})"
    assert isinstance(condition, All | Any)
    joiner = " and " if isinstance(condition, All) else " or "
    return joiner.join(f"({to_source(part)})" for part in condition.conditions)


def naive(condition: Condition, answers: dict[str, str]) -> bool | None:
    """A separate, obviously correct three-valued evaluator to check the compiled one against."""
    if isinstance(condition, Is):
        value = answers.get(condition.question)
        return None if value is None else value == condition.option
    if isinstance(condition, Not):
        inner = naive(condition.condition, answers)
        return None if inner is None else not inner
    assert isinstance(condition, All | Any)
    values = [naive(part, answers) for part in condition.conditions]
    if isinstance(condition, All):
        return False if False in values else (None if None in values else True)
    return True if True in values else (None if None in values else False)


# Drawing recursive trees is slow on a loaded machine; the health check then failed the test
# for the machine's load, not for anything evaluated.
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(trees(), st.dictionaries(NAMES, st.sampled_from(["yes", "no"])))
def test_compiled_evaluation_matches_the_definition(
    condition: Condition, answers: dict[str, str]
) -> None:
    assert evaluate(condition, answers) == naive(condition, answers)
    assert evaluate(parse(to_source(condition)), answers) == naive(condition, answers)
