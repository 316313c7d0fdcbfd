"""The application factory: `create_app(settings)` builds the whole service."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from litestar import Litestar, Request
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig

from safety_check.compiled_plan import warm
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.resources import RESOURCES
from safety_check.service.classes.api import ClassChecksController
from safety_check.service.classes.checks import ClassChecks
from safety_check.service.classes.join_web import JoinController
from safety_check.service.classes.school_api import SchoolsApiController
from safety_check.service.classes.school_web import SchoolWebController
from safety_check.service.classes.schools import Schools
from safety_check.service.classes.schools_web import SchoolsController, long_date
from safety_check.service.individual import plan_view
from safety_check.service.individual.api import ApiController
from safety_check.service.individual.journeys import Journeys
from safety_check.service.individual.questionnaire_api import QuestionnaireNextController
from safety_check.service.individual.web import WebController
from safety_check.service.platform import template_i18n
from safety_check.service.platform.access import AccessMiddleware, client_address
from safety_check.service.platform.assets import asset_url, serve_asset
from safety_check.service.platform.core import Platform
from safety_check.service.platform.headers import security_headers
from safety_check.service.platform.health import HealthController
from safety_check.service.platform.json_body import StrictJsonRequest
from safety_check.service.platform.lifecycle import lifecycle_page
from safety_check.service.platform.logs import logging_config
from safety_check.service.platform.metrics_endpoint import metrics_route
from safety_check.service.platform.openapi import PartnerJsonRenderPlugin
from safety_check.service.platform.problem_types import problem_type_page
from safety_check.service.platform.problems import EXCEPTION_HANDLERS
from safety_check.service.platform.reference import api_reference
from safety_check.service.platform.request_metrics import count_requests
from safety_check.service.platform.transport import BodyDeadline, before_routing
from safety_check.settings import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

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
        render_plugins=[PartnerJsonRenderPlugin(path="/openapi.json")],
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
                    description="A class check's teacher key, shown once when it is created, "
                    "or a school teacher's key (`scsk_...`): "
                    "`Authorization: Bearer <teacher key>`.",
                ),
            }
        ),
        security=[{}, {"apiKey": []}],  # every operation works without a key
        use_handler_docstrings=False,
    )


class Services:
    """The three feature services of one app, each free of HTTP (house rule: controllers get
    them by dependency injection, never from `app.state`)."""

    def __init__(self, settings: Settings) -> None:
        self.platform = Platform(settings)
        self.class_checks = ClassChecks(self.platform)
        self.schools = Schools(self.platform, self.class_checks)
        self.journeys = Journeys(self.platform)

    def dependencies(self) -> dict[str, Provide]:
        def constant(value: object) -> Provide:
            return Provide(lambda: value, use_cache=True, sync_to_thread=False)

        trusted = self.platform.access.trusted

        def caller_address(request: Request[Any, Any, Any]) -> str:
            return client_address(request.scope, trusted)

        return {
            "services": constant(self),
            "platform": constant(self.platform),
            "class_checks": constant(self.class_checks),
            "schools": constant(self.schools),
            "journeys": constant(self.journeys),
            "caller_address": Provide(caller_address, sync_to_thread=False),
        }


def services_of(app: Litestar) -> Services:
    """An app's services, for tests and tools; handlers get them by injection instead."""
    provider = app.dependencies["services"]
    assert isinstance(provider, Provide)
    services = provider.dependency()
    assert isinstance(services, Services)
    return services


def _lifespan(services: Services, on_stop: list[Callable[[], object]]) -> Any:
    @contextlib.asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        platform = services.platform
        await platform.start()
        background: list[asyncio.Task[None]] = []
        try:
            await _purge(services.class_checks)  # before serving: nothing expired is ever shown
            background = [
                asyncio.create_task(_flush_usage_forever(platform)),
                asyncio.create_task(_purge_forever(services.class_checks)),
                asyncio.create_task(_purge_journeys_forever(services.journeys)),
            ]
            yield
        finally:
            for task in background:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await platform.stop()
            for stop in on_stop:
                stop()

    return lifespan


async def _flush_usage_forever(platform: Platform) -> None:
    while True:
        await asyncio.sleep(USAGE_FLUSH_SECONDS)
        try:
            await platform.access.usage.flush(platform.database)
        except Exception:
            logger.exception("could not save API key usage counts; will retry")


async def _purge(class_checks: ClassChecks) -> None:
    classes, responses = await class_checks.purge_expired()
    if classes:
        logger.info("deleted %d expired class checks (%d responses)", classes, responses)


async def _purge_forever(class_checks: ClassChecks) -> None:
    """Delete expired class checks hourly, so data never outlive their delete day."""
    while True:
        await asyncio.sleep(PURGE_SECONDS)
        try:
            await _purge(class_checks)
        except Exception:
            logger.exception("could not delete expired class checks; will retry")


async def _purge_journeys_forever(journeys: Journeys) -> None:
    """Forget retired form-token ids once the tokens they stop have expired anyway."""
    while True:
        await asyncio.sleep(PURGE_SECONDS)
        try:
            await journeys.purge_expired()
        except Exception:
            logger.exception("could not delete expired form-token ids; will retry")


def _template_globals(engine: JinjaTemplateEngine) -> None:
    template_i18n.install(engine.engine)
    engine.engine.globals["resources"] = RESOURCES
    engine.engine.filters["long_date"] = long_date
    engine.engine.globals["asset"] = asset_url
    plan_view.register(engine.engine)


def _tracing(
    settings: Settings, provider: TracerProvider | None
) -> tuple[list[DefineMiddleware], list[Callable[[], object]]]:
    """The OpenTelemetry middleware when switched on; its own provider is flushed at shutdown."""
    if not settings.tracing:
        return [], []
    from safety_check.service.platform.tracing import otlp_provider, tracing_middleware

    own = provider is None
    provider = provider or otlp_provider()
    return [tracing_middleware(provider)], [provider.shutdown] if own else []


def create_app(
    settings: Settings | None = None, *, tracer_provider: TracerProvider | None = None
) -> Litestar:
    """Build the service. With no settings, the defaults (embedded SQLite file) are used.
    `tracer_provider` replaces the OTLP exporter when tracing is on (tests read spans from it)."""
    settings = settings or Settings()
    warm(settings.languages)  # every offered language's words, built once before any request
    services = Services(settings)
    traced, on_stop = _tracing(settings, tracer_provider)
    handlers: list[Any] = [
        ApiController,
        HealthController,
        ClassChecksController,
        SchoolsApiController,
        SchoolWebController,
        WebController,
        JoinController,
        SchoolsController,
        serve_asset,
        api_reference,
        problem_type_page,
        QuestionnaireNextController,
        lifecycle_page,
    ]
    if settings.metrics:
        handlers.append(metrics_route(settings.metrics_token))
    if settings.benchmark_body is not None:
        from safety_check.service.individual.benchmark import precomputed_plan_route

        handlers.append(precomputed_plan_route(settings.benchmark_body.read_bytes()))
    app = Litestar(
        route_handlers=handlers,
        lifespan=[_lifespan(services, on_stop)],
        dependencies=services.dependencies(),
        middleware=[
            *traced,
            DefineMiddleware(AccessMiddleware, platform=services.platform),
            BodyDeadline,
        ],
        request_class=StrictJsonRequest,
        exception_handlers=EXCEPTION_HANDLERS,
        before_send=[security_headers(settings.frame_ancestors)],
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
        logging_config=logging_config(settings.log_level, settings.log_format),
        debug=False,
    )
    app.state.settings = settings  # configuration only, for error pages rendered outside handlers
    app.asgi_handler = before_routing(
        count_requests(app.asgi_handler) if settings.metrics else app.asgi_handler
    )
    return app
