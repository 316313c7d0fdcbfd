"""In-process engine benchmark: full plans per second, and the ratio to msgspec's floor.

A "full plan" is the whole path a request takes: decode the answers JSON, validate it, evaluate
every rule, compose the plan and encode it as JSON. The floor is the least any implementation
must do for the same request: msgspec decoding the same body and encoding a pre-computed plan of
the same size. Both are timed in this one run, on one core, so the ratio is what the engine costs.

Run with `make bench`.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

import msgspec

from safety_check.answers import AnswersIn, decode_request
from safety_check.conditions import compile_condition
from safety_check.plan import build_plan
from safety_check.plan_json import encode_plan
from safety_check.questionnaire import QUESTIONNAIRE

REPEATS = 7


def full_answers(rng: random.Random | None = None) -> dict[str, str | list[str]]:
    """Answer every question that applies, with every device and app, as an adult.

    Without `rng`: the riskiest option of each scored question (and the first option of the
    others), so the plan is as large as it gets. With `rng`: a random option for each."""
    raw: dict[str, str | list[str]] = {}
    view: dict[str, str | tuple[str, ...]] = {}
    for question in QUESTIONNAIRE.questions:
        if question.condition and compile_condition(question.condition)(view) is False:
            continue
        if question.kind == "multi":
            value: str | list[str] = [option.id for option in question.options]
            view[question.id] = tuple(value)
        else:
            scored = [o for o in question.options if o.safety is not None]
            if question.id == "profile.age_band":
                value = "18_plus"
            elif rng is not None:
                value = rng.choice(question.options).id
            elif scored:
                value = min(scored, key=lambda o: o.safety or 0.0).id
            else:
                value = question.options[0].id
            view[question.id] = value
        raw[question.id] = value
    return raw


def per_second(work: Callable[[], object], seconds: float = 1.0) -> float:
    """Best of REPEATS runs of `work`, each about `seconds` long, as calls per second."""
    batch = 1
    while True:
        start = time.perf_counter()
        for _ in range(batch):
            work()
        if time.perf_counter() - start > 0.05:
            break
        batch *= 2
    rates = []
    for _ in range(REPEATS):
        calls = 0
        start = time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds:
            for _ in range(batch):
                work()
            calls += batch
        rates.append(calls / elapsed)
    return max(rates), statistics.median(rates)  # type: ignore[return-value]


def main() -> None:
    body = msgspec.json.encode({"answers": full_answers()})
    plan = build_plan(decode_request(body))
    encoded = msgspec.json.encode(plan)
    decoder = msgspec.json.Decoder(AnswersIn)
    encode = msgspec.json.encode

    def full_plan() -> bytes:
        return encode_plan(build_plan(decode_request(body)))

    def floor() -> bytes:
        decoder.decode(body)
        return encode(plan)

    varied = [
        msgspec.json.encode({"answers": full_answers(random.Random(seed))}) for seed in range(256)
    ]
    rotation = iter(varied * 10_000_000)

    def varied_plan() -> bytes:
        return encode_plan(build_plan(decode_request(next(rotation))))

    actions = len(plan.do_first) + len(plan.next) + (len(plan.urgent.actions) if plan.urgent else 0)
    print(f"answers: {len(body)} bytes, {len(full_answers())} questions answered")
    print(f"plan: {len(encoded)} bytes, {actions} actions, {len(plan.findings)} findings")
    engine_best, engine_median = per_second(full_plan)  # type: ignore[misc]
    floor_best, floor_median = per_second(floor)  # type: ignore[misc]
    varied_best, varied_median = per_second(varied_plan)  # type: ignore[misc]
    print(
        f"full plan:  {engine_best:>10,.0f} plans/s best  ({1e6 / engine_best:.1f} µs per plan; median {1e6 / engine_median:.1f} µs)"
    )
    print(
        f"floor:      {floor_best:>10,.0f} calls/s best ({1e6 / floor_best:.1f} µs per call; median {1e6 / floor_median:.1f} µs)"
    )
    print(
        f"varied:     {varied_best:>10,.0f} plans/s best  ({1e6 / varied_best:.1f} µs per plan; "
        f"median {1e6 / varied_median:.1f} µs; 256 different full answer sets in rotation)"
    )
    print(f"ratio full plan / floor throughput: {engine_best / floor_best:.3f}")


if __name__ == "__main__":
    main()
