"""Make a class-check database with N synthetic responses, for the report benchmark.

    python bench/generate_responses.py DB --rows N [--seed S] [--force]

The schema comes from `safety_check.storage.Database`, so every migration runs. The cohorts are
what a busy service would hold: one class of 30, one whole school of 2,000 and, for the rest,
classes of about 30 (24 to 32). Every cohort but a few recent ones has closed, so their reports
are published; none is due for deletion within 300 days (the server purges expired checks).

Rows are realistic: a pool of a few hundred distinct valid answer sets (random options for every
question that applies, apps and devices weighted towards what students use, validated after
`prune`) goes once through `record_of` and `area_answers`, exactly as a submission does; each
row is a draw from the pool of its student's age band. Rows are inserted in the order a live
service would store them: each class answers in one lesson (the school in 67 lessons over
two weeks), each student some minutes into it, so concurrent lessons interleave on disk. The
inserts are plain `sqlite3` `executemany` in large transactions.

The ids and teacher keys of the class and the school, the time taken and the size are written to
DB with a .json suffix, and printed.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import sqlite3
import time
import zlib
from operator import itemgetter
from pathlib import Path
from typing import Any

import msgspec

from safety_check.answers import prune, validate
from safety_check.conditions import compile_condition
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONNAIRE
from safety_check.schools.codes import (
    hash_teacher_key,
    new_join_code,
    new_public_id,
    new_teacher_key,
)
from safety_check.schools.record import area_answers, record_of
from safety_check.storage import SqliteDatabase as Database

CLASS_SIZE = 30
SCHOOL_SIZE = 2_000
OTHER_CLASS_SIZES = (24, 32)
POOL_PER_BAND = 100
AGE_BANDS = ("under_13", "13_15", "16_17", "18_plus")
SCHOOL_AGES = (0.2, 0.45, 0.3, 0.05)
"""A school-wide check: mixed ages, so the school has no age band and each student gives theirs."""
CLASS_AGES = (0.25, 0.45, 0.25, 0.05)
HISTORY_DAYS = 60
LESSON_MINUTES = 15
SCHOOL_DAY = (9 * 60, 15 * 60)
KEEP_DAYS = 365
"""The longest a check's data may be kept, so a cached database outlives the server's purge."""
BATCH = 100_000
ANSWER_RATE = 0.9
SITUATION_NO = 0.9
"""How often a student answers "no" to a situation question (is someone threatening you...)."""
"""How often a student answers an optional question that applies to them."""
APP_USE = {
    "instagram": 0.6,
    "snapchat": 0.7,
    "tiktok": 0.7,
    "whatsapp": 0.7,
    "facebook": 0.15,
    "x": 0.15,
    "discord": 0.35,
    "youtube": 0.85,
    "telegram": 0.08,
    "dating_apps": 0.02,
}
DEVICE_USE = {
    "iphone_ipad": 0.6,
    "android": 0.45,
    "mac": 0.15,
    "windows": 0.5,
    "chromebook": 0.3,
    "games_console": 0.5,
}

_APPLIES = {q.id: compile_condition(q.condition) for q in QUESTIONNAIRE.questions if q.condition}
_PACK = msgspec.msgpack.Encoder()


def random_answers(
    rng: random.Random, age_band: str, safe_rate: float = 0.35
) -> dict[str, str | list[str]]:
    """One student's raw answers: every question that applies, answered at ANSWER_RATE; a
    `safe_rate` of them pick the first option (often the safest), the rest any."""
    raw: dict[str, str | list[str]] = {"profile.age_band": age_band}
    view: dict[str, str | tuple[str, ...]] = {"profile.age_band": age_band}
    weights = {"profile.apps": APP_USE, "profile.devices": DEVICE_USE}
    if age_band == "18_plus":
        weights["profile.apps"] = {**APP_USE, "dating_apps": 0.3}
    for question in QUESTIONNAIRE.questions:
        if question.id in raw:
            continue
        applies = _APPLIES.get(question.id)
        if applies is not None and applies(view) is False:
            continue
        if question.kind == "multi":
            use = weights.get(question.id, {})
            chosen = [
                option.id for option in question.options if rng.random() < use.get(option.id, 0.3)
            ]
            raw[question.id] = chosen
            view[question.id] = tuple(chosen)
        elif question.required or rng.random() < ANSWER_RATE:
            options = [option.id for option in question.options]
            if question.section == "situation":  # most are not being threatened
                pick = "no" if rng.random() < SITUATION_NO else rng.choice(options)
            else:
                pick = options[0] if rng.random() < safe_rate else rng.choice(options)
            raw[question.id] = pick
            view[question.id] = pick
    return raw


def answer_pool(rng: random.Random, per_band: int) -> dict[str, list[tuple[bytes, bytes]]]:
    """Distinct valid answer sets per age band, each as the (record, answers) blobs stored."""
    pool: dict[str, list[tuple[bytes, bytes]]] = {}
    for band in AGE_BANDS:
        seen: set[bytes] = set()
        rows: list[tuple[bytes, bytes]] = []
        while len(rows) < per_band:
            raw = prune(random_answers(rng, band))
            key = msgspec.json.encode(raw)
            if key in seen:
                continue
            seen.add(key)
            answers = validate(raw)
            rows.append(
                (
                    _PACK.encode(record_of(answers)),
                    zlib.compress(_PACK.encode(area_answers(answers))),
                )
            )
        pool[band] = rows
    return pool


class ClassCheck(msgspec.Struct, kw_only=True):
    id: int
    public_id: str
    join_code: str
    name: str
    age_band: str | None
    teacher_key: str
    created: dt.date
    closes: dt.date
    size: int
    lessons: int


def _cohorts(rng: random.Random, rows: int, today: dt.date) -> list[ClassCheck]:
    codes: set[str] = set()

    def class_check(
        number: int, name: str, age_band: str | None, size: int, created: dt.date, open_days: int
    ) -> ClassCheck:
        while (code := new_join_code()) in codes:
            pass
        codes.add(code)
        return ClassCheck(
            id=number,
            public_id=new_public_id(),
            join_code=code,
            name=name,
            age_band=age_band,
            teacher_key=new_teacher_key(),
            created=created,
            closes=created + dt.timedelta(days=open_days),
            size=size,
            lessons=max(1, round(size / CLASS_SIZE)),
        )

    class_checks = [
        class_check(1, "Year 9 Maple", "13_15", CLASS_SIZE, today - dt.timedelta(days=10), 7),
        class_check(2, "Whole school", None, SCHOOL_SIZE, today - dt.timedelta(days=20), 14),
    ]
    left = rows - CLASS_SIZE - SCHOOL_SIZE
    while left > 0:
        size = min(left, rng.randint(*OTHER_CLASS_SIZES))
        if left - size < OTHER_CLASS_SIZES[0]:
            size = left  # the last class takes the few left over
        left -= size
        number = len(class_checks) + 1
        band = rng.choices(AGE_BANDS[:3], CLASS_AGES[:3])[0]
        created = today - dt.timedelta(days=rng.randint(0, HISTORY_DAYS))
        class_checks.append(
            class_check(number, f"Class {number}", band, size, created, rng.randint(1, 14))
        )
    return class_checks


def _responses(
    rng: random.Random,
    class_checks: list[ClassCheck],
    pool: dict[str, list[tuple[bytes, bytes]]],
    today: dt.date,
) -> list[tuple[int, str, str, bytes, bytes]]:
    """Every row, in the order a live service would have stored them."""
    timed: list[tuple[float, int, str, bytes, bytes]] = []
    everyone = list(AGE_BANDS)
    for class_check in class_checks:
        last_day = min(class_check.closes, today)
        span = (last_day - class_check.created).days
        per_lesson, extra = divmod(class_check.size, class_check.lessons)
        for lesson in range(class_check.lessons):
            day = class_check.created + dt.timedelta(days=rng.randint(0, span))
            start = rng.uniform(SCHOOL_DAY[0], SCHOOL_DAY[1] - LESSON_MINUTES)
            clock = (day - today).days * 1440 + start
            text_day = day.isoformat()
            for _ in range(per_lesson + (lesson < extra)):
                band = class_check.age_band or rng.choices(everyone, SCHOOL_AGES)[0]
                record, answers = rng.choice(pool[band])
                at = clock + rng.uniform(0, LESSON_MINUTES)
                timed.append((at, class_check.id, text_day, record, answers))
    timed.sort(key=itemgetter(0))
    return [(cohort_id, day, CONTENT_VERSION, r, a) for _, cohort_id, day, r, a in timed]


async def _migrate(path: Path) -> None:
    database = Database(path)
    await database.open()
    await database.close()


def generate(path: Path, rows: int, seed: int = 1, force: bool = False) -> dict[str, Any]:
    """Write the database at `path` and its .json summary; return the summary."""
    if rows < CLASS_SIZE + SCHOOL_SIZE:
        raise SystemExit(f"--rows must be at least {CLASS_SIZE + SCHOOL_SIZE}")
    if path.exists() and not force:
        raise SystemExit(f"{path} exists (use --force to replace it)")
    start = time.perf_counter()
    rng = random.Random(seed)
    today = dt.datetime.now(dt.UTC).date()
    partial = path.with_name(path.name + ".partial")
    for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        stale.unlink(missing_ok=True)
    asyncio.run(_migrate(partial))
    pool = answer_pool(rng, POOL_PER_BAND)
    pool_seconds = time.perf_counter() - start
    class_checks = _cohorts(rng, rows, today)
    responses = _responses(rng, class_checks, pool, today)
    connection = sqlite3.connect(partial, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous = OFF")  # a generator, not the service
        connection.execute("PRAGMA cache_size = -262144")
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO cohorts (id, public_id, join_code, name, age_band, teacher_key_hash,"
            " created_day, closes_day, delete_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.id,
                    c.public_id,
                    c.join_code,
                    c.name,
                    c.age_band,
                    hash_teacher_key(c.teacher_key),
                    c.created.isoformat(),
                    c.closes.isoformat(),
                    (c.closes + dt.timedelta(days=KEEP_DAYS)).isoformat(),
                )
                for c in class_checks
            ],
        )
        connection.execute("COMMIT")
        for offset in range(0, len(responses), BATCH):
            connection.execute("BEGIN")
            connection.executemany(
                "INSERT INTO responses (cohort_id, day, content_version, record, answers)"
                " VALUES (?, ?, ?, ?, ?)",
                responses[offset : offset + BATCH],
            )
            connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    partial.rename(path)
    seconds = time.perf_counter() - start
    size = path.stat().st_size

    def teacher(class_check: ClassCheck) -> dict[str, Any]:
        return {
            "id": class_check.public_id,
            "teacher_key": class_check.teacher_key,
            "join_code": class_check.join_code,
            "responses": class_check.size,
            "age_band": class_check.age_band,
        }

    summary: dict[str, Any] = {
        "rows": len(responses),
        "cohorts": len(class_checks),
        "pool": sum(len(sets) for sets in pool.values()),
        "class": teacher(class_checks[0]),
        "school": teacher(class_checks[1]),
        "seconds": round(seconds, 2),
        "pool_seconds": round(pool_seconds, 2),
        "bytes": size,
        "content_version": CONTENT_VERSION,
        "generated_day": today.isoformat(),
    }
    path.with_suffix(".json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path, help="the SQLite file to create")
    parser.add_argument("--rows", type=int, required=True, help="responses in all")
    parser.add_argument("--seed", type=int, default=1, help="for the answers and the layout")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args()
    summary = generate(args.database, args.rows, args.seed, args.force)
    print(
        f"{summary['rows']:,} responses in {summary['cohorts']:,} cohorts "
        f"({summary['pool']} distinct answer sets) in {summary['seconds']:.1f} s "
        f"(pool {summary['pool_seconds']:.1f} s); {summary['bytes'] / 1e6:.1f} MB "
        f"at {args.database}"
    )
    for name in ("class", "school"):
        print(f"{name}: {json.dumps(summary[name])}")
    print(f"summary: {args.database.with_suffix('.json')}")


if __name__ == "__main__":
    main()
