"""Instructions per plan, counted by valgrind's callgrind: steady where times are not.

Each figure is (instructions of a run doing the work N times) − (the same run doing it 0 times),
divided by N, so start-up and imports cancel out. Needs Debian's `valgrind`; takes a few minutes.
Run with `python -m bench.instructions` (part of `make bench` when valgrind is installed);
`BENCH_WORK="validate,evaluate + compose"` counts only the figures named.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable

import msgspec

CALLS = int(os.environ.get("BENCH_INSTRUCTION_CALLS", "100"))
WORK = (
    "decode + validate",
    "validate",
    "evaluate",
    "evaluate + compose",
    "evaluate + compose + encode",
    "score",
    "score (varied)",
    "full plan (compact)",
    "varied plan (compact)",
    "scored plan (compact)",
    "floor (compact)",
    "full plan (include=all)",
    "floor (include=all)",
)


def _work(name: str) -> Callable[[], object]:
    import itertools
    import random

    from bench.engine import full_answers
    from safety_check.answers import AnswersIn, decode_answers, decode_request, validate
    from safety_check.compiled_plan import ALL, encode_answers
    from safety_check.engine import run
    from safety_check.plan import build_plan, compose
    from safety_check.scoring import score
    from safety_check.service.individual.wire import PlanOut

    body = msgspec.json.encode({"answers": full_answers()})
    answers = decode_request(body)
    decoder = msgspec.json.Decoder(AnswersIn)
    compact = msgspec.json.decode(encode_answers(answers), type=PlanOut)
    full = msgspec.json.decode(encode_answers(answers, ALL), type=PlanOut)
    encode = msgspec.json.encode
    raw = decode_answers(body)
    # Random options per seed: some plans turn careful, most have scores, as people's do.
    varied_bodies = [
        msgspec.json.encode({"answers": full_answers(random.Random(seed))}) for seed in range(16)
    ]
    varied = [decode_request(one) for one in varied_bodies]
    next_body = itertools.cycle(varied_bodies).__next__
    next_answers = itertools.cycle(varied).__next__
    # Random options nearly always report a harm, and then scores are withheld: keep the few
    # seeds whose plan shows scores, to count scoring's share of the plans most people get.
    scored_bodies = [
        one
        for one in (
            msgspec.json.encode({"answers": full_answers(random.Random(seed))})
            for seed in range(400)
        )
        if build_plan(decode_request(one)).scores is not None
    ][:4]
    next_scored = itertools.cycle(scored_bodies).__next__
    return {
        "decode + validate": lambda: decode_request(body),
        "validate": lambda: validate(raw),
        "evaluate": lambda: run(answers),
        "evaluate + compose": lambda: compose(answers),
        "evaluate + compose + encode": lambda: encode_answers(answers),
        "score": lambda: score(answers),
        "score (varied)": lambda: score(next_answers()),
        "full plan (compact)": lambda: encode_answers(decode_request(body)),
        "varied plan (compact)": lambda: encode_answers(decode_request(next_body())),
        "scored plan (compact)": lambda: encode_answers(decode_request(next_scored())),
        "floor (compact)": lambda: (decoder.decode(body), encode(compact)),
        "full plan (include=all)": lambda: encode_answers(decode_request(body), ALL),
        "floor (include=all)": lambda: (decoder.decode(body), encode(full)),
    }[name]


def _inside(name: str, calls: int) -> None:
    work = _work(name)
    for _ in range(20):  # warm: first calls fill the fixed-size caches
        work()
    for _ in range(calls):
        work()


def _count(name: str, calls: int) -> int:
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={folder}/out",
                sys.executable,
                "-m",
                "bench.instructions",
                "--inside",
                name,
                str(calls),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr}")
    return int(found.group(1))


def main() -> None:
    if not shutil.which("valgrind"):
        print("instructions: skipped (valgrind is not installed: apt-get install valgrind)")
        return
    chosen = [name for name in os.environ.get("BENCH_WORK", ",".join(WORK)).split(",") if name]
    unknown = set(chosen) - set(WORK)
    if unknown:
        raise SystemExit(f"unknown BENCH_WORK {sorted(unknown)}; known: {', '.join(WORK)}")
    counts = {name: (_count(name, CALLS) - _count(name, 0)) / CALLS for name in chosen}
    for name, count in counts.items():
        print(f"{name:>30}: {count / 1e6:6.3f} M instructions per call (callgrind)")
    for form in ("compact", "include=all"):
        if f"floor ({form})" not in counts or f"full plan ({form})" not in counts:
            continue
        ratio = counts[f"floor ({form})"] / counts[f"full plan ({form})"]
        print(f"instructions, floor / full plan ({form}): {ratio:.2f} (goal >= 0.8)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inside"]:
        _inside(sys.argv[2], int(sys.argv[3]))
    else:
        main()
