"""Class checks for the web and API surfaces: create, join, submit and report.

The surfaces decode and encode; this module calls storage and the pure core, and applies the
guessing limits that protect join codes and teacher keys.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
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
from safety_check.schools.codes import TEACHER_KEY_PREFIX, display_join_code, normalise_join_code
from safety_check.schools.noise import class_noise_key
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
    store_response_keyed,
    store_response_once,
)
from safety_check.storage.idempotency import KeyReused, first_use, idempotency

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
WRONG_CODES = "Too many wrong codes from here. Wait a few seconds and try again."
SLOW_LANE_SECONDS = 2
"""Past the wrong-code limit, one lookup per address this often: 30 guesses a minute at most."""
CLASS_RATE_LIMIT = 2000
"""Requests a minute for one class's join code from one address: a year group of 240 in one
hall, each loading a few pages, stays well inside it."""
FORM_TOKEN_LIMIT = 60
"""Requests a minute carrying one student's form token."""
CLASS_BUSY = "This class check is very busy right now. Wait a minute and try again."
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


def too_many(status_detail: str, retry_after: int = 60) -> HTTPException:
    return HTTPException(
        status_code=429, detail=status_detail, headers={"Retry-After": str(retry_after)}
    )


async def allow_create(request: Request[Any, Any, Any]) -> None:
    access, address = _access(request)
    if not (await access.hourly.hit(f"create:{address}", CREATE_LIMIT_PER_HOUR)).allowed:
        raise too_many("Too many class checks made from here this hour. Try again later.")


async def create(
    request: Request[Any, Any, Any], data: CohortIn, name: str, key: str | None = None
) -> NewCohort:
    """A new class check; with an Idempotency-Key, a retry gets the first answer back and is
    not counted against the hourly limit again. Raises `KeyReused` for a different request."""
    database: Database = request.app.state.database
    record = teacher_key = None
    if key is not None:
        request_bytes = msgspec.json.encode(
            {
                "name": name,
                "age_band": data.age_band,
                "open": data.open_days,
                "keep": data.keep_days,
            }
        )
        record = idempotency("cohort", key, request_bytes)
        teacher_key = _teacher_key_for(request.app.state.session_secret, key)
    if record is None or not (await first_use(database, record))[0]:
        await allow_create(request)
    return await create_cohort(
        database,
        name=name,
        age_band=data.age_band,
        open_days=data.open_days,
        keep_days=data.keep_days,
        teacher_key=teacher_key,
        idempotency=record,
    )


def _teacher_key_for(secret: bytes, key: str) -> str:
    """The teacher key of a class made with this Idempotency-Key: the same for every retry, so
    the first answer can be given again though only its hash is stored. It needs the key itself,
    which is never stored, as well as the service's secret."""
    digest = hmac.new(secret, f"teacher-key\n{key}".encode(), hashlib.sha256).digest()
    return TEACHER_KEY_PREFIX + base64.urlsafe_b64encode(digest[:24]).decode()


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
        self._in_flight: dict[str, asyncio.Future[Cohort | None]] = {}

    async def settled(self, code: str) -> Cohort | None:
        """The cached class, after waiting for a lookup of the same code already under way.

        A class scanning its QR code sends dozens of identical lookups at once: they share the
        first one's answer instead of each being counted as a possible guess.
        """
        pending = self._in_flight.get(code)
        if pending is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(pending)
        return self.get(code)

    async def lookup(
        self, code: str, find: Callable[[], Awaitable[Cohort | None]]
    ) -> Cohort | None:
        """Look the code up in the database (one query per code at a time) and cache a hit."""
        pending = self._in_flight.get(code)
        if pending is None:
            pending = asyncio.get_running_loop().create_future()
            self._in_flight[code] = pending
            try:
                cohort = await find()
            except BaseException as error:
                pending.set_exception(error)
                pending.exception()  # retrieved: joiners may be none
                raise
            finally:
                self._in_flight.pop(code, None)
            if cohort is not None:
                self.put(cohort)
            pending.set_result(cohort)
            return cohort
        return await asyncio.shield(pending)

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
    return await recent.lookup(code, lambda: find_by_code(request.app.state.database, code))


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
    *,
    slow_lane: bool = False,
) -> Cohort | None:
    """A lookup that guesses could abuse, limited per address.

    The guess is counted before the lookup, atomically (in Redis when it is shared), so a burst
    of concurrent guesses can never all be looked up; a lookup that finds a class gives its count
    back, so right answers never use up the allowance. Past `limit` a teacher key is refused for
    the rest of the window, even a right one. With `slow_lane`, an address past its limit is not
    shut out but let through one lookup at a time, every `SLOW_LANE_SECONDS`: guessing from there
    stays slow, and a right join code still gets in after a short wait.
    """
    access, address = _access(request)
    identity = f"{name}:{address}"
    decision = await access.limiter.hit(identity, limit)
    slot = f"slow-{identity}"
    if not decision.allowed and not (
        slow_lane and await access.limiter.claim(slot, SLOW_LANE_SECONDS)
    ):
        raise too_many(refusal, retry_after=SLOW_LANE_SECONDS if slow_lane else 60)
    cohort = await lookup()
    if cohort is not None:
        await access.limiter.refund(identity)
        if not decision.allowed:
            await access.limiter.release(slot)  # a classmate need not wait for this one
    return cohort


async def find_open(
    request: Request[Any, Any, Any], typed_code: str, *, open_only: bool = True
) -> Cohort | None:
    """The open class check for a typed join code, or None (unknown, closed or expired).

    With `open_only=False` a closed check is returned too, so a student who was part-way through
    when it closed still gets their plan.

    Unknown codes count towards the guessing limit, so codes cannot be searched for. A code this
    process found a moment ago is served from memory without counting, unless the address is
    past its limit (then it takes the slow lane like any other lookup). Each class's traffic is
    then limited per join code and address (`CLASS_RATE_LIMIT`), never per address alone.
    """
    code = normalise_join_code(typed_code)
    cohort = await _known_code(request, code) if code else None
    if cohort is None and code:
        cohort = await _guarded(
            request,
            "bad-code",
            BAD_CODE_LIMIT,
            WRONG_CODES,
            lambda: _lookup_code(request, code),
            slow_lane=True,
        )
    if cohort is None:
        return None
    await _count_class_traffic(request, cohort)
    # A closed check's code is real, not a guess: it does not count towards the limit, so a
    # class scanning last term's QR code cannot lock the rest of the school out.
    return cohort if cohort.is_open() or not open_only else None


async def _known_code(request: Request[Any, Any, Any], code: str) -> Cohort | None:
    recent: RecentCohorts = request.app.state.recent_cohorts
    cohort = await recent.settled(code)
    if cohort is None:
        return None
    access, address = _access(request)
    if await access.limiter.peek(f"bad-code:{address}") >= BAD_CODE_LIMIT:
        return None  # past the limit: no answer without the slow lane, not even from memory
    return cohort


async def _count_class_traffic(request: Request[Any, Any, Any], cohort: Cohort) -> None:
    access, address = _access(request)
    decision = await access.limiter.hit(f"class:{cohort.join_code}:{address}", CLASS_RATE_LIMIT)
    if not decision.allowed:
        raise too_many(CLASS_BUSY, retry_after=decision.reset)


async def count_form_token(request: Request[Any, Any, Any], once: str) -> None:
    """One student's form: a reload loop or a script replaying one form is stopped here."""
    access: AccessControl = request.app.state.access
    decision = await access.limiter.hit(f"form:{once}", FORM_TOKEN_LIMIT)
    if not decision.allowed:
        raise too_many(CLASS_BUSY, retry_after=decision.reset)


async def find_by_form(request: Request[Any, Any, Any], typed_code: str) -> Cohort | None:
    """The class (open or closed) for a join form whose signed token proves its code was found.

    No guess is counted: the token was issued only to someone who reached the class's page.
    """
    code = normalise_join_code(typed_code)
    if code is None:
        return None
    recent: RecentCohorts = request.app.state.recent_cohorts
    return await recent.settled(code) or await _lookup_code(request, code)


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


async def plan_and_submit_keyed(
    database: Database, cohort: Cohort, raw: dict[str, Any], answers: Answers, key: str
) -> tuple[Plan, bool]:
    """As `plan_and_submit`, once per Idempotency-Key: (the plan, whether this was a retry)."""
    plan = build_plan(answers)
    record = idempotency(
        f"response\n{cohort.join_code}", key, msgspec.json.encode(raw, order="sorted")
    )
    outcome = await store_response_keyed(
        database, cohort, idempotency=record, **_what_is_kept(answers, plan)
    )
    if outcome == "closed":
        raise HTTPException(status_code=404, detail="This class check has closed.")
    if outcome == "conflict":
        raise KeyReused
    return plan, outcome == "already"


async def plan_and_submit(database: Database, cohort: Cohort, answers: Answers) -> Plan:
    plan = build_plan(answers)
    if not await submit(database, cohort, answers, plan):
        raise HTTPException(status_code=404, detail="This class check has closed.")
    return plan


async def report(database: Database, cohort: Cohort, server_secret: bytes) -> Report:
    """The class's report, with noise keyed by the class and the server's secret (noise.py)."""
    if not cohort.is_open() and cohort.closed_early_day is None:
        # Closed by date: seal it through the writer first, so a submission still queued from
        # before midnight lands before the figures are read, never after they are shown.
        await close_cohort(database, cohort)
    blobs = await response_blobs(database, cohort)
    # A school's report takes tens of milliseconds of pure Python: in a thread, the event loop
    # keeps serving students' submissions in between.
    key = class_noise_key(server_secret, cohort.public_id)
    closed = not cohort.is_open()
    return await asyncio.to_thread(_report_from_blobs, blobs, cohort.age_band, closed, key)


def _report_from_blobs(
    blobs: list[bytes], age_band: AgeBand | None, closed: bool, key: bytes
) -> Report:
    return build_report(decode_records(blobs), age_band, closed=closed, noise_key=key)


def join_url(request: Request[Any, Any, Any], cohort: Cohort) -> str:
    base = request.app.state.settings.public_url or str(request.base_url)
    return f"{base.rstrip('/')}/join/{display_join_code(cohort.join_code)}"


def join_qr(request: Request[Any, Any, Any], cohort: Cohort) -> Markup:
    """The QR code as markup that templates insert as it is (segno's SVG, no outside input)."""
    return join_qr_svg(join_url(request, cohort))
