"""Migration 9: a class's language. Classes made before it read as English; only the languages
the service knows can be stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from safety_check.storage import SqliteDatabase as Database
from safety_check.storage.class_checks import create_class_check, find_by_public_id
from safety_check.storage.migrations import MIGRATIONS

BEFORE = 8
"""The schema version before classes had a language."""

OLD_CLASS = (
    "INSERT INTO cohorts (public_id, join_code, name, age_band, teacher_key_hash, created_day,"
    " closes_day, delete_day) VALUES ('old', 'OLDCODE1', '8B', NULL, x'00', '2026-11-01',"
    " '2026-11-07', '2027-01-01')"
)


def at_version(path: Path, version: int) -> None:
    """A database file migrated by hand to `version`, as an older release left it."""
    connection = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        connection.executescript(script)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.commit()
    connection.close()


async def test_a_class_made_before_the_migration_reads_as_english(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    at_version(path, BEFORE)
    connection = sqlite3.connect(path)
    connection.execute(OLD_CLASS)
    connection.commit()
    connection.close()
    database = Database(path)
    await database.open()
    try:
        old = await find_by_public_id(database, "old")
        assert old is not None and old.language == "en"
        made = await create_class_check(
            database, name="9C", age_band=None, open_days=7, keep_days=30, language="cy"
        )
        again = await find_by_public_id(database, made.class_check.public_id)
        assert again is not None and again.language == "cy"
    finally:
        await database.close()


async def test_only_known_languages_can_be_stored(tmp_path: Path) -> None:
    database = Database(tmp_path / "new.db")
    await database.open()
    await database.close()
    connection = sqlite3.connect(tmp_path / "new.db")
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            OLD_CLASS.replace("(public_id,", "(language, public_id,").replace(
                "VALUES ('old',", "VALUES ('fr', 'old',"
            )
        )
    connection.close()
