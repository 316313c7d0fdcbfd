"""Schema migrations, applied in order; `PRAGMA user_version` records how many have run.

Never edit a migration that has shipped: add a new one. Statements are separated by ";".
Nothing here stores a name, an address, an IP address or free text about a person.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: partner API keys. Only a SHA-256 hash of each key is kept; `prefix` finds the row.
    """
    CREATE TABLE api_keys (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        prefix TEXT NOT NULL UNIQUE,
        key_hash BLOB NOT NULL,
        created_day TEXT NOT NULL,
        revoked_day TEXT
    );
    CREATE TABLE api_key_usage (
        key_id INTEGER NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        requests INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (key_id, day)
    ) WITHOUT ROWID
    """,
)
