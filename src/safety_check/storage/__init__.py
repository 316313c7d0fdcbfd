"""Storage: the only part of Safety Check that talks SQL."""

from safety_check.storage.database import Database, StorageError

__all__ = ["Database", "StorageError"]
