"""Which language a class-check page or problem is in, for one request.

A person's own pick (`?lang=`) comes first, then the class's language, then what their browser
prefers (`Accept-Language`); only languages this service offers (`Settings.languages`).
"""

from __future__ import annotations

from typing import Any

from litestar import Request

from safety_check.i18n import Language
from safety_check.schools.words import say
from safety_check.service.platform.template_i18n import chosen_language, scope_language


def page_language(request: Request[Any, Any, Any], chosen: Language | None = None) -> Language:
    """The language a class-check page is in: `?lang=` when the person picked one, else the
    class's own (`chosen`), else what their browser prefers; only languages offered here."""
    settings = request.app.state.settings
    picked = chosen_language(request.query_params.get("lang"), settings)
    return picked or chosen_language(chosen, settings) or scope_language(request.scope)


def problem(request: Request[Any, Any, Any], message: str) -> str:
    """A class-check problem's words (marked `N_("schools:problem", ...)`) in the request's
    language."""
    return say(page_language(request), "schools:problem", message)
