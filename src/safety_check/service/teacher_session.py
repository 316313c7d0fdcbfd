"""Teacher sessions and CSRF tokens for the class dashboard.

Signing in with the teacher key sets one cookie, scoped to that class's dashboard path, that
carries the class id, an expiry, a random part and an HMAC. A hash of it is stored until it
expires, so signing out or deleting the class ends it at once (storage/teacher_sessions.py).
The cookie is HttpOnly and SameSite=Strict, and Secure whenever the request came over HTTPS.
Each dashboard form carries a CSRF token derived from the session with a separate HMAC label,
checked in constant time on every change; cross-site posts are also refused by the browser's
own `Sec-Fetch-Site` and `Origin` headers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from typing import Any

from litestar import Request
from litestar.datastructures import Cookie
from litestar.exceptions import PermissionDeniedException

from safety_check.service.access import is_trusted

COOKIE_NAME = "sc_teacher"
SESSION_SECONDS = 8 * 60 * 60
CSRF_FIELD = "_csrf"


def dashboard_path(public_id: str) -> str:
    return f"/schools/{public_id}"


def _sign(secret: bytes, label: str, message: str) -> str:
    digest = hmac.new(secret, f"{label}\n{message}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_session(secret: bytes, public_id: str, now: float | None = None) -> str:
    expires = int((now or time.time()) + SESSION_SECONDS)
    # Random per sign-in, so signing in again never revives a copy of a signed-out cookie.
    body = f"{public_id}.{expires}.{secrets.token_urlsafe(16)}"
    return f"{body}.{_sign(secret, 'session', body)}"


def session_expiry(token: str) -> int:
    return int(token.split(".")[1])


def session_is_valid(
    secret: bytes, token: str | None, public_id: str, now: float | None = None
) -> bool:
    if not token or token.count(".") != 3:
        return False
    claimed_id, expires, nonce, signature = token.split(".")
    expected = _sign(secret, "session", f"{claimed_id}.{expires}.{nonce}")
    if not hmac.compare_digest(signature.encode(), expected.encode()):
        return False
    return claimed_id == public_id and expires.isdigit() and int(expires) > (now or time.time())


def csrf_token(secret: bytes, session: str) -> str:
    return _sign(secret, "csrf", session)


def csrf_is_valid(secret: bytes, session: str, presented: str | None) -> bool:
    expected = csrf_token(secret, session).encode()
    return presented is not None and hmac.compare_digest(presented.encode(), expected)


def refuse_bad_csrf(secret: bytes, session: str, presented: str | None) -> None:
    if not csrf_is_valid(secret, session, presented):
        raise PermissionDeniedException("This form has expired. Go back, reload and try again.")


def is_https(request: Request[Any, Any, Any]) -> bool:
    if request.scope["scheme"] == "https":
        return True
    # Behind a trusted TLS-terminating proxy the app itself sees plain HTTP.
    trusted = request.app.state.access.trusted
    client = request.client.host if request.client else ""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip()
    return bool(trusted) and is_trusted(client, trusted) and forwarded == "https"


def session_cookie(request: Request[Any, Any, Any], public_id: str, token: str) -> Cookie:
    return Cookie(
        key=COOKIE_NAME,
        value=token,
        path=dashboard_path(public_id),
        max_age=SESSION_SECONDS if token else 0,
        httponly=True,
        samesite="strict",
        secure=is_https(request),
    )
