"""Content in each language: questions and services swap text, never ids or numbers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec
import pytest

from safety_check import content_language
from safety_check.answers import validate
from safety_check.compiled_plan import ALL, encode_answers
from safety_check.plan import build_plan
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import RESOURCES
from tests.marked_language import marked_welsh
from tests.test_personas import PERSONAS


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from marked_welsh(monkeypatch)


def test_english_is_the_source_object() -> None:
    assert content_language.questionnaire_in("en") is QUESTIONNAIRE
    assert dict(content_language.resources_in("en")) == RESOURCES


def test_questions_take_their_text_from_the_catalogue_by_id(marked: None) -> None:
    welsh = content_language.questionnaire_in("cy")
    age = next(q for q in welsh.questions if q.id == "profile.age_band")
    english = next(q for q in QUESTIONNAIRE.questions if q.id == "profile.age_band")
    assert age.text == f"<question:profile.age_band.text|{english.text}>"
    assert [o.id for o in age.options] == [o.id for o in english.options]
    first = english.options[0]
    assert age.options[0].label == f"<question:profile.age_band.option.{first.id}|{first.label}>"
    assert age.condition == english.condition


def test_services_keep_numbers_and_take_welsh_names(marked: None) -> None:
    welsh = content_language.resources_in("cy")
    childline = welsh["childline"]
    fear_free = welsh["live_fear_free"]
    assert childline.phone == RESOURCES["childline"].phone
    assert childline.url == RESOURCES["childline"].url
    assert fear_free.name == "Llinell Gymorth Byw Heb Ofn"  # services.toml, not the catalogue
    assert childline.summary.startswith("<resource:childline.summary|")


def test_helper_text_by_question(marked: None) -> None:
    helper = content_language.helper_text_in("cy")
    assert helper["profile.age_band"] == "<question:profile.age_band.helper_text|How old are they?>"


@pytest.fixture
def welsh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from marked_welsh(monkeypatch)


def _all_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_strings(item)


@pytest.mark.parametrize("name", sorted(PERSONAS))
def test_a_welsh_plan_decides_as_the_english_one_and_changes_only_words(
    welsh: None, name: str
) -> None:
    answers = validate(PERSONAS[name])
    english = msgspec.json.decode(encode_answers(answers, ALL))
    welsh_plan = build_plan(answers, "cy")
    encoded = encode_answers(answers, ALL, "cy")
    assert encoded == msgspec.json.encode(welsh_plan)
    decoded = msgspec.json.decode(encoded)

    def ids(plan: dict[str, Any]) -> list[object]:
        sections = [plan["do_first"], plan["do_next"]]
        sections += [plan[key]["actions"] for key in ("urgent", "when_ready") if plan[key]]
        return [[(a["rule_id"], a["caution"] is None) for a in s] for s in sections] + [
            [item["resource"]["id"] for item in plan["support"]],
            plan["findings"],
        ]

    assert ids(decoded) == ids(english)
    for action in decoded["do_first"] + decoded["do_next"]:
        assert action["title"].startswith(f"<rule:{action['rule_id']}.title|")
        for group in action["steps"]:
            assert all(
                step.startswith(f"<rule:{action['rule_id']}.steps.") for step in group["steps"]
            )
    if decoded["urgent"]:
        assert decoded["urgent"]["title"].startswith("<plan:")


def test_english_plans_are_unchanged_by_a_welsh_one(welsh: None) -> None:
    answers = validate(PERSONAS[sorted(PERSONAS)[0]])
    before = encode_answers(answers, ALL)
    encode_answers(answers, ALL, "cy")
    assert encode_answers(answers, ALL) == before == msgspec.json.encode(build_plan(answers))


def test_support_reasons_and_contact_lines_are_looked_up_whole(marked: None) -> None:
    """Age and nation unknown: the reason starts with whom the service is for, and the Welsh
    plan takes the whole sentence from the catalogue, never an English prefix on a Welsh part."""
    answers = validate({"profile.for_whom": "me"})
    plan = build_plan(answers, "cy")
    english = {item.resource.id: item.reason for item in build_plan(answers).support}
    for item in plan.support:
        whole = english[item.resource.id]
        assert item.reason == f"<support:{item.resource.id}.reason|{whole}>"
    assert any(reason.startswith("If you are under 18") for reason in english.values())
    shout = content_language.resources_in("cy")["shout"]
    assert shout.text == f"<resource:shout.text|{RESOURCES['shout'].text}>"


def test_welsh_answers_yes_with_the_verb_of_whoever_is_asked() -> None:
    """English says "Yes" to "Do you ...?" and to "Do they ...?"; Welsh says "Ydw" (I do) to one
    and "Ydyn" (they do) to the other, so the helper's label is its own message."""
    question = content_language.questions_by_id_in("cy")["getting_help.knows_how_to_report"]
    yes = next(option for option in question.options if option.id == "yes")
    assert (yes.label, yes.helper_label) == ("Ydw", "Ydyn")
