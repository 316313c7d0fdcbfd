"""The API reference page: the app's own OpenAPI document, rendered on the server as one page.

Partners read it without JavaScript and under the site's strict Content-Security-Policy (no inline
script or style, nothing from another site), which off-the-shelf OpenAPI viewers cannot manage.
The document is turned into a small view model once per app and language, and the template only
walks it. In another language the page's own words and the document's prose are translated
(`api_words`); identifiers, paths, values and examples never are, and the served document stays
English.
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

from safety_check import i18n
from safety_check.service.platform.api_words import Say
from safety_check.service.platform.openapi import for_partners
from safety_check.service.platform.template_i18n import (
    LanguageLink,
    Text,
    offered,
    pgettext,
    request_language,
)

JSON = Mapping[str, Any]
SCHEMA_REF = "#/components/schemas/"
RAW_DOCUMENT = "/api/v1/schema/openapi.json"
HTTP_METHODS = ("get", "head", "post", "put", "patch", "delete", "options", "trace")
COLLAPSE_FIELDS = 12
"""Nested objects with more fields than this start folded: the plan request's answers are some
seventy questions, which would otherwise bury the rest of the schema."""
FACTS = (
    ("format", pgettext("reference:fact", "format")),
    ("pattern", pgettext("reference:fact", "pattern")),
    ("minLength", pgettext("reference:fact", "min length")),
    ("maxLength", pgettext("reference:fact", "max length")),
    ("minimum", pgettext("reference:fact", "minimum")),
    ("exclusiveMinimum", pgettext("reference:fact", "more than")),
    ("maximum", pgettext("reference:fact", "maximum")),
    ("exclusiveMaximum", pgettext("reference:fact", "less than")),
    ("multipleOf", pgettext("reference:fact", "multiple of")),
    ("minItems", pgettext("reference:fact", "min items")),
    ("maxItems", pgettext("reference:fact", "max items")),
    ("minProperties", pgettext("reference:fact", "min fields")),
    ("maxProperties", pgettext("reference:fact", "max fields")),
    ("default", pgettext("reference:fact", "default")),
)
FLAGS = (
    ("uniqueItems", pgettext("reference:fact", "items are unique")),
    ("readOnly", pgettext("reference:fact", "read-only")),
    ("writeOnly", pgettext("reference:fact", "write-only")),
    ("deprecated", pgettext("reference:fact", "deprecated")),
)
NO_OTHER_FIELDS = pgettext("reference:fact", "no other fields allowed")
EACH_ITEM = pgettext("reference:fact", "each item: %(fact)s")
ALWAYS = pgettext("reference:enum", "Always")
ONE_OF = pgettext("reference:enum", "One of")
EACH_ALWAYS = pgettext("reference:enum", "Each always")
EACH_ONE_OF = pgettext("reference:enum", "Each one of")
ARRAY_OF = pgettext("reference:type", "array of")
"""Followed by the items' type: "array of string", "array of Action"."""
ARRAY_OF_OBJECTS = pgettext("reference:type", "array of objects")
ANY_VALUE = pgettext("reference:type", "any value")
OR = pgettext("reference:type", "or")
AND = pgettext("reference:type", "and")
EXAMPLE = pgettext("reference:example", "Example %(number)s")
OTHER_TAG = pgettext("reference:tag", "Other")
IN_LOCATION = {
    "path": pgettext("reference:location", "in path"),
    "query": pgettext("reference:location", "in query"),
    "header": pgettext("reference:location", "in header"),
    "cookie": pgettext("reference:location", "in cookie"),
}
API_KEY_IN = {
    "header": pgettext("reference:auth", "An API key in the %(name)s header."),
    "query": pgettext("reference:auth", "An API key in the %(name)s query parameter."),
    "cookie": pgettext("reference:auth", "An API key in the %(name)s cookie."),
}
BEARER = pgettext("reference:auth", "A bearer token in the %(header)s header: %(example)s.")
HTTP_AUTH = pgettext("reference:auth", "HTTP %(scheme)s authentication.")
OTHER_AUTH = pgettext("reference:auth", "Type %(type)s.")
ENGLISH = Say()
_CODE_SPAN = re.compile(r"`([^`]+)`")


class Segment(msgspec.Struct, frozen=True):
    """A piece of a type line ("array of ", "Action"); with an anchor, a link to that schema."""

    text: str
    anchor: str | None = None
    joiner: bool = False
    identifier: bool = False
    """A JSON type or schema name, the same in every language (`translate="no"` on the page)."""


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
    where: str
    """The location in words: "in query"."""
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
    """From the tag's English name, so a link to it lands on the page in any language."""
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


def _type_word(kind: str, schema: JSON, say: Say) -> tuple[Segment, ...]:
    items = _items(schema)
    if kind != "array" or items is None:
        return (Segment(kind, identifier=True),)
    if _is_inline_object(items):
        return (Segment(say(ARRAY_OF_OBJECTS)),)
    inner = type_line(items, say)
    if any(segment.joiner for segment in inner):
        inner = (Segment("("), *inner, Segment(")"))
    return (Segment(f"{say(ARRAY_OF)} "), *inner)


def type_line(schema: JSON, say: Say = ENGLISH) -> tuple[Segment, ...]:
    """What a value may be, in words, with named schemas as links."""
    name = ref_name(schema)
    if name is not None:
        return (Segment(name, schema_anchor(name), identifier=True),)
    if "$ref" in schema:  # a reference outside components.schemas: say where, don't guess
        return (Segment(str(schema["$ref"]), identifier=True),)
    alternatives = _alternatives(schema)
    if alternatives:
        return _join([type_line(alternative, say) for alternative in alternatives], say(OR))
    if "allOf" in schema:
        return _join([type_line(part, say) for part in schema["allOf"]], say(AND))
    words = [_type_word(kind, schema, say) for kind in _types(schema)]
    return _join(words, say(OR)) if words else (Segment(say(ANY_VALUE)),)


def _simple(schema: JSON) -> bool:
    """A plain value (no fields, no link of its own) whose details can merge into its parent."""
    return "$ref" not in schema and not _is_inline_object(schema) and not _alternatives(schema)


def _enum(schema: JSON) -> tuple[Text | None, tuple[str, ...]]:
    if "const" in schema:
        return ALWAYS, (literal(schema["const"]),)
    values = list(schema.get("enum", ()))
    for alternative in _alternatives(schema):
        if _simple(alternative):
            values.extend(alternative.get("enum", ()))
            if "const" in alternative:
                values.append(alternative["const"])
    if values:
        return ONE_OF, tuple(dict.fromkeys(literal(value) for value in values))
    items = _items(schema)
    if items is not None and _simple(items):
        label, item_values = _enum(items)
        if item_values:
            return EACH_ONE_OF if label == ONE_OF else EACH_ALWAYS, item_values
    return None, ()


def _own_facts(schema: JSON, say: Say) -> list[Fact]:
    facts = [Fact(say(label), literal(schema[key])) for key, label in FACTS if key in schema]
    facts.extend(Fact(say(label)) for key, label in FLAGS if schema.get(key) is True)
    if schema.get("additionalProperties") is False:
        facts.append(Fact(say(NO_OTHER_FIELDS)))
    return facts


def _facts(schema: JSON, say: Say) -> tuple[Fact, ...]:
    facts = _own_facts(schema, say)
    for alternative in _alternatives(schema):
        if _simple(alternative):
            facts.extend(_own_facts(alternative, say))
    items = _items(schema)
    if items is not None and _simple(items):
        facts.extend(
            Fact(say(EACH_ITEM) % {"fact": fact.label}, fact.value)
            for fact in _own_facts(items, say)
        )
    return tuple(dict.fromkeys(facts))


def _fields(schema: JSON, say: Say) -> tuple[Field, ...]:
    source = schema
    items = _items(schema)
    if "properties" not in schema and items is not None and _is_inline_object(items):
        source = items
    required = set(source.get("required", ()))
    properties: JSON = source.get("properties", {})
    return tuple(
        Field(name, name in required, schema_view(prop, say)) for name, prop in properties.items()
    )


def schema_view(schema: JSON, say: Say = ENGLISH) -> SchemaView:
    """One schema for the page. A `$ref` stays a link; inline objects are shown field by field."""
    if ref_name(schema) is not None and len(schema) == 1:
        return SchemaView(type_line=type_line(schema, say))
    label, values = _enum(schema)
    extra = schema.get("additionalProperties")
    return SchemaView(
        type_line=type_line(schema, say),
        description=prose(say.api("schema", schema.get("description"))),
        enum_label=say(label) if label else "",
        enum=values,
        facts=_facts(schema, say),
        fields=_fields(schema, say),
        extra=schema_view(extra, say) if isinstance(extra, Mapping) else None,
        variants=tuple(
            schema_view(alternative, say)
            for alternative in _alternatives(schema)
            if _is_inline_object(alternative)
        ),
    )


def _examples(media: JSON, say: Say) -> tuple[Example, ...]:
    """Examples given for a body as a whole (never those inside component schemas, which are
    generated filler rather than written by anyone)."""
    found: list[tuple[str | None, Any]] = []
    if "example" in media:
        found.append((None, media["example"]))
    for name, example in media.get("examples", {}).items():
        if isinstance(example, Mapping) and "value" in example:
            found.append((say.api("example", example.get("summary")) or name, example["value"]))
    schema = media.get("schema", {})
    found.extend((None, value) for value in schema.get("examples", ()))
    return tuple(
        Example(
            title or say(EXAMPLE) % {"number": str(number)},
            json.dumps(value, indent=2, ensure_ascii=False),
        )
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


def _contents(content: JSON, say: Say) -> tuple[Content, ...]:
    return tuple(
        Content(
            media_type,
            schema_view(media["schema"], say) if "schema" in media else None,
            _examples(media, say),
        )
        for media_type, media in content.items()
    )


def _where(location: str, say: Say) -> str:
    words = IN_LOCATION.get(location)
    return say(words) if words else f"in {location}"


def _parameter(name: str, location: str, spec: JSON, say: Say) -> Parameter:
    schema = dict(spec.get("schema", {}))
    # Litestar copies a parameter's description into its schema; say it once.
    if schema.get("description") == spec.get("description"):
        schema.pop("description", None)
    return Parameter(
        name=name,
        location=location,
        where=_where(location, say),
        required=bool(spec.get("required", location == "path")),
        description=prose(say.api("parameter", spec.get("description"))),
        schema=schema_view(schema, say),
    )


def _parameters(
    document: JSON, path_item: JSON, operation: JSON, say: Say
) -> tuple[Parameter, ...]:
    by_key: dict[tuple[str, str], JSON] = {}
    for raw in [*path_item.get("parameters", ()), *operation.get("parameters", ())]:
        spec = _resolve(document, raw)
        by_key[(spec["name"], spec["in"])] = spec  # the operation's own overrides the path's
    return tuple(_parameter(name, where, spec, say) for (name, where), spec in by_key.items())


def _request_body(document: JSON, operation: JSON, say: Say) -> RequestBody | None:
    if "requestBody" not in operation:
        return None
    body = _resolve(document, operation["requestBody"])
    return RequestBody(
        required=bool(body.get("required", False)),
        description=prose(say.api("request", body.get("description"))),
        contents=_contents(body.get("content", {}), say),
    )


def _status_order(status: str) -> tuple[int, str]:
    return (0 if status[:1].isdigit() else 1, status)


def _responses(document: JSON, operation: JSON, say: Say) -> tuple[ResponseView, ...]:
    responses: JSON = operation.get("responses", {})
    views = []
    for status in sorted(responses, key=_status_order):
        response = _resolve(document, responses[status])
        headers = tuple(
            _parameter(name, "header", _resolve(document, spec), say)
            for name, spec in response.get("headers", {}).items()
        )
        views.append(
            ResponseView(
                status=status,
                description=prose(say.api("response", response.get("description"))),
                headers=headers,
                contents=_contents(response.get("content", {}), say),
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


def operation_view(
    document: JSON, path: str, method: str, operation: JSON, say: Say = ENGLISH
) -> Operation:
    path_item: JSON = document["paths"][path]
    operation_id = operation.get("operationId")
    return Operation(
        method=method.upper(),
        path=path,
        path_html=breakable_path(path),
        operation_id=operation_id,
        anchor=f"op-{operation_id}" if operation_id else f"op-{method}-{slug(path)}",
        summary=say.api("summary", operation.get("summary")),
        description=prose(say.api("operation", operation.get("description"))),
        deprecated=bool(operation.get("deprecated", False)),
        credentials=credentials(operation.get("security", document.get("security", ()))),
        parameters=_parameters(document, path_item, operation, say),
        request_body=_request_body(document, operation, say),
        responses=_responses(document, operation, say),
    )


def _operations(document: JSON) -> Iterable[tuple[str, str, JSON]]:
    for path, path_item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in path_item:
                yield path, method, path_item[method]


def tag_groups(document: JSON, say: Say = ENGLISH) -> tuple[TagGroup, ...]:
    """Operations under their first tag. Groups follow the document's tag list, then the order
    tags first appear; within a group, by path and method, so a reader can scan for a path."""
    declared = {tag["name"]: tag for tag in document.get("tags", ())}
    grouped: dict[str, list[tuple[str, str, JSON]]] = {name: [] for name in declared}
    for path, method, operation in _operations(document):
        tags = operation.get("tags") or ["Other"]
        grouped.setdefault(tags[0], []).append((path, method, operation))
    return tuple(
        TagGroup(
            name=say(OTHER_TAG) if name == "Other" else say.api("tag", name) or name,
            anchor=f"tag-{slug(name)}",
            description=prose(
                say.api("tag-description", declared.get(name, {}).get("description"))
            ),
            operations=tuple(
                operation_view(document, path, method, operation, say)
                for path, method, operation in sorted(
                    members, key=lambda member: (member[0], HTTP_METHODS.index(member[1]))
                )
            ),
        )
        for name, members in grouped.items()
        if members
    )


# --- the page -------------------------------------------------------------------------------


def _code(value: object) -> Markup:
    return Markup("<code>{}</code>").format(value)


def _sentence(say: Say, text: Text, **codes: object) -> Markup:
    """A message of the page with identifiers as code, which no translation touches."""
    return Markup.escape(say(text)) % {name: _code(value) for name, value in codes.items()}


def _how(scheme: JSON, say: Say) -> Markup:
    kind = scheme.get("type")
    if kind == "apiKey":
        located = API_KEY_IN.get(str(scheme.get("in", "header")), API_KEY_IN["header"])
        return _sentence(say, located, name=scheme.get("name", ""))
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
        return _sentence(
            say, BEARER, header="Authorization", example="Authorization: Bearer <token>"
        )
    if kind == "http":
        return _sentence(say, HTTP_AUTH, scheme=scheme.get("scheme", ""))
    return _sentence(say, OTHER_AUTH, type=kind)


def security_schemes(document: JSON, say: Say = ENGLISH) -> tuple[Scheme, ...]:
    schemes: JSON = document.get("components", {}).get("securitySchemes", {})
    return tuple(
        Scheme(
            name,
            f"auth-{name}",
            _how(scheme, say),
            prose(say.api("security", scheme.get("description"))),
        )
        for name, scheme in schemes.items()
    )


def named_schemas(document: JSON, say: Say = ENGLISH) -> tuple[NamedSchema, ...]:
    schemas: JSON = document.get("components", {}).get("schemas", {})
    return tuple(
        NamedSchema(name, schema_anchor(name), schema_view(schemas[name], say))
        for name in sorted(schemas, key=str.lower)
    )


def build_reference(document: JSON, say: Say = ENGLISH) -> Reference:
    info: JSON = document.get("info", {})
    return Reference(
        title=say.api("title", str(info.get("title", "API"))) or "API",
        version=str(info.get("version", "")),
        description=prose(say.api("info", info.get("description"))),
        raw_document=RAW_DOCUMENT,
        schemes=security_schemes(document, say),
        groups=tag_groups(document, say),
        schemas=named_schemas(document, say),
    )


_built: dict[i18n.Language, tuple[object, Reference]] = {}
"""Each language's reference, with the app's OpenAPI object it was built from: it cannot change
while the app runs, and one process serves one app."""


def reference_for(app: Litestar, language: i18n.Language = i18n.DEFAULT) -> Reference:
    """The app's reference in a language, built on first use."""
    schema = app.openapi_schema
    built = _built.get(language)
    if built is not None and built[0] is schema:
        return built[1]
    # Litestar's encoder knows the spec objects left inside the schema; decode to plain JSON.
    document = for_partners(msgspec.json.decode(encode_json(schema.to_schema())))
    reference = build_reference(document, Say(language))
    _built[language] = (schema, reference)
    return reference


_pages: dict[i18n.Language, tuple[Reference, bytes]] = {}
"""The page rendered from each language's reference: the same for every reader of it."""


def cached_page(app: Litestar, language: i18n.Language = i18n.DEFAULT) -> bytes | None:
    """The page, if it was already rendered from this app's reference in this language."""
    built, page = _built.get(language), _pages.get(language)
    if built is not None and built[0] is app.openapi_schema and page and page[0] is built[1]:
        return page[1]
    return None


def page_context(app: Litestar, language: i18n.Language) -> dict[str, Any]:
    """The language part of the render context, as `language_context` gives other pages, but
    the same for every request: the page is rendered once per language and cached by anyone, so
    a link keeps the language only by naming it."""
    links = [
        LanguageLink(code=code, name=i18n.NAME[code], html_lang=i18n.HTML_LANG[code])
        for code in offered(app.state.settings)
        if code != language
    ]
    return {
        "language": language,
        "html_lang": i18n.HTML_LANG[language],
        "language_links": links,
        "lang_query": "" if language == i18n.DEFAULT else f"?lang={language}",
    }


def page_for(app: Litestar, language: i18n.Language = i18n.DEFAULT) -> bytes:
    reference = reference_for(app, language)
    found = _pages.get(language)
    if found is not None and found[0] is reference:
        return found[1]
    engine = app.template_engine
    assert engine is not None
    template = engine.get_template("reference.html")
    rendered: str = template.render(ref=reference, **page_context(app, language))
    page = rendered.encode()
    _pages[language] = (reference, page)
    return page


@get(
    "/api/v1/reference",
    include_in_schema=False,
    name="api_reference",
    media_type=MediaType.HTML,
    cache_control=CacheControlHeader(public=True, max_age=3600),
)
async def api_reference(request: Request[Any, Any, Any]) -> Response[bytes]:
    # Built and rendered once per process and language, in a thread: about 0.2 s that students'
    # requests on this event loop need not wait behind. Later requests take the cached bytes.
    language = request_language(request)
    page = cached_page(request.app, language)
    if page is None:
        page = await asyncio.to_thread(page_for, request.app, language)
    # Shared caches keep one copy per language the browser asks for.
    headers = {"Content-Language": i18n.HTML_LANG[language], "Vary": "Accept-Language"}
    return Response(content=page, media_type=MediaType.HTML, headers=headers)
