"""A class report: noisy counts, score distributions and common gaps, released when it closes.

Built only from `ResponseRecord`s, never from answers. Figures appear only once the check has
closed; while it is open not even the exact number of responses is given, only a band of ten.
Every count that leaves this module carries noise drawn once for the class (`noise.py`) and has
then been made readable and consistent (`suppression.py`); the dashboard, the CSV, the print
view and the API all publish exactly these figures and nothing worked out from the true ones.

Each figure comes with the range the true count lies in at least 9 times in 10 (`Range`). The
order of the actions is decided by a second, separate noise draw per action (`ORDER_ALPHA`):
sorting by the published figures would put the ones that noise pushed up at the top and then
print those very figures (the winner's curse), so a small class would read "about 100%" for 6
of 14. With its own draw, a printed figure at the top is as honest as any other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Literal

import msgspec

from safety_check.engine import COMPILED_RULES
from safety_check.models import AREA_TITLES, AREAS, AgeBand, Area
from safety_check.schools.curriculum import FRAMEWORK, FRAMEWORK_AGES, TEACHING, Lesson
from safety_check.schools.noise import (
    EPSILON,
    GUESS_LIMIT,
    INTERVAL_LEVEL,
    INTERVAL_MARGIN,
    ORDER_ALPHA,
    noise,
)
from safety_check.schools.record import REPORTABLE_RULES, ResponseRecord
from safety_check.schools.suppression import (
    MARKS,
    MIN_RESPONSES,
    SMALLEST_SHOWN,
    apportion,
    bounded,
    share,
    shares,
    shown,
)
from safety_check.schools.words import N_

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


NotShown = Literal["fewer_than_3", "too_few_scored"]
"""Why a figure is not shown: under 3 (mark ``c``), or too few had a score in its area (``n``)."""


class Range(msgspec.Struct, frozen=True):
    """Where the true count lies at least 9 times in 10, and the same as whole percentages."""

    low: int
    high: int
    share_low: int
    share_high: int


def figure_range(published: int | None, total: int) -> Range:
    """The range for a published count (None when shown as ``c``) of `total` students.

    A count within `SMALLEST_SHOWN` of the whole class is printed as the whole class, so the
    low end of a full count reaches that much further down.
    """
    if published is None:
        low, high = 0, SMALLEST_SHOWN - 1 + INTERVAL_MARGIN
    else:
        slack = SMALLEST_SHOWN - 1 if published == total else 0
        low, high = published - INTERVAL_MARGIN - slack, published + INTERVAL_MARGIN
    low, high = max(0, low), min(total, high)
    if not total:
        return Range(low, high, 0, 0)
    return Range(low, high, 100 * low // total, -(-100 * high // total))


class Cell(msgspec.Struct, frozen=True, kw_only=True):
    """A published figure: `count` (with noise) and `share` (%) are null when not shown."""

    label: str
    count: int | None
    share: int | None
    range: Range
    not_shown: NotShown | None = None


class AreaDistribution(msgspec.Struct, frozen=True, kw_only=True):
    area: Area
    title: str
    scored: int | None
    """Students with a score in this area (with noise); null when fewer than the minimum, and
    then `bands` is empty and `not_shown` is "too_few_scored"."""
    bands: tuple[Cell, ...]
    """Students per score band; they add up to `scored`, and shares to at most 100."""
    hidden: int
    """`scored` less the bands shown: the students in the bands shown as ``c``, together."""
    not_shown: NotShown | None = None


class Gap(msgspec.Struct, frozen=True, kw_only=True):
    rule_id: str
    area: Area
    title: str
    count: int | None
    """Students whose plan recommended this action (with noise); null when under 3."""
    share: int | None
    range: Range
    not_shown: NotShown | None = None


class TeachNext(msgspec.Struct, frozen=True, kw_only=True):
    area: Area
    title: str
    focus: str
    strands: tuple[str, ...]
    ages: str
    because: str
    rule_id: str
    """The action, among the most common in students' plans, that brought this area here."""
    rshe: tuple[str, ...] = ()
    """The statutory RSHE topics (England) it serves."""
    lessons: tuple[Lesson, ...] = ()
    """Free lessons or resources from recognised sources, each with its address and the day
    it was checked (`verified` is false where the address itself was not)."""


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
    """Every action a class report can show, in order of a separate noisy count of how common
    it is (so the order is approximate); those shown as ``c`` last."""
    epsilon: float
    """Privacy loss per published count (two-sided geometric noise, fixed per class)."""
    guess_limit: float
    """The most often a guess about one student's answer, made from one published count, can
    be right when a coin toss is right half the time."""
    teach_next: tuple[TeachNext, ...]
    range_level: float = INTERVAL_LEVEL
    """How often, at least, a figure's true count lies in its `range`."""
    marks: dict[str, str] = msgspec.field(default_factory=lambda: dict(MARKS))
    """What each mark standing for a figure that is not shown means (CSV and pages)."""


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
        return AreaDistribution(
            area=area,
            title=AREA_TITLES[area],
            scored=None,
            bands=(),
            hidden=0,
            not_shown="too_few_scored",
        )
    cells = tuple(
        _cell(label, shown(count), percent, scored)
        for label, count, percent in zip(BAND_LABELS, bands, shares(bands, scored), strict=True)
    )
    return AreaDistribution(
        area=area,
        title=AREA_TITLES[area],
        scored=scored,
        bands=cells,
        hidden=scored - sum(cell.count or 0 for cell in cells),
    )


def _cell(label: str, count: int | None, percent: int, scored: int) -> Cell:
    return Cell(
        label=label,
        count=count,
        share=None if count is None else percent,
        range=figure_range(count, scored),
        not_shown="fewer_than_3" if count is None else None,
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


def _gaps(
    key: bytes, recommended: list[int], total: int, *, order_draw: bool = True
) -> tuple[Gap, ...]:
    gaps, order = [], {}
    for rule_id, count in zip(REPORTABLE_RULES, recommended, strict=True):
        published = shown(bounded(count + noise(key, f"action:{rule_id}"), total))
        # The order's own draw: independent of the printed figure (see the module's notes).
        # Without it (a school's view, where counts are large next to the noise) the order is
        # the published figures', which costs no privacy.
        order[rule_id] = (
            count + noise(key, f"order:action:{rule_id}", ORDER_ALPHA)
            if order_draw
            else published or 0
        )
        gaps.append(
            Gap(
                rule_id=rule_id,
                area=_AREAS[rule_id],
                title=_TITLES[rule_id],
                count=published,
                share=share(published, total),
                range=figure_range(published, total),
                not_shown="fewer_than_3" if published is None else None,
            )
        )
    # Hidden rows go last in a fixed order, so their place reveals nothing.
    gaps.sort(
        key=lambda gap: (
            gap.count is None,
            0 if gap.count is None else -order[gap.rule_id],
            _RULE_INDEX[gap.rule_id],
        )
    )
    return tuple(gaps)


def because(gap: Gap, total: int) -> str:
    """Why an area is in "what to teach next", with the figure's range in plain words."""
    return BECAUSE.format(
        count=gap.count, total=total, low=gap.range.low, high=gap.range.high, action=gap.title
    )


def _teach_next(
    gaps: tuple[Gap, ...], age_band: AgeBand | None, total: int
) -> tuple[TeachNext, ...]:
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
            because=because(gap, total),
            rule_id=gap.rule_id,
            rshe=TEACHING[area].rshe,
            lessons=TEACHING[area].lessons,
        )
        for area, gap in chosen.items()
    )


WITHHELD_OPEN = N_(
    "schools:report",
    "Results appear when the check closes, so nobody can work out one student's answers by "
    "watching the figures change.",
)
WITHHELD_FEW = N_(
    "schools:report",
    "Results appear only when at least {minimum} students have taken part, so no one can be "
    "picked out.",
)
WITHHELD_OPEN_AND_FEW = N_(
    "schools:report",
    "Results appear when the check closes, and only if at least {minimum} students have taken "
    "part, so no one can be picked out.",
)
WITHHELD = (WITHHELD_OPEN, WITHHELD_FEW, WITHHELD_OPEN_AND_FEW)
"""Every reason figures are held back, as messages: the report holds one filled in English."""
BECAUSE = N_(
    "schools:report",
    "About {count} of {total} students (somewhere from {low} to {high}) were advised to: {action}",
)
FEWER_THAN = N_("schools:report", "fewer than {step}")
BETWEEN = N_("schools:report", "{low} to {high}")
RESPONSES_STEP = 10


def responses_band(total: int) -> str:
    """The number of responses in tens: all that shows while a check is open."""
    if total < RESPONSES_STEP:
        return FEWER_THAN.format(step=RESPONSES_STEP)
    low = total - total % RESPONSES_STEP
    return BETWEEN.format(low=low, high=low + RESPONSES_STEP - 1)


def _withheld(total: int, closed: bool) -> str | None:
    if total < MIN_RESPONSES:
        reason = WITHHELD_FEW if closed else WITHHELD_OPEN_AND_FEW
        return reason.format(minimum=MIN_RESPONSES)
    return None if closed else WITHHELD_OPEN


def build_report(
    records: Iterable[ResponseRecord],
    age_band: AgeBand | None,
    *,
    closed: bool,
    noise_key: bytes,
    order_draw: bool = True,
) -> Report:
    """The class report; `noise_key` is the class's own (`noise.class_noise_key`). A school's
    view is built the same way from its classes' records together, keyed apart, with
    `order_draw=False`."""
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
    gaps = _gaps(noise_key, recommended, total, order_draw=order_draw)
    areas = tuple(
        _distribution(noise_key, area, bands[index], total) for index, area in enumerate(AREAS)
    )
    return msgspec.structs.replace(
        report,
        published=True,
        areas=areas,
        gaps=gaps,
        teach_next=_teach_next(gaps, age_band, total),
    )
