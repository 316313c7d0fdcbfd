"""The OpenAPI document as committed in `openapi.json` (`safety-check openapi` writes it)."""

from __future__ import annotations

import json

from litestar._openapi.schema_generation.examples import ExampleFactory
from litestar.serialization import encode_json

from safety_check.service.app import create_app
from safety_check.settings import Settings


def openapi_document() -> str:
    # Litestar draws the Problem schema's example values from one seeded generator per process:
    # start it afresh, so the document is the same whatever was generated before it.
    ExampleFactory.seed_random(ExampleFactory.__random_seed__)
    schema = create_app(Settings()).openapi_schema.to_schema()
    # Litestar's encoder knows the Structs inside the schema; re-dump for a stable, sorted file.
    plain = json.loads(encode_json(schema))
    return json.dumps(plain, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
