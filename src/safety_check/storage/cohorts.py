"""Class checks in SQLite: creating, joining, storing responses, reading figures, expiry.

All days are UK calendar days (Europe/London) (ISO text); nothing finer is stored. A check is open until the end
of its closing day unless the teacher closes it early, and its data are deleted on its delete day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import sqlite3
import zlib
from typing import Literal

import msgspec
import psycopg

from safety_check.models import AgeBand
from safety_check.schools.codes import (
    hash_teacher_key,
    new_join_code,
    new_public_id,
    new_teacher_key,
    teacher_key_matches,
)
from safety_check.schools.cohort import Cohort, NewCohort, school_today
from safety_check.schools.record import ResponseRecord
from safety_check.storage import idempotency as keys
from safety_check.storage.engine import Database, Row, Transaction
from safety_check.storage.idempotency import Idempotency, KeyReused
from safety_check.storage.teacher_sessions import purge_expired_sessions

MAX_CODE_ATTEMPTS = 8
_COLUMNS = (
    "id, public_id, join_code, name, age_band, teacher_key_hash, created_day, closes_day, "
    "closed_early_day, delete_day"
)
_record_encoder = msgspec.msgpack.Encoder()
_record_decoder = msgspec.msgpack.Decoder(ResponseRecord)
_answers_encoder = msgspec.msgpack.Encoder()
_NO_KEY = hash_teacher_key("")
# Every query is built here from constant column names, never from input.
_SELECT = "SELECT " + _COLUMNS + " FROM cohorts WHERE "  # noqa: S608
# A class past its delete day is gone even before the purge has run.
_LOOKUPS = {
    column: _SELECT + column + " = ? AND delete_day > {today}"
    for column in ("join_code", "public_id", "teacher_key_hash")
}
_LOOKUPS["id"] = _SELECT + "id = ?"  # only straight after creating it
_LIST = (
    "SELECT " + _COLUMNS + ", (SELECT count(*) FROM responses WHERE cohort_id = cohorts.id) "  # noqa: S608
    "FROM cohorts ORDER BY id"
)


def _cohort(row: Row) -> Cohort:
    fields = dict(zip(_COLUMNS.split(", "), row, strict=True))
    return msgspec.convert(fields, Cohort)


async def create_cohort(
    database: Database,
    *,
    name: str,
    age_band: AgeBand | None,
    open_days: int,
    keep_days: int,
    today: dt.date | None = None,
    teacher_key: str | None = None,
    idempotency: Idempotency | None = None,
) -> NewCohort:
    """A new class check with a fresh join code, public id and teacher key.

    With `idempotency`, a second call with the same key returns the class the first made (with
    `teacher_key`, which the caller derives from the key, so it need not be stored), and makes
    nothing new; a different request with the same key raises `KeyReused`.
    """
    day = today or school_today()
    closes = day + dt.timedelta(days=open_days - 1)  # "open for 7 days" includes today
    deletes = closes + dt.timedelta(days=keep_days)
    teacher_key = teacher_key or new_teacher_key()
    for _ in range(MAX_CODE_ATTEMPTS):
        code, public_id = new_join_code(), new_public_id()
        try:
            async with database.write() as db:
                if idempotency and not await keys.claim(database, db, idempotency, None):
                    raise _AlreadyMade
                [(row_id,)] = await db.fetch_all(
                    database.sql(
                        "INSERT INTO cohorts (public_id, join_code, name, age_band,"
                        " teacher_key_hash, created_day, closes_day, delete_day)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
                    ),
                    (
                        public_id,
                        code,
                        name,
                        age_band,
                        hash_teacher_key(teacher_key),
                        day.isoformat(),
                        closes.isoformat(),
                        deletes.isoformat(),
                    ),
                )
                if idempotency:
                    await db.execute(
                        database.sql(
                            "UPDATE idempotency_keys SET cohort_id = ? WHERE key_hash = ?"
                        ),
                        (row_id, idempotency.key_hash),
                    )
        except (sqlite3.IntegrityError, psycopg.errors.UniqueViolation):
            continue
        except _AlreadyMade:
            assert idempotency is not None
            return await _made_before(
                database, idempotency, teacher_key
            )  # a join code or id collided with a live one: draw again
        cohort = await _one(database, "id", row_id)
        assert cohort is not None
        return NewCohort(cohort=cohort, teacher_key=teacher_key)
    raise RuntimeError("could not find a free join code")


class _AlreadyMade(Exception):
    """Rolls back a create whose Idempotency-Key was used before."""


async def _made_before(database: Database, record: Idempotency, teacher_key: str) -> NewCohort:
    used, cohort_id = await keys.first_use(database, record)
    cohort = await _one(database, "id", cohort_id) if used else None
    if cohort is None:  # deleted since, with its key record: the same key cannot come back
        raise KeyReused
    return NewCohort(cohort=cohort, teacher_key=teacher_key, replayed=True)


async def _one(database: Database, column: str, value: object) -> Cohort | None:
    rows = await database.fetch_all(database.sql(_LOOKUPS[column]), (value,))
    return _cohort(rows[0]) if rows else None


async def find_by_code(database: Database, join_code: str) -> Cohort | None:
    return await _one(database, "join_code", join_code)


async def find_by_public_id(database: Database, public_id: str) -> Cohort | None:
    return await _one(database, "public_id", public_id)


async def find_for_teacher(database: Database, public_id: str, teacher_key: str) -> Cohort | None:
    """The class if the key is its teacher key; None alike for "not yours" and "no such class"."""
    cohort = await find_by_public_id(database, public_id)
    matches = teacher_key_matches(teacher_key, cohort.teacher_key_hash if cohort else _NO_KEY)
    return cohort if cohort is not None and matches else None


async def find_by_teacher_key(database: Database, teacher_key: str) -> Cohort | None:
    cohort = await _one(database, "teacher_key_hash", hash_teacher_key(teacher_key))
    if cohort is None or not teacher_key_matches(teacher_key, cohort.teacher_key_hash):
        return None
    return cohort


async def store_response(
    database: Database,
    cohort: Cohort,
    *,
    content_version: str,
    record: ResponseRecord,
    answers: dict[str, str | tuple[str, ...]],
    today: dt.date | None = None,
) -> bool:
    """Store one response; True once it is committed, False if the check has closed meanwhile."""
    # One statement, committed (perhaps with other responses: storage/group_commit.py) before
    # this returns. It checks again that the class is open, so a response can never land in a
    # check closed or deleted a moment earlier, and it reads the day inside the write, so a
    # submission queued at midnight cannot slip into a check whose results are already shown.
    parameters = _response_parameters(cohort, content_version, record, answers, today)
    sql = database.sql(_INSERT_RESPONSE)

    async def insert(db: Transaction) -> bool:
        return await db.execute(sql, parameters) == 1

    return await database.grouped.run(insert)


StoreOutcome = Literal["stored", "closed", "already"]


async def store_response_once(
    database: Database,
    cohort: Cohort,
    *,
    once: str,
    content_version: str,
    record: ResponseRecord,
    answers: dict[str, str | tuple[str, ...]],
    today: dt.date | None = None,
) -> StoreOutcome:
    """Store a response unless one with this form token was stored before.

    The token and the response commit together, so a reload, a double click or a second
    worker process can never count one student twice, and a check that closed meanwhile spends
    no token.
    """
    token_hash = hashlib.sha256(once.encode()).digest()
    parameters = _response_parameters(cohort, content_version, record, answers, today)
    spend, insert, give_back = (
        database.sql(_SPEND_TOKEN),
        database.sql(_INSERT_RESPONSE),
        database.sql("DELETE FROM spent_tokens WHERE token_hash = ?"),
    )

    async def insert_once(db: Transaction) -> StoreOutcome:
        if await db.execute(spend, (token_hash, cohort.id)) != 1:
            return "already"
        if await db.execute(insert, parameters) != 1:
            # Give the token back inside the same transaction (it may be shared with others).
            await db.execute(give_back, (token_hash,))
            return "closed"
        return "stored"

    return await database.grouped.run(insert_once)


StoreKeyedOutcome = Literal["stored", "closed", "already", "conflict"]


async def store_response_keyed(
    database: Database,
    cohort: Cohort,
    *,
    idempotency: Idempotency,
    content_version: str,
    record: ResponseRecord,
    answers: dict[str, str | tuple[str, ...]],
    today: dt.date | None = None,
) -> StoreKeyedOutcome:
    """Store a response unless this Idempotency-Key stored one before ("already"), or was used
    for a different request ("conflict"). The key record commits with the response."""
    parameters = _response_parameters(cohort, content_version, record, answers, today)
    insert = database.sql(_INSERT_RESPONSE)

    async def insert_keyed(db: Transaction) -> StoreKeyedOutcome:
        if not await keys.claim(database, db, idempotency, cohort.id):
            try:
                await keys.first_use(database, idempotency, db)
            except KeyReused:
                return "conflict"
            return "already"
        if await db.execute(insert, parameters) != 1:
            await keys.release(database, db, idempotency)
            return "closed"
        return "stored"

    return await database.grouped.run(insert_keyed)


_INSERT_RESPONSE = (
    "INSERT INTO responses (cohort_id, day, content_version, record, answers) "
    "SELECT id, coalesce(?, {today}), ?, ?, ? FROM cohorts "
    "WHERE id = ? AND closed_early_day IS NULL AND closes_day >= coalesce(?, {today}) "
    "{lock_open}"
)
_SPEND_TOKEN = (
    "INSERT INTO spent_tokens (token_hash, cohort_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
)


def _response_parameters(
    cohort: Cohort,
    content_version: str,
    record: ResponseRecord,
    answers: dict[str, str | tuple[str, ...]],
    today: dt.date | None,
) -> tuple[object, ...]:
    day = today.isoformat() if today else None
    return (
        day,
        content_version,
        _record_encoder.encode(record),
        zlib.compress(_answers_encoder.encode(answers)),
        cohort.id,
        day,
    )


async def count_responses(database: Database, cohort: Cohort) -> int:
    rows = await database.fetch_all(
        database.sql("SELECT count(*) FROM responses WHERE cohort_id = ?"), (cohort.id,)
    )
    return int(rows[0][0]) if rows else 0


async def response_blobs(database: Database, cohort: Cohort) -> list[bytes]:
    """The stored report records of a class, still encoded (see `decode_records`)."""
    rows = await database.fetch_all(
        database.sql("SELECT record FROM responses WHERE cohort_id = ?"), (cohort.id,)
    )
    return [bytes(row[0]) for row in rows]


def decode_records(blobs: list[bytes]) -> list[ResponseRecord]:
    decode = _record_decoder.decode
    return [decode(blob) for blob in blobs]


async def response_records(database: Database, cohort: Cohort) -> list[ResponseRecord]:
    return decode_records(await response_blobs(database, cohort))


async def close_cohort(database: Database, cohort: Cohort, today: dt.date | None = None) -> None:
    """Close now (or record the closing day of a check that closed by date).

    Going through the writer also waits for any submission already being written (SQLite's one
    writer; PostgreSQL's row lock), so nothing can be added after the results are first shown.
    The delete day keeps its distance from closing.
    """
    day = (today or school_today()).isoformat()
    closed = min(day, cohort.closes_day)
    kept = dt.date.fromisoformat(cohort.delete_day) - dt.date.fromisoformat(cohort.closes_day)
    deletes = (dt.date.fromisoformat(closed) + kept).isoformat()
    await database.write_statement(
        database.sql(
            "UPDATE cohorts SET closed_early_day = ?, delete_day = ? "
            "WHERE id = ? AND closed_early_day IS NULL"
        ),
        (closed, deletes, cohort.id),
    )


async def delete_cohort(database: Database, cohort: Cohort) -> None:
    """Remove the class and every response (overwritten on disk: secure_delete is on)."""
    await database.write_statement(database.sql("DELETE FROM cohorts WHERE id = ?"), (cohort.id,))
    await database.checkpoint()


async def purge_expired(database: Database, today: dt.date | None = None) -> tuple[int, int]:
    """Delete every class check whose delete day has come; return (classes, responses) removed."""
    day = (today or school_today()).isoformat()
    async with database.write() as db:
        rows = await db.fetch_all(
            database.sql(
                "SELECT count(*) FROM responses WHERE cohort_id IN "
                "(SELECT id FROM cohorts WHERE delete_day <= ?)"
            ),
            (day,),
        )
        responses = int(rows[0][0]) if rows else 0
        classes = await db.execute(
            database.sql("DELETE FROM cohorts WHERE delete_day <= ?"), (day,)
        )
    # Sessions of live classes that have simply expired; those of deleted classes went with them.
    await purge_expired_sessions(database)
    await keys.purge_old_keys(database)
    if classes:
        await database.checkpoint()
    return classes, responses


class CohortSummary(msgspec.Struct, frozen=True, kw_only=True):
    public_id: str
    name: str
    open: bool
    closes_day: str
    delete_day: str
    responses: int


async def list_cohorts(database: Database, today: dt.date | None = None) -> list[CohortSummary]:
    rows = await database.fetch_all(database.sql(_LIST))
    summaries = []
    for row in rows:
        cohort = _cohort(row[:-1])
        summaries.append(
            CohortSummary(
                public_id=cohort.public_id,
                name=cohort.name,
                open=cohort.is_open(today),
                closes_day=cohort.closed_day(),
                delete_day=cohort.delete_day,
                responses=int(row[-1]),
            )
        )
    return summaries


async def session_secret(database: Database) -> bytes:
    """The key that signs teacher sessions: made once, kept in the database for every worker."""
    async with database.write() as db:
        await db.execute(
            database.sql(
                "INSERT INTO secrets (name, value) VALUES ('session', ?) ON CONFLICT DO NOTHING"
            ),
            (secrets.token_bytes(32),),
        )
        [(value,)] = await db.fetch_all("SELECT value FROM secrets WHERE name = 'session'")
    return bytes(value)
