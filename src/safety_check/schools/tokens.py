"""Signed tokens for class checks: teacher sessions, their CSRF tokens and one-time join forms.

Pure functions of the server's secret. A teacher session carries the class id, an expiry, a
random part and an HMAC; its hash is also stored until it expires, so signing out or deleting the
class ends it at once (storage/teacher_sessions.py). A CSRF token is derived from the session with
a separate HMAC label. A join form's one-time token is signed for its join code: it proves its
holder reached the class's page, so later steps need no guessing check and are counted per token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time

SESSION_SECONDS = 8 * 60 * 60
ONCE_PATTERN = re.compile(r"^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$")


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


def _once_signature(secret: bytes, code: str, nonce: str) -> str:
    digest = hmac.new(secret, f"join-form\n{code}\n{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def new_once_token(secret: bytes, code: str) -> str:
    """A one-time form token, signed for this join code."""
    nonce = secrets.token_urlsafe(16)
    return f"{nonce}.{_once_signature(secret, code, nonce)}"


def once_token_is_valid(secret: bytes, code: str, token: str) -> bool:
    match = ONCE_PATTERN.match(token)
    return match is not None and hmac.compare_digest(
        match.group(2).encode(), _once_signature(secret, code, match.group(1)).encode()
    )
