"""The printed PNGs drawn after the SVGs, in a process of their own (as `archlex build` draws
them): the same files as drawn in the diagram stage, in place once the build says where, and a
failure raised with Graphviz's own error."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.errors import ArchlexError
from archlex.outcome import Report
from archlex.render.diagrams.png_later import PngLater, PngsLater, pngs_drawn_later, pngs_later
from archlex.render.diagrams.product import PNG_DOCUMENTS, PNG_SETTING, render_diagrams
from archlex.render.registry import RenderContext

DOCUMENTS = {PNG_SETTING: PNG_DOCUMENTS}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}


@pytest.mark.parametrize("background", [True, False])
def test_the_pngs_drawn_later_are_those_drawn_in_the_diagram_stage(
    example: Report, tmp_path: Path, background: bool
) -> None:
    render_diagrams(RenderContext(example, tmp_path / "now", DOCUMENTS))
    staging, out = tmp_path / "staging", tmp_path / "later"
    with pngs_drawn_later(background) as later:
        render_diagrams(RenderContext(example, staging, DOCUMENTS))
        pngs = sorted(staging.rglob("*.png"))
        assert pngs and all(p.stat().st_size == 0 for p in pngs) == background
        staging.rename(out)  # as render_products moves its staging folder into place
        later.place(out)
    assert pngs_later() is None
    assert _files(out) == _files(tmp_path / "now")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".pngs-")]


def test_without_the_block_the_diagram_stage_draws_its_pngs(
    example: Report, tmp_path: Path
) -> None:
    render_diagrams(RenderContext(example, tmp_path, DOCUMENTS))
    pngs = list(tmp_path.rglob("*.png"))
    assert pngs and all(p.stat().st_size > 0 for p in pngs)


@pytest.mark.parametrize("background", [True, False])
def test_a_png_graphviz_cannot_draw_is_its_error_and_the_first_in_order(
    tmp_path: Path, background: bool
) -> None:
    later = PngsLater(background)
    good = "digraph { a -> b }"
    (tmp_path / "diagrams").mkdir()
    for name, source in [("good.png", good), ("bad.png", "digraph {"), ("worse.png", "x {")]:
        later.add(PngLater(source, tmp_path / "diagrams" / name, None))
    order = [tmp_path / "diagrams" / n for n in ("good.png", "bad.png", "worse.png")]
    with pytest.raises(ArchlexError) as raised:
        later.start(tmp_path, order)
        later.place(tmp_path)
        assert later.drawn() is False  # the DOCX's writer then writes nothing
        later.finish()
    assert raised.value.message.startswith("Graphviz could not draw bad.png (exit code 1)")
    assert raised.value.hint == "report this with the model that causes it"
