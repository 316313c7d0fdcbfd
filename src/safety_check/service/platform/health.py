"""Liveness and readiness probes for load balancers and orchestrators."""

from __future__ import annotations

from typing import Literal

import msgspec
from litestar import Controller, Response, get

from safety_check.service.platform.core import InjectedPlatform, LimitsMode
from safety_check.service.platform.problems import problem_response, problem_spec


class Health(msgspec.Struct, frozen=True):
    status: Literal["ok"]


class Readiness(msgspec.Struct, frozen=True, kw_only=True):
    status: Literal["ready"]
    limits: LimitsMode
    """Where rate and guessing limits are counted: "shared" (Redis), "local" (this process;
    no Redis configured), or "local (shared store unreachable)" while Redis does not answer,
    which this process survives by counting on its own."""


class HealthController(Controller):
    path = "/api/v1"
    tags = ["Service"]

    @get(
        "/healthz",
        operation_id="getHealth",
        summary="Liveness",
        description="200 while the process is up.",
    )
    async def healthz(self) -> Health:
        return Health(status="ok")

    @get(
        "/readyz",
        operation_id="getReadiness",
        summary="Readiness",
        description="200 when the database answers; 503 otherwise. The body says where limits "
        "are counted: a Redis outage does not make the service unready (limits are then "
        "counted in each process), but it shows here.",
        responses={503: problem_spec("The database is not reachable.")},
    )
    async def readyz(self, platform: InjectedPlatform) -> Response[Readiness]:
        readiness = await platform.readiness()
        if readiness.ready:
            return Response(content=Readiness(status="ready", limits=readiness.limits))
        return problem_response(503, "The database is not reachable.")  # type: ignore[return-value]
