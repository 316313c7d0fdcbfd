"""Storage: the only part of Safety Check that talks SQL (SQLite or PostgreSQL)."""

from safety_check.storage.database import SqliteDatabase
from safety_check.storage.engine import Database, StorageError, open_database

__all__ = ["Database", "SqliteDatabase", "StorageError", "open_database"]
