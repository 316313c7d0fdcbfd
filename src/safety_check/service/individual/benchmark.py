"""A route that exists only in benchmark builds (SAFETY_CHECK_BENCHMARK_ROUTES=1).

It decodes the request exactly as `POST /api/v1/plans` does and returns a plan computed once at
start, so the benchmark can show what the engine costs on top of the framework.
"""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Response, post
from litestar.params import Body

from safety_check.answers import validate
from safety_check.models import Plan
from safety_check.plan import build_plan
from safety_check.service.individual.api import plan_response
from safety_check.service.individual.wire import PlanRequest
from safety_check.service.platform.json_body import require_json

BENCHMARK_PATH = "/api/v1/_benchmark/precomputed-plan"


def precomputed_plan_route(body: bytes) -> object:
    """A handler that answers every request with the plan for `body`."""
    request = msgspec.json.decode(body, type=PlanRequest)
    plan = build_plan(validate(request.answers))

    @post(BENCHMARK_PATH, status_code=200, before_request=require_json, include_in_schema=False)
    async def precomputed(data: Annotated[PlanRequest, Body()]) -> Response[Plan]:
        # Encoded the way POST /plans encodes, so the ratio isolates the engine's own cost.
        return plan_response(plan)

    return precomputed
