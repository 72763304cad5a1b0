"""`archlex serve`: serves the built site on localhost, shows each edit of the model on the
served pages, tells open pages to reload, and completes the site in the background."""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.conftest import CACHE_DIR, REPO

# Generous: a loaded CI machine may take minutes for the first build (never a speed test;
# the speed target lives in benchmarks/bench_site.py).
TIMEOUT = 900
PAGE = "systems/border-control.html"
ROADMAP = "roadmap/index.html"


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(condition: object, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


class Output:
    """The server's output lines, read by a thread so that waiting never blocks on a pipe."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.put(line)
        self.lines.put("")  # the end

    def wait_for(self, pattern: str) -> re.Match[str]:
        """The first line from now on that matches `pattern`."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            assert line, f"serve stopped before {pattern!r}: {''.join(self.seen)}"
            self.seen.append(line)
            if found := re.search(pattern, line):
                return found
        raise AssertionError(f"timed out waiting for {pattern!r}: {''.join(self.seen)}")


def test_serve_shows_an_edit_reloads_open_pages_and_completes_the_site(tmp_path: Path) -> None:
    model = tmp_path / "model"
    subprocess.run(
        [sys.executable, "-m", "archlex", "init", str(model)], check=True, capture_output=True
    )
    env = {**os.environ, "ARCHLEX_CACHE_DIR": CACHE_DIR, "NO_COLOR": "1"}
    command = [sys.executable, "-u", "-m", "archlex", "serve", str(model), "--port", "0"]
    server = subprocess.Popen(
        [*command, "--out", str(tmp_path / "site")],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output = Output(server)
        address = output.wait_for(r"Serving on (http://127\.0\.0\.1:\d+/)").group(1)
        page = _get(address + PAGE)
        assert "National border control system" in page
        version = re.search(r'var v="(\d+)"', page)
        assert version is not None  # the page asks the server whether to reload
        assert "archlex/reload" not in (tmp_path / "site" / PAGE).read_text(encoding="utf-8")

        systems = model / "systems.yaml"
        systems.write_text(
            systems.read_text().replace("National border control system", "Robežkontroles sistēma"),
            encoding="utf-8",
        )
        output.wait_for(r"Updated \d+ pages")
        assert "Robežkontroles sistēma" in _get(address + PAGE)
        reload = _get(f"{address}.archlex/reload?v={version.group(1)}")
        assert reload != version.group(1)  # an open page reloads at once

        output.wait_for(r"Site complete")  # the drawings and products, by the full build
        assert "Robežkontroles sistēma" in _get(address + PAGE)
        index = json.loads(_get(address + "search/search_index.json"))
        assert any("Robežkontroles sistēma" in entry["text"] for entry in index["docs"])
        roadmap = _get(address + ROADMAP)  # the Gantt chart, zoomable, rows linked
        assert '<figure class="archlex-diagram"' in roadmap
        assert re.search(r'<a href="\.\./work-packages/[\w-]+\.html"><title>', roadmap)
    finally:
        server.terminate()
        assert server.wait(timeout=120) == 0
    assert not list(tmp_path.glob(".site.*"))  # no scratch or staging folder left
    # The chart serve shows is the one `archlex build` writes (the pages' heads differ in
    # white space only: serve keeps its mkdocs project and cache).
    built = tmp_path / "built"
    subprocess.run(
        [sys.executable, "-m", "archlex", "build", str(model), "--out", str(built)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    figures = [
        re.findall(r'<figure class="archlex-diagram".*?</figure>', page.read_text(), re.DOTALL)
        for page in (tmp_path / "site" / ROADMAP, built / ROADMAP)
    ]
    assert len(figures[0]) == 1 and figures[0] == figures[1]
