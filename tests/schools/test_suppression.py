"""Small-number suppression: no cell of 1 or 2 can be read off, or worked out from, a report."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from safety_check.models import AREAS
from safety_check.schools.record import REPORTABLE_RULES, ResponseRecord
from safety_check.schools.report import BAND_LABELS, SCORE_BANDS, Report, build_report
from safety_check.schools.suppression import (
    MIN_RESPONSES,
    ROUND_TO,
    SMALLEST_SHOWN,
    has_large_cell,
    publish_row,
    share,
    suppress_row,
)

SETTINGS = settings(max_examples=200, deadline=None)
CLASS_SETTINGS = settings(max_examples=150, deadline=None)
SMALL = {1, 2}

rows = st.lists(st.integers(0, 60), min_size=2, max_size=6)


def hidden_of(published: Sequence[int | None]) -> list[int]:
    return [index for index, value in enumerate(published) if value is None]


@SETTINGS
@given(rows)
def test_no_published_cell_is_1_or_2(counts: list[int]) -> None:
    assert not SMALL & {value for value in suppress_row(counts) if value is not None}


@SETTINGS
@given(rows)
def test_published_cells_are_the_true_counts(counts: list[int]) -> None:
    """Suppression hides figures; it never alters one."""
    published = suppress_row(counts)
    assert len(published) == len(counts)
    for value, count in zip(published, counts, strict=True):
        assert value is None or value == count


@SETTINGS
@given(rows)
def test_a_hidden_small_cell_always_has_a_large_one_hidden_with_it(counts: list[int]) -> None:
    """One hidden cell alone could be worked out from the row total, and small cells hidden only
    with each other (or with zeros) would be known to be small: a cell of 3 or more joins them."""
    hidden = hidden_of(suppress_row(counts))
    if not hidden:
        assert not SMALL & set(counts)
        return
    assert len(hidden) >= 2 or not has_large_cell(counts)
    if has_large_cell(counts):
        assert any(counts[index] >= SMALLEST_SHOWN for index in hidden)
        assert all(counts[index] > 0 for index in hidden), "a hidden zero protects nothing"


@SETTINGS
@given(rows)
def test_published_counts_are_rounded_to_five(counts: list[int]) -> None:
    for value, exact in zip(publish_row(counts), suppress_row(counts), strict=True):
        assert (value is None) == (exact is None)
        if value is not None and exact is not None:
            assert value % ROUND_TO == 0 and abs(value - exact) <= ROUND_TO // 2


def consistent_fillings(
    published: tuple[int | None, ...], hidden: list[int], hidden_sum: int
) -> list[tuple[int, ...]]:
    """Every way to fill the hidden cells that this method would have published the same way:
    what someone who knows the method, the row total and the published cells could believe."""
    found = []
    for filling in itertools.product(range(hidden_sum + 1), repeat=len(hidden)):
        if sum(filling) != hidden_sum:
            continue
        row = list(published)
        for index, value in zip(hidden, filling, strict=True):
            row[index] = value
        if suppress_row([int(value or 0) for value in row]) == published:
            found.append(filling)
    return found


published_rows = st.lists(st.integers(0, 14), min_size=2, max_size=4).filter(
    lambda row: sum(row) >= MIN_RESPONSES and has_large_cell(row)
)


@settings(max_examples=300, deadline=None)
@given(published_rows)
def test_no_hidden_cell_can_be_worked_out_even_knowing_the_method(counts: list[int]) -> None:
    """Brute force over the rows a report can publish (total of at least 10, some cell of 3 or
    more): every hidden cell could still hold at least two different values."""
    published = suppress_row(counts)
    hidden = hidden_of(published)
    if not hidden:
        return
    hidden_sum = sum(counts) - sum(value for value in published if value is not None)
    possible = consistent_fillings(published, hidden, hidden_sum)
    assert tuple(counts[index] for index in hidden) in possible
    for slot in range(len(hidden)):
        values = {filling[slot] for filling in possible}
        assert len(values) >= 2, (counts, published, slot, possible)


def test_suppression_examples() -> None:
    """Known rows, worked by hand."""
    assert suppress_row([5, 7, 0]) == (5, 7, 0)
    assert suppress_row([1, 9]) == (None, None)
    assert suppress_row([9, 1]) == (None, None)
    # The 1 is hidden with the smallest large cell (the 4), never with the zero.
    assert suppress_row([1, 0, 4, 20]) == (None, 0, None, 20)
    # Small cells alone would be known to be small: the 30 joins them.
    assert suppress_row([1, 2, 30]) == (None, None, None)
    assert suppress_row([1, 1, 1, 22, 0]) == (None, None, None, None, 0)
    assert suppress_row([2, 2, 20, 0, 5]) == (None, None, 20, 0, None)
    assert publish_row([13, 7, 0, 1, 4]) == (15, 5, 0, None, None)


def test_share_is_hidden_with_its_count() -> None:
    assert share(None, 20) is None
    assert share(5, 0) is None
    assert share(5, 20) == 25
    assert share(2, 3) == 67


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


def report_for(counts: ClassCounts, seed: int = 0) -> Report:
    return build_report(counts.records(seed), "13_15", closed=True)


def area_is_shown(scored: int, unscored: int) -> bool:
    """Bands appear only for enough scored students, with neither side of the pair 1 or 2."""
    return scored >= MIN_RESPONSES and not SMALL & {scored, unscored}


def assert_published(count: int | None, true_count: int) -> None:
    """A published count is a multiple of 5 within 2 of the truth (so never 1 or 2)."""
    assert count is not None
    assert count % ROUND_TO == 0 and abs(count - true_count) <= ROUND_TO // 2
    assert count not in SMALL


@CLASS_SETTINGS
@given(classes(), st.integers(0, 2**32))
def test_class_report_publishes_no_small_figure(counts: ClassCounts, seed: int) -> None:
    report = report_for(counts, seed)
    assert report.published and report.responses == counts.size
    assert report.rounded_to == ROUND_TO == 5
    assert len(report.areas) == len(AREAS)
    every_count: list[int] = []
    for area, true_row in zip(report.areas, counts.bands, strict=True):
        true_bands, unscored = true_row[: len(BAND_LABELS)], true_row[-1]
        scored = sum(true_bands)
        assert scored + unscored == counts.size
        if not area_is_shown(scored, unscored):
            assert area.scored is None and area.bands == (), (true_row, area)
            continue
        assert area.scored is not None
        assert_published(area.scored, scored)
        every_count.append(area.scored)
        assert [cell.label for cell in area.bands] == list(BAND_LABELS)
        published = [cell.count for cell in area.bands]
        assert published == list(publish_row(true_bands))
        hidden = hidden_of(published)
        for index, value in enumerate(published):
            if value is not None:
                assert_published(value, true_bands[index])
                every_count.append(value)
        if hidden:  # a small cell never hides alone or only with small ones
            assert SMALL & {true_bands[index] for index in hidden}
            assert any(true_bands[index] >= SMALLEST_SHOWN for index in hidden)
            assert len(hidden) >= 2
        for cell in area.bands:
            assert cell.share == share(cell.count, area.scored)
            assert (cell.share is None) == (cell.count is None)
            if cell.share is not None and cell.count is not None:
                assert cell.share == round(100 * cell.count / area.scored) <= 100
    truth = dict(zip(REPORTABLE_RULES, counts.recommended, strict=True))
    assert sorted(gap.rule_id for gap in report.gaps) == sorted(REPORTABLE_RULES)
    for gap in report.gaps:
        count = truth[gap.rule_id]
        must_hide = count in SMALL or counts.size - count in SMALL
        assert (gap.count is None) == must_hide, (gap.rule_id, count, counts.size)
        assert (gap.share is None) == (gap.count is None)
        if gap.count is not None:
            assert_published(gap.count, count)
            every_count.append(gap.count)
            assert gap.share == min(100, round(100 * gap.count / counts.size))
    assert not SMALL & set(every_count)
    assert all(count % ROUND_TO == 0 for count in every_count)
    for item in report.teach_next:
        assert item.because.startswith(
            tuple(f"About {gap.share}% of the class" for gap in report.gaps if gap.count)
        )


def withheld_row(rng: random.Random, size: int) -> list[int]:
    """Another band row whose area the report does not show: nobody, 1-2 or 8-9 scored, or all
    but 1-2 of the class."""
    scored = rng.choice([0, 1, 2, MIN_RESPONSES - 2, MIN_RESPONSES - 1, size - 2, size - 1])
    return [scored, 0, 0, 0, size - scored]


@CLASS_SETTINGS
@given(classes(), st.integers(0, 2**32))
def test_gap_order_uses_only_published_counts(counts: ClassCounts, seed: int) -> None:
    """Two classes differing only in hidden counts get the same report, order included:
    a hidden gap's place in the list must not hint at its size."""
    rng = random.Random(seed)
    size = counts.size
    hidden_values = [1, 2, size - 2, size - 1]
    changed = [
        rng.choice(hidden_values) if count in SMALL or size - count in SMALL else count
        for count in counts.recommended
    ]
    # Areas whose figures are withheld may change too, to other figures that are withheld.
    bands = [
        withheld_row(rng, size) if not area_is_shown(sum(row[:-1]), row[-1]) else row
        for row in counts.bands
    ]
    first = report_for(counts, seed)
    second = report_for(ClassCounts(size, bands, changed), seed + 1)
    assert [gap.rule_id for gap in first.gaps] == [gap.rule_id for gap in second.gaps]
    assert first == second


@CLASS_SETTINGS
@given(classes())
def test_gaps_are_most_common_first_with_hidden_ones_last(counts: ClassCounts) -> None:
    gaps = report_for(counts).gaps
    shown = [gap for gap in gaps if gap.count is not None]
    hidden = [gap for gap in gaps if gap.count is None]
    assert list(gaps) == shown + hidden
    order = {rule_id: index for index, rule_id in enumerate(REPORTABLE_RULES)}
    # By published (rounded) count, largest first; equal counts in rule order.
    keys = [(-(gap.count or 0), order[gap.rule_id]) for gap in shown]
    assert keys == sorted(keys)
    assert [order[gap.rule_id] for gap in hidden] == sorted(order[gap.rule_id] for gap in hidden)
