"""A class report: counts, score distributions and common gaps, suppressed before anyone sees them.

Built only from `ResponseRecord`s, never from answers. Figures appear only once the check has
closed: a dashboard that updated with each new response would let anyone who watched it change
work out the answers of the student who had just submitted. Every figure that leaves this module has
been through `suppression.suppress_row`; the dashboard, the CSV and the API all publish exactly
these figures and nothing computed from hidden cells (no means, no rankings of hidden rows).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import msgspec

from safety_check.engine import COMPILED_RULES
from safety_check.models import AREA_TITLES, AREAS, AgeBand, Area
from safety_check.schools.curriculum import FRAMEWORK, FRAMEWORK_AGES, TEACHING
from safety_check.schools.record import REPORTABLE_RULES, ResponseRecord
from safety_check.schools.suppression import (
    MIN_RESPONSES,
    ROUND_TO,
    publish_row,
    rounded,
    share,
    suppress_row,
)

SCORE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0–24", 0, 24),
    ("25–49", 25, 49),
    ("50–74", 50, 74),
    ("75–100", 75, 100),
)
BAND_LABELS: tuple[str, ...] = tuple(label for label, _, _ in SCORE_BANDS)
NO_SCORE = len(SCORE_BANDS)
"""Tally slot for students with no score in an area (it did not apply, or was skipped)."""
TEACH_NEXT_LIMIT = 3

_TITLES = {compiled.rule.id: compiled.title for compiled in COMPILED_RULES}
_AREAS = {compiled.rule.id: compiled.rule.area for compiled in COMPILED_RULES}
_RULE_INDEX = {rule_id: index for index, rule_id in enumerate(REPORTABLE_RULES)}


class Cell(msgspec.Struct, frozen=True):
    """A published figure: `count` (rounded to 5) and `share` (%) are null when suppressed."""

    label: str
    count: int | None
    share: int | None


class AreaDistribution(msgspec.Struct, frozen=True, kw_only=True):
    area: Area
    title: str
    scored: int | None
    """Students with a score in this area, rounded to 5; null when too few (or too nearly all
    of the class) to show, and then `bands` is empty."""
    bands: tuple[Cell, ...]
    """Students per score band; shares are of `scored`."""


class Gap(msgspec.Struct, frozen=True, kw_only=True):
    rule_id: str
    area: Area
    title: str
    count: int | None
    """Students whose plan recommended this action; null when suppressed."""
    share: int | None


class TeachNext(msgspec.Struct, frozen=True, kw_only=True):
    area: Area
    title: str
    focus: str
    strands: tuple[str, ...]
    ages: str
    because: str


class Report(msgspec.Struct, frozen=True, kw_only=True):
    responses: int
    published: bool
    """False while the check is open or below the minimum: then only `responses` is given."""
    withheld: str | None
    """Why the figures are not shown yet, in words for the teacher."""
    minimum_responses: int
    framework: str
    areas: tuple[AreaDistribution, ...]
    gaps: tuple[Gap, ...]
    """Every action a class report can show, most common first; suppressed ones last."""
    rounded_to: int
    """Every published count is rounded to the nearest multiple of this."""
    teach_next: tuple[TeachNext, ...]


_BAND_OF_SCORE: dict[int | None, int] = {
    **{
        score: index
        for index, (_, low, high) in enumerate(SCORE_BANDS)
        for score in range(low, high + 1)
    },
    None: NO_SCORE,
}


def _distribution(area: Area, counts: list[int], total: int) -> AreaDistribution:
    """One area's score bands, or only its name when the scored students are too few to show.

    The scored and unscored students are a pair like a gap row, so neither can be 1 or 2; and
    with at least `MIN_RESPONSES` scored students spread over four bands, one band always has
    3 or more to hide alongside any small one.
    """
    band_counts = counts[:NO_SCORE]
    scored = sum(band_counts)
    scored_shown, _ = suppress_row([scored, total - scored])
    if scored_shown is None or scored < MIN_RESPONSES:
        return AreaDistribution(area=area, title=AREA_TITLES[area], scored=None, bands=())
    scored_published = rounded(scored)
    assert scored_published is not None
    published = publish_row(band_counts)
    return AreaDistribution(
        area=area,
        title=AREA_TITLES[area],
        scored=scored_published,
        bands=tuple(
            Cell(label, count, share(count, scored_published))
            for label, count in zip(BAND_LABELS, published, strict=True)
        ),
    )


def _tally(records: Iterable[ResponseRecord]) -> tuple[int, list[list[int]], list[int]]:
    band_counts: Counter[tuple[int, int]] = Counter()
    rule_counts: Counter[str] = Counter()
    total = 0
    band_of = _BAND_OF_SCORE
    for record in records:
        total += 1
        band_counts.update(
            (area_index, band_of[score])
            for area_index, score in enumerate(record.scores[: len(AREAS)])
        )
        rule_counts.update(set(record.recommended))
    bands = [
        [band_counts[(area_index, band)] for band in range(NO_SCORE + 1)]
        for area_index in range(len(AREAS))
    ]
    # Rules retired since a response was stored simply drop out.
    recommended = [rule_counts[rule_id] for rule_id in REPORTABLE_RULES]
    return total, bands, recommended


def _gaps(recommended: list[int], total: int) -> tuple[Gap, ...]:
    gaps = []
    for rule_id, count in zip(REPORTABLE_RULES, recommended, strict=True):
        # The row is "recommended" and "not recommended": both sides are protected.
        shown, _ = publish_row([count, total - count])
        gaps.append(
            Gap(
                rule_id=rule_id,
                area=_AREAS[rule_id],
                title=_TITLES[rule_id],
                count=shown,
                share=share(shown, total),
            )
        )
    # Only published counts decide the order, so a hidden row's place reveals nothing.
    gaps.sort(key=lambda gap: (gap.count is None, -(gap.count or 0), _RULE_INDEX[gap.rule_id]))
    return tuple(gaps)


def _teach_next(gaps: tuple[Gap, ...], age_band: AgeBand | None) -> tuple[TeachNext, ...]:
    chosen: dict[Area, Gap] = {}
    for gap in gaps:
        if gap.count and gap.area not in chosen:
            chosen[gap.area] = gap
        if len(chosen) == TEACH_NEXT_LIMIT:
            break
    return tuple(
        TeachNext(
            area=area,
            title=AREA_TITLES[area],
            focus=TEACHING[area].focus,
            strands=TEACHING[area].strands,
            ages=FRAMEWORK_AGES[age_band],
            because=f"About {gap.share}% of the class were advised to: {gap.title}",
        )
        for area, gap in chosen.items()
    )


WITHHELD_OPEN = (
    "Results appear when the check closes, so nobody can work out one student's answers by "
    "watching the figures change."
)
WITHHELD_FEW = (
    f"Results appear only when at least {MIN_RESPONSES} students have taken part, so no one "
    "can be picked out."
)
WITHHELD_OPEN_AND_FEW = (
    f"Results appear when the check closes, and only if at least {MIN_RESPONSES} students "
    "have taken part, so no one can be picked out."
)


def _withheld(total: int, closed: bool) -> str | None:
    if total < MIN_RESPONSES:
        return WITHHELD_FEW if closed else WITHHELD_OPEN_AND_FEW
    return None if closed else WITHHELD_OPEN


def build_report(
    records: Iterable[ResponseRecord], age_band: AgeBand | None, *, closed: bool
) -> Report:
    total, bands, recommended = _tally(records)
    withheld = _withheld(total, closed)
    if withheld:
        return Report(
            responses=total,
            published=False,
            withheld=withheld,
            minimum_responses=MIN_RESPONSES,
            framework=FRAMEWORK,
            areas=(),
            gaps=(),
            rounded_to=ROUND_TO,
            teach_next=(),
        )
    gaps = _gaps(recommended, total)
    return Report(
        responses=total,
        published=True,
        withheld=None,
        minimum_responses=MIN_RESPONSES,
        framework=FRAMEWORK,
        areas=tuple(_distribution(area, bands[index], total) for index, area in enumerate(AREAS)),
        gaps=gaps,
        rounded_to=ROUND_TO,
        teach_next=_teach_next(gaps, age_band),
    )
