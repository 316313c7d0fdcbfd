"""The server's worker freezes what it made at start-up, so full collections skip it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FROZEN_AT_LEAST = 50_000
"""The content, compiled rules and app were about 100,000 objects when this was written."""


def test_the_asgi_module_leaves_start_up_objects_out_of_garbage_collection(
    tmp_path: Path,
) -> None:
    script = "import gc, safety_check.service.asgi; print(gc.get_freeze_count())"
    env = {**os.environ, "SAFETY_CHECK_DATABASE": str(tmp_path / "frozen.db")}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert int(done.stdout.strip().splitlines()[-1]) >= FROZEN_AT_LEAST, done.stdout
