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
from safety_check.schools.suppression import MIN_RESPONSES, SMALLEST_SHOWN, share, suppress_row

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
def test_hidden_cells_are_none_or_at_least_two_adding_up_to_three(counts: list[int]) -> None:
    """One hidden cell alone could be worked out from the row total; so could a hidden sum of 1-2."""
    hidden = hidden_of(suppress_row(counts))
    if not hidden:
        assert not SMALL & set(counts)
        return
    assert len(hidden) >= 2
    if sum(counts) >= SMALLEST_SHOWN:
        assert sum(counts[index] for index in hidden) >= SMALLEST_SHOWN
    else:
        # A row whose total is 1 or 2 cannot be protected by hiding cells; it is hidden whole
        # (and never reaches a report, which needs MIN_RESPONSES first).
        assert len(hidden) == len(counts)


def fillings(slots: int, total: int) -> list[tuple[int, ...]]:
    """Every way to put non-negative counts in `slots` cells adding up to `total`."""
    return [
        filling
        for filling in itertools.product(range(total + 1), repeat=slots)
        if sum(filling) == total
    ]


@SETTINGS
@given(st.lists(st.integers(0, 12), min_size=2, max_size=4).filter(lambda row: sum(row) >= 3))
def test_no_hidden_cell_or_group_can_be_worked_out(counts: list[int]) -> None:
    """Brute force: from the published cells and the row total, every hidden cell (and every
    group of hidden cells) could still take at least two values, and none is pinned to 1 or 2."""
    published = suppress_row(counts)
    hidden = hidden_of(published)
    if not hidden:
        return
    hidden_sum = sum(counts) - sum(value for value in published if value is not None)
    possible = fillings(len(hidden), hidden_sum)
    assert tuple(counts[index] for index in hidden) in possible
    for size in range(1, len(hidden) + 1):
        for group in itertools.combinations(range(len(hidden)), size):
            values = {sum(filling[slot] for slot in group) for filling in possible}
            if size < len(hidden):
                assert len(values) >= 2, (counts, published, group)
            assert not values <= SMALL, (counts, published, group)


def test_suppression_examples() -> None:
    """Known rows, worked by hand."""
    assert suppress_row([5, 7, 0]) == (5, 7, 0)
    assert suppress_row([1, 9]) == (None, None)
    assert suppress_row([9, 1]) == (None, None)
    # The 1 and the 0 would add up to 1, so the next smallest (the 4) is hidden too.
    assert suppress_row([1, 0, 4, 20]) == (None, None, None, 20)
    # Two small cells adding up to 3 protect each other.
    assert suppress_row([1, 2, 30]) == (None, None, 30)
    # Nothing but small cells and zeros beside a large one: the whole row goes.
    assert suppress_row([0, 10, 0, 0, 2]) == (None, None, None, None, None)


def test_share_is_hidden_with_its_count() -> None:
    assert share(None, 20) is None
    assert share(5, 0) is None
    assert share(5, 20) == 25
    assert share(2, 3) == 67


# Whole classes ---------------------------------------------------------------------------------


class ClassCounts:
    """The true figures behind a class: band counts per area, and a count per reportable rule."""

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
    """Counts per score band adding up to `size`, often with small cells."""
    counts = []
    left = size
    for _ in range(len(BAND_LABELS) - 1):
        count = rng.choice([0, 1, 2, 3]) if rng.random() < 0.6 else rng.randint(0, left)
        count = min(count, left)
        counts.append(count)
        left -= count
    counts.append(left)
    rng.shuffle(counts)
    return counts


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


@CLASS_SETTINGS
@given(classes(), st.integers(0, 2**32))
def test_class_report_publishes_no_small_figure(counts: ClassCounts, seed: int) -> None:
    report = report_for(counts, seed)
    assert report.published and report.responses == counts.size
    assert len(report.areas) == len(AREAS)
    for area, true_row in zip(report.areas, counts.bands, strict=True):
        published = [cell.count for cell in area.bands]
        assert [cell.label for cell in area.bands] == list(BAND_LABELS)
        assert not SMALL & {value for value in published if value is not None}
        assert published == list(suppress_row(true_row))
        hidden_sum = sum(true_row[index] for index in hidden_of(published))
        assert sum(value or 0 for value in published) + hidden_sum == counts.size
        if hidden_sum:
            assert hidden_sum >= SMALLEST_SHOWN and len(hidden_of(published)) >= 2
        for cell in area.bands:
            assert (cell.share is None) == (cell.count is None)
    truth = dict(zip(REPORTABLE_RULES, counts.recommended, strict=True))
    assert sorted(gap.rule_id for gap in report.gaps) == sorted(REPORTABLE_RULES)
    for gap in report.gaps:
        count = truth[gap.rule_id]
        must_hide = count in SMALL or counts.size - count in SMALL
        assert (gap.count is None) == must_hide, (gap.rule_id, count, counts.size)
        assert gap.count in (None, count)
        assert (gap.share is None) == (gap.count is None)
    for item in report.teach_next:
        assert item.because.startswith(tuple(f"{gap.share}%" for gap in report.gaps if gap.count))


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
    first = report_for(counts, seed)
    second = report_for(ClassCounts(size, counts.bands, changed), seed + 1)
    assert [gap.rule_id for gap in first.gaps] == [gap.rule_id for gap in second.gaps]
    assert first == second


@CLASS_SETTINGS
@given(classes())
def test_gaps_are_most_common_first_with_hidden_ones_last(counts: ClassCounts) -> None:
    gaps = report_for(counts).gaps
    shown = [gap for gap in gaps if gap.count is not None]
    hidden = [gap for gap in gaps if gap.count is None]
    assert list(gaps) == shown + hidden
    counts_shown = [gap.count or 0 for gap in shown]
    assert counts_shown == sorted(counts_shown, reverse=True)
    order = {rule_id: index for index, rule_id in enumerate(REPORTABLE_RULES)}
    assert [order[gap.rule_id] for gap in hidden] == sorted(order[gap.rule_id] for gap in hidden)
