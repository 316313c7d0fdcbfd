"""A plain install, as an operator or partner would make it: a wheel built from this tree and
installed with its runtime dependencies only (no test extras, so no pydantic) into a new virtual
environment, where every `safety-check` command works. Needs the package index (PyPI), as
`pip install` does; slow (about half a minute)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "api" / "examples" / "teen_threatened_on_snapchat.json"


def _outside_the_tree() -> dict[str, str]:
    """This environment without PYTHONPATH: with the tree's src on it, the new environment
    would find the tree's own safety_check.egg-info, take the package as installed already, and
    skip the wheel."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=_outside_the_tree() if env is None else env,
        timeout=600,
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def without_examples(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: without_examples(value) for key, value in node.items() if key != "examples"}
    if isinstance(node, list):
        return [without_examples(item) for item in node]
    return node


def test_a_wheel_builds_and_installs_and_every_command_works(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(wheels), str(ROOT)],
        tmp_path,
    )
    assert "SetuptoolsDeprecationWarning" not in built
    [wheel] = wheels.glob("safety_check-*.whl")
    venv.create(tmp_path / "env", with_pip=True)
    bin_dir = tmp_path / "env" / "bin"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], tmp_path)
    installed = _run([str(bin_dir / "python"), "-m", "pip", "list", "--format=json"], tmp_path)
    names = {package["name"].lower() for package in json.loads(installed.splitlines()[0])}
    assert "safety-check" in names
    assert not names & {"pydantic", "pytest", "schemathesis", "playwright"}, names

    work = tmp_path / "work"
    work.mkdir()
    env = {
        **{k: v for k, v in _outside_the_tree().items() if not k.startswith("SAFETY_CHECK_")},
        "SAFETY_CHECK_DATABASE": str(work / "installed.db"),
    }
    command = str(bin_dir / "safety-check")

    def cli(*args: str) -> str:
        return _run([command, *args], work, env)

    # The same document as committed, but for the example bodies, which are read from the
    # repository's api/examples (an installed copy documents none).
    installed_document = without_examples(json.loads(cli("openapi", "--output", "-")))
    committed = without_examples(json.loads((ROOT / "openapi.json").read_text()))
    assert installed_document == committed
    assert '"profile.age_band"' in cli("questionnaire", "--json")
    assert "Childline" in cli("plan", str(EXAMPLE))
    assert "up to date" in cli("migrate")
    assert "safety-check keys" not in cli("keys", "create", "Partner")
    assert "Partner" in cli("keys", "list")
    assert "No class checks." in cli("cohorts", "list")
    assert "Deleted 0 expired" in cli("purge")
    assert "integrity check ok" in cli("backup", str(work / "copy.db"))
    assert "serve" in cli("serve", "--help")
