"""`archlex export archimate|structurizr|reqif` through the real command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, MODELS, run_archlex


@pytest.mark.parametrize(
    ("kind", "name"), [("archimate", "model.xml"), ("structurizr", "w.dsl"), ("reqif", "r.reqif")]
)
def test_export_writes_the_file_byte_identical_twice(tmp_path: Path, kind: str, name: str) -> None:
    first, second = tmp_path / "1" / name, tmp_path / "2" / name
    for out in (first, second):
        result = run_archlex("export", kind, str(EXAMPLE), "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"wrote {out}\n"
    assert first.read_bytes() == second.read_bytes()
    assert len(first.read_bytes()) > 10_000


@pytest.mark.parametrize("kind", ["archimate", "structurizr", "reqif"])
@pytest.mark.parametrize("broken", ["unknown-reference", "yaml-syntax"])
def test_a_model_with_loader_errors_is_refused(tmp_path: Path, kind: str, broken: str) -> None:
    out = tmp_path / "out.file"
    result = run_archlex("export", kind, str(MODELS / broken), "--out", str(out))
    assert result.returncode == 2
    assert f"error[{broken}]" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []
