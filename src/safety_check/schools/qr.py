"""QR codes for join links, drawn as inline SVG by segno (no images fetched, nothing stored)."""

from __future__ import annotations

import segno
from markupsafe import Markup, escape

from safety_check.i18n import Language
from safety_check.schools.words import say


def join_qr_svg(url: str, language: Language = "en") -> Markup:
    """An SVG QR code for `url`, with a text title for screen readers in `language`."""
    label = say(language, "schools:join-details", "QR code for the join link")
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=5, border=4, title=label, dark="#0b0c0c")
    width, height = code.symbol_size(scale=5, border=4)
    # A viewBox lets a style sheet draw the code at any size (the projector view fills the
    # screen with it); the width and height stay as its size everywhere else.
    attributes = f'role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}" '
    return Markup(  # noqa: S704 (only numbers, constants and escaped text)
        svg.replace("<svg ", "<svg " + attributes, 1)
    )
