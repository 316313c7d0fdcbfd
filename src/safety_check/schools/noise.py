"""Noise for class reports: the two-sided geometric mechanism, drawn once per class and figure.

Every published count is the true count plus Z, where P(Z = z) is proportional to α^|z| with
α = 2/3 exactly (the discrete Laplace distribution, ε = ln 3/2 per count). Whatever else someone
knows, even every other response in the class, a figure that one student's answer moves by 1 is
at most 3/2 times as likely to come out any given way with that answer as without it. So a guess
about that answer, made from that figure, is right at most 3/5 = 60 % of the time when a coin toss
is right 50 % of the time.

The noise is drawn from a keyed stream (HMAC-SHA-256 in counter mode, a pseudorandom function),
keyed per class with a secret only the server holds. The same class and figure always get the
same noise, so reloading the page, the CSV, the print view and the API give one set of numbers,
and asking again never gives a fresh draw to average away. Sampling is exact: integer trials
with probability 2/3 drawn by rejection from whole bytes, no floating point, so no rounding
artefact in the tails can leak the true count (as it can with floating-point Laplace noise).
"""

from __future__ import annotations

import hashlib
import hmac
import math
from collections.abc import Iterator
from fractions import Fraction

ALPHA_NUMERATOR = 2
ALPHA_DENOMINATOR = 3
EPSILON = math.log(ALPHA_DENOMINATOR / ALPHA_NUMERATOR)
"""Privacy loss per published count: ε = ln 1.5 ≈ 0.405."""
GUESS_LIMIT = ALPHA_DENOMINATOR / (ALPHA_NUMERATOR + ALPHA_DENOMINATOR)
"""e^ε / (1 + e^ε) = 0.6: the best any guess from one figure can do against a 50 % prior."""
INTERVAL_MARGIN = 6
"""A published count is within this many students of the truth at least 9 times in 10."""
INTERVAL_LEVEL = 0.9
"""The level stated to teachers: "9 times in 10" (the margin's true level is just above it)."""
KEY_CONTEXT = b"safety-check class report noise v1\x00"
ORDER_ALPHA = (1, 2)
"""The order of a class's actions is drawn apart from their figures, with α = 1/2 (ε = ln 2):
less noise than the figures, because a noisy order leaves the most common action out of the
top three too often (bench/privacy.py measures both)."""
ORDER_EPSILON = math.log(ORDER_ALPHA[1] / ORDER_ALPHA[0])
ACTION_GUESS_LIMIT = 1 - 1 / (1 + math.exp(EPSILON + ORDER_EPSILON))
"""3/4: the best guess about whether one student's plan had an action, from its figure and its
place in the order together (ε = ln 1.5 + ln 2 = ln 3)."""


def class_noise_key(server_secret: bytes, class_id: str) -> bytes:
    """The key for one class's noise: unknown to anyone without the server's secret."""
    return hmac.new(server_secret, KEY_CONTEXT + class_id.encode(), hashlib.sha256).digest()


def _bytes(key: bytes, label: str) -> Iterator[int]:
    counter = 0
    while True:
        block = hmac.new(key, f"{label}\x00{counter}".encode(), hashlib.sha256).digest()
        yield from block
        counter += 1


def _trials(stream: Iterator[int], numerator: int, denominator: int) -> Iterator[bool]:
    """Independent trials that succeed with probability exactly numerator / denominator."""
    reject_from = 256 - 256 % denominator  # bytes at or above this would bias the draw
    for byte in stream:
        if byte < reject_from:
            yield byte % denominator < numerator


def _geometric(trials: Iterator[bool]) -> int:
    """Successes before the first failure: P(k) = (1 - α) α^k."""
    count = 0
    while next(trials):
        count += 1
    return count


def noise(
    key: bytes, label: str, alpha: tuple[int, int] = (ALPHA_NUMERATOR, ALPHA_DENOMINATOR)
) -> int:
    """The noise for the figure named `label` in the class keyed by `key` (always the same).

    The difference of two independent geometric draws is two-sided geometric:
    P(Z = z) = (1 - α) / (1 + α) · α^|z|.
    """
    trials = _trials(_bytes(key, label), *alpha)
    return _geometric(trials) - _geometric(trials)


def mean_absolute_noise() -> float:
    """E|Z| = 2α / (1 - α²): the average distance of a figure from the truth before clamping."""
    alpha = ALPHA_NUMERATOR / ALPHA_DENOMINATOR
    return 2 * alpha / (1 - alpha**2)


def within_margin(margin: int = INTERVAL_MARGIN) -> Fraction:
    """P(|Z| <= margin) = 1 - 2 α^(margin+1) / (1 + α), exactly: the interval's true level."""
    alpha = Fraction(ALPHA_NUMERATOR, ALPHA_DENOMINATOR)
    return 1 - 2 * alpha ** (margin + 1) / (1 + alpha)
