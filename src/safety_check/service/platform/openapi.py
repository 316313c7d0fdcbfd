"""The OpenAPI document as committed in `openapi.json` (`safety-check openapi` writes it), and the
same document served at /api/v1/schema/openapi.json.

Litestar writes an age band inline wherever one appears, so a generated client got one enum class
per place (three for the plan's nullable band alone) with names like `VALUE_1` for `13_15`.
`for_partners` gives the document one `AgeBand` schema with readable member names
(`x-enum-varnames`, read by openapi-python-client and openapi-typescript) and points every
place at it. It runs on the generated dictionary, so the served and committed documents agree.
"""

from __future__ import annotations

import json
from typing import Any, get_args

from litestar import Request
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.serialization import encode_json

from safety_check.models import AgeBand
from safety_check.settings import Settings

AGE_BANDS: tuple[str, ...] = get_args(AgeBand)
AGE_BAND_REF = {"$ref": "#/components/schemas/AgeBand"}
AGE_BAND_SCHEMA = {
    "type": "string",
    "enum": list(AGE_BANDS),
    "x-enum-varnames": ["AGE_" + band.upper() for band in AGE_BANDS],
    "description": "An age band: under 13, 13 to 15, 16 to 17, 18 and over.",
    "title": "AgeBand",
}


def _age_band(schema: dict[str, Any]) -> dict[str, Any] | None:
    """The reference that replaces an inline age-band enum, or None if `schema` is not one."""
    values = schema.get("enum")
    if not isinstance(values, list) or [v for v in values if v is not None] != list(AGE_BANDS):
        return None
    described = {"description": schema["description"]} if "description" in schema else {}
    if None in values:
        return {"oneOf": [AGE_BAND_REF, {"type": "null"}], **described}
    return {**AGE_BAND_REF, **described}


def _lift_age_bands(node: Any) -> Any:
    if isinstance(node, dict):
        lifted = _age_band(node)
        if lifted is not None:
            return lifted
        return {key: _lift_age_bands(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_lift_age_bands(item) for item in node]
    return node


def for_partners(document: dict[str, Any]) -> dict[str, Any]:
    """The document with one readable AgeBand schema (see the module's docstring)."""
    lifted: dict[str, Any] = _lift_age_bands(document)
    lifted.setdefault("components", {}).setdefault("schemas", {})["AgeBand"] = AGE_BAND_SCHEMA
    return lifted


class PartnerJsonRenderPlugin(JsonRenderPlugin):
    """Serves `for_partners(document)`, worked out once per app."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._rendered: tuple[int, bytes] | None = None

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        if self._rendered is None or self._rendered[0] != id(openapi_schema):
            body = encode_json(for_partners(json.loads(encode_json(openapi_schema))))
            self._rendered = (id(openapi_schema), body)
        return self._rendered[1]


def openapi_document() -> str:
    from safety_check.service.app import create_app

    schema = create_app(Settings()).openapi_schema.to_schema()
    # Litestar's encoder knows the Structs inside the schema; re-dump for a stable, sorted file.
    plain = for_partners(json.loads(encode_json(schema)))
    return json.dumps(plain, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
