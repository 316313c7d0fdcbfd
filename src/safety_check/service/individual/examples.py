"""Example request bodies from `api/examples/`, shown in the OpenAPI document.

They are read from the repository (the same files the README and tests use); an installed copy
without the repository simply documents no examples.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

EXAMPLES_DIR = Path(__file__).resolve().parents[4] / "api" / "examples"


def load_examples(directory: Path = EXAMPLES_DIR) -> dict[str, Any]:
    examples: dict[str, Any] = {}
    if not directory.is_dir():
        return examples
    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".plan.json"):
            continue
        examples[path.stem.replace("_", " ")] = msgspec.json.decode(path.read_bytes())
    return examples


ANSWER_EXAMPLES = load_examples()
