"""Class checks on both engines: finding classes, the closing rule, what a response row holds, expiry.

Lookups read the real UTC date (a class past its delete day is gone before any purge), so a class
a test needs to find is made today; fixed days are used only where nothing is looked up.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import zlib
from collections.abc import AsyncIterator
from pathlib import Path

import msgspec
import pytest

from safety_check.answers import validate
from safety_check.plan import build_plan
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.schools.class_check import KeptResponse, Stored
from safety_check.schools.codes import JOIN_ALPHABET, hash_teacher_key, normalise_join_code
from safety_check.schools.record import SITUATION_RULES, ResponseRecord, area_answers, record_for
from safety_check.storage import Database, open_database
from safety_check.storage import class_checks as cohorts_module
from safety_check.storage.class_checks import (
    ClassCheck,
    NewClassCheck,
    close_class_check,
    count_responses,
    create_class_check,
    delete_class_check,
    find_by_code,
    find_by_public_id,
    find_by_teacher_key,
    find_for_teacher,
    list_class_checks,
    purge_expired,
    response_records,
    school_today,
    session_secret,
    store_response,
)
from safety_check.storage.database import SqliteDatabase
from tests.engines import ENGINES, columns, database_location, query
from tests.engines import dump as dump_all

DAY = dt.date(2026, 3, 2)
"""A fixed day for date arithmetic; classes made on it can no longer be looked up."""
ONE_DAY = dt.timedelta(days=1)
SCORES_A = (10, 20, None, 30, 40, None, 50, 60, None, 70)
SCORES_B = (90, 80, 70, None, 60, 50, None, 40, 30, 20)


@pytest.fixture(params=ENGINES)
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    with database_location(request.param, tmp_path) as location:
        db = open_database(location)
        await db.open()
        yield db
        await db.close()


def location_of(database: Database) -> str | Path:
    return database.path if isinstance(database, SqliteDatabase) else database.url  # type: ignore[attr-defined]


def sqlite_only(database: Database) -> SqliteDatabase:
    if not isinstance(database, SqliteDatabase):
        pytest.skip("about SQLite's own files")
    return database


async def new_class(
    database: Database,
    name: str = "7B",
    *,
    open_days: int = 7,
    keep_days: int = 30,
    today: dt.date | None = None,
) -> NewClassCheck:
    """A class made on `today`, by default the real UTC date, so lookups still find it."""
    return await create_class_check(
        database,
        name=name,
        age_band="13_15",
        open_days=open_days,
        keep_days=keep_days,
        today=today,
    )


async def store(
    database: Database,
    class_check: ClassCheck,
    scores: tuple[int | None, ...] = SCORES_A,
    *,
    today: dt.date | None = None,
) -> bool:
    """Store a response on `today`, by default the database's own UK date."""
    record = ResponseRecord(scores=scores, recommended=("privacy_settings_review_regularly",))
    kept = KeptResponse(
        content_version=CONTENT_VERSION,
        record=record,
        answers={"privacy_settings.last_review": "never"},
    )
    outcome = await store_response(database, class_check, kept, today=today)
    assert outcome in {Stored.STORED, Stored.CLOSED}
    return outcome is Stored.STORED


def raw_rows(database: Database, sql: str, *args: object) -> list[tuple[object, ...]]:
    """Read the stored data directly, as anyone holding a copy of it could."""
    return query(location_of(database), sql, *args)


def responses_of(database: Database, class_check: ClassCheck) -> int:
    rows = raw_rows(database, "SELECT count(*) FROM responses WHERE cohort_id = ?", class_check.id)
    return int(rows[0][0])


def on_disk(database: Database) -> bytes:
    """The database file and its write-ahead log, byte for byte."""
    database = sqlite_only(database)
    wal = database.path.with_name(database.path.name + "-wal")
    return database.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def wal_size(database: Database) -> int:
    database = sqlite_only(database)
    wal = database.path.with_name(database.path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


async def test_open_days_include_the_day_the_check_is_made(database: Database) -> None:
    """ "Open for 7 days" means today and the six days after it; keeping counts from the close."""
    class_check = (await new_class(database, open_days=7, keep_days=30, today=DAY)).class_check
    assert class_check.created_day == "2026-03-02"
    assert class_check.closes_day == "2026-03-08"
    assert class_check.delete_day == "2026-04-07"  # counted from the closing day
    one_day = (await new_class(database, "8C", open_days=1, keep_days=1, today=DAY)).class_check
    assert (one_day.created_day, one_day.closes_day, one_day.delete_day) == (
        "2026-03-02",
        "2026-03-02",  # open for the day it is made, and no longer
        "2026-03-03",
    )
    across = (await new_class(database, "9D", open_days=30, keep_days=90, today=DAY)).class_check
    assert (across.closes_day, across.delete_day) == ("2026-03-31", "2026-06-29")


async def test_create_then_find_by_code_and_public_id(database: Database) -> None:
    today = school_today()
    made = await new_class(database, open_days=7, keep_days=30, today=today)
    class_check = made.class_check
    assert class_check.name == "7B" and class_check.age_band == "13_15"
    assert class_check.created_day == today.isoformat()
    assert class_check.closes_day == (today + 6 * ONE_DAY).isoformat()
    assert class_check.delete_day == (today + 36 * ONE_DAY).isoformat()
    assert class_check.closed_early_day is None
    assert normalise_join_code(class_check.join_code) == class_check.join_code
    assert set(class_check.join_code) <= set(JOIN_ALPHABET)
    assert class_check.teacher_key_hash == hash_teacher_key(made.teacher_key)
    assert await find_by_code(database, class_check.join_code) == class_check
    assert await find_by_public_id(database, class_check.public_id) == class_check
    assert await find_by_teacher_key(database, made.teacher_key) == class_check
    assert await find_by_code(database, "ZZZZZZZZ") is None
    assert await find_by_public_id(database, "no-such-class") is None
    assert await find_by_teacher_key(database, "sctk_wrong") is None


async def test_a_class_past_its_delete_day_is_gone_before_the_purge(database: Database) -> None:
    """From its delete day on, no lookup finds a class, though its row waits for the purge."""
    today = school_today()
    # Open 7 days and kept 30: made 36 days ago, today is its delete day; 35 days ago, tomorrow.
    expired = await new_class(database, "7B", today=today - 36 * ONE_DAY)
    last_day = await new_class(database, "8C", today=today - 35 * ONE_DAY)
    assert expired.class_check.delete_day == today.isoformat()
    assert last_day.class_check.delete_day == (today + ONE_DAY).isoformat()
    assert await find_by_code(database, expired.class_check.join_code) is None
    assert await find_by_public_id(database, expired.class_check.public_id) is None
    assert await find_by_teacher_key(database, expired.teacher_key) is None
    assert (
        await find_for_teacher(database, expired.class_check.public_id, expired.teacher_key) is None
    )
    assert raw_rows(database, "SELECT count(*) FROM cohorts")[0][0] == 2  # not purged yet
    live = last_day.class_check
    assert await find_by_code(database, live.join_code) == live
    assert await find_by_public_id(database, live.public_id) == live
    assert await find_by_teacher_key(database, last_day.teacher_key) == live
    assert await find_for_teacher(database, live.public_id, last_day.teacher_key) == live
    assert await purge_expired(database) == (1, 0)
    assert [row["public_id"] for row in raw_rows(database, "SELECT * FROM cohorts")] == [
        live.public_id
    ]


async def test_the_teacher_key_is_not_stored(database: Database) -> None:
    made = await new_class(database)
    dump = dump_all(location_of(database))
    assert made.teacher_key not in dump
    assert made.teacher_key.removeprefix("sctk_") not in dump


async def test_wrong_key_and_unknown_class_look_the_same(database: Database) -> None:
    """Telling them apart would let someone learn which class ids exist."""
    first = await new_class(database, "7B")
    second = await new_class(database, "8C")
    assert await find_for_teacher(database, first.class_check.public_id, first.teacher_key) == (
        first.class_check
    )
    assert await find_for_teacher(database, first.class_check.public_id, second.teacher_key) is None
    assert await find_for_teacher(database, first.class_check.public_id, "") is None
    assert await find_for_teacher(database, "no-such-class", first.teacher_key) is None
    assert await find_for_teacher(database, "no-such-class", "") is None


async def test_codes_that_collide_are_drawn_again(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = iter(["AAAAAAAA", "AAAAAAAA", "BBBBBBBB"])
    monkeypatch.setattr(cohorts_module, "new_join_code", lambda: next(drawn))
    assert (await new_class(database, "7B")).class_check.join_code == "AAAAAAAA"
    assert (await new_class(database, "8C")).class_check.join_code == "BBBBBBBB"
    monkeypatch.setattr(cohorts_module, "new_join_code", lambda: "AAAAAAAA")
    with pytest.raises(RuntimeError, match="free join code"):
        await new_class(database, "9D")
    assert len(await list_class_checks(database, DAY)) == 2


async def test_responses_are_taken_until_the_end_of_the_closing_day(database: Database) -> None:
    class_check = (await new_class(database, open_days=7, today=DAY)).class_check
    closes = DAY + 6 * ONE_DAY
    assert class_check.closes_day == closes.isoformat()
    assert await store(database, class_check, today=DAY)
    assert await store(database, class_check, today=closes)
    assert class_check.is_open(closes) and not class_check.is_open(closes + ONE_DAY)
    assert not await store(database, class_check, today=closes + ONE_DAY)
    assert not await store(database, class_check, today=closes + 30 * ONE_DAY)
    assert await count_responses(database, class_check) == 2


async def test_without_a_day_the_database_clock_decides(database: Database) -> None:
    """With no day given, the stored day and the open check both use the database's UK date."""
    today = school_today()
    closes_today = (await new_class(database, "7B", today=today - 6 * ONE_DAY)).class_check
    closed_yesterday = (await new_class(database, "8C", today=today - 7 * ONE_DAY)).class_check
    assert closes_today.closes_day == today.isoformat()
    assert closed_yesterday.closes_day == (today - ONE_DAY).isoformat()
    assert await store(database, closes_today)
    assert not await store(database, closed_yesterday)
    [row] = raw_rows(database, "SELECT cohort_id, day FROM responses")
    assert (row["cohort_id"], row["day"]) == (closes_today.id, today.isoformat())
    assert responses_of(database, closed_yesterday) == 0


async def test_the_database_counts_days_in_the_uk(database: Database) -> None:
    """`{today}` is the UK's date on both engines: at 23:30 UTC in summer it is already the
    next day in London, and a check that closed "yesterday" there takes nothing more."""
    [(sql_day,)] = await database.fetch_all(database.sql("SELECT {today}"))
    assert sql_day == school_today().isoformat()
    if database.dialect == "postgresql":
        [(summer,)] = await database.fetch_all(
            database.sql(
                "SELECT to_char(('2026-07-01 23:30:00+00'::timestamptz AT TIME ZONE "
                "'Europe/London')::date, 'YYYY-MM-DD')"
            )
        )
        assert summer == "2026-07-02"
        assert "Europe/London" in database.sql("{today}")


async def test_sqlite_reads_the_uk_date_from_python_inside_the_statement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(str(tmp_path / "days.db"))
    await database.open()
    try:
        monkeypatch.setattr(
            "safety_check.storage.database.school_today", lambda: dt.date(2026, 7, 2)
        )
        [(sql_day,)] = await database.fetch_all(database.sql("SELECT {today}"))
        assert sql_day == "2026-07-02"
    finally:
        await database.close()


async def test_closing_early_stops_responses_even_with_a_stale_class(database: Database) -> None:
    """The open check runs inside the write, not on the Cohort the caller looked up earlier."""
    today = school_today()
    class_check = (await new_class(database, today=today)).class_check
    assert await store(database, class_check, today=today)
    await close_class_check(database, class_check, today + ONE_DAY)
    assert class_check.is_open(today)  # the caller's copy still says open
    assert not await store(database, class_check, today=today + ONE_DAY)
    assert not await store(database, class_check, today=today)
    assert not await store(database, class_check)
    assert await count_responses(database, class_check) == 1
    closed = await find_by_public_id(database, class_check.public_id)
    assert closed is not None
    assert closed.closed_early_day == (today + ONE_DAY).isoformat()
    # The data are kept 30 days from the day it closed, no longer from the planned closing day.
    assert closed.closes_day == (today + 6 * ONE_DAY).isoformat()
    assert closed.delete_day == (today + 31 * ONE_DAY).isoformat()
    # Closing again keeps the first closing day, and so the first delete day.
    await close_class_check(database, class_check, today + 3 * ONE_DAY)
    again = await find_by_public_id(database, class_check.public_id)
    assert again == closed
    assert not again.is_open(today)
    assert again.closed_day() == (today + ONE_DAY).isoformat()


async def test_closing_after_the_closing_day_records_the_closing_day(database: Database) -> None:
    """A check that closed by date is sealed on its closing day; its delete day stays put."""
    class_check = (await new_class(database, open_days=7, keep_days=30, today=DAY)).class_check
    await close_class_check(database, class_check, DAY + 20 * ONE_DAY)
    [row] = raw_rows(database, "SELECT * FROM cohorts")
    assert row["closed_early_day"] == "2026-03-08"  # its closing day, not the day of the call
    assert row["closes_day"] == "2026-03-08"
    assert row["delete_day"] == "2026-04-07"
    closed = await new_class(database, "8C", open_days=7, keep_days=30, today=DAY)
    await close_class_check(database, closed.class_check, DAY)  # on the day it was made
    [row] = raw_rows(database, "SELECT * FROM cohorts WHERE id = ?", closed.class_check.id)
    assert (row["closed_early_day"], row["delete_day"]) == ("2026-03-02", "2026-04-01")


async def test_no_response_lands_in_a_deleted_class(database: Database) -> None:
    class_check = (await new_class(database)).class_check
    await delete_class_check(database, class_check)
    assert not await store(database, class_check)
    assert raw_rows(database, "SELECT count(*) FROM responses")[0][0] == 0


async def test_a_response_row_holds_no_situation_or_profile_answer(database: Database) -> None:
    """Stored through the same steps as a real submission, then read back from the file."""
    class_check = (await new_class(database, today=DAY)).class_check
    answers = validate(
        {
            "profile.age_band": "16_17",
            "profile.devices": ["android"],
            "profile.apps": ["snapchat"],
            "situation.threat_to_share": "yes",
            "situation.image_shared": "not_sure",
            "sextortion.paid_money": "yes",
            "sextortion.who_is_threatening": "someone_i_know",
            "sextortion.checks_new_contacts": "never",
            "privacy_settings.snapchat_location": "all_friends",
        }
    )
    plan = build_plan(answers)
    kept = KeptResponse(
        content_version=CONTENT_VERSION,
        record=record_for(answers, plan),
        answers=area_answers(answers),
    )
    assert await store_response(database, class_check, kept, today=DAY) is Stored.STORED
    assert columns(location_of(database), "responses") == [
        "id",
        "cohort_id",
        "day",
        "content_version",
        "record",
        "answers",
    ]
    [row] = raw_rows(database, "SELECT * FROM responses")
    assert row["cohort_id"] == class_check.id
    assert row["day"] == "2026-03-02"  # a day, never a time
    assert row["content_version"] == CONTENT_VERSION
    unpacked = zlib.decompress(row["answers"])
    stored = msgspec.msgpack.decode(unpacked)
    assert stored == {
        "privacy_settings.snapchat_location": "all_friends",
        "sextortion.checks_new_contacts": "never",
    }
    for secret in (
        b"situation.",
        b"threat",
        b"image_shared",
        b"not_sure",
        b"paid_money",
        b"someone_i_know",
        b"profile.",
        b"16_17",
        b"android",
    ):
        assert secret not in unpacked
    for secret in (b"situation", b"threat", b"paid", b"stay_safe_now"):
        assert secret not in row["record"]
    record = msgspec.msgpack.decode(row["record"], type=ResponseRecord)
    assert record == record_for(answers, plan)
    assert not SITUATION_RULES & set(record.recommended)
    assert "sextortion_check_new_contacts" in record.recommended


async def test_purge_removes_only_classes_whose_delete_day_has_come(database: Database) -> None:
    early = (await new_class(database, "7B", open_days=1, keep_days=10)).class_check
    late = (await new_class(database, "8C", open_days=1, keep_days=20)).class_check
    for _ in range(3):
        assert await store(database, early)
    for _ in range(2):
        assert await store(database, late)
    early_day = dt.date.fromisoformat(early.delete_day)
    late_day = dt.date.fromisoformat(late.delete_day)
    assert await purge_expired(database, today=early_day - ONE_DAY) == (0, 0)
    assert await purge_expired(database, today=early_day) == (1, 3)
    assert await find_by_public_id(database, early.public_id) is None
    assert await find_by_code(database, early.join_code) is None
    assert responses_of(database, early) == 0  # cascaded, not orphaned
    assert await find_by_public_id(database, late.public_id) == late
    assert responses_of(database, late) == 2
    assert await purge_expired(database, today=early_day) == (0, 0)
    assert await purge_expired(database, today=late_day + 100 * ONE_DAY) == (1, 2)
    assert raw_rows(database, "SELECT count(*) FROM responses")[0][0] == 0
    assert raw_rows(database, "SELECT count(*) FROM cohorts")[0][0] == 0


async def test_deleting_and_purging_leave_nothing_in_the_write_ahead_log(
    database: Database,
) -> None:
    """Deleted rows are overwritten in the file and the log is emptied, not left to age out."""
    doomed = (await new_class(database, "Doomed class Q7X", today=DAY)).class_check
    expired = (await new_class(database, "Expired class W4K", open_days=1, today=DAY)).class_check
    kept = (await new_class(database, "Kept class", today=school_today())).class_check
    assert await store(database, doomed, today=DAY)
    assert await store(database, expired, today=DAY)
    assert await store(database, kept)
    assert b"Doomed class Q7X" in on_disk(database)
    assert wal_size(database) > 0
    await delete_class_check(database, doomed)
    assert wal_size(database) == 0
    assert b"Doomed class Q7X" not in on_disk(database)
    assert b"Expired class W4K" in on_disk(database)
    assert await store(database, kept)  # the log fills again
    assert wal_size(database) > 0
    assert await purge_expired(database, today=dt.date.fromisoformat(expired.delete_day)) == (1, 1)
    assert wal_size(database) == 0
    assert b"Expired class W4K" not in on_disk(database)
    assert b"Kept class" in on_disk(database)


async def test_delete_removes_the_class_and_its_responses(database: Database) -> None:
    doomed = (await new_class(database, "7B")).class_check
    kept = (await new_class(database, "8C")).class_check
    for class_check in (doomed, kept, doomed):
        assert await store(database, class_check)
    await delete_class_check(database, doomed)
    assert await find_by_public_id(database, doomed.public_id) is None
    assert responses_of(database, doomed) == 0
    assert await count_responses(database, doomed) == 0
    assert await response_records(database, doomed) == []
    assert responses_of(database, kept) == 1
    assert await find_by_public_id(database, kept.public_id) == kept


async def test_classes_never_see_each_others_responses(database: Database) -> None:
    first = (await new_class(database, "7B")).class_check
    second = (await new_class(database, "8C")).class_check
    for scores in (SCORES_A, SCORES_B, SCORES_A, SCORES_A, SCORES_B):
        assert await store(database, first if scores == SCORES_A else second, scores)
    first_records = await response_records(database, first)
    second_records = await response_records(database, second)
    assert [record.scores for record in first_records] == [SCORES_A] * 3
    assert [record.scores for record in second_records] == [SCORES_B] * 2
    assert await count_responses(database, first) == 3
    assert await count_responses(database, second) == 2


async def test_list_cohorts(database: Database) -> None:
    """The operator's list shows every class, even one past its delete day, until the purge."""
    first = (await new_class(database, "7B", open_days=2, today=DAY)).class_check
    second = (await new_class(database, "8C", open_days=5, today=DAY)).class_check
    assert await store(database, first, today=DAY)
    await close_class_check(database, second, DAY + ONE_DAY)
    listed = await list_class_checks(database, today=DAY)
    assert [(c.public_id, c.name, c.open, c.responses) for c in listed] == [
        (first.public_id, "7B", True, 1),
        (second.public_id, "8C", False, 0),
    ]
    assert listed[1].closes_day == "2026-03-03"  # the early closing day, not the planned one
    assert [c.delete_day for c in listed] == ["2026-04-02", "2026-04-02"]  # 30 days after each
    assert [c.open for c in await list_class_checks(database, today=DAY + 3 * ONE_DAY)] == [
        False
    ] * 2


@pytest.mark.parametrize("engine", ENGINES)
async def test_session_secret_is_made_once_and_kept(tmp_path: Path, engine: str) -> None:
    """Every worker and every restart must sign and check teacher sessions with one key."""
    with (
        database_location(engine, tmp_path) as path,
        database_location(engine, tmp_path / "o") as other_path,
    ):
        await _secret_is_kept(path, other_path)


async def _secret_is_kept(path: str | Path, other_path: str | Path) -> None:
    db = open_database(path)
    await db.open()
    first = await session_secret(db)
    together = await asyncio.gather(*(session_secret(db) for _ in range(5)))
    await db.close()
    assert len(first) == 32
    assert set(together) == {first}
    reopened = open_database(path)
    await reopened.open()
    try:
        assert await session_secret(reopened) == first
    finally:
        await reopened.close()
    other = open_database(other_path)
    await other.open()
    try:
        assert await session_secret(other) != first
    finally:
        await other.close()


async def store_once(
    database: Database, class_check: ClassCheck, once: str, **kwargs: object
) -> str:
    kept = KeptResponse(
        content_version=CONTENT_VERSION,
        record=ResponseRecord(scores=SCORES_A, recommended=()),
        answers={"privacy_settings.last_review": "never"},
    )
    outcome = await store_response(database, class_check, kept, once=once, **kwargs)  # type: ignore[arg-type]
    return outcome.value


async def test_a_form_token_counts_once_even_when_sent_at_the_same_moment(
    database: Database,
) -> None:
    """A double click sends the same form twice at once; exactly one copy is stored."""
    class_check = (await new_class(database)).class_check
    outcomes = await asyncio.gather(
        *(store_once(database, class_check, "t" * 22) for _ in range(20))
    )
    assert sorted(outcomes) == ["already"] * 19 + ["stored"]
    assert await store_once(database, class_check, "u" * 22) == "stored"
    assert responses_of(database, class_check) == 2


async def test_responses_written_together_each_get_their_own_outcome(
    database: Database,
) -> None:
    """Alike responses of a batch share their inserts; one to a class closed a moment ago
    still gets `closed`, spends no token and leaves the others stored."""
    today = school_today()
    open_class = (await new_class(database, today=today)).class_check
    closed = (await new_class(database, "8C", today=today)).class_check
    await close_class_check(database, closed, today)
    outcomes = await asyncio.gather(
        *(store_once(database, open_class, f"{index:022d}") for index in range(10)),
        store_once(database, closed, "c" * 22),
        *(store_once(database, open_class, f"{index:022d}") for index in range(10, 15)),
    )
    assert outcomes == ["stored"] * 10 + ["closed"] + ["stored"] * 5
    assert responses_of(database, open_class) == 15
    assert responses_of(database, closed) == 0
    assert raw_rows(database, "SELECT count(*) FROM spent_tokens")[0][0] == 15


async def test_a_token_is_kept_only_as_a_hash_and_leaves_with_its_class(
    database: Database,
) -> None:
    class_check = (await new_class(database)).class_check
    other = (await new_class(database, "8C")).class_check
    token = "AbCdEfGhIjKlMnOpQrStUv"
    assert await store_once(database, class_check, token) == "stored"
    assert await store_once(database, other, "x" * 22) == "stored"
    assert token.encode() not in on_disk(database)
    await delete_class_check(database, class_check)
    [row] = raw_rows(database, "SELECT cohort_id FROM spent_tokens")
    assert row["cohort_id"] == other.id


async def test_a_closed_check_spends_no_token(database: Database) -> None:
    """Nothing was stored, so the same form is not reported as already counted."""
    today = school_today()
    class_check = (await new_class(database, today=today)).class_check
    await close_class_check(database, class_check, today)
    assert await store_once(database, class_check, "c" * 22) == "closed"
    assert await store_once(database, class_check, "c" * 22) == "closed"
    assert raw_rows(database, "SELECT count(*) FROM spent_tokens")[0][0] == 0
    assert responses_of(database, class_check) == 0
