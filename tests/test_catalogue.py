"""The build-failing catalogue check (issue 20 §4).

Fails when a committed template is older than the source, when a shipped language has an
untranslated, fuzzy or obsolete message, when placeholders differ between English and a
translation, when plural forms are not the language's count, or when a Welsh message leaves out
the glossary's term. Also tests the tools that keep the catalogues (`make catalogues`, `fill`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural

from safety_check import catalogue_tools, i18n
from safety_check.catalogue_extract import messages
from tests.test_welsh_glossary import LOCALE, glossary_misses, load_glossary
from tests.test_welsh_glossary import Message as GlossaryMessage

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_:]*\}|%\([A-Za-z_][A-Za-z0-9_]*\)[sd]")
MAPPED = [d for d in i18n.DOMAINS if catalogue_tools.mapping_path(d).exists()]
SHIPPED = [
    (language, domain)
    for language in i18n.LANGUAGES
    if language != i18n.DEFAULT
    for domain in i18n.DOMAINS
    if i18n.catalogue_path(language, domain).exists()
]


def _read(language: str, domain: str) -> Catalog:
    return catalogue_tools.read(i18n.catalogue_path(language, domain), language)  # type: ignore[arg-type]


def _strings(message: Message) -> tuple[str, ...]:
    value = message.string
    return tuple(value) if isinstance(value, tuple | list) else (value,)


def _ids(message: Message) -> tuple[str, ...]:
    value = message.id
    return tuple(value) if isinstance(value, tuple | list) else (value,)


def placeholder_problems(message: Message) -> list[str]:
    wanted = sorted(set(PLACEHOLDER.findall(" ".join(_ids(message)))))
    return [
        f"{message.context}: {text!r} has {found}, English has {wanted}"
        for text in _strings(message)
        if text and (found := sorted(set(PLACEHOLDER.findall(text)))) != wanted
    ]


def completion(catalogue: Catalog) -> tuple[int, int]:
    real = [m for m in catalogue if m.id]
    return sum(all(_strings(m)) for m in real), len(real)


@pytest.mark.parametrize("domain", MAPPED)
def test_each_template_equals_a_fresh_extraction(domain: str) -> None:
    fresh = catalogue_tools.po_bytes(catalogue_tools.extract(domain))
    committed = catalogue_tools.template_path(domain).read_bytes()
    assert committed == fresh, f"locale/{domain}.pot is older than the source: run make catalogues"


def test_the_content_template_has_every_content_message() -> None:
    template = catalogue_tools.read(catalogue_tools.template_path("content"))
    assert {(m.context, m.english) for m in messages()} == {
        (m.context, m.id) for m in template if m.id
    }


@pytest.mark.parametrize(("language", "domain"), SHIPPED)
def test_translations_keep_placeholders_plurals_and_nothing_fuzzy(
    language: str, domain: str
) -> None:
    catalogue = _read(language, domain)
    assert catalogue.num_plurals == get_plural(Locale.parse(language)).num_plurals
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        problems += placeholder_problems(message)
        if message.fuzzy:
            problems.append(f"{message.context}: fuzzy")
        if message.pluralizable and len(_strings(message)) != catalogue.num_plurals:
            problems.append(f"{message.context}: {len(_strings(message))} plural forms")
    assert not catalogue.obsolete, f"obsolete messages: {list(catalogue.obsolete)[:5]}"
    assert problems == []


@pytest.mark.parametrize(("language", "domain"), SHIPPED)
def test_every_message_of_a_shipped_catalogue_is_translated(language: str, domain: str) -> None:
    # Shipped means in the package, offered or not: an operator can switch a language on with
    # SAFETY_CHECK_LANGUAGES, and a half-translated page must never be what they switch on.
    done, total = completion(_read(language, domain))
    assert done == total, f"{language}/{domain}: {done} of {total} messages translated"


@pytest.mark.parametrize(("language", "domain"), [s for s in SHIPPED if s[0] == "cy"])
def test_welsh_messages_use_the_glossary_terms(language: str, domain: str) -> None:
    terms = load_glossary((LOCALE / "glossary.toml").read_bytes()).term
    translated = [
        GlossaryMessage(_ids(m)[0], _strings(m)[0], tuple(m.auto_comments), m.context or "")
        for m in _read(language, domain)
        if m.id and all(_strings(m))
    ]
    assert glossary_misses(terms, translated) == []


# The checks above fail on bad catalogues.


def _catalogue(*entries: tuple[str, str, str]) -> Catalog:
    catalogue = Catalog(locale="cy")
    for context, english, welsh in entries:
        catalogue.add(english, welsh, context=context)
    return catalogue


def test_a_dropped_or_renamed_placeholder_is_caught() -> None:
    good, dropped, renamed = [
        message
        for message in _catalogue(
            ("a", "Call {childline}.", "{childline}: ffoniwch."),
            ("b", "Call {childline}.", "Ffoniwch."),
            ("c", "Call {childline}.", "Ffoniwch {llinell}."),
        )
        if message.id
    ]
    assert placeholder_problems(good) == []
    assert placeholder_problems(dropped) and placeholder_problems(renamed)


def test_completion_counts_empty_messages() -> None:
    assert completion(_catalogue(("a", "Yes", "Ie"), ("b", "No", ""))) == (1, 2)


# The tools.


def _write(path: Path, catalogue: Catalog) -> Path:
    path.write_bytes(catalogue_tools.po_bytes(catalogue))
    return path


def test_fill_copies_translations_and_review_comments_by_english_only(tmp_path: Path) -> None:
    target = Catalog(locale="cy")
    target.add("Block them.", "", context="rule:a.steps.general.1")
    target.add("Block them.", "", context="rule:b.steps.general.2")
    target.add("Report it.", "Riportiwch e.", context="rule:c.title")
    target.add("Not in any fragment.", "", context="rule:d.title")
    fragment = Catalog(locale="cy")
    fragment.add("Block them.", "Rhwystrwch nhw.", auto_comments=["review: 'blocio' also used"])
    fragment.add("Report it.", "Rhowch wybod.")
    path = _write(tmp_path / "content.po", target)
    filled = catalogue_tools.fill(path, [_write(tmp_path / "part1.po", fragment)])
    result = {m.context: m for m in catalogue_tools.read(path) if m.id}
    assert filled == 2
    assert result["rule:a.steps.general.1"].string == "Rhwystrwch nhw."
    assert result["rule:b.steps.general.2"].auto_comments == ["review: 'blocio' also used"]
    assert result["rule:c.title"].string == "Riportiwch e."  # never overwritten
    assert result["rule:d.title"].string == ""


def test_an_update_keeps_review_and_glossary_skip_comments(tmp_path: Path) -> None:
    template = Catalog()
    template.add("Save the evidence.", context="rule:a.title", auto_comments=["glossary: x"])
    template.add("New message.", context="rule:b.title")
    old = Catalog(locale="cy")
    old.add(
        "Save the evidence.",
        "Cadwch y dystiolaeth.",
        context="rule:a.title",
        auto_comments=["glossary: x", "review: register", "glossary-skip: report: app label"],
    )
    old.add("Gone.", "Wedi mynd.", context="rule:gone.title")
    catalogue_tools.update(old, template)
    path = _write(tmp_path / "content.po", old)
    result = {m.context: m for m in catalogue_tools.read(path) if m.id}
    assert result["rule:a.title"].string == "Cadwch y dystiolaeth."
    assert result["rule:a.title"].auto_comments == [
        "glossary: x",
        "review: register",
        "glossary-skip: report: app label",
    ]
    assert "rule:gone.title" not in result and not old.obsolete
    assert b"Wedi mynd" not in path.read_bytes()


def test_a_review_comment_longer_than_a_line_survives_updates(tmp_path: Path) -> None:
    """A PO file wraps a long comment over two `#.` lines; reading gives two comments, and the
    second, which does not start with "review:", must not be dropped on the next update."""
    long = "review: " + " ".join(
        ["the helper's question asks about them, so the answer differs"] * 3
    )
    template = Catalog()
    template.add("Yes", context="question:q.option.yes", auto_comments=["glossary: x"])
    catalogue = Catalog(locale="cy")
    catalogue.add(
        "Yes", "Ydw", context="question:q.option.yes", auto_comments=["glossary: x", long]
    )
    path = tmp_path / "content.po"
    for _ in range(2):
        catalogue_tools.update(catalogue, template)
        path = _write(path, catalogue)
        catalogue = catalogue_tools.read(path)
    [message] = [m for m in catalogue if m.id]
    assert " ".join(message.auto_comments[1:]) == long
    assert message.auto_comments[0] == "glossary: x" and len(message.auto_comments) > 2


def test_a_new_catalogue_takes_babels_plural_forms() -> None:
    catalogue = catalogue_tools.new_catalogue("cy", Catalog())
    assert catalogue.num_plurals == 6
    assert catalogue.plural_forms == get_plural(Locale.parse("cy")).plural_forms


def test_a_new_message_in_the_source_makes_the_template_stale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import safety_check.catalogue_extract as extract

    monkeypatch.setitem(extract.AREA_TITLES, "getting_help", "Getting help now")  # type: ignore[arg-type]
    fresh = catalogue_tools.po_bytes(catalogue_tools.extract("content"))
    assert fresh != catalogue_tools.template_path("content").read_bytes()
