"""Publishing rules for noisy counts: readable, consistent figures that never print 0, 1 or 2.

The privacy comes from the noise (test_noise.py); these tests check that what is made of the noisy
counts is consistent wherever it appears, and that the old small-number promises still hold for
every published figure: none is 0, 1 or 2, none is above the students it counts, and nobody can
work out a cell of 1 or 2 from the others, because every figure, hidden or not, carries noise.
"""

from __future__ import annotations

import random
import secrets

from hypothesis import given, settings
from hypothesis import strategies as st

from safety_check.models import AREAS
from safety_check.schools.noise import ORDER_ALPHA, noise
from safety_check.schools.record import REPORTABLE_RULES, ResponseRecord
from safety_check.schools.report import (
    BAND_LABELS,
    SCORE_BANDS,
    Gap,
    Report,
    because,
    build_report,
    figure_range,
)
from safety_check.schools.suppression import (
    MIN_RESPONSES,
    SMALLEST_SHOWN,
    apportion,
    bounded,
    share,
    shares,
    shown,
)

SETTINGS = settings(max_examples=200, deadline=None)
CLASS_SETTINGS = settings(max_examples=150, deadline=None)
HIDDEN_VALUES = {0, 1, 2}


@SETTINGS
@given(st.lists(st.integers(-20, 60), min_size=1, max_size=6), st.integers(0, 80))
def test_apportion_gives_whole_counts_adding_to_the_total(weights: list[int], total: int) -> None:
    parts = apportion(weights, total)
    assert len(parts) == len(weights) and sum(parts) == total
    assert all(part >= 0 for part in parts)
    clamped = [max(0, weight) for weight in weights]
    if sum(clamped):
        for part, weight in zip(parts, clamped, strict=True):
            assert abs(part - weight * total / sum(clamped)) < 1
    else:
        assert parts[-1] == total


@SETTINGS
@given(st.integers(-30, 90), st.integers(0, 60))
def test_bounded_counts_stay_within_the_class(count: int, total: int) -> None:
    """Never below 0 or above the class, and the students not counted are never 1 or 2."""
    value = bounded(count, total)
    assert 0 <= value <= total
    assert total - value not in {1, 2}
    if total - count >= SMALLEST_SHOWN and count >= 0:
        assert value == count


@SETTINGS
@given(st.lists(st.integers(0, 40), min_size=1, max_size=5))
def test_shares_of_a_row_add_up_to_100(counts: list[int]) -> None:
    total = sum(counts)
    percents = shares(counts, total)
    assert all(0 <= percent <= 100 for percent in percents)
    assert sum(percents) == (100 if total else 0)
    for percent, count in zip(percents, counts, strict=True):
        assert total == 0 or abs(percent - 100 * count / total) < 1


def test_small_figures_are_shown_as_c() -> None:
    assert [shown(count) for count in range(-2, 5)] == [None, None, None, None, None, 3, 4]
    assert share(None, 20) is None and share(5, 0) is None
    assert share(5, 20) == 25 and share(20, 20) == 100 and share(2, 3) == 67


# Whole classes ---------------------------------------------------------------------------------


class ClassCounts:
    """The true figures behind a class: band counts per area, and a count per reportable rule.

    Each area's list holds a count per score band, then (last) the students with no score there:
    the report does not publish that slot, but the records must still hold those students.
    """

    def __init__(self, size: int, bands: list[list[int]], recommended: list[int]) -> None:
        self.size = size
        self.bands = bands
        self.recommended = recommended

    def records(self, seed: int) -> list[ResponseRecord]:
        """Records with exactly these figures, shuffled so no rule or band lines up by position."""
        rng = random.Random(seed)
        scores: list[list[int | None]] = [[] for _ in range(self.size)]
        for band_counts in self.bands:
            column: list[int | None] = []
            for band_index, count in enumerate(band_counts):
                if band_index == len(SCORE_BANDS):
                    column += [None] * count
                else:
                    _, low, high = SCORE_BANDS[band_index]
                    column += [rng.randint(low, high) for _ in range(count)]
            rng.shuffle(column)
            for student, score in zip(scores, column, strict=True):
                student.append(score)
        advised: list[list[str]] = [[] for _ in range(self.size)]
        for rule_id, count in zip(REPORTABLE_RULES, self.recommended, strict=True):
            for student in rng.sample(range(self.size), count):
                advised[student].append(rule_id)
        return [
            ResponseRecord(scores=tuple(score), recommended=tuple(rules))
            for score, rules in zip(scores, advised, strict=True)
        ]


def edge_biased(rng: random.Random, size: int) -> int:
    """A count in 0..size, often at the edges where suppression has to act."""
    if rng.random() < 0.6:
        return rng.choice([0, 1, 2, 3, size - 3, size - 2, size - 1, size])
    return rng.randint(0, size)


def band_row(rng: random.Random, size: int) -> list[int]:
    """Counts per score band, then the unscored, adding up to `size`; often with small cells,
    an unscored count of 1 or 2, or a number scored close to `MIN_RESPONSES`."""
    roll = rng.random()
    if roll < 0.4:
        unscored = 0
    elif roll < 0.75:
        unscored = edge_biased(rng, size)
    else:  # 8 to 11 scored
        unscored = max(0, size - rng.randint(MIN_RESPONSES - 2, MIN_RESPONSES + 1))
    counts = []
    left = size - unscored
    for _ in range(len(BAND_LABELS) - 1):
        count = rng.choice([0, 1, 2, 3]) if rng.random() < 0.6 else rng.randint(0, left)
        count = min(count, left)
        counts.append(count)
        left -= count
    counts.append(left)
    rng.shuffle(counts)
    return [*counts, unscored]


@st.composite
def classes(draw: st.DrawFn) -> ClassCounts:
    """A class of 10-60; hypothesis picks the size and a seed, the seed picks the figures
    (drawing a thousand counts one by one through hypothesis would be slow)."""
    size = draw(st.integers(MIN_RESPONSES, 60))
    rng = random.Random(draw(st.integers(0, 2**32)))
    bands = [band_row(rng, size) for _ in AREAS]
    recommended = [edge_biased(rng, size) for _ in REPORTABLE_RULES]
    return ClassCounts(size, bands, recommended)


def report_for(counts: ClassCounts, seed: int = 0, key: bytes | None = None) -> Report:
    key = key if key is not None else random.Random(seed).randbytes(32)
    return build_report(counts.records(seed), "13_15", closed=True, noise_key=key)


@CLASS_SETTINGS
@given(classes(), st.integers(0, 2**32))
def test_class_report_never_prints_0_1_or_2_and_never_contradicts_itself(
    counts: ClassCounts, seed: int
) -> None:
    report = report_for(counts, seed)
    size = counts.size
    assert report.published and report.responses == size
    assert len(report.areas) == len(AREAS)
    every_count: list[int] = []
    for area in report.areas:
        if area.scored is None:
            assert area.bands == () and area.hidden == 0
            continue
        assert MIN_RESPONSES <= area.scored <= size
        assert size - area.scored not in {1, 2}, "the unscored are never 1 or 2"
        every_count.append(area.scored)
        assert [cell.label for cell in area.bands] == list(BAND_LABELS)
        shown_counts = [cell.count for cell in area.bands if cell.count is not None]
        every_count += shown_counts
        # The table never adds up to more than the total beside it; the rest is the hidden part.
        assert sum(shown_counts) + area.hidden == area.scored
        hidden_cells = [cell for cell in area.bands if cell.count is None]
        assert area.hidden >= 0 and (area.hidden == 0 or hidden_cells)
        assert area.hidden < SMALLEST_SHOWN * len(hidden_cells) or not hidden_cells
        percents = [cell.share for cell in area.bands if cell.share is not None]
        assert sum(percents) <= 100
        for cell in area.bands:
            assert (cell.share is None) == (cell.count is None)
            if cell.count is not None and cell.share is not None:
                assert abs(cell.share - 100 * cell.count / area.scored) < 1
    assert sorted(gap.rule_id for gap in report.gaps) == sorted(REPORTABLE_RULES)
    for gap in report.gaps:
        assert (gap.share is None) == (gap.count is None)
        if gap.count is not None:
            assert gap.count <= size and size - gap.count not in {1, 2}
            assert gap.share == round(100 * gap.count / size) <= 100
            every_count.append(gap.count)
    assert not HIDDEN_VALUES & set(every_count)
    gaps = {gap.rule_id: gap for gap in report.gaps}
    for item in report.teach_next:
        assert gaps[item.rule_id].count and item.because == because(gaps[item.rule_id], size)
    for figure in [*report.gaps, *(cell for area in report.areas for cell in area.bands)]:
        total = (
            size
            if isinstance(figure, Gap)
            else next(area.scored for area in report.areas if figure in area.bands)
        )
        assert figure.range == figure_range(figure.count, total or 0)
        assert 0 <= figure.range.low <= figure.range.high <= size
        assert (figure.not_shown == "fewer_than_3") == (figure.count is None)
        if figure.count is not None:
            assert figure.range.low <= figure.count <= figure.range.high
    for area in report.areas:
        assert (area.not_shown == "too_few_scored") == (area.scored is None)


@CLASS_SETTINGS
@given(classes(), st.integers(0, 2**32))
def test_published_figures_are_the_true_counts_with_this_class_noise(
    counts: ClassCounts, seed: int
) -> None:
    """Worked out again from the true counts and the class's noise: every action's figure is
    the true count plus its own noise, kept within the class, with 0-2 shown as c."""
    key = random.Random(seed).randbytes(32)
    report = report_for(counts, seed, key)
    truth = dict(zip(REPORTABLE_RULES, counts.recommended, strict=True))
    for gap in report.gaps:
        noisy = min(max(truth[gap.rule_id] + noise(key, f"action:{gap.rule_id}"), 0), counts.size)
        if counts.size - noisy < SMALLEST_SHOWN:
            noisy = counts.size
        assert gap.count == (None if noisy < SMALLEST_SHOWN else noisy)


@CLASS_SETTINGS
@given(classes(), st.integers(0, 2**32))
def test_the_same_class_always_gets_the_same_report(counts: ClassCounts, seed: int) -> None:
    """Reloads, the CSV, the print view and the API read one report: the noise is fixed by the
    class key, whatever order the records come in."""
    key = secrets.token_bytes(32)
    first = report_for(counts, seed, key)
    assert first == report_for(counts, seed + 1, key)  # the records in another order


@CLASS_SETTINGS
@given(classes())
def test_gaps_are_most_common_first_with_hidden_ones_last(counts: ClassCounts) -> None:
    """Shown actions go in the order of their own noisy counts, drawn apart from the figures
    printed (so the figure at the top was not chosen for being pushed up); hidden ones last."""
    key = random.Random(0).randbytes(32)
    gaps = report_for(counts, key=key).gaps
    shown_gaps = [gap for gap in gaps if gap.count is not None]
    hidden = [gap for gap in gaps if gap.count is None]
    assert list(gaps) == shown_gaps + hidden
    order = {rule_id: index for index, rule_id in enumerate(REPORTABLE_RULES)}
    true = dict(zip(REPORTABLE_RULES, counts.recommended, strict=True))
    keys = [
        (
            -(true[gap.rule_id] + noise(key, f"order:action:{gap.rule_id}", ORDER_ALPHA)),
            order[gap.rule_id],
        )
        for gap in shown_gaps
    ]
    assert keys == sorted(keys)
    assert [order[gap.rule_id] for gap in hidden] == sorted(order[gap.rule_id] for gap in hidden)


def test_a_different_class_key_gives_different_noise() -> None:
    counts = ClassCounts(30, [[5, 5, 10, 10, 0] for _ in AREAS], [15] * len(REPORTABLE_RULES))
    first = report_for(counts, 1, bytes(32))
    second = report_for(counts, 1, bytes(31) + b"\x01")
    assert [gap.count for gap in first.gaps] != [gap.count for gap in second.gaps]
    assert len({gap.count for gap in first.gaps}) > 3, "15 of 30 each, spread by the noise"
