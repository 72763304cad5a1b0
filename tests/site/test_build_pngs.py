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
from archlex.site.build import build_site
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
