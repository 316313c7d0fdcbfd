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
    # 2: class checks. A response row holds no name, address, device detail or time of day:
    # only the day, the content version, the report figures and the area answers.
    """
    CREATE TABLE cohorts (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        join_code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        age_band TEXT CHECK (age_band IN ('under_13', '13_15', '16_17', '18_plus')),
        teacher_key_hash BLOB NOT NULL UNIQUE,
        created_day TEXT NOT NULL,
        closes_day TEXT NOT NULL,
        closed_early_day TEXT,
        delete_day TEXT NOT NULL
    );
    CREATE INDEX cohorts_by_delete_day ON cohorts (delete_day);
    CREATE TABLE responses (
        id INTEGER PRIMARY KEY,
        cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        content_version TEXT NOT NULL,
        record BLOB NOT NULL,
        answers BLOB NOT NULL
    );
    CREATE INDEX responses_by_cohort ON responses (cohort_id);
    CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        value BLOB NOT NULL
    ) WITHOUT ROWID
    """,
    # 3: one-time form tokens already counted, so a reloaded plan page never adds a student
    # twice, whichever worker process it reaches. Only a hash of each token; nothing ties a
    # token to the response it came with (no shared key, and rows are kept in hash order).
    """
    CREATE TABLE spent_tokens (
        token_hash BLOB PRIMARY KEY,
        cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX spent_tokens_by_cohort ON spent_tokens (cohort_id)
    """,
    # 4: teacher sessions the server can end (sign out, class deleted) before the cookie expires.
    """
    CREATE TABLE teacher_sessions (
        session_hash BLOB PRIMARY KEY,
        cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX teacher_sessions_by_cohort ON teacher_sessions (cohort_id)
    """,
    # 5: Idempotency-Key records, so a retried request returns the first answer and never
    # counts twice. Only hashes: of the scope and key (to find the row), and an HMAC of the
    # request keyed by the key itself, which is never stored. Kept 24 hours (purge), and deleted
    # with their class. The hour, not the time, of the first request.
    """
    CREATE TABLE idempotency_keys (
        key_hash BLOB PRIMARY KEY,
        fingerprint BLOB NOT NULL,
        cohort_id INTEGER REFERENCES cohorts (id) ON DELETE CASCADE,
        created_hour INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX idempotency_keys_by_hour ON idempotency_keys (created_hour)
    """,
    # 6: retired form-token ids of individuals' web journeys (journey_tokens.py): hashes of
    # random ids only, never an answer. Kept until the tokens they stop would have expired.
    """
    CREATE TABLE retired_form_tokens (
        id_hash BLOB PRIMARY KEY,
        spent_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX retired_form_tokens_by_expiry ON retired_form_tokens (expires_at)
    """,
    # 7: schools (issue 21). A school has teachers, each with their own key (only its hash);
    # one or more are its leads. A teacher's label is what the lead calls them ("Ms Khan",
    # "Head of PSHE"), never a student's. An invitation key lets someone create one school.
    # A class may belong to a school and a teacher, with the year group it is for. A school's
    # view of a term and year group is kept as first published (noisy figures only), so it is
    # released once and never recomputed from a different set of classes. A school teacher's
    # web sessions are kept as hashes, so revoking their key ends them at once.
    """
    CREATE TABLE schools (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        created_day TEXT NOT NULL
    );
    CREATE TABLE teachers (
        id INTEGER PRIMARY KEY,
        school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
        public_id TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
        key_hash BLOB NOT NULL UNIQUE,
        is_lead INTEGER NOT NULL DEFAULT 0,
        created_day TEXT NOT NULL,
        revoked_day TEXT
    );
    CREATE INDEX teachers_by_school ON teachers (school_id);
    CREATE TABLE school_invitations (
        key_hash BLOB PRIMARY KEY,
        created_day TEXT NOT NULL,
        used_day TEXT
    ) WITHOUT ROWID;
    ALTER TABLE cohorts ADD COLUMN school_id INTEGER REFERENCES schools (id) ON DELETE CASCADE;
    ALTER TABLE cohorts ADD COLUMN teacher_id INTEGER REFERENCES teachers (id) ON DELETE SET NULL;
    ALTER TABLE cohorts ADD COLUMN year_group TEXT
        CHECK (year_group IS NULL OR length(year_group) BETWEEN 1 AND 20);
    CREATE INDEX cohorts_by_school ON cohorts (school_id);
    CREATE TABLE school_views (
        school_id INTEGER NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
        term_id TEXT NOT NULL,
        year_group TEXT NOT NULL,
        body BLOB NOT NULL,
        PRIMARY KEY (school_id, term_id, year_group)
    ) WITHOUT ROWID;
    CREATE TABLE school_sessions (
        session_hash BLOB PRIMARY KEY,
        teacher_id INTEGER NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX school_sessions_by_teacher ON school_sessions (teacher_id)
    """,
    # 8: an invitation remembers the school it made, so deleting the school deletes it too
    # (a spent key stays refused: the row it would be spent on is gone).
    """
    ALTER TABLE school_invitations ADD COLUMN school_id INTEGER
        REFERENCES schools (id) ON DELETE CASCADE;
    CREATE INDEX school_invitations_by_school ON school_invitations (school_id)
    """,
    # 9: the class's language (issue 20): the language its students' pages open in and its
    # report is written in. A setting of the class, never anything about a student.
    """
    ALTER TABLE cohorts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
        CHECK (language IN ('en', 'cy'))
    """,
)

# The same schema for PostgreSQL, migration for migration (the counts must stay equal). Days are
# ISO text on both engines, so the shared SQL compares them the same way.
POSTGRES_MIGRATIONS: tuple[str, ...] = (
    # 1: partner API keys.
    """
    CREATE TABLE api_keys (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        prefix TEXT NOT NULL UNIQUE,
        key_hash BYTEA NOT NULL,
        created_day TEXT NOT NULL,
        revoked_day TEXT
    );
    CREATE TABLE api_key_usage (
        key_id BIGINT NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        requests BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (key_id, day)
    )
    """,
    # 2: class checks.
    """
    CREATE TABLE cohorts (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        join_code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        age_band TEXT CHECK (age_band IN ('under_13', '13_15', '16_17', '18_plus')),
        teacher_key_hash BYTEA NOT NULL UNIQUE,
        created_day TEXT NOT NULL,
        closes_day TEXT NOT NULL,
        closed_early_day TEXT,
        delete_day TEXT NOT NULL
    );
    CREATE INDEX cohorts_by_delete_day ON cohorts (delete_day);
    CREATE TABLE responses (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        cohort_id BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        content_version TEXT NOT NULL,
        record BYTEA NOT NULL,
        answers BYTEA NOT NULL
    );
    CREATE INDEX responses_by_cohort ON responses (cohort_id);
    CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        value BYTEA NOT NULL
    )
    """,
    # 3: one-time form tokens already counted (hashes only).
    """
    CREATE TABLE spent_tokens (
        token_hash BYTEA PRIMARY KEY,
        cohort_id BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE
    );
    CREATE INDEX spent_tokens_by_cohort ON spent_tokens (cohort_id)
    """,
    # 4: teacher sessions the server can end.
    """
    CREATE TABLE teacher_sessions (
        session_hash BYTEA PRIMARY KEY,
        cohort_id BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        expires_at BIGINT NOT NULL
    );
    CREATE INDEX teacher_sessions_by_cohort ON teacher_sessions (cohort_id)
    """,
    # 5: Idempotency-Key records (see the SQLite migration).
    """
    CREATE TABLE idempotency_keys (
        key_hash BYTEA PRIMARY KEY,
        fingerprint BYTEA NOT NULL,
        cohort_id BIGINT REFERENCES cohorts (id) ON DELETE CASCADE,
        created_hour BIGINT NOT NULL
    );
    CREATE INDEX idempotency_keys_by_hour ON idempotency_keys (created_hour)
    """,
    # 6: retired form-token ids of individuals' web journeys (see the SQLite migration).
    """
    CREATE TABLE retired_form_tokens (
        id_hash BYTEA PRIMARY KEY,
        spent_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
    );
    CREATE INDEX retired_form_tokens_by_expiry ON retired_form_tokens (expires_at)
    """,
    # 7: schools (see the SQLite migration).
    """
    CREATE TABLE schools (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        created_day TEXT NOT NULL
    );
    CREATE TABLE teachers (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
        public_id TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
        key_hash BYTEA NOT NULL UNIQUE,
        is_lead INTEGER NOT NULL DEFAULT 0,
        created_day TEXT NOT NULL,
        revoked_day TEXT
    );
    CREATE INDEX teachers_by_school ON teachers (school_id);
    CREATE TABLE school_invitations (
        key_hash BYTEA PRIMARY KEY,
        created_day TEXT NOT NULL,
        used_day TEXT
    );
    ALTER TABLE cohorts ADD COLUMN school_id BIGINT REFERENCES schools (id) ON DELETE CASCADE;
    ALTER TABLE cohorts ADD COLUMN teacher_id BIGINT REFERENCES teachers (id) ON DELETE SET NULL;
    ALTER TABLE cohorts ADD COLUMN year_group TEXT
        CHECK (year_group IS NULL OR length(year_group) BETWEEN 1 AND 20);
    CREATE INDEX cohorts_by_school ON cohorts (school_id);
    CREATE TABLE school_views (
        school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
        term_id TEXT NOT NULL,
        year_group TEXT NOT NULL,
        body BYTEA NOT NULL,
        PRIMARY KEY (school_id, term_id, year_group)
    );
    CREATE TABLE school_sessions (
        session_hash BYTEA PRIMARY KEY,
        teacher_id BIGINT NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
        expires_at BIGINT NOT NULL
    );
    CREATE INDEX school_sessions_by_teacher ON school_sessions (teacher_id)
    """,
    # 8: as for SQLite.
    """
    ALTER TABLE school_invitations ADD COLUMN school_id BIGINT
        REFERENCES schools (id) ON DELETE CASCADE;
    CREATE INDEX school_invitations_by_school ON school_invitations (school_id)
    """,
    # 9: as for SQLite.
    """
    ALTER TABLE cohorts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
        CHECK (language IN ('en', 'cy'))
    """,
)
