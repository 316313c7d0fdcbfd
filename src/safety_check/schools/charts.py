"""Server-rendered SVG charts for class reports, built only from published (suppressed) figures.

Each chart is decorative next to its table: the table is the text equivalent, so the SVG is
marked `aria-hidden`. Hidden cells are drawn as one dashed block of the report's own `hidden`
figure (the published total less the published cells), so the bar and the table always agree.
The legend beside the bars is text, so the colours never carry meaning alone.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from safety_check.i18n import Language
from safety_check.schools.report import AreaDistribution, Gap
from safety_check.schools.words import say

WIDTH = 300
HEIGHT = 28
BAND_COLOURS = ("#a4262c", "#b35c00", "#1d70b8", "#00703c")
"""Lowest scores to highest; each at least 3:1 against white."""
SWATCH = 16


def _swatch(fill: str, *, dashed: bool = False) -> str:
    stroke = 'stroke="#0b0c0c" stroke-dasharray="4 3"' if dashed else 'stroke="#0b0c0c"'
    return (
        f'<svg class="swatch" viewBox="0 0 {SWATCH} {SWATCH}" width="{SWATCH}" height="{SWATCH}" '
        f'aria-hidden="true" focusable="false"><rect x="1" y="1" width="{SWATCH - 2}" '
        f'height="{SWATCH - 2}" fill="{fill}" {stroke} stroke-width="2"/></svg>'
    )


def _score(language: Language, band: str) -> str:
    return say(language, "schools:report", "Score {band}", band=band)


def legend(labels: tuple[str, ...], hidden_mark: str, language: Language = "en") -> Markup:
    """What each colour of the score bars means, as text: one legend for all of them."""
    items = [
        f"<li>{_swatch(colour)} {escape(_score(language, label))}</li>"
        for colour, label in zip(BAND_COLOURS, labels, strict=True)
    ]
    hidden = say(
        language, "schools:report", "Hidden ({mark}): bands of fewer than 3", mark=hidden_mark
    )
    items.append(f"<li>{_swatch('#ffffff', dashed=True)} {escape(hidden)}</li>")
    return Markup(  # noqa: S704 (only constants and escaped text)
        '<ul class="chart-legend">' + "".join(items) + "</ul>"
    )


def _rect(x: float, width: float, fill: str, *, dashed: bool = False) -> str:
    stroke = 'stroke="#0b0c0c" stroke-dasharray="4 3"' if dashed else 'stroke="#ffffff"'
    return (
        f'<rect x="{x:.1f}" y="2" width="{width:.1f}" height="{HEIGHT - 4}" '
        f'fill="{fill}" {stroke} stroke-width="2"/>'
    )


def distribution_svg(distribution: AreaDistribution) -> Markup:
    hidden = distribution.hidden
    total = distribution.scored or 0
    if not total:
        return Markup("")
    parts: list[str] = []
    x = 0.0
    for cell, colour in zip(distribution.bands, BAND_COLOURS, strict=True):
        if cell.count is None:
            continue
        width = WIDTH * cell.count / total
        if width:
            parts.append(_rect(x, width, colour))
        x += width
    if hidden:
        parts.append(_rect(x, WIDTH * hidden / total, "#ffffff", dashed=True))
    return Markup(  # noqa: S704 (only numbers, constants and escaped text)
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-hidden="true" focusable="false" data-area="{escape(distribution.area)}">'
        + "".join(parts)
        + "</svg>"
    )


def share_svg(gap: Gap) -> Markup:
    if gap.share is None:
        return Markup("")
    width = WIDTH * gap.share / 100
    return Markup(  # noqa: S704 (only numbers, constants and escaped text)
        f'<svg class="chart" viewBox="0 0 {WIDTH} 16" width="{WIDTH}" height="16" '
        f'aria-hidden="true" focusable="false">'
        f'<rect x="0" y="2" width="{WIDTH}" height="12" fill="#ffffff" stroke="#505a5f"/>'
        f'<rect x="0" y="2" width="{width:.1f}" height="12" fill="#1d70b8"/></svg>'
    )
