"""Idempotency-Key records: a retried request returns the first answer and never counts twice.

A client sends the same `Idempotency-Key` with every retry of one request. The first request
stores a record in the same transaction as what it creates; a retry finds the record and is
answered as the first was. Only hashes are kept: SHA-256 of the scope and key finds the row, and
an HMAC of the request keyed by the key itself tells a retry from a different request sent with
the same key. The key is never stored, so the record cannot be matched to answers by anyone
holding the database. Records are purged after 24 hours and deleted with their class.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time

import msgspec

from safety_check.storage.engine import Database, Transaction

KEEP_HOURS = 24
HOUR = 60 * 60
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{16,255}$")
"""Visible ASCII, 16 to 255 characters: long enough for a random value such as a UUID."""

_INSERT = (
    "INSERT INTO idempotency_keys (key_hash, fingerprint, cohort_id, created_hour) "
    "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
)


class KeyReused(Exception):
    """The key was first used with a different request."""


class Idempotency(msgspec.Struct, frozen=True):
    key_hash: bytes
    fingerprint: bytes


def idempotency(scope: str, key: str, request: bytes) -> Idempotency:
    return Idempotency(
        key_hash=hashlib.sha256(f"{scope}\n{key}".encode()).digest(),
        fingerprint=hmac.new(key.encode(), request, hashlib.sha256).digest(),
    )


def _hour(now: float | None = None) -> int:
    return int(now if now is not None else time.time()) // HOUR


async def claim(
    database: Database, db: Transaction, record: Idempotency, cohort_id: int | None
) -> bool:
    """Record the key inside the caller's transaction; False if it was recorded before."""
    values = (record.key_hash, record.fingerprint, cohort_id, _hour())
    return await db.execute(database.sql(_INSERT), values) == 1


async def release(database: Database, db: Transaction, record: Idempotency) -> None:
    """Forget the key inside the caller's transaction (nothing was stored under it)."""
    await db.execute(
        database.sql("DELETE FROM idempotency_keys WHERE key_hash = ?"), (record.key_hash,)
    )


async def first_use(
    database: Database, record: Idempotency, db: Transaction | None = None
) -> tuple[bool, int | None]:
    """(True, its class id) if the key was used before for this same request; (False, None)
    if it was never used. Raises `KeyReused` if it was used for a different request."""
    sql = database.sql("SELECT fingerprint, cohort_id FROM idempotency_keys WHERE key_hash = ?")
    rows = await (db.fetch_all if db else database.fetch_all)(sql, (record.key_hash,))
    if not rows:
        return False, None
    fingerprint, cohort_id = rows[0]
    if not hmac.compare_digest(bytes(fingerprint), record.fingerprint):
        raise KeyReused
    return True, cohort_id


async def purge_old_keys(database: Database, now: float | None = None) -> int:
    return await database.write_statement(
        database.sql("DELETE FROM idempotency_keys WHERE created_hour < ?"),
        (_hour(now) - KEEP_HOURS,),
    )


def is_valid_key(key: str) -> bool:
    return KEY_PATTERN.match(key) is not None
