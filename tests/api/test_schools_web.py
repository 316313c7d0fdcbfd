"""The teacher pages under /schools and the student pages under /join, seen through a browser.

These tests hold the school pages to their promises: the teacher key is shown once, the session
cookie cannot be read by scripts, sent cross-site or replayed on another class, every change
needs a CSRF token from the same session, a class's name can never run as script, nothing but
suppressed totals reach the teacher, and a student's response is stored exactly once, without
their situation answers, and only when the full plan is made. Storage is checked by reading the
SQLite file directly, the way an outsider would.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import html
import io
import re
import secrets
import sqlite3
import time
import unicodedata
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import msgspec
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from markupsafe import escape

from safety_check.schools.record import SITUATION_RULES, ResponseRecord
from safety_check.schools.tokens import SESSION_SECONDS, new_session
from safety_check.service.app import create_app, services_of
from safety_check.service.classes.checks import (
    BAD_CODE_LIMIT,
    BAD_TEACHER_KEY_LIMIT,
    SLOW_LANE_SECONDS,
)
from safety_check.service.classes.join_web import CODE_ERROR, NOT_OPEN
from safety_check.service.classes.schools_web import TOP_GAPS
from safety_check.service.classes.teacher_session import COOKIE_NAME
from safety_check.service.platform.assets import asset_url
from safety_check.service.platform.headers import CONTENT_SECURITY_POLICY
from safety_check.settings import Settings
from safety_check.storage.class_checks import purge_expired

Client = AsyncTestClient[Litestar]
Form = dict[str, str | list[str]]
HTML = {"Accept": "text/html"}
BROWSER_POST = {**HTML, "Origin": "http://testserver.local", "Sec-Fetch-Site": "same-origin"}
XSS = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"
BAD_KEY = str(escape("That teacher key doesn't match a class check."))
SIGNED_OUT = "Sign in with your teacher key to see this class check."
STORED = "Your answers have been added to your class's totals."
CLOSED_NOTICE = "This class check closed before you finished, so your answers were not added."
NOT_ADDED = "Your answers were not added to your class's totals"
CLASS_NOTICE = (
    "Answers about things that may have happened to you, like threats or unwanted pictures, "
    "are never added to the class totals."
)
TAKING_PART = "You&#39;re taking part with"
UNKNOWN_CODE = "ZZZZ-ZZZZ"  # well-formed; a live code matches it once in 26**8
WITHHELD_OPEN = "Results appear when the check closes"
CLOSE_BUTTON = "Close the check now"
NOISE_NOTE = "Every number here has a small random amount added or taken away"
TOO_FEW_SCORED = "Too few students had a score here to show (marked n in the download)."
CSV_NOTES = [
    ["note", "every count has random noise added to protect students"],
    ["note", "the true count is between likely_low and likely_high at least 9 times in 10"],
    ["note", "advised actions are in an approximate order, most common first"],
    ["mark", "c", "fewer than 3 students (perhaps none), so not shown"],
    ["mark", "n", "fewer than 10 students had a score in this area, so its bands are not shown"],
]
CSV_HEADER = ["table", "area", "item", "students", "percent", "likely_low", "likely_high"]
BAND_LABELS = ["0–24", "25–49", "50–74", "75–100"]
NON_ASCII = "é\u2603\U0001f600"
"""Characters that are not ASCII (2, 3 and 4 bytes in UTF-8), for tokens that must be refused."""
TRUSTED_PEER = "127.0.0.1"
KEY_RE = re.compile(r'<code id="teacher-key">([^<]+)</code>')
CODE_RE = re.compile(r'<strong class="join-code">([^<]+)</strong>')
DASHBOARD_RE = re.compile(r'href="/schools/([A-Za-z0-9_-]+)"')
CSRF_RE = re.compile(r'<input type="hidden" name="_csrf" value="([^"]+)">')
HIDDEN_RE = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')

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


@pytest.fixture(autouse=True)
def frozen_clock(app: Litestar) -> None:
    """Keep each test inside one rate-limit window, so a minute boundary cannot reset counts."""
    services_of(app).platform.access.limiter.clock = lambda: 30.0
    services_of(app).platform.access.hourly.clock = lambda: 30.0


@dataclass(frozen=True)
class ClassCheck:
    """What a teacher holds after creating a class check through the form."""

    public_id: str
    teacher_key: str
    join_code: str
    cookie: str
    page: str

    @property
    def path(self) -> str:
        return f"/schools/{self.public_id}"


async def create_class(client: Client, name: str = "8B", age_band: str = "") -> ClassCheck:
    response = await client.post(
        "/schools/new", data={"name": name, "age_band": age_band}, headers=BROWSER_POST
    )
    assert response.status_code == 201, response.text
    key = KEY_RE.search(response.text)
    code = CODE_RE.search(response.text)
    dashboard = DASHBOARD_RE.search(response.text)
    assert key and code and dashboard
    return ClassCheck(
        public_id=dashboard.group(1),
        teacher_key=html.unescape(key.group(1)),
        join_code=html.unescape(code.group(1)),
        cookie=response.cookies[COOKIE_NAME],
        page=response.text,
    )


async def sign_in(client: Client, teacher_key: str) -> httpx.Response:
    return await client.post(
        "/schools/sign-in",
        data={"teacher_key": teacher_key},
        headers=BROWSER_POST,
        follow_redirects=False,
    )


def with_cookie(value: str | None) -> dict[str, str]:
    """Page headers carrying exactly this session cookie (the client's jar must be empty)."""
    return {**HTML, "Cookie": f"{COOKIE_NAME}={value}"} if value is not None else dict(HTML)


def csrf_from(page: str) -> str:
    found = CSRF_RE.search(page)
    assert found, "no CSRF field on the page"
    return html.unescape(found.group(1))


def set_cookies(response: httpx.Response) -> list[str]:
    return response.headers.get_list("set-cookie")


def cookie_attributes(header: str) -> dict[str, str]:
    """A Set-Cookie header's attributes, names lower-cased, values (like the path) as sent."""
    attributes = {}
    for part in header.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        attributes[name.lower()] = value
    return attributes


def query(settings: Settings, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Read the SQLite file directly, as an outsider with the file would."""
    with contextlib.closing(sqlite3.connect(settings.database)) as db:
        return db.execute(sql, params).fetchall()


def response_count(settings: Settings) -> int:
    return int(query(settings, "SELECT count(*) FROM responses")[0][0])


def closed_early(settings: Settings, public_id: str) -> list[tuple[Any, ...]]:
    return query(settings, "SELECT closed_early_day FROM cohorts WHERE public_id = ?", public_id)


def hidden_fields(page: str) -> list[tuple[str, str]]:
    """The answers a page carries forward in hidden fields (the step button is added by us)."""
    return [
        (html.unescape(name), html.unescape(value))
        for name, value in HIDDEN_RE.findall(page)
        if name != "_step"
    ]


async def page_token(client: Client) -> str:
    """A fresh page's form token, as a student's browser holds one for the page it sends."""
    page = await client.get("/check", headers=HTML)
    found = re.search(r'name="_journey" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def form_data(fields: list[tuple[str, str]]) -> Form:
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return dict(data)


class _TableCells(HTMLParser):
    """The text of every <td>, leaving out the little SVG bars drawn inside some cells."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._in_cell = False
        self._svg_depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "td":
            self._in_cell, self._text = True, []
        elif tag == "svg":
            self._svg_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._in_cell:
            self.cells.append("".join(self._text).strip())
            self._in_cell = False
        elif tag == "svg":
            self._svg_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_cell and not self._svg_depth:
            self._text.append(data)


def table_cells(page: str) -> list[str]:
    parser = _TableCells()
    parser.feed(page)
    return parser.cells


def csv_rows(response: httpx.Response) -> list[list[str]]:
    """The download's rows, after checking it opens with exactly one UTF-8 byte order mark
    (so spreadsheet programs read it as UTF-8)."""
    assert response.content.startswith(codecs.BOM_UTF8), response.content[:8]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff") and "\ufeff" not in text[1:]
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def assert_published_count(value: int, total: int) -> None:
    """A published count: never 0, 1 or 2 (those print as c), never more than it counts from,
    and never leaving 1 or 2 students out."""
    assert 3 <= value <= total and total - value not in {1, 2}, (value, total)


async def submit_api_responses(
    client: Client, code: str, answer_sets: list[dict[str, str]]
) -> None:
    """Responses through the JSON API: quicker than the form when only the figures matter."""
    for answers in answer_sets:
        body = {"answers": {"profile.age_band": "13_15", **answers}}
        response = await client.post(f"/api/v1/cohorts/{code}/responses", json=body)
        assert response.status_code == 201, response.text


def mixed_class() -> list[dict[str, str]]:
    """Twelve students whose account-security scores include bands of 1 and 2 students."""
    return [GOOD_SECURITY] * 9 + [WEAK_SECURITY] * 2 + [MIDDLING_SECURITY]


# ---------------------------------------------------------------------------------------------
# Creating a class check


async def test_create_shows_the_key_once_and_sets_a_strict_session_cookie(client: Client) -> None:
    """The key is a bearer secret: shown on the created page only, and the cookie is locked down."""
    response = await client.post(
        "/schools/new",
        data={"name": "Year 9 PSHE", "age_band": "13_15", "open_days": "14", "keep_days": "30"},
        headers=BROWSER_POST,
    )
    assert response.status_code == 201
    key = KEY_RE.search(response.text)
    public_id = DASHBOARD_RE.search(response.text)
    assert key and public_id
    assert key.group(1).startswith("sctk_")
    assert CODE_RE.search(response.text)

    cookies = set_cookies(response)
    assert len(cookies) == 1
    assert cookies[0].startswith(f"{COOKIE_NAME}={public_id.group(1)}.")
    attributes = cookie_attributes(cookies[0])
    assert "httponly" in attributes
    assert attributes["samesite"].lower() == "strict"
    assert attributes["path"] == f"/schools/{public_id.group(1)}"
    assert "secure" not in attributes  # plain http: a Secure cookie would never come back

    dashboard = await client.get(f"/schools/{public_id.group(1)}", headers=HTML)
    assert dashboard.status_code == 200
    assert "Year 9 PSHE" in dashboard.text
    assert key.group(1) not in dashboard.text
    again = await client.get(f"/schools/{public_id.group(1)}", headers=HTML)
    assert key.group(1) not in again.text
    for view in ("print", "delete"):
        page = await client.get(f"/schools/{public_id.group(1)}/{view}", headers=HTML)
        assert page.status_code == 200
        assert key.group(1) not in page.text


async def test_session_cookie_is_secure_over_https(app: Litestar) -> None:
    """A site served over HTTPS must never let the session cookie travel over plain HTTP."""
    async with AsyncTestClient(app=app, base_url="https://testserver.local") as client:
        response = await client.post("/schools/new", data={"name": "8B"}, headers=HTML)
        assert response.status_code == 201
        [cookie] = set_cookies(response)
        assert "secure" in cookie_attributes(cookie)


def _with_peer(app: Litestar, peer: list[str]) -> Any:
    """The app as reached from `peer[0]`.

    AsyncTestClient always reports its peer as the host name "testclient", which is not an IP
    address and so can never be a trusted proxy; this wrapper stands in for a real connection.
    """

    async def asgi(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            scope = {**scope, "client": (peer[0], 50000)}
        await app(scope, receive, send)

    return asgi


async def test_session_cookie_is_secure_behind_a_trusted_tls_proxy(tmp_path: Path) -> None:
    """Behind a TLS-terminating proxy the app sees http; only a trusted proxy's word counts."""
    settings = Settings(database=tmp_path / "proxy.db", trusted_proxies=("127.0.0.1/32",))
    app = create_app(settings)
    peer = [TRUSTED_PEER]
    forwarded = {**HTML, "X-Forwarded-Proto": "https"}

    async def attributes(client: AsyncTestClient[Any], headers: dict[str, str]) -> dict[str, str]:
        response = await client.post("/schools/new", data={"name": "8B"}, headers=headers)
        assert response.status_code == 201
        [cookie] = set_cookies(response)
        return cookie_attributes(cookie)

    async with AsyncTestClient(app=_with_peer(app, peer)) as client:
        assert "secure" in await attributes(client, forwarded)
        assert "secure" not in await attributes(client, HTML)
        peer[0] = "203.0.113.9"  # not a trusted proxy: its header is anyone's to forge
        assert "secure" not in await attributes(client, forwarded)


async def test_forwarded_proto_is_ignored_without_trusted_proxies(client: Client) -> None:
    """With no trusted proxy configured, X-Forwarded-Proto from the peer is not believed."""
    response = await client.post(
        "/schools/new", data={"name": "8B"}, headers={**HTML, "X-Forwarded-Proto": "https"}
    )
    [cookie] = set_cookies(response)
    assert "secure" not in cookie_attributes(cookie)


def cohort_days(settings: Settings, public_id: str) -> tuple[dt.date, dt.date]:
    [(closes, deletes)] = query(
        settings, "SELECT closes_day, delete_day FROM cohorts WHERE public_id = ?", public_id
    )
    return dt.date.fromisoformat(closes), dt.date.fromisoformat(deletes)


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def written(day: dt.date) -> str:
    """A day as the pages write it: "1 December 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


async def test_open_days_include_today(client: Client, settings: Settings) -> None:
    """Open for 7 days means today and the next six: the check closes at the end of day 7, and
    the results are kept for the chosen number of days after that."""
    today = dt.datetime.now(dt.UTC).date()
    cases = [("7", "30", 7, 30), ("14", "365", 14, 365), ("", "", 30, 90)]  # "" = the defaults
    for open_days, keep_days, opened_for, kept_for in cases:
        response = await client.post(
            "/schools/new",
            data={"name": "8B", "open_days": open_days, "keep_days": keep_days},
            headers=BROWSER_POST,
        )
        assert response.status_code == 201, open_days
        found = DASHBOARD_RE.search(response.text)
        assert found
        closes, deletes = cohort_days(settings, found.group(1))
        assert closes == today + dt.timedelta(days=opened_for - 1), open_days
        assert deletes == closes + dt.timedelta(days=kept_for), open_days
        dashboard = await client.get(f"/schools/{found.group(1)}", headers=HTML)
        assert f"Open until the end of {written(closes)} (UK time)." in dashboard.text
        assert f"Results will be deleted on {written(deletes)}." in dashboard.text
        assert closes.isoformat() not in dashboard.text


REFUSED_NAMES = {
    "8\u200bB": "zero-width space (Cf)",
    "8\u202eB": "right-to-left override (Cf)",
    "\u2066Year 9\u2069": "direction isolates (Cf)",
    "8\u00adB": "soft hyphen (Cf)",
    "8\ufeffB": "byte order mark (Cf)",
    "8\x00B": "NUL (Cc)",
    "8\x07B": "bell (Cc)",
    "8\x1b[2JB": "escape (Cc)",
    "8\x7fB": "DEL (Cc)",
    "8\x9bB": "C1 control (Cc)",
}
SPACED_NAMES = {
    "8\u2028B": "line separator (Zl)",
    "8\u2029B": "paragraph separator (Zp)",
    "8\x85B": "next line (Cc)",
    "8\x1fB": "unit separator (Cc)",
    "8\tB": "tab (Cc)",
    "8\r\nB": "line break (Cc)",
}
UNPRINTABLE = {"Cc", "Cf", "Zl", "Zp"}


async def test_class_names_never_hold_control_or_format_characters(
    client: Client, settings: Settings
) -> None:
    """A name that could display as something else is refused; characters that Python counts
    as white space (line and paragraph separators among them) become one ordinary space. Either
    way no stored name holds a Cc, Cf, Zl or Zp character."""
    for name, label in REFUSED_NAMES.items():
        response = await client.post("/schools/new", data={"name": name}, headers=BROWSER_POST)
        assert response.status_code == 200, label
        assert 'class="error-summary"' in response.text, label
        assert 'href="#name"' in response.text, label
        assert "Enter a name for the class" in response.text, label
        assert set_cookies(response) == [], label
    assert query(settings, "SELECT count(*) FROM cohorts") == [(0,)]

    for name, label in SPACED_NAMES.items():
        made = await create_class(client, name)
        [(stored,)] = query(
            settings, "SELECT name FROM cohorts WHERE public_id = ?", made.public_id
        )
        assert stored == "8 B", label
    names = [row[0] for row in query(settings, "SELECT name FROM cohorts")]
    assert len(names) == len(SPACED_NAMES)
    assert not [n for n in names if any(unicodedata.category(c) in UNPRINTABLE for c in n)]


FORM_ERRORS: list[tuple[dict[str, str], str, str, list[str]]] = [
    (
        {"name": "", "age_band": "16_17", "open_days": "14"},
        "name",
        "Enter a name for the class",
        ['<option value="16_17" selected>', '<option value="14" selected>'],
    ),
    (
        {"name": "   ", "age_band": "", "open_days": "60"},
        "name",
        "Enter a name for the class",
        ['<option value="60" selected>'],
    ),
    (
        {"name": "Year 9", "age_band": "adults", "open_days": "30"},
        "age-band",
        "Choose an age group from the list.",
        ['value="Year 9"', '<option value="30" selected>'],
    ),
    (
        {"name": XSS, "age_band": "over_9000"},
        "age-band",
        "Choose an age group from the list.",
        [f'value="{escape(XSS)}"'],
    ),
    (
        {"name": "8C", "age_band": "13_15", "open_days": "999"},
        "open-days",
        "Choose how long the check stays open.",
        ['value="8C"', '<option value="13_15" selected>'],
    ),
    (
        {"name": "8C", "open_days": "-7"},
        "open-days",
        "Choose how long the check stays open.",
        ['value="8C"'],
    ),
]


async def test_form_errors_are_summarised_and_values_kept(
    client: Client, settings: Settings
) -> None:
    """A teacher who makes a mistake sees what is wrong and does not have to type it all again.

    (One app for every case: each case is labelled in the assertion messages.)
    """
    for form, field, message, kept in FORM_ERRORS:
        response = await client.post("/schools/new", data=form, headers=BROWSER_POST)
        assert response.status_code == 200, form
        assert 'class="error-summary"' in response.text, form
        assert f'href="#{field}"' in response.text, form
        assert message in response.text, form
        for fragment in kept:
            assert fragment in response.text, (form, fragment)
        assert XSS not in response.text, form
        assert set_cookies(response) == [], form
    assert query(settings, "SELECT count(*) FROM cohorts") == [(0,)]


# ---------------------------------------------------------------------------------------------
# Signing in


async def test_sign_in_with_the_right_key_opens_the_dashboard(client: Client) -> None:
    """The key works from another device: a fresh browser signs in and lands on the dashboard."""
    made = await create_class(client, "Year 10")
    client.cookies.clear()
    response = await client.post(
        "/schools/sign-in",
        data={"teacher_key": f"  {made.teacher_key} "},
        headers=BROWSER_POST,
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == made.path
    [cookie] = set_cookies(response)
    attributes = cookie_attributes(cookie)
    assert "httponly" in attributes
    assert attributes["samesite"].lower() == "strict"
    assert attributes["path"] == made.path
    dashboard = await client.get(made.path, headers=HTML)
    assert dashboard.status_code == 200
    assert "Year 10" in dashboard.text
    assert made.teacher_key not in dashboard.text


async def test_signing_out_ends_the_session_even_for_a_copy_of_the_cookie(
    client: Client, settings: Settings
) -> None:
    """A teacher on a shared school computer signs out; a copy of their cookie is then useless,
    and signing in again makes a different session rather than reviving the old one."""
    made = await create_class(client, "Year 11")
    copied = made.cookie
    token = csrf_from((await client.get(made.path, headers=HTML)).text)
    signed_out = await client.post(
        made.path + "/sign-out", data={"_csrf": token}, headers=BROWSER_POST, follow_redirects=False
    )
    assert signed_out.status_code == 303
    client.cookies.clear()
    for suffix in ["", "/report.csv", "/print"]:
        replay = await client.get(made.path + suffix, headers=with_cookie(copied))
        assert replay.status_code == 401, suffix
        assert SIGNED_OUT in replay.text
    again = await sign_in(client, made.teacher_key)
    [cookie] = set_cookies(again)
    assert copied not in cookie
    assert (await client.get(made.path, headers=HTML)).status_code == 200
    client.cookies.clear()
    assert (await client.get(made.path, headers=with_cookie(copied))).status_code == 401


async def test_a_signed_cookie_the_server_never_issued_is_refused(
    client: Client, app: Litestar
) -> None:
    """Even with the signing secret, a session must also be on record to open a dashboard."""
    made = await create_class(client)
    client.cookies.clear()
    unrecorded = new_session(services_of(app).platform.secret, made.public_id)
    response = await client.get(made.path, headers=with_cookie(unrecorded))
    assert response.status_code == 401
    assert (await client.get(made.path, headers=with_cookie(made.cookie))).status_code == 200


async def test_sessions_go_with_their_class_and_expired_ones_with_the_purge(
    client: Client, settings: Settings
) -> None:
    deleted = await create_class(client, "Leaving")
    kept = await create_class(client, "Staying")
    token = csrf_from((await client.get(deleted.path, headers=with_cookie(deleted.cookie))).text)
    client.cookies.clear()
    await client.post(
        deleted.path + "/delete",
        data={"_csrf": token, "confirm": "yes"},
        headers={**BROWSER_POST, "Cookie": f"{COOKIE_NAME}={deleted.cookie}"},
    )
    with contextlib.closing(sqlite3.connect(settings.database)) as db:
        [(expires_at,)] = db.execute("SELECT expires_at FROM teacher_sessions").fetchall()
        assert expires_at % 3600 == 0  # no exact sign-in time on disk
        assert 0 <= expires_at - time.time() - SESSION_SECONDS <= 3600
        db.execute("UPDATE teacher_sessions SET expires_at = 1")
        db.commit()
    assert (await client.get(kept.path, headers=with_cookie(kept.cookie))).status_code == 401
    await purge_expired(services_of(client.app).platform.database)
    with contextlib.closing(sqlite3.connect(settings.database)) as db:
        assert db.execute("SELECT count(*) FROM teacher_sessions").fetchone() == (0,)


async def test_sign_in_with_a_wrong_key_is_an_error_page(client: Client) -> None:
    """A wrong key gets the sign-in page again with the error, and no cookie."""
    made = await create_class(client)
    client.cookies.clear()
    for key in ["sctk_not-a-real-key", "", "   ", made.teacher_key[:-1], made.public_id]:
        response = await client.post(
            "/schools/sign-in",
            data={"teacher_key": key},
            headers=BROWSER_POST,
            follow_redirects=False,
        )
        assert response.status_code == 200, key
        assert 'class="error-summary"' in response.text, key
        assert BAD_KEY in response.text, key
        assert set_cookies(response) == [], key


async def test_repeated_wrong_keys_are_throttled(client: Client) -> None:
    """Teacher keys cannot be guessed at speed from one address."""
    for _ in range(BAD_TEACHER_KEY_LIMIT):
        response = await client.post(
            "/schools/sign-in", data={"teacher_key": "sctk_guess"}, headers=BROWSER_POST
        )
        assert response.status_code == 200
    refused = await client.post(
        "/schools/sign-in", data={"teacher_key": "sctk_guess"}, headers=BROWSER_POST
    )
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "60"
    assert "text/html" in refused.headers["content-type"]
    assert set_cookies(refused) == []


async def test_past_the_limit_even_the_right_key_is_refused(client: Client) -> None:
    """Past the limit every sign-in from that address must be refused for the minute.

    Otherwise the 429 only answers wrong guesses, and a 303 still tells a guesser when they
    have hit a real key; the JSON API (`classes.find_for_key`) refuses before looking up.
    One wrong key short of the limit, the right key still works (and is not counted).
    """
    made = await create_class(client)
    client.cookies.clear()

    async def sign_in(key: str) -> httpx.Response:
        return await client.post(
            "/schools/sign-in",
            data={"teacher_key": key},
            headers=BROWSER_POST,
            follow_redirects=False,
        )

    for _ in range(BAD_TEACHER_KEY_LIMIT - 1):
        assert (await sign_in("sctk_guess")).status_code == 200
    for _ in range(3):  # right keys do not count towards the limit
        allowed = await sign_in(made.teacher_key)
        assert allowed.status_code == 303
        assert len(set_cookies(allowed)) == 1
    client.cookies.clear()
    assert (await sign_in("sctk_guess")).status_code == 200  # the limit's last wrong key

    response = await sign_in(made.teacher_key)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "60"
    assert "text/html" in response.headers["content-type"]
    assert set_cookies(response) == []
    assert made.path not in response.headers.get("location", "")


# ---------------------------------------------------------------------------------------------
# CSRF and cross-site posts

ACTIONS = {
    "close": {},
    "delete": {"confirm": "yes"},
    "sign-out": {},
}
REFUSALS = ["missing", "wrong", "non-ascii", "other-class", "cross-site", "foreign-origin"]


@pytest.mark.parametrize("action", list(ACTIONS))
async def test_changes_need_the_sessions_own_token_from_this_site(
    client: Client, settings: Settings, action: str
) -> None:
    """A forged or cross-site form post changes nothing: the class stays open and stays there.

    Every refusal is tried first, on one app; then the dashboard's own form must still work, so
    the refusals cannot pass just because the action is broken.
    """
    made = await create_class(client, "Target")
    other = await create_class(client, "Other")
    token = csrf_from((await client.get(made.path, headers=HTML)).text)
    other_token = csrf_from((await client.get(other.path, headers=HTML)).text)
    assert token != other_token
    client.cookies.clear()
    url = f"{made.path}/{action}"

    for refusal in REFUSALS:
        form: dict[str, str] = dict(ACTIONS[action])
        headers = {**with_cookie(made.cookie), "Origin": "http://testserver.local"}
        if refusal == "wrong":
            form["_csrf"] = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
        elif refusal == "non-ascii":  # compared as bytes: a refusal, never a server error
            form["_csrf"] = token[:-3] + NON_ASCII
        elif refusal == "other-class":
            form["_csrf"] = other_token
        elif refusal == "cross-site":
            form["_csrf"] = token
            headers["Sec-Fetch-Site"] = "cross-site"
        elif refusal == "foreign-origin":
            form["_csrf"] = token
            headers["Origin"] = "https://evil.example"
        else:
            form["anything"] = "x"  # a web form with no token at all
        response = await client.post(url, data=form, headers=headers, follow_redirects=False)
        assert response.status_code == 403, refusal
        assert set_cookies(response) == [], refusal
        assert closed_early(settings, made.public_id) == [(None,)], refusal
        still = await client.get(made.path, headers=with_cookie(made.cookie))
        assert still.status_code == 200, refusal
        assert CLOSE_BUTTON in still.text, refusal

    headers = {**with_cookie(made.cookie), "Origin": "http://testserver.local"}
    headers["Sec-Fetch-Site"] = "same-origin"
    form = {**ACTIONS[action], "_csrf": token}
    response = await client.post(url, data=form, headers=headers, follow_redirects=False)
    if action == "close":
        assert response.status_code == 303
        assert response.headers["location"] == made.path
        today = dt.datetime.now(dt.UTC).date()
        assert closed_early(settings, made.public_id) == [(today.isoformat(),)]
        dashboard = await client.get(made.path, headers=with_cookie(made.cookie))
        assert f"Closed at the end of {written(today)} (UK time)." in dashboard.text
        assert CLOSE_BUTTON not in dashboard.text
        assert "Closing can't be undone" not in dashboard.text
        assert (await client.get(f"/join/{made.join_code}", headers=HTML)).status_code == 404
    elif action == "delete":
        assert response.status_code == 200
        assert "The results have been deleted" in response.text
        [cookie] = set_cookies(response)
        assert cookie_attributes(cookie)["max-age"] == "0"
        assert closed_early(settings, made.public_id) == []
        assert closed_early(settings, other.public_id) == [(None,)]
    else:
        assert response.status_code == 303
        assert response.headers["location"] == "/schools"
        [cookie] = set_cookies(response)
        assert cookie.split(";")[0] in (f"{COOKIE_NAME}=", f'{COOKIE_NAME}=""')
        attributes = cookie_attributes(cookie)
        assert attributes["max-age"] == "0"
        assert attributes["path"] == made.path


async def test_teacher_forms_work_as_browsers_send_them_under_no_referrer(
    client: Client, settings: Settings
) -> None:
    """Every page is sent with `Referrer-Policy: no-referrer`, and under that policy a browser
    sends `Origin: null` with a form post even to the same site (Chromium does; the browser
    tests drive it). With `Sec-Fetch-Site: same-origin` the teacher's own forms must work."""
    start = await client.get("/schools", headers=HTML)
    assert start.headers["referrer-policy"] == "no-referrer"
    own_page = {**HTML, "Origin": "null", "Sec-Fetch-Site": "same-origin"}

    created = await client.post("/schools/new", data={"name": "8B"}, headers=own_page)
    assert created.status_code == 201  # 403 would shut teachers out of their own forms
    found = DASHBOARD_RE.search(created.text)
    key = KEY_RE.search(created.text)
    assert found and key
    path = f"/schools/{found.group(1)}"
    token = csrf_from((await client.get(path, headers=HTML)).text)
    closed = await client.post(
        f"{path}/close", data={"_csrf": token}, headers=own_page, follow_redirects=False
    )
    assert closed.status_code == 303
    assert closed_early(settings, found.group(1)) != [(None,)]
    client.cookies.clear()
    signed_in = await client.post(
        "/schools/sign-in",
        data={"teacher_key": html.unescape(key.group(1))},
        headers=own_page,
        follow_redirects=False,
    )
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == path

    # A sandboxed frame on another site also sends Origin: null, but the browser says where
    # the post came from: that is refused, and changes nothing.
    foreign = {**own_page, "Sec-Fetch-Site": "cross-site"}
    refused = await client.post(
        f"{path}/delete", data={"_csrf": token, "confirm": "yes"}, headers=foreign
    )
    assert refused.status_code == 403
    assert query(settings, "SELECT count(*) FROM cohorts") == [(1,)]


# ---------------------------------------------------------------------------------------------
# One class's session opens nothing else


async def test_a_session_for_one_class_opens_nothing_of_another(
    client: Client, settings: Settings
) -> None:
    """A's cookie on B's pages gets exactly what a stranger gets for an id that does not exist."""
    class_a = await create_class(client, "Class A")
    class_b = await create_class(client, "Class B")
    token_a = csrf_from((await client.get(class_a.path, headers=HTML)).text)
    client.cookies.clear()
    missing = f"/schools/{secrets.token_urlsafe(12)}"

    own = await client.get(class_a.path, headers=with_cookie(class_a.cookie))
    assert own.status_code == 200  # the cookie itself is good

    requests: list[tuple[str, str, dict[str, str] | None]] = [
        ("GET", "", None),
        ("GET", "/print", None),
        ("GET", "/report.csv", None),
        ("GET", "/delete", None),
        ("POST", "/close", {"_csrf": token_a}),
        ("POST", "/delete", {"_csrf": token_a, "confirm": "yes"}),
        ("POST", "/sign-out", {"_csrf": token_a}),
    ]
    for method, suffix, form in requests:
        answers = []
        for base, cookie in [
            (class_b.path, class_a.cookie),
            (missing, class_a.cookie),
            (class_b.path, None),
            (missing, None),
        ]:
            response = await client.request(
                method,
                base + suffix,
                data=form,
                headers={**with_cookie(cookie), "Origin": "http://testserver.local"},
                follow_redirects=False,
            )
            answers.append((response.status_code, response.content))
            assert set_cookies(response) == []
        assert answers[0][0] == 401, (method, suffix)
        assert SIGNED_OUT in answers[0][1].decode()
        assert all(answer == answers[0] for answer in answers), (method, suffix)
    assert closed_early(settings, class_b.public_id) == [(None,)]


async def test_tampered_or_expired_cookies_are_refused(client: Client, app: Litestar) -> None:
    """The cookie's HMAC covers the id and the expiry; changing either gets the signed-out page."""
    class_a = await create_class(client, "Class A")
    class_b = await create_class(client, "Class B")
    client.cookies.clear()
    public_id, expires, nonce, signature = class_a.cookie.split(".")
    assert public_id == class_a.public_id
    secret: bytes = services_of(app).platform.secret
    expired = new_session(secret, class_a.public_id, now=time.time() - SESSION_SECONDS - 60)
    attempts = [
        (class_b.path, f"{class_b.public_id}.{expires}.{nonce}.{signature}"),
        (class_a.path, f"{public_id}.{int(expires) + 86_400}.{nonce}.{signature}"),
        (
            class_a.path,
            f"{public_id}.{expires}.{nonce[:-1]}{'B' if nonce[-1] == 'A' else 'A'}.{signature}",
        ),
        (class_a.path, f"{public_id}.{expires}.{nonce}.{signature[:-2]}xx"),
        (class_a.path, f"{public_id}.{expires}.{signature}"),
        (class_a.path, f"{public_id}.{expires}"),
        (class_a.path, expired),
        (class_a.path, f"{class_b.public_id}.{expires}.{nonce}.{signature}.{signature}"),
    ]
    for path, cookie in attempts:
        response = await client.get(path, headers=with_cookie(cookie))
        assert response.status_code == 401, cookie
        assert SIGNED_OUT in response.text
    good = await client.get(class_a.path, headers=with_cookie(class_a.cookie))
    assert good.status_code == 200


async def test_non_ascii_session_cookies_are_refused_not_an_error(
    client: Client, settings: Settings
) -> None:
    """Signatures are compared as bytes: a cookie with characters outside ASCII (sent as UTF-8
    bytes, as a hostile client can) gets the signed-out page, never a server error."""
    made = await create_class(client, "Class A")
    token = csrf_from((await client.get(made.path, headers=HTML)).text)
    client.cookies.clear()
    public_id, expires, nonce, signature = made.cookie.split(".")
    forged = [
        f"{public_id}.{expires}.{nonce}.{signature[:-3]}{NON_ASCII}",
        f"{public_id}.{expires}.{nonce}.{signature}{NON_ASCII}",
        f"{public_id}.{expires}.{nonce}{NON_ASCII}.{signature}",
        f"{public_id}.{expires}{NON_ASCII}.{nonce}.{signature}",
        f"{public_id}{NON_ASCII}.{expires}.{nonce}.{signature}",
        NON_ASCII * 3,
    ]
    for value in forged:
        headers: dict[str, str | bytes] = {
            **HTML,
            "Origin": "http://testserver.local",
            "Cookie": f"{COOKIE_NAME}={value}".encode(),
        }
        for method, suffix, form in [
            ("GET", "", None),
            ("GET", "/report.csv", None),
            ("POST", "/close", {"_csrf": token}),
        ]:
            response = await client.request(
                method, made.path + suffix, data=form, headers=headers, follow_redirects=False
            )
            assert response.status_code == 401, (value, method, suffix)
            assert SIGNED_OUT in response.text, (value, method, suffix)
            assert set_cookies(response) == [], (value, method, suffix)
    assert closed_early(settings, made.public_id) == [(None,)]
    good = await client.get(made.path, headers=with_cookie(made.cookie))
    assert good.status_code == 200


# ---------------------------------------------------------------------------------------------
# A class name can never run as script


async def test_class_name_is_escaped_everywhere_it_appears(
    client: Client, settings: Settings
) -> None:
    made = await create_class(client, XSS, age_band="13_15")
    escaped = str(escape(XSS))
    assert XSS not in made.page

    pages = {
        view: await client.get(f"{made.path}{view}", headers=HTML)
        for view in ("", "/print", "/delete")
    }
    pages["join"] = await client.get(f"/join/{made.join_code}", headers=HTML)
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert escaped in response.text, name
        assert XSS not in response.text, name
        assert "<script>alert" not in response.text, name
        assert "<img src=x" not in response.text, name

    about = await client.post(
        f"/join/{made.join_code}",
        data={"_step": "about", "profile.age_band": "13_15", "_journey": await page_token(client)},
        headers=BROWSER_POST,
    )
    plan = await client.post(
        f"/join/{made.join_code}",
        data={**form_data(hidden_fields(about.text)), "_step": "questions"},
        headers=BROWSER_POST,
    )
    assert STORED in plan.text
    for response in (about, plan):
        assert XSS not in response.text
        assert "<script>alert" not in response.text
        assert "<img src=x" not in response.text

    token = csrf_from(pages["/delete"].text)
    deleted = await client.post(
        f"{made.path}/delete", data={"_csrf": token, "confirm": "yes"}, headers=BROWSER_POST
    )
    assert escaped in deleted.text
    assert XSS not in deleted.text


async def test_csv_never_starts_a_cell_with_a_formula(client: Client) -> None:
    """A spreadsheet would run a name starting with = + - @ as a formula; it is quoted with '."""
    names = {
        "=HYPERLINK(1)": "'=HYPERLINK(1)",
        "+44 7700 900000": "'+44 7700 900000",
        "-1+1": "'-1+1",
        "@SUM(A1:A2)": "'@SUM(A1:A2)",
        "  =trimmed": "'=trimmed",
        "Year 9 PSHE": "Year 9 PSHE",
        "9=9": "9=9",
    }
    for name, written in names.items():
        made = await create_class(client, name)
        response = await client.get(f"{made.path}/report.csv", headers=HTML)
        assert response.status_code == 200, name
        assert response.headers["content-type"].startswith("text/csv"), name
        disposition = response.headers["content-disposition"]
        assert disposition.startswith('attachment; filename="'), name
        rows = csv_rows(response)
        assert rows[0] == ["class", written], name
        assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


async def test_csv_file_name_says_which_class_and_which_uk_day(client: Client) -> None:
    """A teacher with several downloads can tell them apart: the class name and the day (in
    the UK) are in the file name; plain letters in `filename`, the name as typed in
    `filename*`, and nothing that could break out of the header's quotes."""
    today = dt.datetime.now(ZoneInfo("Europe/London")).date().isoformat()
    for name, plain, typed in (
        ("8B", "8B", "8B"),
        ("Year 9 – PSHE", "Year-9-PSHE", "Year%209%20%E2%80%93%20PSHE"),
        ('A "quoted"/name\\', "A-quoted-name", "A%20-quoted-name-"),
    ):
        made = await create_class(client, name)
        response = await client.get(f"{made.path}/report.csv", headers=HTML)
        disposition = response.headers["content-disposition"]
        assert disposition == (
            f'attachment; filename="{plain}-report-{today}.csv"; '
            f"filename*=UTF-8''{typed}%20report%20{today}.csv"
        ), name


# ---------------------------------------------------------------------------------------------
# Students joining


async def test_join_page_names_the_class_and_promises_totals_only(client: Client) -> None:
    """Before the first question a student knows which class this is and what the school sees."""
    made = await create_class(client, "Year 9 PSHE", age_band="16_17")
    client.cookies.clear()
    response = await client.get(f"/join/{made.join_code}", headers=HTML)
    assert response.status_code == 200
    assert "Year 9 PSHE" in response.text
    assert "Your school will only see totals for the whole class" in response.text
    assert CLASS_NOTICE in response.text
    assert "what's happening to you right now" not in response.text
    assert set_cookies(response) == []
    radios = re.findall(r'<input type="radio"[^>]*name="profile\.age_band"[^>]*>', response.text)
    assert len(radios) == 4
    checked = [tag for tag in radios if re.search(r"\bchecked\b", tag)]
    assert len(checked) == 1
    assert 'value="16_17"' in checked[0]


async def test_joining_stores_one_response_without_situation_answers(
    client: Client, settings: Settings
) -> None:
    """about → questions stores exactly one row, after which the plan says so."""
    made = await create_class(client, "8B")
    code = made.join_code
    about = await client.post(
        f"/join/{code}",
        data={
            "_step": "about",
            "_journey": await page_token(client),
            "profile.age_band": "13_15",
            "_shown": ["profile.devices", "profile.apps"],
            "profile.devices": "iphone_ipad",
            "profile.apps": "snapchat",
            "situation.threat_to_share": "no",
            "situation.image_shared": "not_sure",
        },
        headers=BROWSER_POST,
    )
    assert about.status_code == 200
    assert 'name="_step" value="next"' in about.text
    assert response_count(settings) == 0
    assert set_cookies(about) == []

    fields = hidden_fields(about.text)
    fields += list(WEAK_SECURITY.items())
    plan = await client.post(
        f"/join/{code}", data={**form_data(fields), "_step": "questions"}, headers=BROWSER_POST
    )
    assert plan.status_code == 200
    assert "Your plan" in plan.text
    assert STORED in plan.text
    assert set_cookies(plan) == []
    assert response_count(settings) == 1

    [(answers_blob, record_blob)] = query(settings, "SELECT answers, record FROM responses")
    stored = msgspec.msgpack.decode(zlib.decompress(answers_blob))
    assert stored["account_security.password_reuse"] == "most"
    assert not any(key.startswith(("situation.", "profile.")) for key in stored)
    raw = zlib.decompress(answers_blob) + record_blob
    assert b"situation" not in raw and b"not_sure" not in raw


async def test_urgent_path_stores_nothing_until_the_full_plan(
    client: Client, settings: Settings
) -> None:
    """A student under threat gets help first; the class sees only the area answers, later."""
    made = await create_class(client, "8B", age_band="13_15")
    code = made.join_code
    safety = await client.post(
        f"/join/{code}",
        data={
            "_step": "about",
            "_journey": await page_token(client),
            "profile.age_band": "13_15",
            "situation.threat_to_share": "yes",
            "situation.image_shared": "yes",
        },
        headers=BROWSER_POST,
    )
    assert "Before your next steps" in safety.text  # who is doing it, is the phone checked
    urgent = await client.post(
        f"/join/{code}",
        data={**form_data(hidden_fields(safety.text)), "_step": "next"},
        headers=BROWSER_POST,
    )
    assert urgent.status_code == 200
    assert "What to do now" in urgent.text
    assert "Continue the full check" in urgent.text
    assert STORED not in urgent.text
    assert response_count(settings) == 0

    questions = await client.post(
        f"/join/{code}",
        data={**form_data(hidden_fields(urgent.text)), "_step": "continue"},
        headers=BROWSER_POST,
    )
    assert questions.status_code == 200
    assert 'name="_step" value="next"' in questions.text
    assert response_count(settings) == 0

    fields = [
        *hidden_fields(questions.text),
        ("sextortion.paid_money", "yes"),
        ("sextortion.who_is_threatening", "only_online"),
        *GOOD_SECURITY.items(),
    ]
    plan = await client.post(
        f"/join/{code}", data={**form_data(fields), "_step": "questions"}, headers=BROWSER_POST
    )
    assert plan.status_code == 200
    assert "What to do now" in plan.text
    assert STORED in plan.text
    assert response_count(settings) == 1

    [(answers_blob, record_blob)] = query(settings, "SELECT answers, record FROM responses")
    stored = msgspec.msgpack.decode(zlib.decompress(answers_blob))
    assert not any(key.startswith(("situation.", "profile.")) for key in stored)
    record = msgspec.msgpack.decode(record_blob, type=ResponseRecord)
    assert not set(record.recommended) & SITUATION_RULES


async def test_unknown_code_is_a_kind_404(client: Client) -> None:
    response = await client.get("/join/ZZZZ-ZZZZ", headers=HTML)
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert str(escape(NOT_OPEN)) in response.text
    assert 'class="error-summary"' in response.text
    assert 'name="code"' in response.text  # the student can type it again at once


async def test_malformed_code_is_an_error_summary(client: Client) -> None:
    response = await client.get("/join", params={"code": "bad"}, headers=HTML)
    assert response.status_code == 200
    assert 'class="error-summary"' in response.text
    assert CODE_ERROR in response.text
    assert 'value="bad"' in response.text


async def test_typed_code_is_forgiven_and_redirected(client: Client) -> None:
    """Lower case and a space instead of the dash still find the class."""
    made = await create_class(client)
    typed = made.join_code.lower().replace("-", " ")
    response = await client.get(
        "/join", params={"code": f" {typed} "}, headers=HTML, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/join/{made.join_code}"


async def test_class_closed_between_steps_still_gives_the_plan(
    client: Client, settings: Settings
) -> None:
    """A student part-way through when the teacher closes still gets their plan; nothing stored."""
    made = await create_class(client, "8B")
    about = await client.post(
        f"/join/{made.join_code}",
        data={
            "_step": "about",
            "profile.age_band": "18_plus",
            "_journey": await page_token(client),
        },
        headers=BROWSER_POST,
    )
    assert 'name="_step" value="next"' in about.text
    closed = await client.post(
        f"/api/v1/cohorts/{made.public_id}/close",
        headers={"Authorization": f"Bearer {made.teacher_key}"},
    )
    assert closed.status_code == 204
    plan = await client.post(
        f"/join/{made.join_code}",
        data={**form_data(hidden_fields(about.text)), "_step": "questions"},
        headers=BROWSER_POST,
    )
    assert plan.status_code == 200
    assert "Your plan" in plan.text
    assert CLOSED_NOTICE in plan.text
    assert STORED not in plan.text
    assert response_count(settings) == 0


async def test_class_deleted_between_steps_still_gives_the_plan(
    client: Client, settings: Settings
) -> None:
    made = await create_class(client, "8B")
    about = await client.post(
        f"/join/{made.join_code}",
        data={
            "_step": "about",
            "profile.age_band": "18_plus",
            "_journey": await page_token(client),
        },
        headers=BROWSER_POST,
    )
    deleted = await client.delete(
        f"/api/v1/cohorts/{made.public_id}",
        headers={"Authorization": f"Bearer {made.teacher_key}"},
    )
    assert deleted.status_code == 204
    plan = await client.post(
        f"/join/{made.join_code}",
        data={**form_data(hidden_fields(about.text)), "_step": "questions"},
        headers=BROWSER_POST,
    )
    assert plan.status_code == 200
    assert "Your plan" in plan.text
    assert STORED not in plan.text
    assert NOT_ADDED in plan.text  # never a silent success
    assert response_count(settings) == 0


async def guess_codes(client: Client, count: int) -> None:
    """Wrong join codes from one address, each an ordinary 404 up to the limit."""
    for _ in range(count):
        response = await client.get(f"/join/{UNKNOWN_CODE}", headers=HTML)
        assert response.status_code == 404


async def test_during_a_code_lockout_a_student_part_way_through_is_still_counted(
    client: Client, app: Litestar, settings: Settings
) -> None:
    """Wrong codes from the school's address must not cost a student who already joined: their
    form's signed token proves the code, so their answers are stored. A form that cannot prove
    it (an old page, a tampered token) still gets the plan, and is told plainly that the answers
    were not added, never shown a silent success."""
    made = await create_class(client, "8B")
    code = made.join_code
    client.cookies.clear()
    about = await client.post(
        f"/join/{code}",
        data={"_step": "about", "profile.age_band": "13_15", "_journey": await page_token(client)},
        headers=BROWSER_POST,
    )
    assert 'name="_step" value="next"' in about.text
    answers = {**form_data(hidden_fields(about.text)), **WEAK_SECURITY}

    await guess_codes(client, BAD_CODE_LIMIT + 1)
    refused = await client.get(f"/join/{code}", headers=HTML)
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == str(SLOW_LANE_SECONDS)

    unproven = {**answers, "_once": "A" * 22 + "." + "B" * 22, "_journey": await page_token(client)}
    lost = await client.post(
        f"/join/{code}", data={**unproven, "_step": "questions"}, headers=BROWSER_POST
    )
    assert lost.status_code == 200
    assert "Your plan" in lost.text
    assert NOT_ADDED in lost.text
    assert STORED not in lost.text
    assert response_count(settings) == 0

    plan = await client.post(
        f"/join/{code}", data={**answers, "_step": "questions"}, headers=BROWSER_POST
    )
    assert plan.status_code == 200
    assert STORED in plan.text
    assert NOT_ADDED not in plan.text
    assert response_count(settings) == 1
    assert set_cookies(plan) == [] and set_cookies(lost) == []


async def test_wrong_codes_from_an_address_slow_guessing_but_never_lock_out_a_right_code(
    client: Client, app: Litestar
) -> None:
    """Past the limit an address gets one lookup every few seconds: a right code gets in after
    that short wait (no minute-long lockout for the whole school), a guesser gains nothing."""
    now = [30.0]
    services_of(app).platform.access.limiter.clock = lambda: now[0]
    made = await create_class(client, "8B")
    await guess_codes(client, BAD_CODE_LIMIT + 1)  # the last one took the slow lane's turn
    waiting = await client.get(f"/join/{made.join_code}", headers=HTML)
    assert waiting.status_code == 429
    assert waiting.headers["retry-after"] == str(SLOW_LANE_SECONDS)
    assert "Wait a few seconds and try again." in waiting.text  # not "in a minute"
    assert (await client.get(f"/join/{UNKNOWN_CODE}", headers=HTML)).status_code == 429
    now[0] += SLOW_LANE_SECONDS
    assert (await client.get(f"/join/{made.join_code}", headers=HTML)).status_code == 200
    # A right code hands the turn straight on, so the next classmate need not wait.
    assert (await client.get(f"/join/{made.join_code}", headers=HTML)).status_code == 200
    statuses = [(await client.get(f"/join/{UNKNOWN_CODE}", headers=HTML)).status_code]
    statuses += [(await client.get(f"/join/{UNKNOWN_CODE}", headers=HTML)).status_code]
    assert statuses == [404, 429]  # one guess per turn


async def test_a_closed_class_code_is_not_a_wrong_guess(client: Client, settings: Settings) -> None:
    """A class scanning last term's QR code must not lock the rest of the school out: a closed
    class's code gets the kind 404, but does not count towards the guessing limit."""
    live = await create_class(client, "8A")
    old = await create_class(client, "7C")
    closed = await client.post(
        f"/api/v1/cohorts/{old.public_id}/close",
        headers={"Authorization": f"Bearer {old.teacher_key}"},
    )
    assert closed.status_code == 204
    client.cookies.clear()

    for _ in range(BAD_CODE_LIMIT + 5):
        response = await client.get(f"/join/{old.join_code}", headers=HTML)
        assert response.status_code == 404
        assert str(escape(NOT_OPEN)) in response.text
    typed = await client.get("/join", params={"code": old.join_code.lower()}, headers=HTML)
    assert typed.status_code == 200
    assert str(escape(NOT_OPEN)) in typed.text
    assert (await client.get(f"/join/{live.join_code}", headers=HTML)).status_code == 200

    # The limit is live in this app: real wrong codes do reach it.
    await guess_codes(client, BAD_CODE_LIMIT + 1)
    assert (await client.get(f"/join/{live.join_code}", headers=HTML)).status_code == 429
    assert response_count(settings) == 0


async def test_code_and_key_guesses_from_ipv6_count_per_64_block(
    app: Litestar, settings: Settings
) -> None:
    """One household or device holds a whole IPv6 /64: moving to another address in it does
    not reset the guessing limits, while the next /64 (another network) is not held back."""
    peer = ["2001:db8:1:2::1"]
    async with AsyncTestClient(app=_with_peer(app, peer)) as client:
        made = await create_class(client, "8B")
        client.cookies.clear()
        for i in range(BAD_CODE_LIMIT + 1):
            peer[0] = f"2001:db8:1:2:{i:x}::{i + 1:x}"
            assert (await client.get(f"/join/{UNKNOWN_CODE}", headers=HTML)).status_code == 404
        peer[0] = "2001:db8:1:2:ffff:ffff:ffff:fffe"
        assert (await client.get(f"/join/{made.join_code}", headers=HTML)).status_code == 429
        peer[0] = "2001:db8:1:3::1"  # the neighbouring /64
        assert (await client.get(f"/join/{made.join_code}", headers=HTML)).status_code == 200

        for i in range(BAD_TEACHER_KEY_LIMIT):
            peer[0] = f"2001:db8:7:7::{i + 1:x}"
            bad = await client.post(
                "/schools/sign-in", data={"teacher_key": "sctk_guess"}, headers=BROWSER_POST
            )
            assert bad.status_code == 200
        for address, status in [("2001:db8:7:7:1::1", 429), ("2001:db8:7:8::1", 303)]:
            peer[0] = address
            response = await client.post(
                "/schools/sign-in",
                data={"teacher_key": made.teacher_key},
                headers=BROWSER_POST,
                follow_redirects=False,
            )
            assert response.status_code == status, address


async def assert_limited_per_address(app: Litestar, first: str, second: str) -> None:
    """Wrong codes from `first` slow `first` down, and leave `second` alone."""
    peer = [first]
    async with AsyncTestClient(app=_with_peer(app, peer)) as client:
        made = await create_class(client, "8B")
        await guess_codes(client, BAD_CODE_LIMIT + 1)
        assert (await client.get(f"/join/{made.join_code}", headers=HTML)).status_code == 429
        peer[0] = second
        response = await client.get(f"/join/{made.join_code}", headers=HTML)
        assert response.status_code == 200, (first, second)


async def test_ipv4_callers_are_limited_per_address(app: Litestar) -> None:
    """IPv4 addresses are not grouped: a school's wrong codes hold back only that school."""
    await assert_limited_per_address(app, "198.51.100.1", "198.51.100.2")


async def test_ipv4_mapped_callers_are_limited_per_address(app: Litestar) -> None:
    """A dual-stack socket (uvicorn binds one for `--host ::` with more than one worker) reports
    IPv4 callers as IPv4-mapped IPv6 addresses, ::ffff:a.b.c.d. Those are IPv4 callers: they all
    fall in the one /64 ::/64, so grouping them by /64 would let 30 wrong codes from one school
    lock every IPv4 school out of joining for the minute."""
    await assert_limited_per_address(app, "::ffff:198.51.100.1", "::ffff:203.0.113.7")


async def test_a_class_past_its_delete_day_is_gone_before_the_purge(
    client: Client, app: Litestar, settings: Settings
) -> None:
    """On its delete day a class is gone at once, even while its rows wait for the hourly purge:
    no dashboard, download, sign-in, API report or class flow finds it."""
    made = await create_class(client, "8B")
    await submit_api_responses(client, made.join_code, [GOOD_SECURITY] * 3)
    about = await client.post(
        f"/join/{made.join_code}",
        data={"_step": "about", "profile.age_band": "13_15", "_journey": await page_token(client)},
        headers=BROWSER_POST,
    )
    client.cookies.clear()
    today = dt.datetime.now(dt.UTC).date()
    api_headers = {"Authorization": f"Bearer {made.teacher_key}"}
    # Join codes looked up in the last 5 seconds are served from memory (a stale entry is
    # harmless: a class past its delete day closed before it); let those seconds pass.
    recent = services_of(app).class_checks.recent
    recent.clock = lambda: time.monotonic() + 2 * recent.seconds

    def set_days(closes: dt.date, deletes: dt.date) -> None:
        with contextlib.closing(sqlite3.connect(settings.database)) as db, db:
            db.execute(
                "UPDATE cohorts SET closes_day = ?, delete_day = ? WHERE public_id = ?",
                (closes.isoformat(), deletes.isoformat(), made.public_id),
            )

    # Closed by date ten days ago, deleted tomorrow: the teacher can still see it today.
    set_days(today - dt.timedelta(days=10), today + dt.timedelta(days=1))
    assert (await client.get(made.path, headers=with_cookie(made.cookie))).status_code == 200
    api = await client.get(f"/api/v1/cohorts/{made.public_id}/report", headers=api_headers)
    assert api.status_code == 200

    for deletes in (today, today - dt.timedelta(days=1)):
        set_days(today - dt.timedelta(days=10), deletes)
        for suffix in ("", "/print", "/report.csv", "/delete"):
            response = await client.get(made.path + suffix, headers=with_cookie(made.cookie))
            assert response.status_code == 401, (deletes, suffix)
            assert SIGNED_OUT in response.text
        attempt = await sign_in(client, made.teacher_key)
        assert attempt.status_code == 200 and BAD_KEY in attempt.text, deletes
        assert set_cookies(attempt) == []
        api = await client.get(f"/api/v1/cohorts/{made.public_id}/report", headers=api_headers)
        assert api.status_code == 404, deletes
        # A student mid-way gets their plan as an individual check, not the class's
        # "closed before you finished" notice: the class is not found at all.
        plan = await client.post(
            f"/join/{made.join_code}",
            data={**form_data(hidden_fields(about.text)), "_step": "questions"},
            headers=BROWSER_POST,
        )
        assert plan.status_code == 200 and "Your plan" in plan.text
        assert CLOSED_NOTICE not in plan.text and TAKING_PART not in plan.text, deletes
    assert response_count(settings) == 3  # still on disk until the purge: only hidden


# ---------------------------------------------------------------------------------------------
# The dashboard


async def test_open_dashboard_shows_how_to_join(client: Client) -> None:
    """The teacher can put the code, the link and a QR code on the board straight away."""
    made = await create_class(client, "8B")
    response = await client.get(made.path, headers=HTML)
    assert response.status_code == 200
    assert f'<strong class="join-code">{made.join_code}</strong>' in response.text
    assert f'href="http://testserver.local/join/{made.join_code}"' in response.text
    assert "What to teach next" not in response.text
    assert "<td>" not in response.text
    # The QR code must be inline SVG markup, on the dashboard and on the created page alike,
    # not SVG source escaped into visible text.
    qr_codes = {
        page: text.split('<div class="qr">', 1)[1].split("</div>", 1)[0].strip()
        for page, text in (("dashboard", response.text), ("created", made.page))
    }
    assert all(qr.startswith("<svg") for qr in qr_codes.values()), {
        page: qr[:40] for page, qr in qr_codes.items()
    }


async def teacher_report(client: Client, made: ClassCheck) -> dict[str, Any]:
    """The report as the JSON API gives it to the teacher's key."""
    api = await client.get(
        f"/api/v1/cohorts/{made.public_id}/report",
        headers={"Authorization": f"Bearer {made.teacher_key}"},
    )
    assert api.status_code == 200
    report: dict[str, Any] = api.json()["report"]
    return report


def figure(value: int | None, mark: str = "c") -> str:
    return mark if value is None else str(value)


async def test_report_appears_only_after_close_and_is_the_same_everywhere(
    client: Client, settings: Settings
) -> None:
    """While open only a band of the count is shown. Once closed, the dashboard and the print
    view show exactly the API's figures: noisy, none of 0, 1 or 2, shares that fit their
    counts, bands that add up to the number scored, with a key to the bars."""
    made = await create_class(client, "8B", age_band="13_15")
    await submit_api_responses(client, made.join_code, mixed_class())

    open_page = await client.get(made.path, headers=HTML)
    assert WITHHELD_OPEN in open_page.text
    assert "Students taken part so far: 10 to 19." in open_page.text
    assert "12 students" not in open_page.text
    assert CLOSE_BUTTON in open_page.text
    assert "Closing can't be undone" in open_page.text
    assert "What to teach next" not in open_page.text
    assert NOISE_NOTE not in open_page.text
    assert table_cells(open_page.text) == []
    open_csv = csv_rows(await client.get(f"{made.path}/report.csv"))
    assert open_csv[:2] == [["class", "8B"], ["responses", "10 to 19"]]
    assert open_csv[2][0] == "note" and WITHHELD_OPEN in open_csv[2][1]
    assert len(open_csv) == 3

    token = csrf_from(open_page.text)
    closed = await client.post(f"{made.path}/close", data={"_csrf": token}, headers=BROWSER_POST)
    assert closed.status_code == 200  # followed the 303 to the dashboard

    report = await teacher_report(client, made)
    assert report["published"] is True and report["responses"] == 12
    assert report == await teacher_report(client, made), "the noise is fixed for the class"
    scored_areas = [area for area in report["areas"] if area["scored"] is not None]
    expected_bands = [figure(cell["count"]) for area in scored_areas for cell in area["bands"]]
    expected_gaps = [
        (
            f"about {gap['count']}likely {gap['range']['low']} to {gap['range']['high']}",
            f"{gap['share']}%",
        )
        for gap in report["gaps"]
        if gap["count"]
    ][:TOP_GAPS]

    for view in ("", "/print"):
        page = await client.get(f"{made.path}{view}", headers=HTML)
        assert page.status_code == 200
        assert "What to teach next" in page.text
        assert "Scores by area" in page.text
        assert NOISE_NOTE in page.text
        assert "more than 6 times in 10" in page.text
        assert WITHHELD_OPEN not in page.text
        assert "12 students took part." in page.text
        for area in scored_areas:
            assert page.text.count(f"About {area['scored']} students had a score.") >= 1, view
        assert page.text.count(TOO_FEW_SCORED) == len(report["areas"]) - len(scored_areas), view
        for label in BAND_LABELS:  # a column per band in each area table, and one key
            assert page.text.count(f'<th scope="col">{label}</th>') == len(scored_areas)
            assert page.text.count(f"Score {label}</li>") == 1, (view, label)

        cells = table_cells(page.text)
        assert cells, "no tables"
        gaps: list[tuple[str, str]] = []
        bands: list[str] = []
        while cells:
            if cells[0].startswith("about "):
                gaps.append((cells.pop(0), cells.pop(0)))
            else:
                bands.append(cells.pop(0))
        assert bands == expected_bands, view
        assert gaps == expected_gaps, view
        for cell in bands:
            assert cell == "c" or cell.isdigit(), cell
            if cell != "c":
                assert 3 <= int(cell) <= 12
        assert gaps, "no common actions shown"
        for count, share in gaps:
            number = int(count.removeprefix("about ").partition("likely")[0])
            assert_published_count(number, 12)
            assert share == f"{round(100 * number / 12)}%", (count, share)


async def test_csv_after_close_has_exactly_the_reports_figures(client: Client) -> None:
    """The download publishes the same noisy figures as the report, `c` for every null, under a
    note saying how they were protected."""
    made = await create_class(client, "8B", age_band="13_15")
    await submit_api_responses(client, made.join_code, mixed_class())
    token = csrf_from((await client.get(made.path, headers=HTML)).text)
    await client.post(f"{made.path}/close", data={"_csrf": token}, headers=BROWSER_POST)

    report = await teacher_report(client, made)
    assert report["published"] is True
    area_titles = {area["area"]: area["title"] for area in report["areas"]}
    expected: list[list[str]] = []
    for area in report["areas"]:
        scored = figure(area["scored"], "n")
        expected.append(["students with a score", area["title"], "", scored, ""])
        assert len(area["bands"]) == (0 if area["scored"] is None else 4)
        expected += [
            [
                "score band",
                area["title"],
                cell["label"],
                figure(cell["count"]),
                figure(cell["share"]),
                str(cell["range"]["low"]),
                str(cell["range"]["high"]),
            ]
            for cell in area["bands"]
        ]
    expected += [
        [
            "advised action",
            area_titles[gap["area"]],
            gap["title"],
            figure(gap["count"]),
            figure(gap["share"]),
            str(gap["range"]["low"]),
            str(gap["range"]["high"]),
        ]
        for gap in report["gaps"]
    ]

    response = await client.get(f"{made.path}/report.csv")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[:2] == [["class", "8B"], ["responses", str(report["responses"])]]
    notes = len(CSV_NOTES)
    assert rows[2 : 2 + notes] == CSV_NOTES
    assert rows[2 + notes] == []
    assert rows[3 + notes] == CSV_HEADER
    figures = rows[4 + notes :]
    assert figures == expected

    # The figures themselves, checked against the rules rather than only against the API.
    scored: dict[str, int] = {}
    hidden = 0
    for table, area, _, students, percent, *likely in figures:
        assert students in ("c", "n") or students.isdigit(), students
        assert students != "n" or table == "students with a score"
        hidden += students == "c"
        if students in ("c", "n"):
            assert percent in ("c", ""), percent
            continue
        if likely:
            assert int(likely[0]) <= int(students) <= int(likely[1]) <= 12
        if table == "students with a score":
            scored[area] = int(students)
            assert_published_count(int(students), 12)
            assert int(students) >= 10  # fewer scores than that are never shown
        elif table == "score band":
            assert 3 <= int(students) <= scored[area]
            assert abs(int(percent) - 100 * int(students) / scored[area]) < 1, (area, students)
        else:
            assert table == "advised action", table
            assert_published_count(int(students), 12)
            assert percent == str(round(100 * int(students) / report["responses"]))
    assert hidden, "nothing hidden"
    for area in scored:  # a band row's shares never add up to more than 100
        percents = [row[4] for row in figures if row[0] == "score band" and row[1] == area]
        assert sum(int(value) for value in percents if value != "c") <= 100
    assert not [row for row in figures if row[0] == "score band" and row[1] not in scored]


async def test_delete_with_confirm_removes_everything(client: Client, settings: Settings) -> None:
    made = await create_class(client, "8B")
    await submit_api_responses(client, made.join_code, [GOOD_SECURITY, WEAK_SECURITY])
    assert response_count(settings) == 2
    token = csrf_from((await client.get(f"{made.path}/delete", headers=HTML)).text)
    response = await client.post(
        f"{made.path}/delete", data={"_csrf": token, "confirm": "yes"}, headers=BROWSER_POST
    )
    assert response.status_code == 200
    assert "The results have been deleted" in response.text
    assert query(settings, "SELECT count(*) FROM cohorts") == [(0,)]
    assert response_count(settings) == 0

    client.cookies.clear()
    later = await client.get(made.path, headers=with_cookie(made.cookie))
    assert later.status_code == 401
    assert SIGNED_OUT in later.text
    assert (await client.get(f"/join/{made.join_code}", headers=HTML)).status_code == 404


async def test_delete_without_confirm_deletes_nothing(client: Client, settings: Settings) -> None:
    """Deleting cannot be undone, so anything but the ticked box leaves the class alone."""
    made = await create_class(client, "8B")
    await submit_api_responses(client, made.join_code, [GOOD_SECURITY])
    token = csrf_from((await client.get(f"{made.path}/delete", headers=HTML)).text)
    for confirm in [None, "", "no", "YES", "on"]:
        form = {"_csrf": token} if confirm is None else {"_csrf": token, "confirm": confirm}
        response = await client.post(f"{made.path}/delete", data=form, headers=BROWSER_POST)
        assert response.status_code == 200, confirm
        assert 'class="error-summary"' in response.text, confirm
        assert "Tick the box to confirm" in response.text, confirm
        assert set_cookies(response) == [], confirm
        assert query(settings, "SELECT count(*) FROM cohorts") == [(1,)], confirm
        assert response_count(settings) == 1, confirm
    assert (await client.get(made.path, headers=HTML)).status_code == 200


# ---------------------------------------------------------------------------------------------
# Headers on every page


async def visit_every_page(client: Client) -> list[tuple[str, bool, httpx.Response]]:
    """One response from every teacher and join page: (label, is a student page, response)."""
    made = await create_class(client, "8B", age_band="13_15")
    token = csrf_from((await client.get(made.path, headers=HTML)).text)
    code = made.join_code
    pages: list[tuple[str, bool, httpx.Response]] = []

    async def visit(label: str, student: bool, method: str, url: str, **kwargs: Any) -> None:
        response = await client.request(method, url, follow_redirects=False, **kwargs)
        pages.append((label, student, response))

    await visit("start", False, "GET", "/schools", headers=HTML)
    await visit("new form", False, "GET", "/schools/new", headers=HTML)
    await visit("new error", False, "POST", "/schools/new", data={"name": ""}, headers=HTML)
    await visit("dashboard", False, "GET", made.path, headers=HTML)
    await visit("print", False, "GET", f"{made.path}/print", headers=HTML)
    await visit("csv", False, "GET", f"{made.path}/report.csv", headers=HTML)
    await visit("delete form", False, "GET", f"{made.path}/delete", headers=HTML)
    await visit("delete error", False, "POST", f"{made.path}/delete", data={"_csrf": token})
    await visit("signed out", False, "GET", "/schools/nobody", headers=HTML)
    await visit("bad key", False, "POST", "/schools/sign-in", data={"teacher_key": "x"})
    await visit("join", True, "GET", "/join", headers=HTML)
    await visit("join bad", True, "GET", "/join?code=bad", headers=HTML)
    await visit("join redirect", True, "GET", f"/join?code={code.lower()}", headers=HTML)
    await visit("join 404", True, "GET", "/join/ZZZZ-ZZZZ", headers=HTML)
    await visit("about", True, "GET", f"/join/{code}", headers=HTML)
    about_form = {
        "_step": "about",
        "profile.age_band": "13_15",
        "_journey": await page_token(client),
    }
    await visit("questions", True, "POST", f"/join/{code}", data=about_form, headers=HTML)
    await visit(
        "plan",
        True,
        "POST",
        f"/join/{code}",
        data={
            "_step": "questions",
            "profile.age_band": "13_15",
            "_journey": await page_token(client),
        },
        headers=HTML,
    )
    await visit(
        "sign-in", False, "POST", "/schools/sign-in", data={"teacher_key": made.teacher_key}
    )
    await visit("close", False, "POST", f"{made.path}/close", data={"_csrf": token})
    return pages


async def test_every_page_is_uncached_with_a_csp_and_no_student_cookie(client: Client) -> None:
    """Class names, keys and plans must never sit in a browser or proxy cache, and a student's
    device keeps no cookie from taking part."""
    every_page = await visit_every_page(client)
    assert len(every_page) == 19
    for label, _, response in every_page:
        assert response.status_code < 500, label
        assert response.headers.get("cache-control") == "no-store", label
        assert response.headers.get("content-security-policy") == CONTENT_SECURITY_POLICY, label

    student_pages = [(label, response) for label, student, response in every_page if student]
    assert [label for label, _ in student_pages] == [
        "join",
        "join bad",
        "join redirect",
        "join 404",
        "about",
        "questions",
        "plan",
    ]
    statuses = [response.status_code for _, response in student_pages]
    assert statuses == [200, 200, 303, 404, 200, 200, 200]
    assert STORED in student_pages[-1][1].text
    for label, response in student_pages:
        assert set_cookies(response) == [], label


# --- the teacher's side: projector view, copying the key, the join page -----------------------

JOIN_PROMISE = (
    "Answers about threats, or about pictures of you that have been shared, are never added to "
    "the class totals."
)


async def test_projector_view_shows_the_join_code_large_only_to_the_teacher(
    client: Client,
) -> None:
    made = await create_class(client, "8B")
    assert f'href="{made.path}/projector"' in made.page
    client.cookies.clear()
    projector = f"{made.path}/projector"
    page = await client.get(projector, headers=with_cookie(made.cookie))
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    assert f'<p class="projector-code">{made.join_code}</p>' in page.text
    assert page.text.count('<svg role="img" aria-label="QR code for the join link"') == 1
    assert f"/join/{made.join_code}</strong>" in page.text
    assert made.teacher_key not in page.text, "the key must never reach a projector"
    dashboard = await client.get(made.path, headers=with_cookie(made.cookie))
    assert f'href="{projector}"' in dashboard.text

    signed_out = await client.get(projector, headers=HTML)
    assert signed_out.status_code == 401 and SIGNED_OUT in signed_out.text
    assert made.join_code not in signed_out.text

    token = csrf_from(dashboard.text)
    headers = {**BROWSER_POST, "Cookie": f"{COOKIE_NAME}={made.cookie}"}
    closed = await client.post(
        f"{made.path}/close", data={"_csrf": token}, headers=headers, follow_redirects=False
    )
    assert closed.status_code == 303
    after = await client.get(projector, headers=with_cookie(made.cookie))
    assert after.status_code == 200
    assert "This check has closed, so students can no longer join." in after.text
    assert "projector-code" not in after.text and "<svg" not in after.text


async def test_teacher_key_can_be_copied_whole(client: Client) -> None:
    """A copy button (hidden until the script shows it) and a key with no hyphen to stop a
    double click, which the style sheet makes selectable in one click without any script."""
    made = await create_class(client, "8B")
    assert re.fullmatch(r"sctk_[A-Za-z0-9]{32}", made.teacher_key), made.teacher_key
    assert (
        '<button type="button" class="button secondary" id="copy-key" data-copy="teacher-key" '
        "hidden>Copy the key</button>" in made.page
    )
    assert '<span class="copy-status" id="copy-key-status" role="status"' in made.page
    assert f'<script src="{asset_url("copy.js")}" defer></script>' in made.page
    script = await client.get(asset_url("copy.js"))
    assert script.status_code == 200 and "navigator.clipboard" in script.text
    style = await client.get(asset_url("style.css"))
    assert ".teacher-key code { user-select: all;" in style.text


async def test_join_page_says_what_is_never_counted(client: Client) -> None:
    page = await client.get("/join", headers=HTML)
    assert page.status_code == 200
    assert JOIN_PROMISE in page.text
