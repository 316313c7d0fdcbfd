"""Shared helpers for the per-area rule tables."""

from __future__ import annotations

from collections.abc import Mapping

from safety_check.answers import validate
from safety_check.engine import run
from safety_check.models import FindingStatus

ALL_DEVICES = ["iphone_ipad", "android", "mac", "windows", "chromebook", "games_console"]
ALL_APPS = [
    "instagram",
    "snapchat",
    "tiktok",
    "whatsapp",
    "facebook",
    "x",
    "discord",
    "youtube",
    "telegram",
    "dating_apps",
]

BASE: dict[str, str | list[str]] = {
    "profile.age_band": "18_plus",
    "profile.devices": ALL_DEVICES,
    "profile.apps": ALL_APPS,
}


def make_answers(**overrides: str | list[str]) -> dict[str, str | list[str]]:
    """An adult with every device and app, plus the answers under test.

    Keyword names use `__` for the dot: `make_answers(webcam__cover_when_unused="never")`.
    """
    answers = dict(BASE)
    answers.update({key.replace("__", "."): value for key, value in overrides.items()})
    return answers


def statuses(area: str, answers: Mapping[str, str | list[str]]) -> dict[str, FindingStatus]:
    """Every rule of one area, with its status for these answers."""
    return {
        result.compiled.rule.id: result.status
        for result in run(validate(answers))
        if result.compiled.rule.area == area
    }


def fired(area: str, answers: Mapping[str, str | list[str]]) -> set[str]:
    """The ids of the area's rules that fire (status "fail") for these answers."""
    return {rule_id for rule_id, status in statuses(area, answers).items() if status == "fail"}


def passed(area: str, answers: Mapping[str, str | list[str]]) -> set[str]:
    return {rule_id for rule_id, status in statuses(area, answers).items() if status == "pass"}
