"""Content lint: no blaming words, no contact details outside the catalogue, readable copy.

Reading level: the Flesch-Kincaid grade (textstat) of everything a 13-15-year-old can be shown
(questions, options, hints, and rules that can fire for them), measured per item and overall.
Grade 7 is roughly a reading age of 12-13. The bounds below are what the copy meets today; they
may only be lowered.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator

import pytest
import textstat

from safety_check.conditions import compile_condition, parse
from safety_check.engine import COMPILED_RULES, CompiledRule
from safety_check.plan import CAUTION_MAY_ALERT, URGENT_MESSAGE_ADULT, URGENT_MESSAGE_UNDER_18
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import RESOURCES
from safety_check.routing import ROUTES, Situation

OVERALL_GRADE_BOUND = 7.0
ITEM_GRADE_BOUND = 12.0

BLAMING = [
    r"\byou should have\b",
    r"\byou should've\b",
    r"\bshould not have\b",
    r"\bshouldn't have\b",
    r"\bwhy did you\b",
    r"\bwhy didn't you\b",
    r"\byour own fault\b",
    r"\bit is your fault\b",
    r"\bit's your fault\b",
    r"\byou were (?:stupid|naive|silly|careless|foolish)\b",
    r"\basking for it\b",
    r"\bstupid\b",
    r"\bnaive\b",
    r"\bfoolish\b",
    r"\birresponsible\b",
    r"\bcareless\b",
    r"\bshame on\b",
    r"\bonline stays online\b",
    r"\bchild pornography\b",
    r"\bchild porn\b",
    r"\byouth[- ]produced\b",
    r"\bsexting\b",
    r"\bnever be deleted\b",
    r"\bcan't be undone\b",
]


def rule_texts(compiled: CompiledRule) -> Iterator[str]:
    rule = compiled.rule
    yield rule.title
    yield rule.why
    for group in (*rule.steps, *rule.how_to_check):
        yield from group.steps


def question_texts() -> Iterator[tuple[str, str]]:
    for question in QUESTIONNAIRE.questions:
        yield question.id, question.text
        if question.hint:
            yield question.id, question.hint
        for option in question.options:
            yield f"{question.id}={option.id}", option.label


def all_copy() -> Iterator[tuple[str, str]]:
    yield from question_texts()
    for compiled in COMPILED_RULES:
        for text in rule_texts(compiled):
            yield compiled.rule.id, text
    for resource in RESOURCES.values():
        yield resource.id, resource.summary
    for message in (URGENT_MESSAGE_ADULT, URGENT_MESSAGE_UNDER_18, CAUTION_MAY_ALERT):
        yield "plan", message
    for age in ("13_15", "18_plus"):
        for threatened in (True, False):
            situation = Situation(age_band=age, threatened=threatened, money_lost=True)  # type: ignore[arg-type]
            for row in ROUTES:
                yield row.resource_id, row.reason(situation)


COPY = list(all_copy())


@pytest.mark.parametrize("pattern", BLAMING)
def test_no_blaming_or_harmful_phrases(pattern: str) -> None:
    offenders = [(where, text) for where, text in COPY if re.search(pattern, text, re.IGNORECASE)]
    assert not offenders, offenders


def test_no_contact_details_in_rule_or_question_text() -> None:
    phone = re.compile(r"\d{3,}|\b\d{2,} \d{2,}")
    address = re.compile(r"https?://|www\.|\.(?:org|uk|com)\b|@")
    for where, text in list(question_texts()) + [
        (c.rule.id, t) for c in COMPILED_RULES for t in rule_texts(c)
    ]:
        assert not phone.search(text), f"{where}: write numbers only in resources.py: {text}"
        assert not address.search(text), f"{where}: write addresses only in resources.py: {text}"


def test_not_your_fault_is_said_to_people_who_were_harmed() -> None:
    assert "not your fault" in URGENT_MESSAGE_UNDER_18
    assert "not your fault" in URGENT_MESSAGE_ADULT


def shown_to_13_to_15(compiled: CompiledRule) -> bool:
    probe = {"profile.age_band": "13_15"}
    gates = [compiled.rule.fires] + ([compiled.rule.applies] if compiled.rule.applies else [])
    return all(compile_condition(parse(gate))(probe) is not False for gate in gates)


def copy_for_13_to_15() -> list[tuple[str, str]]:
    probe = {"profile.age_band": "13_15"}
    texts = []
    for question in QUESTIONNAIRE.questions:
        if question.condition and compile_condition(question.condition)(probe) is False:
            continue
        texts.append((question.id, question.text))
    for compiled in COMPILED_RULES:
        if shown_to_13_to_15(compiled):
            texts.append((compiled.rule.id, compiled.rule.why))
            texts.extend(
                (compiled.rule.id, line)
                for group in (*compiled.rule.steps, *compiled.rule.how_to_check)
                for line in group.steps
            )
    return texts


def grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(text))


def test_reading_grade_of_copy_for_under_16s() -> None:
    texts = copy_for_13_to_15()
    grades = [grade(text) for _, text in texts]
    overall = statistics.fmean(grades)
    print(f"\nreading grade for 13-15s: mean {overall:.1f} over {len(texts)} items")
    assert overall <= OVERALL_GRADE_BOUND
    hard = [
        (where, round(g, 1), text)
        for (where, text), g in zip(texts, grades, strict=True)
        if g > ITEM_GRADE_BOUND
    ]
    assert not hard, hard


# Issue 17 §3: a law line says only what its sources support. None of them supports a promise
# that there is no time limit on reporting, or that the police must record or act on a report.
UNSUPPORTED_LAW_PROMISES = [
    r"\bno time limit\b",
    r"\b(?:must|have to|will always) (?:record|investigate|charge)\b",
    r"\bthe police will (?:record|investigate|charge|prosecute)\b",
]


@pytest.mark.parametrize("pattern", UNSUPPORTED_LAW_PROMISES)
def test_no_law_line_promises_a_time_limit_or_a_police_duty(pattern: str) -> None:
    offenders = [(where, text) for where, text in COPY if re.search(pattern, text, re.IGNORECASE)]
    assert not offenders, offenders
