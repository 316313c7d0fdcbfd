"""Templates speak the language of the page they render, read from the render context.

One Jinja environment serves every language: the i18n extension's calls (`{% trans %}`, `_()`,
`gettext`, `pgettext`, `ngettext`, `npgettext`) are bound to functions that read `language` from
the template's context, so a page renders in whichever language its handler put there (English
when none). Catalogues are never read per request: `i18n.translations` loads each once.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from safety_check import i18n


def _language(context: Context) -> i18n.Language:
    language = context.get("language")
    return language if language in i18n.LANGUAGES else i18n.DEFAULT


@pass_context
def _gettext(context: Context, message: str) -> str:
    return i18n.translations(_language(context)).gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return i18n.translations(_language(context)).ngettext(singular, plural, count)


@pass_context
def _pgettext(context: Context, message_context: str, message: str) -> str:
    return str(i18n.translations(_language(context)).pgettext(message_context, message))


@pass_context
def _npgettext(
    context: Context, message_context: str, singular: str, plural: str, count: int
) -> str:
    translations = i18n.translations(_language(context))
    return str(translations.npgettext(message_context, singular, plural, count))


def install(environment: Environment) -> None:
    """Add the i18n extension with newstyle calls (placeholders filled by name, autoescaped)."""
    environment.add_extension("jinja2.ext.i18n")
    callables: Any = environment
    callables.install_gettext_callables(
        _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext
    )
