"""Class reports: nothing before the check closes with enough responses, then noisy figures."""

from __future__ import annotations

import math

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safety_check.engine import COMPILED_RULES
from safety_check.models import AREA_TITLES, AREAS, AgeBand
from safety_check.schools.curriculum import FRAMEWORK, FRAMEWORK_AGES, TEACHING
from safety_check.schools.noise import EPSILON, GUESS_LIMIT, noise
from safety_check.schools.record import REPORTABLE_RULES, ResponseRecord
from safety_check.schools.report import (
    BAND_LABELS,
    TEACH_NEXT_LIMIT,
    WITHHELD_FEW,
    WITHHELD_OPEN,
    WITHHELD_OPEN_AND_FEW,
    Report,
    build_report,
    responses_band,
)
from safety_check.schools.suppression import MIN_RESPONSES, apportion
from tests.schools.test_suppression import ClassCounts, classes

KEY = b"k" * 32

TITLES = {compiled.rule.id: compiled.title for compiled in COMPILED_RULES}
NO_SCORES: tuple[int | None, ...] = (None,) * len(AREAS)

REVIEW = "privacy_settings_review_regularly"
INSTAGRAM = "privacy_settings_instagram_private_account"
TWO_STEP = "account_security_turn_on_two_step_verification"
COVER = "webcam_cover_when_unused"
DEEPFAKES = "deepfakes_limit_public_photos"
CONTACTS = "sextortion_check_new_contacts"


def plain(count: int, recommended: tuple[str, ...] = ()) -> list[ResponseRecord]:
    return [ResponseRecord(scores=NO_SCORES, recommended=recommended) for _ in range(count)]


def closed(records: object, age_band: AgeBand | None = None, key: bytes = KEY) -> Report:
    return build_report(records, age_band, closed=True, noise_key=key)  # type: ignore[arg-type]


def assert_withheld(report: Report, responses: int | None, reason: str) -> None:
    assert report.responses == responses
    assert not report.published
    assert report.withheld == reason.format(minimum=MIN_RESPONSES)
    assert report.areas == () and report.gaps == () and report.teach_next == ()
    assert report.minimum_responses == MIN_RESPONSES
    assert report.epsilon == EPSILON and report.guess_limit == GUESS_LIMIT


@pytest.mark.parametrize("responses", [0, 1, 2, MIN_RESPONSES - 1])
def test_below_the_minimum_only_the_count_is_given(responses: int) -> None:
    """Even after closing: in a tiny class every figure points at someone."""
    everyone = ("privacy_settings_review_regularly",)
    report = closed(plain(responses, everyone), "13_15")
    assert_withheld(report, responses, WITHHELD_FEW)
    report = build_report(plain(responses, everyone), "13_15", closed=False, noise_key=KEY)
    assert_withheld(report, None, WITHHELD_OPEN_AND_FEW)
    assert report.responses_band == "fewer than 10"


@pytest.mark.parametrize("responses", [MIN_RESPONSES, 19, 40])
def test_while_open_only_a_band_of_the_count_is_given(responses: int) -> None:
    """Figures that moved with each submission would give away the latest student's answers;
    even the exact count would tell a watcher when someone submitted."""
    report = build_report(
        plain(responses, ("privacy_settings_review_regularly",)), None, closed=False, noise_key=KEY
    )
    assert_withheld(report, None, WITHHELD_OPEN)
    assert report.responses_band == responses_band(responses)
    assert build_report(
        plain(responses + 1), None, closed=False, noise_key=KEY
    ).responses_band == responses_band(responses + 1)


def test_responses_bands() -> None:
    assert [responses_band(n) for n in (0, 9, 10, 19, 20, 35)] == [
        "fewer than 10",
        "fewer than 10",
        "10 to 19",
        "10 to 19",
        "20 to 29",
        "30 to 39",
    ]


def test_figures_appear_at_the_minimum_once_closed() -> None:
    report = closed(plain(MIN_RESPONSES))
    assert report.published and report.withheld is None
    assert report.responses == MIN_RESPONSES and report.responses_band == "10 to 19"
    assert len(report.areas) == len(AREAS) and len(report.gaps) == len(REPORTABLE_RULES)


def test_records_can_be_any_iterable() -> None:
    """Storage may hand over a generator: it must be read once, not counted then reread."""
    records = [ResponseRecord(scores=(100,) * len(AREAS), recommended=(REVIEW,)) for _ in range(12)]
    report = closed(iter(records))
    assert report.published and report.responses == 12
    assert report == closed(records)


def example_class() -> list[ResponseRecord]:
    """Twelve students with known true figures (see the assertions below)."""
    records = []
    for student in range(12):
        privacy = 10 if student < 6 else 90
        details = 30 if student < 10 else None
        nearby = (24, 25, 74)[student // 4]
        security = 50 if student < 9 else None
        dating = 10 if student < 1 else 30 if student < 5 else 80
        helping = 0 if student < 1 else 40 if student < 4 else 60 if student < 7 else 75
        scores = (privacy, details, nearby, 100, security, dating, None, None, None, helping)
        advised = [REVIEW, REVIEW]  # listed twice: still one student
        advised += [TWO_STEP] if student < 9 else []
        advised += [COVER] if student >= 5 else []
        advised += [INSTAGRAM] if student < 5 else []
        advised += [DEEPFAKES] if student < 11 else []
        advised += [CONTACTS] if student < 2 else []
        # A situation-only rule and a retired rule are never counted.
        advised += ["sextortion_dont_pay", "a_rule_since_retired"] if student == 0 else []
        records.append(ResponseRecord(scores=scores, recommended=tuple(advised)))
    return records


TRUE_BANDS = {
    # [0-24, 25-49, 50-74, 75-100, no score]; 24, 25, 74 and 75 are band edges.
    "privacy_settings": [6, 0, 0, 6, 0],
    "personal_details": [0, 10, 0, 0, 2],
    "nearby_sharing": [4, 4, 4, 0, 0],
    "webcam": [0, 0, 0, 12, 0],
    "account_security": [0, 0, 9, 0, 3],
    "dating_apps": [1, 4, 0, 7, 0],
    "intimate_images": [0, 0, 0, 0, 12],
    "sextortion": [0, 0, 0, 0, 12],
    "deepfakes": [0, 0, 0, 0, 12],
    "getting_help": [1, 3, 3, 5, 0],
}
TRUE_ACTIONS = {REVIEW: 12, TWO_STEP: 9, COVER: 7, INSTAGRAM: 5, DEEPFAKES: 11, CONTACTS: 2}


@pytest.mark.parametrize("key", [KEY, b"another class" * 3, bytes(32)])
def test_hand_made_example(key: bytes) -> None:
    """Every figure is the true count plus the class's own noise for it, made consistent."""
    report = closed(example_class(), "13_15", key)
    assert report.published and report.responses == 12
    assert report.framework == FRAMEWORK
    assert [area.area for area in report.areas] == list(AREAS)
    assert all(area.title == AREA_TITLES[area.area] for area in report.areas)
    for area in report.areas:
        true = TRUE_BANDS[area.area]
        labels = [*(f"band:{index}" for index in range(4)), "none"]
        slots = apportion(
            [
                count + noise(key, f"area:{area.area}:{label}")
                for count, label in zip(true, labels, strict=True)
            ],
            12,
        )
        if slots[4] in {1, 2}:
            largest = max(range(4), key=lambda index: (slots[index], -index))
            slots[largest] += slots[4]
            slots[4] = 0
        scored = sum(slots[:4])
        if scored < MIN_RESPONSES:
            assert (area.scored, area.bands) == (None, ())
            continue
        assert area.scored == scored
        assert [cell.label for cell in area.bands] == list(BAND_LABELS)
        assert [cell.count for cell in area.bands] == [
            None if count < 3 else count for count in slots[:4]
        ]
    gaps = {gap.rule_id: gap for gap in report.gaps}
    for rule in REPORTABLE_RULES:
        noisy = min(max(TRUE_ACTIONS.get(rule, 0) + noise(key, f"action:{rule}"), 0), 12)
        noisy = 12 if 12 - noisy < 3 else noisy
        expected = None if noisy < 3 else noisy
        assert (gaps[rule].count, gaps[rule].share) == (
            expected,
            None if expected is None else round(100 * expected / 12),
        )
    assert "sextortion_dont_pay" not in gaps and "a_rule_since_retired" not in gaps
    assert gaps[REVIEW].title == TITLES[REVIEW] and gaps[REVIEW].area == "privacy_settings"
    for item in report.teach_next:
        assert item.strands == TEACHING[item.area].strands and item.strands
        assert item.focus == TEACHING[item.area].focus
        assert item.title == AREA_TITLES[item.area]
        assert item.ages == FRAMEWORK_AGES["13_15"]


def test_published_report_carries_no_true_figure_of_a_hidden_cell_when_serialised() -> None:
    """The JSON the API and dashboard send holds null, never a number, for cells shown as c."""
    report = closed(example_class(), "13_15")
    as_json = msgspec.json.decode(msgspec.json.encode(report))
    assert math.isclose(as_json["epsilon"], EPSILON) and as_json["guess_limit"] == 0.6
    assert "rounded_to" not in as_json
    for gap in as_json["gaps"]:
        assert (gap["count"] is None) == (gap["share"] is None)
        assert gap["count"] is None or gap["count"] >= 3
    for area in as_json["areas"]:
        for cell in area["bands"]:
            assert (cell["count"] is None) == (cell["share"] is None)
            assert cell["count"] is None or cell["count"] >= 3


def test_no_share_is_more_than_the_whole_class() -> None:
    """All 13 students advised to review their settings: noise may push the count above 13, but
    it is kept to 13 and never shown as "About 115% of the class"."""
    records = [ResponseRecord(scores=(100,) * len(AREAS), recommended=(REVIEW,)) for _ in range(13)]
    for index in range(40):
        report = closed(records, key=bytes([index]) * 32)
        shares = [gap.share for gap in report.gaps]
        shares += [cell.share for area in report.areas for cell in area.bands]
        assert all(0 <= share <= 100 for share in shares if share is not None), shares
        counts = [gap.count for gap in report.gaps] + [area.scored for area in report.areas]
        assert all(count <= 13 for count in counts if count is not None)


def test_teach_next_skips_hidden_gaps() -> None:
    """A figure shown as c must not surface through the advice either."""
    for index in range(20):
        report = closed(plain(10), key=bytes([index]) * 32)
        assert all(
            any(gap.count and gap.area == item.area for gap in report.gaps)
            for item in report.teach_next
        )


@settings(max_examples=100, deadline=None)
@given(classes(), st.sampled_from([None, "under_13", "13_15", "16_17", "18_plus"]))
def test_teach_next_is_the_top_published_areas(
    counts: ClassCounts, age_band: AgeBand | None
) -> None:
    report = closed(counts.records(0), age_band)
    expected: list[str] = []
    for gap in report.gaps:
        if gap.count and gap.area not in expected:
            expected.append(gap.area)
    teach = report.teach_next
    assert len(teach) <= TEACH_NEXT_LIMIT == 3
    assert [item.area for item in teach] == expected[:TEACH_NEXT_LIMIT]
    assert len({item.area for item in teach}) == len(teach)
    for item in teach:
        assert item.strands and item.strands == TEACHING[item.area].strands
        assert item.ages == FRAMEWORK_AGES[age_band]
        top = next(gap for gap in report.gaps if gap.area == item.area and gap.count)
        assert item.rule_id == top.rule_id
        assert item.rshe == TEACHING[item.area].rshe and item.lessons == TEACHING[item.area].lessons
        assert item.because == (
            f"About {top.count} of {counts.size} students (somewhere from {top.range.low} to "
            f"{top.range.high}) were advised to: {top.title}"
        )
