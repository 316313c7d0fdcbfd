"""Partner API keys: created once, stored only as a hash, revocable, counted per day.

A key looks like `sck_<prefix>_<secret>`: the 12-hex-digit prefix finds the row, the 256-bit
secret is what makes it unguessable. Only SHA-256 of the whole key is stored (a plain hash is
enough for a random secret this long), and it is compared in constant time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets

import msgspec

from safety_check.storage.engine import Database

KEY_PATTERN = re.compile(r"^sck_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$")


class ApiKey(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    name: str
    prefix: str
    created_day: str
    revoked_day: str | None


class ApiKeyUsage(msgspec.Struct, frozen=True, kw_only=True):
    key: ApiKey
    requests_today: int
    requests_total: int


def today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def _hash(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()


def new_key() -> tuple[str, str]:
    """A fresh key and its prefix."""
    prefix = secrets.token_hex(6)
    return f"sck_{prefix}_{secrets.token_urlsafe(32)}", prefix


async def create_key(database: Database, name: str) -> tuple[str, ApiKey]:
    """Store a new key under `name`; return the key (shown once, never stored) and its record."""
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise ValueError("a key name must be 1 to 100 characters")
    key, prefix = new_key()
    day = today()
    async with database.write() as db:
        [(key_id,)] = await db.fetch_all(
            database.sql(
                "INSERT INTO api_keys (name, prefix, key_hash, created_day) VALUES (?, ?, ?, ?) "
                "RETURNING id"
            ),
            (name, prefix, _hash(key), day),
        )
    return key, ApiKey(id=key_id, name=name, prefix=prefix, created_day=day, revoked_day=None)


async def find_key(database: Database, presented: str) -> ApiKey | None:
    """The live key matching `presented`, or None (unknown, malformed or revoked)."""
    match = KEY_PATTERN.match(presented)
    if match is None:
        return None
    rows = await database.fetch_all(
        database.sql(
            "SELECT id, name, prefix, key_hash, created_day, revoked_day FROM api_keys "
            "WHERE prefix = ?"
        ),
        (match.group(1),),
    )
    row = rows[0] if rows else None
    if row is None or not hmac.compare_digest(bytes(row[3]), _hash(presented)) or row[5]:
        return None
    return ApiKey(id=row[0], name=row[1], prefix=row[2], created_day=row[4], revoked_day=row[5])


async def revoke_key(database: Database, prefix: str) -> bool:
    """Revoke the key with this prefix; False if there is no live key with it."""
    changed = await database.write_statement(
        database.sql(
            "UPDATE api_keys SET revoked_day = ? WHERE prefix = ? AND revoked_day IS NULL"
        ),
        (today(), prefix),
    )
    return changed == 1


async def list_keys(database: Database) -> list[ApiKeyUsage]:
    day = today()
    rows = await database.fetch_all(
        database.sql(
            """
        SELECT k.id, k.name, k.prefix, k.created_day, k.revoked_day,
               COALESCE(SUM(CASE WHEN u.day = ? THEN u.requests END), 0),
               COALESCE(SUM(u.requests), 0)
        FROM api_keys AS k LEFT JOIN api_key_usage AS u ON u.key_id = k.id
        GROUP BY k.id ORDER BY k.id
        """
        ),
        (day,),
    )
    return [
        ApiKeyUsage(
            key=ApiKey(id=r[0], name=r[1], prefix=r[2], created_day=r[3], revoked_day=r[4]),
            requests_today=int(r[5]),
            requests_total=int(r[6]),
        )
        for r in rows
    ]


async def add_usage(database: Database, counts: dict[tuple[int, str], int]) -> None:
    """Add request counts per (key id, day). Counts only: nothing about the requests."""
    if not counts:
        return
    sql = database.sql(
        "INSERT INTO api_key_usage (key_id, day, requests) VALUES (?, ?, ?) "
        "ON CONFLICT (key_id, day) DO UPDATE "
        "SET requests = api_key_usage.requests + excluded.requests"
    )
    async with database.write() as db:
        for (key_id, day), count in counts.items():
            await db.execute(sql, (key_id, day, count))
