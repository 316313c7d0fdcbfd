"""Class checks in Welsh: a class's language, its students' pages, the teacher's report and CSV,
and a pseudo-language render of every class page that finds any text outside the catalogue."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check import i18n
from safety_check.engine import COMPILED_RULES
from safety_check.resources import RESOURCES, contact_line
from safety_check.schools import curriculum, dpia
from safety_check.service.app import create_app, services_of
from safety_check.service.classes.api import CODE_NOT_FOUND
from safety_check.service.classes.schools_web import LETTER_SERVICES, READ_IN
from safety_check.settings import Settings
from tests.api.test_schools_web import (
    BROWSER_POST,
    GOOD_SECURITY,
    HTML,
    MIDDLING_SECURITY,
    WEAK_SECURITY,
    csrf_from,
    submit_api_responses,
)
from tests.marked_language import clear_language_caches
from tests.pseudo_locale import CLOSE, OPEN, pseudo_translations, untranslated

Client = AsyncTestClient[Litestar]
DATA = re.compile(r"^(sc[st]k_\w+|https?://\S+|[A-Z0-9]{4}-[A-Z0-9]{4})$")
"""Keys, join links and join codes: data shown as it is, never words."""
MAIN = re.compile(r'<main id="content"[^>]*>(.*)</main>', re.S)
NOTICE = re.compile(r'<div class="panel class-notice">.*?</div>', re.S)
WELSH_NOTICE = "Dim ond cyfansymiau ar gyfer y dosbarth cyfan y bydd eich ysgol yn eu gweld."
ENGLISH_NOTICE = "Your school will only see totals for the whole class."

NAMES = frozenset(
    {
        "Safety Check",
        "8B",
        "Rowan Academy",
        "DSL",
        "Ms Khan",
        "Year 9",
        *i18n.NAME.values(),  # each language named in itself
        *dpia.STORED,  # tables and columns, named as the database names them
        *(field for fields in dpia.STORED.values() for field in fields),
        curriculum.FRAMEWORK,
        *(
            lesson.title
            for lesson in curriculum.__dict__.values()
            if isinstance(lesson, curriculum.Lesson)
        ),
        *(
            lesson.provider
            for lesson in curriculum.__dict__.values()
            if isinstance(lesson, curriculum.Lesson)
        ),
    }
)
"""Names never translated: the service, the classes, school and teacher made here, and the
framework, lessons and providers as they publish them."""
OTHER_DOMAINS = frozenset(
    {"There is a problem", READ_IN["en"], *(rule.title for rule in COMPILED_RULES)}
)
"""Text on these pages from other domains: the form error summary (the journey's `messages`)
the actions' titles (rules, in `content`, looked up with their `rule:<id>.title` context), and
the link to the report in English, written in English on purpose."""


def settings_for(tmp_path: Path, languages: tuple[i18n.Language, ...] = ("en", "cy")) -> Settings:
    return Settings(database=tmp_path / "welsh.sqlite3", languages=languages)


@pytest.fixture
def app(tmp_path: Path) -> Litestar:
    return create_app(settings_for(tmp_path))


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[Client]:
    services_of(app).platform.access.limiter.clock = lambda: 30.0
    services_of(app).platform.access.hourly.clock = lambda: 30.0
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Welsh stood in for by the pseudo-language, built from every committed catalogue template."""
    fake = pseudo_translations()
    real = i18n.translations
    clear_language_caches()  # content an earlier test built in real Welsh
    monkeypatch.setattr(
        i18n, "translations", lambda language: fake if language == "cy" else real(language)
    )
    yield
    monkeypatch.undo()
    clear_language_caches()


async def welsh_class(client: Client, name: str = "8B") -> tuple[str, str, str]:
    """A Welsh class made on the web form: its dashboard path, join code and the created page."""
    made = await client.post(
        "/schools/new", data={"name": name, "language": "cy"}, headers=BROWSER_POST
    )
    assert made.status_code == 201, made.text
    path = re.search(r'href="(/schools/[A-Za-z0-9_-]+)"', made.text)
    code = re.search(r'<strong class="join-code">([^<]+)</strong>', made.text)
    assert path and code
    return path.group(1), code.group(1), made.text


async def close(client: Client, path: str) -> None:
    token = csrf_from((await client.get(path, headers=HTML)).text)
    closed = await client.post(
        f"{path}/close", data={"_csrf": token}, headers=BROWSER_POST, follow_redirects=False
    )
    assert closed.status_code == 303


def main(page: str) -> str:
    found = MAIN.search(page)
    assert found, page[:200]
    return found.group(1)


def left_out(page: str) -> list[str]:
    """Visible text outside every message. A message with a link or <strong> inside is one
    bracketed span across its tags, so whole spans go first (the parser sees text per tag)."""
    found = untranslated(whole_messages(main(page)), NAMES | OTHER_DOMAINS)
    return [text for text in found if not DATA.match(text)]


def whole_messages(html: str) -> str:
    """The page without its messages, innermost first (a message can hold another's words)."""
    innermost = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
    while True:
        shorter = innermost.sub("", html)
        if shorter == html:
            return html
        html = shorter


# --- the class's language -----------------------------------------------------------------------


async def test_a_welsh_class_made_by_the_api_opens_its_students_pages_in_welsh(
    client: Client,
) -> None:
    made = await client.post("/api/v1/cohorts", json={"name": "9C", "language": "cy"})
    assert made.status_code == 201, made.text
    assert made.json()["language"] == "cy"
    code = made.json()["join_code"]
    page = await client.get(f"/join/{code}", headers=HTML)
    assert page.status_code == 200
    assert WELSH_NOTICE in page.text and ENGLISH_NOTICE not in page.text
    english = await client.get(f"/join/{code}?lang=en", headers=HTML)
    assert ENGLISH_NOTICE in english.text, "a student can switch to English for themselves"
    report = await client.get(
        f"/api/v1/cohorts/{made.json()['id']}/report",
        headers={"Authorization": f"Bearer {made.json()['teacher_key']}"},
    )
    assert report.status_code == 200 and report.json()["language"] == "cy"


async def test_an_english_class_stays_english_and_a_student_can_ask_for_welsh(
    client: Client,
) -> None:
    made = await client.post("/api/v1/cohorts", json={"name": "9C"})
    assert made.json()["language"] == "en"
    code = made.json()["join_code"]
    assert ENGLISH_NOTICE in (await client.get(f"/join/{code}", headers=HTML)).text
    assert WELSH_NOTICE in (await client.get(f"/join/{code}?lang=cy", headers=HTML)).text


async def test_a_welsh_class_made_on_the_web_shows_the_teacher_and_students_welsh(
    client: Client,
) -> None:
    path, code, created = await welsh_class(client)
    assert "Mae gwiriad eich dosbarth yn barod" in created
    dashboard = await client.get(path, headers=HTML)
    assert "Cau’r gwiriad nawr" in dashboard.text
    assert '<html lang="cy">' in dashboard.text
    form = await client.get("/schools/new?lang=cy", headers=HTML)
    assert '<html lang="cy">' in form.text and '<option value="en" lang="en-GB"' in form.text
    assert '<a href="?lang=en" lang="en-GB" hreflang="en-GB">Read this report in English</a>' in (
        dashboard.text
    )
    assert f'href="{path}/report.csv?lang=cy"' in dashboard.text
    assert "Close the check now" in (await client.get(f"{path}?lang=en", headers=HTML)).text
    student = await client.get(f"/join/{code}", headers=HTML)
    assert WELSH_NOTICE in student.text


async def test_welsh_is_refused_while_the_service_does_not_offer_it(tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path, languages=("en",)))
    async with AsyncTestClient(app=app) as client:
        refused = await client.post("/api/v1/cohorts", json={"name": "9C", "language": "cy"})
        assert refused.status_code == 422
        form = await client.get("/schools/new", headers=HTML)
        assert 'name="language"' not in form.text, "no language choice with one language"
        posted = await client.post(
            "/schools/new", data={"name": "8B", "language": "cy"}, headers=BROWSER_POST
        )
        assert posted.status_code == 200 and "Choose a language from the list." in posted.text


async def test_the_csv_of_a_welsh_report_has_welsh_headings_and_the_same_figures(
    client: Client,
) -> None:
    path, code, _ = await welsh_class(client)
    await submit_api_responses(
        client, code, [GOOD_SECURITY] * 9 + [WEAK_SECURITY] * 2 + [MIDDLING_SECURITY]
    )
    await close(client, path)
    welsh = await client.get(f"{path}/report.csv")
    english = await client.get(f"{path}/report.csv?lang=en")
    welsh_rows = list(csv.reader(io.StringIO(welsh.content.decode("utf-8-sig"))))
    english_rows = list(csv.reader(io.StringIO(english.content.decode("utf-8-sig"))))
    assert welsh_rows[0][0] == "dosbarth" and english_rows[0][0] == "class"
    header = ["tabl", "maes", "eitem", "disgyblion", "canran", "isaf_tebygol", "uchaf_tebygol"]
    assert header in welsh_rows
    assert len(welsh_rows) == len(english_rows)
    figures = [[cell for cell in row if cell.isdigit()] for row in welsh_rows]
    assert figures == [[cell for cell in row if cell.isdigit()] for row in english_rows]
    page = await client.get(path, headers=HTML)
    assert (
        "Rhagfyr" in page.text
        or "Ionawr" in page.text
        or re.search(
            r"\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}",
            page.text,
        )
    )


# --- nothing left out of the catalogue ----------------------------------------------------------


@pytest.mark.usefixtures("pseudo")
async def test_every_class_page_for_students_is_in_the_catalogue(client: Client) -> None:
    _, code, _ = await welsh_class(client)
    pages = {
        "join": await client.get("/join?lang=cy", headers=HTML),
        "join with an error": await client.get("/join?code=nope&lang=cy", headers=HTML),
        "unknown code": await client.get("/join/ZZZZ-ZZZZ?lang=cy", headers=HTML),
    }
    for name, page in pages.items():
        assert left_out(page.text) == [], name
    first = await client.get(f"/join/{code}", headers=HTML)
    notice = NOTICE.search(first.text)
    assert notice, "the class notice is on the student's first page"
    assert untranslated(whole_messages(notice.group(0)), NAMES) == []


@pytest.mark.usefixtures("pseudo")
async def test_every_class_page_for_teachers_is_in_the_catalogue(client: Client) -> None:
    start = await client.get("/schools?lang=cy", headers=HTML)
    form = await client.get("/schools/new?lang=cy", headers=HTML)
    refused = await client.post("/schools/new?lang=cy", data={"name": ""}, headers=BROWSER_POST)
    wrong_key = await client.post(
        "/schools/sign-in?lang=cy", data={"teacher_key": "sctk_nope"}, headers=BROWSER_POST
    )
    path, code, created = await welsh_class(client)
    open_pages = {
        suffix: await client.get(path + suffix, headers=HTML)
        for suffix in ("", "/projector", "/print")
    }
    await submit_api_responses(
        client, code, [GOOD_SECURITY] * 9 + [WEAK_SECURITY] * 2 + [MIDDLING_SECURITY]
    )
    await close(client, path)
    closed_pages = {
        suffix: await client.get(path + suffix, headers=HTML)
        for suffix in ("", "/projector", "/print", "/letter", "/dpia", "/delete")
    }
    token = csrf_from(closed_pages[""].text)
    unconfirmed = await client.post(f"{path}/delete", data={"_csrf": token}, headers=BROWSER_POST)
    deleted = await client.post(
        f"{path}/delete", data={"_csrf": token, "confirm": "yes"}, headers=BROWSER_POST
    )
    pages = {
        "start": start,
        "new": form,
        "new with errors": refused,
        "wrong key": wrong_key,
        "created": created,
        **{f"open{suffix}": page for suffix, page in open_pages.items()},
        **{f"closed{suffix}": page for suffix, page in closed_pages.items()},
        "delete unconfirmed": unconfirmed,
        "deleted": deleted,
    }
    assert "Cau’r gwiriad nawr" not in closed_pages[""].text  # the pseudo-language is in use
    # The letter's services: name and contacts as the resources catalogue writes them, then
    # who each is for from the content catalogue (not yet in the pseudo-language on main).
    contacts = tuple(contact_line(RESOURCES[name]) for name in LETTER_SERVICES)
    for name, page in pages.items():
        text = page if isinstance(page, str) else page.text
        found = [line for line in left_out(text) if not line.startswith(contacts)]
        assert found == [], name


@pytest.mark.usefixtures("pseudo")
async def test_every_school_page_is_in_the_catalogue(client: Client, app: Litestar) -> None:
    _, made = await services_of(app).schools.create("cli", "Rowan Academy", "DSL", None)
    await client.post("/schools/sign-in", data={"teacher_key": made.key}, headers=BROWSER_POST)
    home = await client.get("/school?lang=cy", headers=HTML)
    token = csrf_from(home.text)
    key_page = await client.post(
        "/school/teachers?lang=cy", data={"_csrf": token, "label": "Ms Khan"}, headers=BROWSER_POST
    )
    no_label = await client.post(
        "/school/teachers?lang=cy", data={"_csrf": token, "label": ""}, headers=BROWSER_POST
    )
    new_class = await client.get("/school/new?lang=cy", headers=HTML)
    made_class = await client.post(
        "/school/new?lang=cy",
        data={"_csrf": token, "name": "8B", "year_group": "Year 9"},
        headers=BROWSER_POST,
    )
    pages = {
        "home": await client.get("/school?lang=cy", headers=HTML),
        "key": key_page,
        "no label": no_label,
        "new class": new_class,
        "class made": made_class,
        "view": await client.get("/school/view?lang=cy", headers=HTML),
        "delete": await client.get("/school/delete?lang=cy", headers=HTML),
        "delete unconfirmed": await client.post(
            "/school/delete?lang=cy",
            data={"_csrf": token, "school_name": "no"},
            headers=BROWSER_POST,
        ),
        "deleted": await client.post(
            "/school/delete?lang=cy",
            data={"_csrf": token, "school_name": "Rowan Academy"},
            headers=BROWSER_POST,
        ),
    }
    for name, page in pages.items():
        assert page.status_code < 500, name
        assert left_out(page.text) == [], name


async def test_class_check_problems_speak_the_language_asked_for(client: Client) -> None:
    body = {"answers": {"profile.age_band": "13_15"}}
    welsh = await client.post(
        "/api/v1/cohorts/ZZZZ-ZZZZ/responses", json=body, headers={"Accept-Language": "cy"}
    )
    english = await client.post("/api/v1/cohorts/ZZZZ-ZZZZ/responses", json=body)
    assert welsh.status_code == english.status_code == 404
    assert welsh.json()["detail"] == (
        "Does gan yr un gwiriad dosbarth agored y cod ymuno hwn. Efallai ei fod wedi cau."
    )
    assert english.json()["detail"] == CODE_NOT_FOUND


async def test_a_welsh_class_stays_welsh_from_page_to_page_unless_the_student_switches(
    client: Client,
) -> None:
    """The first page's token carries the class's language to the next page (here the first
    one again, which has the class notice); the language link's `_lang` switches it."""
    _, code, _ = await welsh_class(client)
    first = await client.get(f"/join/{code}", headers=HTML)
    assert 'name="_lang" value="en"' in first.text, "the student can switch"
    about = {
        "_step": "change_about",
        "_journey": journey_token(first.text),
        "profile.age_band": "13_15",
        "situation.threat_to_share": "no",
    }
    again = await client.post(f"/join/{code}", data=about, headers=BROWSER_POST)
    assert again.status_code == 200
    assert WELSH_NOTICE in again.text
    switched = await client.post(
        f"/join/{code}",
        data={**about, "_journey": journey_token(again.text), "_at": "about", "_lang": "en"},
        headers=BROWSER_POST,
    )
    assert ENGLISH_NOTICE in switched.text and WELSH_NOTICE not in switched.text
    onward = await client.post(
        f"/join/{code}",
        data={**about, "_journey": journey_token(switched.text)},
        headers=BROWSER_POST,
    )
    assert ENGLISH_NOTICE in onward.text, "the student's choice stays with their journey"


def journey_token(page: str) -> str:
    found = re.search(r'name="_journey" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)
