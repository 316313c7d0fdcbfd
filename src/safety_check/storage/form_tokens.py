"""Retired form-token ids of individuals' journeys: hashes of random ids and two times, nothing
else (no answer, no address, nothing that ties a row to a person or to another row).

A page's token is spent when its form is sent (`spent_at` is then), and the exit retires a
whole journey (`spent_at` 0: no grace). Rows go when the tokens they stop would have expired.
"""

from __future__ import annotations

from safety_check.storage.engine import Database


async def spent_at(database: Database, first: bytes, second: bytes) -> dict[bytes, int]:
    """When each of these two ids (a journey's and a page's) was retired, for those that were."""
    rows = await database.fetch_all(
        database.sql(
            "SELECT id_hash, spent_at FROM retired_form_tokens WHERE id_hash = ? OR id_hash = ?"
        ),
        (first, second),
    )
    return {bytes(row[0]): int(row[1]) for row in rows}


async def retire(database: Database, id_hash: bytes, at: int, until: int) -> None:
    """Retire an id until `until`; retiring it again keeps the earlier time and later expiry."""
    await database.write_statement(
        database.sql(
            "INSERT INTO retired_form_tokens (id_hash, spent_at, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT (id_hash) DO UPDATE SET "
            "spent_at = CASE WHEN excluded.spent_at < retired_form_tokens.spent_at "
            "THEN excluded.spent_at ELSE retired_form_tokens.spent_at END, "
            "expires_at = CASE WHEN excluded.expires_at > retired_form_tokens.expires_at "
            "THEN excluded.expires_at ELSE retired_form_tokens.expires_at END"
        ),
        (id_hash, at, until),
    )


async def purge_expired(database: Database, now: int) -> int:
    return await database.write_statement(
        database.sql("DELETE FROM retired_form_tokens WHERE expires_at <= ?"), (now,)
    )
