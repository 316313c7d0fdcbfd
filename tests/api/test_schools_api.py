"""Schools in the JSON API, on SQLite and PostgreSQL: invitations, teachers' own keys (revoked
and given again by the lead), who sees which class, the operator's setting that classes need a
school, and the school-wide view once a term is over."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.answers import validate
from safety_check.plan import build_plan
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.schools.class_check import KeptResponse, Stored, school_today
from safety_check.schools.record import area_answers, record_for
from safety_check.schools.school import term_of
from safety_check.schools.school_view import SchoolView, same_students, smallest_marked
from safety_check.service.app import create_app, services_of
from safety_check.settings import Settings
from safety_check.storage import class_checks as class_store
from safety_check.storage import schools as school_store
from tests.api.test_school_web import sign_in
from tests.api.test_schools_web import HTML
from tests.engines import BOTH_ENGINES

pytestmark = BOTH_ENGINES
Client = AsyncTestClient[Litestar]
Json = dict[str, Any]
SCHOOLS = "/api/v1/schools"


def term_before(day: dt.date) -> dt.date:
    """A day early in the term before the one `day` is in."""
    start = dt.date.fromisoformat(term_of(day).first_day) - dt.timedelta(days=1)
    return dt.date.fromisoformat(term_of(start).first_day) + dt.timedelta(days=10)


LAST_TERM = term_before(school_today())
TERM_BEFORE = term_before(LAST_TERM)


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def invitation(app: Litestar) -> str:
    return await services_of(app).schools.invite()


async def new_school(client: Client, app: Litestar) -> Json:
    made = await client.post(
        SCHOOLS, json={"name": "Rowan Academy", "lead": "DSL", "invitation": await invitation(app)}
    )
    assert made.status_code == 201, made.text
    body: Json = made.json()
    return body


async def add_teacher(client: Client, lead_key: str, label: str) -> Json:
    added = await client.post(
        f"{SCHOOLS}/me/teachers", json={"label": label}, headers=bearer(lead_key)
    )
    assert added.status_code == 201, added.text
    body: Json = added.json()
    return body


async def make_class(client: Client, key: str, name: str, year_group: str = "Year 9") -> Json:
    made = await client.post(
        "/api/v1/cohorts",
        json={"name": name, "age_band": "13_15", "year_group": year_group},
        headers=bearer(key),
    )
    assert made.status_code == 201, made.text
    body: Json = made.json()
    return body


async def test_an_invitation_makes_one_school_with_a_lead(client: Client, app: Litestar) -> None:
    key = await invitation(app)
    body = {"name": "Rowan Academy", "lead": "DSL", "invitation": key}
    made = await client.post(SCHOOLS, json=body)
    assert made.status_code == 201
    school = made.json()
    assert school["name"] == "Rowan Academy" and school["lead"]["teacher"]["lead"] is True
    assert school["lead"]["key"].startswith("scsk_")
    again = await client.post(SCHOOLS, json=body)
    assert again.status_code == 403  # spent
    wrong = await client.post(SCHOOLS, json={**body, "invitation": "scin_" + "x" * 32})
    assert wrong.status_code == 403
    me = await client.get(f"{SCHOOLS}/me", headers=bearer(school["lead"]["key"]))
    assert me.status_code == 200
    assert [teacher["label"] for teacher in me.json()["teachers"]] == ["DSL"]


async def test_teachers_see_their_own_classes_and_the_lead_sees_all(
    client: Client, app: Litestar
) -> None:
    school = await new_school(client, app)
    lead = school["lead"]["key"]
    khan = (await add_teacher(client, lead, "Ms Khan"))["key"]
    patel = (await add_teacher(client, lead, "Mr Patel"))["key"]
    mine = await make_class(client, khan, "9K")
    theirs = await make_class(client, patel, "9P")

    listed = (await client.get(f"{SCHOOLS}/me", headers=bearer(khan))).json()
    assert [item["name"] for item in listed["classes"]] == ["9K"]
    assert listed["teachers"] == []  # only a lead sees the list of teachers
    everything = (await client.get(f"{SCHOOLS}/me", headers=bearer(lead))).json()
    assert [item["name"] for item in everything["classes"]] == ["9K", "9P"]
    assert [item["mine"] for item in everything["classes"]] == [False, False]

    report = f"/api/v1/cohorts/{mine['id']}/report"
    assert (await client.get(report, headers=bearer(khan))).status_code == 200
    assert (await client.get(report, headers=bearer(lead))).status_code == 200
    assert (await client.get(report, headers=bearer(patel))).status_code == 404
    assert (await client.get(report, headers=bearer(mine["teacher_key"]))).status_code == 200
    other = f"/api/v1/cohorts/{theirs['id']}/report"
    assert (await client.get(other, headers=bearer(khan))).status_code == 404

    # What only a lead may do.
    assert (await client.get(f"{SCHOOLS}/me/report", headers=bearer(khan))).status_code == 403
    refused = await client.post(f"{SCHOOLS}/me/teachers", json={"label": "X"}, headers=bearer(khan))
    assert refused.status_code == 403


async def test_a_lost_key_is_replaced_and_a_revoked_one_stops_working(
    client: Client, app: Litestar
) -> None:
    school = await new_school(client, app)
    lead = school["lead"]["key"]
    added = await add_teacher(client, lead, "Ms Khan")
    old = added["key"]
    made = await make_class(client, old, "9K")
    renewed = await client.post(
        f"{SCHOOLS}/me/teachers/{added['teacher']['id']}/key", headers=bearer(lead)
    )
    assert renewed.status_code == 201
    new = renewed.json()["key"]
    assert new != old
    assert (await client.get(f"{SCHOOLS}/me", headers=bearer(old))).status_code == 404
    mine = (await client.get(f"{SCHOOLS}/me", headers=bearer(new))).json()
    assert [item["id"] for item in mine["classes"]] == [made["id"]]  # the same teacher

    revoked = await client.post(
        f"{SCHOOLS}/me/teachers/{added['teacher']['id']}/revoke", headers=bearer(lead)
    )
    assert revoked.status_code == 204
    assert (await client.get(f"{SCHOOLS}/me", headers=bearer(new))).status_code == 404
    listed = (await client.get(f"{SCHOOLS}/me", headers=bearer(lead))).json()
    assert [item["name"] for item in listed["classes"]] == ["9K"]  # the lead keeps the class
    assert next(t for t in listed["teachers"] if t["label"] == "Ms Khan")["revoked_on"]


async def test_an_operator_can_require_a_school_to_make_classes(settings: Settings) -> None:
    app = create_app(msgspec.structs.replace(settings, classes_need_school=True))
    async with AsyncTestClient(app=app) as client:
        refused = await client.post("/api/v1/cohorts", json={"name": "8B"})
        assert refused.status_code == 401
        assert "school" in refused.json()["detail"]
        wrong = await client.post(
            "/api/v1/cohorts", json={"name": "8B"}, headers=bearer("scsk_" + "x" * 32)
        )
        assert wrong.status_code == 404
        school = await new_school(client, app)
        made = await client.post(
            "/api/v1/cohorts", json={"name": "8B"}, headers=bearer(school["lead"]["key"])
        )
        assert made.status_code == 201


async def _class_in_term(
    app: Litestar,
    lead_key: str,
    name: str,
    day: dt.date,
    students: list[Json],
    year_group: str = "Year 9",
) -> None:
    """A class made on `day` by the lead, with these students, closed a week later."""
    database = services_of(app).platform.database
    found = await school_store.find_teacher(database, lead_key)
    assert found is not None
    teacher, school = found
    made = await class_store.create_class_check(
        database,
        name=name,
        age_band="13_15",
        open_days=7,
        keep_days=365,
        today=day,
        school_id=school.id,
        teacher_id=teacher.id,
        year_group=year_group,
    )
    for answers in students:
        validated = validate(answers)
        kept = KeptResponse(
            content_version=CONTENT_VERSION,
            record=record_for(validated, build_plan(validated)),
            answers=area_answers(validated),
        )
        stored = await class_store.store_response(database, made.class_check, kept, today=day)
        assert stored is Stored.STORED
    await class_store.close_class_check(database, made.class_check, today=day + dt.timedelta(7))


async def test_the_school_view_sums_a_terms_classes_small_ones_included(
    client: Client, app: Litestar
) -> None:
    """Two classes of 6 (each too small to report alone) make a year group of 12 whose
    figures are published once the term is over, and stay the same on every reading."""
    school = await new_school(client, app)
    lead = school["lead"]["key"]
    weak = {
        "profile.age_band": "13_15",
        "account_security.two_step_verification": "none",
        "account_security.password_reuse": "most",
    }
    for name in ("9A", "9B"):
        await _class_in_term(app, lead, name, TERM_BEFORE, [weak] * 6)
    first = await client.get(f"{SCHOOLS}/me/report", headers=bearer(lead))
    assert first.status_code == 200, first.text
    [entry] = first.json()["views"]
    assert entry["state"] == "published" and entry["classes"] == 2
    assert entry["year_group"] == "Year 9" and entry["term"]["id"] == term_of(TERM_BEFORE).id
    report = entry["view"]["report"]
    assert report["published"] is True and report["responses"] == 12
    assert any(gap["count"] for gap in report["gaps"])
    # Alone, neither class reports anything.
    made = (await client.get(f"{SCHOOLS}/me", headers=bearer(lead))).json()["classes"]
    for item in made:
        alone = await client.get(f"/api/v1/cohorts/{item['id']}/report", headers=bearer(lead))
        assert alone.json()["report"]["published"] is False
    again = await client.get(f"{SCHOOLS}/me/report", headers=bearer(lead))
    assert again.json() == first.json()

    # A class of the next term waits until that term is over, and changes need two terms.
    await _class_in_term(app, lead, "9C", LAST_TERM, [weak] * 12)
    later = (await client.get(f"{SCHOOLS}/me/report", headers=bearer(lead))).json()
    assert [view["state"] for view in later["views"]] == ["published", "published"]
    [change] = later["changes"]
    assert change["before"]["id"] == term_of(TERM_BEFORE).id
    assert change["after"]["id"] == term_of(LAST_TERM).id
    for item in change["changes"]:
        assert item["low"] <= item["change"] <= item["high"]
        # Shown as changed only when the interval excludes zero (it is rounded outwards).
        assert not item["changed"] or item["low"] >= 0 or item["high"] <= 0
        assert item["changed"] or item["low"] <= 0 <= item["high"]


async def test_each_comparison_states_the_smallest_change_it_can_mark(
    client: Client, app: Litestar
) -> None:
    """The API gives, and the lead's page says in English and Welsh, the size of change each
    year group's comparison could mark: what the rule's own code gives for the published
    sizes. Year 8 is so small that only the sentence without a figure is true for it."""
    school = await new_school(client, app)
    lead = school["lead"]["key"]
    weak = {"profile.age_band": "13_15", "account_security.two_step_verification": "none"}
    await _class_in_term(app, lead, "9A", TERM_BEFORE, [weak] * 14)
    await _class_in_term(app, lead, "9A", LAST_TERM, [weak] * 12)  # the same class again
    await _class_in_term(app, lead, "8A", TERM_BEFORE, [weak] * 10, "Year 8")
    await _class_in_term(app, lead, "8B", LAST_TERM, [weak] * 10, "Year 8")
    body = (await client.get(f"{SCHOOLS}/me/report", headers=bearer(lead))).json()
    views = {
        (entry["year_group"], entry["term"]["id"]): msgspec.convert(entry["view"], SchoolView)
        for entry in body["views"]
    }
    stated = {}
    one_year = term_of(TERM_BEFORE).school_year == term_of(LAST_TERM).school_year
    for group in body["changes"]:
        before = views[(group["year_group"], group["before"]["id"])]
        after = views[(group["year_group"], group["after"]["id"])]
        expected = smallest_marked(before, after)
        assert expected is not None
        assert group["same_students"] is same_students(before, after)
        assert group["same_students"] is (one_year and group["year_group"] == "Year 9")
        assert group["smallest_marked"] == msgspec.to_builtins(expected)
        stated[group["year_group"]] = expected
    year_9, year_8 = stated["Year 9"], stated["Year 8"]
    assert (year_9.students_before, year_9.students_after) == (14, 12)
    assert year_9.points <= 100 < year_8.points

    await sign_in(client, lead)
    page = (await client.get("/school/view", headers=HTML)).text
    assert (
        f"With 14 students before and 12 after, a change smaller than about {year_9.points} "
        "points can go unmarked even when it is real" in page
    )
    assert "With 10 students before and 10 after, even a very large change can go unmarked" in page
    same_year = "Both terms are in the same school year, with the same classes, so mostly"
    other_classes = "Not the same classes took part in both terms, so different students"
    other_year = "These terms are in different school years, so different students answered"
    counts = [page.count(sentence) for sentence in (same_year, other_classes, other_year)]
    assert counts == ([1, 1, 0] if one_year else [0, 0, 2])
    welsh = (await client.get("/school/view?lang=cy", headers=HTML)).text
    assert (
        f"Gyda 14 disgybl o’r blaen a 12 wedyn, gall newid sy’n llai na thua {year_9.points}"
        in welsh
    )
    assert "Gyda 10 disgybl o’r blaen a 10 wedyn, gall hyd yn oed newid mawr iawn" in welsh
    welsh_kinds = ("Mae’r ddau dymor yn yr un", "Nid yr un dosbarthiadau", "blynyddoedd ysgol gwa")
    assert [welsh.count(sentence) for sentence in welsh_kinds] == counts


async def test_a_view_of_a_term_not_over_is_not_shown(client: Client, app: Litestar) -> None:
    school = await new_school(client, app)
    lead = school["lead"]["key"]
    await make_class(client, lead, "9K")
    [entry] = (await client.get(f"{SCHOOLS}/me/report", headers=bearer(lead))).json()["views"]
    assert entry["state"] == "term_not_over" and entry["view"] is None
