"""The API reference page rendered with the pseudo-language standing in for Welsh: any visible
word outside the catalogue is a string that skipped it.

Left out, by rule, only what is the same in every language because it is an identifier or a
value, never prose:

- `<code>` and `<pre>`: paths, parameter, field and header names, enum values, constraint
  values, media types, operation ids and the JSON examples (the page puts every one in code);
- elements marked `translate="no"`: HTTP methods, schema names (headings, index and type-line
  links), JSON Schema type names ("string", "integer") and security scheme names. The page marks
  exactly these for readers' translation tools too, so the mark is the page's own claim;
- text with no letters (status codes, counts) and the names `Safety Check` and `English`.

Attributes people hear (`aria-label`) and the document's `<title>` are held to the catalogue
like any text node.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel.support import NullTranslations
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check import i18n
from safety_check.service.app import create_app
from safety_check.service.platform import reference
from safety_check.settings import Settings
from tests.marked_language import clear_language_caches
from tests.pseudo_locale import CLOSE, OPEN, outside_messages, pseudo_translations

PAGE = "/api/v1/reference"
NAMES = frozenset({"Safety Check", "English"})
CODE = frozenset({"code", "pre"})
HIDDEN = frozenset({"script", "style", "template"})
VOID = frozenset({"meta", "link", "br", "img", "input", "hr", "source", "wbr"})


class _Words(HTMLParser):
    """Visible text and spoken attributes outside every message, outside code and outside
    `translate="no"`. A message may hold code (a description's `code spans`) or another
    message (a placeholder's value), so whether text is inside one is followed across the
    text nodes of the whole page, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[bool] = []
        """For each open element, whether its text is excluded (it or an ancestor is)."""
        self.depth = 0
        self.texts: list[str] = []

    def _excluded(self) -> bool:
        return bool(self.open) and self.open[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        label = found.get("aria-label")
        if label:
            self.texts.append(outside_messages(label))
        if tag in VOID:
            return
        excluded = self._excluded() or tag in CODE | HIDDEN or found.get("translate") == "no"
        self.open.append(excluded)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        kept: list[str] = []
        for char in data:
            if char == OPEN:
                self.depth += 1
            elif char == CLOSE and self.depth:
                self.depth -= 1
            elif self.depth == 0:
                kept.append(char)
        if not self._excluded():
            self.texts.append("".join(kept))


def untranslated(html: str) -> list[str]:
    parser = _Words()
    parser.feed(html)
    parser.close()
    left = (" ".join(text.split()) for text in parser.texts)
    return [
        text
        for text in left
        if re.search(r"[A-Za-z]{2,}", text) and text.strip(" .,:;()–·") not in NAMES
    ]


@pytest.fixture
async def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    pseudo = pseudo_translations()
    english = NullTranslations()
    clear_language_caches()  # content an earlier test built in real Welsh
    monkeypatch.setattr(i18n, "translations", lambda lang: pseudo if lang == "cy" else english)
    # The page is built once per process and language: this one must not outlive the test.
    monkeypatch.setattr(reference, "_built", {})
    monkeypatch.setattr(reference, "_pages", {})
    app: Litestar = create_app(Settings(database=tmp_path / "t.db", languages=("en", "cy")))
    async with AsyncTestClient(app=app) as test_client:
        yield test_client
    monkeypatch.undo()
    clear_language_caches()


async def test_every_word_of_the_reference_page_is_in_the_catalogue(client: Any) -> None:
    page = await client.get(PAGE, headers={"Accept-Language": "cy"})
    assert page.status_code == 200
    assert '<html lang="cy">' in page.text
    assert untranslated(page.text) == []


async def test_the_check_sees_words_outside_the_catalogue() -> None:
    html = (
        "<html><head><title>⟦Ţîţļé⟧</title></head><body><h1>Loose words</h1>"
        '<p>⟦Şéñţ <code>x</code> áñd ⟦ñéşţéd⟧ môřé⟧ <code>raw_name</code> <a translate="no">Plan</a>'
        " 200 then <em>loose</em></p>"
        '<div aria-label="Parameters of x"></div></body></html>'
    )
    assert untranslated(html) == ["Loose words", "200 then", "loose", "Parameters of x"]


async def test_the_english_page_is_untouched_by_the_catalogue(client: Any) -> None:
    page = await client.get(PAGE, headers={"Accept-Language": "en-GB"})
    assert '<html lang="en-GB">' in page.text
    assert OPEN not in page.text and "Make a plan from answers" in page.text
