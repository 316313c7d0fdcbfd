"""JSON decoding that refuses what msgspec alone lets through: duplicate keys and deep nesting.

msgspec keeps the last of two equal keys, so `{"age_band": "13_15", "age_band": "18_plus"}`
would be read as whichever came last while a proxy or log might read the first; we refuse both.
Decoding always targets a type, which stops nesting at the first level the type does not allow;
where nesting is still deep (a raw value, say) msgspec raises RecursionError, turned here into the
DecodeError every caller already handles.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")


class DuplicateKey(msgspec.DecodeError):
    """An object in the body has the same key twice."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"the key {key!r} appears twice in one object; send each key once")


class ShapeHint(msgspec.ValidationError):
    """A body of the wrong shape whose message says how to send it right."""


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return found


def reject_duplicate_keys(body: bytes, decoded_keys: int | None = None) -> None:
    """Raise DuplicateKey if any object in `body` (already decoded once) repeats a key.

    `decoded_keys` is how many keys the decoded value holds, when the caller knows. Every key is
    followed by exactly one colon, so when the body has no more colons than that, no key can
    repeat; only bodies with colons inside strings (or a real repeat) take the slower full parse.
    """
    if decoded_keys is not None and body.count(b":") <= decoded_keys:
        return
    try:
        json.loads(body, object_pairs_hook=_unique_pairs)
    except (ValueError, RecursionError) as error:
        if isinstance(error, DuplicateKey):
            raise
        raise msgspec.DecodeError(f"not valid JSON: {error}") from None


def decode(body: bytes, decoder: msgspec.json.Decoder[T]) -> T:
    """Decode with a typed decoder; nesting too deep for the stack is a DecodeError."""
    try:
        return decoder.decode(body)
    except RecursionError:
        raise msgspec.DecodeError("JSON is nested too deeply") from None
