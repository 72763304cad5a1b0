"""The site's pages rendered in forked workers: a warning a worker logs fails the strict build
with its message, as in mkdocs' own build (the site itself: tests/site/test_build.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from archlex.errors import ArchlexError
from archlex.site.build import run_mkdocs
from archlex.site.mkdocs_workers import WORKERS_VARIABLE

CONFIG = """\
site_name: Workers
use_directory_urls: false
theme: {name: material}
plugins: [search, tags]
"""


def _project(root: Path, pages: dict[str, str]) -> Path:
    (root / "docs").mkdir(parents=True)
    for name, text in pages.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root / "mkdocs.yml"


def test_a_broken_link_on_a_page_a_worker_renders_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(WORKERS_VARIABLE, "2")
    pages = {f"p{n}.md": f"---\ntitle: Page {n}\n---\n\n# Page {n}\n" for n in range(60)}
    pages["p57.md"] += "\nSee [the missing page](missing.md).\n"
    config = _project(tmp_path / "project", pages)
    with pytest.raises(ArchlexError, match=r"missing\.md"):
        run_mkdocs(config, tmp_path / "site")


def test_pages_rendered_by_workers_are_indexed_in_the_pages_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(WORKERS_VARIABLE, "3")
    pages = {f"p{n:02d}.md": f"---\ntitle: Page {n}\n---\n\n# Page {n}\n" for n in range(90)}
    run_mkdocs(_project(tmp_path / "project", pages), tmp_path / "site")
    index = (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    positions = [index.index(f'"location":"p{n:02d}.html"') for n in range(90)]
    assert positions == sorted(positions)
    assert (tmp_path / "site" / "p89.html").is_file()


def test_the_pages_are_listed_once_not_once_per_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs' list of the documentation pages walks every file: taken once per page it made
    the build O(pages^2) (8 ms a page at 10k entities)."""
    from mkdocs.structure.files import Files

    listed: list[int] = []
    real = Files.documentation_pages

    def counted(self: Files, **kwargs: Any) -> Any:
        listed.append(1)
        return real(self, **kwargs)

    monkeypatch.setattr(Files, "documentation_pages", counted)
    monkeypatch.setenv(WORKERS_VARIABLE, "1")  # rendered here, where the calls are counted
    pages = {f"p{n:02d}.md": f"---\ntitle: Page {n}\n---\n\n# Page {n}\n" for n in range(50)}
    run_mkdocs(_project(tmp_path / "project", pages), tmp_path / "site")
    assert (tmp_path / "site" / "p49.html").is_file()
    assert len(listed) < 10  # a handful of listings for the whole build, not 50


def test_a_worker_leaves_a_stop_to_the_main_process() -> None:
    # A worker forked from `serve` inherits its SIGTERM handler (which raises
    # KeyboardInterrupt): each worker the pool ended printed a traceback.
    code = (
        "import signal\n"
        "from archlex.site import mkdocs_workers\n"
        "signal.signal(signal.SIGTERM, lambda *_: None)\n"
        "mkdocs_workers._in_worker()\n"
        "print(signal.getsignal(signal.SIGTERM) is signal.SIG_DFL,"
        " signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "True"], done.stderr
