"""`archlex serve`: serves the built site on localhost and follows the model as it is edited."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import CACHE_DIR, REPO

TIMEOUT = 120


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(condition: object, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_builds_serves_and_rebuilds_on_a_model_change(tmp_path: Path) -> None:
    model = tmp_path / "model"
    subprocess.run(
        [sys.executable, "-m", "archlex", "init", str(model)], check=True, capture_output=True
    )
    env = {**os.environ, "ARCHLEX_CACHE_DIR": CACHE_DIR, "NO_COLOR": "1"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-u",
            "-m",
            "archlex",
            "serve",
            str(model),
            "--port",
            "0",
            "--out",
            str(tmp_path / "site"),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        address = None
        deadline = time.monotonic() + TIMEOUT
        while address is None and time.monotonic() < deadline:
            line = server.stdout.readline()
            found = re.search(r"Serving on (http://127\.0\.0\.1:\d+/)", line)
            address = found.group(1) if found else None
            assert line or server.poll() is None, "serve stopped before serving"
        assert address is not None
        assert "National border control system" in _get(address + "systems/border-control.html")

        systems = model / "systems.yaml"
        systems.write_text(
            systems.read_text().replace("National border control system", "Robežkontroles sistēma"),
            encoding="utf-8",
        )
        _wait_for(
            lambda: "Robežkontroles sistēma" in _get(address + "systems/border-control.html"),
            "the rebuilt page",
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
