"""Strict validation of answers: every problem reported at once, each naming its question."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety_check.answers import AnswersInvalid, decode_request, prune, validate
from safety_check.compiled_rules import compile_not_asked
from safety_check.conditions import compile_condition
from safety_check.models import AnswerProblem
from safety_check.questionnaire import QUESTIONNAIRE
from tests.strategies import answer_sets
from tests.test_personas import PERSONAS


def problems(raw: dict[str, object]) -> set[tuple[str | None, str]]:
    with pytest.raises(AnswersInvalid) as caught:
        validate(raw)  # type: ignore[arg-type]
    return {(problem.question, problem.code) for problem in caught.value.problems}


def test_minimal_answers_are_valid() -> None:
    answers = validate({"profile.age_band": "13_15"})
    assert answers.values == {"profile.age_band": "13_15"}


def test_no_answer_is_required() -> None:
    """Someone may skip any question, their age too: they get an age-neutral plan."""
    assert validate({}).values == {}
    assert validate({"situation.threat_to_share": "yes"}).age_band() is None


def test_every_problem_is_reported_at_once() -> None:
    found = problems(
        {
            "profile.devices": "android",
            "profile.apps": ["snapchat", "myspace"],
            "situation.threat_to_share": ["yes"],
            "webcam.cover_when_unused": "sometimes_maybe",
            "no.such_question": "yes",
        }
    )
    assert found == {
        ("profile.devices", "expected_multi"),
        ("profile.apps", "unknown_option"),
        ("situation.threat_to_share", "expected_single"),
        ("webcam.cover_when_unused", "unknown_option"),
        ("no.such_question", "unknown_question"),
    }


def test_duplicate_options_are_rejected() -> None:
    found = problems({"profile.age_band": "18_plus", "profile.devices": ["mac", "mac"]})
    assert found == {("profile.devices", "duplicate_option")}


def test_answer_to_a_question_whose_condition_is_false_is_rejected() -> None:
    found = problems(
        {
            "profile.age_band": "18_plus",
            "profile.devices": ["iphone_ipad"],
            "webcam.cover_when_unused": "always",
        }
    )
    assert found == {("webcam.cover_when_unused", "not_applicable")}


def test_condition_that_cannot_be_decided_is_not_an_error() -> None:
    # A partner that did not ask about devices may still ask the webcam question.
    answers = validate({"profile.age_band": "18_plus", "webcam.cover_when_unused": "always"})
    assert answers.get("webcam.cover_when_unused") == "always"


def test_multi_answers_are_put_in_questionnaire_order() -> None:
    answers = validate({"profile.age_band": "18_plus", "profile.devices": ["windows", "android"]})
    assert answers.get("profile.devices") == ("android", "windows")


def test_empty_multi_answer_means_none_of_these() -> None:
    answers = validate({"profile.age_band": "18_plus", "profile.devices": []})
    assert answers.get("profile.devices") == ()


def test_prune_drops_answers_that_stopped_applying() -> None:
    raw: dict[str, str | list[str]] = {
        "profile.age_band": "18_plus",
        "profile.devices": ["iphone_ipad"],
        "webcam.cover_when_unused": "always",
        "webcam.permissions_checked": "yes",
    }
    assert prune(raw) == {
        "profile.age_band": "18_plus",
        "profile.devices": ["iphone_ipad"],
        "webcam.permissions_checked": "yes",
    }
    validate(prune(raw))


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b"[]",
        b'{"answers": []}',
        b'{"answers": {"profile.age_band": "13_15"}, "extra": 1}',
        b'{"answers": {"profile.age_band": "13_15", "profile.age_band": "18_plus"}}',
        b'{"answers": {"a": ' + b"[" * 5000 + b"]" * 5000 + b"}}",
        b"[" * 5000 + b"]" * 5000,
    ],
)
def test_malformed_bodies_are_rejected_by_the_decoder(body: bytes) -> None:
    with pytest.raises((msgspec.DecodeError, msgspec.ValidationError)):
        decode_request(body)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"13", "got `int`"),
        (b'[["nested"]]', "got `array` at item 0"),
        (b'"' + b"x" * 65 + b'"', "length <= 64"),
        (b"null", "got `null`"),
    ],
)
def test_a_wrong_type_is_reported_against_its_question(value: bytes, reason: str) -> None:
    body = b'{"answers": {"profile.devices": "mac", "profile.age_band": ' + value + b"}}"
    with pytest.raises(AnswersInvalid) as invalid:
        decode_request(body)
    found = {(p.question, p.code) for p in invalid.value.problems}
    assert found == {("profile.age_band", "wrong_type"), ("profile.devices", "expected_multi")}
    assert reason in invalid.value.problems[1].message


def test_decode_request_validates() -> None:
    with pytest.raises(AnswersInvalid):
        decode_request(b'{"answers": {"profile.age_band": "adult"}}')
    answers = decode_request(b'{"answers": {"profile.age_band": "16_17"}}')
    assert answers.age_band() == "16_17"


def _reference_validate(raw: dict[str, Any]) -> object:
    """Validation as it was written before the fast path (issue 19), question by question with
    the condition closures: the values in questionnaire order, or the problems in order."""
    from safety_check.answers import _clean_value, _unknown_question

    by_key = {key: q for q in QUESTIONNAIRE.questions for key in (q.id, *q.aliases)}
    found: list[tuple[str | None, str, str]] = []
    clean: dict[str, Any] = {}
    for key, value in raw.items():
        question = by_key.get(key)
        if question is None:
            found.append((key, "unknown_question", _unknown_question(key)))
        elif question.id in clean:
            found.append((key, "duplicate_question", "Answered twice (by an alias)."))
        else:
            wrong: list[AnswerProblem] = []
            cleaned = _clean_value(key, question, value, wrong)
            found += [(p.question, p.code, p.message) for p in wrong]
            if cleaned is not None:
                clean[question.id] = cleaned
    for question in QUESTIONNAIRE.questions:
        missing = question.required and question.id not in raw
        if missing and not any(p[0] == question.id for p in found):
            found.append((question.id, "missing_required", "This question is required."))
    for question in QUESTIONNAIRE.questions:
        if question.condition is None or question.id not in clean:
            continue
        if compile_condition(question.condition)(clean) is False:
            message = f"Not asked with these answers (asked only when {question.when})."
            found.append((question.id, "not_applicable", message))
    if found:
        return found
    return list({q.id: clean[q.id] for q in QUESTIONNAIRE.questions if q.id in clean}.items())


@st.composite
def _any_answers(draw: st.DrawFn) -> dict[str, Any]:
    """Answers right and wrong, in any order: conditions ignored, aliases, unknown questions and
    options, lists for single choices and the reverse, repeats."""
    pairs: list[tuple[str, Any]] = []
    for question in QUESTIONNAIRE.questions:
        if not draw(st.booleans()):
            continue
        options = [option.id for option in question.options] + ["nope"]
        keys = (question.id, *question.aliases)
        key = draw(st.sampled_from(keys)) if draw(st.integers(0, 19)) else question.id + "x"
        good = draw(st.integers(0, 19)) > 0
        one = draw(st.sampled_from(options[:-1] if good else options))
        many = draw(st.lists(st.sampled_from(options[:-1] if good else options), max_size=4))
        single = question.kind == "single"
        pairs.append(
            (key, (one if single else many) if good else draw(st.sampled_from([one, many])))
        )
    return dict(draw(st.permutations(pairs)))


@st.composite
def _valid_in_any_order(draw: st.DrawFn) -> dict[str, Any]:
    return dict(draw(st.permutations(list(draw(answer_sets()).items()))))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(_any_answers(), _valid_in_any_order()))
def test_validation_gives_what_it_gave_before_the_fast_path(raw: dict[str, Any]) -> None:
    try:
        got: object = list(validate(raw).values.items())
    except AnswersInvalid as invalid:
        got = [(p.question, p.code, p.message) for p in invalid.problems]
    assert got == _reference_validate(raw)


def test_validation_reads_conditions_as_one_function_that_agrees_with_each_closure() -> None:
    """The generated check of conditions, on the personas' answers with each conditional question
    answered anyway."""
    not_asked = compile_not_asked(QUESTIONNAIRE.questions)
    conditional = [q for q in QUESTIONNAIRE.questions if q.condition is not None]
    seen = 0
    for raw in PERSONAS.values():
        values = dict(validate(prune(raw)).values)
        for question in conditional:
            answered = {**values, question.id: question.options[0].id}
            if question.kind == "multi":
                answered[question.id] = (question.options[0].id,)
            expected = [
                q.id
                for q in conditional
                if q.id in answered and compile_condition(q.condition)(answered) is False  # type: ignore[arg-type]
            ]
            assert not_asked(answered) == expected
            seen += bool(expected)
    assert seen  # some of these answers were indeed not asked
