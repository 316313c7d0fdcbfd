"""Class checks: create, join, submit, report, close and delete, and the teacher's sessions.

One service with no HTTP in it: the web pages and the JSON API get it by dependency injection,
pass in plain values (a join code, a teacher key, the address a guess comes from) and turn its
answers and refusals (`TooManyAttempts`, `ClassClosed`) into responses. Storage is reached only
from here, and the guessing limits that protect join codes and teacher keys are applied here.
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
from litestar.di import NamedDependency
from markupsafe import Markup

from safety_check.models import AgeBand, Answers, Plan
from safety_check.plan import build_plan
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.schools import tokens
from safety_check.schools.codes import TEACHER_KEY_PREFIX, display_join_code, normalise_join_code
from safety_check.schools.cohort import Cohort, NewCohort
from safety_check.schools.noise import class_noise_key
from safety_check.schools.qr import join_qr_svg
from safety_check.schools.record import area_answers, record_for
from safety_check.schools.report import Report, build_report
from safety_check.service.individual.wire import CLASS_NAME_PATTERN
from safety_check.service.platform.core import Platform
from safety_check.service.platform.limits import Counter, TooManyAttempts
from safety_check.service.platform.metrics import class_response_stored
from safety_check.storage import Database, teacher_sessions
from safety_check.storage import cohorts as stored
from safety_check.storage.cohorts import StoreOutcome
from safety_check.storage.idempotency import (
    Idempotency,
    KeyReused,
    first_use,
    idempotency,
    is_valid_key,
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


class ClassClosed(Exception):
    """The class check closed (or was deleted) before this response could be stored."""


def guessing_address(address: str) -> str:
    """Who is guessing: an IPv6 caller by their /64, which one household or device can fill
    with addresses, so that rotating addresses does not reset the count."""
    with contextlib.suppress(ValueError):
        ip = ipaddress.ip_address(address)
        if isinstance(ip, ipaddress.IPv6Address):
            # An IPv4 caller seen through an IPv6 socket is still one IPv4 address.
            mapped = ip.ipv4_mapped
            return str(mapped) if mapped else str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return address


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


class ClassChecks:
    """Every class-check operation, for any surface. `address` arguments are the caller's
    address as the platform sees it (after trusted proxies)."""

    def __init__(self, platform: Platform, recent: RecentCohorts | None = None) -> None:
        self._platform = platform
        self.recent = recent or RecentCohorts()

    @property
    def _database(self) -> Database:
        return self._platform.database

    @property
    def _secret(self) -> bytes:
        return self._platform.secret

    @property
    def _limiter(self) -> Counter:
        # Read on each use: the platform swaps in shared counters once Redis is configured.
        return self._platform.access.limiter

    # Creating

    async def create(
        self, address: str, data: CohortIn, name: str, key: str | None = None
    ) -> NewCohort:
        """A new class check; with an Idempotency-Key, a retry gets the first answer back and
        is not counted against the hourly limit again. Raises `KeyReused` for a different
        request with the same key."""
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
            teacher_key = _teacher_key_for(self._secret, key)
        if record is None or not (await first_use(self._database, record))[0]:
            await self._allow_create(address)
        return await stored.create_cohort(
            self._database,
            name=name,
            age_band=data.age_band,
            open_days=data.open_days,
            keep_days=data.keep_days,
            teacher_key=teacher_key,
            idempotency=record,
        )

    async def _allow_create(self, address: str) -> None:
        hourly = self._platform.access.hourly
        identity = f"create:{guessing_address(address)}"
        if not (await hourly.hit(identity, CREATE_LIMIT_PER_HOUR)).allowed:
            raise TooManyAttempts(
                "Too many class checks made from here this hour. Try again later."
            )

    # Finding a class by its join code (students)

    async def find_open(
        self, address: str, typed_code: str, *, open_only: bool = True
    ) -> Cohort | None:
        """The open class check for a typed join code, or None (unknown, closed or expired).

        With `open_only=False` a closed check is returned too, so a student who was part-way
        through when it closed still gets their plan.

        Unknown codes count towards the guessing limit, so codes cannot be searched for. A code
        this process found a moment ago is served from memory without counting, unless the
        address is past its limit (then it takes the slow lane like any other lookup). Each
        class's traffic is then limited per join code and address (`CLASS_RATE_LIMIT`), never
        per address alone.
        """
        guesser = guessing_address(address)
        code = normalise_join_code(typed_code)
        cohort = await self._known_code(guesser, code) if code else None
        if cohort is None and code:
            cohort = await self._guarded(
                guesser,
                "bad-code",
                BAD_CODE_LIMIT,
                WRONG_CODES,
                lambda: self._lookup_code(code),
                slow_lane=True,
            )
        if cohort is None:
            return None
        await self._count_class_traffic(guesser, cohort)
        # A closed check's code is real, not a guess: it does not count towards the limit, so
        # a class scanning last term's QR code cannot lock the rest of the school out.
        return cohort if cohort.is_open() or not open_only else None

    async def _known_code(self, guesser: str, code: str) -> Cohort | None:
        cohort = await self.recent.settled(code)
        if cohort is None:
            return None
        if await self._limiter.peek(f"bad-code:{guesser}") >= BAD_CODE_LIMIT:
            return None  # past the limit: no answer without the slow lane, not even from memory
        return cohort

    async def _lookup_code(self, code: str) -> Cohort | None:
        return await self.recent.lookup(code, lambda: stored.find_by_code(self._database, code))

    async def _count_class_traffic(self, guesser: str, cohort: Cohort) -> None:
        identity = f"class:{cohort.join_code}:{guesser}"
        decision = await self._limiter.hit(identity, CLASS_RATE_LIMIT)
        if not decision.allowed:
            raise TooManyAttempts(CLASS_BUSY, retry_after=decision.reset)

    async def count_form_token(self, once: str) -> None:
        """One student's form: a reload loop or a script replaying one form is stopped here."""
        decision = await self._limiter.hit(f"form:{once}", FORM_TOKEN_LIMIT)
        if not decision.allowed:
            raise TooManyAttempts(CLASS_BUSY, retry_after=decision.reset)

    async def find_by_form(self, typed_code: str) -> Cohort | None:
        """The class (open or closed) for a join form whose signed token proves its code was
        found. No guess is counted: the token was issued only to someone who reached the
        class's page."""
        code = normalise_join_code(typed_code)
        if code is None:
            return None
        return await self.recent.settled(code) or await self._lookup_code(code)

    def new_form_token(self, cohort: Cohort) -> str:
        return tokens.new_once_token(self._secret, cohort.join_code)

    def form_token_is_valid(self, code: str, token: str) -> bool:
        return tokens.once_token_is_valid(self._secret, code, token)

    # Finding a class by its teacher key

    async def find_for_key(self, address: str, public_id: str, teacher_key: str) -> Cohort | None:
        """The class for its teacher key; None alike for a wrong key and for no such class."""
        database = self._database
        return await self._key_guarded(
            address, lambda: stored.find_for_teacher(database, public_id, teacher_key)
        )

    async def find_by_key(self, address: str, teacher_key: str) -> Cohort | None:
        """The class for a teacher key alone (signing in), under the same guessing limit."""
        database = self._database
        return await self._key_guarded(
            address, lambda: stored.find_by_teacher_key(database, teacher_key)
        )

    async def _key_guarded(
        self, address: str, lookup: Callable[[], Awaitable[Cohort | None]]
    ) -> Cohort | None:
        # Past the limit even the right key is refused, so the limit really slows guessing.
        return await self._guarded(
            guessing_address(address), "bad-teacher-key", BAD_TEACHER_KEY_LIMIT, WRONG_KEYS, lookup
        )

    async def _guarded(
        self,
        guesser: str,
        name: str,
        limit: int,
        refusal: str,
        lookup: Callable[[], Awaitable[Cohort | None]],
        *,
        slow_lane: bool = False,
    ) -> Cohort | None:
        """A lookup that guesses could abuse, limited per address.

        The guess is counted before the lookup, atomically (in Redis when it is shared), so a
        burst of concurrent guesses can never all be looked up; a lookup that finds a class
        gives its count back, so right answers never use up the allowance. Past `limit` a
        teacher key is refused for the rest of the window, even a right one. With `slow_lane`,
        an address past its limit is not shut out but let through one lookup at a time, every
        `SLOW_LANE_SECONDS`: guessing from there stays slow, and a right join code still gets
        in after a short wait.
        """
        identity = f"{name}:{guesser}"
        decision = await self._limiter.hit(identity, limit)
        slot = f"slow-{identity}"
        if not decision.allowed and not (
            slow_lane and await self._limiter.claim(slot, SLOW_LANE_SECONDS)
        ):
            raise TooManyAttempts(refusal, retry_after=SLOW_LANE_SECONDS if slow_lane else 60)
        cohort = await lookup()
        if cohort is not None:
            await self._limiter.refund(identity)
            if not decision.allowed:
                await self._limiter.release(slot)  # a classmate need not wait for this one
        return cohort

    # Teacher sessions (the dashboard's cookie)

    async def sign_in(self, cohort: Cohort) -> str:
        """A new session token for the class's dashboard, recorded so it can be ended."""
        token = tokens.new_session(self._secret, cohort.public_id)
        expires = tokens.session_expiry(token)
        await teacher_sessions.start_session(self._database, cohort.id, token, expires)
        return token

    async def signed_in_class(self, public_id: str, token: str | None) -> Cohort | None:
        """The class whose dashboard this is, if `token` is a live session for it."""
        if not tokens.session_is_valid(self._secret, token, public_id) or token is None:
            return None
        cohort = await stored.find_by_public_id(self._database, public_id)
        if cohort is None or not await teacher_sessions.session_is_live(
            self._database, cohort.id, token
        ):
            return None  # signed out, or the class was deleted: the same as a bad cookie
        return cohort

    async def sign_out(self, token: str) -> None:
        await teacher_sessions.end_session(self._database, token)

    def csrf_token(self, session: str) -> str:
        return tokens.csrf_token(self._secret, session)

    def csrf_is_valid(self, session: str, presented: str | None) -> bool:
        return tokens.csrf_is_valid(self._secret, session, presented)

    # Responses

    async def submit(self, cohort: Cohort, answers: Answers, plan: Plan) -> bool:
        """Store one student's response; True once committed, False if the check had closed."""
        kept = await stored.store_response(self._database, cohort, **_what_is_kept(answers, plan))
        return _counted(kept)

    async def submit_once(
        self, cohort: Cohort, answers: Answers, plan: Plan, once: str
    ) -> StoreOutcome:
        """As `submit`, but a second submission with the same form token stores nothing."""
        outcome = await stored.store_response_once(
            self._database, cohort, once=once, **_what_is_kept(answers, plan)
        )
        _counted(outcome == "stored")
        return outcome

    async def plan_and_submit(self, cohort: Cohort, answers: Answers) -> Plan:
        """The student's plan, once their response is stored; `ClassClosed` if it cannot be."""
        plan = build_plan(answers)
        if not await self.submit(cohort, answers, plan):
            raise ClassClosed
        return plan

    async def plan_and_submit_keyed(
        self, cohort: Cohort, raw: dict[str, Any], answers: Answers, key: str
    ) -> tuple[Plan, bool]:
        """As `plan_and_submit`, once per Idempotency-Key: (the plan, whether this was a retry).

        A retry of a stored response gets its plan back even after the class has closed: the
        first answer was an acknowledgement, and a retry must not turn it into a refusal.
        """
        plan = build_plan(answers)
        record = _response_key(cohort, raw, key)
        outcome = await stored.store_response_keyed(
            self._database, cohort, idempotency=record, **_what_is_kept(answers, plan)
        )
        if outcome == "closed":
            raise ClassClosed
        if outcome == "conflict":
            raise KeyReused
        _counted(outcome != "already")
        return plan, outcome == "already"

    async def was_stored(self, cohort: Cohort, raw: dict[str, Any], key: str) -> bool:
        """Whether this Idempotency-Key stored these same answers in this class (a read)."""
        try:
            used, cohort_id = await first_use(self._database, _response_key(cohort, raw, key))
        except KeyReused:
            return False
        return used and cohort_id == cohort.id

    # The teacher's view of a class

    async def report(self, cohort: Cohort) -> Report:
        """The class's report, with noise keyed by the class and the server's secret."""
        if not cohort.is_open() and cohort.closed_early_day is None:
            # Closed by date: seal it through the writer first, so a submission still queued
            # from before midnight lands before the figures are read, never after they show.
            await stored.close_cohort(self._database, cohort)
        blobs = await stored.response_blobs(self._database, cohort)
        # A school's report takes tens of milliseconds of pure Python: in a thread, the event
        # loop keeps serving students' submissions in between.
        key = class_noise_key(self._secret, cohort.public_id)
        closed = not cohort.is_open()
        return await asyncio.to_thread(_report_from_blobs, blobs, cohort.age_band, closed, key)

    async def close(self, cohort: Cohort) -> None:
        """Close a class now, and stop serving it from the join-code cache."""
        await stored.close_cohort(self._database, cohort)
        self.recent.forget(cohort)

    async def delete(self, cohort: Cohort) -> None:
        """Delete a class and its responses, and stop serving it from the join-code cache."""
        await stored.delete_cohort(self._database, cohort)
        self.recent.forget(cohort)

    async def summaries(self) -> list[stored.CohortSummary]:
        """Every class check with its response count, for the operator's CLI."""
        return await stored.list_cohorts(self._database)

    async def purge_expired(self) -> tuple[int, int]:
        """Delete every class past its delete day: (classes, responses) deleted."""
        return await stored.purge_expired(self._database)

    def join_url(self, cohort: Cohort, base_url: str) -> str:
        """The link students follow: on the configured public address, else `base_url`."""
        base = self._platform.settings.public_url or base_url
        return f"{base.rstrip('/')}/join/{display_join_code(cohort.join_code)}"

    def join_qr(self, cohort: Cohort, base_url: str) -> Markup:
        """The QR code as markup templates insert as it is (segno's SVG, no outside input)."""
        return join_qr_svg(self.join_url(cohort, base_url))


def _response_key(cohort: Cohort, raw: dict[str, Any], key: str) -> Idempotency:
    return idempotency(
        f"response\n{cohort.join_code}", key, msgspec.json.encode(raw, order="sorted")
    )


def _what_is_kept(answers: Answers, plan: Plan) -> dict[str, Any]:
    """The stored parts of a response: never a situation or disclosure answer (record.py)."""
    return {
        "content_version": CONTENT_VERSION,
        "record": record_for(answers, plan),
        "answers": area_answers(answers),
    }


def _report_from_blobs(
    blobs: list[bytes], age_band: AgeBand | None, closed: bool, key: bytes
) -> Report:
    return build_report(stored.decode_records(blobs), age_band, closed=closed, noise_key=key)


InjectedClassChecks = NamedDependency[ClassChecks]
"""A handler parameter named `class_checks` gets the app's service (see service/app.py)."""

__all__ = [
    "ClassChecks",
    "ClassClosed",
    "CohortIn",
    "InjectedClassChecks",
    "KeyReused",
    "RecentCohorts",
    "TooManyAttempts",
    "clean_name",
    "is_valid_key",
]


def _counted(stored_now: bool) -> bool:
    if stored_now:
        class_response_stored()  # for /metrics: a count, nothing about the class
    return stored_now
