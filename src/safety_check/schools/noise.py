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

ALPHA_NUMERATOR = 2
ALPHA_DENOMINATOR = 3
EPSILON = math.log(ALPHA_DENOMINATOR / ALPHA_NUMERATOR)
"""Privacy loss per published count: ε = ln 1.5 ≈ 0.405."""
GUESS_LIMIT = ALPHA_DENOMINATOR / (ALPHA_NUMERATOR + ALPHA_DENOMINATOR)
"""e^ε / (1 + e^ε) = 0.6: the best any guess from one figure can do against a 50 % prior."""
KEY_CONTEXT = b"safety-check class report noise v1\x00"
_REJECT_FROM = 256 - 256 % ALPHA_DENOMINATOR  # bytes at or above this would bias the draw


def class_noise_key(server_secret: bytes, class_id: str) -> bytes:
    """The key for one class's noise: unknown to anyone without the server's secret."""
    return hmac.new(server_secret, KEY_CONTEXT + class_id.encode(), hashlib.sha256).digest()


def _bytes(key: bytes, label: str) -> Iterator[int]:
    counter = 0
    while True:
        block = hmac.new(key, f"{label}\x00{counter}".encode(), hashlib.sha256).digest()
        yield from block
        counter += 1


def _trials(stream: Iterator[int]) -> Iterator[bool]:
    """Independent trials that succeed with probability exactly α = 2/3."""
    for byte in stream:
        if byte < _REJECT_FROM:
            yield byte % ALPHA_DENOMINATOR < ALPHA_NUMERATOR


def _geometric(trials: Iterator[bool]) -> int:
    """Successes before the first failure: P(k) = (1 - α) α^k."""
    count = 0
    while next(trials):
        count += 1
    return count


def noise(key: bytes, label: str) -> int:
    """The noise for the figure named `label` in the class keyed by `key` (always the same).

    The difference of two independent geometric draws is two-sided geometric:
    P(Z = z) = (1 - α) / (1 + α) · α^|z|.
    """
    trials = _trials(_bytes(key, label))
    return _geometric(trials) - _geometric(trials)


def mean_absolute_noise() -> float:
    """E|Z| = 2α / (1 - α²): the average distance of a figure from the truth before clamping."""
    alpha = ALPHA_NUMERATOR / ALPHA_DENOMINATOR
    return 2 * alpha / (1 - alpha**2)
