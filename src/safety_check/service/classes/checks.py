"""Class checks: create, join, submit, report, close and delete, and the teacher's sessions.

One service with no HTTP in it: the web pages and the JSON API get it by dependency injection,
pass in plain values (a join code, a teacher key, the address a guess comes from) and turn its
answers and refusals (`TooManyAttempts`, a `Stored` outcome) into responses. Storage is reached only
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
from collections.abc import Awaitable, Callable, Mapping
from typing import Annotated, Any, TypeVar

import msgspec
from litestar.di import NamedDependency
from markupsafe import Markup

from safety_check.i18n import Language
from safety_check.models import AgeBand, Answers
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.schools import tokens
from safety_check.schools.class_check import ClassCheck, KeptResponse, NewClassCheck, Stored
from safety_check.schools.codes import TEACHER_KEY_PREFIX, display_join_code, normalise_join_code
from safety_check.schools.noise import class_noise_key
from safety_check.schools.qr import join_qr_svg
from safety_check.schools.record import area_answers, record_of
from safety_check.schools.report import Report, build_report
from safety_check.schools.school import SCHOOL_KEY_PREFIX, YEAR_GROUP_MAX, School, Teacher
from safety_check.schools.words import N_
from safety_check.service.classes.wire import CLASS_NAME_PATTERN
from safety_check.service.platform.core import Platform
from safety_check.service.platform.limits import Counter, TooManyAttempts
from safety_check.service.platform.metrics import class_response_stored
from safety_check.service.platform.template_i18n import Text
from safety_check.storage import Database, teacher_sessions
from safety_check.storage import class_checks as stored
from safety_check.storage import schools as school_store
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
LIMITS = "schools:limits"
WRONG_CODES = Text(
    LIMITS,
    N_("schools:limits", "Too many wrong codes from here. Wait a few seconds and try again."),
)
SLOW_LANE_SECONDS = 2
"""Past the wrong-code limit, one lookup per address this often: 30 guesses a minute at most."""
FORM_TOKEN_LIMIT = 60
"""Requests a minute carrying one student's form token."""
CLASS_BUSY = Text(
    LIMITS,
    N_("schools:limits", "This class check is very busy right now. Wait a minute and try again."),
)
WRONG_KEYS = Text(
    LIMITS,
    N_("schools:limits", "Too many wrong teacher keys from here. Wait a minute and try again."),
)
MADE_TOO_MANY = Text(
    LIMITS, N_("schools:limits", "Too many class checks made from here this hour. Try again later.")
)


class NeedsSchool(Exception):
    """This service makes class checks only for schools' teachers (an operator setting)."""


class LanguageNotOffered(Exception):
    """The class's language is not one this service offers yet (`Settings.languages`)."""


Found = TypeVar("Found")


def clean_year_group(text: str | None) -> str | None:
    """A year group as kept: spaces made single, None when empty."""
    cleaned = " ".join((text or "").split())
    return cleaned or None


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
    language: Annotated[
        Language,
        msgspec.Meta(
            description="The class's language (cy: Welsh, for Welsh-medium schools): its "
            "students' pages open in it (each student can switch) and its report and CSV are in "
            "it. English when not given."
        ),
    ] = "en"
    open_days: Annotated[int, msgspec.Meta(ge=1, le=OPEN_DAYS_MAX)] = OPEN_DAYS_DEFAULT
    keep_days: Annotated[int, msgspec.Meta(ge=1, le=KEEP_DAYS_MAX)] = KEEP_DAYS_DEFAULT
    year_group: (
        Annotated[
            str,
            msgspec.Meta(
                max_length=YEAR_GROUP_MAX,
                pattern=r"^[A-Za-z0-9 ]*$",
                description="The year group, such as Year 9 or S3: a school's view groups its "
                "classes by term and year group. Only with a school teacher's key.",
            ),
        ]
        | None
    ) = None


def clean_name(name: str) -> str | None:
    """The class name to store, or None if it is empty or holds control characters."""
    cleaned = " ".join(name.split())
    if not 1 <= len(cleaned) <= NAME_MAX or any(
        unicodedata.category(char) in UNPRINTABLE for char in cleaned
    ):
        return None
    return cleaned


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


class RecentClassChecks:
    """Classes looked up by join code in the last few seconds.

    A class's students all submit with the same code within minutes, so most lookups can skip
    the database. A stale entry is harmless: storing a response checks again, inside its write,
    that the class is still open, and closing or deleting here forgets the entry at once.
    """

    def __init__(self, seconds: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self._entries: dict[str, tuple[float, ClassCheck]] = {}
        self._in_flight: dict[str, asyncio.Future[ClassCheck | None]] = {}

    async def settled(self, code: str) -> ClassCheck | None:
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
        self, code: str, find: Callable[[], Awaitable[ClassCheck | None]]
    ) -> ClassCheck | None:
        """Look the code up in the database (one query per code at a time) and cache a hit."""
        pending = self._in_flight.get(code)
        if pending is None:
            pending = asyncio.get_running_loop().create_future()
            self._in_flight[code] = pending
            try:
                class_check = await find()
            except BaseException as error:
                pending.set_exception(error)
                pending.exception()  # retrieved: joiners may be none
                raise
            finally:
                self._in_flight.pop(code, None)
            if class_check is not None:
                self.put(class_check)
            pending.set_result(class_check)
            return class_check
        return await asyncio.shield(pending)

    def get(self, code: str) -> ClassCheck | None:
        entry = self._entries.get(code)
        if entry is None or entry[0] < self.clock():
            return None
        return entry[1]

    def put(self, class_check: ClassCheck) -> None:
        if len(self._entries) > 10_000:
            self._entries.clear()
        self._entries[class_check.join_code] = (self.clock() + self.seconds, class_check)

    def forget(self, class_check: ClassCheck) -> None:
        self._entries.pop(class_check.join_code, None)


class ClassChecks:
    """Every class-check operation, for any surface. `address` arguments are the caller's
    address as the platform sees it (after trusted proxies)."""

    def __init__(self, platform: Platform, recent: RecentClassChecks | None = None) -> None:
        self._platform = platform
        self.recent = recent or RecentClassChecks()

    @property
    def platform(self) -> Platform:
        return self._platform

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
        self,
        address: str,
        data: CohortIn,
        name: str,
        key: str | None = None,
        teacher: Teacher | None = None,
    ) -> NewClassCheck:
        """A new class check, made by a school's `teacher` or by anyone (unless the operator
        requires a school: `NeedsSchool`); with an Idempotency-Key, a retry gets the first
        answer back and is not counted against the hourly limit again. Raises `KeyReused` for a
        different request with the same key."""
        if teacher is None and self._platform.settings.classes_need_school:
            raise NeedsSchool
        if data.language not in self._platform.settings.languages:
            raise LanguageNotOffered
        record = teacher_key = None
        if key is not None:
            request_bytes = msgspec.json.encode(
                {
                    "name": name,
                    "age_band": data.age_band,
                    "open": data.open_days,
                    "keep": data.keep_days,
                    "year_group": data.year_group,
                    # Only a Welsh class says so: an English one keeps the fingerprint that
                    # a retry sent before classes had a language was stored with.
                    **({"language": data.language} if data.language != "en" else {}),
                    "teacher": teacher.id if teacher else None,
                }
            )
            record = idempotency("cohort", key, request_bytes)
            teacher_key = _teacher_key_for(self._secret, key)
        if record is None or not (await first_use(self._database, record))[0]:
            await self._allow_create(address)
        return await stored.create_class_check(
            self._database,
            name=name,
            age_band=data.age_band,
            open_days=data.open_days,
            keep_days=data.keep_days,
            teacher_key=teacher_key,
            idempotency=record,
            school_id=teacher.school_id if teacher else None,
            teacher_id=teacher.id if teacher else None,
            year_group=clean_year_group(data.year_group),
            language=data.language,
        )

    async def _allow_create(self, address: str) -> None:
        hourly = self._platform.access.hourly
        identity = f"create:{guessing_address(address)}"
        if not (await hourly.hit(identity, CREATE_LIMIT_PER_HOUR)).allowed:
            raise TooManyAttempts(MADE_TOO_MANY)

    # Finding a class by its join code (students)

    async def find_open(
        self, address: str, typed_code: str, *, open_only: bool = True
    ) -> ClassCheck | None:
        """The open class check for a typed join code, or None (unknown, closed or expired).

        With `open_only=False` a closed check is returned too, so a student who was part-way
        through when it closed still gets their plan.

        Unknown codes count towards the guessing limit, so codes cannot be searched for. A code
        this process found a moment ago is served from memory without counting, unless the
        address is past its limit (then it takes the slow lane like any other lookup). Each
        class's traffic is then limited per join code and address (`SAFETY_CHECK_CLASS_RATE_LIMIT`:
        a year group of 240 in one hall, each loading a few pages, stays well inside it), never
        per address alone.
        """
        guesser = guessing_address(address)
        code = normalise_join_code(typed_code)
        class_check = await self._known_code(guesser, code) if code else None
        if class_check is None and code:
            class_check = await self._guarded(
                guesser,
                "bad-code",
                BAD_CODE_LIMIT,
                WRONG_CODES,
                lambda: self._lookup_code(code),
                slow_lane=True,
            )
        if class_check is None:
            return None
        await self._count_class_traffic(guesser, class_check)
        # A closed check's code is real, not a guess: it does not count towards the limit, so
        # a class scanning last term's QR code cannot lock the rest of the school out.
        return class_check if class_check.is_open() or not open_only else None

    async def _known_code(self, guesser: str, code: str) -> ClassCheck | None:
        class_check = await self.recent.settled(code)
        if class_check is None:
            return None
        if await self._limiter.peek(f"bad-code:{guesser}") >= BAD_CODE_LIMIT:
            return None  # past the limit: no answer without the slow lane, not even from memory
        return class_check

    async def _lookup_code(self, code: str) -> ClassCheck | None:
        return await self.recent.lookup(code, lambda: stored.find_by_code(self._database, code))

    async def _count_class_traffic(self, guesser: str, class_check: ClassCheck) -> None:
        identity = f"class:{class_check.join_code}:{guesser}"
        decision = await self._limiter.hit(identity, self._platform.settings.class_rate_limit)
        if not decision.allowed:
            raise TooManyAttempts(CLASS_BUSY, retry_after=decision.reset)

    async def count_form_token(self, once: str) -> None:
        """One student's form: a reload loop or a script replaying one form is stopped here."""
        decision = await self._limiter.hit(f"form:{once}", FORM_TOKEN_LIMIT)
        if not decision.allowed:
            raise TooManyAttempts(CLASS_BUSY, retry_after=decision.reset)

    async def find_by_form(self, typed_code: str) -> ClassCheck | None:
        """The class (open or closed) for a join form whose signed token proves its code was
        found. No guess is counted: the token was issued only to someone who reached the
        class's page."""
        code = normalise_join_code(typed_code)
        if code is None:
            return None
        return await self.recent.settled(code) or await self._lookup_code(code)

    def new_form_token(self, class_check: ClassCheck) -> str:
        return tokens.new_once_token(self._secret, class_check.join_code)

    def form_token_is_valid(self, code: str, token: str) -> bool:
        return tokens.once_token_is_valid(self._secret, code, token)

    # Finding a class by its teacher key

    async def find_for_key(
        self, address: str, public_id: str, teacher_key: str
    ) -> ClassCheck | None:
        """The class for its teacher key, or for the key of a teacher of its school who may see
        it (the one who made it, or a lead); None alike for a wrong key and for no such class."""
        database = self._database
        if teacher_key.startswith(SCHOOL_KEY_PREFIX):
            found = await self.find_school_teacher(address, teacher_key)
            class_check = await stored.find_by_public_id(database, public_id) if found else None
            if found is None or class_check is None:
                return None
            teacher, school = found
            visible = class_check.school_id == school.id and teacher.may_see(class_check.teacher_id)
            return class_check if visible else None
        return await self._key_guarded(
            address, lambda: stored.find_for_teacher(database, public_id, teacher_key)
        )

    async def find_school_teacher(self, address: str, key: str) -> tuple[Teacher, School] | None:
        """The live teacher holding a school key, and their school, under the guessing limit
        that class keys share: a wrong key of either kind counts the same."""
        database = self._database
        return await self._key_guarded(address, lambda: school_store.find_teacher(database, key))

    async def find_by_key(self, address: str, teacher_key: str) -> ClassCheck | None:
        """The class for a teacher key alone (signing in), under the same guessing limit."""
        database = self._database
        return await self._key_guarded(
            address, lambda: stored.find_by_teacher_key(database, teacher_key)
        )

    async def _key_guarded(
        self, address: str, lookup: Callable[[], Awaitable[Found | None]]
    ) -> Found | None:
        # Past the limit even the right key is refused, so the limit really slows guessing.
        return await self._guarded(
            guessing_address(address), "bad-teacher-key", BAD_TEACHER_KEY_LIMIT, WRONG_KEYS, lookup
        )

    async def _guarded(
        self,
        guesser: str,
        name: str,
        limit: int,
        refusal: Text,
        lookup: Callable[[], Awaitable[Found | None]],
        *,
        slow_lane: bool = False,
    ) -> Found | None:
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
        try:
            found = await lookup()
        except Exception:
            # The database did not answer (a 503): nothing was guessed, so nothing is counted;
            # otherwise an outage would use up a whole school's allowance behind one address.
            await self._limiter.refund(identity)
            raise
        if found is not None:
            await self._limiter.refund(identity)
            if not decision.allowed:
                await self._limiter.release(slot)  # a classmate need not wait for this one
        return found

    # Teacher sessions (the dashboard's cookie)

    async def sign_in(self, class_check: ClassCheck) -> str:
        """A new session token for the class's dashboard, recorded so it can be ended."""
        token = tokens.new_session(self._secret, class_check.public_id)
        expires = tokens.session_expiry(token)
        await teacher_sessions.start_session(self._database, class_check.id, token, expires)
        return token

    async def signed_in_class(self, public_id: str, token: str | None) -> ClassCheck | None:
        """The class whose dashboard this is, if `token` is a live session for it."""
        if not tokens.session_is_valid(self._secret, token, public_id) or token is None:
            return None
        class_check = await stored.find_by_public_id(self._database, public_id)
        if class_check is None or not await teacher_sessions.session_is_live(
            self._database, class_check.id, token
        ):
            return None  # signed out, or the class was deleted: the same as a bad cookie
        return class_check

    async def sign_out(self, token: str) -> None:
        await teacher_sessions.end_session(self._database, token)

    def csrf_token(self, session: str) -> str:
        return tokens.csrf_token(self._secret, session)

    def csrf_is_valid(self, session: str, presented: str | None) -> bool:
        return tokens.csrf_is_valid(self._secret, session, presented)

    # Responses

    async def submit(
        self,
        class_check: ClassCheck,
        answers: Answers,
        *,
        once: str | None = None,
        idempotency: Idempotency | None = None,
    ) -> Stored:
        """Store one student's response, the one way any surface does (see `Stored`): with
        the join form's one-time token, or an API request's Idempotency-Key (`response_key`),
        a second sending of the same response stores nothing."""
        kept = _what_is_kept(answers)
        outcome = await stored.store_response(
            self._database, class_check, kept, once=once, idempotency=idempotency
        )
        if outcome is Stored.STORED:
            class_response_stored()  # for /metrics: a count, nothing about the class
        return outcome

    def response_key(
        self, class_check: ClassCheck, raw: Mapping[str, Any], key: str
    ) -> Idempotency:
        """The Idempotency-Key record for a response: the same key with other answers (or for
        another class) is a different request."""
        return _response_key(class_check, raw, key)

    async def was_stored(self, class_check: ClassCheck, raw: Mapping[str, Any], key: str) -> bool:
        """Whether this Idempotency-Key stored these same answers in this class (a read)."""
        try:
            used, cohort_id = await first_use(self._database, _response_key(class_check, raw, key))
        except KeyReused:
            return False
        return used and cohort_id == class_check.id

    # The teacher's view of a class

    async def report(self, class_check: ClassCheck) -> Report:
        """The class's report, with noise keyed by the class and the server's secret."""
        if not class_check.is_open() and class_check.closed_early_day is None:
            # Closed by date: seal it through the writer first, so a submission still queued
            # from before midnight lands before the figures are read, never after they show.
            await stored.close_class_check(self._database, class_check)
        blobs = await stored.response_blobs(self._database, class_check)
        # A school's report takes tens of milliseconds of pure Python: in a thread, the event
        # loop keeps serving students' submissions in between.
        key = class_noise_key(self._secret, class_check.public_id)
        closed = not class_check.is_open()
        return await asyncio.to_thread(_report_from_blobs, blobs, class_check.age_band, closed, key)

    async def close(self, class_check: ClassCheck) -> None:
        """Close a class now, and stop serving it from the join-code cache."""
        await stored.close_class_check(self._database, class_check)
        self.recent.forget(class_check)

    async def delete(self, class_check: ClassCheck) -> None:
        """Delete a class and its responses, and stop serving it from the join-code cache."""
        await stored.delete_class_check(self._database, class_check)
        self.recent.forget(class_check)

    async def summaries(self) -> list[stored.ClassCheckSummary]:
        """Every class check with its response count, for the operator's CLI."""
        return await stored.list_class_checks(self._database)

    async def purge_expired(self) -> tuple[int, int]:
        """Delete every class past its delete day: (classes, responses) deleted."""
        return await stored.purge_expired(self._database)

    def join_url(self, class_check: ClassCheck, base_url: str) -> str:
        """The link students follow: on the configured public address, else `base_url`."""
        base = self._platform.settings.public_url or base_url
        return f"{base.rstrip('/')}/join/{display_join_code(class_check.join_code)}"

    def join_qr(self, class_check: ClassCheck, base_url: str, language: Language = "en") -> Markup:
        """The QR code as markup templates insert as it is (segno's SVG, no outside input)."""
        return join_qr_svg(self.join_url(class_check, base_url), language)


def _response_key(class_check: ClassCheck, raw: Mapping[str, Any], key: str) -> Idempotency:
    return idempotency(
        f"response\n{class_check.join_code}", key, msgspec.json.encode(raw, order="sorted")
    )


def _what_is_kept(answers: Answers) -> KeptResponse:
    """The stored parts of a response: never a situation or disclosure answer (record.py).
    Read from the answers alone, so a surface that needs only the plan's JSON builds no plan."""
    return KeptResponse(
        content_version=CONTENT_VERSION,
        record=record_of(answers),
        answers=area_answers(answers),
    )


def _report_from_blobs(
    blobs: list[bytes], age_band: AgeBand | None, closed: bool, key: bytes
) -> Report:
    return build_report(stored.decode_records(blobs), age_band, closed=closed, noise_key=key)


InjectedClassChecks = NamedDependency[ClassChecks]
"""A handler parameter named `class_checks` gets the app's service (see service/app.py)."""

__all__ = [
    "ClassChecks",
    "CohortIn",
    "InjectedClassChecks",
    "KeyReused",
    "LanguageNotOffered",
    "NeedsSchool",
    "RecentClassChecks",
    "Stored",
    "TooManyAttempts",
    "clean_name",
    "is_valid_key",
]
