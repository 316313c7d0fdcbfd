"""The database and its WAL and shared-memory files are readable by the service's user only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from safety_check.storage.database import SqliteDatabase as Database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_new_database_files_are_0600(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    old_umask = os.umask(0o022)  # the usual default, which would leave them world-readable
    try:
        database = Database(path)
        await database.open()
        try:
            async with database.write() as db:
                await db.execute("CREATE TABLE IF NOT EXISTS t (x)")
            files = [path, path.with_name("new.db-wal"), path.with_name("new.db-shm")]
            assert all(file.exists() for file in files)
            assert {file.name: _mode(file) for file in files} == {
                file.name: 0o600 for file in files
            }
        finally:
            await database.close()
    finally:
        os.umask(old_umask)


async def test_a_readable_database_left_by_an_older_release_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = Database(path)
    await database.open()
    await database.close()
    path.chmod(0o644)
    database = Database(path)
    await database.open()
    try:
        assert _mode(path) == 0o600
    finally:
        await database.close()
