"""A stored class response against the way it was made before it was made from fragments: the
plan objects (`build_plan`), their JSON, and the record read from them (`record_for`).

The response with include=all must be the same bytes (the compact default is createPlan's), and
the stored row the same record and answers whatever `include` asks for, over many random answer
sets, so nothing a student or a teacher sees moved when the path got cheaper.
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import msgspec
from hypothesis import HealthCheck, given, settings
from litestar.testing import TestClient

from safety_check.answers import prune, validate
from safety_check.models import Answers
from safety_check.plan import build_plan
from safety_check.schools.record import ResponseRecord, area_answers, record_for, record_of
from safety_check.service.app import create_app
from safety_check.settings import Settings
from tests.strategies import answer_sets

Raw = dict[str, str | list[str]]
MANY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SITUATION = {"situation.threat_to_share": "yes", "situation.image_shared": "yes"}


def reference_record(answers: Answers) -> ResponseRecord:
    return record_for(answers, build_plan(answers))


@MANY
@given(answer_sets())
def test_the_record_from_statuses_is_the_record_from_the_plan(raw: Raw) -> None:
    answers = validate(raw)
    assert record_of(answers) == reference_record(answers)


@MANY
@given(answer_sets())
def test_the_record_is_the_reference_with_a_situation_disclosed(raw: Raw) -> None:
    """The scores are worked out again without the private answers here: both paths must."""
    answers = validate(prune({**raw, **SITUATION}))
    assert record_of(answers) == reference_record(answers)


def test_class_responses_are_the_reference_bytes_and_rows(tmp_path: Path) -> None:
    """Over HTTP and down to the file: the body, and the row the response left."""
    database = tmp_path / "class.db"
    app = create_app(Settings(database=database, class_rate_limit=100_000))
    with TestClient(app=app) as client:
        made = client.post("/api/v1/cohorts", json={"name": "Reference class"})
        assert made.status_code == 201, made.text
        url = f"/api/v1/cohorts/{made.json()['join_code']}/responses"

        def last_row(answers: Answers) -> None:
            with sqlite3.connect(database) as reader:
                [(record, kept)] = reader.execute(
                    "SELECT record, answers FROM responses ORDER BY id DESC LIMIT 1"
                ).fetchall()
            assert msgspec.msgpack.decode(record, type=ResponseRecord) == reference_record(answers)
            assert msgspec.msgpack.decode(zlib.decompress(kept)) == area_answers(answers)

        @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(answer_sets())
        def check(raw: Raw) -> None:
            answers = validate(raw)
            whole = client.post(url, params={"include": "all"}, json={"answers": raw})
            assert whole.status_code == 201, whole.text
            assert whole.content == msgspec.json.encode(build_plan(answers))
            last_row(answers)
            # The compact default is createPlan's, and what is stored does not depend on it.
            compact = client.post(url, json={"answers": raw})
            assert compact.status_code == 201, compact.text
            assert compact.content == client.post("/api/v1/plans", json={"answers": raw}).content
            assert len(compact.content) < len(whole.content)
            last_row(answers)

        check()
