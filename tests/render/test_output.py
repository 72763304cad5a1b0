"""`archlex render`: the output folder is replaced whole, deterministically, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.errors import ArchlexError
from archlex.render import RENDERERS, RenderContext, load_renderers
from archlex.render.output import MARKER, render_products
from tests.conftest import EXAMPLE, WriteModel, run_archlex


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_rendering_the_example_twice_gives_identical_trees(tmp_path: Path) -> None:
    first = run_archlex("render", "model", "--out", str(tmp_path / "a"))
    second = run_archlex("render", "model", "--out", str(tmp_path / "b"))
    assert first.returncode == 0 and second.returncode == 0, first.stderr
    tree = _tree(tmp_path / "a")
    assert tree == _tree(tmp_path / "b")
    for product in ("matrix", "concept"):
        assert any(name.startswith(f"{product}/") for name in tree), product
    assert "Start with" in first.stdout


def test_a_failed_render_leaves_the_previous_output_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = check_model(EXAMPLE, EXAMPLE)
    out = tmp_path / "build"
    render_products(report, out, ["matrix"])
    before = _tree(out)

    def broken(context: RenderContext) -> list[Path]:
        (context.folder("concept") / "half.md").write_text("half")
        raise ArchlexError("the renderer broke")

    load_renderers()  # registered first, so that monkeypatch restores the real one
    monkeypatch.setitem(RENDERERS, "concept", broken)
    with pytest.raises(ArchlexError):
        render_products(report, out, ["concept"])
    assert _tree(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["build"]  # no staging folder left


def test_a_folder_of_someone_elses_files_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    result = run_archlex("render", "model", "--out", str(out))
    assert result.returncode == 2 and "did not write" in result.stderr
    assert (out / "thesis.docx").read_text() == "precious"


def test_rendering_one_product_keeps_the_others(tmp_path: Path) -> None:
    report = check_model(EXAMPLE, EXAMPLE)
    out = tmp_path / "build"
    render_products(report, out, ["matrix"])
    render_products(report, out, ["concept"])
    assert (out / "matrix" / "matrix.xlsx").is_file() and (out / "concept").is_dir()
    assert (out / MARKER).is_file()


def test_a_model_that_does_not_validate_is_not_rendered(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model({"s.yaml": "systems:\n  - {id: s, name: S, kind: national, owner: x}\n"})
    result = run_archlex("render", str(root), "--out", str(tmp_path / "out"))
    assert result.returncode == 2  # the contract's code for a model that cannot be read
    assert "unknown-reference" in result.stderr
    assert not (tmp_path / "out").exists()
