"""API lifecycle: an operation scheduled for removal says so on every response.

Mark a route handler with `**retiring(deprecated_on, sunset_on)`: OpenAPI shows it as
`deprecated: true`, and each response carries `Deprecation` (RFC 9745, the day it was
deprecated as `@<seconds>`), `Sunset` (RFC 8594, the HTTP-date after which it may be removed)
and `Link` to the deprecation policy (`rel="deprecation"`) and to the successor, if any
(`rel="successor-version"`). A sunset less than 180 days after the deprecation is refused when
the app is built: that is the policy's minimum notice (README, "API lifecycle").
"""

from __future__ import annotations

import datetime as dt
import html
from email.utils import format_datetime
from typing import Any

import msgspec
from litestar import MediaType, Response, get
from litestar.datastructures import MutableScopeHeaders
from litestar.types import Scope

MINIMUM_NOTICE = dt.timedelta(days=180)
POLICY_PATH = "/api/v1/lifecycle"
POLICY = (
    "Version 1 of the API (/api/v1) stays compatible: new operations, new optional fields in "
    "requests, new fields in responses and new options may be added at any time, so clients "
    "must ignore what they do not know. Question and option ids are never reused or silently "
    "renamed (old ids stay as aliases). Anything to be removed or changed incompatibly is "
    "first marked `deprecated: true` in openapi.json and named in GET /api/v1/content/changes "
    "or the changelog, and every response from a deprecated operation carries Deprecation "
    "(RFC 9745), Sunset (RFC 8594) and a Link to this policy, at least 180 days before the "
    "Sunset date; nothing is removed before its Sunset date. An incompatible whole redesign "
    "gets a new version path (/api/v2), run beside v1 until v1's Sunset date.",
    "One change came before this policy: in December 2026 the plan's `next` field was "
    "renamed `do_next`, because generated Python clients turned `next` into `next_`.",
)


class Retirement(msgspec.Struct, frozen=True, kw_only=True):
    deprecated_on: dt.date
    sunset_on: dt.date
    successor: str | None = None

    def headers(self) -> dict[str, str]:
        start = dt.datetime.combine(self.deprecated_on, dt.time(), tzinfo=dt.UTC)
        end = dt.datetime.combine(self.sunset_on, dt.time(), tzinfo=dt.UTC)
        links = [f'<{POLICY_PATH}>; rel="deprecation"; type="text/html"']
        if self.successor:
            links.append(f'<{self.successor}>; rel="successor-version"')
        return {
            "deprecation": f"@{int(start.timestamp())}",
            "sunset": format_datetime(end, usegmt=True),
            "link": ", ".join(links),
        }


def retiring(
    deprecated_on: dt.date, sunset_on: dt.date, successor: str | None = None
) -> dict[str, Any]:
    """Route-decorator arguments for an operation scheduled for removal."""
    if sunset_on - deprecated_on < MINIMUM_NOTICE:
        raise ValueError(
            f"a sunset must come at least {MINIMUM_NOTICE.days} days after the deprecation"
        )
    retirement = Retirement(deprecated_on=deprecated_on, sunset_on=sunset_on, successor=successor)
    return {"deprecated": True, "opt": {"retirement": retirement}}


@get(POLICY_PATH, include_in_schema=False, sync_to_thread=False, media_type=MediaType.HTML)
def lifecycle_page() -> Response[str]:
    """The deprecation policy that `rel="deprecation"` links point at."""
    paragraphs = "".join(f"<p>{html.escape(text)}</p>" for text in POLICY)
    page = (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>API lifecycle – Safety Check API</title></head><body><main>"
        f"<h1>API lifecycle and deprecation policy</h1>{paragraphs}"
        '<p><a href="/api/v1/reference">The API reference</a></p></main></body></html>'
    )
    return Response(content=page, headers={"Cache-Control": "public, max-age=3600"})


def add_retirement_headers(headers: MutableScopeHeaders, scope: Scope) -> None:
    handler = scope.get("route_handler")
    retirement = handler.opt.get("retirement") if handler is not None else None
    if isinstance(retirement, Retirement):
        for name, value in retirement.headers().items():
            headers[name] = value
