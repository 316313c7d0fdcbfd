"""The score bars agree with their tables, and one text key says what each colour means."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from safety_check.schools.charts import BAND_COLOURS, WIDTH, distribution_svg, legend
from safety_check.schools.report import BAND_LABELS, build_report
from tests.schools.test_suppression import ClassCounts, classes

RECT = re.compile(r'<rect x="([\d.]+)" y="2" width="([\d.]+)" height="\d+" fill="(#[0-9a-f]{6})"')


@settings(max_examples=60, deadline=None)
@given(classes(), st.integers(0, 2**32))
def test_bars_are_the_published_figures(counts: ClassCounts, seed: int) -> None:
    """Each shown band's share of the bar is its count over the number scored; the dashed block
    is the report's own hidden figure; together they fill the bar."""
    key = random.Random(seed).randbytes(32)
    report = build_report(counts.records(seed), None, closed=True, noise_key=key)
    for area in report.areas:
        svg = str(distribution_svg(area))
        if area.scored is None:
            assert svg == ""
            continue
        rects = [(float(x), float(width), fill) for x, width, fill in RECT.findall(svg)]
        shown = [
            (cell.count, colour) for cell, colour in zip(area.bands, BAND_COLOURS, strict=True)
        ]
        expected = [(WIDTH * count / area.scored, colour) for count, colour in shown if count]
        if area.hidden:
            expected.append((WIDTH * area.hidden / area.scored, "#ffffff"))
        assert [(round(width, 1), fill) for _, width, fill in rects] == [
            (round(width, 1), fill) for width, fill in expected
        ]
        assert abs(sum(width for _, width, _ in rects) - WIDTH) < 0.5


def test_legend_names_every_colour_in_words() -> None:
    key = str(legend(BAND_LABELS, "c"))
    items = re.findall(r"<li>(.*?)</li>", key)
    assert len(items) == len(BAND_LABELS) + 1
    for item, label, colour in zip(items, BAND_LABELS, BAND_COLOURS, strict=False):
        assert f'fill="{colour}"' in item and item.endswith(f"Score {label}")
        assert 'aria-hidden="true"' in item
    assert 'stroke-dasharray="4 3"' in items[-1] and items[-1].endswith("bands of fewer than 3")
