"""The class-check words in a class's language: the `schools` message domain, read in Python.

Messages are whole sentences with named placeholders (`{count}`, `{name}`), filled after the
lookup so a translation can put them where its grammar needs them. `N_` marks English text kept
in a constant (a data protection field, a curriculum strand) so `pybabel extract` finds it; it is
looked up where it is shown, with the context it was marked with.

The extraction keywords (`say:2c,3`, `say_n:2c,3,4`, `N_:1c,2`) are set in `locale/schools.cfg`.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from safety_check import i18n
from safety_check.i18n import Language

REPORT = "schools:report"
CSV = "schools:csv"
CURRICULUM = "schools:curriculum"
DPIA = "schools:dpia"
FORM = "schools:form"
PROBLEM = "schools:problem"
AREA = "schools:area"
TERM = "school:term"


def N_(context: str, message: str) -> str:
    """`message` unchanged: marks it for extraction with `context`, to be looked up later."""
    del context
    return message


def say(language: Language, context: str, message: str, **fields: object) -> str:
    """One message in `language`, its named placeholders filled from `fields`."""
    text = i18n.pgettext(language, context, message)
    return text.format(**fields) if fields else text


def say_n(
    language: Language, context: str, singular: str, plural: str, count: int, **fields: object
) -> str:
    """A message about `count` things, in the plural form `language` uses for that number
    (Welsh has six); `{count}` and the other `fields` are filled in."""
    text = i18n.npgettext(language, context, singular, plural, count)
    return text.format(count=count, **fields)


def long_date(iso_day: str, language: Language = "en") -> str:
    """A stored ISO day as people write it: "1 December 2026", "1 Rhagfyr 2026" (UK days)."""
    day = dt.date.fromisoformat(iso_day)
    if language == "en":
        return f"{day.day} {day:%B %Y}"
    return format_date(day, "d MMMM y", locale=language)
