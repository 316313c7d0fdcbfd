"""QR codes for join links, drawn as inline SVG by segno (no images fetched, nothing stored)."""

from __future__ import annotations

import segno
from markupsafe import Markup


def join_qr_svg(url: str) -> Markup:
    """An SVG QR code for `url`, with a text title for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=5, border=4, title="QR code for the join link", dark="#0b0c0c")
    return Markup(  # noqa: S704 (only numbers, constants and escaped text)
        svg.replace("<svg ", '<svg role="img" aria-label="QR code for the join link" ', 1)
    )
