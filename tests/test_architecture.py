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
    assert loose == {"__init__.py", "app.py", "asgi.py"}  # composition only
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
