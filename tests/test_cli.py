"""The command line: plans, the questionnaire, keys and clear one-line errors for bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from safety_check.cli import MAX_ANSWERS_BYTES, main

EXAMPLES = Path(__file__).parents[1] / "api" / "examples"
TEEN = EXAMPLES / "teen_threatened_on_snapchat.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan", str(TEEN))
    assert code == 0
    assert err == ""
    assert "What to do now" in out
    assert "It's not your fault" in out
    assert "Why this is in your plan" in out
    assert "0800 1111" in out  # Childline, from the catalogue


def test_plan_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", str(TEEN), "--format", "json")
    assert code == 0
    assert json.loads(out)["age_band"] == "13_15"


def test_plan_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"answers": {"profile.age_band": "18_plus"}}'))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "plan", "-")
    assert code == 0
    assert "Support for you" in out


def test_questionnaire(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "questionnaire")
    assert code == 0
    assert "profile.age_band" in out
    code, out, _ = run(capsys, "questionnaire", "--json")
    assert json.loads(out)["questions"][0]["id"] == "profile.for_whom"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"{not json", "not valid JSON"),
        (b'{"answers": []}', "Expected `object`"),
        (b'{"answers": {"profile.devices": "mac"}}', "profile.devices: Give a list of option ids"),
        (b'{"answers": {"profile.age_band": 17}}', "profile.age_band: Give one option id"),
        (b'{"answers": {"profile.age_band": "13_15", "profile.age_band": "x"}}', "appears twice"),
        (b'{"answers": {"a": ' + b"[" * 5000 + b"]" * 5000 + b"}}", "nested too deeply"),
        (b"x" * (MAX_ANSWERS_BYTES + 1), "larger than"),
    ],
)
def test_bad_input_is_one_line_per_problem_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "answers.json"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "plan", str(path))
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    assert all(line.startswith("safety-check: ") for line in err.splitlines())


def test_invalid_answers_report_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(
        '{"answers": {"profile.devices": "mac", "nope.nope": "x", "webcam.permissions_checked": "z"}}'
    )
    _, _, err = run(capsys, "plan", str(path))
    assert len(err.splitlines()) == 3


def test_key_lifecycle_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFETY_CHECK_DATABASE", str(tmp_path / "keys.db"))
    code, out, _ = run(capsys, "keys", "create", "Partner app")
    assert code == 0
    key = out.strip().splitlines()[-1]
    prefix = key.split("_")[1]
    code, out, _ = run(capsys, "keys", "list")
    assert prefix in out
    assert "active" in out
    assert key not in out
    assert run(capsys, "keys", "revoke", prefix)[0] == 0
    assert "revoked" in run(capsys, "keys", "list")[1]
    code, _, err = run(capsys, "keys", "revoke", prefix)
    assert code == 2
    assert "no active key" in err


def test_bad_settings_are_reported_not_raised(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFETY_CHECK_PORT", "eighty")
    code, _, err = run(capsys, "keys", "list")
    assert code == 2
    assert "SAFETY_CHECK_PORT" in err


def test_openapi_command_writes_the_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "openapi.json"
    assert run(capsys, "openapi", "--output", str(target))[0] == 0
    assert json.loads(target.read_text())["info"]["title"] == "Safety Check API"


def test_console_script_is_installed() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "safety-check"), "plan", str(TEEN), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _readme_block(heading: str) -> str:
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    section = readme.split(heading, 1)[1]
    return section.split("```sh\n", 1)[1].split("```", 1)[0]


def test_the_readme_restore_steps_bring_back_the_backup(tmp_path: Path) -> None:
    """The README's SQLite restore steps, run as written with the embedded default file."""
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "safety-check").symlink_to(Path(sys.executable).parent / "safety-check")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFETY_CHECK_")}

    def cli(*args: str) -> str:
        done = subprocess.run(
            [".venv/bin/safety-check", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    kept = cli("keys", "create", "Kept partner").strip().splitlines()[-1].split("_")[1]
    cli("backup", "backup.db")
    later = cli("keys", "create", "Later partner").strip().splitlines()[-1].split("_")[1]
    steps = _readme_block("### Restoring a SQLite backup")
    subprocess.run(["bash", "-euo", "pipefail", "-c", steps], cwd=tmp_path, env=env, check=True)
    listed = cli("keys", "list")
    assert kept in listed
    assert later not in listed
    assert (tmp_path / "safety-check.db").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "replaced" / "safety-check.db").exists()


def test_a_missing_postgresql_database_is_one_clear_line() -> None:
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    from tests.engines import postgres_url

    parts = conninfo_to_dict(postgres_url())
    missing = make_conninfo(**{**parts, "dbname": "safety_check_no_such_database"})
    url = "postgresql://{user}@{host}:{port}/{dbname}".format(
        user=parts.get("user", "postgres"),
        host=parts.get("host", "127.0.0.1"),
        port=parts.get("port", 5432),
        dbname=conninfo_to_dict(missing)["dbname"],
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFETY_CHECK_")}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "safety-check"), "migrate"],
        env={**env, "SAFETY_CHECK_DATABASE": url},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert 'database "safety_check_no_such_database" does not exist' in lines[0]


def test_plan_in_welsh(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.marked_language import marked_welsh

    welsh = marked_welsh(monkeypatch)
    next(welsh)
    try:
        code, out, err = run(capsys, "plan", "--language", "cy", str(TEEN))
    finally:
        next(welsh, None)
    assert (code, err) == (0, "")
    assert "<plan:URGENT_TITLE|What to do now>" in out
    assert "<rule:" in out
    assert "<Why this is in your plan:>" in out
    assert "<call 0800 1111>" in out  # the words around a number are translated
    assert "0800 1111" in out  # numbers are never translated
    english = run(capsys, "plan", str(TEEN))[1]
    assert "<" not in english
