"""The operator's class-check commands: `cohorts list`, `purge` and `backup PATH`.

An operator runs these against the live database file, so they must report what they did in
plain words, delete exactly the classes whose delete day has come, write a backup that is a
complete and intact copy, and refuse to overwrite anything with a one-line error, never a
traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from safety_check.cli import EXIT_BAD_INPUT, main
from safety_check.models import AREAS
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.schools.class_check import KeptResponse, NewClassCheck, Stored
from safety_check.schools.record import ResponseRecord
from safety_check.storage import SqliteDatabase as Database
from safety_check.storage.class_checks import create_class_check, store_response

LONG_AGO = dt.date(2020, 1, 1)


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file the CLI uses, set the way an operator sets it: through the environment."""
    path = tmp_path / "schools.db"
    monkeypatch.setenv("SAFETY_CHECK_DATABASE", str(path))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add_class(
    path: Path, name: str, *, today: dt.date | None = None, responses: int = 0
) -> NewClassCheck:
    """A class check made through storage on the same file the CLI opens, with responses."""

    async def work() -> NewClassCheck:
        database = Database(path)
        await database.open()
        try:
            created = await create_class_check(
                database, name=name, age_band=None, open_days=7, keep_days=30, today=today
            )
            record = ResponseRecord(scores=tuple(50 for _ in AREAS), recommended=())
            for _ in range(responses):
                kept = KeptResponse(
                    content_version=CONTENT_VERSION,
                    record=record,
                    answers={"account_security.password_reuse": "no"},
                )
                stored = await store_response(database, created.class_check, kept, today=today)
                assert stored is Stored.STORED
            return created
        finally:
            await database.close()

    return asyncio.run(work())


def rows(path: Path, table: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()  # noqa: S608


def test_cohorts_list_empty_then_with_a_class(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    """The operator sees each class's id, state, days and count, and never its teacher key."""
    code, out, err = run(capsys, "cohorts", "list")
    assert (code, out, err) == (0, "No class checks.\n", "")

    created = add_class(database, "Year 9 PSHE", responses=2)
    code, out, err = run(capsys, "cohorts", "list")
    assert code == 0
    assert err == ""
    [line] = out.splitlines()
    assert line.startswith(created.class_check.public_id + "  open until")
    assert created.class_check.closes_day in line
    assert f"delete on {created.class_check.delete_day}" in line
    assert "responses      2" in line
    assert line.endswith("Year 9 PSHE")
    assert created.teacher_key not in out
    assert created.class_check.join_code not in out


def test_purge_removes_only_classes_past_their_delete_day(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    """Data never outlive the day the teacher chose; a live class is untouched."""
    old = add_class(database, "Old class", today=LONG_AGO, responses=3)
    live = add_class(database, "Live class", responses=1)
    assert old.class_check.delete_day < dt.datetime.now(dt.UTC).date().isoformat()
    listed = run(capsys, "cohorts", "list")[1]
    assert "closed" in listed.splitlines()[0] and "Old class" in listed

    code, out, err = run(capsys, "purge")
    assert code == 0
    assert err == ""
    assert out == "Deleted 1 expired class checks and 3 responses.\n"
    assert [row[1] for row in rows(database, "cohorts")] == [live.class_check.public_id]
    assert len(rows(database, "responses")) == 1

    code, out, _ = run(capsys, "purge")
    assert code == 0
    assert out == "Deleted 0 expired class checks and 0 responses.\n"
    listed = run(capsys, "cohorts", "list")[1]
    assert "Old class" not in listed and "Live class" in listed


def test_backup_writes_an_intact_copy_with_the_same_rows(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    """The copy holds everything the service keeps, so only its owner may read it."""
    add_class(database, "8B", responses=2)
    add_class(database, "8C", responses=1)
    target = tmp_path / "copy.db"

    code, out, err = run(capsys, "backup", str(target))
    assert code == 0, err
    assert err == ""
    assert str(target) in out
    assert target.is_file()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not target.with_name(target.name + ".partial").exists()
    with contextlib.closing(sqlite3.connect(target)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    for table in ("cohorts", "responses", "secrets", "api_keys"):
        assert rows(target, table) == rows(database, table), table
    assert len(rows(target, "cohorts")) == 2
    assert len(rows(target, "responses")) == 3


def test_backup_never_overwrites_and_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    """An existing file could be the last good backup: refused with exit 2 and one line."""
    add_class(database, "8B", responses=1)
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"the last good backup")

    code, out, err = run(capsys, "backup", str(existing))
    assert code == EXIT_BAD_INPUT == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("safety-check: ")
    assert "already exists" in err
    assert "Traceback" not in err
    assert existing.read_bytes() == b"the last good backup"

    missing_dir = tmp_path / "no" / "such" / "dir" / "copy.db"
    code, out, err = run(capsys, "backup", str(missing_dir))
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("safety-check: ")
    assert "Traceback" not in err
    assert not missing_dir.exists()


def test_schools_create_invite_and_list(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The operator makes a school (its lead's key printed once, only its hash kept), or an
    invitation key that makes one school, and lists them."""
    code, out, err = run(capsys, "schools", "list")
    assert (code, out, err) == (0, "No schools.\n", "")
    code, out, _ = run(capsys, "schools", "create", "Rowan Academy", "--lead", "DSL")
    assert code == 0 and "School Rowan Academy (" in out
    key = out.rsplit(" ", 1)[-1].strip()
    assert key.startswith("scsk_") and len(key) == 37
    code, out, _ = run(capsys, "schools", "invite")
    assert code == 0 and out.strip().rsplit(" ", 1)[-1].startswith("scin_")
    code, out, _ = run(capsys, "schools", "list")
    assert code == 0 and out.endswith("teachers   1  classes    0  Rowan Academy\n")
    with contextlib.closing(sqlite3.connect(database)) as connection:
        stored = connection.execute("SELECT key_hash FROM teachers").fetchall()
        dump = "\n".join(connection.iterdump())
    assert len(stored) == 1 and key not in dump
    code, _, err = run(capsys, "schools", "create", "   ")
    assert code == EXIT_BAD_INPUT and err.startswith("safety-check: give a name")
