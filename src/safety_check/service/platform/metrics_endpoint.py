"""GET /metrics, mounted only when SAFETY_CHECK_METRICS=on (see metrics.py)."""

from __future__ import annotations

import hmac
from typing import Annotated

from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import HeaderParameter

from safety_check.service.platform.core import InjectedPlatform
from safety_check.service.platform.metrics import scrape


def metrics_route(token: str | None) -> object:
    @get("/metrics", include_in_schema=False, name="metrics", cache_control=None)
    async def metrics(
        platform: InjectedPlatform,
        authorization: Annotated[
            str | None, HeaderParameter(name="Authorization", required=False)
        ] = None,
    ) -> Response[bytes]:
        # A wrong or missing token looks like no metrics at all.
        if token is not None and not hmac.compare_digest(
            (authorization or "").encode(), f"Bearer {token}".encode()
        ):
            raise NotFoundException()
        readiness = await platform.readiness()
        redis = None if platform.settings.redis_url is None else readiness.limits == "shared"
        body, media_type = scrape(readiness.database, redis)
        return Response(content=body, media_type=media_type, headers={"Cache-Control": "no-store"})

    return metrics
