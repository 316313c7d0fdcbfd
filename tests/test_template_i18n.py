"""Templates read their language from the render context and look words up in its catalogue."""

from __future__ import annotations

import io

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.support import Translations
from jinja2 import DictLoader, Environment

from safety_check import i18n
from safety_check.service.platform import template_i18n

PAGE = (
    "{% trans %}Start the check{% endtrans %}|{{ pgettext('ui:button', 'Next') }}|"
    "{% trans count=n %}{{ count }} answer{% pluralize %}{{ count }} answers{% endtrans %}|"
    "{{ _('Hello %(name)s', name=who) }}"
)


def welsh() -> Translations:
    catalogue = Catalog(locale="cy", domain="messages")
    catalogue.add("Start the check", "Dechrau'r gwiriad")
    catalogue.add("Next", "Nesaf", context="ui:button")
    catalogue.add(
        ("%(count)s answer", "%(count)s answers"),
        (
            "%(count)s ateb",
            "%(count)s ateb",
            "%(count)s ateb",
            "%(count)s ateb",
            "%(count)s ateb",
            "%(count)s ateb",
        ),
    )
    catalogue.add("Hello %(name)s", "Helo %(name)s")
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled, domain="messages")


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> Environment:
    loaded = {"en": Translations(), "cy": welsh()}
    monkeypatch.setattr(i18n, "translations", lambda language: loaded[language])
    environment = Environment(loader=DictLoader({"page": PAGE}), autoescape=True)
    template_i18n.install(environment)
    return environment


def test_the_page_speaks_the_language_in_its_context(environment: Environment) -> None:
    page = environment.get_template("page")
    assert page.render(language="cy", n=2, who="<Sam>") == (
        "Dechrau'r gwiriad|Nesaf|2 ateb|Helo &lt;Sam&gt;"  # placeholders escaped, catalogue trusted
    )
    assert page.render(language="en", n=1, who="Sam") == "Start the check|Next|1 answer|Hello Sam"


def test_no_language_or_an_unknown_one_renders_english(environment: Environment) -> None:
    page = environment.get_template("page")
    assert page.render(n=2, who="Sam").startswith("Start the check|Next|2 answers")
    assert page.render(language="xx", n=2, who="Sam").startswith("Start the check|")
