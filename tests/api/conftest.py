"""A fresh app for every test, on a fresh SQLite file (or, where a module asks for both engines
with `pytestmark = BOTH_ENGINES`, on a fresh PostgreSQL schema too)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.app import create_app
from safety_check.settings import Settings
from tests.engines import database_location


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def settings(tmp_path: Path, engine: str) -> Iterator[Settings]:
    with database_location(engine, tmp_path) as location:
        if isinstance(location, Path):
            yield Settings(database=location)
        else:
            yield Settings(database_url=location)


@pytest.fixture
def app(settings: Settings) -> Litestar:
    return create_app(settings)


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app=app) as test_client:
        yield test_client
