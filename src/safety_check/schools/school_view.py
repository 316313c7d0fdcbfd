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
took part (each term's students as a sample of the year group: z standard errors of the
difference of two shares, z = 1.96 at 95%), put together as independent errors (in quadrature,
as the variance of a sum adds). Students come class by class, and a class leans its own way, so
each share's variance is widened by the design effect (`CLASS_CORRELATION`). Only published
figures go in (counts with noise, the number of responses and of classes), so the comparison
costs no privacy. Each comparison also states about the smallest change it marks for its sizes
(`smallest_marked`), since a teacher would otherwise read "no change marked" as "no change".

What it can find (bench/privacy.py, `python -m bench.privacy terms`, year groups of 8 classes of
30, 1,000 runs): when nothing changed, 0.03% of actions are flagged when the same students
answer again next term and 3.99% when next year's students answer; a 12-point rise is found in
59.1% of runs with the same students and 52.6% with new ones, and 4 times in 5 from 13 points
(same) or 17 points (new). With new students, chance in who took part is real and most of the
interval's width, so no width finds 12 points 4 times in 5 while flagging at most 5% of their
unchanged actions (a 90% interval flags 8.3% and finds 64.5%).
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
(8.3% of new students' actions in the simulation, over the 5% allowed). A 95% interval that
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
changes and finds fewer real ones. At ρ = 0.01 new students' unchanged actions are flagged 5.7%
of the time. A 90% interval with ρ = 0.04 flags 4.8%, 5.1% and 4.7% (three seeds of 1,000
runs): too close to the 5% bound to keep for what it adds (a 12-point rise found in 55% of runs
with new students instead of 53%, 70% with the same students instead of 59%)."""


class ChangeRule(msgspec.Struct, frozen=True, kw_only=True):
    """How wide a change's interval is: its level and the class correlation it allows for."""

    level: float = CHANGE_LEVEL
    correlation: float = CLASS_CORRELATION

    @property
    def z(self) -> float:
        """Standard errors of a normal error that hold it `level` of the time, both sides."""
        return NormalDist().inv_cdf((1 + self.level) / 2)


CHANGE_RULE = ChangeRule()

NO_YEAR_GROUP = ""
"""The year group of classes made without one: they form a group of their own."""


class SchoolView(msgspec.Struct, frozen=True, kw_only=True):
    term: Term
    year_group: str
    classes: int
    """Closed classes counted, small ones included."""
    report: Report


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


def _margin(
    before: SchoolView,
    after: SchoolView,
    share_before: float,
    share_after: float,
    rule: ChangeRule,
) -> float:
    """Half the width of a change's interval, in percentage points, for these two shares."""
    first, second = before.report.responses or 0, after.report.responses or 0
    sampling = rule.z * math.sqrt(
        design_effect(before, rule.correlation) * share_before * (1 - share_before) / first
        + design_effect(after, rule.correlation) * share_after * (1 - share_after) / second
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
