"""Saved answers: a person's answers sealed into a short code (and a file holding it) that only
this server can open, so they can come back later while nothing is kept here.

AES-256-GCM from `cryptography`, with a key derived (HKDF-SHA256) from the server's secret. The
sealed payload holds the answers, the content version they were given under and an expiry; the
code's version prefix is authenticated too. Pure functions: no HTTP, no storage.
"""

from __future__ import annotations

import base64
import binascii
import os
import zlib
from collections.abc import Iterable, Mapping

import msgspec
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safety_check.content_changes import ContentChange
from safety_check.service.individual.saved_words import DICTIONARY

PREFIX = "SC1-"
KEEP_DAYS = 90
MAX_CODE_CHARS = 8000
MAX_PAYLOAD_BYTES = 64 * 1024
_NONCE_BYTES = 12
_LABEL = PREFIX.encode()


class _Sealed(msgspec.Struct, frozen=True, array_like=True):
    version: str
    expires_at: int
    answers: dict[str, str | list[str]]


class Opened(msgspec.Struct, frozen=True, kw_only=True):
    answers: dict[str, str | list[str]]
    content_version: str
    expires_at: int


def _key(secret: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"saved answers v1")
    return kdf.derive(secret)


def _compress(payload: bytes) -> bytes:
    # Raw deflate against the ids the answers are made of: codes less than half as long.
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zdict=DICTIONARY)
    return compressor.compress(payload) + compressor.flush()


def _decompress(data: bytes) -> bytes:
    decompressor = zlib.decompressobj(-15, zdict=DICTIONARY)
    payload = decompressor.decompress(data, MAX_PAYLOAD_BYTES)
    if decompressor.unconsumed_tail:
        raise ValueError("saved answers too large")
    return payload


def seal(
    secret: bytes, answers: Mapping[str, str | list[str]], content_version: str, expires_at: int
) -> str:
    """The answers as a code to copy, or to keep in a file."""
    payload = msgspec.msgpack.encode(_Sealed(content_version, expires_at, dict(answers)))
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(_key(secret)).encrypt(nonce, _compress(payload), _LABEL)
    return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def find_code(text: str) -> str | None:
    """The code inside pasted text or a saved file (line breaks and spaces ignored)."""
    start = text.find(PREFIX)
    if start < 0:
        return None
    rest = "".join(text[start:].split())
    end = len(PREFIX)
    while end < len(rest) and (rest[end].isalnum() or rest[end] in "-_"):
        end += 1
    return rest[:end]


def open_code(secret: bytes, text: str, now: int) -> Opened | None:
    """The answers sealed in `text`, or None if it isn't a code this server made, was changed,
    or has expired."""
    code = find_code(text[:MAX_CODE_CHARS])
    if code is None:
        return None
    body = code[len(PREFIX) :]
    try:
        blob = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        nonce, sealed = blob[:_NONCE_BYTES], blob[_NONCE_BYTES:]
        payload = _decompress(AESGCM(_key(secret)).decrypt(nonce, sealed, _LABEL))
        opened = msgspec.msgpack.decode(payload, type=_Sealed)
    except (binascii.Error, ValueError, InvalidTag, zlib.error, msgspec.DecodeError):
        return None
    if opened.expires_at <= now:
        return None
    return Opened(
        answers=opened.answers, content_version=opened.version, expires_at=opened.expires_at
    )


def changed_since(version: str, changes: Iterable[ContentChange]) -> frozenset[str] | None:
    """Rules added or changed after `version` (None when the version is not in the log)."""
    changed: set[str] = set()
    for change in changes:  # newest first
        if change.version == version:
            return frozenset(changed)
        changed.update(change.rules_added, change.rules_changed)
    return None
