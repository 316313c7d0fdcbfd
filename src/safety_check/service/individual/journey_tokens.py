"""Signed, expiring form tokens for an individual's journey through the web form.

A token names its journey (random, one per visit to the first page) and itself (random, one per
page shown), carries its expiry and the page language (a setting, not an answer) and is signed
with the server's secret. It holds no answer. The
server keeps only hashes of retired ids (see `journeys.py`): a page's token is spent when the
page is sent, and the exit retires the whole journey, so a form sent again shows nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

import msgspec

from safety_check import i18n

_TOKEN = re.compile(
    r"^v2\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})\.(\d{1,12})\.([a-z]{2})\.([A-Za-z0-9_-]{22})$"
)


class FormToken(msgspec.Struct, frozen=True, kw_only=True):
    journey: str
    token: str
    expires_at: int
    language: i18n.Language = i18n.DEFAULT


def _random_id() -> str:
    return secrets.token_urlsafe(16)


def _signature(secret: bytes, body: str) -> str:
    digest = hmac.new(secret, f"journey-form\n{body}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def issue(
    secret: bytes,
    expires_at: int,
    journey: str | None = None,
    language: i18n.Language = i18n.DEFAULT,
) -> str:
    """A new token for the next page of `journey` (a new journey when None), in `language`."""
    body = f"v2.{journey or _random_id()}.{_random_id()}.{expires_at}.{language}"
    return f"{body}.{_signature(secret, body)}"


def read(secret: bytes, text: str | None) -> FormToken | None:
    """The token if the server signed it, expired or not; None for anything else."""
    match = _TOKEN.match(text or "")
    if match is None:
        return None
    journey, token, expires, language, signature = match.groups()
    body = f"v2.{journey}.{token}.{expires}.{language}"
    if not hmac.compare_digest(signature.encode(), _signature(secret, body).encode()):
        return None
    if language not in i18n.LANGUAGES:
        return None
    return FormToken(journey=journey, token=token, expires_at=int(expires), language=language)


def id_hash(kind: str, value: str) -> bytes:
    """What storage keeps of an id: a hash, so no row can be turned back into a usable token."""
    return hashlib.sha256(f"{kind}\n{value}".encode()).digest()[:16]
