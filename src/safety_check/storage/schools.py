"""Schools, their teachers and invitations: only hashes of keys are stored, never a key.

A school is deleted with everything under it (`delete_school`: its teachers' keys and sessions,
its classes with their responses, the invitation it was made with, its views); a teacher who is
removed leaves their classes to the school (the lead still sees them).
"""

from __future__ import annotations

import time

import msgspec

from safety_check.schools.class_check import school_today
from safety_check.schools.codes import hash_teacher_key, new_public_id
from safety_check.schools.school import (
    INVITATION_PREFIX,
    NewKey,
    School,
    Teacher,
    new_school_key,
)
from safety_check.storage.engine import Database, Row, Transaction
from safety_check.storage.teacher_sessions import session_hash

_SCHOOL = "id, public_id, name, created_day"
_TEACHER = "id, school_id, public_id, label, is_lead, created_day, revoked_day"
# Every query is built here from constant column names, never from input.
_TEACHER_BY_KEY = "SELECT " + _TEACHER + " FROM teachers WHERE key_hash = ?"  # noqa: S608
_SCHOOL_BY_ID = "SELECT " + _SCHOOL + " FROM schools WHERE id = ?"  # noqa: S608
_TEACHERS_OF = (
    "SELECT " + _TEACHER + " FROM teachers WHERE school_id = ? ORDER BY id"  # noqa: S608
)


class InvitationRefused(Exception):
    """The invitation key is unknown or was used before."""


def _school(row: Row) -> School:
    return msgspec.convert(dict(zip(_SCHOOL.split(", "), row, strict=True)), School)


def _teacher(row: Row) -> Teacher:
    fields = dict(zip(_TEACHER.split(", "), row, strict=True))
    fields["is_lead"] = bool(fields["is_lead"])
    return msgspec.convert(fields, Teacher)


async def create_invitation(database: Database) -> str:
    """A key that lets someone create one school; shown once to the operator."""
    key = new_school_key(INVITATION_PREFIX)
    await database.write_statement(
        database.sql("INSERT INTO school_invitations (key_hash, created_day) VALUES (?, ?)"),
        (hash_teacher_key(key), school_today().isoformat()),
    )
    return key


async def create_school(
    database: Database, name: str, lead_label: str, invitation: str | None = None
) -> tuple[School, NewKey]:
    """A new school and its first lead. With `invitation`, the key is spent in the same
    transaction (InvitationRefused if it is unknown or spent); without, the operator made it."""
    day = school_today().isoformat()
    key = new_school_key()
    async with database.write() as db:
        if invitation is not None:
            spent = await db.execute(
                database.sql(
                    "UPDATE school_invitations SET used_day = ? "
                    "WHERE key_hash = ? AND used_day IS NULL"
                ),
                (day, hash_teacher_key(invitation)),
            )
            if spent != 1:
                raise InvitationRefused
        [(school_id,)] = await db.fetch_all(
            database.sql(
                "INSERT INTO schools (public_id, name, created_day) VALUES (?, ?, ?) RETURNING id"
            ),
            (new_public_id(), name, day),
        )
        if invitation is not None:
            await db.execute(
                database.sql("UPDATE school_invitations SET school_id = ? WHERE key_hash = ?"),
                (school_id, hash_teacher_key(invitation)),
            )
        await _insert_teacher(database, db, int(school_id), lead_label, key, lead=True)
        [school_row] = await db.fetch_all(database.sql(_SCHOOL_BY_ID), (school_id,))
        [teacher_row] = await db.fetch_all(database.sql(_TEACHER_BY_KEY), (hash_teacher_key(key),))
    return _school(school_row), NewKey(teacher=_teacher(teacher_row), key=key)


async def _insert_teacher(
    database: Database, db: Transaction, school_id: int, label: str, key: str, *, lead: bool
) -> None:
    await db.execute(
        database.sql(
            "INSERT INTO teachers (school_id, public_id, label, key_hash, is_lead, created_day) "
            "VALUES (?, ?, ?, ?, ?, ?)"
        ),
        (school_id, new_public_id(), label, hash_teacher_key(key), int(lead), _today()),
    )


def _today() -> str:
    return school_today().isoformat()


async def add_teacher(
    database: Database, school: School, label: str, *, lead: bool = False
) -> NewKey:
    key = new_school_key()
    async with database.write() as db:
        await _insert_teacher(database, db, school.id, label, key, lead=lead)
        [row] = await db.fetch_all(database.sql(_TEACHER_BY_KEY), (hash_teacher_key(key),))
    return NewKey(teacher=_teacher(row), key=key)


async def find_teacher(database: Database, key: str) -> tuple[Teacher, School] | None:
    """The live (not revoked) teacher holding `key`, and their school; None for any other key."""
    rows = await database.fetch_all(database.sql(_TEACHER_BY_KEY), (hash_teacher_key(key),))
    teacher = _teacher(rows[0]) if rows else None
    if teacher is None or teacher.revoked_day is not None:
        return None
    [school_row] = await database.fetch_all(database.sql(_SCHOOL_BY_ID), (teacher.school_id,))
    return teacher, _school(school_row)


async def teachers_of(database: Database, school: School) -> list[Teacher]:
    return [
        _teacher(row) for row in await database.fetch_all(database.sql(_TEACHERS_OF), (school.id,))
    ]


async def revoke_teacher(database: Database, school: School, teacher_public_id: str) -> bool:
    """Stop a teacher's key working; False if no such teacher in this school."""
    async with database.write() as db:
        changed = await db.execute(
            database.sql(
                "UPDATE teachers SET revoked_day = ? WHERE school_id = ? AND public_id = ? "
                "AND revoked_day IS NULL"
            ),
            (_today(), school.id, teacher_public_id),
        )
        await _end_sessions_of(database, db, school, teacher_public_id)
    return changed == 1


async def _end_sessions_of(
    database: Database, db: Transaction, school: School, teacher_public_id: str
) -> None:
    """A revoked or replaced key's web sessions end with it."""
    await db.execute(
        database.sql(
            "DELETE FROM school_sessions WHERE teacher_id IN "
            "(SELECT id FROM teachers WHERE school_id = ? AND public_id = ?)"
        ),
        (school.id, teacher_public_id),
    )


async def new_key_for(database: Database, school: School, teacher_public_id: str) -> NewKey | None:
    """A new key for a teacher of this school (a lost key, or one revoked): the old one stops
    working at once. None if there is no such teacher."""
    key = new_school_key()
    async with database.write() as db:
        changed = await db.execute(
            database.sql(
                "UPDATE teachers SET key_hash = ?, revoked_day = NULL "
                "WHERE school_id = ? AND public_id = ?"
            ),
            (hash_teacher_key(key), school.id, teacher_public_id),
        )
        if changed != 1:
            return None
        await _end_sessions_of(database, db, school, teacher_public_id)
        [row] = await db.fetch_all(database.sql(_TEACHER_BY_KEY), (hash_teacher_key(key),))
    return NewKey(teacher=_teacher(row), key=key)


async def list_schools(database: Database) -> list[tuple[School, int, int]]:
    """Every school with its number of live teachers and of classes, for the operator."""
    rows = await database.fetch_all(
        database.sql(
            "SELECT " + _SCHOOL + ", "  # noqa: S608 (constant columns)
            "(SELECT count(*) FROM teachers t WHERE t.school_id = schools.id "
            "AND t.revoked_day IS NULL), "
            "(SELECT count(*) FROM cohorts c WHERE c.school_id = schools.id) "
            "FROM schools ORDER BY id"
        )
    )
    return [(_school(row[:4]), int(row[4]), int(row[5])) for row in rows]


class Holdings(msgspec.Struct, frozen=True, kw_only=True):
    """What a school holds, all of which goes when it is deleted."""

    classes: int
    responses: int
    teachers: int
    """Teacher keys, revoked ones included."""
    invitations: int
    views: int
    """Published school views."""


_HOLDINGS = (
    "SELECT "
    "(SELECT count(*) FROM cohorts WHERE school_id = ?), "
    "(SELECT count(*) FROM responses WHERE cohort_id IN "
    "(SELECT id FROM cohorts WHERE school_id = ?)), "
    "(SELECT count(*) FROM teachers WHERE school_id = ?), "
    "(SELECT count(*) FROM school_invitations WHERE school_id = ?), "
    "(SELECT count(*) FROM school_views WHERE school_id = ?)"
)


async def holdings(database: Database, school: School) -> Holdings:
    [row] = await database.fetch_all(database.sql(_HOLDINGS), (school.id,) * 5)
    return _holdings(row)


def _holdings(row: Row) -> Holdings:
    classes, responses, teachers, invitations, views = (int(value) for value in row)
    return Holdings(
        classes=classes,
        responses=responses,
        teachers=teachers,
        invitations=invitations,
        views=views,
    )


async def find_school(database: Database, public_id: str) -> School | None:
    rows = await database.fetch_all(
        database.sql("SELECT " + _SCHOOL + " FROM schools WHERE public_id = ?"),  # noqa: S608
        (public_id,),
    )
    return _school(rows[0]) if rows else None


async def delete_school(database: Database, school: School) -> Holdings | None:
    """Delete the school with everything it holds, in one transaction: its classes with their
    responses, tokens and sessions, its teachers' keys and sessions, the invitation it was made
    with and its published views (the schema's cascades). What was removed, counted in the same
    transaction; None if it was already gone. On SQLite the pages are overwritten
    (secure_delete) and the log is checkpointed, so nothing is left to read back."""
    async with database.write() as db:
        [row] = await db.fetch_all(database.sql(_HOLDINGS), (school.id,) * 5)
        deleted = await db.execute(database.sql("DELETE FROM schools WHERE id = ?"), (school.id,))
    if deleted != 1:
        return None
    await database.checkpoint()
    return _holdings(row)


__all__ = [
    "Holdings",
    "InvitationRefused",
    "add_teacher",
    "create_invitation",
    "create_school",
    "delete_school",
    "find_school",
    "find_teacher",
    "holdings",
    "list_schools",
    "new_key_for",
    "revoke_teacher",
    "teachers_of",
]


async def published_view(
    database: Database, school: School, term_id: str, year_group: str
) -> bytes | None:
    """A school view as first published, if it has been."""
    rows = await database.fetch_all(
        database.sql(
            "SELECT body FROM school_views WHERE school_id = ? AND term_id = ? AND year_group = ?"
        ),
        (school.id, term_id, year_group),
    )
    return bytes(rows[0][0]) if rows else None


async def publish_view(
    database: Database, school: School, term_id: str, year_group: str, body: bytes
) -> bytes:
    """Keep a school view as published; if another request published it first, theirs wins
    and is returned, so it is released once."""
    async with database.write() as db:
        await db.execute(
            database.sql(
                "INSERT INTO school_views (school_id, term_id, year_group, body) "
                "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
            ),
            (school.id, term_id, year_group, body),
        )
        [(kept,)] = await db.fetch_all(
            database.sql(
                "SELECT body FROM school_views "
                "WHERE school_id = ? AND term_id = ? AND year_group = ?"
            ),
            (school.id, term_id, year_group),
        )
    return bytes(kept)


async def start_session(database: Database, teacher: Teacher, token: str, expires_at: int) -> None:
    await database.write_statement(
        database.sql(
            "INSERT INTO school_sessions (session_hash, teacher_id, expires_at) VALUES (?, ?, ?)"
        ),
        (session_hash(token), teacher.id, expires_at),
    )


async def session_teacher(
    database: Database, token: str, now: int
) -> tuple[Teacher, School] | None:
    """The live teacher of a live session, and their school."""
    rows = await database.fetch_all(
        database.sql(
            "SELECT t." + ", t.".join(_TEACHER.split(", ")) + " FROM school_sessions s "  # noqa: S608
            "JOIN teachers t ON t.id = s.teacher_id "
            "WHERE s.session_hash = ? AND s.expires_at > ? AND t.revoked_day IS NULL"
        ),
        (session_hash(token), now),
    )
    if not rows:
        return None
    teacher = _teacher(rows[0])
    [school_row] = await database.fetch_all(database.sql(_SCHOOL_BY_ID), (teacher.school_id,))
    return teacher, _school(school_row)


async def end_session(database: Database, token: str) -> None:
    await database.write_statement(
        database.sql("DELETE FROM school_sessions WHERE session_hash = ? OR expires_at <= ?"),
        (session_hash(token), int(time.time())),
    )
