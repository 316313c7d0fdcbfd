"""A class check as the rest of the service sees it: its codes, its days, whether it is open.

All days are calendar days in the UK (Europe/London, ISO text), as the teachers and students
who use them count days; nothing finer is kept.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

import msgspec

from safety_check.i18n import Language
from safety_check.models import AgeBand
from safety_check.schools.record import ResponseRecord

SCHOOL_TIME = ZoneInfo("Europe/London")


def school_today() -> dt.date:
    """Today in the UK: a check "open until 5 March" is open until midnight there."""
    return dt.datetime.now(SCHOOL_TIME).date()


class ClassCheck(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    public_id: str
    join_code: str
    name: str
    age_band: AgeBand | None
    teacher_key_hash: bytes
    created_day: str
    closes_day: str
    closed_early_day: str | None
    delete_day: str
    school_id: int | None = None
    teacher_id: int | None = None
    year_group: str | None = None
    language: Language = "en"
    """The language its students' pages open in (each can switch) and its report is in."""

    def is_open(self, today: dt.date | None = None) -> bool:
        day = (today or school_today()).isoformat()
        return self.closed_early_day is None and day <= self.closes_day

    def closed_day(self) -> str:
        return self.closed_early_day or self.closes_day

    def with_age_band(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """A student's answers with the class's age band where they gave none: the one place
        this rule lives, for the web form and the API alike."""
        filled = dict(answers)
        if self.age_band and "profile.age_band" not in filled:
            filled["profile.age_band"] = self.age_band
        return filled


class NewClassCheck(msgspec.Struct, frozen=True, kw_only=True):
    class_check: ClassCheck
    teacher_key: str
    """Shown to the teacher once; only its hash is stored."""
    replayed: bool = False
    """True when an Idempotency-Key found the class a first request made."""


class KeptResponse(msgspec.Struct, frozen=True, kw_only=True):
    """What is stored of one student's response (`record.py` decides what may be)."""

    content_version: str
    record: ResponseRecord
    answers: dict[str, str | tuple[str, ...]]


class Stored(enum.Enum):
    """What became of one response sent to a class check."""

    STORED = "stored"
    """Committed: it counts in the class's figures."""
    CLOSED = "closed"
    """Not stored: the check closed, or was deleted, before it could be."""
    ALREADY = "already"
    """Not stored again: its form token or Idempotency-Key stored it before."""
    CONFLICT = "conflict"
    """Not stored: its Idempotency-Key was used before for different answers."""
