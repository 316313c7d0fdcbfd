"""Schools: their teachers and keys, their classes, and the school-wide view by term.

One service with no HTTP in it, beside `ClassChecks` (which it uses for key lookups, so a wrong
school key and a wrong class key count towards the same guessing limit). Refusals are
exceptions the surfaces turn into responses: `NotLead` for what only a lead may do.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import time
from collections import defaultdict
from typing import Annotated

import msgspec
from litestar.di import NamedDependency

from safety_check.schools import tokens
from safety_check.schools.class_check import ClassCheck, school_today
from safety_check.schools.noise import class_noise_key
from safety_check.schools.record import ResponseRecord
from safety_check.schools.report import build_report
from safety_check.schools.school import LABEL_MAX, NewKey, School, Teacher, Term, term_of
from safety_check.schools.school_view import (
    NO_YEAR_GROUP,
    SchoolView,
    SmallestMarked,
    TermChange,
    compare,
    same_students,
    smallest_marked,
)
from safety_check.schools.words import N_
from safety_check.service.classes.checks import ClassChecks, clean_name, guessing_address
from safety_check.service.platform.core import Platform
from safety_check.service.platform.limits import TooManyAttempts
from safety_check.service.platform.template_i18n import Text
from safety_check.storage import Database
from safety_check.storage import class_checks as class_store
from safety_check.storage import schools as stored
from safety_check.storage.schools import Holdings, InvitationRefused

CREATE_LIMIT_PER_HOUR = 10
SCHOOLS_MADE = Text(
    "schools:limits",
    N_("schools:limits", "Too many schools made from here this hour. Try again later."),
)
ViewState = Annotated[
    str,
    msgspec.Meta(
        description="published; term_not_over (shown once the term has ended); "
        "classes_open (shown once every class of the term has closed)"
    ),
]


class NotLead(Exception):
    """Only a school lead may do this."""


class NotConfirmed(Exception):
    """The school's name was not typed as confirmation of deleting it."""


def confirms(typed: str, school: School) -> bool:
    """True when `typed` is the school's name, ignoring case and runs of spaces."""
    return " ".join(typed.split()).casefold() == " ".join(school.name.split()).casefold()


class ViewEntry(msgspec.Struct, frozen=True, kw_only=True):
    term: Term
    year_group: str
    """"" for classes made without a year group."""
    classes: int
    state: ViewState
    view: SchoolView | None
    """The figures, once published: null until then."""


SameStudents = Annotated[
    bool,
    msgspec.Meta(
        description="True when both terms are of one school year and one named year group, "
        "with the same classes, so mostly the same students: a change then allows for the "
        "noise and for students away one term or the other. False otherwise (other school "
        "years, other classes, or no year group: different students), when it also allows "
        "for chance in who answered, so only a larger change is marked."
    ),
]


class YearGroupChanges(msgspec.Struct, frozen=True, kw_only=True):
    year_group: str
    before: Term
    after: Term
    same_students: SameStudents
    changes: tuple[TermChange, ...]
    smallest_marked: SmallestMarked | None
    """So that an unmarked action is not read as one that did not change."""


class Overview(msgspec.Struct, frozen=True, kw_only=True):
    views: tuple[ViewEntry, ...]
    changes: tuple[YearGroupChanges, ...]
    """For each year group, from each published term to the next published one."""


class Schools:
    def __init__(self, platform: Platform, class_checks: ClassChecks) -> None:
        self._platform = platform
        self._checks = class_checks

    @property
    def _database(self) -> Database:
        return self._platform.database

    async def teacher(self, address: str, key: str) -> tuple[Teacher, School] | None:
        return await self._checks.find_school_teacher(address, key)

    async def create(
        self, address: str, name: str, lead_label: str, invitation: str | None
    ) -> tuple[School, NewKey]:
        """A school and its first lead's key. Without `invitation` only the operator may call
        this (the CLI); `InvitationRefused` for an unknown or spent invitation."""
        if invitation is not None:
            hourly = self._platform.access.hourly
            identity = f"create-school:{guessing_address(address)}"
            if not (await hourly.hit(identity, CREATE_LIMIT_PER_HOUR)).allowed:
                raise TooManyAttempts(SCHOOLS_MADE)
        return await stored.create_school(self._database, name, lead_label, invitation)

    # Web sessions (the school page's cookie)

    async def sign_in(self, teacher: Teacher) -> str:
        token = tokens.new_session(self._platform.secret, _scope(teacher))
        await stored.start_session(self._database, teacher, token, tokens.session_expiry(token))
        return token

    async def signed_in(self, token: str | None) -> tuple[Teacher, School] | None:
        """The teacher of a live session whose signature is good, and their school."""
        if not token:
            return None
        found = await stored.session_teacher(self._database, token, int(time.time()))
        if found is None:
            return None
        valid = tokens.session_is_valid(self._platform.secret, token, _scope(found[0]))
        return found if valid else None

    async def sign_out(self, token: str) -> None:
        await stored.end_session(self._database, token)

    async def invite(self) -> str:
        return await stored.create_invitation(self._database)

    async def summaries(self) -> list[tuple[School, int, int]]:
        return await stored.list_schools(self._database)

    async def teachers(self, teacher: Teacher, school: School) -> list[Teacher]:
        _lead(teacher)
        return await stored.teachers_of(self._database, school)

    async def add_teacher(self, teacher: Teacher, school: School, label: str) -> NewKey:
        _lead(teacher)
        return await stored.add_teacher(self._database, school, label)

    async def new_key(self, teacher: Teacher, school: School, public_id: str) -> NewKey | None:
        """A new key for a teacher who lost theirs; the old key stops working at once."""
        _lead(teacher)
        return await stored.new_key_for(self._database, school, public_id)

    async def revoke(self, teacher: Teacher, school: School, public_id: str) -> bool:
        _lead(teacher)
        return await stored.revoke_teacher(self._database, school, public_id)

    async def holdings(self, teacher: Teacher, school: School) -> Holdings:
        """What deleting the school would remove, for the lead to confirm."""
        _lead(teacher)
        return await stored.holdings(self._database, school)

    async def delete(
        self, teacher: Teacher, school: School, typed_name: str | None
    ) -> Holdings | None:
        """A lead deletes their school: the web page and the API both come here.

        On the page the lead types the school's name (`NotConfirmed` otherwise), since one
        click there must not remove a school. The API passes None: a DELETE carrying the lead's
        own key is already deliberate, as deleting a class through the API is."""
        _lead(teacher)
        return await self.delete_school(school, typed_name)

    async def find_school(self, public_id: str) -> School | None:
        return await stored.find_school(self._database, public_id)

    async def delete_school(self, school: School, typed_name: str | None) -> Holdings | None:
        """Delete the school with its classes, their responses, its teachers' keys and
        sessions, its invitation and its views (the operator's command comes here directly;
        `typed_name` None only from the API, see `delete`). What was removed; None if it was
        already gone."""
        if typed_name is not None and not confirms(typed_name, school):
            raise NotConfirmed
        classes = await class_store.classes_of_school(self._database, school.id)
        removed = await stored.delete_school(self._database, school)
        for item in classes:  # their join codes stop at once, not when the cache expires
            self._checks.recent.forget(item)
        return removed

    async def classes(self, teacher: Teacher, school: School) -> list[ClassCheck]:
        """The teacher's own classes; every class of the school for a lead."""
        every = await class_store.classes_of_school(self._database, school.id)
        return [item for item in every if teacher.may_see(item.teacher_id)]

    async def overview(
        self, teacher: Teacher, school: School, today: dt.date | None = None
    ) -> Overview:
        """Every term and year group with classes, each view once it can be published, and
        the changes from term to term."""
        _lead(teacher)
        day = today or school_today()
        groups: dict[tuple[Term, str], list[ClassCheck]] = defaultdict(list)
        for item in await class_store.classes_of_school(self._database, school.id):
            term = term_of(dt.date.fromisoformat(item.created_day))
            groups[(term, item.year_group or NO_YEAR_GROUP)].append(item)
        entries = [
            await self._entry(school, term, year_group, members, day)
            for (term, year_group), members in sorted(groups.items())
        ]
        return Overview(views=tuple(entries), changes=_changes(entries))

    async def _entry(
        self, school: School, term: Term, year_group: str, members: list[ClassCheck], day: dt.date
    ) -> ViewEntry:
        entry = ViewEntry(
            term=term, year_group=year_group, classes=len(members), state="published", view=None
        )
        kept = await stored.published_view(self._database, school, term.id, year_group)
        if kept is None and day.isoformat() <= term.last_day:
            return msgspec.structs.replace(entry, state="term_not_over")
        if kept is None and any(member.is_open(day) for member in members):
            return msgspec.structs.replace(entry, state="classes_open")
        if kept is None:
            kept = await self._publish(school, term, year_group, members)
        return msgspec.structs.replace(entry, view=msgspec.json.decode(kept, type=SchoolView))

    async def _publish(
        self, school: School, term: Term, year_group: str, members: list[ClassCheck]
    ) -> bytes:
        for member in members:
            if member.closed_early_day is None:  # closed by date: sealed through the writer
                await class_store.close_class_check(self._database, member)
        records = await class_store.records_of(self._database, members)
        key = class_noise_key(
            self._platform.secret, f"school:{school.public_id}:{term.id}:{year_group}"
        )
        names = sorted(member.name for member in members)
        view = await asyncio.to_thread(_view, records, term, year_group, names, key)
        body = msgspec.json.encode(view)
        return await stored.publish_view(self._database, school, term.id, year_group, body)


def _view(
    records: list[ResponseRecord], term: Term, year_group: str, names: list[str], key: bytes
) -> SchoolView:
    report = build_report(records, None, closed=True, noise_key=key, order_draw=False)
    return SchoolView(
        term=term,
        year_group=year_group,
        classes=len(names),
        report=report,
        class_names=tuple(names),
    )


def _changes(entries: list[ViewEntry]) -> tuple[YearGroupChanges, ...]:
    published: dict[str, list[SchoolView]] = defaultdict(list)
    for entry in entries:
        if entry.view is not None and entry.view.report.published:
            published[entry.year_group].append(entry.view)
    found = []
    for year_group, views in sorted(published.items()):
        for before, after in itertools.pairwise(views):
            found.append(
                YearGroupChanges(
                    year_group=year_group,
                    before=before.term,
                    after=after.term,
                    same_students=same_students(before, after),
                    changes=compare(before, after),
                    smallest_marked=smallest_marked(before, after),
                )
            )
    return tuple(found)


def _scope(teacher: Teacher) -> str:
    return f"school-{teacher.public_id}"


def _lead(teacher: Teacher) -> None:
    if not teacher.is_lead:
        raise NotLead


def clean_label(text: str) -> str | None:
    """A school name or a teacher's label, cleaned as a class name is."""
    cleaned = clean_name(text)
    return cleaned if cleaned is not None and len(cleaned) <= LABEL_MAX else None


InjectedSchools = NamedDependency[Schools]
"""A handler parameter named `schools` gets the app's service (see service/app.py)."""

__all__ = [
    "InjectedSchools",
    "InvitationRefused",
    "NotLead",
    "Overview",
    "Schools",
    "clean_label",
]
