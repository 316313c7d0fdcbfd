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

import msgspec
import psycopg

from safety_check.i18n import Language
from safety_check.models import AgeBand
from safety_check.schools.class_check import (
    ClassCheck,
    KeptResponse,
    NewClassCheck,
    Stored,
    school_today,
)
from safety_check.schools.codes import (
    hash_teacher_key,
    new_join_code,
    new_public_id,
    new_teacher_key,
    teacher_key_matches,
)
from safety_check.schools.record import ResponseRecord
from safety_check.storage import idempotency as keys
from safety_check.storage.engine import Database, Parameters, Row, Transaction
from safety_check.storage.group_commit import Usual
from safety_check.storage.idempotency import Idempotency, KeyReused
from safety_check.storage.teacher_sessions import purge_expired_sessions

MAX_CODE_ATTEMPTS = 8
_COLUMNS = (
    "id, public_id, join_code, name, age_band, teacher_key_hash, created_day, closes_day, "
    "closed_early_day, delete_day, school_id, teacher_id, year_group, language"
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


def _class_check(row: Row) -> ClassCheck:
    fields = dict(zip(_COLUMNS.split(", "), row, strict=True))
    return msgspec.convert(fields, ClassCheck)


async def create_class_check(
    database: Database,
    *,
    name: str,
    age_band: AgeBand | None,
    open_days: int,
    keep_days: int,
    today: dt.date | None = None,
    teacher_key: str | None = None,
    idempotency: Idempotency | None = None,
    school_id: int | None = None,
    teacher_id: int | None = None,
    year_group: str | None = None,
    language: Language = "en",
) -> NewClassCheck:
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
                        " teacher_key_hash, created_day, closes_day, delete_day, school_id,"
                        " teacher_id, year_group, language)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        " RETURNING id"
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
                        school_id,
                        teacher_id,
                        year_group,
                        language,
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
        class_check = await _one(database, "id", row_id)
        assert class_check is not None
        return NewClassCheck(class_check=class_check, teacher_key=teacher_key)
    raise RuntimeError("could not find a free join code")


class _AlreadyMade(Exception):
    """Rolls back a create whose Idempotency-Key was used before."""


async def _made_before(database: Database, record: Idempotency, teacher_key: str) -> NewClassCheck:
    used, cohort_id = await keys.first_use(database, record)
    class_check = await _one(database, "id", cohort_id) if used else None
    if class_check is None:  # deleted since, with its key record: the same key cannot come back
        raise KeyReused
    return NewClassCheck(class_check=class_check, teacher_key=teacher_key, replayed=True)


async def _one(database: Database, column: str, value: object) -> ClassCheck | None:
    rows = await database.fetch_all(database.sql(_LOOKUPS[column]), (value,))
    return _class_check(rows[0]) if rows else None


async def find_by_code(database: Database, join_code: str) -> ClassCheck | None:
    return await _one(database, "join_code", join_code)


async def find_by_public_id(database: Database, public_id: str) -> ClassCheck | None:
    return await _one(database, "public_id", public_id)


async def find_for_teacher(
    database: Database, public_id: str, teacher_key: str
) -> ClassCheck | None:
    """The class if the key is its teacher key; None alike for "not yours" and "no such class"."""
    class_check = await find_by_public_id(database, public_id)
    matches = teacher_key_matches(
        teacher_key, class_check.teacher_key_hash if class_check else _NO_KEY
    )
    return class_check if class_check is not None and matches else None


async def find_by_teacher_key(database: Database, teacher_key: str) -> ClassCheck | None:
    class_check = await _one(database, "teacher_key_hash", hash_teacher_key(teacher_key))
    if class_check is None or not teacher_key_matches(teacher_key, class_check.teacher_key_hash):
        return None
    return class_check


async def store_response(
    database: Database,
    class_check: ClassCheck,
    kept: KeptResponse,
    *,
    once: str | None = None,
    idempotency: Idempotency | None = None,
    today: dt.date | None = None,
) -> Stored:
    """Store one response: the one way a class response is written.

    One transaction, committed (perhaps with other responses: storage/group_commit.py) before
    this returns. With `once` (a join form's token), a reload, a double click or a second worker
    process stores nothing more (`ALREADY`); with `idempotency`, a retry of an API request is
    `ALREADY` and the same key for a different request `CONFLICT`. The insert checks again that
    the class is open, reading the day inside the write, so a response never lands in a check
    closed or deleted a moment earlier (`CLOSED`) and a check that closed spends no token or key.
    """
    parameters = _response_parameters(class_check, kept, today)
    insert, spend, give_back = (
        database.sql(_INSERT_RESPONSE),
        database.sql(_SPEND_TOKEN),
        database.sql("DELETE FROM spent_tokens WHERE token_hash = ?"),
    )
    token_hash = hashlib.sha256(once.encode()).digest() if once is not None else None

    async def write(db: Transaction) -> Stored:
        if token_hash is not None and await db.execute(spend, (token_hash, class_check.id)) != 1:
            return Stored.ALREADY
        if idempotency is not None and not await keys.claim(
            database, db, idempotency, class_check.id
        ):
            try:
                await keys.first_use(database, idempotency, db)
            except KeyReused:
                return Stored.CONFLICT
            return Stored.ALREADY
        if await db.execute(insert, parameters) != 1:
            # Give the token and key back inside the same transaction (it may hold others').
            if token_hash is not None:
                await db.execute(give_back, (token_hash,))
            if idempotency is not None:
                await keys.release(database, db, idempotency)
            return Stored.CLOSED
        return Stored.STORED

    # Without an Idempotency-Key, storing is one or two inserts that each add a row: alike
    # responses of a batch share them (group_commit.Usual); anything else runs `write`.
    usual = None
    if idempotency is None:
        inserts: tuple[tuple[str, Parameters], ...] = ((insert, parameters),)
        if token_hash is not None:
            inserts = ((spend, (token_hash, class_check.id)), *inserts)
        usual = Usual(inserts, Stored.STORED)
    return await database.grouped.run(write, usual)


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
    class_check: ClassCheck, kept: KeptResponse, today: dt.date | None
) -> tuple[object, ...]:
    day = today.isoformat() if today else None
    return (
        day,
        kept.content_version,
        _record_encoder.encode(kept.record),
        zlib.compress(_answers_encoder.encode(kept.answers)),
        class_check.id,
        day,
    )


async def count_responses(database: Database, class_check: ClassCheck) -> int:
    rows = await database.fetch_all(
        database.sql("SELECT count(*) FROM responses WHERE cohort_id = ?"), (class_check.id,)
    )
    return int(rows[0][0]) if rows else 0


async def response_blobs(database: Database, class_check: ClassCheck) -> list[bytes]:
    """The stored report records of a class, still encoded (see `decode_records`)."""
    rows = await database.fetch_all(
        database.sql("SELECT record FROM responses WHERE cohort_id = ?"), (class_check.id,)
    )
    return [bytes(row[0]) for row in rows]


def decode_records(blobs: list[bytes]) -> list[ResponseRecord]:
    decode = _record_decoder.decode
    return [decode(blob) for blob in blobs]


async def response_records(database: Database, class_check: ClassCheck) -> list[ResponseRecord]:
    return decode_records(await response_blobs(database, class_check))


async def close_class_check(
    database: Database, class_check: ClassCheck, today: dt.date | None = None
) -> None:
    """Close now (or record the closing day of a check that closed by date).

    Going through the writer also waits for any submission already being written (SQLite's one
    writer; PostgreSQL's row lock), so nothing can be added after the results are first shown.
    The delete day keeps its distance from closing.
    """
    day = (today or school_today()).isoformat()
    closed = min(day, class_check.closes_day)
    kept = dt.date.fromisoformat(class_check.delete_day) - dt.date.fromisoformat(
        class_check.closes_day
    )
    deletes = (dt.date.fromisoformat(closed) + kept).isoformat()
    await database.write_statement(
        database.sql(
            "UPDATE cohorts SET closed_early_day = ?, delete_day = ? "
            "WHERE id = ? AND closed_early_day IS NULL"
        ),
        (closed, deletes, class_check.id),
    )


async def delete_class_check(database: Database, class_check: ClassCheck) -> None:
    """Remove the class and every response (overwritten on disk: secure_delete is on)."""
    await database.write_statement(
        database.sql("DELETE FROM cohorts WHERE id = ?"), (class_check.id,)
    )
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


class ClassCheckSummary(msgspec.Struct, frozen=True, kw_only=True):
    public_id: str
    name: str
    open: bool
    closes_day: str
    delete_day: str
    responses: int


async def list_class_checks(
    database: Database, today: dt.date | None = None
) -> list[ClassCheckSummary]:
    rows = await database.fetch_all(database.sql(_LIST))
    summaries = []
    for row in rows:
        class_check = _class_check(row[:-1])
        summaries.append(
            ClassCheckSummary(
                public_id=class_check.public_id,
                name=class_check.name,
                open=class_check.is_open(today),
                closes_day=class_check.closed_day(),
                delete_day=class_check.delete_day,
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


_OF_SCHOOL = _SELECT + "school_id = ? AND delete_day > {today} ORDER BY id"


async def classes_of_school(database: Database, school_id: int) -> list[ClassCheck]:
    """A school's live class checks, oldest first."""
    rows = await database.fetch_all(database.sql(_OF_SCHOOL), (school_id,))
    return [_class_check(row) for row in rows]


async def records_of(database: Database, class_checks: list[ClassCheck]) -> list[ResponseRecord]:
    """The stored report records of several classes together (a school's view)."""
    records: list[ResponseRecord] = []
    for class_check in class_checks:
        records += decode_records(await response_blobs(database, class_check))
    return records
