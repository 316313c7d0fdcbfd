"""The application factory: `create_app(settings)` builds the whole service."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from litestar import Litestar
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig

from safety_check.questionnaire import CONTENT_VERSION
from safety_check.resources import RESOURCES
from safety_check.service import plan_view
from safety_check.service.access import AccessControl, AccessMiddleware
from safety_check.service.api import ApiController
from safety_check.service.assets import asset_url, serve_asset
from safety_check.service.classes import RecentCohorts
from safety_check.service.cohorts_api import CohortsController
from safety_check.service.headers import add_security_headers
from safety_check.service.join_web import JoinController
from safety_check.service.json_body import StrictJsonRequest
from safety_check.service.logs import logging_config
from safety_check.service.problems import EXCEPTION_HANDLERS
from safety_check.service.reference import api_reference
from safety_check.service.schools_web import SchoolsController, long_date
from safety_check.service.transport import BodyDeadline, before_routing
from safety_check.service.web import WebController
from safety_check.settings import Settings
from safety_check.storage import Database, open_database
from safety_check.storage.cohorts import purge_expired, session_secret

MAX_BODY_BYTES = 32 * 1024
PACKAGE = Path(__file__).resolve().parent.parent
USAGE_FLUSH_SECONDS = 30
PURGE_SECONDS = 60 * 60

logger = logging.getLogger("safety_check")


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Safety Check API",
        version="1",
        description="Questionnaire in, personal action plan out: a UK online safety and "
        f"privacy self-check against image-based sexual abuse. Content version {CONTENT_VERSION}.",
        path="/api/v1/schema",
        render_plugins=[JsonRenderPlugin(path="/openapi.json")],
        components=Components(
            security_schemes={
                "apiKey": SecurityScheme(
                    type="apiKey",
                    name="X-API-Key",
                    security_scheme_in="header",
                    description="Optional partner key: higher rate limits. Never send it in "
                    "the URL.",
                ),
                "teacherKey": SecurityScheme(
                    type="http",
                    scheme="bearer",
                    description="A class check's teacher key, shown once when it is created: "
                    "`Authorization: Bearer <teacher key>`.",
                ),
            }
        ),
        security=[{}, {"apiKey": []}],  # every operation works without a key
        use_handler_docstrings=False,
    )


def _lifespan(settings: Settings) -> Any:
    @contextlib.asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        database = open_database(settings.database_location())
        await database.open()
        app.state.database = database
        app.state.session_secret = await session_secret(database)
        redis = await _share_limits(app, settings)
        await _purge(database)  # before serving: nothing expired is ever shown
        background = [
            asyncio.create_task(_flush_usage_forever(app)),
            asyncio.create_task(_purge_forever(database)),
        ]
        try:
            yield
        finally:
            for task in background:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await app.state.access.usage.flush(database)
            await database.close()
            if redis is not None:
                await redis.aclose()

    return lifespan


async def _share_limits(app: Litestar, settings: Settings) -> Any:
    """With SAFETY_CHECK_REDIS_URL, count every limit in Redis, shared by all processes."""
    if settings.redis_url is None:
        return None
    from redis.asyncio import Redis

    from safety_check.service.limits import RedisCounter

    redis = Redis.from_url(settings.redis_url, socket_timeout=5, socket_connect_timeout=5)
    await redis.ping()  # refuse to start on a Redis that does not answer
    secret: bytes = app.state.session_secret

    def counter(window: int) -> RedisCounter:
        return RedisCounter(redis, prefix=settings.redis_prefix, secret=secret, window=window)

    app.state.access.share(counter(60), counter(60 * 60))
    return redis


async def _flush_usage_forever(app: Litestar) -> None:
    while True:
        await asyncio.sleep(USAGE_FLUSH_SECONDS)
        try:
            await app.state.access.usage.flush(app.state.database)
        except Exception:
            logger.exception("could not save API key usage counts; will retry")


async def _purge(database: Database) -> None:
    classes, responses = await purge_expired(database)
    if classes:
        logger.info("deleted %d expired class checks (%d responses)", classes, responses)


async def _purge_forever(database: Database) -> None:
    """Delete expired class checks hourly, so data never outlive their delete day."""
    while True:
        await asyncio.sleep(PURGE_SECONDS)
        try:
            await _purge(database)
        except Exception:
            logger.exception("could not delete expired class checks; will retry")


def _template_globals(engine: JinjaTemplateEngine) -> None:
    engine.engine.globals["resources"] = RESOURCES
    engine.engine.filters["long_date"] = long_date
    engine.engine.globals["asset"] = asset_url
    plan_view.register(engine.engine)


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the service. With no settings, the defaults (embedded SQLite file) are used."""
    settings = settings or Settings()
    handlers: list[Any] = [
        ApiController,
        CohortsController,
        WebController,
        JoinController,
        SchoolsController,
        serve_asset,
        api_reference,
    ]
    if settings.benchmark_body is not None:
        from safety_check.service.benchmark import precomputed_plan_route

        handlers.append(precomputed_plan_route(settings.benchmark_body.read_bytes()))
    app = Litestar(
        route_handlers=handlers,
        lifespan=[_lifespan(settings)],
        middleware=[AccessMiddleware, BodyDeadline],
        request_class=StrictJsonRequest,
        exception_handlers=EXCEPTION_HANDLERS,
        before_send=[add_security_headers],
        request_max_body_size=MAX_BODY_BYTES,
        template_config=TemplateConfig(
            directory=PACKAGE / "templates",
            engine=JinjaTemplateEngine,
            engine_callback=_template_globals,
        ),
        compression_config=CompressionConfig(
            backend="gzip", minimum_size=1024, gzip_compress_level=6
        ),
        openapi_config=openapi_config(),
        cors_config=(
            CORSConfig(
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "X-API-Key"],
            )
            if settings.cors_origins
            else None
        ),
        logging_config=logging_config(settings.log_level),
        debug=False,
    )
    app.state.settings = settings
    app.state.access = AccessControl(settings)
    app.state.recent_cohorts = RecentCohorts()
    app.asgi_handler = before_routing(app.asgi_handler)
    return app
