"""The layering the house rules ask for, checked on the source: a pure core, one HTTP-free
service per feature, controllers that get services by injection and never reach storage."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "safety_check"
SERVICE = PACKAGE / "service"
FEATURES = ("individual", "classes", "platform")
HTTP_FREE_SERVICES = {
    "classes": SERVICE / "classes" / "checks.py",
    "schools": SERVICE / "classes" / "schools.py",
    "individual": SERVICE / "individual" / "journeys.py",
    "platform": SERVICE / "platform" / "core.py",
}
PURE = [
    *sorted(PACKAGE.glob("*.py")),
    *sorted((PACKAGE / "rules").glob("*.py")),
    *sorted((PACKAGE / "schools").glob("*.py")),
]
STATE_SERVICE = re.compile(r"""(?:app|\["app"\])\.state\.(?!settings\b)\w+""")


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_service_modules_are_grouped_by_feature() -> None:
    loose = {path.name for path in SERVICE.glob("*.py")}
    # Composition, and the questionnaire journey both web features share.
    assert loose == {"__init__.py", "app.py", "asgi.py", "questionnaire_journey.py"}
    assert {path.name for path in SERVICE.iterdir() if path.is_dir()} >= set(FEATURES)


@pytest.mark.parametrize(
    "path",
    [p for p in PURE if p.name not in {"cli.py", "settings.py"}],  # the edges
    ids=lambda path: str(path.relative_to(PACKAGE)),
)
def test_the_core_has_no_http_and_no_sql(path: Path) -> None:
    reached = imports(path)
    assert not {name for name in reached if name.split(".")[0] in {"litestar", "httpx"}}
    assert not {name for name in reached if name.startswith(("safety_check.storage", "sqlite3"))}
    assert not {name for name in reached if name.startswith("safety_check.service")}


def module_path(name: str) -> Path | None:
    parts = name.split(".")[1:]
    for candidate in (PACKAGE.joinpath(*parts).with_suffix(".py"), PACKAGE.joinpath(*parts)):
        if candidate.is_file():
            return candidate
        if (candidate / "__init__.py").is_file():
            return candidate / "__init__.py"
    return None


def imports_reached_from(path: Path) -> set[str]:
    """Every module imported by `path` and, within this package, by what it imports."""
    reached: set[str] = set()
    pending = [path]
    seen: set[Path] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for name in imports(current):
            reached.add(name)
            inner = module_path(name) if name.startswith("safety_check.") else None
            if inner is not None:
                pending.append(inner)
    return reached


@pytest.mark.parametrize("feature", sorted(HTTP_FREE_SERVICES))
def test_each_feature_service_is_free_of_http(feature: str) -> None:
    reached = imports_reached_from(HTTP_FREE_SERVICES[feature])
    # NamedDependency only marks the service for injection; nothing else from the framework,
    # directly or through the modules it uses.
    assert {name for name in reached if name.startswith("litestar")} <= {"litestar.di"}


def controller_modules() -> list[Path]:
    modules = [p for feature in FEATURES for p in sorted((SERVICE / feature).glob("*.py"))]
    return [p for p in modules if p not in HTTP_FREE_SERVICES.values()]


@pytest.mark.parametrize(
    "path", controller_modules(), ids=lambda path: str(path.relative_to(SERVICE))
)
def test_handlers_get_services_by_injection_not_from_app_state(path: Path) -> None:
    assert not STATE_SERVICE.findall(path.read_text())


@pytest.mark.parametrize(
    "path",
    [p for p in controller_modules() if p.parent.name != "platform"],
    ids=lambda path: str(path.relative_to(SERVICE)),
)
def test_feature_surfaces_reach_storage_only_through_their_service(path: Path) -> None:
    reached = imports(path)
    assert not {name for name in reached if name.startswith("safety_check.storage")}


# Class checks: one way through (issue 21 §4) -------------------------------------------------

CLASS_CODE = [
    *sorted((PACKAGE / "schools").glob("*.py")),
    *sorted((SERVICE / "classes").glob("*.py")),
    PACKAGE / "storage" / "class_checks.py",
    PACKAGE / "storage" / "teacher_sessions.py",
]
WIRE_NAMES = {"CohortIn", "CohortCreated", "CohortReport"}
"""Schema names partners' generated clients already use (openapi.json): kept as they are."""
TABLE_NAMES = {"cohort_id"}
"""A column of the database (responses.cohort_id and others), and the API's path parameter."""


def _names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.add(node.name)
    return found


@pytest.mark.parametrize("path", CLASS_CODE, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_class_checks_are_called_class_checks_in_code(path: Path) -> None:
    """One name for one concept: a class check, not a cohort (the database's table names and
    the public API's names stay, listed above)."""
    odd = {
        name
        for name in _names(path)
        if "cohort" in name.lower() and name not in WIRE_NAMES | TABLE_NAMES
    }
    assert not odd, odd


def test_one_way_to_store_a_class_response() -> None:
    """One storage function writes a response, and one service method calls it."""
    writers = [
        path for path in PACKAGE.rglob("*.py") if "INSERT INTO responses" in path.read_text()
    ]
    assert writers == [PACKAGE / "storage" / "class_checks.py"]
    storage = ast.parse(writers[0].read_text())
    stores = [
        node.name
        for node in storage.body
        if isinstance(node, ast.AsyncFunctionDef) and node.name.startswith("store")
    ]
    assert stores == ["store_response"]
    service = (SERVICE / "classes" / "checks.py").read_text()
    assert service.count("stored.store_response(") == 1
    for surface in ("api.py", "join_web.py"):
        assert ".submit(" in (SERVICE / "classes" / surface).read_text(), surface


def test_the_class_age_band_fills_a_missing_answer_in_one_place() -> None:
    """Only `ClassCheck.with_age_band` puts the class's band into a student's answers."""
    for path in CLASS_CODE:
        text = path.read_text()
        if path.name == "class_check.py":
            assert text.count('"profile.age_band"') == 2  # the check and the fill
        elif path.parent.name in {"classes", "storage"}:
            assert '"profile.age_band"' not in text, path


def test_class_request_types_live_with_class_checks() -> None:
    """The individual check's modules define nothing for classes."""
    for path in sorted((SERVICE / "individual").glob("*.py")):
        tree = ast.parse(path.read_text())
        defined = {
            target.id
            for node in tree.body
            for target in (node.targets if isinstance(node, ast.Assign) else [])
            if isinstance(target, ast.Name)
        } | {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
        assert not {name for name in defined if name.upper().startswith("CLASS")}, path


JOURNEY = SERVICE / "questionnaire_journey.py"
JOURNEY_NAMES = {"Flow", "Move", "next_page", "read_form", "questions_page", "plan_page"}
"""What makes the questionnaire's page flow: defined once, in the shared journey."""


def top_level_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    functions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {node.name for node in tree.body if isinstance(node, functions)}


def test_the_questionnaire_journey_both_features_use_sits_in_one_shared_module() -> None:
    assert top_level_names(JOURNEY) >= JOURNEY_NAMES
    for path in sorted(SERVICE.rglob("*.py")):
        if path != JOURNEY:
            assert not top_level_names(path) & JOURNEY_NAMES, path
    for surface in (SERVICE / "individual" / "web.py", SERVICE / "classes" / "join_web.py"):
        assert "safety_check.service.questionnaire_journey" in imports(surface), surface


def test_class_checks_never_reach_into_the_individual_checks_pages() -> None:
    for path in sorted((SERVICE / "classes").glob("*.py")):
        if path.name == "schools_web.py":  # its page helpers, until it takes them from the journey
            continue
        assert "safety_check.service.individual.web" not in imports(path), path


def test_the_shared_journey_depends_on_neither_features_controllers() -> None:
    reached = imports(JOURNEY)
    assert "safety_check.service.individual.web" not in reached
    assert not {name for name in reached if name.startswith("safety_check.service.classes")}
