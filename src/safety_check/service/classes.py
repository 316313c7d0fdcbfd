"""Class checks for the web and API surfaces: create, join, submit and report.

The surfaces decode and encode; this module calls storage and the pure core, and applies the
guessing limits that protect join codes and teacher keys.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import time
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import msgspec
from litestar import Request
from litestar.exceptions import HTTPException
from markupsafe import Markup

from safety_check.models import AgeBand, Answers, Plan
from safety_check.plan import build_plan
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.schools.codes import display_join_code, normalise_join_code
from safety_check.schools.qr import join_qr_svg
from safety_check.schools.record import area_answers, record_for
from safety_check.schools.report import Report, build_report
from safety_check.service.access import AccessControl, client_address
from safety_check.service.wire import CLASS_NAME_PATTERN
from safety_check.storage import Database
from safety_check.storage.cohorts import (
    Cohort,
    NewCohort,
    StoreOutcome,
    close_cohort,
    create_cohort,
    decode_records,
    delete_cohort,
    find_by_code,
    find_by_teacher_key,
    find_for_teacher,
    response_blobs,
    store_response,
    store_response_once,
)

NAME_MAX = 80
UNPRINTABLE = frozenset({"Cc", "Cf", "Zl", "Zp"})
"""Control and format characters (C0, DEL, C1, zero-width and direction marks) and line breaks:
never part of a class name, where they could make it display as something else."""
OPEN_DAYS_DEFAULT = 30
OPEN_DAYS_MAX = 180
KEEP_DAYS_DEFAULT = 90
KEEP_DAYS_MAX = 365
BAD_CODE_LIMIT = 30
"""Unknown join codes per address per minute: room for a class's typos, too few to search."""
BAD_TEACHER_KEY_LIMIT = 20
CREATE_LIMIT_PER_HOUR = 30
WRONG_CODES = "Too many wrong codes from here. Wait a minute and try again."
WRONG_KEYS = "Too many wrong teacher keys from here. Wait a minute and try again."


class CohortIn(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A new class check."""

    name: Annotated[
        str,
        msgspec.Meta(
            min_length=1,
            max_length=NAME_MAX,
            extra_json_schema={
                "description": "Shown to the teacher and on the report. Some text, not only "
                "spaces, without control or format characters; tabs and line breaks become spaces.",
                "extra": {"pattern": CLASS_NAME_PATTERN},  # documents what clean_name accepts
            },
        ),
    ]
    age_band: AgeBand | None = None
    open_days: Annotated[int, msgspec.Meta(ge=1, le=OPEN_DAYS_MAX)] = OPEN_DAYS_DEFAULT
    keep_days: Annotated[int, msgspec.Meta(ge=1, le=KEEP_DAYS_MAX)] = KEEP_DAYS_DEFAULT


def clean_name(name: str) -> str | None:
    """The class name to store, or None if it is empty or holds control characters."""
    cleaned = " ".join(name.split())
    if not 1 <= len(cleaned) <= NAME_MAX or any(
        unicodedata.category(char) in UNPRINTABLE for char in cleaned
    ):
        return None
    return cleaned


def _access(request: Request[Any, Any, Any]) -> tuple[AccessControl, str]:
    """The limiter and who is guessing: an IPv6 caller by their /64, which one household or
    device can fill with addresses, so that rotating addresses does not reset the count."""
    access: AccessControl = request.app.state.access
    address = client_address(request.scope, access.trusted)
    with contextlib.suppress(ValueError):
        ip = ipaddress.ip_address(address)
        if isinstance(ip, ipaddress.IPv6Address):
            # An IPv4 caller seen through an IPv6 socket is still one IPv4 address.
            mapped = ip.ipv4_mapped
            address = str(mapped) if mapped else str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return access, address


def too_many(status_detail: str) -> HTTPException:
    return HTTPException(status_code=429, detail=status_detail, headers={"Retry-After": "60"})


def allow_create(request: Request[Any, Any, Any]) -> None:
    access, address = _access(request)
    if not access.hourly.hit(f"create:{address}", CREATE_LIMIT_PER_HOUR).allowed:
        raise too_many("Too many class checks made from here this hour. Try again later.")


async def create(request: Request[Any, Any, Any], data: CohortIn, name: str) -> NewCohort:
    allow_create(request)
    return await create_cohort(
        request.app.state.database,
        name=name,
        age_band=data.age_band,
        open_days=data.open_days,
        keep_days=data.keep_days,
    )


class RecentCohorts:
    """Classes looked up by join code in the last few seconds.

    A class's students all submit with the same code within minutes, so most lookups can skip
    the database. A stale entry is harmless: storing a response checks again, inside its write,
    that the class is still open, and closing or deleting here forgets the entry at once.
    """

    def __init__(self, seconds: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self._entries: dict[str, tuple[float, Cohort]] = {}

    def get(self, code: str) -> Cohort | None:
        entry = self._entries.get(code)
        if entry is None or entry[0] < self.clock():
            return None
        return entry[1]

    def put(self, cohort: Cohort) -> None:
        if len(self._entries) > 10_000:
            self._entries.clear()
        self._entries[cohort.join_code] = (self.clock() + self.seconds, cohort)

    def forget(self, cohort: Cohort) -> None:
        self._entries.pop(cohort.join_code, None)


async def _lookup_code(request: Request[Any, Any, Any], code: str) -> Cohort | None:
    recent: RecentCohorts = request.app.state.recent_cohorts
    cohort = recent.get(code)
    if cohort is None:
        cohort = await find_by_code(request.app.state.database, code)
        if cohort is not None:
            recent.put(cohort)
    return cohort


async def close(request: Request[Any, Any, Any], cohort: Cohort) -> None:
    """Close a class now, and stop serving it from the join-code cache."""
    await close_cohort(request.app.state.database, cohort)
    request.app.state.recent_cohorts.forget(cohort)


async def delete(request: Request[Any, Any, Any], cohort: Cohort) -> None:
    """Delete a class and its responses, and stop serving it from the join-code cache."""
    await delete_cohort(request.app.state.database, cohort)
    request.app.state.recent_cohorts.forget(cohort)


async def _guarded(
    request: Request[Any, Any, Any],
    name: str,
    limit: int,
    refusal: str,
    lookup: Callable[[], Awaitable[Cohort | None]],
) -> Cohort | None:
    """A lookup that guesses could abuse: misses are counted per address, and past `limit`
    every lookup from there is refused for the rest of the minute, even a right one."""
    access, address = _access(request)
    identity = f"{name}:{address}"
    if access.limiter.peek(identity) >= limit:
        raise too_many(refusal)
    cohort = await lookup()
    if cohort is None:
        access.limiter.hit(identity, limit)
    return cohort


async def find_open(
    request: Request[Any, Any, Any], typed_code: str, *, open_only: bool = True
) -> Cohort | None:
    """The open class check for a typed join code, or None (unknown, closed or expired).

    With `open_only=False` a closed check is returned too, so a student who was part-way through
    when it closed still gets their plan.

    Unknown codes count towards the guessing limit, so codes cannot be searched for.
    """
    code = normalise_join_code(typed_code)

    async def lookup() -> Cohort | None:
        return await _lookup_code(request, code) if code else None

    cohort = await _guarded(request, "bad-code", BAD_CODE_LIMIT, WRONG_CODES, lookup)
    if cohort is None:
        return None
    # A closed check's code is real, not a guess: it does not count towards the limit, so a
    # class scanning last term's QR code cannot lock the rest of the school out.
    return cohort if cohort.is_open() or not open_only else None


async def find_for_key(
    request: Request[Any, Any, Any], public_id: str, teacher_key: str
) -> Cohort | None:
    """The class for its teacher key; None alike for a wrong key and for no such class."""
    database = request.app.state.database
    return await _key_guarded(request, lambda: find_for_teacher(database, public_id, teacher_key))


async def find_by_key(request: Request[Any, Any, Any], teacher_key: str) -> Cohort | None:
    """The class for a teacher key alone (signing in), under the same guessing limit."""
    database = request.app.state.database
    return await _key_guarded(request, lambda: find_by_teacher_key(database, teacher_key))


async def _key_guarded(
    request: Request[Any, Any, Any], lookup: Callable[[], Awaitable[Cohort | None]]
) -> Cohort | None:
    # Past the limit even the right key is refused, so the limit really slows guessing.
    return await _guarded(request, "bad-teacher-key", BAD_TEACHER_KEY_LIMIT, WRONG_KEYS, lookup)


async def submit(database: Database, cohort: Cohort, answers: Answers, plan: Plan) -> bool:
    """Store one student's response; True once committed, False if the check had closed."""
    return await store_response(database, cohort, **_what_is_kept(answers, plan))


async def submit_once(
    database: Database, cohort: Cohort, answers: Answers, plan: Plan, once: str
) -> StoreOutcome:
    """As `submit`, but a second submission with the same form token stores nothing."""
    return await store_response_once(database, cohort, once=once, **_what_is_kept(answers, plan))


def _what_is_kept(answers: Answers, plan: Plan) -> dict[str, Any]:
    """The stored parts of a response: never a situation or disclosure answer (record.py)."""
    return {
        "content_version": CONTENT_VERSION,
        "record": record_for(answers, plan),
        "answers": area_answers(answers),
    }


async def plan_and_submit(database: Database, cohort: Cohort, answers: Answers) -> Plan:
    plan = build_plan(answers)
    if not await submit(database, cohort, answers, plan):
        raise HTTPException(status_code=404, detail="This class check has closed.")
    return plan


async def report(database: Database, cohort: Cohort) -> Report:
    if not cohort.is_open() and cohort.closed_early_day is None:
        # Closed by date: seal it through the writer first, so a submission still queued from
        # before midnight lands before the figures are read, never after they are shown.
        await close_cohort(database, cohort)
    blobs = await response_blobs(database, cohort)
    # A school's report takes tens of milliseconds of pure Python: in a thread, the event loop
    # keeps serving students' submissions in between.
    return await asyncio.to_thread(_report_from_blobs, blobs, cohort.age_band, not cohort.is_open())


def _report_from_blobs(blobs: list[bytes], age_band: AgeBand | None, closed: bool) -> Report:
    return build_report(decode_records(blobs), age_band, closed=closed)


def join_url(request: Request[Any, Any, Any], cohort: Cohort) -> str:
    base = request.app.state.settings.public_url or str(request.base_url)
    return f"{base.rstrip('/')}/join/{display_join_code(cohort.join_code)}"


def join_qr(request: Request[Any, Any, Any], cohort: Cohort) -> Markup:
    """The QR code as markup that templates insert as it is (segno's SVG, no outside input)."""
    return join_qr_svg(join_url(request, cohort))
