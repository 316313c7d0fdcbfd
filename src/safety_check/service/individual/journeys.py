"""Individuals' journeys through the web form: the one piece of server state they have.

The HTTP-free service for the individual check. Every page of the form carries a signed token
(`journey_tokens.py`); sending the page spends it, and the quick exit retires the journey. A form
whose token is spent, retired, expired or forged is answered with a neutral "this page has
expired" page, so Back and Reload after the exit never bring answers or a plan back. Only hashes
of the random ids are stored, until the tokens they stop would have expired.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from litestar.di import NamedDependency

from safety_check import i18n
from safety_check.content_changes import CONTENT_CHANGES
from safety_check.questionnaire import CONTENT_VERSION
from safety_check.service.individual import journey_tokens, saved_answers
from safety_check.service.individual.journey_tokens import FormToken, id_hash
from safety_check.service.individual.saved_answers import KEEP_DAYS, Opened
from safety_check.service.platform.core import Platform
from safety_check.storage import form_tokens

SPENT_GRACE_SECONDS = 10
"""A spent page may be sent again this soon (a double tap on "Continue" without JavaScript sends
it twice, and the browser shows the second answer); never after the exit."""
EXITED = 0


class Journeys:
    def __init__(self, platform: Platform, clock: Callable[[], float] = time.time) -> None:
        self._platform = platform
        self.clock = clock

    @property
    def lifetime(self) -> int:
        return self._platform.settings.form_token_minutes * 60

    def _now(self) -> int:
        return int(self.clock())

    def start(self, language: i18n.Language = i18n.DEFAULT) -> str:
        """The first page's token, for a new journey in `language`."""
        return journey_tokens.issue(
            self._platform.secret, self._now() + self.lifetime, language=language
        )

    def language_of(self, presented: str | None) -> i18n.Language | None:
        """The language a token's pages are in, if the server signed it (spent or not: an
        "expired" page still speaks the person's language)."""
        token = journey_tokens.read(self._platform.secret, presented)
        return token.language if token is not None else None

    async def accept(
        self, presented: str | None, language: i18n.Language | None = None
    ) -> str | None:
        """Spend a page's token and return the next page's, or None: show "expired". The next
        page is in `language` when the person just chose one, else in the token's."""
        live = await self._live(presented)
        if live is None:
            return None
        token, page, spent = live
        if not spent:
            await form_tokens.retire(self._platform.database, page, self._now(), token.expires_at)
        return journey_tokens.issue(
            self._platform.secret,
            self._now() + self.lifetime,
            token.journey,
            language or token.language,
        )

    async def is_live(self, presented: str | None) -> bool:
        """Whether a page's token would be accepted, without spending it (a file download
        leaves the page on screen, and its forms must still work)."""
        return await self._live(presented) is not None

    async def _live(self, presented: str | None) -> tuple[FormToken, bytes, bool] | None:
        """A usable token, its page's stored id and whether it was spent already (within the
        grace); None when it is forged, expired, spent too long ago, or its journey exited."""
        token = journey_tokens.read(self._platform.secret, presented)
        now = self._now()
        if token is None or token.expires_at <= now:
            return None
        journey, page = id_hash("journey", token.journey), id_hash("page", token.token)
        retired = await form_tokens.spent_at(self._platform.database, journey, page)
        if journey in retired or now - retired.get(page, now) > SPENT_GRACE_SECONDS:
            return None
        return token, page, page in retired

    def save(self, answers: dict[str, str | list[str]]) -> tuple[str, int]:
        """The answers sealed into a code, and when it stops working. Nothing is stored."""
        expires_at = self._now() + KEEP_DAYS * 24 * 60 * 60
        code = saved_answers.seal(self._platform.secret, answers, CONTENT_VERSION, expires_at)
        return code, expires_at

    def restore(self, text: str) -> Opened | None:
        return saved_answers.open_code(self._platform.secret, text, self._now())

    @staticmethod
    def changed_since(version: str) -> frozenset[str] | None:
        """Rules added or changed since a saved file's content version."""
        return saved_answers.changed_since(version, CONTENT_CHANGES)

    async def exit(self, presented: str | None) -> None:
        """Retire the journey of this token, expired or not, for as long as any of its pages'
        tokens could still be valid."""
        token = journey_tokens.read(self._platform.secret, presented)
        if token is None:
            return
        journey = id_hash("journey", token.journey)
        until = self._now() + self.lifetime
        await form_tokens.retire(self._platform.database, journey, EXITED, until)

    async def purge_expired(self) -> int:
        return await form_tokens.purge_expired(self._platform.database, self._now())


InjectedJourneys = NamedDependency[Journeys]
"""A handler parameter named `journeys` gets the app's service (see service/app.py)."""
