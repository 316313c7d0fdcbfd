"""A route that exists only in benchmark builds (SAFETY_CHECK_BENCHMARK_BODY set).

It decodes the request exactly as `POST /api/v1/plans` does and returns the plan for the
benchmark's body, made once at start (compact, as createPlan returns by default), so the
benchmark can show what the engine costs on top of the framework.
"""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Response, post
from litestar.params import Body

from safety_check.answers import validate
from safety_check.compiled_plan import encode_answers
from safety_check.service.individual.wire import PlanOut, PlanRequest
from safety_check.service.platform.json_body import require_json

BENCHMARK_PATH = "/api/v1/_benchmark/precomputed-plan"


def precomputed_plan_route(body: bytes) -> object:
    """A handler that answers every request with the plan for `body`."""
    request = msgspec.json.decode(body, type=PlanRequest)
    plan = encode_answers(validate(request.answers))

    @post(BENCHMARK_PATH, status_code=200, before_request=require_json, include_in_schema=False)
    async def precomputed(data: Annotated[PlanRequest, Body()]) -> Response[PlanOut]:
        return Response(content=plan, media_type="application/json")  # type: ignore[arg-type]

    return precomputed
