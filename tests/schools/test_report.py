"""Class reports: nothing before the check closes with enough responses, then known figures."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safety_check.engine import COMPILED_RULES
from safety_check.models import AREA_TITLES, AREAS, AgeBand
from safety_check.schools.curriculum import FRAMEWORK, FRAMEWORK_AGES, TEACHING
from safety_check.schools.record import REPORTABLE_RULES, ResponseRecord
from safety_check.schools.report import (
    BAND_LABELS,
    TEACH_NEXT_LIMIT,
    WITHHELD_FEW,
    WITHHELD_OPEN,
    WITHHELD_OPEN_AND_FEW,
    Report,
    build_report,
)
from safety_check.schools.suppression import MIN_RESPONSES, ROUND_TO
from tests.schools.test_suppression import ClassCounts, classes

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


def assert_withheld(report: Report, responses: int, reason: str) -> None:
    assert report.responses == responses
    assert not report.published
    assert report.withheld == reason
    assert report.areas == () and report.gaps == () and report.teach_next == ()
    assert report.minimum_responses == MIN_RESPONSES
    assert report.rounded_to == ROUND_TO == 5


@pytest.mark.parametrize("responses", [0, 1, 2, MIN_RESPONSES - 1])
def test_below_the_minimum_only_the_count_is_given(responses: int) -> None:
    """Even after closing: in a tiny class every figure points at someone."""
    everyone = ("privacy_settings_review_regularly",)
    for closed, reason in ((True, WITHHELD_FEW), (False, WITHHELD_OPEN_AND_FEW)):
        report = build_report(plain(responses, everyone), "13_15", closed=closed)
        assert_withheld(report, responses, reason)


@pytest.mark.parametrize("responses", [MIN_RESPONSES, 40])
def test_while_open_only_the_count_is_given(responses: int) -> None:
    """Figures that moved with each submission would give away the latest student's answers."""
    report = build_report(
        plain(responses, ("privacy_settings_review_regularly",)), None, closed=False
    )
    assert_withheld(report, responses, WITHHELD_OPEN)


def test_figures_appear_at_the_minimum_once_closed() -> None:
    report = build_report(plain(MIN_RESPONSES), None, closed=True)
    assert report.published and report.withheld is None
    assert report.responses == MIN_RESPONSES
    assert report.rounded_to == ROUND_TO == 5
    assert len(report.areas) == len(AREAS) and len(report.gaps) == len(REPORTABLE_RULES)


def test_records_can_be_any_iterable() -> None:
    """Storage may hand over a generator: it must be read once, not counted then reread."""
    records = [ResponseRecord(scores=(100,) * len(AREAS), recommended=(REVIEW,)) for _ in range(12)]
    report = build_report(iter(records), None, closed=True)
    assert report.published and report.responses == 12
    # 12 scored 75-100 in every area: published as 10 (12 rounded to 5), all in the top band.
    assert all(area.scored == 10 for area in report.areas)
    assert all([cell.count for cell in area.bands] == [0, 0, 0, 10] for area in report.areas)
    assert report.gaps[0].rule_id == REVIEW and report.gaps[0].count == 10
    assert report == build_report(records, None, closed=True)


def example_class() -> list[ResponseRecord]:
    """Twelve students with figures worked out by hand (see the assertions below)."""
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


def test_hand_made_example() -> None:
    report = build_report(example_class(), "13_15", closed=True)
    assert report.published and report.responses == 12
    assert report.framework == FRAMEWORK
    assert report.rounded_to == 5
    areas = {area.area: area for area in report.areas}
    assert [area.area for area in report.areas] == list(AREAS)
    assert all(area.title == AREA_TITLES[area.area] for area in report.areas)

    def row(area: str) -> tuple[int | None, list[tuple[str, int | None, int | None]]]:
        return areas[area].scored, [
            (cell.label, cell.count, cell.share) for cell in areas[area].bands
        ]

    def published(
        scored: int, counts: list[int | None], shares: list[int | None]
    ) -> tuple[int, list[tuple[str, int | None, int | None]]]:
        return scored, list(zip(BAND_LABELS, counts, shares, strict=True))

    # Bands [6, 0, 0, 6], 12 scored: nothing small; 6 -> 5, 12 -> 10; 5 of 10 = 50%.
    assert row("privacy_settings") == published(10, [5, 0, 0, 5], [50, 0, 0, 50])
    # 10 scored and 2 have no score: the pair [10, 2] has a 2, so the area shows nothing.
    assert row("personal_details") == (None, [])
    # Band edges: 24 is in the first band, 25 and 74 in the next two. [4, 4, 4, 0]: each 4 -> 5,
    # 12 scored -> 10, so each is 5 of 10 = 50% (shares are of the rounded counts).
    assert row("nearby_sharing") == published(10, [5, 5, 5, 0], [50, 50, 50, 0])
    # [0, 0, 0, 12]: 12 -> 10, 10 of 10 = 100%.
    assert row("webcam") == published(10, [0, 0, 0, 10], [0, 0, 0, 100])
    # 9 scored and 3 not: nothing small in the pair, but fewer than 10 scored.
    assert row("account_security") == (None, [])
    # [1, 4, 0, 7]: the 1 is hidden with the smallest cell of 3 or more (the 4), not the zero;
    # 7 -> 5, 12 scored -> 10, 5 of 10 = 50%.
    assert row("dating_apps") == published(10, [None, None, 0, 5], [None, None, 0, 50])
    # [1, 3, 3, 5]: the 1 is hidden with both 3s (the smallest large value, wherever it is);
    # 5 stays 5, 12 scored -> 10, 5 of 10 = 50%. 0 and 75 are the edges of their bands.
    assert row("getting_help") == published(10, [None, None, None, 5], [None, None, None, 50])
    # Nobody has a score: nothing to show.
    for area in ("intimate_images", "sextortion", "deepfakes"):
        assert row(area) == (None, [])

    gaps = [(gap.rule_id, gap.count, gap.share) for gap in report.gaps]
    # Exact [count, not advised] of 12: REVIEW [12, 0] -> 10, 10/12 = 83%; TWO_STEP [9, 3] -> 10,
    # 83%; INSTAGRAM [5, 7] -> 5, 5/12 = 42%; COVER [7, 5] -> 5, 42%. Ties go in rule order,
    # so INSTAGRAM (5 exact) comes before COVER (7 exact): only rounded counts decide the order.
    assert gaps[:4] == [(REVIEW, 10, 83), (TWO_STEP, 10, 83), (INSTAGRAM, 5, 42), (COVER, 5, 42)]
    zeros = [
        rule
        for rule in REPORTABLE_RULES
        if rule not in {REVIEW, TWO_STEP, COVER, INSTAGRAM, DEEPFAKES, CONTACTS}
    ]
    assert gaps[4:-2] == [(rule, 0, 0) for rule in zeros]
    # 11 of 12 is hidden (the one not advised could be found), as is 2 of 12; in rule order.
    assert gaps[-2:] == [(CONTACTS, None, None), (DEEPFAKES, None, None)]
    assert "sextortion_dont_pay" not in {gap.rule_id for gap in report.gaps}
    assert report.gaps[0].title == TITLES[REVIEW] and report.gaps[0].area == "privacy_settings"

    teach = report.teach_next
    # INSTAGRAM's area is already taken by REVIEW, so the third is COVER's.
    assert [item.area for item in teach] == ["privacy_settings", "account_security", "webcam"]
    assert teach[0].because == f"About 83% of the class were advised to: {TITLES[REVIEW]}"
    assert teach[1].because == f"About 83% of the class were advised to: {TITLES[TWO_STEP]}"
    assert teach[2].because == f"About 42% of the class were advised to: {TITLES[COVER]}"
    for item in teach:
        assert item.strands == TEACHING[item.area].strands and item.strands
        assert item.focus == TEACHING[item.area].focus
        assert item.title == AREA_TITLES[item.area]
        assert item.ages == FRAMEWORK_AGES["13_15"]


def test_published_report_carries_no_hidden_figure_when_serialised() -> None:
    """The JSON the API and dashboard send holds null, not the number, for hidden cells."""
    report = build_report(example_class(), "13_15", closed=True)
    as_json = msgspec.json.decode(msgspec.json.encode(report))
    assert as_json["rounded_to"] == 5
    hidden = [gap for gap in as_json["gaps"] if gap["rule_id"] in {DEEPFAKES, CONTACTS}]
    assert hidden and all(gap["count"] is None and gap["share"] is None for gap in hidden)
    areas = {area["area"]: area for area in as_json["areas"]}
    assert areas["personal_details"]["scored"] is None and areas["personal_details"]["bands"] == []
    assert [cell["count"] for cell in areas["dating_apps"]["bands"]] == [None, None, 0, 5]
    assert [cell["share"] for cell in areas["dating_apps"]["bands"]] == [None, None, 0, 50]


def test_no_share_is_more_than_the_whole_class() -> None:
    """A share says what part of the class was advised, so it is never above 100%.

    All 13 students advised to review their settings: [13, 0] publishes 13 rounded to 15, which
    is fine, but 15 of 13 responses must not be shown as "About 115% of the class".
    """
    records = [ResponseRecord(scores=(100,) * len(AREAS), recommended=(REVIEW,)) for _ in range(13)]
    report = build_report(records, None, closed=True)
    assert report.gaps[0].rule_id == REVIEW and report.gaps[0].count == 15
    shares = [gap.share for gap in report.gaps]
    shares += [cell.share for area in report.areas for cell in area.bands]
    # teach_next repeats the gap's share ("About 115% of the class were advised to: ...").
    assert all(0 <= share <= 100 for share in shares if share is not None), shares


def test_teach_next_skips_hidden_and_zero_gaps() -> None:
    """A suppressed gap must not surface through the advice either."""
    records = plain(10)
    records[0] = ResponseRecord(scores=NO_SCORES, recommended=(CONTACTS,))
    assert build_report(records, None, closed=True).teach_next == ()


@settings(max_examples=100, deadline=None)
@given(classes(), st.sampled_from([None, "under_13", "13_15", "16_17", "18_plus"]))
def test_teach_next_is_the_top_published_areas(
    counts: ClassCounts, age_band: AgeBand | None
) -> None:
    report = build_report(counts.records(0), age_band, closed=True)
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
        assert item.because == f"About {top.share}% of the class were advised to: {top.title}"
