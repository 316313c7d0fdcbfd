"""Class checks through the JSON API: what a teacher and a class can do, and what nobody else can.

These tests are about the promises made to schools: the teacher key is never stored, a student's
situation answers never reach the teacher, small numbers are never published, one class's key
opens nothing else, join codes and keys cannot be guessed at speed, and every response is kept
out of caches. Each test reads the SQLite file or the JSON the way an outsider would.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import secrets
import zlib
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import msgspec
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check import i18n
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.schools.codes import JOIN_ALPHABET
from safety_check.schools.noise import EPSILON, class_noise_key
from safety_check.schools.record import SITUATION_QUESTIONS, SITUATION_RULES
from safety_check.schools.report import BAND_LABELS, build_report
from safety_check.service.app import services_of
from safety_check.service.classes.api import CODE_NOT_FOUND, NOT_FOUND
from safety_check.service.classes.checks import (
    BAD_CODE_LIMIT,
    BAD_TEACHER_KEY_LIMIT,
    CREATE_LIMIT_PER_HOUR,
    KEEP_DAYS_MAX,
    MADE_TOO_MANY,
    NAME_MAX,
    OPEN_DAYS_MAX,
    SLOW_LANE_SECONDS,
)
from safety_check.service.platform.headers import CONTENT_SECURITY_POLICY
from safety_check.settings import Settings
from safety_check.storage import class_checks as cohorts_module
from tests.engines import BOTH_ENGINES, Row, dump, query, stored_at

DISCLOSURES = frozenset(q.id for q in QUESTIONNAIRE.questions if q.role == "disclosure")
pytestmark = BOTH_ENGINES
Client = AsyncTestClient[Litestar]
NAME_REFUSED = "Give the class a name of 1 to 80 characters, without control characters."
Json = dict[str, Any]
COHORTS = "/api/v1/cohorts"
PROBLEM_JSON = "application/problem+json"
CODE_RE = re.compile(f"^[{JOIN_ALPHABET}]{{4}}-[{JOIN_ALPHABET}]{{4}}$")
ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
UNKNOWN_CODE = "ZZZZ-ZZZZ"  # well-formed; a live code matches it once in 26**8
FROZEN = 30.0

GOOD_SECURITY = {
    "account_security.two_step_verification": "all",
    "account_security.password_reuse": "no",
}
WEAK_SECURITY = {
    "account_security.two_step_verification": "none",
    "account_security.password_reuse": "most",
}
MIDDLING_SECURITY = {
    "account_security.two_step_verification": "some",
    "account_security.password_reuse": "some",
}
THREATENED = {
    "situation.threat_to_share": "yes",
    "situation.image_shared": "yes",
    "sextortion.paid_money": "yes",
    "sextortion.who_is_threatening": "only_online",
}
HARMED = {
    "deepfakes.fake_image_of_you": "yes",
    "account_security.someone_knows_passwords": "yes",
    "getting_help.someone_checks_phone": "yes",
}
"""Area answers that tell of harm done to the student (`DISCLOSURES`)."""


@pytest.fixture(autouse=True)
def frozen_clocks(app: Litestar) -> list[float]:
    """Keep each test inside one minute and one hour window, whatever the wall clock does.

    Without this a test that crosses a minute boundary would see its counts reset (or, for the
    general per-address limit, shared across two windows). Tests that need time to pass set
    `now[0]`.
    """
    now = [FROZEN]
    services_of(app).platform.access.limiter.clock = lambda: now[0]
    services_of(app).platform.access.hourly.clock = lambda: now[0]
    return now


# --- helpers ---------------------------------------------------------------------------------


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def student(extra: Json | None = None, age_band: str | None = "13_15") -> Json:
    answers: Json = {"profile.age_band": age_band} if age_band else {}
    return {"answers": {**answers, **(extra or {})}}


async def create(client: Client, **fields: Any) -> Json:
    body = {"name": "Year 9 Maple", **fields}
    response = await client.post(COHORTS, json=body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def submit(client: Client, code: str, body: Json) -> httpx.Response:
    return await client.post(f"{COHORTS}/{code}/responses", json=body)


async def submit_ok(client: Client, code: str, body: Json) -> Json:
    response = await submit(client, code, body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def report(client: Client, class_check: Json, key: str | None = None) -> httpx.Response:
    return await client.get(
        f"{COHORTS}/{class_check['id']}/report", headers=bearer(key or class_check["teacher_key"])
    )


async def close(client: Client, class_check: Json) -> None:
    response = await client.post(
        f"{COHORTS}/{class_check['id']}/close", headers=bearer(class_check["teacher_key"])
    )
    assert response.status_code == 204, response.text


def assert_problem(response: httpx.Response, status: int) -> Json:
    assert response.status_code == status, response.text[:200]
    assert response.headers["content-type"] == PROBLEM_JSON
    body: Json = response.json()
    assert body["status"] == status
    assert body["title"]
    return body


def assert_private(response: httpx.Response) -> None:
    """The headers that keep answers, plans, reports and keys out of caches and other pages."""
    assert response.headers["cache-control"] == "no-store", response.status_code
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["referrer-policy"] == "no-referrer"


def rows(settings: Settings, sql: str) -> list[Row]:
    """The stored data read directly, as anyone with the disk (or the database) would see it."""
    return query(stored_at(settings), sql)


def count_rows(settings: Settings, table: str) -> int:
    assert table in {"cohorts", "responses"}
    [(count,)] = rows(settings, f"SELECT count(*) FROM {table}")  # noqa: S608
    return int(count)


def utc_today() -> dt.date:
    """Today as class checks count days: in the UK (the name is kept for the tests' diffs)."""
    return dt.datetime.now(ZoneInfo("Europe/London")).date()


def unknown_code(index: int) -> str:
    """A different well-formed code for each index below 26**2, matching no class."""
    size = len(JOIN_ALPHABET)
    return f"ZZZZ-ZZ{JOIN_ALPHABET[index % size]}{JOIN_ALPHABET[index // size]}"


def counts_in(value: Any) -> Iterator[Any]:
    """Every published count (a "count" or "scored" value) anywhere in a JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in {"count", "scored"}:
                yield item
            yield from counts_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from counts_in(item)


# --- create ----------------------------------------------------------------------------------


async def test_create_returns_every_field(client: Client) -> None:
    """The teacher gets everything needed to run the check, and the key is shown this once."""
    before = utc_today()
    response = await client.post(
        COHORTS, json={"name": "Year 9 Maple", "age_band": "13_15", "open_days": 7, "keep_days": 30}
    )
    after = utc_today()
    assert response.status_code == 201, response.text
    assert response.headers["content-type"] == "application/json"
    assert_private(response)
    body = response.json()
    assert set(body) == {
        "id",
        "name",
        "age_band",
        "language",
        "join_code",
        "join_url",
        "qr_svg",
        "teacher_key",
        "open_until",
        "delete_on",
    }
    assert ID_RE.match(body["id"]) and len(body["id"]) >= 16  # random, not a row number
    assert body["name"] == "Year 9 Maple"
    assert body["age_band"] == "13_15"
    assert CODE_RE.match(body["join_code"]), body["join_code"]
    assert body["join_url"].startswith("http")
    assert body["join_url"].endswith(f"/join/{body['join_code']}")
    assert body["qr_svg"].lstrip().startswith(("<svg", "<?xml"))
    assert "</svg>" in body["qr_svg"]
    assert body["teacher_key"].startswith("sctk_") and len(body["teacher_key"]) >= 32
    # Open for 7 days, today included: the last day is six days from now.
    assert body["open_until"] in {
        (day + dt.timedelta(days=6)).isoformat() for day in (before, after)
    }
    open_until = dt.date.fromisoformat(body["open_until"])
    assert body["delete_on"] == (open_until + dt.timedelta(days=30)).isoformat()


async def test_create_defaults(client: Client) -> None:
    """No age band and the documented default open and keep periods (30 and 90 days)."""
    before = utc_today()
    body = await create(client)
    after = utc_today()
    assert body["age_band"] is None
    assert body["open_until"] in {
        (day + dt.timedelta(days=29)).isoformat() for day in (before, after)
    }
    open_until = dt.date.fromisoformat(body["open_until"])
    assert body["delete_on"] == (open_until + dt.timedelta(days=90)).isoformat()


async def test_each_create_gets_its_own_code_id_and_key(client: Client) -> None:
    """Codes, ids and keys are drawn fresh, so one class cannot stumble into another."""
    first, second = await create(client), await create(client)
    for field in ("id", "join_code", "teacher_key"):
        assert first[field] != second[field]


async def test_teacher_key_is_not_stored_in_plain_text(client: Client, settings: Settings) -> None:
    """Someone with a copy of the database file must not be able to open any class's report."""
    body = await create(client)
    key = body["teacher_key"]
    stored = rows(settings, "SELECT * FROM cohorts")
    assert len(stored) == 1
    for value in stored[0]:
        if isinstance(value, bytes):
            assert key.encode() not in value
            assert key.removeprefix("sctk_").encode() not in value
        else:
            assert key not in str(value)
            assert key.removeprefix("sctk_") not in str(value)
    if settings.database_url is None:
        raw = b"".join(
            path.read_bytes()
            for path in (
                settings.database,
                settings.database.with_name(settings.database.name + "-wal"),
            )
            if path.exists()
        )
        assert key.removeprefix("sctk_").encode() not in raw
    assert key.removeprefix("sctk_") not in dump(stored_at(settings))


async def test_name_is_trimmed(client: Client) -> None:
    """Stray spaces from copy and paste are not part of the class name shown to the teacher."""
    cases = {
        "  Year 9 Maple  ": "Year 9 Maple",
        "Year   9\tMaple\n": "Year 9 Maple",
        "  " + "x" * 76 + "  ": "x" * 76,
        "n" * NAME_MAX: "n" * NAME_MAX,  # the limit is inclusive
        # Line and paragraph separators are white space: one ordinary space, never kept.
        "Year\u20289\u2029Maple": "Year 9 Maple",
    }
    for typed, stored in cases.items():
        body = await create(client, name=typed)
        assert body["name"] == stored
        assert (await report(client, body)).json()["name"] == stored


BLANK_OR_C0_NAMES = (" ", "     ", "\t \n", "Year 9\x00", "\x1b[31mYear 9", "Year\x079")


async def test_blank_or_control_character_names_are_422(client: Client, settings: Settings) -> None:
    """A class name is shown on dashboards and exports; blank or control characters are refused."""
    statuses = {}
    for name in BLANK_OR_C0_NAMES:
        response = await client.post(COHORTS, json={"name": name})
        statuses[name] = response.status_code
        if response.status_code == 422:
            assert_problem(response, 422)
            assert_private(response)
    assert statuses == dict.fromkeys(BLANK_OR_C0_NAMES, 422)
    assert count_rows(settings, "cohorts") == 0


@pytest.mark.parametrize("name", ["Year 9\x7f", "Year\u009b9", "\u0085\x7f"])
async def test_del_and_c1_control_characters_are_refused_too(
    client: Client, settings: Settings, name: str
) -> None:
    """DEL and the C1 controls (U+0080–U+009F) are control characters as much as ESC is.

    U+009B is a one-character terminal escape (CSI) that would reach the dashboard and CSV
    export just as the ESC the check already refuses would; a name of only U+0085 and DEL
    would be stored as an invisible name.
    """
    response = await client.post(COHORTS, json={"name": name})
    assert_problem(response, 422)
    assert count_rows(settings, "cohorts") == 0


@pytest.mark.parametrize(
    "name",
    [
        "8\u200bB",  # zero-width space
        "8\u202eB",  # right-to-left override
        "\u2066Year 9\u2069",  # direction isolates
        "8\u00adB",  # soft hyphen
        "8\ufeffB",  # byte order mark
        "\u200b",  # a name that would display as nothing
    ],
)
async def test_format_characters_are_refused(client: Client, settings: Settings, name: str) -> None:
    """Format characters (Cf) are invisible or reorder text: a name holding one could display
    as another class's name, so it is refused like a control character."""
    response = await client.post(COHORTS, json={"name": name})
    body = assert_problem(response, 422)
    assert body["detail"] == NAME_REFUSED
    assert_private(response)
    assert count_rows(settings, "cohorts") == 0


async def test_a_refused_name_is_explained(client: Client) -> None:
    """The teacher is told what is wrong with the name, not that the JSON is malformed.

    The route documents 422 as "the class name is empty or has control characters" and raises
    it with that explanation; the body it answers must keep it, whatever made it refused.
    """
    for name in ("   ", "Year 9\x1b", "Year\u200b9"):
        response = await client.post(COHORTS, json={"name": name})
        body = assert_problem(response, 422)
        assert body["detail"] == NAME_REFUSED, (name, body)


async def test_malformed_create_is_400(client: Client, settings: Settings) -> None:
    """The body is decoded strictly: an unknown or over-long field is an error, never ignored."""
    bodies: list[Json] = [
        {"name": "n" * (NAME_MAX + 1)},
        {"name": " " * (NAME_MAX + 1)},
        {"name": ""},
        {"name": "Year 9", "colour": "red"},
        {"name": "Year 9", "teacher_key": "sctk_chosen_by_me"},
        {"name": "Year 9", "age_band": "adults"},
        {"name": 9},
        {},
    ]
    statuses = []
    for body in bodies:
        response = await client.post(COHORTS, json=body)
        statuses.append(response.status_code)
        if response.status_code == 400:
            assert_problem(response, 400)
            assert_private(response)
    assert statuses == [400] * len(bodies)
    assert count_rows(settings, "cohorts") == 0


async def test_open_and_keep_days_bounds(client: Client) -> None:
    """Data may not be kept longer than the published maximum, nor a check be open for 0 days."""
    cases: list[tuple[str, Any, int]] = [
        ("open_days", 0, 400),
        ("open_days", -1, 400),
        ("open_days", 1, 201),
        ("open_days", OPEN_DAYS_MAX, 201),
        ("open_days", OPEN_DAYS_MAX + 1, 400),
        ("open_days", 1.5, 400),
        ("open_days", None, 400),
        ("keep_days", 0, 400),
        ("keep_days", 1, 201),
        ("keep_days", KEEP_DAYS_MAX, 201),
        ("keep_days", KEEP_DAYS_MAX + 1, 400),
        ("keep_days", 10**12, 400),
    ]
    found = []
    for field, value, _ in cases:
        before = utc_today()
        response = await client.post(COHORTS, json={"name": "Year 9", field: value})
        found.append((field, value, response.status_code))
        if response.status_code != 201:
            continue
        body = response.json()
        open_until = dt.date.fromisoformat(body["open_until"])
        delete_on = dt.date.fromisoformat(body["delete_on"])
        if field == "open_days":  # open days include today: one day closes tonight
            assert open_until in {
                before + dt.timedelta(days=value - 1),
                utc_today() + dt.timedelta(days=value - 1),
            }
        else:
            assert delete_on - open_until == dt.timedelta(days=value)
    assert found == cases


async def test_create_needs_json_415(client: Client, settings: Settings) -> None:
    """Only JSON is read, so a cross-site form post cannot create classes."""
    for content, headers in (
        (b'{"name": "Year 9"}', {"content-type": "text/plain"}),
        (b"name=Year+9", {"content-type": "application/x-www-form-urlencoded"}),
        (b'{"name": "Year 9"}', {}),
    ):
        response = await client.post(COHORTS, content=content, headers=headers)
        assert_problem(response, 415)
        assert_private(response)
    assert count_rows(settings, "cohorts") == 0


# --- join and submit -------------------------------------------------------------------------


async def test_submit_returns_the_plan_and_stores_one_response(
    client: Client, settings: Settings
) -> None:
    """A student gets createPlan's compact plan by default, and exactly one row is kept."""
    class_check = await create(client)
    body = student(WEAK_SECURITY)
    response = await submit(client, class_check["join_code"], body)
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    plan = response.json()
    for field in ("do_first", "do_next", "scores"):
        assert field in plan
    assert plan["scores"]["areas"]
    recommended = [action["rule_id"] for action in (*plan["do_first"], *plan["do_next"])]
    assert "account_security_turn_on_two_step_verification" in recommended
    assert "findings" not in plan
    assert all("sources" not in action and "why" not in action for action in plan["do_first"])
    stateless = await client.post("/api/v1/plans", json=body)
    assert response.content == stateless.content
    assert count_rows(settings, "responses") == 1


async def test_include_means_what_it_means_for_create_plan(
    client: Client, settings: Settings
) -> None:
    """The same names add the same parts; a different `include` stores nothing different."""
    class_check = await create(client)
    body = student(WEAK_SECURITY)
    includes = ("all", "findings,sources", "later_steps", "reasons,details", None)
    for include in includes:
        url = f"{COHORTS}/{class_check['join_code']}/responses"
        query = {"include": include} if include else {}
        response = await client.post(url, params=query, json=body)
        assert response.status_code == 201, response.text
        stateless = await client.post("/api/v1/plans", params=query, json=body)
        assert response.content == stateless.content, include
        if include == "all":
            assert response.json()["findings"]
    stored = rows(settings, "SELECT record, answers FROM responses")
    assert len(stored) == len(includes)
    assert len({(bytes(record), bytes(answers)) for record, answers in stored}) == 1


async def test_a_bad_include_gets_create_plans_problem(client: Client, settings: Settings) -> None:
    class_check = await create(client)
    body = student(WEAK_SECURITY)
    for bad in ("everything", "findings,", "findings;sources", ""):
        response = await client.post(
            f"{COHORTS}/{class_check['join_code']}/responses", params={"include": bad}, json=body
        )
        stateless = await client.post("/api/v1/plans", params={"include": bad}, json=body)
        assert response.status_code == stateless.status_code == 400, response.text
        assert response.headers["content-type"] == PROBLEM_JSON
        assert response.json() == stateless.json(), bad
    assert count_rows(settings, "responses") == 0


async def test_join_code_as_a_student_types_it(client: Client) -> None:
    """Codes are read off a board: lower case, a space or no dash must all still work."""
    class_check = await create(client)
    code = class_check["join_code"]
    for typed in (code.lower(), code.replace("-", " "), code.replace("-", ""), f" {code.lower()} "):
        response = await submit(client, typed, student())
        assert response.status_code == 201, (typed, response.text)


async def test_look_alike_characters_are_read_as_the_ones_issued(
    client: Client, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Codes never hold 2, 5, 6, 8 or V; a student who reads Z, S, G, B or U as one still gets in."""
    assert not set("012568ILOV") & set(JOIN_ALPHABET)
    monkeypatch.setattr(cohorts_module, "new_join_code", lambda: "ZSGBUA37")
    class_check = await create(client)
    assert class_check["join_code"] == "ZSGB-UA37"
    for typed in ("2568-VA37", "2sgb-ua37", "z5g8 vA37", "ZSGBUA37"):
        await submit_ok(client, typed, student())
    assert count_rows(settings, "responses") == 4
    for typed in ("ZSGB-UA3", "ZSGB-UA370", "ZSGB-UA3O"):  # too short, too long, never an O
        assert assert_problem(await submit(client, typed, student()), 404)["detail"] == (
            CODE_NOT_FOUND
        )


async def test_unknown_code_is_404(client: Client, settings: Settings) -> None:
    """A code that matches no class says so, the same way whatever was typed."""
    await create(client)
    bodies = set()
    for code in (UNKNOWN_CODE, "zzzz zzzz", "ABC", "ABCD-EFG1", "abcd-efgh-jkmn"):
        response = await submit(client, code, student())
        body = assert_problem(response, 404)
        assert body["detail"] == CODE_NOT_FOUND
        assert_private(response)
        bodies.add(response.content)
    assert len(bodies) == 1
    assert count_rows(settings, "responses") == 0


async def test_closed_check_looks_exactly_like_an_unknown_code(
    client: Client, settings: Settings
) -> None:
    """After closing nobody can add to the figures, and nobody learns the code ever existed."""
    class_check = await create(client)
    await submit_ok(client, class_check["join_code"], student())
    await close(client, class_check)
    closed = await submit(client, class_check["join_code"], student())
    unknown = await submit(client, UNKNOWN_CODE, student())
    assert_problem(closed, 404)
    assert (closed.status_code, closed.content) == (unknown.status_code, unknown.content)
    assert count_rows(settings, "responses") == 1


async def test_invalid_answers_are_422_and_not_stored(client: Client, settings: Settings) -> None:
    """Answers are checked like createPlan's, and a rejected submission leaves nothing behind."""
    class_check = await create(client)
    bad = {"answers": {"profile.devices": "android", "no.such": "x"}}
    response = await submit(client, class_check["join_code"], bad)
    problem = assert_problem(response, 422)
    found = {(error["pointer"], error["code"]) for error in problem["errors"]}
    assert ("/answers/no.such", "unknown_question") in found
    assert ("/answers/profile.devices", "expected_multi") in found
    assert_private(response)
    assert count_rows(settings, "responses") == 0


async def test_malformed_submissions(client: Client, settings: Settings) -> None:
    """The join endpoint decodes as strictly as createPlan: unknown fields and non-JSON refused."""
    class_check = await create(client)
    cases = [
        (b'{"answers": {"profile.age_band": "13_15"}, "extra": 1}', "application/json", 400),
        (b'{"answers": []}', "application/json", 400),
        (b"{", "application/json", 400),
        (b'{"answers": {"profile.age_band": "13_15"}}', "text/plain", 415),
    ]
    for content, content_type, status in cases:
        response = await client.post(
            f"{COHORTS}/{class_check['join_code']}/responses",
            content=content,
            headers={"content-type": content_type},
        )
        assert_problem(response, status)
    assert count_rows(settings, "responses") == 0


async def test_preset_age_band_fills_in_a_missing_answer(client: Client) -> None:
    """A class made for 16–17s need not ask each student their age, and the band is the class's.

    TikTok message settings are only asked of 16+; they are accepted only if the preset band
    really was used for the missing answer.
    """
    older = await create(client, age_band="16_17")
    tiktok = {"profile.apps": ["tiktok"], "privacy_settings.tiktok_messages": "everyone"}
    plan = await submit_ok(client, older["join_code"], student(tiktok, age_band=None))
    assert plan["age_band"] == "16_17"

    younger = await create(client, age_band="13_15")
    refused = await submit(client, younger["join_code"], student(tiktok, age_band=None))
    assert_problem(refused, 422)

    unset = await create(client)
    ageless = await submit_ok(client, unset["join_code"], student(age_band=None))
    assert ageless["age_band"] is None, "a student may skip their age, as anyone may"


async def test_an_answered_age_band_is_not_overridden(client: Client) -> None:
    """The preset only fills a gap: a student who gives their own band keeps it."""
    class_check = await create(client, age_band="13_15")
    plan = await submit_ok(client, class_check["join_code"], student(age_band="16_17"))
    assert plan["age_band"] == "16_17"


# --- report ----------------------------------------------------------------------------------


MALFORMED_AUTHORIZATION: tuple[dict[str, str], ...] = (
    {},
    {"Authorization": ""},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer    "},
    {"Authorization": "Basic dGVhY2hlcjprZXk="},
    {"Authorization": "sctk_only_the_key"},
    {"Authorization": "Token sctk_abc"},
)


async def test_missing_or_malformed_authorization_is_401(client: Client) -> None:
    """Clients are told how to authenticate, on every teacher endpoint."""
    class_check = await create(client)
    path = f"{COHORTS}/{class_check['id']}"
    for headers in MALFORMED_AUTHORIZATION:
        for response in (
            await client.get(f"{path}/report", headers=headers),
            await client.post(f"{path}/close", headers=headers),
            await client.delete(path, headers=headers),
        ):
            assert_problem(response, 401)
            assert response.headers["www-authenticate"].startswith("Bearer"), headers
            assert_private(response)
    assert (await report(client, class_check)).json()["open"] is True  # neither closed nor deleted


async def test_wrong_key_and_unknown_id_are_indistinguishable(client: Client) -> None:
    """Ids and keys cannot be probed: "not yours" and "does not exist" give the same answer.

    Class A's key on class B's id must answer exactly as a random id does, on every endpoint,
    and change nothing about class B.
    """
    class_a, class_b = await create(client, name="Class A"), await create(client, name="Class B")
    random_id = secrets.token_urlsafe(12)
    a_key = class_a["teacher_key"]
    for method, suffix in (("GET", "/report"), ("POST", "/close"), ("DELETE", "")):
        answers = [
            await client.request(method, f"{COHORTS}/{cohort_id}{suffix}", headers=bearer(key))
            for cohort_id, key in (
                (class_b["id"], a_key),
                (random_id, a_key),
                (class_b["id"], "sctk_" + secrets.token_urlsafe(24)),
                (random_id, class_b["teacher_key"]),
            )
        ]
        body = assert_problem(answers[0], 404)
        assert body["detail"] == NOT_FOUND
        for other in answers[1:]:
            assert (other.status_code, other.content) == (
                answers[0].status_code,
                answers[0].content,
            )
            assert other.headers["content-type"] == answers[0].headers["content-type"]
            assert "www-authenticate" not in other.headers
    still_there = await report(client, class_b)
    assert still_there.status_code == 200
    assert still_there.json()["open"] is True
    assert still_there.json()["name"] == "Class B"


async def test_open_check_publishes_only_the_count(client: Client) -> None:
    """Figures that change with each response would give away the last student's answers."""
    class_check = await create(client, age_band="13_15")
    for index in range(12):
        await submit_ok(client, class_check["join_code"], student(WEAK_SECURITY if index else None))
    response = await report(client, class_check)
    assert response.status_code == 200
    assert_private(response)
    body = response.json()
    assert body["open"] is True
    assert (body["id"], body["name"], body["age_band"]) == (
        class_check["id"],
        "Year 9 Maple",
        "13_15",
    )
    assert body["open_until"] == class_check["open_until"]
    assert body["delete_on"] == class_check["delete_on"]
    result = body["report"]
    # Not even the exact count while open: only which ten it is in.
    assert result["responses"] is None and result["responses_band"] == "10 to 19"
    assert result["published"] is False
    assert result["withheld"]
    assert result["areas"] == [] and result["gaps"] == [] and result["teach_next"] == []
    assert list(counts_in(result)) == []


def class_of_twelve() -> list[Json]:
    """Twelve students whose answers would give cells of 1 and 2 if nothing were hidden."""
    bodies = [student(GOOD_SECURITY) for _ in range(9)]
    bodies.append(student({**WEAK_SECURITY, "personal_details.phone_number_visible": "yes"}))
    bodies.extend(student(MIDDLING_SECURITY) for _ in range(2))
    return bodies


def expected_report(settings: Settings, class_check: Json, closed: bool = True) -> Json:
    """The report worked out from the stored rows and the class's key, as JSON."""
    location = stored_at(settings)
    [(secret,)] = query(location, "SELECT value FROM secrets WHERE name = 'session'")
    blobs = [
        bytes(row[0])
        for row in query(
            location,
            "SELECT record FROM responses WHERE cohort_id = "
            "(SELECT id FROM cohorts WHERE public_id = ?)",
            class_check["id"],
        )
    ]
    report = build_report(
        cohorts_module.decode_records(blobs),
        class_check["age_band"],
        closed=closed,
        noise_key=class_noise_key(bytes(secret), class_check["id"]),
    )
    return msgspec.json.decode(msgspec.json.encode(report))


async def test_closed_check_publishes_noisy_consistent_figures(
    client: Client, settings: Settings
) -> None:
    """Once closed with enough responses, figures appear: each with the class's own noise, the
    same on every request, none of 0, 1 or 2, and never adding up to more than their total.
    """
    class_check = await create(client, age_band="13_15")
    for body in class_of_twelve():
        await submit_ok(client, class_check["join_code"], body)
    await close(client, class_check)
    response = await report(client, class_check)
    assert response.status_code == 200
    assert_private(response)
    body = response.json()
    assert body["open"] is False
    assert body["open_until"] in {utc_today().isoformat(), class_check["open_until"]}
    assert body["open_until"] != class_check["open_until"]  # closed early, today
    # Closing early brings the delete day forward: still 90 days, now counted from today.
    closed_on = dt.date.fromisoformat(body["open_until"])
    assert body["delete_on"] == (closed_on + dt.timedelta(days=90)).isoformat()
    assert body["delete_on"] < class_check["delete_on"]
    result = body["report"]
    assert result["responses"] == 12  # the number of responses itself is exact once closed
    assert result["published"] is True
    assert result["withheld"] is None
    assert result["epsilon"] == EPSILON and result["guess_limit"] == 0.6
    assert "rounded_to" not in result
    # The noise is fixed for the class: asking again gives the same figures, to the byte.
    assert (await report(client, class_check)).content == response.content
    assert result == expected_report(settings, class_check)
    assert result["areas"], "published reports have a row per area"
    for row in result["areas"]:
        if row["scored"] is None:
            assert row["bands"] == [], row
            continue
        assert 10 <= row["scored"] <= 12, row
        assert [cell["label"] for cell in row["bands"]] == list(BAND_LABELS)
        shown = [cell["count"] for cell in row["bands"] if cell["count"] is not None]
        assert sum(shown) + row["hidden"] == row["scored"]
        assert sum(cell["share"] or 0 for cell in row["bands"]) <= 100
        for cell in row["bands"]:
            assert (cell["count"] is None) == (cell["share"] is None)
    for gap in result["gaps"]:
        assert (gap["count"] is None) == (gap["share"] is None), gap
        if gap["count"] is not None:
            assert 3 <= gap["count"] <= 12
            assert gap["share"] == round(100 * gap["count"] / 12), gap
    published = [gap["count"] for gap in result["gaps"] if gap["count"] is not None]
    for gap in result["gaps"]:  # the order has its own draw; each figure says how sure it is
        low, high = gap["range"]["low"], gap["range"]["high"]
        assert 0 <= low <= (gap["count"] if gap["count"] is not None else low) <= high <= 12
        assert gap["not_shown"] == (None if gap["count"] is not None else "fewer_than_3")
    assert set(result["marks"]) == {"c", "n"} and result["range_level"] == 0.9
    assert all(gap["count"] is None for gap in result["gaps"][len(published) :])
    counts = list(counts_in(result))
    assert not {0, 1, 2} & set(counts)
    shown_gaps = [gap for gap in result["gaps"] if gap["count"]]
    areas = [item["area"] for item in result["teach_next"]]
    assert areas == list(dict.fromkeys(gap["area"] for gap in shown_gaps))[:3]
    rule_ids = {gap["rule_id"] for gap in result["gaps"]}
    assert not rule_ids & SITUATION_RULES


async def test_closed_check_below_ten_stays_unpublished(client: Client) -> None:
    """Nine students are too few to publish anything, even after closing."""
    class_check = await create(client)
    for body in class_of_twelve()[:9]:
        await submit_ok(client, class_check["join_code"], body)
    await close(client, class_check)
    result = (await report(client, class_check)).json()["report"]
    assert result["responses"] == 9
    assert result["published"] is False
    assert result["withheld"] and "10" in result["withheld"]
    assert result["areas"] == [] and result["gaps"] == [] and result["teach_next"] == []


async def test_closed_check_of_exactly_ten_is_published(client: Client) -> None:
    """The minimum is inclusive: ten responses are enough."""
    class_check = await create(client)
    for _ in range(10):
        await submit_ok(client, class_check["join_code"], student(GOOD_SECURITY))
    await close(client, class_check)
    result = (await report(client, class_check)).json()["report"]
    assert (result["responses"], result["published"]) == (10, True)


async def test_situation_answers_never_reach_the_report(client: Client, settings: Settings) -> None:
    """A teacher must never learn that someone in the class is being threatened or was harmed.

    The students' own plans do recommend actions that only situation answers and disclosures
    (a fake image of them, someone who knows their passwords or checks their phone) trigger, so
    the test would notice them leaking; neither the stored rows nor the report may show them.
    """
    assert set(HARMED) <= DISCLOSURES
    class_check = await create(client, age_band="13_15")
    leaked_in_plans: set[str] = set()
    for index in range(10):
        extra = {**THREATENED, **HARMED, **(GOOD_SECURITY if index % 2 else WEAK_SECURITY)}
        plan = await submit_ok(client, class_check["join_code"], student(extra))
        leaked_in_plans |= {a["rule_id"] for a in (*plan["do_first"], *plan["do_next"])}
    assert leaked_in_plans & SITUATION_RULES, "the plans should include situation-only actions"
    assert "account_security_change_passwords_someone_knows" in leaked_in_plans
    await close(client, class_check)
    response = await report(client, class_check)
    result = response.json()["report"]
    assert result["published"] is True
    reported = {gap["rule_id"] for gap in result["gaps"]}
    assert reported, "a published report lists the actions it can show"
    assert not reported & SITUATION_RULES
    text = response.text
    for rule_id in SITUATION_RULES:
        assert rule_id not in text
    assert "situation." not in text and "sextortion." not in text
    for question in HARMED:
        assert question not in text
    stored = rows(settings, "SELECT record, answers FROM responses")
    assert len(stored) == 10
    for record, answers in stored:
        _scores, recommended = msgspec.msgpack.decode(record)
        assert not set(recommended) & SITUATION_RULES
        stored = msgspec.msgpack.decode(zlib.decompress(answers))
        assert set(stored) == set(GOOD_SECURITY), "area answers are kept, and only those"
        assert not [key for key in stored if key.startswith(("situation.", "profile."))]
        assert not set(stored) & SITUATION_QUESTIONS


async def test_a_disclosure_never_moves_a_stored_score(client: Client, settings: Settings) -> None:
    """The student's own plan scores every answer; the class keeps scores worked out without
    disclosures, so a score in the report cannot tell the school what a student disclosed."""
    assert "intimate_images.consent_before_sharing" in DISCLOSURES
    class_check = await create(client, age_band="18_plus")
    plan = await submit_ok(
        client,
        class_check["join_code"],
        student({"intimate_images.consent_before_sharing": "not_always"}, age_band=None),
    )
    own = {area["area"]: area["score"] for area in plan["scores"]["areas"]}
    assert own["intimate_images"] == 0, "the student's plan does score the answer"
    [(record, answers)] = rows(settings, "SELECT record, answers FROM responses")
    scores, _recommended = msgspec.msgpack.decode(record)
    assert scores == [None] * len(own)  # no other area was answered, and this one is not kept
    assert msgspec.msgpack.decode(zlib.decompress(answers)) == {}


# --- close and delete -------------------------------------------------------------------------


async def test_close_is_idempotent(client: Client) -> None:
    """A double click on "close" must not fail or reopen the check."""
    class_check = await create(client)
    await close(client, class_check)
    await close(client, class_check)
    assert (await report(client, class_check)).json()["open"] is False


async def test_delete_removes_the_class_and_every_response(
    client: Client, settings: Settings
) -> None:
    """After delete nothing is left: no report, no join code, no rows in the file."""
    class_check = await create(client)
    other = await create(client, name="Other class")
    for _ in range(3):
        await submit_ok(client, class_check["join_code"], student(GOOD_SECURITY))
    await submit_ok(client, other["join_code"], student(GOOD_SECURITY))
    assert count_rows(settings, "responses") == 4

    response = await client.delete(
        f"{COHORTS}/{class_check['id']}", headers=bearer(class_check["teacher_key"])
    )
    assert response.status_code == 204
    assert response.content == b""
    assert_private(response)

    gone = await report(client, class_check)
    assert assert_problem(gone, 404)["detail"] == NOT_FOUND
    assert assert_problem(await submit(client, class_check["join_code"], student()), 404)[
        "detail"
    ] == (CODE_NOT_FOUND)
    again = await client.delete(
        f"{COHORTS}/{class_check['id']}", headers=bearer(class_check["teacher_key"])
    )
    assert_problem(again, 404)

    public_ids = [row[0] for row in rows(settings, "SELECT public_id FROM cohorts")]
    [(left,)] = rows(settings, "SELECT count(*) FROM responses")
    assert public_ids == [other["id"]]
    assert left == 1  # only the other class's response
    assert (await report(client, other)).json()["report"]["responses_band"] == "fewer than 10"


# --- rate limits -----------------------------------------------------------------------------


async def test_guessing_join_codes_is_throttled(client: Client, frozen_clocks: list[float]) -> None:
    """Past the limit an address gets one lookup per `SLOW_LANE_SECONDS`, so a search crawls.

    Each wrong code up to the limit is an ordinary 404 (a class's typos are allowed).
    """
    class_check = await create(client)
    statuses = [
        (await submit(client, unknown_code(i), student())).status_code
        for i in range(BAD_CODE_LIMIT + 1)
    ]
    assert statuses == [404] * (BAD_CODE_LIMIT + 1)  # the last one took the slow lane's turn
    refused = await submit(client, class_check["join_code"], student())
    assert_problem(refused, 429)
    assert refused.headers["retry-after"] == str(SLOW_LANE_SECONDS)
    assert_private(refused)
    assert (await submit(client, UNKNOWN_CODE, student())).status_code == 429

    frozen_clocks[0] = FROZEN + SLOW_LANE_SECONDS  # the next turn, same minute
    await submit_ok(client, class_check["join_code"], student())


async def test_wrong_codes_from_an_address_do_not_block_a_right_code(client: Client) -> None:
    """A school's typos use up its allowance, and the next student with the right code still
    gets in at once (before the fix, the whole school was locked out for the minute)."""
    class_check = await create(client)
    for i in range(BAD_CODE_LIMIT):
        assert (await submit(client, unknown_code(i), student())).status_code == 404
    await submit_ok(client, class_check["join_code"], student())
    await submit_ok(client, class_check["join_code"], student())


async def test_240_students_behind_one_address_are_all_stored(
    client: Client, settings: Settings
) -> None:
    """A year group in one hall, all at once, behind one school address: nobody gets a 429
    (before the fix the per-address limit of 300 a minute stopped them part-way)."""
    class_check = await create(client)

    async def one_student(index: int) -> int:
        code = class_check["join_code"]
        assert (await client.get("/api/v1/questionnaire")).status_code in (200, 304)
        page = await client.get(f"/join/{code}", headers={"Accept": "text/html"})
        assert page.status_code == 200, page.text[:200]
        return (await submit(client, code, student())).status_code

    statuses = await asyncio.gather(*(one_student(i) for i in range(240)))
    assert statuses == [201] * 240
    assert count_rows(settings, "responses") == 240


async def test_good_codes_do_not_count_towards_the_limit(client: Client) -> None:
    """A class of 35 submitting with the right code is never throttled by the guessing limit."""
    class_check = await create(client)
    for _ in range(BAD_CODE_LIMIT + 5):
        await submit_ok(client, class_check["join_code"], student())


async def test_a_closed_class_code_is_not_counted_as_a_guess(client: Client) -> None:
    """A real code is not a guess: a class scanning last term's QR code gets a 404 each time,
    but the school's allowance of wrong codes is left whole for everyone else."""
    closed = await create(client)
    await close(client, closed)
    for _ in range(BAD_CODE_LIMIT + 5):
        response = await submit(client, closed["join_code"], student())
        assert assert_problem(response, 404)["detail"] == CODE_NOT_FOUND
    statuses = [
        (await submit(client, unknown_code(i), student())).status_code
        for i in range(BAD_CODE_LIMIT)
    ]
    assert statuses == [404] * BAD_CODE_LIMIT  # every one of the allowance was still there
    assert (await submit(client, UNKNOWN_CODE, student())).status_code == 404  # slow lane
    assert_problem(await submit(client, closed["join_code"], student()), 429)


def _from_peer(app: Litestar, peer: list[str]) -> Any:
    """The app as reached from the address `peer[0]` (the test client's peer is no address)."""

    async def asgi(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            scope = {**scope, "client": (peer[0], 50000)}
        await app(scope, receive, send)

    return asgi


async def test_ipv6_guesses_count_per_64_network(app: Litestar) -> None:
    """One household or device can use a whole /64, so changing address there resets nothing;
    another /64, or an IPv4 caller, keeps its own allowance."""
    peer = ["2001:db8:1:2::1"]
    async with AsyncTestClient(app=_from_peer(app, peer)) as client:
        class_check = await create(client)
        for i in range(BAD_CODE_LIMIT + 1):
            peer[0] = f"2001:db8:1:2:{i:x}::{i + 1:x}"  # a fresh address each time
            assert (await submit(client, unknown_code(i), student())).status_code == 404
        peer[0] = "2001:db8:1:2:ffff:ffff:ffff:ffff"
        assert_problem(await submit(client, class_check["join_code"], student()), 429)
        peer[0] = "2001:db8:1:3::1"  # the next /64
        await submit_ok(client, class_check["join_code"], student())
        peer[0] = "192.0.2.7"
        await submit_ok(client, class_check["join_code"], student())


async def test_guessing_teacher_keys_is_throttled(
    client: Client, settings: Settings, frozen_clocks: list[float]
) -> None:
    """Past the limit even the right key is refused for the minute: keys cannot be searched."""
    class_check = await create(client)
    path = f"{COHORTS}/{class_check['id']}"
    statuses = [
        (await client.get(f"{path}/report", headers=bearer(f"sctk_guess{i}"))).status_code
        for i in range(BAD_TEACHER_KEY_LIMIT)
    ]
    assert statuses == [404] * BAD_TEACHER_KEY_LIMIT
    refused = await report(client, class_check)
    assert_problem(refused, 429)
    assert int(refused.headers["retry-after"]) >= 1
    assert_private(refused)
    key = bearer(class_check["teacher_key"])
    assert (await client.post(f"{path}/close", headers=key)).status_code == 429
    assert (await client.delete(path, headers=key)).status_code == 429
    assert count_rows(settings, "cohorts") == 1

    frozen_clocks[0] = FROZEN + 60
    allowed = await report(client, class_check)
    assert allowed.status_code == 200
    assert allowed.json()["open"] is True  # the refused close did nothing


async def test_creating_classes_is_limited_per_hour(
    client: Client, settings: Settings, frozen_clocks: list[float]
) -> None:
    """A script cannot fill the database with classes from one address."""
    for index in range(CREATE_LIMIT_PER_HOUR):
        await create(client, name=f"Class {index}")
    frozen_clocks[0] = FROZEN + 30 * 60  # later in the same hour; a new minute window
    refused = await client.post(COHORTS, json={"name": "One too many"})
    assert_problem(refused, 429)
    assert int(refused.headers["retry-after"]) >= 1
    assert_private(refused)
    assert count_rows(settings, "cohorts") == CREATE_LIMIT_PER_HOUR
    assert refused.json()["detail"] == MADE_TOO_MANY.message
    welsh = await client.post(
        COHORTS, json={"name": "Un yn ormod"}, headers={"Accept-Language": "cy"}
    )
    assert welsh.json()["detail"] == i18n.pgettext(
        "cy", MADE_TOO_MANY.context, MADE_TOO_MANY.message
    )
    assert welsh.json()["detail"].startswith("Mae gormod o wiriadau dosbarth")

    frozen_clocks[0] = FROZEN + 60 * 60  # the next hour
    await create(client, name="Next hour")


# --- privacy headers -------------------------------------------------------------------------


async def test_privacy_headers_on_every_cohort_response(client: Client) -> None:
    """Keys, plans and reports must not be cached or sniffed, errors included."""
    created = await client.post(COHORTS, json={"name": "Year 9"})
    class_check = created.json()
    path = f"{COHORTS}/{class_check['id']}"
    responses = [
        created,
        await submit(client, class_check["join_code"], student()),
        await submit(client, class_check["join_code"], {"answers": {"no.such": "x"}}),
        await submit(client, UNKNOWN_CODE, student()),
        await report(client, class_check),
        await client.get(f"{path}/report"),
        await client.get(f"{path}/report", headers=bearer("sctk_wrong")),
        await client.get(f"{COHORTS}/not.an.id/report", headers=bearer("sctk_wrong")),
        await client.post(COHORTS, json={"name": "x", "colour": "red"}),
        await client.post(COHORTS, content=b"x", headers={"content-type": "text/plain"}),
        await client.post(f"{path}/close", headers=bearer(class_check["teacher_key"])),
        await client.delete(path, headers=bearer(class_check["teacher_key"])),
    ]
    statuses = [response.status_code for response in responses]
    assert statuses == [201, 201, 422, 404, 200, 401, 404, 400, 400, 415, 204, 204]
    for response in responses:
        assert_private(response)
