"""Deleting a school takes everything it holds and nothing of any other school, on both engines."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from safety_check.schools.school import NewKey, School
from safety_check.storage import Database, teacher_sessions
from safety_check.storage import schools as stored
from safety_check.storage.class_checks import create_class_check
from safety_check.storage.database import SqliteDatabase
from safety_check.storage.schools import Holdings, InvitationRefused
from tests.engines import query
from tests.storage.test_cohorts import store
from tests.storage.test_engines import database, location

# Every table that holds something of a school, and how to count the rows of school `?`.
HELD = {
    "schools": "SELECT count(*) FROM schools WHERE id = ?",
    "teachers": "SELECT count(*) FROM teachers WHERE school_id = ?",
    "school_sessions": "SELECT count(*) FROM school_sessions WHERE teacher_id IN "
    "(SELECT id FROM teachers WHERE school_id = ?)",
    "school_invitations": "SELECT count(*) FROM school_invitations WHERE school_id = ?",
    "school_views": "SELECT count(*) FROM school_views WHERE school_id = ?",
    "cohorts": "SELECT count(*) FROM cohorts WHERE school_id = ?",
    "responses": "SELECT count(*) FROM responses WHERE cohort_id IN "
    "(SELECT id FROM cohorts WHERE school_id = ?)",
    "teacher_sessions": "SELECT count(*) FROM teacher_sessions WHERE cohort_id IN "
    "(SELECT id FROM cohorts WHERE school_id = ?)",
}
__all__ = ["database", "location"]  # the fixtures of every storage test on both engines


async def full_school(database: Database, name: str) -> tuple[School, NewKey, str]:
    """A school made with an invitation, with a second teacher, two classes with responses,
    signed-in sessions and a published view; and the invitation key it was made with."""
    invitation = await stored.create_invitation(database)
    school, lead = await stored.create_school(database, name, "Ms Lead", invitation)
    other = await stored.add_teacher(database, school, "Mr Other")
    later = int(time.time()) + 3600
    await stored.start_session(database, lead.teacher, f"lead-{name}", later)
    await stored.start_session(database, other.teacher, f"other-{name}", later)
    for teacher, class_name in ((lead.teacher, f"{name} 9A"), (other.teacher, f"{name} 9B")):
        made = await create_class_check(
            database,
            name=class_name,
            age_band="13_15",
            open_days=7,
            keep_days=30,
            school_id=school.id,
            teacher_id=teacher.id,
            year_group="Year 9",
        )
        for _ in range(3):
            await store(database, made.class_check)
        await teacher_sessions.start_session(
            database, made.class_check.id, f"class-{class_name}", later
        )
    await stored.publish_view(database, school, "2026-autumn", "Year 9", b"{}")
    return school, lead, invitation


def held(location: str | Path, school: School) -> dict[str, int]:
    return {table: int(query(location, sql, school.id)[0][0]) for table, sql in HELD.items()}


async def test_a_school_goes_with_everything_it_holds_and_no_other_school_loses_anything(
    database: Database, location: str | Path
) -> None:
    gone, _, invitation = await full_school(database, "Northgate Academy")
    kept, _, _ = await full_school(database, "Southfield School")
    before = held(location, kept)
    assert all(held(location, gone).values()), held(location, gone)

    removed = await stored.delete_school(database, gone)

    assert removed == Holdings(classes=2, responses=6, teachers=2, invitations=1, views=1)
    assert held(location, gone) == dict.fromkeys(HELD, 0)
    assert held(location, kept) == before
    assert await stored.find_school(database, gone.public_id) is None
    assert await stored.find_school(database, kept.public_id) == kept
    assert await stored.delete_school(database, gone) is None
    with pytest.raises(InvitationRefused):  # its invitation cannot make another school
        await stored.create_school(database, "Again", "Ms Lead", invitation)


async def test_what_a_school_holds_is_counted_before_it_is_deleted(database: Database) -> None:
    school, _, _ = await full_school(database, "Westbrook")
    assert await stored.holdings(database, school) == Holdings(
        classes=2, responses=6, teachers=2, invitations=1, views=1
    )


async def test_deleted_keys_find_no_teacher(database: Database) -> None:
    school, lead, _ = await full_school(database, "Eastwood")
    assert await stored.find_teacher(database, lead.key) is not None
    await stored.delete_school(database, school)
    assert await stored.find_teacher(database, lead.key) is None


async def test_on_sqlite_the_deleted_school_is_nowhere_in_the_files(database: Database) -> None:
    if not isinstance(database, SqliteDatabase):
        pytest.skip("about SQLite's own files")
    school, _, _ = await full_school(database, "Quillonbury Grange")
    await stored.delete_school(database, school)
    files = [database.path, database.path.with_name(database.path.name + "-wal")]
    on_disk = b"".join(path.read_bytes() for path in files if path.exists())
    assert b"Quillonbury" not in on_disk
