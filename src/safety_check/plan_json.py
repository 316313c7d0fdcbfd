"""A plan as JSON bytes, identical to `msgspec.json.encode(plan)` but mostly copied, not encoded.

Actions and findings are immutable objects shared between plans (the engine caches them), and
they are nine tenths of a plan's bytes. Each is encoded once and kept as raw JSON beside the
object, so a plan costs one copy of those bytes instead of walking every step and source again.
"""

from __future__ import annotations

import msgspec

from safety_check.models import (
    AgeBand,
    Contact,
    DoingWell,
    ForWhom,
    Lane,
    Plan,
    Scores,
    SupportItem,
)

CACHE_LIMIT = 50_000
"""Raw entries kept at most; the engine's action cache has the same bound."""

_encode = msgspec.json.encode
_RAW: dict[int, tuple[object, msgspec.Raw]] = {}
"""id(object) → (object, its JSON). Holding the object keeps its id from being reused."""


class _UrgentLaneJSON(msgspec.Struct, frozen=True, kw_only=True):
    mode: Lane
    title: str
    message: str
    actions: tuple[msgspec.Raw, ...]


class _LaterJSON(msgspec.Struct, frozen=True, kw_only=True):
    title: str
    message: str
    actions: tuple[msgspec.Raw, ...]


class _PlanJSON(msgspec.Struct, frozen=True, kw_only=True):
    """`Plan`, field for field in the same order, with shared parts as raw JSON."""

    content_version: str
    written_for: ForWhom
    age_band: AgeBand | None
    urgent: _UrgentLaneJSON | None
    do_first: tuple[msgspec.Raw, ...]
    next: tuple[msgspec.Raw, ...] = msgspec.field(name="do_next")
    when_ready: _LaterJSON | None
    doing_well: tuple[DoingWell, ...]
    not_answered: tuple[str, ...]
    scores: Scores | None
    scores_withheld: str | None
    support: tuple[SupportItem, ...]
    contact_first: tuple[Contact, ...]
    findings: tuple[msgspec.Raw, ...]


def _raw(item: object) -> msgspec.Raw:
    entry = _RAW.get(id(item))
    if entry is not None and entry[0] is item:
        return entry[1]
    raw = msgspec.Raw(_encode(item))
    if len(_RAW) >= CACHE_LIMIT:
        _RAW.clear()
    _RAW[id(item)] = (item, raw)
    return raw


def encode_plan(plan: Plan) -> bytes:
    """The plan's JSON, byte for byte what msgspec would write for it."""
    urgent = plan.urgent
    later = plan.when_ready
    return _encode(
        _PlanJSON(
            content_version=plan.content_version,
            written_for=plan.written_for,
            age_band=plan.age_band,
            urgent=None
            if urgent is None
            else _UrgentLaneJSON(
                mode=urgent.mode,
                title=urgent.title,
                message=urgent.message,
                actions=tuple([_raw(a) for a in urgent.actions]),
            ),
            do_first=tuple([_raw(action) for action in plan.do_first]),
            next=tuple([_raw(action) for action in plan.next]),
            when_ready=None
            if later is None
            else _LaterJSON(
                title=later.title,
                message=later.message,
                actions=tuple([_raw(a) for a in later.actions]),
            ),
            doing_well=plan.doing_well,
            not_answered=plan.not_answered,
            scores=plan.scores,
            scores_withheld=plan.scores_withheld,
            support=plan.support,
            contact_first=plan.contact_first,
            findings=tuple([_raw(finding) for finding in plan.findings]),
        )
    )
