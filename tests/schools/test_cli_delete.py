"""The operator deletes a school with `schools delete ID --confirm NAME`; without the name it
only says what the school holds."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from safety_check.cli import EXIT_BAD_INPUT
from tests.test_cli_schools import database, run

__all__ = ["database"]  # the fixture, shared with the other school commands' tests


def school_id(capsys: pytest.CaptureFixture[str]) -> str:
    code, out, _ = run(capsys, "schools", "list")
    assert code == 0
    return out.split()[0]


def rows(path: Path, table: str) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608


def test_a_school_is_deleted_only_with_its_name(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "schools", "create", "Rowan Academy", "--lead", "DSL")[0] == 0
    public_id = school_id(capsys)

    code, out, _ = run(capsys, "schools", "delete", public_id)
    assert code == 1 and "--confirm 'Rowan Academy'" in out and "1 teacher keys" in out
    code, out, _ = run(capsys, "schools", "delete", public_id, "--confirm", "Rowan")
    assert code == 1 and rows(database, "schools") == 1

    code, out, _ = run(capsys, "schools", "delete", public_id, "--confirm", "rowan academy")
    assert code == 0 and out.startswith("Deleted Rowan Academy: 0 class checks")
    assert rows(database, "schools") == 0 and rows(database, "teachers") == 0
    assert run(capsys, "schools", "list")[1] == "No schools.\n"


def test_an_unknown_school_is_a_one_line_error(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "schools", "delete", "nosuchschool", "--confirm", "X")
    assert code == EXIT_BAD_INPUT and err.startswith("safety-check: no school nosuchschool")
    assert "Traceback" not in err
