"""A class report: noisy counts, score distributions and common gaps, released when it closes.

Built only from `ResponseRecord`s, never from answers. Figures appear only once the check has
closed; while it is open not even the exact number of responses is given, only a band of ten.
Every count that leaves this module carries noise drawn once for the class (`noise.py`) and has
then been made readable and consistent (`suppression.py`); the dashboard, the CSV, the print
view and the API all publish exactly these figures and nothing worked out from the true ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import msgspec

from safety_check.engine import COMPILED_RULES
from safety_check.models import AREA_TITLES, AREAS, AgeBand, Area
from safety_check.schools.curriculum import FRAMEWORK, FRAMEWORK_AGES, TEACHING
from safety_check.schools.noise import EPSILON, GUESS_LIMIT, noise
from safety_check.schools.record import REPORTABLE_RULES, ResponseRecord
from safety_check.schools.suppression import (
    MIN_RESPONSES,
    SMALLEST_SHOWN,
    apportion,
    bounded,
    share,
    shares,
    shown,
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
    """A published figure: `count` (with noise) and `share` (%) are null when shown as ``c``."""

    label: str
    count: int | None
    share: int | None


class AreaDistribution(msgspec.Struct, frozen=True, kw_only=True):
    area: Area
    title: str
    scored: int | None
    """Students with a score in this area (with noise); null when too few to show, and then
    `bands` is empty."""
    bands: tuple[Cell, ...]
    """Students per score band; they add up to `scored`, and shares to at most 100."""
    hidden: int
    """`scored` less the bands shown: the students in the bands shown as ``c``, together."""


class Gap(msgspec.Struct, frozen=True, kw_only=True):
    rule_id: str
    area: Area
    title: str
    count: int | None
    """Students whose plan recommended this action (with noise); null when under 3."""
    share: int | None


class TeachNext(msgspec.Struct, frozen=True, kw_only=True):
    area: Area
    title: str
    focus: str
    strands: tuple[str, ...]
    ages: str
    because: str


class Report(msgspec.Struct, frozen=True, kw_only=True):
    responses: int | None
    """The number of responses: null while the check is open (see `responses_band`)."""
    responses_band: str
    """The number of responses in tens ("10 to 19"): all that is given while the check is open."""
    published: bool
    """False while the check is open or below the minimum: then only the count is given."""
    withheld: str | None
    """Why the figures are not shown yet, in words for the teacher."""
    minimum_responses: int
    framework: str
    areas: tuple[AreaDistribution, ...]
    gaps: tuple[Gap, ...]
    """Every action a class report can show, most common first; those shown as ``c`` last."""
    epsilon: float
    """Privacy loss per published count (two-sided geometric noise, fixed per class)."""
    guess_limit: float
    """The most often a guess about one student's answer, made from one published count, can
    be right when a coin toss is right half the time."""
    teach_next: tuple[TeachNext, ...]


_BAND_OF_SCORE: dict[int | None, int] = {
    **{
        score: index
        for index, (_, low, high) in enumerate(SCORE_BANDS)
        for score in range(low, high + 1)
    },
    None: NO_SCORE,
}
NONE_SLOT_LABEL = "none"


def _noisy_area(key: bytes, area: Area, counts: list[int], total: int) -> list[int]:
    """The area's band counts and unscored count with noise, made whole and adding to `total`.

    An unscored count of 1 or 2 joins the largest band, so the students without a score, worked
    out as the class less `scored`, are never shown as 1 or 2.
    """
    labels = [*(f"band:{index}" for index in range(NO_SCORE)), NONE_SLOT_LABEL]
    noisy = [
        count + noise(key, f"area:{area}:{label}")
        for count, label in zip(counts, labels, strict=True)
    ]
    slots = apportion(noisy, total)
    if 0 < slots[NO_SCORE] < SMALLEST_SHOWN:
        largest = max(range(NO_SCORE), key=lambda index: (slots[index], -index))
        slots[largest] += slots[NO_SCORE]
        slots[NO_SCORE] = 0
    return slots


def _distribution(key: bytes, area: Area, counts: list[int], total: int) -> AreaDistribution:
    """One area's score bands, or only its name when the scored students are too few to show."""
    slots = _noisy_area(key, area, counts, total)
    bands = slots[:NO_SCORE]
    scored = sum(bands)
    if scored < MIN_RESPONSES:
        return AreaDistribution(area=area, title=AREA_TITLES[area], scored=None, bands=(), hidden=0)
    cells = tuple(
        Cell(label, shown(count), None if shown(count) is None else percent)
        for label, count, percent in zip(BAND_LABELS, bands, shares(bands, scored), strict=True)
    )
    return AreaDistribution(
        area=area,
        title=AREA_TITLES[area],
        scored=scored,
        bands=cells,
        hidden=scored - sum(cell.count or 0 for cell in cells),
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


def _gaps(key: bytes, recommended: list[int], total: int) -> tuple[Gap, ...]:
    gaps = []
    for rule_id, count in zip(REPORTABLE_RULES, recommended, strict=True):
        published = shown(bounded(count + noise(key, f"action:{rule_id}"), total))
        gaps.append(
            Gap(
                rule_id=rule_id,
                area=_AREAS[rule_id],
                title=_TITLES[rule_id],
                count=published,
                share=share(published, total),
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
RESPONSES_STEP = 10


def responses_band(total: int) -> str:
    """The number of responses in tens: all that shows while a check is open."""
    if total < RESPONSES_STEP:
        return f"fewer than {RESPONSES_STEP}"
    low = total - total % RESPONSES_STEP
    return f"{low} to {low + RESPONSES_STEP - 1}"


def _withheld(total: int, closed: bool) -> str | None:
    if total < MIN_RESPONSES:
        return WITHHELD_FEW if closed else WITHHELD_OPEN_AND_FEW
    return None if closed else WITHHELD_OPEN


def build_report(
    records: Iterable[ResponseRecord],
    age_band: AgeBand | None,
    *,
    closed: bool,
    noise_key: bytes,
) -> Report:
    """The class report; `noise_key` is the class's own (`noise.class_noise_key`)."""
    total, bands, recommended = _tally(records)
    withheld = _withheld(total, closed)
    report = Report(
        responses=total if closed else None,
        responses_band=responses_band(total),
        published=False,
        withheld=withheld,
        minimum_responses=MIN_RESPONSES,
        framework=FRAMEWORK,
        areas=(),
        gaps=(),
        epsilon=EPSILON,
        guess_limit=GUESS_LIMIT,
        teach_next=(),
    )
    if withheld:
        return report
    gaps = _gaps(noise_key, recommended, total)
    areas = tuple(
        _distribution(noise_key, area, bands[index], total) for index, area in enumerate(AREAS)
    )
    return msgspec.structs.replace(
        report, published=True, areas=areas, gaps=gaps, teach_next=_teach_next(gaps, age_band)
    )
