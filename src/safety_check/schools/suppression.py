"""Small-number protection for class reports (research/reliability.md §5.3, stricter than DfE).

The rules, applied to every published table:

1. Nothing but the number of responses is published below `MIN_RESPONSES`.
2. A cell of 1 or 2 is never published (primary suppression, shown as ``c``).
3. Each row's total is known, so the hidden cells of a row could be added up by subtraction.
   When anything in a row is hidden, the smallest cell of at least `SMALLEST_SHOWN` is hidden
   too, with any cell equal to it (secondary suppression; never a zero, which adds nothing). Every hidden cell could
   then be either the small one or the large one, so no hidden cell's value can be worked out,
   even by someone who knows this method.
4. Every published count is rounded to the nearest `ROUND_TO`, and shares are worked out from
   the rounded counts. Different tables describe the same students (an area's score bands and
   the actions that area recommends), so exact counts in one could be set against another;
   rounded ones cannot pin down a small number.

Rows are built so that a published row always has a cell of at least `SMALLEST_SHOWN` to hide
(see `report.py`): a row whose cells are all small is never published.
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_RESPONSES = 10
SMALLEST_SHOWN = 3
ROUND_TO = 5
SUPPRESSED = "c"


def is_small(count: int) -> bool:
    return 0 < count < SMALLEST_SHOWN


def suppress_row(counts: Sequence[int]) -> tuple[int | None, ...]:
    """The row's exact counts, or None where they must be hidden (before rounding)."""
    hidden = {index for index, count in enumerate(counts) if is_small(count)}
    if not hidden:
        return tuple(counts)
    large = [count for count in counts if count >= SMALLEST_SHOWN]
    if large:
        # Every cell holding the smallest large value goes, not just the first: choosing among
        # equal cells by position would tell a reader which hidden cell is the large one.
        hidden |= {index for index, count in enumerate(counts) if count == min(large)}
    else:  # nothing large to hide with: hide every cell that is not zero
        hidden = {index for index, count in enumerate(counts) if count}
    return tuple(None if index in hidden else count for index, count in enumerate(counts))


def rounded(count: int | None) -> int | None:
    """A published count: rounded to the nearest `ROUND_TO` (counts are whole, so no ties)."""
    return None if count is None else ROUND_TO * round(count / ROUND_TO)


def publish_row(counts: Sequence[int]) -> tuple[int | None, ...]:
    """The row as published: suppressed, then rounded."""
    return tuple(rounded(count) for count in suppress_row(counts))


def share(count: int | None, total: int) -> int | None:
    """A published count as a whole-number percentage of `total`, hidden with its count."""
    if count is None or total == 0:
        return None
    # A count rounded up can pass the class size (15 of 13): the whole class is 100%.
    return min(100, round(100 * count / total))


def has_large_cell(counts: Sequence[int]) -> bool:
    return any(count >= SMALLEST_SHOWN for count in counts)
