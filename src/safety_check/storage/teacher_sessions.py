"""Teacher sessions the server can end: a hash of each signed session cookie, until it expires.

The cookie's HMAC already proves the server issued it; this table makes signing out, deleting
the class, or the purge end it at once, instead of it staying usable until its expiry.
"""

from __future__ import annotations

import hashlib
import time

from safety_check.storage.engine import Database

HOUR = 60 * 60


def session_hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def _to_the_hour(seconds: int) -> int:
    return -(-seconds // HOUR) * HOUR


async def start_session(database: Database, cohort_id: int, token: str, expires_at: int) -> None:
    """Record a live session. The row's expiry is rounded up to the hour, so the file keeps no
    exact time of anyone's sign-in; the cookie's own signed expiry stays exact."""
    await database.write_statement(
        database.sql(
            "INSERT INTO teacher_sessions (session_hash, cohort_id, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT (session_hash) DO UPDATE SET cohort_id = excluded.cohort_id, "
            "expires_at = excluded.expires_at"
        ),
        (session_hash(token), cohort_id, _to_the_hour(expires_at)),
    )


async def session_is_live(
    database: Database, cohort_id: int, token: str, now: float | None = None
) -> bool:
    rows = await database.fetch_all(
        database.sql(
            "SELECT 1 FROM teacher_sessions "
            "WHERE session_hash = ? AND cohort_id = ? AND expires_at > ?"
        ),
        (session_hash(token), cohort_id, int(now if now is not None else time.time())),
    )
    return bool(rows)


async def end_session(database: Database, token: str) -> None:
    await database.write_statement(
        database.sql("DELETE FROM teacher_sessions WHERE session_hash = ?"), (session_hash(token),)
    )


async def purge_expired_sessions(database: Database, now: float | None = None) -> int:
    return await database.write_statement(
        database.sql("DELETE FROM teacher_sessions WHERE expires_at <= ?"),
        (int(now if now is not None else time.time()),),
    )
