"""The noise on class reports: exact two-sided geometric draws, fixed per class and figure, and
attacks by someone who controls every response but one doing no better than the stated limit.

The attacks are the ones a privacy test found against the old rules (exact counts with small
ones hidden, then rounding to 5): both recovered every answer, every time. Each is run over many
random targets with fixed seeds (so a run is repeatable); the success rate must stay within three
standard errors of the limit, e^ε / (1 + e^ε) = 0.6 for one figure. `bench/privacy.py` prints the
same figures.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

import pytest

from bench.privacy import (
    TWO_FIGURE_LIMIT,
    Tally,
    band_attack,
    boundary_attack,
    order_attack,
    padding_attack,
)
from safety_check.schools import report as report_module
from safety_check.schools.noise import (
    ACTION_GUESS_LIMIT,
    ALPHA_DENOMINATOR,
    ALPHA_NUMERATOR,
    EPSILON,
    GUESS_LIMIT,
    ORDER_ALPHA,
    _trials,
    class_noise_key,
    mean_absolute_noise,
    noise,
)

RUNS = 300
"""Classes per attack: 300 x 53 actions = 15,900 guesses each (band: 3,000)."""
KEY = bytes(range(32))


def exact_probability(z: int) -> float:
    alpha = ALPHA_NUMERATOR / ALPHA_DENOMINATOR
    return (1 - alpha) / (1 + alpha) * alpha ** abs(z)


def test_the_stated_guarantee() -> None:
    assert math.isclose(EPSILON, math.log(1.5))
    assert math.isclose(GUESS_LIMIT, 0.6)
    assert math.isclose(math.exp(EPSILON) / (1 + math.exp(EPSILON)), GUESS_LIMIT)
    assert math.isclose(TWO_FIGURE_LIMIT, 2.25 / 3.25)


@pytest.mark.parametrize(
    ("alpha", "kept"), [((ALPHA_NUMERATOR, ALPHA_DENOMINATOR), 255), (ORDER_ALPHA, 256)]
)
def test_each_trial_succeeds_with_probability_exactly_alpha(
    alpha: tuple[int, int], kept: int
) -> None:
    """Bytes are taken whole, and those that would bias the draw are thrown away: over every
    byte value once, the trials kept succeed in exactly the proportion α."""
    trials = list(_trials(iter(range(256)), *alpha))
    assert len(trials) == kept
    assert sum(trials) * alpha[1] == kept * alpha[0]


def test_noise_is_fixed_per_class_and_figure() -> None:
    """Asking again never gives a new draw to average away."""
    assert [noise(KEY, f"action:{index}") for index in range(50)] == [
        noise(KEY, f"action:{index}") for index in range(50)
    ]
    other = bytes(32)
    draws = [noise(KEY, f"action:{index}") for index in range(200)]
    assert draws != [noise(other, f"action:{index}") for index in range(200)]
    assert len(set(draws)) > 5


def test_class_keys_depend_on_the_class_and_the_server_secret() -> None:
    secret, other_secret = b"s" * 32, b"t" * 32
    key = class_noise_key(secret, "abc")
    assert key == class_noise_key(secret, "abc") and len(key) == 32
    assert key != class_noise_key(secret, "abd")
    assert key != class_noise_key(other_secret, "abc")


def test_noise_follows_the_two_sided_geometric_distribution() -> None:
    """40,000 draws: each value from -5 to 5 within 4 standard errors of its exact probability,
    symmetric, and the mean distance from 0 close to 2α / (1 - α²) = 2.4."""
    draws = 40_000
    counts = Counter(noise(KEY, f"figure:{index}") for index in range(draws))
    for z in range(-5, 6):
        p = exact_probability(z)
        error = 4 * math.sqrt(p * (1 - p) / draws)
        assert abs(counts[z] / draws - p) < error, (z, counts[z] / draws, p)
    mean = sum(z * n for z, n in counts.items()) / draws
    assert abs(mean) < 0.1
    mean_distance = sum(abs(z) * n for z, n in counts.items()) / draws
    assert math.isclose(mean_absolute_noise(), 2.4)
    assert abs(mean_distance - 2.4) < 0.1


def assert_within_limit(right: int, runs: int, limit: float) -> None:
    slack = 3 * math.sqrt(limit * (1 - limit) / runs)
    assert right / runs <= limit + slack, (right, runs, limit, slack)


def test_padding_attack_does_no_better_than_the_limit() -> None:
    """The target plus 10-29 empty responses: neither reading of c (has it, or hasn't) works."""
    c_means_yes, shown_means_yes = padding_attack(RUNS, seed=11)
    assert c_means_yes.runs == RUNS * len(report_module.REPORTABLE_RULES)
    assert_within_limit(c_means_yes.right, c_means_yes.runs, GUESS_LIMIT)
    assert_within_limit(shown_means_yes.right, shown_means_yes.runs, GUESS_LIMIT)


def test_rounding_boundary_attack_does_no_better_than_the_limit() -> None:
    tally = boundary_attack(RUNS, seed=12)
    assert_within_limit(tally.right, tally.runs, GUESS_LIMIT)


def test_score_band_attack_does_no_better_than_the_two_figure_limit() -> None:
    """One student's band moves two figures, so the limit is e^2ε / (1 + e^2ε) ≈ 0.69."""
    tally = band_attack(RUNS, seed=13)
    assert tally.runs == RUNS * 10
    assert_within_limit(tally.right, tally.runs, TWO_FIGURE_LIMIT)


def test_order_and_figure_together_do_no_better_than_their_joint_limit() -> None:
    """An action's place in the order has its own draw (ε = ln 2) besides its figure's
    (ε = ln 1.5): a guess using both is held to e^ln3 / (1 + e^ln3) = 3/4."""
    assert math.isclose(ACTION_GUESS_LIMIT, 0.75)
    tally = order_attack(RUNS, seed=15)
    assert tally.runs == RUNS * len(report_module.REPORTABLE_RULES)
    assert_within_limit(tally.right, tally.runs, ACTION_GUESS_LIMIT)


@pytest.mark.parametrize("attack", [boundary_attack, band_attack])
def test_without_noise_the_same_attacks_recover_every_answer(
    attack: Callable[[int, int], Tally], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attacks have teeth: with the noise taken out they read every answer exactly, so the
    limits above hold because of the noise, not because the attacks are weak. (The padding
    attack needs no control: 0, 1 and 2 all print as c even without noise.)"""
    monkeypatch.setattr(report_module, "noise", lambda key, label, alpha=None: 0)
    tally = attack(40, 14)
    assert tally.right == tally.runs
