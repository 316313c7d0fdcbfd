"""Registry invariants: every rule and question is well formed, referenced and tested."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from safety_check.authoring import NOT_SURE
from safety_check.conditions import All, Any, AnyOf, Condition, Has, Is, Not, parse, questions_in
from safety_check.models import AREAS, Question, Rule
from safety_check.questionnaire import QUESTIONNAIRE, QUESTIONS_BY_ID
from safety_check.resources import MENTION, RESOURCES
from safety_check.rules import ALL_RULES, AREA_MODULES, RULES_BY_ID

TESTS = Path(__file__).parent
TODAY = dt.date(2026, 12, 6)
ORDER = {question.id: index for index, question in enumerate(QUESTIONNAIRE.questions)}
AREA_QUESTIONS = [q for q in QUESTIONNAIRE.questions if q.section in AREAS]
SCORED = {q.id for q in QUESTIONNAIRE.questions if q.weight > 0}
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
QUESTION_ID = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")
OPTION_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def rule_param(rule: Rule) -> object:
    return pytest.param(rule, id=rule.id)


def question_param(question: Question) -> object:
    return pytest.param(question, id=question.id)


RULES = [rule_param(rule) for rule in ALL_RULES]
QUESTIONS = [question_param(question) for question in QUESTIONNAIRE.questions]


def test_every_area_has_a_module_and_content() -> None:
    assert [module.__name__.rsplit(".", 1)[1] for module in AREA_MODULES] == list(AREAS)
    for area in AREAS:
        assert any(rule.area == area for rule in ALL_RULES), f"{area} has no rules"


def test_rule_ids_and_aliases_are_unique() -> None:
    names = [rule.id for rule in ALL_RULES] + [
        alias for rule in ALL_RULES for alias in rule.aliases
    ]
    assert len(names) == len(set(names))
    assert len(RULES_BY_ID) == len(ALL_RULES)


def test_question_ids_and_aliases_are_unique() -> None:
    names = [q.id for q in QUESTIONNAIRE.questions]
    names += [alias for q in QUESTIONNAIRE.questions for alias in q.aliases]
    assert len(names) == len(set(names))


def test_depth_of_content() -> None:
    assert len(AREA_QUESTIONS) >= 40
    assert len(ALL_RULES) >= 50


@pytest.mark.parametrize("rule", RULES)
def test_rule_is_well_formed(rule: Rule) -> None:
    module = next(m for m in AREA_MODULES if rule in m.RULES)
    assert module.__name__.endswith("." + rule.area)
    assert RULE_ID.match(rule.id)
    assert rule.id.startswith(rule.area + "_")
    assert 10 <= len(rule.title) <= 100
    assert not rule.title.endswith(".")
    assert 20 <= len(rule.why) <= 400
    assert rule.steps
    assert rule.effort_minutes >= 1
    assert rule.sources
    for group in (*rule.steps, *rule.how_to_check):
        assert group.steps
        assert all(line.strip() == line and line for line in group.steps)
        checked = dt.date.fromisoformat(group.checked)
        assert checked <= TODAY
    for citation in rule.sources:
        assert citation.url.startswith("https://"), citation.url
        assert citation.title


@pytest.mark.parametrize("rule", RULES)
def test_rule_conditions_name_real_questions_and_options(rule: Rule) -> None:
    for expression in filter(None, (rule.fires, rule.applies)):
        check_condition(parse(expression))


@pytest.mark.parametrize("rule", RULES)
def test_rule_mentions_only_catalogued_resources(rule: Rule) -> None:
    texts = [rule.title, rule.why] + [
        line for group in (*rule.steps, *rule.how_to_check) for line in group.steps
    ]
    for text in texts:
        for resource_id in MENTION.findall(text):
            assert resource_id in RESOURCES, resource_id
        assert "{" not in MENTION.sub("", text) and "}" not in MENTION.sub("", text)


@pytest.mark.parametrize("rule", RULES)
def test_urgent_rules_depend_on_the_situation(rule: Rule) -> None:
    if rule.urgent_step is None:
        return
    read = {
        q
        for expression in filter(None, (rule.fires, rule.applies))
        for q in questions_in(parse(expression))
    }
    assert read & {"situation.threat_to_share", "situation.image_shared"}, rule.id


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if r.covered_by], ids=lambda r: r.id)
def test_only_urgent_rules_cover_a_rule(rule: Rule) -> None:
    """Covering is meant for "the urgent lane already says this"; anything else would hide
    advice that nothing else in the plan gives."""
    by_id = {other.id: other for other in ALL_RULES}
    for cover in rule.covered_by:
        assert cover in by_id and cover != rule.id, cover
        assert by_id[cover].urgent_step is not None, cover
        assert by_id[cover].status != "deprecated", cover


def check_condition(condition: Condition) -> None:
    if isinstance(condition, All | Any):
        for part in condition.conditions:
            check_condition(part)
        return
    if isinstance(condition, Not):
        check_condition(condition.condition)
        return
    question = QUESTIONS_BY_ID.get(condition.question)
    assert question is not None, f"unknown question {condition.question}"
    known = {option.id for option in question.options}
    if isinstance(condition, Is):
        assert question.kind == "single", f"use 'has' for multi question {question.id}"
        assert condition.option in known, f"{question.id} has no option {condition.option}"
    elif isinstance(condition, Has):
        assert question.kind == "multi", f"use '=' for single question {question.id}"
        assert condition.option in known, f"{question.id} has no option {condition.option}"
    elif isinstance(condition, AnyOf):
        unknown = set(condition.options) - known
        assert not unknown, f"{question.id} has no options {unknown}"


@pytest.mark.parametrize("question", QUESTIONS)
def test_question_is_well_formed(question: Question) -> None:
    assert QUESTION_ID.match(question.id)
    assert question.id.split(".")[0] == question.section
    assert 10 <= len(question.text) <= 200
    assert question.text.endswith("?")
    ids = [option.id for option in question.options]
    assert len(ids) >= 2
    assert len(ids) == len(set(ids))
    for option in question.options:
        assert OPTION_ID.match(option.id)
        assert 1 <= len(option.label) <= 80
        assert option.safety is None or 0.0 <= option.safety <= 1.0
    assert 0 <= question.weight <= 3
    if question.weight:
        assert question.kind == "single"
        assert max(o.safety for o in question.options if o.safety is not None) == 1.0
    else:
        assert all(option.safety is None for option in question.options)


@pytest.mark.parametrize("question", QUESTIONS)
def test_conditions_read_earlier_unscored_questions(question: Question) -> None:
    if question.when is None:
        return
    condition = parse(question.when)
    check_condition(condition)
    for read in questions_in(condition):
        assert ORDER[read] < ORDER[question.id], f"{question.id} reads later question {read}"
        # A scored question deciding what else is asked would break score monotonicity.
        assert read not in SCORED, f"{question.id} depends on scored question {read}"


@pytest.mark.parametrize("question", [question_param(q) for q in AREA_QUESTIONS])
def test_every_area_question_is_used(question: Question) -> None:
    readers = [rule.id for rule in ALL_RULES if question.id in set(questions_in(parse(rule.fires)))]
    conditions = [q.id for q in QUESTIONNAIRE.questions if q.when and question.id in q.when]
    assert readers or conditions, f"{question.id} changes nothing"


@pytest.mark.parametrize(
    "question",
    [question_param(q) for q in QUESTIONNAIRE.questions if NOT_SURE in {o.id for o in q.options}],
)
def test_not_sure_leads_to_a_how_to_check_action(question: Question) -> None:
    helping = [
        rule
        for rule in ALL_RULES
        if (question.id, NOT_SURE) in set(options_named(parse(rule.fires)))
    ]
    if question.role in ("situation", "profile"):
        return  # situation answers route to support, and an unsure nation gets UK-wide wording
    assert helping, f"no rule fires on {question.id} = not_sure"
    if question.weight:
        assert any(rule.how_to_check for rule in helping), f"no how-to-check for {question.id}"


def options_named(condition: Condition) -> list[tuple[str, str]]:
    from safety_check.conditions import options_in

    return list(options_in(condition))


def test_every_rule_id_appears_in_a_test() -> None:
    text = "\n".join(
        path.read_text() for path in TESTS.glob("test_*.py") if path.name != Path(__file__).name
    )
    missing = [rule.id for rule in ALL_RULES if f'"{rule.id}"' not in text]
    assert not missing, f"rules with no test: {missing}"
