"""In-process engine benchmark: time per plan, and the ratio to msgspec's floor.

A "full plan" is the whole path a request takes: decode the answers JSON, validate it, evaluate
every rule, compose the plan and encode it as JSON (compact, as createPlan returns by default,
and with include=all). The floor is the least any implementation must do for the same request:
msgspec decoding the same body and encoding a pre-computed plan of the same size. All are timed
in this one run, so the ratio is what the engine costs; pin it to one core for steadier figures
(`taskset -c 1`). Instruction counts, steadier still on a shared machine: bench/instructions.py.

Run with `make bench`.
"""

from __future__ import annotations

import itertools
import random
import statistics
import time
from collections.abc import Callable

import msgspec

from safety_check import i18n
from safety_check.answers import AnswersIn, decode_request
from safety_check.compiled_plan import ALL, encode_answers, warm
from safety_check.conditions import compile_condition
from safety_check.engine import run
from safety_check.plan import build_plan, compose
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.service.individual.wire import PlanOut

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


GOAL_COMPOSE_US = 30.0
GOAL_RATIO = 0.8
GOAL_PLAN_BYTES = 60 * 1024


def _us(work: Callable[[], object]) -> tuple[float, float]:
    best, median = per_second(work)  # type: ignore[misc]
    return 1e6 / best, 1e6 / median


def main() -> None:
    body = msgspec.json.encode({"answers": full_answers()})
    answers = decode_request(body)
    compact = encode_answers(answers)
    full = encode_answers(answers, ALL)
    # The floor: the least any implementation must do for this request and a plan this size.
    compact_object = msgspec.json.decode(compact, type=PlanOut)
    full_object = msgspec.json.decode(full, type=PlanOut)
    decoder = msgspec.json.Decoder(AnswersIn)
    encode = msgspec.json.encode
    print(f"answers: {len(body)} bytes, {len(full_answers())} questions answered")
    print(
        f"plan: {len(compact):,} bytes compact (goal <= {GOAL_PLAN_BYTES:,}), "
        f"{len(full):,} bytes with include=all"
    )
    rows = {
        "evaluate": _us(lambda: run(answers)),
        "evaluate + compose": _us(lambda: compose(answers)),
        "evaluate + compose + encode": _us(lambda: encode_answers(answers)),
        "full plan (compact)": _us(lambda: encode_answers(decode_request(body))),
        "floor (compact)": _us(lambda: (decoder.decode(body), encode(compact_object))),
        "full plan (include=all)": _us(lambda: encode_answers(decode_request(body), ALL)),
        "floor (include=all)": _us(lambda: (decoder.decode(body), encode(full_object))),
    }
    # Welsh, in the same run: the fragments are built once per language, so the ratio should be
    # 1.0 within noise (its words are as long as the catalogue makes them).
    warm(("en", "cy"))
    rows["build_plan (en)"] = _us(lambda: build_plan(answers))
    rows["build_plan (cy)"] = _us(lambda: build_plan(answers, "cy"))
    rows["full plan (compact, cy)"] = _us(
        lambda: encode_answers(decode_request(body), language="cy")
    )
    rows["full plan (include=all, cy)"] = _us(
        lambda: encode_answers(decode_request(body), ALL, "cy")
    )
    varied = [encode_answers_body(random.Random(seed)) for seed in range(256)]
    rotation = itertools.cycle(varied)
    rows["varied full plans (compact)"] = _us(
        lambda: encode_answers(decode_request(next(rotation)))
    )
    for name, (best, median) in rows.items():
        print(f"{name:>30}: {best:7.1f} µs best, {median:7.1f} µs median")
    compose_us = rows["evaluate + compose"][0]
    print(f"evaluate + compose: {compose_us:.1f} µs (goal <= {GOAL_COMPOSE_US:.0f} µs)")
    for form in ("compact", "include=all"):
        ratio = rows[f"floor ({form})"][0] / rows[f"full plan ({form})"][0]
        print(f"ratio full plan / floor ({form}): {ratio:.2f} (goal >= {GOAL_RATIO})")
    welsh = {
        "evaluate + compose + plan objects": ("build_plan (cy)", "build_plan (en)"),
        "full plan (compact)": ("full plan (compact, cy)", "full plan (compact)"),
        "full plan (include=all)": ("full plan (include=all, cy)", "full plan (include=all)"),
    }
    translated, total = welsh_completion()
    print(f"Welsh catalogue: {translated} of {total} content messages translated")
    for name, (cy, en) in welsh.items():
        ratio = rows[cy][0] / rows[en][0]
        print(f"ratio Welsh / English, {name}: {ratio:.2f} (goal 1.00 within noise)")


def welsh_completion() -> tuple[int, int]:
    from babel.messages.pofile import read_po

    with i18n.catalogue_path("cy", "content").open("rb") as file:
        messages = [m for m in read_po(file) if m.id]
    return sum(bool(m.string) for m in messages), len(messages)


def encode_answers_body(rng: random.Random) -> bytes:
    return msgspec.json.encode({"answers": full_answers(rng)})


if __name__ == "__main__":
    main()
