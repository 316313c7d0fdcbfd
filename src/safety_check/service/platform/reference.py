"""The API reference page: the app's own OpenAPI document, rendered on the server as one page.

Partners read it without JavaScript and under the site's strict Content-Security-Policy (no inline
script or style, nothing from another site), which off-the-shelf OpenAPI viewers cannot manage.
The document is turned into a small view model once per app and the template only walks it.
Schemas named in components are linked, never inlined, so a recursive schema (a condition inside
a condition) stays one entry and the page stays finite.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterable, Mapping
from itertools import chain, combinations
from typing import Any

import msgspec
from litestar import Litestar, MediaType, Request, Response, get
from litestar.datastructures import CacheControlHeader
from litestar.serialization import encode_json
from markupsafe import Markup

from safety_check.service.platform.openapi import for_partners

JSON = Mapping[str, Any]
SCHEMA_REF = "#/components/schemas/"
RAW_DOCUMENT = "/api/v1/schema/openapi.json"
HTTP_METHODS = ("get", "head", "post", "put", "patch", "delete", "options", "trace")
COLLAPSE_FIELDS = 12
"""Nested objects with more fields than this start folded: the plan request's answers are some
seventy questions, which would otherwise bury the rest of the schema."""
FACTS = (
    ("format", "format"),
    ("pattern", "pattern"),
    ("minLength", "min length"),
    ("maxLength", "max length"),
    ("minimum", "minimum"),
    ("exclusiveMinimum", "more than"),
    ("maximum", "maximum"),
    ("exclusiveMaximum", "less than"),
    ("multipleOf", "multiple of"),
    ("minItems", "min items"),
    ("maxItems", "max items"),
    ("minProperties", "min fields"),
    ("maxProperties", "max fields"),
    ("default", "default"),
)
FLAGS = (
    ("uniqueItems", "items are unique"),
    ("readOnly", "read-only"),
    ("writeOnly", "write-only"),
    ("deprecated", "deprecated"),
)
_CODE_SPAN = re.compile(r"`([^`]+)`")


class Segment(msgspec.Struct, frozen=True):
    """A piece of a type line ("array of ", "Action"); with an anchor, a link to that schema."""

    text: str
    anchor: str | None = None
    joiner: bool = False


class Fact(msgspec.Struct, frozen=True):
    label: str
    value: str | None = None


class Field(msgspec.Struct, frozen=True):
    name: str
    required: bool
    schema: SchemaView


class SchemaView(msgspec.Struct, frozen=True, kw_only=True):
    type_line: tuple[Segment, ...]
    description: Markup | None = None
    enum_label: str = ""
    enum: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    fields: tuple[Field, ...] = ()
    extra: SchemaView | None = None
    """The schema of any other field (additionalProperties), when it is a schema."""
    variants: tuple[SchemaView, ...] = ()
    """Alternatives that are objects of their own; simple ones are folded into the type line."""

    @property
    def folded(self) -> bool:
        return len(self.fields) > COLLAPSE_FIELDS


class Example(msgspec.Struct, frozen=True):
    title: str
    text: str


class Content(msgspec.Struct, frozen=True):
    media_type: str
    schema: SchemaView | None
    examples: tuple[Example, ...] = ()


class Parameter(msgspec.Struct, frozen=True):
    name: str
    location: str
    required: bool
    description: Markup | None
    schema: SchemaView


class RequestBody(msgspec.Struct, frozen=True):
    required: bool
    description: Markup | None
    contents: tuple[Content, ...]


class ResponseView(msgspec.Struct, frozen=True):
    status: str
    description: Markup | None
    headers: tuple[Parameter, ...]
    contents: tuple[Content, ...]


class Credentials(msgspec.Struct, frozen=True):
    """An operation's security, said the way a reader needs it: what must be sent, and what may
    be sent as well. When the accepted sets don't fit that shape, each is listed instead."""

    needed: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, ...], ...] = ()


class Operation(msgspec.Struct, frozen=True, kw_only=True):
    method: str
    path: str
    path_html: Markup
    """The path with a line-break chance before each "/", so a long one wraps between parts."""
    operation_id: str | None
    anchor: str
    summary: str | None
    description: Markup | None
    deprecated: bool
    credentials: Credentials
    parameters: tuple[Parameter, ...]
    request_body: RequestBody | None
    responses: tuple[ResponseView, ...]


class TagGroup(msgspec.Struct, frozen=True):
    name: str
    anchor: str
    description: Markup | None
    operations: tuple[Operation, ...]


class Scheme(msgspec.Struct, frozen=True):
    name: str
    anchor: str
    how: Markup
    description: Markup | None


class NamedSchema(msgspec.Struct, frozen=True):
    name: str
    anchor: str
    view: SchemaView


class Reference(msgspec.Struct, frozen=True, kw_only=True):
    title: str
    version: str
    description: Markup | None
    raw_document: str
    schemes: tuple[Scheme, ...]
    groups: tuple[TagGroup, ...]
    schemas: tuple[NamedSchema, ...]


# --- text -----------------------------------------------------------------------------------


def prose(text: object) -> Markup | None:
    """Description text, escaped, with Markdown's `code spans` kept as code (the only Markdown
    the document's descriptions use)."""
    if not isinstance(text, str) or not text.strip():
        return None
    # Splitting on a pattern with one group puts the code spans at the odd positions.
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if index % 2 else Markup.escape(part)
        for index, part in enumerate(_CODE_SPAN.split(text))
    )


def literal(value: object) -> str:
    """A JSON value as a reader expects to see it: strings bare, whole floats without ".0"."""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return json.dumps(value, ensure_ascii=False)


def breakable_path(path: str) -> Markup:
    first, *rest = path.split("/")
    if not rest:
        return Markup.escape(path)
    return Markup.escape(first) + Markup("/") + Markup("<wbr>/").join(rest)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "untitled"


def schema_anchor(name: str) -> str:
    return f"schema-{name}"


# --- schemas --------------------------------------------------------------------------------


def ref_name(schema: JSON) -> str | None:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
        return ref.removeprefix(SCHEMA_REF)
    return None


def _alternatives(schema: JSON) -> list[JSON]:
    return [*schema.get("oneOf", ()), *schema.get("anyOf", ())]


def _is_inline_object(schema: JSON) -> bool:
    return "properties" in schema and "$ref" not in schema


def _items(schema: JSON) -> JSON | None:
    items = schema.get("items")
    return items if isinstance(items, Mapping) else None


def _types(schema: JSON) -> list[str]:
    declared = schema.get("type")
    types = [declared] if isinstance(declared, str) else list(declared or ())
    if not types and "properties" in schema:
        types = ["object"]
    # "string or null" reads better than "null or string".
    return sorted(types, key=lambda kind: kind == "null")


def _join(lines: list[tuple[Segment, ...]], word: str) -> tuple[Segment, ...]:
    unique = list(dict.fromkeys(lines))
    joined: list[Segment] = []
    for index, line in enumerate(unique):
        if index:
            last = index == len(unique) - 1
            joined.append(Segment(f" {word} " if last else ", ", joiner=True))
        joined.extend(line)
    return tuple(joined)


def _type_word(kind: str, schema: JSON) -> tuple[Segment, ...]:
    items = _items(schema)
    if kind != "array" or items is None:
        return (Segment(kind),)
    if _is_inline_object(items):
        return (Segment("array of objects"),)
    inner = type_line(items)
    if any(segment.joiner for segment in inner):
        inner = (Segment("("), *inner, Segment(")"))
    return (Segment("array of "), *inner)


def type_line(schema: JSON) -> tuple[Segment, ...]:
    """What a value may be, in words, with named schemas as links."""
    name = ref_name(schema)
    if name is not None:
        return (Segment(name, schema_anchor(name)),)
    if "$ref" in schema:  # a reference outside components.schemas: say where, don't guess
        return (Segment(str(schema["$ref"])),)
    alternatives = _alternatives(schema)
    if alternatives:
        return _join([type_line(alternative) for alternative in alternatives], "or")
    if "allOf" in schema:
        return _join([type_line(part) for part in schema["allOf"]], "and")
    words = [_type_word(kind, schema) for kind in _types(schema)]
    return _join(words, "or") if words else (Segment("any value"),)


def _simple(schema: JSON) -> bool:
    """A plain value (no fields, no link of its own) whose details can merge into its parent."""
    return "$ref" not in schema and not _is_inline_object(schema) and not _alternatives(schema)


def _enum(schema: JSON) -> tuple[str, tuple[str, ...]]:
    if "const" in schema:
        return "Always", (literal(schema["const"]),)
    values = list(schema.get("enum", ()))
    for alternative in _alternatives(schema):
        if _simple(alternative):
            values.extend(alternative.get("enum", ()))
            if "const" in alternative:
                values.append(alternative["const"])
    if values:
        return "One of", tuple(dict.fromkeys(literal(value) for value in values))
    items = _items(schema)
    if items is not None and _simple(items):
        label, item_values = _enum(items)
        if item_values:
            return "Each one of" if label == "One of" else "Each always", item_values
    return "", ()


def _own_facts(schema: JSON) -> list[Fact]:
    facts = [Fact(label, literal(schema[key])) for key, label in FACTS if key in schema]
    facts.extend(Fact(label) for key, label in FLAGS if schema.get(key) is True)
    if schema.get("additionalProperties") is False:
        facts.append(Fact("no other fields allowed"))
    return facts


def _facts(schema: JSON) -> tuple[Fact, ...]:
    facts = _own_facts(schema)
    for alternative in _alternatives(schema):
        if _simple(alternative):
            facts.extend(_own_facts(alternative))
    items = _items(schema)
    if items is not None and _simple(items):
        facts.extend(Fact(f"each item: {fact.label}", fact.value) for fact in _own_facts(items))
    return tuple(dict.fromkeys(facts))


def _fields(schema: JSON) -> tuple[Field, ...]:
    source = schema
    items = _items(schema)
    if "properties" not in schema and items is not None and _is_inline_object(items):
        source = items
    required = set(source.get("required", ()))
    properties: JSON = source.get("properties", {})
    return tuple(
        Field(name, name in required, schema_view(prop)) for name, prop in properties.items()
    )


def schema_view(schema: JSON) -> SchemaView:
    """One schema for the page. A `$ref` stays a link; inline objects are shown field by field."""
    if ref_name(schema) is not None and len(schema) == 1:
        return SchemaView(type_line=type_line(schema))
    label, values = _enum(schema)
    extra = schema.get("additionalProperties")
    return SchemaView(
        type_line=type_line(schema),
        description=prose(schema.get("description")),
        enum_label=label,
        enum=values,
        facts=_facts(schema),
        fields=_fields(schema),
        extra=schema_view(extra) if isinstance(extra, Mapping) else None,
        variants=tuple(
            schema_view(alternative)
            for alternative in _alternatives(schema)
            if _is_inline_object(alternative)
        ),
    )


def _examples(media: JSON) -> tuple[Example, ...]:
    """Examples given for a body as a whole (never those inside component schemas, which are
    generated filler rather than written by anyone)."""
    found: list[tuple[str | None, Any]] = []
    if "example" in media:
        found.append((None, media["example"]))
    for name, example in media.get("examples", {}).items():
        if isinstance(example, Mapping) and "value" in example:
            found.append((example.get("summary") or name, example["value"]))
    schema = media.get("schema", {})
    found.extend((None, value) for value in schema.get("examples", ()))
    return tuple(
        Example(title or f"Example {number}", json.dumps(value, indent=2, ensure_ascii=False))
        for number, (title, value) in enumerate(found, start=1)
    )


# --- operations -----------------------------------------------------------------------------


def _resolve(document: JSON, node: JSON) -> JSON:
    """Follow a local `$ref` to a parameter, body or response kept under components."""
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return node
    target: Any = document
    for part in ref[2:].split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target  # type: ignore[no-any-return]


def _contents(content: JSON) -> tuple[Content, ...]:
    return tuple(
        Content(
            media_type,
            schema_view(media["schema"]) if "schema" in media else None,
            _examples(media),
        )
        for media_type, media in content.items()
    )


def _parameter(name: str, location: str, spec: JSON) -> Parameter:
    schema = dict(spec.get("schema", {}))
    # Litestar copies a parameter's description into its schema; say it once.
    if schema.get("description") == spec.get("description"):
        schema.pop("description", None)
    return Parameter(
        name=name,
        location=location,
        required=bool(spec.get("required", location == "path")),
        description=prose(spec.get("description")),
        schema=schema_view(schema),
    )


def _parameters(document: JSON, path_item: JSON, operation: JSON) -> tuple[Parameter, ...]:
    by_key: dict[tuple[str, str], JSON] = {}
    for raw in [*path_item.get("parameters", ()), *operation.get("parameters", ())]:
        spec = _resolve(document, raw)
        by_key[(spec["name"], spec["in"])] = spec  # the operation's own overrides the path's
    return tuple(_parameter(name, where, spec) for (name, where), spec in by_key.items())


def _request_body(document: JSON, operation: JSON) -> RequestBody | None:
    if "requestBody" not in operation:
        return None
    body = _resolve(document, operation["requestBody"])
    return RequestBody(
        required=bool(body.get("required", False)),
        description=prose(body.get("description")),
        contents=_contents(body.get("content", {})),
    )


def _status_order(status: str) -> tuple[int, str]:
    return (0 if status[:1].isdigit() else 1, status)


def _responses(document: JSON, operation: JSON) -> tuple[ResponseView, ...]:
    responses: JSON = operation.get("responses", {})
    views = []
    for status in sorted(responses, key=_status_order):
        response = _resolve(document, responses[status])
        headers = tuple(
            _parameter(name, "header", _resolve(document, spec))
            for name, spec in response.get("headers", {}).items()
        )
        views.append(
            ResponseView(
                status=status,
                description=prose(response.get("description")),
                headers=headers,
                contents=_contents(response.get("content", {})),
            )
        )
    return tuple(views)


MAX_OPTIONAL = 4


def credentials(requirements: Iterable[Iterable[str]]) -> Credentials:
    """OpenAPI lists every accepted set of schemes; `[{}, {"apiKey": []}]` means "nothing, or
    an API key", which reads better as "needed: none; optional: apiKey"."""
    accepted = [tuple(requirement) for requirement in requirements]
    names = list(dict.fromkeys(chain.from_iterable(accepted)))
    needed = tuple(name for name in names if all(name in found for found in accepted))
    optional = tuple(name for name in names if name not in needed)
    if len(optional) > MAX_OPTIONAL:
        return Credentials(alternatives=tuple(accepted))
    every_mix = {
        frozenset(needed).union(mix)
        for size in range(len(optional) + 1)
        for mix in combinations(optional, size)
    }
    if {frozenset(found) for found in accepted} != every_mix:
        return Credentials(alternatives=tuple(accepted))
    return Credentials(needed, optional)


def operation_view(document: JSON, path: str, method: str, operation: JSON) -> Operation:
    path_item: JSON = document["paths"][path]
    operation_id = operation.get("operationId")
    return Operation(
        method=method.upper(),
        path=path,
        path_html=breakable_path(path),
        operation_id=operation_id,
        anchor=f"op-{operation_id}" if operation_id else f"op-{method}-{slug(path)}",
        summary=operation.get("summary"),
        description=prose(operation.get("description")),
        deprecated=bool(operation.get("deprecated", False)),
        credentials=credentials(operation.get("security", document.get("security", ()))),
        parameters=_parameters(document, path_item, operation),
        request_body=_request_body(document, operation),
        responses=_responses(document, operation),
    )


def _operations(document: JSON) -> Iterable[tuple[str, str, JSON]]:
    for path, path_item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in path_item:
                yield path, method, path_item[method]


def tag_groups(document: JSON) -> tuple[TagGroup, ...]:
    """Operations under their first tag. Groups follow the document's tag list, then the order
    tags first appear; within a group, by path and method, so a reader can scan for a path."""
    declared = {tag["name"]: tag for tag in document.get("tags", ())}
    grouped: dict[str, list[tuple[str, str, JSON]]] = {name: [] for name in declared}
    for path, method, operation in _operations(document):
        tags = operation.get("tags") or ["Other"]
        grouped.setdefault(tags[0], []).append((path, method, operation))
    return tuple(
        TagGroup(
            name=name,
            anchor=f"tag-{slug(name)}",
            description=prose(declared.get(name, {}).get("description")),
            operations=tuple(
                operation_view(document, path, method, operation)
                for path, method, operation in sorted(
                    members, key=lambda member: (member[0], HTTP_METHODS.index(member[1]))
                )
            ),
        )
        for name, members in grouped.items()
        if members
    )


# --- the page -------------------------------------------------------------------------------


def _how(scheme: JSON) -> Markup:
    kind = scheme.get("type")
    if kind == "apiKey":
        return Markup("An API key in the <code>{}</code> {}.").format(
            scheme.get("name", ""), scheme.get("in", "header")
        )
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
        return Markup(
            "A bearer token in the <code>Authorization</code> header: "
            "<code>Authorization: Bearer &lt;token&gt;</code>."
        )
    if kind == "http":
        return Markup("HTTP <code>{}</code> authentication.").format(scheme.get("scheme", ""))
    return Markup("Type <code>{}</code>.").format(kind)


def security_schemes(document: JSON) -> tuple[Scheme, ...]:
    schemes: JSON = document.get("components", {}).get("securitySchemes", {})
    return tuple(
        Scheme(name, f"auth-{name}", _how(scheme), prose(scheme.get("description")))
        for name, scheme in schemes.items()
    )


def named_schemas(document: JSON) -> tuple[NamedSchema, ...]:
    schemas: JSON = document.get("components", {}).get("schemas", {})
    return tuple(
        NamedSchema(name, schema_anchor(name), schema_view(schemas[name]))
        for name in sorted(schemas, key=str.lower)
    )


def build_reference(document: JSON) -> Reference:
    info: JSON = document.get("info", {})
    return Reference(
        title=str(info.get("title", "API")),
        version=str(info.get("version", "")),
        description=prose(info.get("description")),
        raw_document=RAW_DOCUMENT,
        schemes=security_schemes(document),
        groups=tag_groups(document),
        schemas=named_schemas(document),
    )


_built: list[tuple[object, Reference]] = []
"""The last app's OpenAPI object and the reference built from it: it cannot change while the
app runs, and one process serves one app."""


def reference_for(app: Litestar) -> Reference:
    """The app's reference, built on first use."""
    schema = app.openapi_schema
    if _built and _built[0][0] is schema:
        return _built[0][1]
    # Litestar's encoder knows the spec objects left inside the schema; decode to plain JSON.
    reference = build_reference(for_partners(msgspec.json.decode(encode_json(schema.to_schema()))))
    _built[:] = [(schema, reference)]
    return reference


_pages: list[tuple[Reference, bytes]] = []
"""The page rendered from the last reference: the same for everyone, so rendered once."""


def cached_page(app: Litestar) -> bytes | None:
    """The page, if it was already rendered from this app's reference."""
    if _built and _built[0][0] is app.openapi_schema and _pages and _pages[0][0] is _built[0][1]:
        return _pages[0][1]
    return None


def page_for(app: Litestar) -> bytes:
    reference = reference_for(app)
    if _pages and _pages[0][0] is reference:
        return _pages[0][1]
    engine = app.template_engine
    assert engine is not None
    rendered: str = engine.get_template("reference.html").render(ref=reference)
    page = rendered.encode()
    _pages[:] = [(reference, page)]
    return page


@get(
    "/api/v1/reference",
    include_in_schema=False,
    name="api_reference",
    media_type=MediaType.HTML,
    cache_control=CacheControlHeader(public=True, max_age=3600),
)
async def api_reference(request: Request[Any, Any, Any]) -> Response[bytes]:
    # Built and rendered once per process, in a thread: about 0.2 s that students' requests on
    # this event loop need not wait behind. Later requests take the cached bytes directly.
    page = cached_page(request.app)
    if page is None:
        page = await asyncio.to_thread(page_for, request.app)
    return Response(content=page, media_type=MediaType.HTML)
