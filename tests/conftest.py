"""Shared helpers: the repository's paths, writing small models, running the real CLI."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "model"
MODELS = Path(__file__).resolve().parent / "models"
UPDATE_GOLDEN = os.environ.get("ARCHLEX_UPDATE_GOLDEN") == "1"

MANIFEST = """\
archlex: 1
name: Test model
member_state: LV
include: ["*.yaml"]
uses: [eu]
"""

WriteModel = Callable[..., Path]


@pytest.fixture
def write_model(tmp_path: Path) -> WriteModel:
    """Write a model folder: a manifest (default: includes every *.yaml) and the given files."""

    def write(files: dict[str, str], manifest: str = MANIFEST) -> Path:
        root = tmp_path / "model"
        root.mkdir(exist_ok=True)
        (root / "archlex.yaml").write_text(manifest, encoding="utf-8")
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return write


# The command's parse cache goes to a folder of the test run's own, never the user's.
CACHE_DIR = tempfile.mkdtemp(prefix="archlex-test-cache-")
atexit.register(shutil.rmtree, CACHE_DIR, True)  # each test process's own, gone when it ends


def run_archlex(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `archlex` command in a subprocess, as a user or CI would."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "ARCHLEX_CACHE_DIR": CACHE_DIR}
    return subprocess.run(
        [sys.executable, "-m", "archlex", *args],
        cwd=cwd or REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
