"""A class check as the rest of the service sees it: its codes, its days, whether it is open.

All days are calendar days in the UK (Europe/London, ISO text), as the teachers and students
who use them count days; nothing finer is kept.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import msgspec

from safety_check.models import AgeBand

SCHOOL_TIME = ZoneInfo("Europe/London")


def school_today() -> dt.date:
    """Today in the UK: a check "open until 5 March" is open until midnight there."""
    return dt.datetime.now(SCHOOL_TIME).date()


class Cohort(msgspec.Struct, frozen=True, kw_only=True):
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

    def is_open(self, today: dt.date | None = None) -> bool:
        day = (today or school_today()).isoformat()
        return self.closed_early_day is None and day <= self.closes_day

    def closed_day(self) -> str:
        return self.closed_early_day or self.closes_day


class NewCohort(msgspec.Struct, frozen=True, kw_only=True):
    cohort: Cohort
    teacher_key: str
    """Shown to the teacher once; only its hash is stored."""
    replayed: bool = False
    """True when an Idempotency-Key found the class a first request made."""
