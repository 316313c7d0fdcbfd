"""OpenTelemetry traces through Litestar's plugin, off unless SAFETY_CHECK_TRACING=on.

Needs the `otel` extra (`pip install 'safety-check[otel]'`); without it the service never
imports OpenTelemetry, and the setting is refused at start with that install line.

Privacy: the ASGI instrumentation would copy the path, query, client address and headers into
span attributes, and a path can hold a join code or class id. So it only ever sees a stripped
copy of the request: method, scheme and the W3C trace-context headers. Once the router has run,
the server span is renamed after the route *template* (`POST /api/v1/cohorts/{code}/responses`)
and gets `http.route`; a request that matched no route is `(no route)`. Bodies, answers, keys
and join codes never reach a span. `tests/api/test_tracing.py` searches exported spans for them.

Spans go to an OTLP/HTTP collector set by the standard OTEL_EXPORTER_OTLP_* variables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from safety_check.service.platform.metrics import METHODS, NO_ROUTE
from safety_check.settings import TRACING_INSTALL_LINE, tracing_installed

if TYPE_CHECKING:
    from litestar.middleware.base import DefineMiddleware
    from litestar.types import ASGIApp, Message, Receive, Scope, Send
    from opentelemetry.sdk.trace import TracerProvider

SERVICE_NAME = "safety-check"
_ORIGINAL = "safety_check.original_scope"
_PASSED_HEADERS = frozenset({b"traceparent", b"tracestate"})


class TracingUnavailableError(RuntimeError):
    """Tracing was switched on without the `otel` extra."""


def otlp_provider() -> TracerProvider:
    """A provider that batches spans to the collector named by OTEL_EXPORTER_OTLP_*."""
    _require_extra()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE_NAME}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    return provider


def _require_extra() -> None:
    if not tracing_installed():
        raise TracingUnavailableError(
            f"SAFETY_CHECK_TRACING=on needs the otel extra: {TRACING_INSTALL_LINE}"
        )


def tracing_middleware(provider: TracerProvider) -> DefineMiddleware:
    """Litestar's OpenTelemetry middleware, fed only the stripped request (see the module doc)."""
    _require_extra()
    from litestar.plugins.opentelemetry import (
        OpenTelemetryConfig,
        OpenTelemetryInstrumentationMiddleware,
    )
    from opentelemetry import trace

    class PrivateSpans(OpenTelemetryInstrumentationMiddleware):
        def __init__(self, app: ASGIApp, config: OpenTelemetryConfig) -> None:
            super().__init__(app=_with_original_scope(app, trace.get_current_span), config=config)

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if cast(str, scope["type"]) != "http":
                await self.app(scope, receive, send)
                return
            # Straight to the instrumentation: the parent's __call__ would re-check exclusions
            # against the stripped copy, which has no route to check.
            await self.open_telemetry_middleware(_stripped(scope), receive, send)  # type: ignore[arg-type]

    config = OpenTelemetryConfig(
        tracer_provider=provider,
        scope_span_details_extractor=_span_details,
        middleware_class=PrivateSpans,
        exclude_spans=["receive"],  # request bodies are never a span's business
    )
    # Given as middleware, Litestar moves it into its OpenTelemetryPlugin, outermost; a plugin
    # made here would build the stock middleware (2.25 ignores `middleware_class` there).
    return config.middleware


def _stripped(scope: Scope) -> Any:
    """What the instrumentation may see: no path, query, address, or any other header."""
    method = str(scope.get("method", ""))
    return {
        "type": "http",
        "asgi": scope.get("asgi", {}),
        "http_version": scope.get("http_version", "1.1"),
        "method": method if method in METHODS else "OTHER",
        "scheme": scope.get("scheme", "http"),
        "path": "",
        "raw_path": b"",
        "query_string": b"",
        "root_path": "",
        "headers": [pair for pair in scope.get("headers", ()) if pair[0] in _PASSED_HEADERS],
        "client": None,
        "server": None,
        _ORIGINAL: scope,
    }


def _span_details(scope: Any) -> tuple[str, dict[str, Any]]:
    return str(scope["method"]), {}


def _with_original_scope(app: ASGIApp, current_span: Any) -> ASGIApp:
    """Runs the app on the real request; names the server span after the route template as
    the response starts (routing is done by then, and the span still open)."""

    async def restored(stripped: Any, receive: Receive, send: Send) -> None:
        if _ORIGINAL not in stripped:  # not traced (not HTTP): passed through as it came
            await app(stripped, receive, send)
            return
        scope = cast("Scope", stripped[_ORIGINAL])
        span = current_span()

        async def naming(message: Message) -> None:
            if message["type"] == "http.response.start":
                route = str(scope.get("path_template") or NO_ROUTE)
                span.update_name(f"{stripped['method']} {route}")
                span.set_attribute("http.route", route)
            await send(message)

        await app(scope, receive, naming)

    return restored
