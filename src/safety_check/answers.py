"""Answers on the wire, and their strict validation against the questionnaire.

The wire format is one flat map: `{"answers": {"profile.age_band": "13_15",
"profile.devices": ["iphone_ipad"]}}`. Validation reports every problem at once, each naming the
question it is about, and never guesses what a person meant.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Annotated, TypeAlias

import msgspec

from safety_check import strict_json
from safety_check.compiled_rules import compile_not_asked
from safety_check.conditions import compile_condition
from safety_check.models import AnswerProblem, Answers, Question
from safety_check.questionnaire import QUESTIONNAIRE

OptionId = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
WireValue: TypeAlias = OptionId | Annotated[list[OptionId], msgspec.Meta(max_length=32)]
QuestionKey = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
WireAnswers: TypeAlias = Annotated[dict[QuestionKey, WireValue], msgspec.Meta(max_length=256)]


class AnswersIn(msgspec.Struct, forbid_unknown_fields=True):
    """The body of a plan request."""

    answers: WireAnswers


class WrongType(msgspec.Struct, frozen=True):
    """An answer that is neither an option id nor a list of them, kept so that `validate`
    reports it against its question together with every other problem."""

    reason: str


RawAnswer: TypeAlias = str | list[str] | WrongType


class _AnswersUnchecked(msgspec.Struct, forbid_unknown_fields=True):
    answers: Annotated[dict[QuestionKey, msgspec.Raw], msgspec.Meta(max_length=256)]


class AnswersInvalid(ValueError):
    """The answers do not fit the questionnaire; `problems` lists every reason."""

    def __init__(self, problems: Iterable[AnswerProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.question}: {p.message}" for p in self.problems))


_QUESTIONS: dict[str, Question] = {}
for _question in QUESTIONNAIRE.questions:
    _QUESTIONS[_question.id] = _question
    for _alias in _question.aliases:
        _QUESTIONS[_alias] = _question
_ORDER = {question.id: index for index, question in enumerate(QUESTIONNAIRE.questions)}
_OPTION_ORDER = {
    question.id: {option.id: index for index, option in enumerate(question.options)}
    for question in QUESTIONNAIRE.questions
}
_SINGLE_OPTIONS = {
    question.id: frozenset(option.id for option in question.options)
    for question in QUESTIONNAIRE.questions
    if question.kind == "single"
}
_APPLIES = {
    question.id: compile_condition(question.condition)
    for question in QUESTIONNAIRE.questions
    if question.condition is not None
}
_IDS_IN_ORDER = tuple(question.id for question in QUESTIONNAIRE.questions)
_REQUIRED = tuple(question.id for question in QUESTIONNAIRE.questions if question.required)
_SINGLE_BY_ID = {
    question.id: _SINGLE_OPTIONS[question.id]
    for question in QUESTIONNAIRE.questions
    if question.kind == "single"
}
"""The options of each single-choice question by its id only (not its aliases): an answer found
here under its own id, with one of these options, is valid without further checks."""
_NOT_ASKED = compile_not_asked(QUESTIONNAIRE.questions)


def _problem(question: str | None, code: str, message: str) -> AnswerProblem:
    return AnswerProblem(question=question, code=code, message=message)


def _unknown_question(key: str) -> str:
    close = difflib.get_close_matches(key, _IDS_IN_ORDER, n=1, cutoff=0.8)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return f"Unknown question {key!r}.{hint} The questionnaire lists every id."


def _unknown_option(option: str, known: Mapping[str, int]) -> str:
    # The valid ids in the message, so the next attempt can be right (they are public anyway).
    return f"Unknown option {option!r}; the options are: {', '.join(known)}."


def _clean_value(
    key: str, question: Question, value: RawAnswer, problems: list[AnswerProblem]
) -> str | tuple[str, ...] | None:
    known = _OPTION_ORDER[question.id]
    if isinstance(value, WrongType):
        wanted = "one option id" if question.kind == "single" else "a list of option ids"
        problems.append(_problem(key, "wrong_type", f"Give {wanted} ({value.reason})."))
        return None
    if question.kind == "single":
        if not isinstance(value, str):
            problems.append(_problem(key, "expected_single", "Give one option id, not a list."))
            return None
        if value not in known:
            problems.append(_problem(key, "unknown_option", _unknown_option(value, known)))
            return None
        return value
    if isinstance(value, str):
        problems.append(_problem(key, "expected_multi", "Give a list of option ids."))
        return None
    unknown = [option for option in value if option not in known]
    for option in unknown:
        problems.append(_problem(key, "unknown_option", _unknown_option(option, known)))
    if len(set(value)) != len(value):
        problems.append(_problem(key, "duplicate_option", "An option is listed more than once."))
    if unknown or len(set(value)) != len(value):
        return None
    return tuple(sorted(value, key=known.__getitem__))


def validate(raw: Mapping[str, RawAnswer]) -> Answers:
    """Check answers against the questionnaire; raise `AnswersInvalid` listing every problem."""
    clean: dict[str, str | tuple[str, ...]] = {}
    problems: list[AnswerProblem] = []
    single_by_id = _SINGLE_BY_ID
    for key, value in raw.items():
        # The common case, one lookup per answer: a single choice under its own id.
        options = single_by_id.get(key)
        if options is not None and value.__class__ is str and value in options and key not in clean:
            clean[key] = value
        else:
            _check(key, value, clean, problems)
    for required in _REQUIRED:
        if required not in raw and not any(p.question == required for p in problems):
            problems.append(_problem(required, "missing_required", "This question is required."))
    for question_id in _NOT_ASKED(clean):
        problems.append(
            _problem(
                question_id,
                "not_applicable",
                f"Not asked with these answers (asked only when {_QUESTIONS[question_id].when}).",
            )
        )
    if problems:
        raise AnswersInvalid(problems)
    return Answers(values=_in_order(clean))


def _check(
    key: str,
    value: RawAnswer,
    clean: dict[str, str | tuple[str, ...]],
    problems: list[AnswerProblem],
) -> None:
    """An answer off the fast path: a multiple choice, an alias, or a mistake."""
    question = _QUESTIONS.get(key)
    if question is None:
        problems.append(_problem(key, "unknown_question", _unknown_question(key)))
    elif question.id in clean:
        problems.append(_problem(key, "duplicate_question", "Answered twice (by an alias)."))
    else:
        cleaned = _clean_value(key, question, value, problems)
        if cleaned is not None:
            clean[question.id] = cleaned


def _in_order(clean: dict[str, str | tuple[str, ...]]) -> dict[str, str | tuple[str, ...]]:
    """The answers in questionnaire order; most clients already send them so, and then the map
    is kept as it is (checked without a Python loop)."""
    places = list(map(_ORDER.__getitem__, clean))
    if places == sorted(places):
        return clean
    return {key: clean[key] for key in sorted(clean, key=_ORDER.__getitem__)}


def prune(raw: Mapping[str, str | list[str]]) -> dict[str, str | list[str]]:
    """Drop answers to questions that no longer apply, earliest first, keeping everything else.

    The web form uses this when a person goes back and changes an earlier answer (say, no longer
    an Android user): their Quick Share answer is dropped instead of being reported as an error.
    """
    kept: dict[str, str | list[str]] = dict(raw)
    known = sorted((key for key in raw if key in _ORDER), key=_ORDER.__getitem__)
    for key in known:
        applies = _APPLIES.get(key)
        if applies is None:
            continue
        view = {k: (v if isinstance(v, str) else tuple(v)) for k, v in kept.items()}
        if applies(view) is False:
            del kept[key]
    return kept


def decode_answers(body: bytes) -> dict[str, RawAnswer]:
    """The answers map of a JSON plan request, not yet validated against the questionnaire.

    An answer of the wrong type (a number, an object, a list of numbers) comes back as
    `WrongType`, so that `validate` names its question instead of the decoder reporting one
    anonymous problem somewhere under `$.answers`. Raises `msgspec.DecodeError` for malformed
    JSON, a key given twice or nesting too deep, and `msgspec.ValidationError` for any other
    wrong shape.
    """
    try:
        answers: dict[str, RawAnswer] = dict(strict_json.decode(body, _DECODER).answers)
    except msgspec.ValidationError as error:
        answers = _answers_with_wrong_types(body, error)
    strict_json.reject_duplicate_keys(body, decoded_keys=1 + len(answers))
    return answers


def _require_wrapper(body: bytes) -> None:
    """Raise a ShapeHint if the body is an object without `answers`: most often the answers map
    itself, sent without its wrapper."""
    try:
        top = strict_json.decode(body, _TOP)
    except msgspec.MsgspecError:
        return
    if "answers" not in top:
        example = '{"answers": {"profile.age_band": "13_15"}}'
        raise strict_json.ShapeHint(
            f'Put the answers inside an "answers" object, like {example}; this body has no '
            '"answers" key.'
        )


def _answers_with_wrong_types(body: bytes, error: msgspec.ValidationError) -> dict[str, RawAnswer]:
    # Only on the error path: decode each answer on its own to find which ones are wrong.
    _require_wrapper(body)
    unchecked = strict_json.decode(body, _UNCHECKED).answers
    answers: dict[str, RawAnswer] = {}
    for key, raw in unchecked.items():
        try:
            answers[key] = _VALUE.decode(raw)
        except msgspec.ValidationError as wrong:
            text, _, where = str(wrong).partition(" - at `$")
            answers[key] = WrongType(text + (f" at item {where.strip('[]`')}" if where else ""))
    if not any(isinstance(value, WrongType) for value in answers.values()):
        raise error
    return answers


def decode_request(body: bytes) -> Answers:
    """Decode a JSON plan request and validate it.

    Raises `msgspec.DecodeError`/`msgspec.ValidationError` for malformed JSON or the wrong shape,
    and `AnswersInvalid` for answers that do not fit the questionnaire (wrong types included).
    """
    return validate(decode_answers(body))


_DECODER = msgspec.json.Decoder(AnswersIn)
_UNCHECKED = msgspec.json.Decoder(_AnswersUnchecked)
_TOP = msgspec.json.Decoder(dict[str, msgspec.Raw])
_VALUE: msgspec.json.Decoder[str | list[str]] = msgspec.json.Decoder(WireValue)
