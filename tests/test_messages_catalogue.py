"""The `messages` domain in Welsh: complete, none fuzzy, placeholders matching, glossary terms
used, and the template no older than the source."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from safety_check import catalogue_tools, i18n
from tests.test_welsh_glossary import Message, glossary_misses, load_glossary

POT = i18n.LOCALE_DIR / "messages.pot"
WELSH = i18n.catalogue_path("cy", "messages")
PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")
MARKUP = re.compile(r"<[^>]+>|%\(\w+\)s|\{\w+\}")
"""Tags and placeholders: their names ("police") are not words a person reads."""


def _read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale="cy" if path.suffix == ".po" else None)


def _forms(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _names(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def test_every_message_is_translated_and_none_is_fuzzy_or_obsolete() -> None:
    template, welsh = _read(POT), _read(WELSH)
    wanted = {(m.context, str(m.id)) for m in template if m.id}
    present = {(m.context, str(m.id)) for m in welsh if m.id}
    assert wanted == present and not welsh.obsolete
    for message in welsh:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        forms = _forms(message.string)
        assert all(forms), f"untranslated: {message.id!r}"
        if isinstance(message.id, tuple | list):
            assert len(forms) == 6, f"Welsh has six plural forms: {message.id!r}"


def test_placeholders_match_between_english_and_welsh() -> None:
    for message in _read(WELSH):
        if not message.id:
            continue
        english = set().union(*(_names(form) for form in _forms(message.id)))
        for form in _forms(message.string):
            assert _names(form) <= english and (_names(form) or not english or "num" in english), (
                message.id,
                form,
            )
            if not isinstance(message.id, tuple | list):
                assert _names(form) == english, (message.id, form)


def test_the_welsh_uses_the_glossary_terms() -> None:
    glossary = load_glossary((i18n.LOCALE_DIR / "cy" / "glossary.toml").read_bytes())
    messages = [
        Message(
            MARKUP.sub(" ", " ".join(_forms(m.id))),
            MARKUP.sub(" ", " ".join(_forms(m.string))),
            tuple(m.auto_comments),
            context=m.context or "",
        )
        for m in _read(WELSH)
        if m.id
    ]
    assert glossary_misses(glossary.term, messages) == []


def test_the_template_is_no_older_than_the_source() -> None:
    """`make catalogues` would not change the committed template."""
    assert catalogue_tools.po_bytes(catalogue_tools.extract("messages")) == POT.read_bytes()
