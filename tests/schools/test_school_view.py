"""A school's view by term: terms by the calendar, the change interval, how often changes are
flagged (simulation) and what the class and school figures together give away (attack).

Simulation (fixed seeds; bench/privacy.py, where `python -m bench.privacy` prints the figures):
year groups of 8 classes of 30 realistic students of one age band, each class leaning its own
way, 200 runs. When nothing changed, at most 5% of the compared actions may be flagged, both
with the same students' answers in both terms (fresh noise) and with entirely new students from
the same population (measured over 300 runs: 0.02% and 4.08%; 9.2% before the interval allowed
for classes differing). A rise found at least 80% of the time is 13 points (82.7% over 300
runs); a 12-point rise is found 56% of the time: with classes this alike, an interval narrow
enough to find 12 points 4 times in 5 flags new students as changed more than 5% of the time
(5.8% at ρ = 0.01, where 12 points are found 79%).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter

import pytest

from bench.privacy import (
    TWO_FIGURE_LIMIT,
    Tally,
    _pool_class,
    _view,
    record_pool,
    school_attack,
    term_changes,
)
from safety_check.schools import report as report_module
from safety_check.schools.school import term_of
from safety_check.schools.school_view import (
    CHANGE_LEVEL,
    CLASS_CORRELATION,
    _point_mass,
    change_margin,
    design_effect,
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
def test_the_noise_margin_is_the_smallest_that_holds_at_its_level(before: int, after: int) -> None:
    """Exactly: the mass of |Z2/after - Z1/before| within the margin is at least 95%, and
    within anything smaller it is not."""
    margin = change_margin(before, after)
    masses = [(z, float(_point_mass(z))) for z in range(-60, 61)]
    inside = below = 0.0
    for z1, p1 in masses:
        for z2, p2 in masses:
            gap = abs(z2 / after - z1 / before)
            inside += p1 * p2 * (gap <= margin + 1e-12)
            below += p1 * p2 * (gap < margin - 1e-12)
    assert inside >= CHANGE_LEVEL > below


def test_changes_are_flagged_rarely_when_none_happened_and_mostly_when_one_did() -> None:
    """Bound 5% false flags over 200 year groups (≈9,000 compared actions each way); bound 80%
    for a 13-point rise over the same 200 runs."""
    flags = term_changes(200, seed=21, pool=POOL, points=13)
    assert flags.same_compared > 200 * 30 and flags.moved >= 190
    assert flags.false_rate <= 0.05, flags
    assert flags.fresh_rate <= 0.05, flags
    assert flags.detection >= 0.8, flags


def test_an_interval_for_noise_and_random_sampling_alone_flags_new_students_too_often() -> None:
    """Without the design effect (ρ = 0) new students are flagged as changed above 5% of the
    time over 200 runs: the class-by-class allowance is what keeps the bound."""
    flags = term_changes(200, seed=21, pool=POOL, correlation=0.0)
    assert flags.fresh_rate > 0.05, flags


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
