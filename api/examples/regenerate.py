"""Write `<name>.plan.json` next to every example answer file (run with `make examples`): the
plan as `POST /api/v1/plans` returns it by default (compact; see README, "Plan format")."""

from __future__ import annotations

from pathlib import Path

import msgspec

from safety_check.answers import decode_request
from safety_check.compiled_plan import encode_answers

HERE = Path(__file__).parent


def answer_files() -> list[Path]:
    return sorted(p for p in HERE.glob("*.json") if not p.name.endswith(".plan.json"))


def plan_json(answers_file: Path) -> str:
    plan = encode_answers(decode_request(answers_file.read_bytes()))
    return msgspec.json.format(plan).decode() + "\n"


def plan_path(answers_file: Path) -> Path:
    return answers_file.with_name(answers_file.stem + ".plan.json")


def main() -> None:
    for answers_file in answer_files():
        plan_path(answers_file).write_text(plan_json(answers_file))
        print(f"wrote {plan_path(answers_file).name}")


if __name__ == "__main__":
    main()
