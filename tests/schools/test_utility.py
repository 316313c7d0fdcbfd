"""Whether a teacher can trust a class report: the most common action near the top, and each
figure's stated range holding the truth as often as it says.

Classes of 14, 20 and 30 are drawn from realistic students (bench/privacy.py: the answer
generator of bench/generate_responses.py with a class-wide lean, then the real plan and record
code), each report with a fresh class key. Seeds are fixed, so each run sees the same classes
and noise; the bounds are checked on these trial counts:

- top three: the true most common action (any of them, when several tie) is among the first
  three actions the report shows in at least 90% of 600 classes of 30 (measured: 92.7% over
  1,000 classes with other seeds; classes of 14 and 20 have no bound, their rates are printed
  by `python -m bench.privacy`);
- ranges: a figure's true count lies outside its published range in at most 10% of figures
  (the level stated to teachers), over every figure of 300 classes of each size, and over the
  figures of the top three alone, where ordering by the printed figures used to put noise at
  the top (before the separate order draw, 41% of a class of 14's top three missed).
"""

from __future__ import annotations

import random

import pytest

from bench.privacy import Ranking, ranking, record_pool
from safety_check.schools.noise import INTERVAL_LEVEL, INTERVAL_MARGIN, within_margin

POOL = record_pool(random.Random(6), 300)


def test_the_stated_range_level_is_a_lower_bound() -> None:
    assert INTERVAL_LEVEL == 0.9 and within_margin(INTERVAL_MARGIN) >= INTERVAL_LEVEL
    assert within_margin(INTERVAL_MARGIN - 1) < INTERVAL_LEVEL  # no wider than it must be


@pytest.mark.parametrize("size", [14, 20, 30])
def test_true_counts_lie_in_their_ranges_as_often_as_stated(size: int) -> None:
    measured: Ranking = ranking(300, size, seed=100 + size, pool=POOL)
    assert measured.figures > 300 * 53
    assert measured.outside_rate <= 1 - INTERVAL_LEVEL, measured
    assert measured.top_outside_rate <= 1 - INTERVAL_LEVEL, measured


def test_the_most_common_action_is_in_the_top_three_for_classes_of_30() -> None:
    measured = ranking(600, 30, seed=200, pool=POOL)
    assert measured.classes == 600
    assert measured.top_rate >= 0.9, measured
