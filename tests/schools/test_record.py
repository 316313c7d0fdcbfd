"""What a class check keeps about a student: no situation or profile answers, nothing they imply."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety_check.answers import prune, validate
from safety_check.conditions import questions_in
from safety_check.engine import COMPILED_RULES
from safety_check.models import AREAS, Answers
from safety_check.plan import build_plan
from safety_check.questionnaire import QUESTIONNAIRE, QUESTIONS_BY_ID
from safety_check.schools.record import (
    REPORTABLE_RULES,
    SITUATION_QUESTIONS,
    SITUATION_RULES,
    area_answers,
    record_for,
)
from safety_check.scoring import score
from tests.strategies import answer_sets

DISCLOSURES = frozenset(q.id for q in QUESTIONNAIRE.questions if q.role == "disclosure")

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SITUATION = ("situation.threat_to_share", "situation.image_shared")
# Questions asked only after a situation answer: their very presence gives that answer away.
ASKED_AFTER_SITUATION = frozenset(
    question.id
    for question in QUESTIONNAIRE.questions
    if question.condition is not None
    and any(read.startswith("situation.") for read in questions_in(question.condition))
)


@st.composite
def with_situation(
    draw: st.DrawFn,
) -> tuple[dict[str, str | list[str]], dict[str, str | list[str]]]:
    """The same student's answers with a disclosed situation, and with it left out."""
    raw = draw(answer_sets())
    without = prune({key: value for key, value in raw.items() if key not in SITUATION})
    disclosed = dict(without)
    disclosed["situation.threat_to_share"] = "yes"
    disclosed["situation.image_shared"] = draw(st.sampled_from(["yes", "not_sure"]))
    for question_id in sorted(ASKED_AFTER_SITUATION):
        if draw(st.booleans()):
            options = [option.id for option in QUESTIONS_BY_ID[question_id].options]
            disclosed[question_id] = draw(st.sampled_from(options))
    # Some follow-ups (who did it, after a harm) are asked only when no threat was disclosed.
    return prune(disclosed), without


def test_situation_rules_are_known_and_left_out_of_reports() -> None:
    rule_ids = {compiled.rule.id for compiled in COMPILED_RULES}
    assert {"sextortion_dont_pay", "getting_help_stay_safe_now"} <= SITUATION_RULES <= rule_ids
    assert not SITUATION_RULES & set(REPORTABLE_RULES)
    assert set(REPORTABLE_RULES) | SITUATION_RULES == rule_ids
    assert len(REPORTABLE_RULES) == len(set(REPORTABLE_RULES))


def test_every_rule_that_reads_a_situation_question_is_a_situation_rule() -> None:
    """Counting such a rule would tell the school that someone in the class is being threatened."""
    private = {q.id for q in QUESTIONNAIRE.questions if q.id.startswith("situation.")}
    private |= ASKED_AFTER_SITUATION
    for compiled in COMPILED_RULES:
        if set(compiled.questions) & private:
            assert compiled.rule.id in SITUATION_RULES, compiled.rule.id


def test_the_questionnaire_asks_questions_after_a_situation_answer() -> None:
    """Guards the tests below: they are only meaningful while such follow-ups exist."""
    assert {"sextortion.paid_money", "sextortion.who_is_threatening"} <= ASKED_AFTER_SITUATION


@SETTINGS
@given(answer_sets())
def test_area_answers_and_record_hold_nothing_private(raw: dict[str, str | list[str]]) -> None:
    answers = validate(raw)
    kept = area_answers(answers)
    assert not [key for key in kept if key.startswith(("profile.", "situation."))]
    assert not kept.keys() & ASKED_AFTER_SITUATION
    assert kept.items() <= answers.values.items()  # answers are kept as given, not rewritten
    dropped = answers.values.keys() - kept.keys()
    assert all(
        key.startswith(("profile.", "situation.")) or key in SITUATION_QUESTIONS for key in dropped
    )
    plan = build_plan(answers)
    record = record_for(answers, plan)
    assert len(record.scores) == len(AREAS)
    private = SITUATION_QUESTIONS
    shareable = Answers(values={q: v for q, v in answers.values.items() if q not in private})
    by_area = {area.area: area.score for area in score(shareable).areas}
    assert record.scores == tuple(by_area.get(area) for area in AREAS)
    assert set(record.recommended) <= set(REPORTABLE_RULES)
    assert not SITUATION_RULES & set(record.recommended)


@SETTINGS
@given(with_situation())
def test_nothing_kept_depends_on_situation_answers(
    pair: tuple[dict[str, str | list[str]], dict[str, str | list[str]]],
) -> None:
    """A student who says they are being threatened leaves the same record and stored answers as
    one who says nothing. Follow-ups asked only of a threatened student (did you pay, who is it)
    would give the threat away as surely as the situation answer itself."""
    disclosed, without = pair
    answers = validate(disclosed)
    plan = build_plan(answers)
    assert plan.urgent is not None  # the situation did reach the plan
    record = record_for(answers, plan)
    plain_answers = validate(without)
    plain = record_for(plain_answers, build_plan(plain_answers))
    assert record.scores == plain.scores
    assert set(record.recommended) == set(plain.recommended)
    assert not SITUATION_RULES & set(record.recommended)
    assert area_answers(answers) == area_answers(validate(without))


def test_worked_example_of_a_threatened_student() -> None:
    answers = validate(
        {
            "profile.age_band": "13_15",
            "situation.threat_to_share": "yes",
            "situation.image_shared": "yes",
            "sextortion.paid_money": "yes",
            "sextortion.who_is_threatening": "someone_i_know",
            "sextortion.checks_new_contacts": "never",
        }
    )
    kept = area_answers(answers)
    assert kept == {"sextortion.checks_new_contacts": "never"}
    plan = build_plan(answers)
    urgent_rules = {action.rule_id for action in plan.urgent.actions} if plan.urgent else set()
    # A student who paid reads "Don't pay any more" (content 2026.12.3).
    assert "sextortion_dont_pay_more_under_18" in urgent_rules | {
        a.rule_id for a in plan.do_first + plan.next
    }
    record = record_for(answers, plan)
    assert "sextortion_check_new_contacts" in record.recommended
    assert not SITUATION_RULES & set(record.recommended)


@SETTINGS
@given(answer_sets())
def test_disclosures_leave_no_trace(raw: dict[str, str | list[str]]) -> None:
    """Answers that tell of harm (a fake nude, someone checking your phone, being sent sexual
    pictures) change nothing a class check keeps: not the stored answers, the scores or the
    counted actions."""
    answers = validate(prune(raw))
    without = validate(prune({q: v for q, v in raw.items() if q not in DISCLOSURES}))
    assert area_answers(answers) == area_answers(without)
    kept = record_for(answers, build_plan(answers))
    plain = record_for(without, build_plan(without))
    assert kept.scores == plain.scores
    assert set(kept.recommended) == set(plain.recommended)


def test_disclosure_rules_are_never_counted() -> None:
    fake_image_rules = {
        compiled.rule.id
        for compiled in COMPILED_RULES
        if "deepfakes.fake_image_of_you" in compiled.questions
    }
    assert fake_image_rules
    assert fake_image_rules <= SITUATION_RULES
    assert not fake_image_rules & set(REPORTABLE_RULES)
