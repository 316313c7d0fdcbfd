"""Class reports: how well attacks on one student do, and what the noise costs in accuracy.

    .venv/bin/python -m bench.privacy            # RUNS=400 CLASSES=300 TERM_RUNS=1000 by default
    .venv/bin/python -m bench.privacy terms      # only the term-on-term table

Attacks (an attacker who holds the join code controls every response but the target's):

- padding: the target answers, the attacker adds 10 to 29 responses with nothing in them (only an
  age band), closes the check and reads every action's figure. Against the old rules a ``c``
  meant the target has the action and a 0 that they don't. Two guessers are scored: that
  reading, and the opposite one (a shown figure means "has it").
- boundary: the padding carries the attacked action in p of its responses, p chosen so that the
  target's answer decides which way the old rounding to 5 went (p = 12: 12 -> 10, 13 -> 15). The
  guess is "has it" when the figure is above p (``c`` read as 0).
- band: the padding all score 0-24 in every area; the target scores either 0-24 or 75-100, a coin
  toss per area. One answer moves two figures here (both bands), so the stated limit is
  e^2ε / (1 + e^2ε). The guess compares the top band's figure with the bottom band's excess.

Each target fact is a fair coin, so guessing at random is right half the time. The limit for one
figure is e^ε / (1 + e^ε) = 0.6; a measured rate sits within sampling error (3 standard errors
are printed) of at most that.

Utility: classes of 30 made of realistic students (bench/generate_responses.py's answer
generator, then the real plan and record code), each report built with a fresh class key. For
every figure the report shows as a number: the mean absolute difference between the published
and the true count, next to what rounding to 5 used to cost. Also: the share of figures with a
true count of 3 or more that came out as ``c``.
"""

from __future__ import annotations

import math
import os
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import msgspec

from safety_check.answers import prune, validate
from safety_check.models import AREAS
from safety_check.plan import build_plan
from safety_check.schools.noise import (
    ACTION_GUESS_LIMIT,
    ALPHA_DENOMINATOR,
    ALPHA_NUMERATOR,
    EPSILON,
    GUESS_LIMIT,
)
from safety_check.schools.record import REPORTABLE_RULES, ResponseRecord, record_for
from safety_check.schools.report import NO_SCORE, SCORE_BANDS, Report, build_report
from safety_check.schools.school import Term
from safety_check.schools.school_view import (
    CHANGE_RULE,
    CLASS_CORRELATION,
    NO_YEAR_GROUP,
    ChangeRule,
    SchoolView,
    change_margin,
    compare,
    design_effect,
)

NO_SCORES: tuple[int | None, ...] = (None,) * len(AREAS)
BOUNDARY_PADDING = (7, 12, 17)
"""Padding counts where one more student flips rounding to 5 (7 -> 5, 8 -> 10; 12 -> 10, ...)."""
TWO_FIGURE_LIMIT = math.exp(2 * EPSILON) / (1 + math.exp(2 * EPSILON))


@dataclass
class Tally:
    runs: int = 0
    right: int = 0

    def add(self, guess: bool, truth: bool) -> None:
        self.runs += 1
        self.right += guess == truth

    @property
    def rate(self) -> float:
        return self.right / self.runs if self.runs else 0.0

    def slack(self, limit: float) -> float:
        """Three standard errors of a rate whose true value is `limit`."""
        return 3 * math.sqrt(limit * (1 - limit) / self.runs)


Builder = Callable[[list[ResponseRecord], bytes], Report]


def closed_report(records: list[ResponseRecord], key: bytes) -> Report:
    return build_report(records, "13_15", closed=True, noise_key=key)


def _target_actions(rng: random.Random) -> tuple[str, ...]:
    return tuple(rule for rule in REPORTABLE_RULES if rng.random() < 0.5)


def _counts(report: Report) -> dict[str, int | None]:
    return {gap.rule_id: gap.count for gap in report.gaps}


def padding_attack(runs: int, seed: int, build: Builder = closed_report) -> tuple[Tally, Tally]:
    """(``c`` means "has it", a shown figure means "has it"), over every action of each run."""
    rng = random.Random(seed)
    c_means_yes, shown_means_yes = Tally(), Tally()
    for _ in range(runs):
        actions = _target_actions(rng)
        target = ResponseRecord(scores=NO_SCORES, recommended=actions)
        padding = [ResponseRecord(scores=NO_SCORES, recommended=())] * rng.randint(10, 29)
        counts = _counts(build([target, *padding], rng.randbytes(32)))
        for rule in REPORTABLE_RULES:
            truth = rule in actions
            c_means_yes.add(counts[rule] is None, truth)
            shown_means_yes.add(counts[rule] is not None, truth)
    return c_means_yes, shown_means_yes


def boundary_attack(runs: int, seed: int, build: Builder = closed_report) -> Tally:
    """Padding puts each action's count where the target's answer tips the old rounding."""
    rng = random.Random(seed)
    tally = Tally()
    for _ in range(runs):
        size = rng.randint(20, 29)
        carried = {rule: rng.choice(BOUNDARY_PADDING) for rule in REPORTABLE_RULES}
        padding = [
            ResponseRecord(
                scores=NO_SCORES,
                recommended=tuple(rule for rule, p in carried.items() if index < p),
            )
            for index in range(size)
        ]
        actions = _target_actions(rng)
        target = ResponseRecord(scores=NO_SCORES, recommended=actions)
        counts = _counts(build([target, *padding], rng.randbytes(32)))
        for rule, p in carried.items():
            tally.add((counts[rule] or 0) > p, rule in actions)
    return tally


def order_attack(runs: int, seed: int, build: Builder = closed_report) -> Tally:
    """Half the padding carries every action and half none, so all counts are level but for the
    target's own; the guess reads each action's place in the published order and its figure
    together: "has it" when its figure is above the padding's, or, with a figure level with
    it, when it sits in the upper half of the order.
    Its limit is e^(ε + ε_order) / (1 + e^(ε + ε_order)) = 0.75 (`ACTION_GUESS_LIMIT`)."""
    rng = random.Random(seed)
    tally = Tally()
    for _ in range(runs):
        size = rng.randint(15, 25)
        carried = size // 2
        padding = [ResponseRecord(scores=NO_SCORES, recommended=REPORTABLE_RULES)] * carried
        padding += [ResponseRecord(scores=NO_SCORES, recommended=())] * (size - carried)
        actions = _target_actions(rng)
        target = ResponseRecord(scores=NO_SCORES, recommended=actions)
        report = build([target, *padding], rng.randbytes(32))
        shown = [gap.rule_id for gap in report.gaps if gap.count is not None]
        place = {rule: index for index, rule in enumerate(shown)}
        counts = _counts(report)
        for rule in REPORTABLE_RULES:
            upper = place.get(rule, len(shown)) < len(shown) / 2
            figure = counts[rule] or 0
            tally.add(upper if figure == carried else figure > carried, rule in actions)
    return tally


def school_report(records: list[ResponseRecord], key: bytes) -> Report:
    """A school's view of these records, built as the service builds it."""
    return build_report(records, None, closed=True, noise_key=key, order_draw=False)


def school_attack(
    runs: int, seed: int, build: Builder = closed_report, school: Builder = school_report
) -> Tally:
    """The padding attack on a class and its school's view together: the attacker controls
    every response in the school but the target's (their class padded with 10-29 responses,
    half of them carrying every action, and two more classes of 30 carrying each action in
    half of theirs), and reads, for each action, the class's figure and the school's. Both move
    with the target's answer, so the limit is e^2ε / (1 + e^2ε) = 0.69: the guess is "has it"
    when the two figures together are above what the padding alone puts there."""
    rng = random.Random(seed)
    tally = Tally()
    for _ in range(runs):
        actions = _target_actions(rng)
        target = ResponseRecord(scores=NO_SCORES, recommended=actions)
        size = rng.randint(10, 29)
        carried = size // 2
        padding = [ResponseRecord(scores=NO_SCORES, recommended=REPORTABLE_RULES)] * carried
        padding += [ResponseRecord(scores=NO_SCORES, recommended=())] * (size - carried)
        others = [ResponseRecord(scores=NO_SCORES, recommended=REPORTABLE_RULES)] * 30
        others += [ResponseRecord(scores=NO_SCORES, recommended=())] * 30
        in_class = _counts(build([target, *padding], rng.randbytes(32)))
        in_school = _counts(school([target, *padding, *others], rng.randbytes(32)))
        for rule in REPORTABLE_RULES:
            excess = (in_class[rule] or 1) - carried + (in_school[rule] or 1) - carried - 30
            tally.add(excess > 0, rule in actions)
    return tally


def band_attack(runs: int, seed: int, build: Builder = closed_report) -> Tally:
    """The target's band in each area: bottom or top, told apart using both figures it moves."""
    rng = random.Random(seed)
    tally = Tally()
    for _ in range(runs):
        size = rng.randint(10, 29)
        top = [rng.random() < 0.5 for _ in AREAS]
        target = ResponseRecord(scores=tuple(90 if high else 10 for high in top), recommended=())
        padding = [ResponseRecord(scores=(10,) * len(AREAS), recommended=())] * size
        report = build([target, *padding], rng.randbytes(32))
        for area, high in zip(report.areas, top, strict=True):
            if area.scored is None:
                tally.add(False, high)
                continue
            bottom, top_band = area.bands[0].count, area.bands[-1].count
            # c is read as 1 (the middle of 0-2); the padding's own bottom-band count is known.
            excess = (1 if bottom is None else bottom) - size
            tally.add((1 if top_band is None else top_band) - excess > 0, high)
    return tally


# Utility ---------------------------------------------------------------------------------------


def realistic_class(rng: random.Random, size: int) -> list[ResponseRecord]:
    from bench.generate_responses import random_answers

    records = []
    for _ in range(size):
        answers = validate(prune(random_answers(rng, "13_15")))
        records.append(record_for(answers, build_plan(answers)))
    return records


def true_figures(records: list[ResponseRecord]) -> tuple[dict[str, int], list[list[int]]]:
    actions = {rule: sum(rule in set(r.recommended) for r in records) for rule in REPORTABLE_RULES}
    bands = []
    for index in range(len(AREAS)):
        row = [0] * (NO_SCORE + 1)
        for record in records:
            score = record.scores[index]
            slot = NO_SCORE
            if score is not None:
                slot = next(
                    i for i, (_, low, high) in enumerate(SCORE_BANDS) if low <= score <= high
                )
            row[slot] += 1
        bands.append(row)
    return actions, bands


def utility(classes: int, seed: int, size: int = 30) -> dict[str, float]:
    rng = random.Random(seed)
    errors: list[int] = []
    rounding_errors: list[int] = []
    lost = kept = 0
    for _ in range(classes):
        records = realistic_class(rng, size)
        actions, bands = true_figures(records)
        report = closed_report(records, rng.randbytes(32))
        pairs: list[tuple[int | None, int]] = [
            (gap.count, actions[gap.rule_id]) for gap in report.gaps
        ]
        for area, row in zip(report.areas, bands, strict=True):
            if area.scored is None:
                continue
            pairs.append((area.scored, size - row[NO_SCORE]))
            pairs += [(cell.count, true) for cell, true in zip(area.bands, row, strict=False)]
        for published, true in pairs:
            if published is None:
                lost += true >= 3
                continue
            kept += 1
            errors.append(abs(published - true))
            rounding_errors.append(abs(5 * round(true / 5) - true))
    return {
        "figures": len(errors),
        "mean_abs_error": sum(errors) / len(errors),
        "rounding_mean_abs_error": sum(rounding_errors) / len(rounding_errors),
        "lost_share": lost / (lost + kept),
    }


CLASS_SIZES = (14, 20, 30)


@dataclass
class Ranking:
    """How a size of class fares: the true top action among the published top three, and
    figures whose true count lies outside their published range."""

    classes: int = 0
    top_found: int = 0
    figures: int = 0
    outside: int = 0
    top_figures: int = 0
    top_outside: int = 0

    @property
    def top_rate(self) -> float:
        return self.top_found / self.classes

    @property
    def outside_rate(self) -> float:
        return self.outside / self.figures

    @property
    def top_outside_rate(self) -> float:
        return self.top_outside / self.top_figures if self.top_figures else 0.0


def record_pool(rng: random.Random, per_band: int) -> dict[str, list[ResponseRecord]]:
    """Realistic students per age band, each made by the real plan and record code once.

    A class is then a draw from its age band's pool, with a class-wide lean towards the safest
    option (some classes were taught this before, some were not), so classes differ as real ones
    do rather than all looking like the average student.
    """
    from bench.generate_responses import random_answers

    pool: dict[str, list[ResponseRecord]] = {}
    for band in ("under_13", "13_15", "16_17"):
        records = []
        for index in range(per_band):
            safe = (0.15, 0.35, 0.6)[index % 3]
            answers = validate(prune(random_answers(rng, band, safe_rate=safe)))
            records.append(record_for(answers, build_plan(answers)))
        pool[band] = records
    return pool


def _pool_class(
    rng: random.Random, pool: dict[str, list[ResponseRecord]], size: int
) -> list[ResponseRecord]:
    band = rng.choice(sorted(pool))
    lean = rng.randrange(3)  # students of one lean are every third record of the pool
    students = pool[band]
    leaning = students[lean::3]
    return [rng.choice(leaning if rng.random() < 0.6 else students) for _ in range(size)]


def _ranges(
    report: Report, actions: dict[str, int], bands: list[list[int]]
) -> list[tuple[int, int, int]]:
    """(true, low, high) for every figure with a published range."""
    triples = [(actions[gap.rule_id], gap.range.low, gap.range.high) for gap in report.gaps]
    for area, row in zip(report.areas, bands, strict=True):
        triples += [
            (true, cell.range.low, cell.range.high)
            for cell, true in zip(area.bands, row, strict=False)
        ]
    return triples


def ranking(classes: int, size: int, seed: int, pool: dict[str, list[ResponseRecord]]) -> Ranking:
    """Published top three and published ranges against the truth, over `classes` classes."""
    rng = random.Random(seed)
    result = Ranking()
    for _ in range(classes):
        records = _pool_class(rng, pool, size)
        actions, bands = true_figures(records)
        report = closed_report(records, rng.randbytes(32))
        most = max(actions.values())
        shown = [gap for gap in report.gaps if gap.count is not None][:3]
        result.classes += 1
        result.top_found += any(actions[gap.rule_id] == most for gap in shown)
        for true, low, high in _ranges(report, actions, bands):
            result.figures += 1
            result.outside += not low <= true <= high
        for gap in shown:
            result.top_figures += 1
            result.top_outside += not gap.range.low <= actions[gap.rule_id] <= gap.range.high
    return result


@dataclass
class TermFlags:
    """Changes flagged by one rule between two terms' school views of a year group of 8 classes
    of 30. "Same students" is the year group checked again next term, everyone taking part;
    "away" is the same with each student taking part each term by chance (`taking_part`);
    "new students" is next year's year group, drawn from the same population."""

    same_compared: int = 0
    same_flagged: int = 0
    """Nothing changed: the same students' answers both terms, fresh noise."""
    away_compared: int = 0
    away_flagged: int = 0
    """Nothing changed: the same students' answers, but some away one term or the other."""
    fresh_compared: int = 0
    fresh_flagged: int = 0
    """Nothing changed but who answered: new students from the same population."""
    fresh_middling_compared: int = 0
    fresh_middling_flagged: int = 0
    """The same, counting only actions that 20% to 70% were advised to take (those a rise is
    put into below), where a share varies most."""
    moved: int = 0
    moved_found: int = 0
    """One action's share went up by the rise between the terms (the same students)."""
    away_moved_found: int = 0
    """The same rise, with some students away one term or the other."""
    fresh_moved_found: int = 0
    """The same rise, with new students in the later term."""

    @property
    def false_rate(self) -> float:
        return self.same_flagged / self.same_compared

    @property
    def away_rate(self) -> float:
        return self.away_flagged / self.away_compared

    @property
    def fresh_rate(self) -> float:
        return self.fresh_flagged / self.fresh_compared

    @property
    def fresh_middling_rate(self) -> float:
        return self.fresh_middling_flagged / self.fresh_middling_compared

    @property
    def detection(self) -> float:
        """How often the rise was found with the same students."""
        return self.moved_found / self.moved

    @property
    def away_detection(self) -> float:
        """How often the rise was found with the same students, some away."""
        return self.away_moved_found / self.moved

    @property
    def fresh_detection(self) -> float:
        """How often the rise was found with new students."""
        return self.fresh_moved_found / self.moved


YEAR_GROUP_CLASSES = 8
TAKING_PART_USUALLY = 0.9
"""The chance a student takes part in a term's check in the "away" case: about a school day's
attendance in England's secondary schools (91% in 2023/24)."""
YEAR_GROUP = YEAR_GROUP_CLASSES * 30
TERM_CHANGE = 12

Flagger = Callable[[SchoolView, SchoolView], dict[str, bool]]
"""A candidate rule: for two terms' views, whether each action compared is marked changed."""


def flagged_by(rule: ChangeRule) -> Flagger:
    """The service's comparison (`compare`) with this rule."""

    def flags(before: SchoolView, after: SchoolView) -> dict[str, bool]:
        return {change.rule_id: change.changed for change in compare(before, after, rule=rule)}

    return flags


def noise_only(before: SchoolView, after: SchoolView) -> dict[str, bool]:
    """The noise's exact 95% margin alone, with no allowance for who took part: right only if
    every student of the year group took part in both terms. The service's rule within a
    school year adds an allowance for students away (`PARTICIPATION`), and between school
    years one for chance in who is in the year group."""
    first, second = before.report, after.report
    if not (first.responses and second.responses):
        return {}
    margin = change_margin(first.responses, second.responses)
    earlier = {gap.rule_id: gap.count for gap in first.gaps if gap.count is not None}
    return {
        gap.rule_id: abs(gap.count / second.responses - earlier[gap.rule_id] / first.responses)
        > margin
        for gap in second.gaps
        if gap.count is not None and gap.rule_id in earlier
    }


def variance_rule(level: float, correlation: float = CLASS_CORRELATION) -> Flagger:
    """The interval from the variance of the difference alone: z·sd, where the variance adds
    the noise's (exactly 2α/(1 - α)² = 12 per count) to each share's sampling variance with the
    design effect. The service's rule differs only in the noise part, whose exact margin it
    uses, because the noise has heavier tails than a normal error: z·sd holds the difference of
    two noise draws 93.9% of the time at 95%."""
    z = ChangeRule(level=level).z
    alpha = ALPHA_NUMERATOR / ALPHA_DENOMINATOR
    noise_variance = 2 * alpha / (1 - alpha) ** 2

    def flags(before: SchoolView, after: SchoolView) -> dict[str, bool]:
        first, second = before.report, after.report
        if not (first.responses and second.responses):
            return {}
        n1, n2 = first.responses, second.responses
        inflate1, inflate2 = design_effect(before, correlation), design_effect(after, correlation)
        earlier = {gap.rule_id: gap.count / n1 for gap in first.gaps if gap.count is not None}
        found = {}
        for gap in second.gaps:
            if gap.count is None or gap.rule_id not in earlier:
                continue
            p1, p2 = earlier[gap.rule_id], gap.count / n2
            variance = noise_variance * (1 / n1**2 + 1 / n2**2)
            variance += inflate1 * p1 * (1 - p1) / n1 + inflate2 * p2 * (1 - p2) / n2
            found[gap.rule_id] = abs(p2 - p1) > z * math.sqrt(variance)
        return found

    return flags


KEPT = "95% interval, rho 0.02 (the service's)"
NINETY = "90% interval, rho 0.02"
NO_DESIGN_EFFECT = "95% interval, rho 0 (no design effect)"
TERM_RULES: dict[str, Flagger] = {
    KEPT: flagged_by(CHANGE_RULE),
    NINETY: flagged_by(ChangeRule(level=0.9)),
    "90% interval, rho 0.04": flagged_by(ChangeRule(level=0.9, correlation=0.04)),
    "90% from the variance alone, rho 0.02": variance_rule(0.9),
    "95% from the variance alone, rho 0.02": variance_rule(0.95),
    "90% from the variance alone, rho 0.04": variance_rule(0.9, 0.04),
    "95% interval, rho 0.01": flagged_by(ChangeRule(correlation=0.01)),
    "95% interval, rho 0.03": flagged_by(ChangeRule(correlation=0.03)),
    NO_DESIGN_EFFECT: flagged_by(ChangeRule(correlation=0.0)),
    "the noise alone (no allowance for who took part)": noise_only,
}
"""Candidate rules, measured together on the same simulated year groups."""


FIRST_TERM, NEXT_TERM, NEXT_YEAR = "2026-1", "2026-2", "2027-1"
"""Autumn 2026, spring 2027 (one school year: the same students) and autumn 2027 (the next)."""
YEAR_GROUP_NAME = "Year 9"
CLASS_NAMES = tuple(f"9/{number}" for number in range(1, YEAR_GROUP_CLASSES + 1))


def _view(
    records: list[ResponseRecord],
    term_id: str,
    key: bytes,
    year_group: str = NO_YEAR_GROUP,
    class_names: tuple[str, ...] = (),
) -> SchoolView:
    term = Term(id=term_id, title=term_id, first_day="", last_day="")
    return SchoolView(
        term=term,
        year_group=year_group,
        classes=len(class_names) or YEAR_GROUP_CLASSES,
        report=school_report(records, key),
        class_names=class_names,
    )


def _present(
    rng: random.Random, records: list[ResponseRecord], taking_part: float
) -> list[ResponseRecord]:
    """The students who took part in one term's check, each independently."""
    return [record for record in records if rng.random() < taking_part]


def _raised(records: list[ResponseRecord], rule: str, students: int) -> list[ResponseRecord]:
    """The same records with `students` more of them advised to take `rule`."""
    raised, left = [], students
    for record in records:
        if left and rule not in record.recommended:
            record = ResponseRecord(scores=record.scores, recommended=(*record.recommended, rule))
            left -= 1
        raised.append(record)
    return raised


def year_group(
    rng: random.Random, pool: dict[str, list[ResponseRecord]], band: str
) -> list[ResponseRecord]:
    """A year group's students: its classes all of one age band, each with its own lean."""
    own = {band: pool[band]}
    return [r for _ in range(YEAR_GROUP_CLASSES) for r in _pool_class(rng, own, 30)]


def term_changes(
    runs: int,
    seed: int,
    pool: dict[str, list[ResponseRecord]],
    rules: dict[str, Flagger] | None = None,
    points: int = TERM_CHANGE,
    taking_part: float = TAKING_PART_USUALLY,
) -> dict[str, TermFlags]:
    """Flags over `runs` year groups for each rule (the service's alone by default), every rule
    judging the same views; `points` is the rise in one action's share that is to be found, and
    `taking_part` the chance each student takes part in a term's check in the "away" case."""
    rules = rules or {KEPT: TERM_RULES[KEPT]}
    rng = random.Random(seed)
    flags = {name: TermFlags() for name in rules}
    moved_by = math.ceil(YEAR_GROUP * points / 100)

    def view(records: list[ResponseRecord], term_id: str) -> SchoolView:
        return _view(records, term_id, rng.randbytes(32), YEAR_GROUP_NAME, CLASS_NAMES)

    def judged(
        first: SchoolView, records: list[ResponseRecord], term_id: str
    ) -> dict[str, dict[str, bool]]:
        after = view(records, term_id)
        return {name: rule(first, after) for name, rule in rules.items()}

    for _ in range(runs):
        band = rng.choice(sorted(pool))
        before = year_group(rng, pool, band)
        first = view(before, FIRST_TERM)
        first_present = view(_present(rng, before, taking_part), FIRST_TERM)
        same = judged(first, before, NEXT_TERM)
        away = judged(first_present, _present(rng, before, taking_part), NEXT_TERM)
        fresh_records = year_group(rng, pool, band)
        fresh = judged(first, fresh_records, NEXT_YEAR)
        actions, _ = true_figures(before)
        middling = [
            rule for rule, n in actions.items() if 0.2 * YEAR_GROUP <= n <= 0.7 * YEAR_GROUP
        ]
        for name, tally in flags.items():
            tally.same_compared += len(same[name])
            tally.same_flagged += sum(same[name].values())
            tally.away_compared += len(away[name])
            tally.away_flagged += sum(away[name].values())
            tally.fresh_compared += len(fresh[name])
            tally.fresh_flagged += sum(fresh[name].values())
            shown = [rule for rule in middling if rule in fresh[name]]
            tally.fresh_middling_compared += len(shown)
            tally.fresh_middling_flagged += sum(fresh[name][rule] for rule in shown)
        if not middling:
            continue
        rule = rng.choice(middling)
        raised_records = _raised(before, rule, moved_by)
        raised = judged(first, raised_records, NEXT_TERM)
        raised_away = judged(first_present, _present(rng, raised_records, taking_part), NEXT_TERM)
        # New students from a population where `points` more in 100 are advised to take it.
        raised_fresh = judged(first, _raised(fresh_records, rule, moved_by), NEXT_YEAR)
        for name, tally in flags.items():
            tally.moved += 1
            tally.moved_found += raised[name].get(rule, False)
            tally.away_moved_found += raised_away[name].get(rule, False)
            tally.fresh_moved_found += raised_fresh[name].get(rule, False)
    return flags


def other_classes(
    runs: int, seed: int, pool: dict[str, list[ResponseRecord]], *, names_kept: bool = True
) -> tuple[int, int]:
    """Unchanged actions compared and flagged by the service's rule when one term of a school
    year checked half of a year group's classes and the next term the other half: other
    students, though of the same year group and school year. With `names_kept` false the
    views carry no class names, as if the rule could not tell the classes apart."""
    rng = random.Random(seed)
    half = YEAR_GROUP_CLASSES // 2
    compared = flagged = 0
    for _ in range(runs):
        records = year_group(rng, pool, rng.choice(sorted(pool)))
        first, second = records[: half * 30], records[half * 30 :]
        names = (CLASS_NAMES[:half], CLASS_NAMES[half:]) if names_kept else (("9",), ("9",))
        before = _view(first, FIRST_TERM, rng.randbytes(32), YEAR_GROUP_NAME, names[0])
        after = _view(second, NEXT_TERM, rng.randbytes(32), YEAR_GROUP_NAME, names[1])
        before, after = (msgspec.structs.replace(view, classes=half) for view in (before, after))
        found = flagged_by(CHANGE_RULE)(before, after)
        compared += len(found)
        flagged += sum(found.values())
    return compared, flagged


def _band(score: int | None) -> int:
    if score is None:
        return NO_SCORE
    return next(i for i, (_, low, high) in enumerate(SCORE_BANDS) if low <= score <= high)


def figures_moved(first: ResponseRecord, second: ResponseRecord) -> int:
    """Published figures that differ by one student's record changing from first to second:
    each action gained or lost, and two slots (out and in) for each area whose band changes."""
    actions = set(first.recommended) ^ set(second.recommended)
    moved = len(actions & set(REPORTABLE_RULES))
    return moved + 2 * sum(
        _band(a) != _band(b) for a, b in zip(first.scores, second.scores, strict=True)
    )


def answer_reach(students: int, seed: int) -> list[int]:
    """For realistic students, how many figures changing one answer (to each other option)
    moves: the k in the limit e^kε / (1 + e^kε) for a guess about that answer."""
    from bench.generate_responses import random_answers
    from safety_check.questionnaire import QUESTIONNAIRE

    rng = random.Random(seed)
    moved: list[int] = []
    for _ in range(students):
        raw = prune(random_answers(rng, "13_15"))
        answers = validate(raw)
        base = record_for(answers, build_plan(answers))
        for question in QUESTIONNAIRE.questions:
            if question.kind != "single" or question.id not in raw or question.section == "profile":
                continue
            for option in question.options:
                if option.id == raw[question.id]:
                    continue
                changed = prune({**raw, question.id: option.id})
                other = validate(changed)
                moved.append(figures_moved(base, record_for(other, build_plan(other))))
    return moved


TAKING_PART = (0.8, 0.7)
"""Fewer taking part each term, down to and below what the rule takes for granted
(`PARTICIPATION`)."""
RISES = (12, 13, 14, 16, 17)
"""Rises in one action's share (points) tried with the service's rule."""


def term_table(runs: int, pool: dict[str, list[ResponseRecord]]) -> None:
    """Every candidate rule on the same year groups with a 12-point rise, then the service's
    rule with fewer students taking part and against larger rises: the false flags and the
    detection, for the same students (all there, or some away) and for new ones."""
    print(
        f"term on term, year groups of 8 classes of 30, {runs} runs (false flags: share of "
        "compared actions flagged when nothing changed; found: share of runs the rise was "
        "flagged; away: each student takes part each term with the chance given, 90% if none)"
    )
    print(
        f"{'rule':60} {'false same':>10} {'false away':>10} {'false new':>10} "
        f"{'new 20-70%':>10} {'found same':>10} {'found away':>10} {'found new':>10}"
    )

    def row(label: str, tally: TermFlags) -> None:
        print(
            f"{label:60} {100 * tally.false_rate:9.2f}% {100 * tally.away_rate:9.2f}% "
            f"{100 * tally.fresh_rate:9.2f}% {100 * tally.fresh_middling_rate:9.2f}% "
            f"{100 * tally.detection:9.1f}% {100 * tally.away_detection:9.1f}% "
            f"{100 * tally.fresh_detection:9.1f}%"
        )

    for name, tally in term_changes(runs, seed=10, pool=pool, rules=TERM_RULES).items():
        row(f"{name}, {TERM_CHANGE}-point rise", tally)
    for taking_part in TAKING_PART:
        tally = term_changes(runs, 10, pool, taking_part=taking_part)[KEPT]
        row(f"{KEPT}, {TERM_CHANGE}-point rise, {taking_part:.0%} take part", tally)
    for points in RISES[1:]:
        row(f"{KEPT}, {points}-point rise", term_changes(runs, 10, pool, points=points)[KEPT])
    for names_kept in (True, False):
        compared, flagged = other_classes(runs, 10, pool, names_kept=names_kept)
        told = "told apart by name" if names_kept else "taken for the same"
        print(
            f"half the classes each term, other halves, {told}: {flagged} of {compared} "
            f"unchanged actions flagged ({100 * flagged / compared:.2f}%)"
        )


def main() -> None:
    if sys.argv[1:] == ["terms"]:
        term_table(int(os.environ.get("TERM_RUNS", "1000")), record_pool(random.Random(6), 300))
        return
    runs = int(os.environ.get("RUNS", "400"))
    classes = int(os.environ.get("CLASSES", "300"))
    print(
        f"epsilon per figure {EPSILON:.4f}; limit for one figure {GUESS_LIMIT:.3f}, "
        f"for two {TWO_FIGURE_LIMIT:.3f}"
    )
    literal, shown = padding_attack(runs, seed=1)
    boundary = boundary_attack(runs, seed=2)
    band = band_attack(runs, seed=3)
    ordered = order_attack(runs, seed=8)
    schooled = school_attack(runs, seed=9)
    for name, tally, limit in (
        ("padding, c = has it", literal, GUESS_LIMIT),
        ("padding, shown = has it", shown, GUESS_LIMIT),
        ("rounding boundary", boundary, GUESS_LIMIT),
        ("score band (2 figures)", band, TWO_FIGURE_LIMIT),
        ("order and figure", ordered, ACTION_GUESS_LIMIT),
        ("class and school figures", schooled, TWO_FIGURE_LIMIT),
    ):
        print(
            f"{name:26} {tally.right:6}/{tally.runs:<6} right = {tally.rate:.4f} "
            f"(limit {limit:.3f}, 3 s.e. {tally.slack(limit):.4f})"
        )
    moved = sorted(answer_reach(int(os.environ.get("STUDENTS", "40")), seed=5))
    spread = Counter(moved)
    print(
        f"figures moved by changing one answer ({len(moved)} changes): "
        + ", ".join(f"{k}: {100 * n / len(moved):.1f}%" for k, n in sorted(spread.items()))
        + f"; median {moved[len(moved) // 2]}, max {moved[-1]}"
    )
    pool = record_pool(random.Random(6), int(os.environ.get("POOL", "300")))
    for size in CLASS_SIZES:
        measured = ranking(classes, size, seed=7 + size, pool=pool)
        print(
            f"classes of {size} ({measured.classes}): true top action in the published top "
            f"three {100 * measured.top_rate:.1f}%; true count outside its 90% range "
            f"{100 * measured.outside_rate:.2f}% of {measured.figures} figures, "
            f"{100 * measured.top_outside_rate:.2f}% of {measured.top_figures} top-three figures"
        )
    term_table(int(os.environ.get("TERM_RUNS", "1000")), pool)
    figures = utility(classes, seed=4)
    print(
        f"classes of 30 ({classes} classes, {figures['figures']:.0f} shown figures): "
        f"mean |published - true| = {figures['mean_abs_error']:.2f} "
        f"(rounding to 5 would be {figures['rounding_mean_abs_error']:.2f}); "
        f"figures of 3 or more shown as c: {100 * figures['lost_share']:.1f}%"
    )


if __name__ == "__main__":
    main()
