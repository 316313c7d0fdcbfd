"""A partner's TypeScript client, generated from the committed openapi.json (openapi-typescript
types, openapi-fetch calls; pinned in tests/api/ts_client/package-lock.json), compiled with tsc
and run under Node 20+ against the live server.

Every operation in openapi.json must be driven by `tests/api/ts_client/drive.ts`: adding an
operation without a call there (recorded with `drove("<operationId>")`) fails this test.
Without Node or npm the test skips, except under SAFETY_CHECK_REQUIRE_SERVICES=1 (CI), where
that is a failure. `.ci/run` installs the npm packages with `npm ci`; run locally, the test does
it itself when they are missing (from the npm registry, never at service run time).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live_server import LiveServer

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[2]
CLIENT = ROOT / "tests" / "api" / "ts_client"
NODE_MAJOR = 20


def _tools() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        reason = "node and npm are needed for the TypeScript client test"
        if os.environ.get("SAFETY_CHECK_REQUIRE_SERVICES") == "1":
            pytest.fail(f"{reason} (SAFETY_CHECK_REQUIRE_SERVICES=1)")
        pytest.skip(reason)
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True)
    major = int(version.stdout.strip().lstrip("v").split(".")[0])
    assert major >= NODE_MAJOR, f"Node {NODE_MAJOR} or later is needed, found {version.stdout}"
    return node, npm


def _run(command: list[str]) -> str:
    done = subprocess.run(command, cwd=CLIENT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def compiled() -> str:
    node, npm = _tools()
    if not (CLIENT / "node_modules" / ".package-lock.json").exists():
        _run([npm, "ci", "--no-audit", "--no-fund"])
    _run([npm, "run", "--silent", "generate"])
    _run([npm, "run", "--silent", "build"])
    return node


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("live"), {"SAFETY_CHECK_RATE_LIMIT": "100000"})
    try:
        yield live
    finally:
        live.stop()


def test_the_typescript_client_drives_every_operation(compiled: str, server: LiveServer) -> None:
    result = json.loads(_run([compiled, "out/drive.js", server.base, server.school_invitation()]))
    document = json.loads((ROOT / "openapi.json").read_text())
    operations = {
        operation["operationId"]
        for item in document["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    missing = operations - set(result["driven"])
    assert not missing, f"add a call for {sorted(missing)} to tests/api/ts_client/drive.ts"
    assert set(result["driven"]) <= operations, "drive.ts names an operation openapi.json lacks"
    assert result["checks"] >= 25
