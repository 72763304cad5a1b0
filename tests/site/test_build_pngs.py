"""`archlex build` draws the printed PNGs of the diagrams in a process of their own, beside the
other products and the pages: a PNG Graphviz cannot draw still fails the build with Graphviz's
error, and leaves the output as it was."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.errors import ArchlexError
from archlex.site.build import build_site, run_mkdocs
from tests.conftest import EXAMPLE

AS_OF = dt.date(2026, 1, 1)
# Graphviz as installed, except that it draws no PNG: the SVGs of the diagram stage are
# drawn, the printed PNGs drawn later are not.
NO_PNG = """#!/bin/sh
for argument in "$@"; do
  if [ "$argument" = "-Tpng" ]; then echo "Error: no PNG today" >&2; exit 1; fi
done
exec {dot} "$@"
"""


def test_a_png_graphviz_cannot_draw_fails_the_build_and_keeps_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dot = shutil.which("dot")
    assert dot is not None
    report = check_model(EXAMPLE, EXAMPLE, today=AS_OF)
    programs = tmp_path / "bin"
    programs.mkdir()
    (programs / "dot").write_text(NO_PNG.format(dot=dot), encoding="utf-8")
    (programs / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", f"{programs}:{Path(dot).parent}")
    out = tmp_path / "site"
    out.mkdir()
    with pytest.raises(ArchlexError) as raised:
        build_site(report, out, AS_OF)
    assert raised.value.message.startswith("Graphviz could not draw context.png (exit code 1)")
    assert "no PNG today" in raised.value.message
    assert sorted(tmp_path.iterdir()) == [programs, out]  # no staging folder left
    assert not any(out.iterdir())  # as it was: empty


CONFIG = """\
site_name: Waiting
use_directory_urls: false
theme: {name: material}
plugins: [search]
"""


def _project(root: Path) -> Path:
    """A page linking to a file that is empty until `before_copy` writes it (as the DOCX)."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\n[The file](later.bin)\n", encoding="utf-8")
    (root / "docs" / "later.bin").write_bytes(b"")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root / "mkdocs.yml"


def test_mkdocs_copies_the_files_as_they_are_once_the_work_beside_is_waited_for(
    tmp_path: Path,
) -> None:
    config = _project(tmp_path / "project")

    def before_copy() -> None:
        (tmp_path / "project" / "docs" / "later.bin").write_bytes(b"written at last")

    run_mkdocs(config, tmp_path / "site", before_copy=before_copy)
    assert (tmp_path / "site" / "later.bin").read_bytes() == b"written at last"
    assert 'href="later.bin"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_failure_of_the_work_waited_for_is_the_builds(tmp_path: Path) -> None:
    def before_copy() -> None:
        raise ArchlexError("the concept DOCX: reference DOCX x.docx: not a Word file", "hint")

    with pytest.raises(ArchlexError, match=r"^the concept DOCX: reference DOCX x\.docx"):
        run_mkdocs(_project(tmp_path / "project"), tmp_path / "site", before_copy=before_copy)
