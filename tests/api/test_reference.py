"""The API reference page at /api/v1/reference: everything in the committed openapi.json has its
place on the page, every link lands, and the page lives within the site's strict CSP (no inline
script or style, nothing from another site) with its security headers intact."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from safety_check.service.platform import reference
from safety_check.service.platform.headers import CONTENT_SECURITY_POLICY, SECURITY_HEADERS
from safety_check.service.platform.reference import (
    Credentials,
    Reference,
    breakable_path,
    build_reference,
    credentials,
    literal,
    prose,
    reference_for,
    schema_view,
    type_line,
)

ROOT = Path(__file__).parents[2]
DOCUMENT: dict[str, Any] = json.loads((ROOT / "openapi.json").read_text())
SCHEMAS: dict[str, Any] = DOCUMENT["components"]["schemas"]
PAGE = "/api/v1/reference"
RAW = "/api/v1/schema/openapi.json"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}


class Page(HTMLParser):
    """What the tests look at, each piece filed under the id of the heading it comes after."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.headings: list[tuple[int, str, str | None]] = []
        self.links: list[tuple[str | None, str]] = []
        self.code: list[tuple[str | None, str]] = []
        self.row_headers: list[tuple[str | None, str]] = []
        self.enums: list[tuple[str | None, str]] = []
        self.inline_scripts = 0
        self.text: list[str] = []
        self._open: list[tuple[str, list[str], str | None]] = []
        self._section: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.elements.append((tag, found))
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag in HEADINGS and found.get("id"):
            self._section = found["id"]
        if tag == "a" and found.get("href"):
            self.links.append((self._section, str(found["href"])))
        if tag in VOID:
            return
        kind = tag
        if tag == "p" and "enum" in (found.get("class") or "").split():
            kind = "enum"
        elif tag == "th" and found.get("scope") == "row":
            kind = "row"
        self._open.append((kind, [], found.get("id")))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self._open:
            return
        kind, parts, own_id = self._open.pop()
        text = " ".join("".join(parts).split())
        if self._open:
            self._open[-1][1].append("".join(parts))
        if kind == "code":
            self.code.append((self._section, text))
        elif kind == "enum":
            self.enums.append((self._section, text))
        elif kind == "row":
            self.row_headers.append((self._section, text))
        elif kind in HEADINGS:
            self.headings.append((int(kind[1]), text, own_id))
        elif kind == "script" and text:
            self.inline_scripts += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open:
            self._open[-1][1].append(data)

    def under(self, section: str, found: list[tuple[str | None, str]]) -> list[str]:
        return [value for where, value in found if where == section]

    def all_text(self) -> str:
        return " ".join("".join(self.text).split())


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


async def fetch(client: AsyncTestClient[Litestar]) -> tuple[httpx.Response, Page]:
    response = await client.get(PAGE)
    assert response.status_code == 200, response.text
    return response, parse(response.text)


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"].removeprefix("#/components/schemas/")
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def plain(description: str) -> str:
    """A description as it reads on the page: code spans lose their backticks."""
    return " ".join(description.replace("`", "").split())


# --- the response ---------------------------------------------------------------------------


async def test_an_html_page_cacheable_by_anyone_with_every_security_header(
    client: AsyncTestClient[Litestar],
) -> None:
    response, _ = await fetch(client)
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name
    directives = {part.strip() for part in response.headers["cache-control"].split(",")}
    assert directives == {"public", "max-age=3600"}


async def test_no_inline_script_or_style_and_nothing_from_another_site(
    client: AsyncTestClient[Litestar],
) -> None:
    _, page = await fetch(client)
    assert page.inline_scripts == 0
    for tag, attrs in page.elements:
        assert tag != "style", "a <style> element needs 'unsafe-inline'"
        assert "style" not in attrs, f"<{tag} style=...> needs 'unsafe-inline'"
        assert not [name for name in attrs if name.startswith("on")], f"<{tag}> has a handler"
        if tag == "script":
            assert attrs.get("src"), "a <script> without src is inline"
        for name in ("src", "href"):
            url = attrs.get(name)
            if url is None or url == "data:,":  # the empty icon that stops a favicon request
                continue
            # "?lang=cy", the language link, is this page again.
            same_site = url.startswith(("/", "#", "?")) and not url.startswith("//")
            assert same_site, f"<{tag} {name}={url}>"
    stylesheets = [
        attrs["href"]
        for tag, attrs in page.elements
        if tag == "link" and attrs.get("rel") == "stylesheet"
    ]
    assert len(stylesheets) == 2
    for href in stylesheets:
        assert href is not None
        sheet = await client.get(href)
        assert sheet.status_code == 200
        assert sheet.headers["content-type"].startswith("text/css")
        assert sheet.headers["cache-control"] == "public, max-age=31536000, immutable"


async def test_the_page_is_not_in_the_openapi_document(app: Litestar) -> None:
    assert PAGE not in DOCUMENT["paths"]
    assert PAGE not in app.openapi_schema.to_schema()["paths"]


# --- structure --------------------------------------------------------------------------------


async def test_one_h1_headings_never_skip_a_level_and_a_skip_link_to_main(
    client: AsyncTestClient[Litestar],
) -> None:
    response, page = await fetch(client)
    levels = [level for level, _, _ in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in pairwise(levels):
        assert after <= before + 1, page.headings
    assert re.search(r'<html lang="en-GB">', response.text)
    first_link = next(attrs for tag, attrs in page.elements if tag == "a")
    assert first_link["href"] == "#content"
    assert ("main", "content") in [(tag, attrs.get("id")) for tag, attrs in page.elements]


async def test_ids_are_unique_and_every_link_on_the_page_lands(
    client: AsyncTestClient[Litestar],
) -> None:
    _, page = await fetch(client)
    assert len(page.ids) == len(set(page.ids))
    internal = [href for _, href in page.links if href.startswith("#")]
    assert len(internal) > 100
    missing = {href for href in internal if href[1:] not in page.ids}
    assert not missing


async def test_every_schema_has_an_anchor_and_every_ref_is_a_link_to_it(
    client: AsyncTestClient[Litestar],
) -> None:
    _, page = await fetch(client)
    for name in SCHEMAS:
        assert f"schema-{name}" in page.ids, name
    linked = {href for _, href in page.links}
    for name in set(refs(DOCUMENT)):
        assert f"#schema-{name}" in linked, name


async def test_every_path_and_operation_has_its_own_heading(
    client: AsyncTestClient[Litestar],
) -> None:
    _, page = await fetch(client)
    headings = {section: text for _, text, section in page.headings}
    contents = {href for section, href in page.links if section == "contents"}
    for path, method, operation in operations(DOCUMENT):
        anchor = f"op-{operation['operationId']}"
        assert headings.get(anchor) == f"{method.upper()} {path}"
        assert f"#{anchor}" in contents
        assert operation["operationId"] in page.under(anchor, page.code)
        assert operation["summary"] in page.all_text()
        assert plain(operation["description"]) in page.all_text()


async def test_operations_are_grouped_by_tag_in_the_contents(
    client: AsyncTestClient[Litestar],
) -> None:
    _, page = await fetch(client)
    tags = {tag for _, _, operation in operations(DOCUMENT) for tag in operation["tags"]}
    assert {text for level, text, _ in page.headings if level == 2} >= tags
    order = [href for section, href in page.links if section == "contents"]
    for tag in tags:
        members = [
            f"#op-{operation['operationId']}"
            for _, _, operation in operations(DOCUMENT)
            if operation["tags"][0] == tag
        ]
        start = order.index(f"#tag-{reference.slug(tag)}")
        assert set(order[start + 1 : start + 1 + len(members)]) == set(members), tag


# --- content ----------------------------------------------------------------------------------


async def test_both_ways_to_authenticate_are_explained_and_asked_for_where_needed(
    client: AsyncTestClient[Litestar],
) -> None:
    _, page = await fetch(client)
    for name, scheme in DOCUMENT["components"]["securitySchemes"].items():
        assert f"auth-{name}" in page.ids
        assert plain(scheme["description"]) in page.all_text()
    assert "X-API-Key" in page.under("auth-apiKey", page.code)
    assert "Authorization: Bearer <token>" in page.under("auth-teacherKey", page.code)
    for path, method, operation in operations(DOCUMENT):
        asked = set(page.under(f"op-{operation['operationId']}", page.links))
        needs_teacher = any("teacherKey" in r for r in operation.get("security", []))
        assert ("#auth-teacherKey" in asked) == needs_teacher, f"{method} {path}"
        assert "#auth-apiKey" in asked


async def test_parameters_show_where_they_go_their_pattern_and_their_values(
    client: AsyncTestClient[Litestar],
) -> None:
    _, page = await fetch(client)
    for path, _, operation in operations(DOCUMENT):
        section = f"op-{operation['operationId']}"
        rows = page.under(section, page.row_headers)
        code = page.under(section, page.code)
        for parameter in operation.get("parameters", []):
            name = parameter["name"]
            [row] = [row for row in rows if row.split()[0] == name]
            assert row.endswith(f"in {parameter['in']}"), row
            assert ("required" in row.split()) == parameter.get("required", False), row
            pattern = parameter["schema"].get("pattern")
            if pattern:
                assert pattern in code, (path, pattern)
    # The age band is one schema, linked from the parameter and listed once.
    assert "#schema-AgeBand" in page.under("op-listResources", page.links)
    assert page.under("schema-AgeBand", page.enums)[0] == "One of: under_13, 13_15, 16_17, 18_plus"


async def test_bodies_and_responses_link_to_their_schemas(
    client: AsyncTestClient[Litestar],
) -> None:
    _, page = await fetch(client)
    for _, _, operation in operations(DOCUMENT):
        section = f"op-{operation['operationId']}"
        linked = set(page.under(section, page.links))
        for name in refs(operation.get("requestBody", {})):
            assert f"#schema-{name}" in linked, (section, name)
        rows = page.under(section, page.row_headers)
        statuses = rows[len(operation.get("parameters", [])) :]
        assert statuses == sorted(operation["responses"]), section
        for status, response in operation["responses"].items():
            for name in refs(response):
                assert f"#schema-{name}" in linked, (section, status, name)


def _enum_lines(properties: dict[str, Any]) -> Iterator[str]:
    for spec in properties.values():
        if spec.get("$ref") == "#/components/schemas/AgeBand":
            continue  # listed once, on the AgeBand schema
        if "enum" in spec:
            yield "One of: " + ", ".join(literal(value) for value in spec["enum"])
        elif "enum" in spec.get("items", {}):
            yield "Each one of: " + ", ".join(literal(value) for value in spec["items"]["enum"])


async def test_every_answer_option_is_listed_compactly_once_per_question(
    client: AsyncTestClient[Litestar],
) -> None:
    _, page = await fetch(client)
    for name in ("PlanRequest", "ClassResponseRequest"):
        questions = SCHEMAS[name]["properties"]["answers"]["properties"]
        shown = page.under(f"schema-{name}", page.enums)
        expected = list(_enum_lines(questions))
        assert len(questions) > 50 and len(expected) == len(questions) - 1
        # The committed file sorts keys; the page keeps the questionnaire's order.
        assert sorted(shown) == sorted(expected), name


async def test_constraints_are_shown_on_the_schema(client: AsyncTestClient[Litestar]) -> None:
    _, page = await fetch(client)
    text = " ".join(page.all_text().split())
    cohort_in = page.under("schema-CohortIn", page.code)
    assert SCHEMAS["CohortIn"]["properties"]["name"]["pattern"] in cohort_in
    for value in ("80", "1", "365", "90"):
        assert value in cohort_in
    assert "max length 80" in text
    assert "no other fields allowed" in text


async def test_the_request_examples_are_shown_as_json(client: AsyncTestClient[Litestar]) -> None:
    _, page = await fetch(client)
    body = DOCUMENT["paths"]["/api/v1/plans"]["post"]["requestBody"]["content"]
    examples = body["application/json"]["schema"]["examples"]
    blocks = [
        json.loads(text) for text in page.under("op-createPlan", page.code) if text.startswith("{")
    ]
    assert blocks == examples


async def test_the_raw_document_is_linked_and_served(client: AsyncTestClient[Litestar]) -> None:
    _, page = await fetch(client)
    assert RAW in {href for _, href in page.links}
    raw = await client.get(RAW)
    assert raw.status_code == 200
    assert set(raw.json()["paths"]) == set(DOCUMENT["paths"])


# --- building -------------------------------------------------------------------------------


async def test_the_reference_is_built_once_per_app(
    app: Litestar, client: AsyncTestClient[Litestar], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = await fetch(client)
    built = reference_for(app)
    assert isinstance(built, Reference)

    def refuse(*built: Any) -> Reference:
        raise AssertionError("built twice")

    monkeypatch.setattr(reference, "build_reference", refuse)
    second, _ = await fetch(client)
    assert second.text == first.text
    assert reference_for(app) is built


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


async def test_text_from_the_document_is_escaped(
    app: Litestar, client: AsyncTestClient[Litestar], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = {
        "info": {"title": HOSTILE, "version": HOSTILE, "description": f"`{HOSTILE}` {HOSTILE}"},
        "paths": {
            "/x": {
                "get": {
                    "operationId": "hostile",
                    "summary": HOSTILE,
                    "tags": [HOSTILE],
                    "parameters": [{"name": HOSTILE, "in": "query", "schema": {"enum": [HOSTILE]}}],
                    "responses": {"200": {"description": HOSTILE}},
                }
            }
        },
        "components": {"schemas": {"S": {"type": "string", "pattern": HOSTILE}}},
    }
    monkeypatch.setitem(reference._built, "en", (app.openapi_schema, build_reference(document)))
    response, page = await fetch(client)
    assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert page.inline_scripts == 0
    assert HOSTILE in page.under("op-hostile", page.code)


def _words(segments: Any) -> str:
    return "".join(segment.text for segment in segments)


def test_type_lines_read_as_words_with_null_last() -> None:
    assert _words(type_line({"type": ["null", "string"]})) == "string or null"
    assert _words(type_line({"oneOf": [{"type": "integer"}, {"type": "null"}]})) == (
        "integer or null"
    )
    assert _words(type_line({})) == "any value"
    conditions = SCHEMAS["All"]["properties"]["conditions"]
    line = type_line(conditions)
    assert _words(line) == "array of (Is, Has, AnyOf, Answered, All, Any or Not)"
    assert [segment.anchor for segment in line if segment.anchor] == [
        f"schema-{name}" for name in ("Is", "Has", "AnyOf", "Answered", "All", "Any", "Not")
    ]


def test_enums_split_across_alternatives_are_listed_as_one() -> None:
    view = schema_view(SCHEMAS["Question"]["properties"]["section"])
    assert _words(view.type_line) == "string"
    assert view.enum[:3] == ("profile", "situation", "privacy_settings")
    assert len(view.enum) == 12
    assert schema_view({"const": "any", "type": "string"}).enum_label == "Always"


def test_inline_objects_show_their_fields_and_refs_stay_links() -> None:
    view = schema_view(SCHEMAS["PlanOut"])
    fields = {field.name: field for field in view.fields}
    assert {name for name, field in fields.items() if field.required} == set(
        SCHEMAS["PlanOut"]["required"]
    )
    assert not fields["findings"].required  # only with include=findings
    assert fields["urgent"].schema.type_line[0].anchor == "schema-UrgentLaneOut"
    assert fields["urgent"].schema.fields == ()  # linked, not inlined
    answers = schema_view(SCHEMAS["PlanRequest"]).fields[0].schema
    assert answers.folded and len(answers.fields) > 50


def test_prose_escapes_and_keeps_code_spans() -> None:
    assert str(prose("Send `Authorization: Bearer <key>` & wait <b>")) == (
        "Send <code>Authorization: Bearer &lt;key&gt;</code> &amp; wait &lt;b&gt;"
    )
    assert prose("  ") is None
    assert literal(365.0) == "365" and literal(None) == "null" and literal(True) == "true"


def test_shared_parameters_refs_and_response_headers_are_followed() -> None:
    document = {
        "paths": {
            "/things/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "get": {
                    "responses": {"200": {"$ref": "#/components/responses/Found"}},
                },
            }
        },
        "components": {
            "parameters": {"Id": {"name": "id", "in": "path", "schema": {"type": "string"}}},
            "responses": {
                "Found": {
                    "description": "Found it.",
                    "headers": {"ETag": {"schema": {"type": "string"}, "description": "Tag."}},
                }
            },
        },
    }
    [group] = build_reference(document).groups
    assert group.name == "Other"
    [operation] = group.operations
    assert operation.operation_id is None and operation.anchor == "op-get-things-id"
    assert [(p.name, p.location, p.required) for p in operation.parameters] == [
        ("id", "path", True)
    ]
    [found] = operation.responses
    assert str(found.description) == "Found it."
    assert [(h.name, str(h.description)) for h in found.headers] == [("ETag", "Tag.")]


def test_credentials_say_what_is_needed_and_what_may_be_added() -> None:
    assert credentials([[], ["apiKey"]]) == Credentials(needed=(), optional=("apiKey",))
    teacher = credentials([["teacherKey"], ["apiKey", "teacherKey"]])
    assert teacher == Credentials(needed=("teacherKey",), optional=("apiKey",))
    assert credentials([]) == Credentials()
    # Either one, not both: no scheme is needed, yet neither is merely optional.
    either = credentials([["apiKey"], ["teacherKey"]])
    assert either == Credentials(alternatives=(("apiKey",), ("teacherKey",)))
    assert credentials([["a"], ["a", "b"], ["a", "c"]]).alternatives  # "b and c" is not accepted


def test_long_paths_may_wrap_between_their_parts() -> None:
    assert str(breakable_path("/api/v1/{id}")) == "/api<wbr>/v1<wbr>/{id}"
    assert str(breakable_path("/<x>")) == "/&lt;x&gt;"
