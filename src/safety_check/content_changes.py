"""The content changelog (`content_changes.toml`): what changed in each content version."""

from __future__ import annotations

import datetime
import tomllib
from importlib import resources

import msgspec


class ContentChange(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One content version: when it was released and what a person could notice."""

    version: str
    date: datetime.date
    summary: str
    rules_added: tuple[str, ...] = ()
    rules_changed: tuple[str, ...] = ()
    rules_removed: tuple[str, ...] = ()
    services_changed: tuple[str, ...] = ()
    """Support services (resource ids) whose number, address or description changed."""
    services_removed: tuple[str, ...] = ()
    questions_changed: tuple[str, ...] = ()


class _File(msgspec.Struct, forbid_unknown_fields=True):
    version: tuple[ContentChange, ...]


def load() -> tuple[ContentChange, ...]:
    """Every content version, newest first."""
    text = resources.files("safety_check").joinpath("content_changes.toml").read_text()
    return msgspec.convert(tomllib.loads(text), _File).version


CONTENT_CHANGES = load()
