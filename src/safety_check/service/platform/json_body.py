"""JSON request bodies decoded straight into the handler's type, strictly.

Litestar decodes a JSON body into plain Python values first and converts them to the handler's
type afterwards, leniently: that decode has no type to stop deep nesting (a RecursionError, 500),
and the conversion accepts `"7"` for a number. This request class decodes into the handler's
`data` type in one strict pass, refuses duplicate keys, and reports the problem as a 400 with a
pointer; a body type with its own `decode_body` (the answers, which name the question a wrong type
belongs to) is decoded by that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import msgspec
from litestar import Request
from litestar.exceptions import HTTPException, ValidationException
from litestar.types import Empty

from safety_check import strict_json

BodyDecoder = Callable[[bytes], Any]

_decoders: dict[Any, BodyDecoder] = {}
_PATH = re.compile(r" - at `\$([^`]*)`$")


def _strict_decoder(body_type: Any) -> BodyDecoder:
    decoder = msgspec.json.Decoder(body_type, strict=True)

    def decode(body: bytes) -> Any:
        value = strict_json.decode(body, decoder)
        strict_json.reject_duplicate_keys(body)
        return value

    return decode


def body_decoder(body_type: Any) -> BodyDecoder:
    decoder = _decoders.get(body_type)
    if decoder is None:
        # A body type may bring its own decoder (`decode_body`): answers are decoded so that a
        # wrong type names its question.
        own = getattr(body_type, "decode_body", None)
        decoder = _decoders[body_type] = own or _strict_decoder(body_type)
    return decoder


def _pointer(message: str) -> str:
    """`$.answers[...]` or `$.items[0].name` as a JSON pointer (map keys are not known)."""
    match = _PATH.search(message)
    if not match:
        return ""
    parts = re.findall(r"\.([^.\[]+)|\[(\d+)\]", match.group(1))
    return "".join("/" + (name or index) for name, index in parts)


def _invalid(error: msgspec.MsgspecError) -> ValidationException:
    message = str(error)
    pointer = _pointer(message)
    text = _PATH.sub("", message)
    if isinstance(error, strict_json.DuplicateKey):
        detail = f"The body repeats the key {error.key!r}; send each key once."
    elif isinstance(error, strict_json.ShapeHint):
        detail = text
    elif isinstance(error, msgspec.ValidationError):
        detail = "The request body is not valid JSON of the expected shape."
    else:
        detail = "The request body is not valid JSON."
    return ValidationException(
        detail=detail,
        extra=[{"pointer": pointer, "message": text, "source": "body"}],
    )


class StrictJsonRequest(Request[Any, Any, Any]):
    async def json(self) -> Any:
        if self._json is Empty:
            body = await self.body()
            data = self.route_handler.parsed_fn_signature.parameters.get("data")
            body_type = data.annotation if data is not None else Any
            try:
                value = body_decoder(body_type)(body or b"null")
            except msgspec.MsgspecError as error:
                raise _invalid(error) from None
            self._json = self._connection_state.json = value
        return self._json


async def require_json(request: Request[Any, Any, Any]) -> None:
    """Answer 415 before reading a body that is not JSON."""
    media_type, _ = request.content_type
    if media_type != "application/json":
        raise HTTPException(
            status_code=415,
            detail="Send the answers as application/json.",
            headers={"Accept-Post": "application/json"},
        )
