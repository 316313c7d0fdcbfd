"""A pseudo-language for tests: every message accented, bracketed and about 35% longer.

Rendering a page with it stood in for Welsh shows every word that skipped the catalogue (it is
the only text left without brackets) and every layout that breaks with longer words. It is built
from the committed templates (`locale/*.pot`), so a new message is covered as soon as it is
extracted; it is never shipped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from safety_check import i18n

OPEN, CLOSE = "⟦", "⟧"
ACCENTED = str.maketrans("aceinorsuyACEINORSUY", "áçéîñöřšüýÁÇÉÎÑÖŘŠÜÝ")
# Placeholders ({name}, %(name)s, %s), HTML tags and entities pass through unchanged.
KEEP = re.compile(
    r"\{[A-Za-z_][A-Za-z0-9_]*\}|%\([A-Za-z_][A-Za-z0-9_]*\)[sd]|%[sd%]|<[^>]+>|&\w+;"
)


def pseudo(text: str) -> str:
    """One message in the pseudo-language: the same placeholders and tags, accented words."""
    if not text:
        return text
    parts: list[str] = []
    last = 0
    for match in KEEP.finditer(text):
        parts.append(text[last : match.start()].translate(ACCENTED))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(ACCENTED))
    # Longer the way real words are longer: in runs a line can still break between.
    extra = max(1, round(len(text) * 0.35))
    padding = " ".join("·" * min(6, extra - start) for start in range(0, extra, 6))
    return f"{OPEN}{''.join(parts)}{padding}{CLOSE}"


def templates() -> Iterator[Path]:
    return iter(sorted(i18n.LOCALE_DIR.glob("*.pot")))


def pseudo_translations() -> Translations:
    """Every extracted message of every domain, in the pseudo-language, as one lookup."""
    merged = Translations()
    for path in templates():
        with path.open("rb") as pot:
            source = read_po(pot)
        catalogue = Catalog(locale="cy", domain=path.stem)
        for message in source:
            if not message.id:
                continue
            if isinstance(message.id, tuple | list):
                forms = tuple(pseudo(form) for form in message.id)
                string: str | tuple[str, ...] = (forms[0], *([forms[1]] * 5))
            else:
                string = pseudo(message.id)
            catalogue.add(message.id, string, context=message.context)
        compiled = io.BytesIO()
        write_mo(compiled, catalogue)
        compiled.seek(0)
        merged.merge(Translations(compiled, domain=path.stem))
    return merged


class _VisibleText(HTMLParser):
    HIDDEN = frozenset({"script", "style", "template", "noscript", "title"})

    def __init__(self) -> None:
        super().__init__()
        self.skipping = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.skipping += 1
        for name, value in attrs:  # words people read or hear that are not text nodes
            if name in {"aria-label", "placeholder", "alt", "title"} and value:
                self.texts.append(value)
            if (
                name == "value"
                and tag == "input"
                and dict(attrs).get("type") in {"submit", "button"}
                and value
            ):
                self.texts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.texts.append(data.strip())


def outside_messages(html: str) -> str:
    """The page without any pseudo-translated message, tags inside a message included (a
    message may hold a link) and messages inside another's placeholder too."""
    kept: list[str] = []
    depth = 0
    for char in html:
        if char == OPEN:
            depth += 1
        elif char == CLOSE and depth:
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def untranslated(html: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Visible words on a page rendered in the pseudo-language that are outside every message.

    Text with no letters (phone numbers, dates in figures, punctuation) and the `allowed` words
    (names that are never translated) are left out.
    """
    parser = _VisibleText()
    parser.feed(outside_messages(html))
    found = []
    for text in parser.texts:
        bare = text
        if re.search(r"[A-Za-z]{2,}", bare) and bare.strip() not in allowed:
            found.append(bare.strip())
    return found
