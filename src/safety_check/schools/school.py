"""A school: its teachers, their keys, and the terms its class checks fall in.

A school is made by the service's operator (`safety-check schools create`) or by someone holding
an invitation key the operator made. Each teacher has their own key (a bearer secret like a
class's teacher key: only its hash is kept); a lead, such as the designated safeguarding lead,
sees every class and the school-wide view, adds teachers, and gives a teacher who lost their key
a new one (the old one stops working at once). Nothing here knows a student.

Terms are the three terms of the UK school year, by calendar (autumn: September to December,
spring: January to March, summer: April to August), so every class check falls in exactly one,
by the day it was made. The school year is named by the year it starts in.
"""

from __future__ import annotations

import datetime as dt
import secrets

import msgspec

from safety_check.schools.codes import TEACHER_KEY_ALPHABET, TEACHER_KEY_LENGTH

SCHOOL_KEY_PREFIX = "scsk_"
"""A school teacher's key; a class's own key starts `sctk_`."""
INVITATION_PREFIX = "scin_"
LABEL_MAX = 80
YEAR_GROUP_MAX = 20


def new_school_key(prefix: str = SCHOOL_KEY_PREFIX) -> str:
    return prefix + "".join(secrets.choice(TEACHER_KEY_ALPHABET) for _ in range(TEACHER_KEY_LENGTH))


class School(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    public_id: str
    name: str
    created_day: str


class Teacher(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    school_id: int
    public_id: str
    label: str
    is_lead: bool
    created_day: str
    revoked_day: str | None

    def may_see(self, teacher_id: int | None) -> bool:
        """Whether this teacher may see a class made by `teacher_id`: their own, or any as lead."""
        return self.is_lead or teacher_id == self.id


class NewKey(msgspec.Struct, frozen=True, kw_only=True):
    """A teacher and their key, shown once; only its hash is stored."""

    teacher: Teacher
    key: str


class Term(msgspec.Struct, frozen=True, kw_only=True, order=True):
    """One term of one school year: `id` sorts in time order ("2026-1" is autumn 2026)."""

    id: str
    title: str
    first_day: str
    last_day: str

    @property
    def school_year(self) -> str:
        """The year the term's school year starts in ("2026" for spring 2027)."""
        return self.id.partition("-")[0]


_TERMS = (("autumn", 9, 12), ("spring", 1, 3), ("summer", 4, 8))


def term_of(day: dt.date) -> Term:
    """The term a day falls in."""
    for index, (name, first, last) in enumerate(_TERMS):
        if first <= day.month <= last:
            school_year = day.year if name == "autumn" else day.year - 1
            year = day.year
            after = dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)
            last_day = after - dt.timedelta(days=1)
            return Term(
                id=f"{school_year}-{index + 1}",
                title=f"{name.capitalize()} term {year} ({school_year}/{(school_year + 1) % 100:02d})",
                first_day=dt.date(year, first, 1).isoformat(),
                last_day=last_day.isoformat(),
            )
    raise AssertionError(day)  # every month is in a term
