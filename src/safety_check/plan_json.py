"""A plan object as JSON: what `POST /api/v1/cohorts/.../responses` and the CLI return.

The stateless plan endpoint does not come this way: it writes its JSON straight from the
engine's decisions (`compiled_plan`), without building objects. This path keeps no cache: a
cache keyed by the objects of each plan grew with every plan served (issue 19).
"""

from __future__ import annotations

import msgspec

from safety_check.models import Plan

_encode = msgspec.json.encode


def encode_plan(plan: Plan) -> bytes:
    """The plan's JSON, as msgspec writes it."""
    return _encode(plan)
