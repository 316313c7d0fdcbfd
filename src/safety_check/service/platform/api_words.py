"""The API reference's words in the reader's language, and their extraction for the catalogue.

The served OpenAPI document stays English: it is the contract generated clients are built from.
Only the reference page reads its prose in another language. Each piece is a `messages` message
whose `msgctxt` says what kind of prose it is (`api:summary`, `api:response`, `api:schema`...),
so one sentence used in many places ("The body is larger than the limit.") is translated once
and reads the same everywhere, while a summary and a field's description of the same words may
still differ. Identifiers, paths, examples and `code spans` are never messages.

Two kinds of prose are not extracted here:

- a question's description in the plan request (its text, and the condition it is asked under)
  is the questionnaire's own wording, already in the `content` catalogue: the page says it
  with that translation, so the reference and the questions never disagree;
- the content version in the API's description is a value, replaced by `{content_version}` so
  a new content version needs no new translation.

`extract_api` is a Babel extraction method (`locale/messages.cfg` maps it onto
`service/platform/openapi.py`): it builds the page in a recording language from the app's own
partner document, so exactly the prose the page looks up is extracted.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from safety_check import i18n
from safety_check.content_language import question_context
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONNAIRE
from safety_check.service.individual.wire import question_description
from safety_check.service.platform.template_i18n import Text, pgettext, translate

API = "api:"
VERSION_SLOT = "{content_version}"
ASKED_WHEN = pgettext("reference:question", "%(question)s Asked only when: %(condition)s.")


@functools.cache
def _questions() -> Mapping[str, tuple[str, str, str | None]]:
    """Each question's description, as the plan request's schema writes it, to its id, text
    and condition."""
    return {
        question_description(question): (question.id, question.text, question.when)
        for question in QUESTIONNAIRE.questions
    }


class Say:
    """Words for one language's reference page: the page's own (`Text`) and the document's."""

    def __init__(self, language: i18n.Language = i18n.DEFAULT) -> None:
        self.language = language

    def __call__(self, text: Text) -> str:
        return translate(self.language, text)

    def api(self, kind: str, english: object) -> str | None:
        """Prose from the document, as `kind` of text (`summary`, `schema`...), in the language."""
        if not isinstance(english, str) or not english.strip():
            return None
        if self.language == i18n.DEFAULT:
            return english
        question = _questions().get(english)
        if question is not None:
            return self._question(english, *question)
        message = english.replace(CONTENT_VERSION, VERSION_SLOT)
        return self._lookup(API + kind, message).replace(VERSION_SLOT, CONTENT_VERSION)

    def _lookup(self, context: str, message: str) -> str:
        return i18n.pgettext(self.language, context, message)

    def _question(self, english: str, question_id: str, text: str, when: str | None) -> str:
        asked = i18n.pgettext(self.language, question_context(question_id, "text"), text)
        if when is None:
            return asked
        # The condition is an expression over question ids: code, in any language.
        return self(ASKED_WHEN) % {"question": asked, "condition": f"`{when}`"}


class Recorder(Say):
    """A language that answers in English and notes every message the page asks for."""

    def __init__(self) -> None:
        super().__init__("cy")
        self.asked: dict[tuple[str, str], None] = {}

    def __call__(self, text: Text) -> str:
        return translate(i18n.DEFAULT, text)

    def _lookup(self, context: str, message: str) -> str:
        self.asked[(context, message)] = None
        return message

    def _question(self, english: str, question_id: str, text: str, when: str | None) -> str:
        return english  # the content catalogue's to extract


def partner_document() -> dict[str, Any]:
    """The document partners are served, from a default app."""
    from safety_check.service.platform.openapi import for_partners, openapi_document

    return for_partners(json.loads(openapi_document()))


def api_messages(document: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Every (msgctxt, English) of the document's prose the page shows, in page order."""
    from safety_check.service.platform.reference import build_reference

    recorder = Recorder()
    build_reference(document, recorder)
    yield from recorder.asked


def extract_api(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel extraction method: the file it is mapped to only triggers the walk."""
    for context, english in api_messages(partner_document()):
        yield 0, "pgettext", (context, english), []
