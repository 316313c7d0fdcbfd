"""The compiled plan (JSON from pre-encoded fragments) against the reference: the plan objects
that `build_plan` makes, encoded by msgspec. Full plans must be the same bytes; compact plans must
be exactly the full plan with the parts left out that the compact format says."""

from __future__ import annotations

import gc
import itertools
import random
import tracemalloc
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings

from safety_check.answers import prune, validate
from safety_check.compiled_plan import ALL, COMPACT, Include, encode_answers, include_of
from safety_check.engine import (
    COMPILED_RULES,
    reason_questions,
    reasons_atom_by_atom,
    run,
    status,
)
from safety_check.plan import build_plan
from tests.reference_engine import plan as frozen
from tests.strategies import answer_sets
from tests.test_personas import PERSONAS

Raw = dict[str, Any]

ACTION_FIELDS: dict[Include, tuple[str, ...]] = {
    Include.sources: ("sources",),
    Include.reasons: ("why", "because"),
    Include.details: (
        "area",
        "purpose",
        "severity",
        "effort_minutes",
        "resources",
        "content_version",
    ),
}
LATER_STEP_FIELDS = ("steps", "how_to_check")


def reference(raw: Raw) -> bytes:
    return msgspec.json.encode(build_plan(validate(raw)))


def project(full: Raw, include: Include) -> Raw:
    """The full plan as the compact format promises it, written out independently of the encoder."""
    dropped = {
        field for flag, fields in ACTION_FIELDS.items() if flag not in include for field in fields
    }

    def action(item: Raw, later: bool) -> Raw:
        gone = dropped | (
            set() if not later or Include.later_steps in include else set(LATER_STEP_FIELDS)
        )
        return {key: value for key, value in item.items() if key not in gone}

    plan = dict(full)
    if plan["urgent"] is not None:
        plan["urgent"] = {
            **plan["urgent"],
            "actions": [action(a, False) for a in plan["urgent"]["actions"]],
        }
    plan["do_first"] = [action(a, False) for a in plan["do_first"]]
    plan["do_next"] = [action(a, False) for a in plan["do_next"]]
    if plan["when_ready"] is not None:
        later = plan["when_ready"]
        plan["when_ready"] = {**later, "actions": [action(a, True) for a in later["actions"]]}
    if Include.findings not in include:
        del plan["findings"]
    return plan


@pytest.mark.slow
@settings(max_examples=2000, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answer_sets())
def test_full_plan_is_the_reference_byte_for_byte(raw: Raw) -> None:
    assert encode_answers(validate(raw), ALL) == reference(raw)


@pytest.mark.parametrize("name", sorted(PERSONAS))
def test_every_persona_gets_the_reference_plan(name: str) -> None:
    raw = prune(PERSONAS[name])
    assert encode_answers(validate(raw), ALL) == reference(raw)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answer_sets())
def test_each_include_leaves_out_exactly_what_it_says(raw: Raw) -> None:
    answers = validate(raw)
    full = msgspec.json.decode(reference(raw))
    for size in range(len(Include) + 1):
        for flags in itertools.combinations(Include, size):
            include = Include(sum(flags))
            assert msgspec.json.decode(encode_answers(answers, include)) == project(full, include)


def test_compact_is_the_default_and_all_is_everything() -> None:
    answers = validate(PERSONAS["boy_14_sextortion_already_paid"])
    assert encode_answers(answers) == encode_answers(answers, COMPACT)
    assert include_of(["all"]) == ALL
    assert include_of(["findings", "sources"]) == Include.findings | Include.sources
    assert include_of([]) == COMPACT


@pytest.mark.slow
def test_memory_stays_flat_over_many_different_plans() -> None:
    """No cache grows with the plans served: once the fixed-size ones are full (support lists
    by situation), a thousand more plans for answers never seen before keep nothing more."""
    rng = random.Random(19)
    sets = [validate(_random_answers(rng)) for _ in range(2000)]
    tracemalloc.start()
    try:
        for answers in sets[:1000]:
            _all_three(answers)
        gc.collect()
        warm = _engine_bytes(tracemalloc.take_snapshot())
        for answers in sets[1000:]:
            _all_three(answers)
        gc.collect()
        after = _engine_bytes(tracemalloc.take_snapshot())
    finally:
        tracemalloc.stop()
    # A thousand plans of up to 200 KB each: a cache of plans or actions would keep megabytes.
    assert after - warm < 64 * 1024, (warm, after)


def _all_three(answers: Any) -> None:
    encode_answers(answers, ALL)
    encode_answers(answers)
    build_plan(answers)


def _engine_bytes(snapshot: tracemalloc.Snapshot) -> int:
    return sum(
        stat.size
        for stat in snapshot.statistics("filename")
        if "safety_check" in stat.traceback[0].filename
    )


def _random_answers(rng: random.Random) -> dict[str, Any]:
    from bench.engine import full_answers

    raw = full_answers(rng)
    raw["profile.age_band"] = rng.choice(["under_13", "13_15", "16_17", "18_plus"])
    raw["profile.apps"] = rng.sample(raw["profile.apps"], rng.randint(0, len(raw["profile.apps"])))  # type: ignore[arg-type]
    return prune(raw)


@pytest.mark.slow
@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answer_sets())
def test_the_frozen_reference_engine_gives_the_same_bytes(raw: Raw) -> None:
    answers = validate(raw)
    assert encode_answers(answers, ALL) == msgspec.json.encode(frozen.build_plan(answers))


@pytest.mark.parametrize("name", sorted(PERSONAS))
def test_every_persona_gets_the_frozen_reference_plan(name: str) -> None:
    answers = validate(prune(PERSONAS[name]))
    assert encode_answers(answers, ALL) == msgspec.json.encode(frozen.build_plan(answers))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answer_sets())
def test_generated_rule_evaluation_agrees_with_the_conditions(raw: Raw) -> None:
    answers = validate(raw)
    assert [r.status for r in run(answers)] == [status(c, answers.values) for c in COMPILED_RULES]


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answer_sets())
def test_generated_reasons_agree_with_the_atoms(raw: Raw) -> None:
    values = validate(raw).values
    fired = [r.compiled for r in run(validate(raw)) if r.status == "fail"]
    for compiled in fired:
        assert reason_questions(compiled, values) == reasons_atom_by_atom(compiled, values)
