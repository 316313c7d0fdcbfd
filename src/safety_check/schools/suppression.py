"""Small-number suppression for class reports (research/reliability.md §5.3, stricter than DfE).

The rules, applied to every published table:

1. Nothing but the number of responses is published below `MIN_RESPONSES`.
2. A cell of 1 or 2 is never published (primary suppression, shown as ``c``).
3. Each row's total is published, so the cells hidden in a row can be added up by subtraction.
   More cells are hidden (smallest first) until that hidden sum is at least `SMALLEST_SHOWN` and
   covers at least two cells (secondary suppression). No hidden cell's value, and no total of
   hidden cells of 1 or 2, can then be worked out. (Someone who knows this method can tell that
   a hidden cell may be small, which is all that ``c`` says; never which value it has.)
4. A share (percentage) is published only with its count.

Rows are independent: the report publishes no figure that is the sum of cells from different
rows, so hiding within each row is enough.
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_RESPONSES = 10
SMALLEST_SHOWN = 3
SUPPRESSED = "c"


def is_small(count: int) -> bool:
    return 0 < count < SMALLEST_SHOWN


def suppress_row(counts: Sequence[int]) -> tuple[int | None, ...]:
    """The row as published: each count, or None where it must be hidden.

    The caller publishes `sum(counts)` as the row total.
    """
    hidden = {index for index, count in enumerate(counts) if is_small(count)}
    if not hidden:
        return tuple(counts)
    by_size = sorted(range(len(counts)), key=lambda index: (counts[index], index))
    for index in by_size:
        if len(hidden) >= 2 and sum(counts[i] for i in hidden) >= SMALLEST_SHOWN:
            break
        hidden.add(index)
    return tuple(None if index in hidden else count for index, count in enumerate(counts))


def share(count: int | None, total: int) -> int | None:
    """The share of the class as a percentage rounded to a whole number, hidden with its count."""
    if count is None or total == 0:
        return None
    return round(100 * count / total)
