"""The content changelog keeps step with CONTENT_VERSION and names only real rules and services."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.content_changes import CONTENT_CHANGES
from safety_check.questionnaire import CONTENT_VERSION, QUESTIONS_BY_ID
from safety_check.resources import RESOURCES
from safety_check.rules import ALL_RULES


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def test_the_newest_entry_is_the_current_content_version() -> None:
    assert CONTENT_CHANGES[0].version == CONTENT_VERSION, (
        f"CONTENT_VERSION is {CONTENT_VERSION}: add an entry for it at the top of "
        "src/safety_check/content_changes.toml"
    )


def test_versions_are_newest_first_and_dated_in_order() -> None:
    versions = [_key(change.version) for change in CONTENT_CHANGES]
    assert versions == sorted(versions, reverse=True)
    assert len(set(versions)) == len(versions)
    dates = [change.date for change in CONTENT_CHANGES]
    assert dates == sorted(dates, reverse=True)
    assert all(change.summary.strip() for change in CONTENT_CHANGES)


def test_every_named_id_exists() -> None:
    rule_ids = {rule.id for rule in ALL_RULES} | {
        alias for rule in ALL_RULES for alias in rule.aliases
    }
    removed_rules: set[str] = set()
    removed_services: set[str] = set()
    for change in CONTENT_CHANGES:  # newest first: an older entry may name what was removed since
        named_rules = set(change.rules_added + change.rules_changed)
        assert named_rules <= rule_ids | removed_rules, change.version
        assert not set(change.rules_removed) & rule_ids, change.version
        assert set(change.services_changed) <= set(RESOURCES) | removed_services, change.version
        assert not set(change.services_removed) & set(RESOURCES), change.version
        assert set(change.questions_changed) <= set(QUESTIONS_BY_ID), change.version
        removed_rules.update(change.rules_removed)
        removed_services.update(change.services_removed)


async def test_served_newest_first(client: AsyncTestClient[Litestar]) -> None:
    response = await client.get("/api/v1/content/changes")
    assert response.status_code == 200
    body = response.json()
    assert body[0]["version"] == CONTENT_VERSION
    assert [entry["version"] for entry in body] == [c.version for c in CONTENT_CHANGES]
    assert "max-age" in response.headers["cache-control"]
