"""A school's view by term: terms by the calendar, the change interval, how often changes are
flagged (simulation) and what the class and school figures together give away (attack).

Simulation (fixed seeds; bench/privacy.py, where `python -m bench.privacy` prints the figures):
year groups of 8 classes of 30 realistic students, 200 runs. When nothing changed (the same
students' answers both terms, fresh noise), at most 5% of the compared actions may be flagged
(measured 0.16% over 300 runs); a 12-point rise in one action must be flagged in at least 80%
of runs (measured 88%). With entirely new students from the same population (classes differ
from one another, as real ones do), 9.2% were flagged: chance in who took part is allowed for
as for a random sample, and whole classes differ more than that.
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
    record_pool,
    school_attack,
    term_changes,
)
from safety_check.schools import report as report_module
from safety_check.schools.school import term_of
from safety_check.schools.school_view import CHANGE_LEVEL, _point_mass, change_margin

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
    flags = term_changes(200, seed=21, pool=POOL)
    assert flags.same_compared > 200 * 30 and flags.moved >= 190
    assert flags.false_rate <= 0.05, flags
    assert flags.detection >= 0.8, flags


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
    from bench.privacy import _pool_class, school_report

    rng = random.Random(3)
    records = [r for _ in range(8) for r in _pool_class(rng, POOL, 30)]
    report = school_report(records, bytes(32))
    shown = [gap.count for gap in report.gaps if gap.count is not None]
    assert shown == sorted(shown, reverse=True)
    assert Counter(gap.count is None for gap in report.gaps)[False] == len(shown)
