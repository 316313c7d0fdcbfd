"""Templates speak the language of the page they render, read from the render context.

One Jinja environment serves every language: the i18n extension's calls (`{% trans %}`, `_()`,
`gettext`, `pgettext`, `ngettext`, `npgettext`) are bound to functions that read `language` from
the template's context, so a page renders in whichever language its handler put there (English
when none). Catalogues are never read per request: `i18n.translations` loads each once.
"""

from __future__ import annotations

import datetime
from typing import Any

import msgspec
from babel.dates import format_date
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from safety_check import i18n


def context_language(context: Context) -> i18n.Language:
    """The language a template renders in: its context's, when it is one we offer."""
    language = context.get("language")
    return language if language in i18n.LANGUAGES else i18n.DEFAULT


@pass_context
def _gettext(context: Context, message: str) -> str:
    return i18n.translations(context_language(context)).gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return i18n.translations(context_language(context)).ngettext(singular, plural, count)


@pass_context
def _pgettext(context: Context, message_context: str, message: str) -> str:
    return str(i18n.translations(context_language(context)).pgettext(message_context, message))


@pass_context
def _npgettext(
    context: Context, message_context: str, singular: str, plural: str, count: int
) -> str:
    translations = i18n.translations(context_language(context))
    return str(translations.npgettext(message_context, singular, plural, count))


def install(environment: Environment) -> None:
    """Add the i18n extension with newstyle calls (placeholders filled by name, autoescaped)."""
    environment.add_extension("jinja2.ext.i18n")
    callables: Any = environment
    callables.install_gettext_callables(
        _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext
    )
    environment.filters["t"] = _t
    environment.filters["day"] = _day


class LanguageLink(msgspec.Struct, frozen=True, kw_only=True):
    """Another offered language, as the language link at the top of a page names it."""

    code: i18n.Language
    name: str
    html_lang: str


def offered(settings: Any) -> tuple[i18n.Language, ...]:
    return tuple(settings.languages) or (i18n.DEFAULT,)


def chosen_language(value: str | None, settings: Any) -> i18n.Language | None:
    """A language named by a form's language button or a `?lang=` link, if it is offered."""
    return value if value in offered(settings) else None


def scope_language(scope: Any, query: str | None = None) -> i18n.Language:
    """A page's language without a journey: the `?lang=` link's choice, else the browser's
    `Accept-Language` among the offered languages (English when it prefers none of them)."""
    settings = scope["app"].state.settings
    chosen = chosen_language(query, settings)
    if chosen is not None:
        return chosen
    header = b"".join(
        value for name, value in scope.get("headers", ()) if name == b"accept-language"
    )
    return i18n.negotiate(header.decode("latin-1") or None, offered(settings))


def request_language(request: Any) -> i18n.Language:
    """The language a handler chose for this request (a journey's token or language button),
    else the `?lang=` link's or the browser's."""
    language = request.state.get("language")
    if language in i18n.LANGUAGES:
        return language  # type: ignore[no-any-return]
    return scope_language(request.scope, request.query_params.get("lang"))


def set_language(request: Any, language: i18n.Language) -> None:
    request.state.language = language


def language_context(scope: Any, language: i18n.Language) -> dict[str, Any]:
    """What every page's template needs for its language: `<html lang>` and the links to the
    other offered languages (none while only English is offered). A plain link keeps the
    choice in `?lang=` only when it differs from what the browser would pick anyway."""
    settings = scope["app"].state.settings
    links = [
        LanguageLink(code=code, name=i18n.NAME[code], html_lang=i18n.HTML_LANG[code])
        for code in offered(settings)
        if code != language
    ]
    browser = scope_language(scope)
    return {
        "language": language,
        "html_lang": i18n.HTML_LANG[language],
        "language_links": links,
        "lang_query": "" if language == browser else f"?lang={language}",
    }


class Text(msgspec.Struct, frozen=True):
    """A message named in Python for a page, translated when the page renders in its language."""

    context: str
    message: str
    values: dict[str, str | Text] | None = None
    """Named placeholders (`%(name)s`), filled after translation."""


def pgettext(context: str, message: str, **values: str | Text) -> Text:
    """Mark page text in Python for the catalogue (`pybabel extract` reads the call); the
    template's `t` filter or `translate` gives it in the page's language."""
    return Text(context, message, values or None)


def translate(language: i18n.Language, text: Text | str) -> str:
    if not isinstance(text, Text):
        return text
    translated = i18n.pgettext(language, text.context, text.message)
    if not text.values:
        return translated
    return translated % {name: translate(language, value) for name, value in text.values.items()}


@pass_context
def _t(context: Context, value: Any) -> Any:
    return translate(context_language(context), value) if isinstance(value, Text) else value


@pass_context
def _day(context: Context, day: datetime.date | None) -> str:
    """A day as people write it in the page's language: "5 March 2026", "5 Mawrth 2026"."""
    if day is None:
        return ""
    return format_date(day, "d MMMM y", locale=LOCALES[context_language(context)])


LOCALES: dict[i18n.Language, str] = {"en": "en_GB", "cy": "cy"}
