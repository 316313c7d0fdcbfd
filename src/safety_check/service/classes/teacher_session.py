"""The teacher's session cookie and CSRF check for the class dashboard (tokens: schools/tokens).

The cookie is HttpOnly and SameSite=Strict, scoped to that class's dashboard path, and Secure
whenever the request came over HTTPS. Each dashboard form carries a CSRF token, checked in
constant time on every change; cross-site posts are also refused by the browser's own
`Sec-Fetch-Site` and `Origin` headers.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.datastructures import Cookie
from litestar.exceptions import PermissionDeniedException

from safety_check.i18n import Language
from safety_check.schools.tokens import SESSION_SECONDS
from safety_check.schools.words import N_, say
from safety_check.service.classes.checks import ClassChecks
from safety_check.service.platform.access import Network, is_trusted

COOKIE_NAME = "sc_teacher"
CSRF_FIELD = "_csrf"


def dashboard_path(public_id: str) -> str:
    return f"/schools/{public_id}"


def session_token(request: Request[Any, Any, Any]) -> str:
    return request.cookies.get(COOKIE_NAME, "")


FORM_EXPIRED = N_("schools:problem", "This form has expired. Go back, reload and try again.")


def refuse_bad_csrf(
    checks: ClassChecks, session: str, presented: str | None, language: Language = "en"
) -> None:
    if not checks.csrf_is_valid(session, presented):
        raise PermissionDeniedException(say(language, "schools:problem", FORM_EXPIRED))


def is_https(request: Request[Any, Any, Any], trusted: tuple[Network, ...]) -> bool:
    if request.scope["scheme"] == "https":
        return True
    # Behind a trusted TLS-terminating proxy the app itself sees plain HTTP.
    client = request.client.host if request.client else ""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip()
    return bool(trusted) and is_trusted(client, trusted) and forwarded == "https"


def session_cookie(
    request: Request[Any, Any, Any], trusted: tuple[Network, ...], public_id: str, token: str
) -> Cookie:
    return Cookie(
        key=COOKIE_NAME,
        value=token,
        path=dashboard_path(public_id),
        max_age=SESSION_SECONDS if token else 0,
        httponly=True,
        samesite="strict",
        secure=is_https(request, trusted),
    )
