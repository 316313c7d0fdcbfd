"""Which language a person reads, and the message catalogues that give its words.

English is the source language: every message's `msgid` is the English text, so English needs
no catalogue. Each other language has one PO file per domain under `locale/<lang>/LC_MESSAGES/`:

- `content`: the rules, questions, helper wording, support services and plan lanes (data, read
  by the extractor in `safety_check.catalogue_extract`, each message's `msgctxt` its id and field);
- `messages`: the individual journey's pages, the API's problem texts and the CLI's text plan;
- `schools`: the class-check pages, the teacher's report and its CSV.

The PO files are read once per language, at start-up, into one `Translations` (fuzzy messages
are left out, so an unreviewed guess is never shown); nothing is looked up on disk per request.
A language is offered only when it is in `OFFERED`: a catalogue still being written can land
without reaching anyone.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Final, Literal, get_args

from babel import Locale, negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

Language = Literal["en", "cy"]
LANGUAGES: Final[tuple[Language, ...]] = get_args(Language)
DEFAULT: Final[Language] = "en"
OFFERED: Final[tuple[Language, ...]] = ("en", "cy")
"""Languages a person or partner can choose by default (an operator can narrow it with
`SAFETY_CHECK_LANGUAGES`). A language joins only with its catalogue complete, which
tests/test_catalogue.py holds every shipped catalogue to."""

DOMAINS: Final = ("content", "messages", "schools")
LOCALE_DIR: Final = Path(__file__).parent / "locale"

HTML_LANG: Final[dict[Language, str]] = {"en": "en-GB", "cy": "cy"}
"""The `lang` / `hreflang` / `Content-Language` value for each language."""

NAME: Final[dict[Language, str]] = {"en": "English", "cy": "Cymraeg"}
"""Each language named in itself, as a language link shows it."""


def N_(text: str) -> str:
    """`text` unchanged: marks English kept in a constant for extraction (Babel's `N_` keyword);
    whoever shows it looks it up in the reader's language."""
    return text


def catalogue_path(language: Language, domain: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def _load(language: Language, domain: str) -> Translations | None:
    path = catalogue_path(language, domain)
    if not path.exists():
        return None
    with path.open("rb") as po:
        catalogue = read_po(po, locale=Locale.parse(language), domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=domain)


@functools.cache
def translations(language: Language) -> NullTranslations:
    """Every domain of one language merged into one lookup, loaded on first use.

    English (the source) returns the messages unchanged. Call this for each offered language at
    start-up so no request pays for reading a catalogue.
    """
    merged = Translations()
    if language == DEFAULT:
        return merged
    for domain in DOMAINS:
        loaded = _load(language, domain)
        if loaded is not None:
            merged.merge(loaded)
            # merge() keeps the empty catalogue's English plural rule (n != 1): Welsh needs its
            # own six-form rule, which every domain's catalogue of the language shares.
            merged.plural = loaded.plural
    return merged


def gettext(language: Language, message: str) -> str:
    return translations(language).gettext(message)


def pgettext(language: Language, context: str, message: str) -> str:
    return str(translations(language).pgettext(context, message))


def npgettext(language: Language, context: str, singular: str, plural: str, count: int) -> str:
    return str(translations(language).npgettext(context, singular, plural, count))


_WELSH_VOWELS: Final = frozenset("aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ")
_WELSH_ASPIRATE: Final = {"c": "ch", "p": "ph", "t": "th"}
_WELSH_AND_POSSESSIVE: Final = {"ei": "a'i", "eu": "a'u", "ein": "a'n", "eich": "a'ch"}


def welsh_and(item: str) -> str:
    """Welsh "and" (a) before `item`, as Welsh writes it: "a'r" for "a y" or "a yr" ("a'r
    gwasanaeth"), "a'u" for "a eu", "ac" before a vowel ("ac oriau"), and the aspirate
    mutation of a lower-case c, p or t ("a pha rai"). A capital (a service's name) is left as
    it is."""
    first, _, rest = item.partition(" ")
    if first in ("y", "yr") and rest:
        return f"a'r {rest}"
    if first in _WELSH_AND_POSSESSIVE and rest:
        return f"{_WELSH_AND_POSSESSIVE[first]} {rest}"
    head = item[:1]
    if head in _WELSH_VOWELS:
        return f"ac {item}"
    if head in _WELSH_ASPIRATE and item[:2] not in ("ch", "ph", "th"):
        return f"a {_WELSH_ASPIRATE[head]}{item[1:]}"
    return f"a {item}"


def and_list(language: Language, items: tuple[str, ...] | list[str], conjunction: str) -> str:
    """`items` joined with `conjunction` (" and ", translated): in Welsh, each "a" takes the
    form the next word needs (`welsh_and`), so the list never reads "a y gwasanaeth"."""
    if language != "cy" or conjunction.strip() != "a":
        return conjunction.join(items)
    if not items:
        return ""
    return " ".join([items[0], *(welsh_and(item) for item in items[1:])])


def negotiate(accept_language: str | None, offered: tuple[Language, ...] = OFFERED) -> Language:
    """The offered language the `Accept-Language` header prefers; English when it names none.

    Welsh is chosen only when it comes before English in the person's preferences, as their
    browser orders them (quality values respected).
    """
    if not accept_language:
        return DEFAULT
    preferred = [tag for tag, _ in sorted(_parsed(accept_language), key=lambda p: -p[1])]
    chosen = negotiate_locale(preferred, list(offered), sep="-")
    if chosen is None:
        chosen = negotiate_locale([tag.split("-")[0] for tag in preferred], list(offered))
    return chosen if chosen in offered else DEFAULT


def _parsed(header: str) -> list[tuple[str, float]]:
    tags: list[tuple[str, float]] = []
    for part in header.split(",")[:20]:  # a header of thousands of tags costs no more than 20
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if tag and tag != "*" and quality > 0:
            tags.append((tag.lower(), quality))
    return tags
