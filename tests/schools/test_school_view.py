"""A school's view by term: terms by the calendar, the change interval, how often changes are
flagged (simulation) and what the class and school figures together give away (attack).

Simulation (fixed seeds; bench/privacy.py, where `python -m bench.privacy terms` prints every
candidate rule over 1,000 runs): year groups of 8 classes of 30 realistic students of one age
band, each class leaning its own way. Three cases: the same year group checked again next term
in the same school year (the same students, all there, or each there with chance 9 in 10) and
next year's year group (new students from the same population). When nothing changed, at most
5% of the compared actions may be flagged in each. Over 1,000 runs the service's rule flags
1.02% (all there), 1.93% (some away) and 4.03% (new), and finds a 12-point rise in 99.2%,
96.2% and 51.7% of runs. Within a school year the issue's 12 points 4 times in 5 is met;
between school years it is reached only from about 17 points (82.8%), since chance in who is
in each year's year group is most of the interval there.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter

import msgspec
import pytest

from bench.privacy import (
    CLASS_NAMES,
    KEPT,
    NINETY,
    NO_DESIGN_EFFECT,
    TERM_RULES,
    TWO_FIGURE_LIMIT,
    Tally,
    _pool_class,
    _view,
    other_classes,
    record_pool,
    school_attack,
    term_changes,
)
from safety_check.schools import report as report_module
from safety_check.schools.report import Gap
from safety_check.schools.school import Term, term_of
from safety_check.schools.school_view import (
    CHANGE_LEVEL,
    CLASS_CORRELATION,
    NO_YEAR_GROUP,
    SchoolView,
    _point_mass,
    change_margin,
    compare,
    design_effect,
    same_students,
    smallest_marked,
)

POOL = record_pool(random.Random(6), 300)


def test_every_day_is_in_one_term_and_terms_sort_in_time_order() -> None:
    day, seen = dt.date(2026, 1, 1), []
    while day < dt.date(2028, 1, 1):
        term = term_of(day)
        assert term.first_day <= day.isoformat() <= term.last_day
        if not seen or seen[-1] != term:
            seen.append(term)
        day += dt.timedelta(days=1)
    assert seen == sorted(seen) and len(seen) == 6
    assert [term.title.split()[0] for term in seen[:3]] == ["Spring", "Summer", "Autumn"]
    assert term_of(dt.date(2027, 1, 5)).title == "Spring term 2027 (2026/27)"


@pytest.mark.parametrize(("before", "after"), [(240, 240), (30, 12), (200, 260)])
@pytest.mark.parametrize("level", [CHANGE_LEVEL, 0.9])
def test_the_noise_margin_is_the_smallest_that_holds_at_its_level(
    before: int, after: int, level: float
) -> None:
    """Exactly: the mass of |Z2/after - Z1/before| within the margin is at least the level, and
    within anything smaller it is not."""
    margin = change_margin(before, after, level)
    masses = [(z, float(_point_mass(z))) for z in range(-60, 61)]
    inside = below = 0.0
    for z1, p1 in masses:
        for z2, p2 in masses:
            gap = abs(z2 / after - z1 / before)
            inside += p1 * p2 * (gap <= margin + 1e-12)
            below += p1 * p2 * (gap < margin - 1e-12)
    assert inside >= level > below


def test_within_a_school_year_a_12_point_rise_is_found_and_little_else_is_flagged() -> None:
    """The issue's target, 200 year groups of 8 classes of 30 (about 9,300 compared actions
    each way), all rules judging the same views. Within a school year (the same students, all
    there or each away with chance 1 in 10): at most 5% of unchanged actions flagged and a
    12-point rise found in at least 80% of runs. Between school years (new students) the same
    rule still flags at most 5%, and finds 12 points less than 80% of the time: so do the
    issue's 90% interval and a 95% one without the design effect, which also flag new
    students above 5%. Here the service's rule flags 1.04% (all there), 1.81% (some away) and
    3.68% (new students), and finds the rise in 99.5%, 98.0% and 53.0% of runs."""
    rules = {name: TERM_RULES[name] for name in (KEPT, NINETY, NO_DESIGN_EFFECT)}
    flags = term_changes(200, seed=21, pool=POOL, rules=rules)
    kept = flags[KEPT]
    assert kept.same_compared > 200 * 30 and kept.fresh_compared > 200 * 30
    assert kept.moved == 200
    assert kept.false_rate <= 0.05 and kept.away_rate <= 0.05, kept
    assert kept.detection >= 0.8 and kept.away_detection >= 0.8, kept
    assert kept.fresh_rate <= 0.05, kept
    assert kept.fresh_detection < 0.8, kept
    for wider_flags in (flags[NINETY], flags[NO_DESIGN_EFFECT]):
        assert wider_flags.fresh_rate > 0.05, wider_flags
        assert wider_flags.fresh_detection < 0.8, wider_flags


def test_fewer_taking_part_than_assumed_flags_a_little_more() -> None:
    """200 year groups where each student takes part each term with chance 7 in 10, below the
    rule's 80%: the allowance for who was away is then too small, so more unchanged actions are
    flagged than with 9 in 10 taking part (4.40% against 1.78% here), still under 5%; the
    rise is still found in 82% of runs."""
    usual = term_changes(200, seed=24, pool=POOL)[KEPT]
    fewer = term_changes(200, seed=24, pool=POOL, taking_part=0.7)[KEPT]
    assert usual.away_rate < fewer.away_rate <= 0.05, (usual, fewer)
    assert fewer.away_detection >= 0.8, fewer


def _term(term_id: str) -> Term:
    return Term(id=term_id, title=term_id, first_day="", last_day="")


def test_other_classes_of_a_year_group_are_other_students() -> None:
    """One term checks half a year group's classes, the next term the other half: 150 runs,
    about 7,000 unchanged actions. Told apart by their names, the halves are compared as
    different students and at most 5% are flagged; taken for the same students (what the rule
    would do without the names) far more are (18% in 200 runs)."""
    compared, flagged = other_classes(150, seed=25, pool=POOL)
    assert compared > 150 * 30 and flagged / compared <= 0.05, (flagged, compared)
    compared, flagged = other_classes(150, seed=25, pool=POOL, names_kept=False)
    assert flagged / compared > 0.1, (flagged, compared)


NAMES = ("9A", "9B")


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (("2026-1", "Year 9", NAMES), ("2026-3", "Year 9", NAMES), True),
        (("2026-1", "Year 9", NAMES), ("2026-2", "Year 9", (" 9b ", "9a")), True),
        (("2026-3", "Year 9", NAMES), ("2027-1", "Year 9", NAMES), False),
        (("2026-1", "Year 9", NAMES), ("2026-2", "Year 10", NAMES), False),
        (("2026-1", NO_YEAR_GROUP, NAMES), ("2026-2", NO_YEAR_GROUP, NAMES), False),
        (("2026-1", "Year 9", NAMES), ("2026-2", "Year 9", ("9A",)), False),
        (("2026-1", "Year 9", ()), ("2026-2", "Year 9", ()), False),
    ],
)
def test_only_the_same_classes_in_one_school_year_are_the_same_students(
    first: tuple[str, str, tuple[str, ...]], second: tuple[str, str, tuple[str, ...]], same: bool
) -> None:
    view = _view(_pool_class(random.Random(1), POOL, 30), "a", bytes(32))

    def placed(term_id: str, year_group: str, names: tuple[str, ...]) -> SchoolView:
        return msgspec.structs.replace(
            view, term=_term(term_id), year_group=year_group, class_names=names
        )

    assert same_students(placed(*first), placed(*second)) is same
    assert term_of(dt.date(2027, 5, 1)).school_year == "2026"


@pytest.mark.slow
def test_a_17_point_rise_is_found_4_times_in_5_even_with_new_students() -> None:
    """1,000 year groups (bench/privacy.py's seed): a 17-point rise is flagged in at least 80%
    of runs with new students (81.2% measured; 77.2% for 16 points) and 95% with the same
    students (100%, 99.8% with some away), while at most 5% of unchanged actions are flagged
    (4.03% new, 1.02% same)."""
    flags = term_changes(1000, seed=10, pool=POOL, points=17)[KEPT]
    assert flags.moved == 1000
    assert flags.fresh_detection >= 0.8, flags
    assert flags.detection >= 0.95, flags
    assert flags.fresh_rate <= 0.05 and flags.false_rate <= 0.05, flags


def test_the_design_effect_reads_published_figures_only() -> None:
    rng = random.Random(4)
    records = [r for _ in range(8) for r in _pool_class(rng, POOL, 30)]
    view = _view(records, "autumn", bytes(32))
    assert design_effect(view) == pytest.approx(1 + 29 * CLASS_CORRELATION)
    assert design_effect(view, 0.0) == 1.0


def test_class_and_school_figures_together_do_no_better_than_their_limit() -> None:
    """A student in a class report and the school's view: two figures per answer, 0.69."""
    tally = school_attack(300, seed=22)
    slack = 3 * math.sqrt(TWO_FIGURE_LIMIT * (1 - TWO_FIGURE_LIMIT) / tally.runs)
    assert tally.rate <= TWO_FIGURE_LIMIT + slack, tally


def test_without_noise_the_class_and_school_attack_reads_every_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(report_module, "noise", lambda key, label, alpha=None: 0)
    tally: Tally = school_attack(30, seed=23)
    assert tally.right == tally.runs


def test_the_school_view_orders_by_its_published_figures() -> None:
    """No order draw for a school (it would cost privacy for nothing at these sizes)."""
    from bench.privacy import school_report

    rng = random.Random(3)
    records = [r for _ in range(8) for r in _pool_class(rng, POOL, 30)]
    report = school_report(records, bytes(32))
    shown = [gap.count for gap in report.gaps if gap.count is not None]
    assert shown == sorted(shown, reverse=True)
    assert Counter(gap.count is None for gap in report.gaps)[False] == len(shown)


def _sized(view: SchoolView, students: int, classes: int, gap: Gap, count: int) -> SchoolView:
    """`view` as if `students` in `classes` had taken part, with one action shown `count` times."""
    report = msgspec.structs.replace(
        view.report, responses=students, gaps=(msgspec.structs.replace(gap, count=count),)
    )
    return msgspec.structs.replace(view, classes=classes, report=report)


SIZES = [((240, 8), (240, 8)), ((236, 8), (240, 8)), ((300, 10), (180, 6)), ((24, 2), (12, 1))]


BETWEEN_YEARS, WITHIN_A_YEAR = ("2026-3", "2027-1"), ("2026-1", "2026-2")


@pytest.mark.parametrize(
    ("first", "second", "terms"),
    [(*sizes, BETWEEN_YEARS) for sizes in SIZES]
    # Not the smallest within a year: its 70-point change cannot be centred on 50%.
    + [(*sizes, WITHIN_A_YEAR) for sizes in SIZES[:-1]],
)
def test_the_smallest_marked_change_is_where_the_rule_starts_marking(
    first: tuple[int, int], second: tuple[int, int], terms: tuple[str, str]
) -> None:
    """compare() itself, on counts chosen so each share moves by a known amount: a change a
    point bigger than the stated figure is marked from any share, up or down; one a point
    smaller is not marked for an action near 50% (where the interval is widest). Between
    school years and within one."""
    view = _view(
        [r for _ in range(8) for r in _pool_class(random.Random(8), POOL, 30)],
        "a",
        bytes(32),
        "Year 9",
        CLASS_NAMES,
    )
    gap = next(gap for gap in view.report.gaps if gap.count is not None)
    (n_before, m_before), (n_after, m_after) = first, second
    term_before, term_after = _term(terms[0]), _term(terms[1])

    def sized(term: Term, students: int, classes: int, count: int) -> SchoolView:
        return msgspec.structs.replace(_sized(view, students, classes, gap, count), term=term)

    def changed(count_before: int, count_after: int) -> bool:
        before = sized(term_before, n_before, m_before, count_before)
        after = sized(term_after, n_after, m_after, count_after)
        [change] = compare(before, after)
        return change.changed

    reach = smallest_marked(
        sized(term_before, n_before, m_before, 1), sized(term_after, n_after, m_after, 1)
    )
    assert reach is not None
    assert (reach.students_before, reach.students_after) == (n_before, n_after)
    bigger = (reach.points + 1) / 100
    rises = falls = 0
    for count_before in range(n_before + 1):
        share = count_before / n_before
        rise = math.ceil(n_after * (share + bigger) - 1e-9)
        fall = math.floor(n_after * (share - bigger) + 1e-9)
        if rise <= n_after:
            assert changed(count_before, rise), (count_before, rise)
            rises += 1
        if fall >= 0:
            assert changed(count_before, fall), (count_before, fall)
            falls += 1
    assert rises and falls
    smaller = (reach.points - 1) / 100
    low, high = round(n_before * (0.5 - smaller / 2)), round(n_before * (0.5 + smaller / 2))
    assert not changed(low, math.floor(n_after * (low / n_before + smaller) + 1e-9))
    assert not changed(high, math.ceil(n_after * (high / n_before - smaller) - 1e-9))


def test_eight_classes_of_30_cannot_show_a_change_under_about_12_or_7_points() -> None:
    """The figures behind the README's sentence, and they read sizes only: two different year
    groups of the same size give the same figures, whatever their noisy counts. About 12
    points between school years, 7 within one (only students away move who took part)."""
    figures = set()
    for seed in (1, 2):
        rng = random.Random(seed)
        records = [r for _ in range(8) for r in _pool_class(rng, POOL, 30)]
        view = _view(records, "2026-1", bytes(32), "Year 9", CLASS_NAMES)
        for later in ("2027-1", "2026-2"):
            reach = smallest_marked(view, msgspec.structs.replace(view, term=_term(later)))
            assert reach is not None
            figures.add((later, reach.points))
    assert figures == {("2027-1", 12), ("2026-2", 7)}


def test_views_that_cannot_be_compared_state_no_figure() -> None:
    rng = random.Random(9)
    view = _view([r for _ in range(8) for r in _pool_class(rng, POOL, 30)], "a", bytes(32))
    withheld = msgspec.structs.replace(
        view, report=msgspec.structs.replace(view.report, published=False)
    )
    assert smallest_marked(view, withheld) is None and compare(view, withheld) == ()
