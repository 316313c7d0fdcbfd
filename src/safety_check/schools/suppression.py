"""How noisy counts become published figures (research/reliability.md §5.3, with noise added).

The privacy of a class report comes from the noise (`noise.py`); these rules only make the noisy
figures readable and consistent. They read nothing but the noisy counts and the number of
responses, so they cannot weaken the noise's guarantee (anything worked out from a noisy figure
is as private as the figure).

1. Nothing but the number of responses is published below `MIN_RESPONSES`.
2. A figure under `SMALLEST_SHOWN` is never printed, a zero included: it is shown as ``c``.
   After noise, ``c`` means "fewer than 3, or none": it never says that nobody was counted.
   An area whose scored students come out fewer than `MIN_RESPONSES` shows none of its bands:
   that is a different mark, ``n`` ("not enough had a score"), never ``c``.
3. A count is never below 0 or above the students it counts; a table's cells add up to the
   total printed beside it (the hidden cells are the difference, itself a noisy figure).
4. Shares of a row are whole percentages that add up to at most 100.
"""

from __future__ import annotations

from collections.abc import Sequence

from safety_check.schools.words import N_

MIN_RESPONSES = 10
SMALLEST_SHOWN = 3
SUPPRESSED = "c"
TOO_FEW_SCORED = "n"
MARK_MESSAGES: dict[str, str] = {
    SUPPRESSED: N_("schools:report", "fewer than 3 students (perhaps none), so not shown"),
    TOO_FEW_SCORED: N_(
        "schools:report",
        "fewer than {minimum} students had a score in this area, so its bands are not shown",
    ),
}
MARKS: dict[str, str] = {
    mark: message.format(minimum=MIN_RESPONSES) for mark, message in MARK_MESSAGES.items()
}
"""What each mark in a report stands for: one meaning per mark, given wherever marks appear."""


def shown(count: int) -> int | None:
    """A count as printed: None (``c``) below `SMALLEST_SHOWN`."""
    return None if count < SMALLEST_SHOWN else count


def apportion(weights: Sequence[int], total: int) -> list[int]:
    """Whole numbers in proportion to `weights` (negatives count as 0) that add up to `total`.

    Largest remainders, ties to the earlier slot; exact integer arithmetic. All-zero weights
    give everything to the last slot.
    """
    clamped = [max(0, weight) for weight in weights]
    whole = sum(clamped)
    if whole == 0:
        return [0] * (len(weights) - 1) + [total]
    quotas = [weight * total for weight in clamped]
    parts = [quota // whole for quota in quotas]
    order = sorted(range(len(parts)), key=lambda index: (-(quotas[index] % whole), index))
    for index in order[: total - sum(parts)]:
        parts[index] += 1
    return parts


def bounded(count: int, total: int) -> int:
    """A noisy count of some of `total` students, kept to 0..total; within `SMALLEST_SHOWN` of
    the whole class it is the whole class, so the students not counted are never 1 or 2."""
    count = min(max(count, 0), total)
    return total if total - count < SMALLEST_SHOWN else count


def shares(counts: Sequence[int], total: int) -> list[int]:
    """Each count as a whole percentage of `total` (the counts add up to it); they add to 100."""
    return apportion(counts, 100) if total else [0] * len(counts)


def share(count: int | None, total: int) -> int | None:
    """One published count as a whole-number percentage of `total`, hidden with its count."""
    if count is None or total == 0:
        return None
    return min(100, round(100 * count / total))
