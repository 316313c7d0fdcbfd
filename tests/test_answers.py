"""Strict validation of answers: every problem reported at once, each naming its question."""

from __future__ import annotations

import msgspec
import pytest

from safety_check.answers import AnswersInvalid, decode_request, prune, validate


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
        b'{"answers": {"profile.age_band": 13}}',
        b'{"answers": {"profile.age_band": "13_15"}, "extra": 1}',
        b'{"answers": {"profile.age_band": [["nested"]]}}',
        b'{"answers": {"profile.age_band": "' + b"x" * 65 + b'"}}',
    ],
)
def test_malformed_bodies_are_rejected_by_the_decoder(body: bytes) -> None:
    with pytest.raises((msgspec.DecodeError, msgspec.ValidationError)):
        decode_request(body)


def test_decode_request_validates() -> None:
    with pytest.raises(AnswersInvalid):
        decode_request(b'{"answers": {"profile.age_band": "adult"}}')
    answers = decode_request(b'{"answers": {"profile.age_band": "16_17"}}')
    assert answers.age_band() == "16_17"
