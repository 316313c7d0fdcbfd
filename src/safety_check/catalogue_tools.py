"""Keep the message catalogues in step with the source, and fill them from translators' files.

    python -m safety_check.catalogue_tools catalogues        # what `make catalogues` runs
    python -m safety_check.catalogue_tools fill <po> <fragment.po>...

`catalogues` extracts each domain of `i18n.DOMAINS` (from `locale/<domain>.cfg`) to
`locale/<domain>.pot`, and updates every language's `<domain>.po` from it: no fuzzy matching, no
obsolete messages kept, and the `#. review:` / `#. glossary-skip:` comments a reviewer or
translator wrote are carried over (Babel's own update replaces `#.` comments with the
template's). The template has a fixed creation date and no line numbers, so it changes only
when a message does; a test holds the committed templates to a fresh extraction.

`fill` copies translations from fragments keyed by English `msgid` only (no `msgctxt`, as
translators write them) into the empty messages with the same `msgid`, with their review
comments.
"""

from __future__ import annotations

import datetime
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from safety_check import i18n

KEPT_COMMENTS = ("review:", "glossary-skip:")
"""Translator comments that live in the PO, not the template, and must survive an update."""
SOURCE_DIR = Path(__file__).parent
FIXED_DATE = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
"""Every template's creation date: a real one would change the file on every extraction."""
PROJECT = "Safety Check"


def template_path(domain: str) -> Path:
    return i18n.LOCALE_DIR / f"{domain}.pot"


def mapping_path(domain: str) -> Path:
    return i18n.LOCALE_DIR / f"{domain}.cfg"


def extract(domain: str) -> Catalog:
    """A fresh template for one domain, from its mapping file."""
    with mapping_path(domain).open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)  # type: ignore[no-untyped-call]
    template = Catalog(
        project=PROJECT, version="1", creation_date=FIXED_DATE, revision_date=FIXED_DATE
    )
    keywords = dict(DEFAULT_KEYWORDS)
    for filename, _, message, comments, context in extract_from_dir(
        SOURCE_DIR, method_map, options_map, keywords=keywords, comment_tags=("Translators:",)
    ):
        template.add(
            message,
            None,
            [] if domain == "content" else [(filename, 0)],
            auto_comments=comments,
            context=context,
        )
    return template


def po_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalogue, include_lineno=False, ignore_obsolete=True, width=100)
    return out.getvalue()


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale)


_LABELLED = re.compile(r"[a-z][a-z-]*: ")


def _kept(message: Message) -> list[str]:
    """The review comments, each with its continuation lines: a PO file wraps a long comment
    over several `#.` lines, and reading it back gives each line as its own comment."""
    kept: list[str] = []
    keeping = False
    for comment in message.auto_comments:
        if comment.startswith(KEPT_COMMENTS):
            keeping = True
        elif not keeping or _LABELLED.match(comment):
            keeping = False
            continue
        kept.append(comment)
    return kept


def update(catalogue: Catalog, template: Catalog) -> None:
    """`pybabel update --no-fuzzy-matching --ignore-obsolete`, keeping review comments."""
    kept = {(m.id, m.context): _kept(m) for m in catalogue if m.id and _kept(m)}
    catalogue.update(template, no_fuzzy_matching=True)
    for key in list(catalogue.obsolete):
        del catalogue.obsolete[key]
    for message in catalogue:
        for comment in kept.get((message.id, message.context), []):
            if comment not in message.auto_comments:
                message.auto_comments.append(comment)


def new_catalogue(language: str, template: Catalog) -> Catalog:
    """As `pybabel init -l <language>`: the Plural-Forms header is Babel's, never typed."""
    catalogue = Catalog(
        locale=Locale.parse(language),
        project=PROJECT,
        version="1",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
    )
    catalogue.update(template, no_fuzzy_matching=True)
    return catalogue


def catalogues(domains: Iterable[str] = i18n.DOMAINS) -> list[Path]:
    """Extract each mapped domain and update every language's PO; the paths written."""
    written = []
    for domain in domains:
        if not mapping_path(domain).exists():
            continue
        template = extract(domain)
        template_path(domain).write_bytes(po_bytes(template))
        written.append(template_path(domain))
        for language in i18n.LANGUAGES:
            if language == i18n.DEFAULT:
                continue
            path = i18n.catalogue_path(language, domain)
            if path.exists():
                catalogue = read(path, language)
                update(catalogue, template)
            elif domain == "content":
                path.parent.mkdir(parents=True, exist_ok=True)
                catalogue = new_catalogue(language, template)
            else:
                continue  # another domain's first catalogue is its own helper's to start
            catalogue.revision_date = FIXED_DATE
            path.write_bytes(po_bytes(catalogue))
            written.append(path)
    return written


def fill(target: Path, fragments: Iterable[Path]) -> int:
    """Copy msgstr and review comments from msgid-keyed fragments into empty messages."""
    catalogue = read(target)
    found: dict[str, Message] = {}
    for fragment in fragments:
        for message in read(fragment):
            if message.id and message.string and not message.fuzzy:
                found.setdefault(_key(message.id), message)
    filled = 0
    for message in catalogue:
        if not message.id or _translated(message):
            continue
        source = found.get(_key(message.id))
        if source is None:
            continue
        message.string = source.string
        for comment in _kept(source):
            if comment not in message.auto_comments:
                message.auto_comments.append(comment)
        filled += 1
    target.write_bytes(po_bytes(catalogue))
    return filled


def _key(msgid: str | tuple[str, ...] | list[str]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def main(argv: list[str]) -> int:
    if argv[:1] == ["catalogues"]:
        for path in catalogues():
            print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
        return 0
    if argv[:1] == ["fill"] and len(argv) >= 3:
        count = fill(Path(argv[1]), [Path(p) for p in argv[2:]])
        print(f"{count} messages filled in {argv[1]}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
