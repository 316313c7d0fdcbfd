"""With every class: a printable letter for parents and carers, and an outline for the school's
data protection impact assessment that names every stored field (checked against the database
itself, on both engines)."""

from __future__ import annotations

import html

from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.resources import RESOURCES, contact_line
from safety_check.schools import dpia
from safety_check.settings import Settings
from tests.api.test_schools_web import HTML, create_class
from tests.engines import BOTH_ENGINES, columns

pytestmark = BOTH_ENGINES
Client = AsyncTestClient[Litestar]


async def test_every_stored_field_is_in_the_dpia(client: Client, settings: Settings) -> None:
    """The app (started by `client`) has migrated the database: its columns are the truth."""
    location = settings.database_location()
    for table, fields in dpia.STORED.items():
        assert list(fields) == columns(location, table), table


async def test_the_letter_and_the_dpia_come_with_every_class(client: Client) -> None:
    made = await create_class(client, "8B", age_band="13_15")
    letter = await client.get(f"{made.path}/letter", headers=HTML)
    assert letter.status_code == 200
    text = html.unescape(letter.text)
    assert "Dear parent or carer" in text and "8B" in text
    assert "never collected: names" in text and "it is never their fault" in text
    for name in ("nspcc_helpline", "ceop", "childline"):
        assert contact_line(RESOURCES[name]) in text, name
    outline = await client.get(f"{made.path}/dpia", headers=HTML)
    assert outline.status_code == 200
    text = html.unescape(outline.text)
    for table, fields in dpia.STORED.items():
        assert f"Table: {table}" in text
        for meaning in fields.values():
            assert meaning in text
    assert all(item in text for item in dpia.NEVER)
    dashboard = await client.get(made.path, headers=HTML)
    # The links keep the page's language (`?lang=en`) where more than one is offered.
    assert f'href="{made.path}/letter' in dashboard.text
    assert f'href="{made.path}/dpia' in dashboard.text


async def test_without_a_session_neither_is_shown(client: Client) -> None:
    made = await create_class(client, "8B")
    client.cookies.clear()
    for page in ("letter", "dpia"):
        response = await client.get(f"{made.path}/{page}", headers=HTML)
        assert response.status_code == 401 and "Dear parent" not in response.text
