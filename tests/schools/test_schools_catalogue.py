"""The `schools` catalogue: its template is current, and its Welsh is complete, consistent with
the English placeholders and held to the glossary."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Message as CatalogMessage
from babel.messages.pofile import read_po

from safety_check import i18n, models
from safety_check.schools import localised
from tests.test_welsh_glossary import Glossary, Message, glossary, glossary_misses

__all__ = ["glossary"]  # the glossary's fixture, shared

PACKAGE = Path(i18n.__file__).parent
TEMPLATE = i18n.LOCALE_DIR / "schools.pot"
WELSH = i18n.catalogue_path("cy", "schools")
PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")


def _forms(message: CatalogMessage) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, tuple | list) else (message.id,)


def _strings(message: CatalogMessage) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, tuple | list) else (message.string,)


def placeholders(text: str) -> set[str]:
    return {first or second for first, second in PLACEHOLDER.findall(text)}


@pytest.fixture(scope="module")
def welsh() -> list[CatalogMessage]:
    with WELSH.open("rb") as po:
        return [message for message in read_po(po, locale="cy") if message.id]


def test_the_template_is_what_extraction_makes_now(tmp_path: Path) -> None:
    """A message added, changed or removed in the code without `pybabel extract` fails here."""
    fresh = tmp_path / "schools.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "-q", "extract",
            "-F", "locale/schools.cfg", "--omit-header", "--sort-by-file",
            "--add-comments", "TRANSLATORS:", "-o", str(fresh), ".",
        ],
        cwd=PACKAGE,
        check=True,
    )  # fmt: skip
    assert fresh.read_text() == TEMPLATE.read_text()


def test_every_welsh_message_is_translated_and_none_is_fuzzy_or_obsolete(
    welsh: list[CatalogMessage],
) -> None:
    with TEMPLATE.open("rb") as pot:
        wanted = {(m.context, _forms(m)) for m in read_po(pot) if m.id}
    assert {(m.context, _forms(m)) for m in welsh} == wanted
    with WELSH.open("rb") as po:
        assert not read_po(po).obsolete
    for message in welsh:
        assert not message.fuzzy, message.id
        assert all(_strings(message)), message.id
        if len(_forms(message)) > 1:
            assert len(_strings(message)) == 6, message.id  # Welsh has six plural forms


def test_every_welsh_message_has_the_english_placeholders(welsh: list[CatalogMessage]) -> None:
    for message in welsh:
        english = set().union(*(placeholders(form) for form in _forms(message)))
        for string in _strings(message):
            assert placeholders(string) == english, (message.id, string)


def test_the_welsh_uses_the_glossary_terms(glossary: Glossary, welsh: list[CatalogMessage]) -> None:
    messages = [
        Message(english, string, tuple(message.auto_comments), message.context or "")
        for message in welsh
        for english, string in zip(_forms(message), _strings(message), strict=False)
    ]
    assert glossary_misses(glossary.term, messages) == []


def test_a_glossary_miss_in_this_catalogue_would_be_found(glossary: Glossary) -> None:
    wrong = Message("Speak to your Designated Safeguarding Lead.", "Siaradwch â’ch arweinydd.")
    assert glossary_misses(glossary.term, [wrong]) != []


def test_the_area_titles_marked_here_are_the_models_own() -> None:
    assert localised.AREA_TITLES == models.AREA_TITLES


def test_welsh_counts_take_the_welsh_plural_form() -> None:
    """Each number picks its own Welsh form (0, 1, 2, 3, 6 and the rest), mutations and all."""
    singular = (
        "%(count)s other action had figures under 3; it is marked %(suppressed)s in the download."
    )
    plural = "%(count)s other actions had figures under 3; they are marked %(suppressed)s in the download."

    def said(count: int) -> str:
        return i18n.npgettext("cy", "schools:report", singular, plural, count)

    assert "%(count)s gam arall" in said(2)
    assert "%(count)s cham arall" in said(3) and "%(count)s cham arall" in said(6)
    assert "mae wedi’i farcio" in said(1) and "maen nhw" in said(0) and "cam arall" in said(7)
