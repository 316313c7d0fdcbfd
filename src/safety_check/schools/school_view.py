"""A school's view of one term and year group, and what changed from one term to the next.

The view sums the records of every class of the school made in the term for the year group, once
the term is over and all of them have closed, including classes too small to report alone, and
adds noise once to each summed count (`report.build_report`, keyed for the school and the term
apart from every class). It is published once and kept as published (storage), so it is never
recomputed from another set of classes.

Privacy, for a student who is in a class report and the school view: a figure their answer moves
is released twice, once per report, each with ε = ln 1.5, so a guess from both together is right
at most e^2ε / (1 + e^2ε) = 0.69 of the time (9/13). An action's place in the class's order adds
ln 2 (its figure, its place and the school's figure: ln 4.5, at most 0.82). The school's order is
its published figures', which adds nothing. Nothing else is released about a term: the
whole-school row is the sum of the year groups' published figures, and changes between terms are
worked out from published views only.

A change between two terms is shown only when its interval excludes zero. The interval allows
for two things that move a figure when nothing was learned: the noise (the smallest margin the
difference of two noise draws stays within at least 95% of the time, exactly) and chance in who
took part, put together as independent errors (in quadrature, as the variance of a sum adds).
Only published figures go in (counts with noise, the number of responses, the classes' names,
the terms and the year group), so the comparison costs no privacy.

Who took part depends on which two terms are compared (`same_students`):

- Two terms of one school year, one named year group, the same classes by name: the same
  students, bar those away. A change is a change in what they answered. The part for who took
  part is only for students away one term or the other: each term's students are a sample of
  the year group with the finite population correction 1 - f, f the share of the year group
  that took part. The year group is not counted, so it is taken to be the larger term's
  students over `PARTICIPATION` (80%): if both terms had 240, a year group of 300.
- Terms of different school years, other classes, or classes made without a year group:
  different students. Each term's students are then a sample of the students a school has in
  that year group year after year (z standard errors of the difference of two shares, z = 1.96
  at 95%).

Students come class by class, and a class leans its own way, so each share's variance is
widened by the design effect (`CLASS_CORRELATION`). Each comparison also states about the
smallest change it marks for its sizes (`smallest_marked`), since a teacher would otherwise read
"no change marked" as "no change".

What it can find (bench/privacy.py, `python -m bench.privacy terms`, year groups of 8 classes of
30, 1,000 runs; the figures are in `tests/schools/test_school_view.py`): within a school year
at most 2% of unchanged actions are flagged and a 12-point rise is found in 96% to 99% of runs;
between school years 4% are flagged, and since chance in who is in each year group is most of
the interval's width there, a rise is found 4 times in 5 only from about 17 points.
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction
from statistics import NormalDist
from typing import Annotated

import msgspec

from safety_check.schools.noise import ALPHA_DENOMINATOR, ALPHA_NUMERATOR
from safety_check.schools.report import Report
from safety_check.schools.school import Term

CHANGE_LEVEL = 0.95
"""How often, at least, a change's interval holds the true change when nothing but chance moved
it. 95%, not the issue's 90%: a 90% interval excludes zero for about one unchanged action in ten
(8.7% of new students' actions in the simulation, over the 5% allowed). A 95% interval that
excludes zero means the 90% one does too, so a change shown passes the issue's test."""
CLASS_CORRELATION = 0.02
"""How alike two students of one class are, beyond chance (the intraclass correlation ρ).

Students are taught, and answer, class by class, so a term's students are not a random sample
of the year group: each class leans its own way. The variance of a share then grows by the
design effect 1 + (m - 1)·ρ for classes of m (1.58 for classes of 30). School surveys of young
people's health find ρ from 0.01 to 0.07 for psychosocial measures between schools
(Shackleton et al. 2016, SSM - Population Health 2:217-225). In the simulation's year groups
(bench/privacy.py) the actions' design effects run from 0.9 to 2.5, 1.4 in the middle
(ρ ≈ 0.013). It is an assumption, not a measurement of any school: a larger ρ flags fewer false
changes and finds fewer real ones. At ρ = 0.01 new students' unchanged actions are flagged 6.0%
of the time. A 90% interval with ρ = 0.04 flags 5.1% (1,000 runs; 4.8% and 4.7% at two other
seeds before students away were simulated): too close to the 5% bound to keep for what it adds
(a 12-point rise found in 54% of runs with new students instead of 52%).

Within a school year, with the same classes, the design effect widens only the small part for
students away (`_unseen`)."""


PARTICIPATION = 0.8
"""The share of a year group taken to have taken part in each term's check, when two terms of
one school year are compared. A check done in lessons reaches all but those away that day or
who choose not to answer; attendance in England's secondary schools was 91% in 2023/24. The
year group's size is not asked for, so the larger term's students over this stand for it. The
fewer really take part, the more a share moves with who was away and the more often an
unchanged action is flagged: in the simulation 1.9% of them at 90% taking part, 3.1% at 80%
and 4.5% at 70% (bench/privacy.py, 1,000 runs). A school that names a different set of classes
the same way each term would be read as the same students, and flag more."""


class ChangeRule(msgspec.Struct, frozen=True, kw_only=True):
    """How wide a change's interval is: its level, the class correlation it allows for, and
    the share of a year group taken to have taken part within a school year."""

    level: float = CHANGE_LEVEL
    correlation: float = CLASS_CORRELATION
    participation: float = PARTICIPATION

    @property
    def z(self) -> float:
        """Standard errors of a normal error that hold it `level` of the time, both sides."""
        return NormalDist().inv_cdf((1 + self.level) / 2)


CHANGE_RULE = ChangeRule()

NO_YEAR_GROUP = ""
"""The year group of classes made without one: they form a group of their own."""


ClassNames = Annotated[
    tuple[str, ...],
    msgspec.Meta(
        description="The names of the classes counted, as their teachers gave them, in "
        "alphabetical order: two terms of one school year with the same classes are of mostly "
        "the same students. Empty in a view published before names were kept."
    ),
]


class SchoolView(msgspec.Struct, frozen=True, kw_only=True):
    term: Term
    year_group: str
    classes: int
    """Closed classes counted, small ones included."""
    report: Report
    class_names: ClassNames = ()


class TermChange(msgspec.Struct, frozen=True, kw_only=True):
    rule_id: str
    title: str
    before: int
    """Share (%) of the earlier term's students advised to take this action."""
    after: int
    change: int
    """Percentage points, after less before."""
    low: int
    high: int
    """The change's interval, in percentage points."""
    changed: bool
    """True only when the interval excludes zero (before `low` and `high` are rounded
    outwards for display)."""


def _point_mass(z: int) -> Fraction:
    alpha = Fraction(ALPHA_NUMERATOR, ALPHA_DENOMINATOR)
    return (1 - alpha) / (1 + alpha) * alpha ** abs(z)


_SPAN = 60  # P(|Z| > 60) is below 10^-10: the tails beyond change nothing that is printed


@functools.cache
def change_margin(before: int, after: int, level: float = CHANGE_LEVEL) -> float:
    """The smallest w such that |Z2/after - Z1/before| <= w at least `level` of the time, for
    two independent noise draws Z1, Z2 (shares as fractions of 1)."""
    masses = [(z, float(_point_mass(z))) for z in range(-_SPAN, _SPAN + 1)]
    differences: dict[float, float] = {}
    for z1, p1 in masses:
        for z2, p2 in masses:
            gap = abs(z2 / after - z1 / before)
            differences[gap] = differences.get(gap, 0.0) + p1 * p2
    covered = 0.0
    for gap in sorted(differences):
        covered += differences[gap]
        if covered >= level:
            return gap
    return math.inf


def design_effect(view: SchoolView, correlation: float = CLASS_CORRELATION) -> float:
    """How much more a share of this view varies from cohort to cohort than it would if its
    students had been drawn one by one: 1 + (m - 1)·ρ, m the average class (published
    figures only: the number of responses and of classes)."""
    responses = view.report.responses or 0
    average_class = responses / max(1, view.classes)
    return 1 + max(0.0, average_class - 1) * correlation


def same_students(before: SchoolView, after: SchoolView) -> bool:
    """Whether two views are of mostly the same students: one named year group, one school
    year, the same classes by name. Classes made without a year group may be any students, and
    other classes of a year group are other students, who differ more than those away do (in
    the simulation, two halves of a year group's classes compared as if they were the same
    students flag 18% of unchanged actions)."""
    return (
        before.year_group != NO_YEAR_GROUP
        and before.year_group == after.year_group
        and before.term.school_year == after.term.school_year
        and bool(before.class_names)
        and _names(before) == _names(after)
    )


def _names(view: SchoolView) -> set[str]:
    return {" ".join(name.split()).casefold() for name in view.class_names}


def _unseen(view: SchoolView, other: SchoolView, rule: ChangeRule) -> float:
    """1 - f: the finite population correction for one view's students as a sample of those
    the comparison is about (1 when they are a sample of a year group year after year)."""
    if not same_students(view, other):
        return 1.0
    responses = view.report.responses or 0
    year_group = max(responses, other.report.responses or 0) / rule.participation
    return 1 - responses / year_group


def _margin(
    before: SchoolView,
    after: SchoolView,
    share_before: float,
    share_after: float,
    rule: ChangeRule,
) -> float:
    """Half the width of a change's interval, in percentage points, for these two shares."""
    first, second = before.report.responses or 0, after.report.responses or 0
    spread_before = design_effect(before, rule.correlation) * _unseen(before, after, rule)
    spread_after = design_effect(after, rule.correlation) * _unseen(after, before, rule)
    sampling = rule.z * math.sqrt(
        spread_before * share_before * (1 - share_before) / first
        + spread_after * share_after * (1 - share_after) / second
    )
    return 100 * math.hypot(change_margin(first, second, rule.level), sampling)


def _comparable(before: SchoolView, after: SchoolView) -> bool:
    first, second = before.report, after.report
    return bool(first.published and second.published and first.responses and second.responses)


WORST_SHARE = 0.5
"""The share at which chance in who took part moves a share most (p(1 - p) is largest)."""

MarkedPoints = Annotated[
    int,
    msgspec.Meta(
        description="About the smallest change, in percentage points, that is marked between "
        "these two terms: worked out at a share of 50%, where chance moves a share most, from "
        "the numbers of students and classes alone. A change a point bigger is marked whatever "
        "the share; a smaller one can go unmarked even when it is real. Above 100 when so few "
        "took part that even a very large change can go unmarked."
    ),
]


class SmallestMarked(msgspec.Struct, frozen=True, kw_only=True):
    """What size of change a comparison can show, so that no mark is not read as no change."""

    points: MarkedPoints
    students_before: int
    students_after: int


def smallest_marked(
    before: SchoolView, after: SchoolView, *, rule: ChangeRule = CHANGE_RULE
) -> SmallestMarked | None:
    """About how many points an action's share must move by between these views to be marked
    (None when they cannot be compared).

    Taken at the worst case share of 50% in both terms, so it depends only on the published
    sizes, never on a noisy figure. The interval is widest there (the noise's part does not
    depend on the share), so a change a point bigger is marked at any share, and one a point
    smaller is not marked for an action near 50%. Near 0% or 100% a smaller change can be
    marked: this is the size below which a real change may go unmarked."""
    if not _comparable(before, after):
        return None
    margin = _margin(before, after, WORST_SHARE, WORST_SHARE, rule)
    return SmallestMarked(
        points=math.floor(margin + 0.5),
        students_before=before.report.responses or 0,
        students_after=after.report.responses or 0,
    )


def compare(
    before: SchoolView, after: SchoolView, *, rule: ChangeRule = CHANGE_RULE
) -> tuple[TermChange, ...]:
    """Changes in each action shown in both views, in order of size of the change."""
    if not _comparable(before, after):
        return ()
    first, second = before.report, after.report
    assert first.responses and second.responses  # _comparable, for the type checker
    earlier = {gap.rule_id: gap for gap in first.gaps if gap.count is not None}
    changes = []
    for gap in second.gaps:
        old = earlier.get(gap.rule_id)
        if gap.count is None or old is None or old.count is None:
            continue
        share_before, share_after = old.count / first.responses, gap.count / second.responses
        margin = _margin(before, after, share_before, share_after, rule)
        difference = 100 * (share_after - share_before)
        low, high = math.floor(difference - margin), math.ceil(difference + margin)
        changes.append(
            TermChange(
                rule_id=gap.rule_id,
                title=gap.title,
                before=round(100 * old.count / first.responses),
                after=round(100 * gap.count / second.responses),
                change=round(difference),
                low=low,
                high=high,
                changed=abs(difference) > margin,
            )
        )
    changes.sort(key=lambda item: (not item.changed, -abs(item.change), item.rule_id))
    return tuple(changes)
