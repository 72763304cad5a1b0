"""The store of what Graphviz drew: a drawing asked for twice in one build is laid out once,
and gives the bytes Graphviz gives when it draws alone (the real `dot`, counted)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from archlex.render.concept.docx_layout import pages_for
from archlex.render.concept.docx_writer import markdown_to_docx
from archlex.render.diagrams.page import CONCEPT_LARGEST_AREAS, largest_scale, place, svg_size
from archlex.render.diagrams.product import draw_best
from archlex.toolkit.dot import Graph, Node, run_dot, run_png, text_label
from archlex.toolkit.drawings import drawings_cached_in, drawings_shared


@pytest.fixture
def dot_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put a `dot` first on PATH that logs each run and then runs Graphviz's; the log."""
    real = shutil.which("dot")
    assert real is not None
    folder, log = tmp_path / "bin", tmp_path / "runs.log"
    folder.mkdir()
    wrapper = folder / "dot"
    wrapper.write_text(
        f'#!/bin/sh\necho "run $*" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8"
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    log.write_text("", encoding="utf-8")
    return log


def _runs(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines())


def _png_runs(log: Path) -> int:
    return sum("-Tpng" in line for line in log.read_text(encoding="utf-8").splitlines())


def _row(boxes: int) -> Graph:
    """Boxes side by side: wide enough that its text prints under 7 pt on any page."""
    graph = Graph("row", text_label("A row of boxes"), {"rankdir": "TB"})
    graph.nodes = [Node(f"n{i}", text_label(f"System number {i}")) for i in range(boxes)]
    graph.same_rank = [[f"n{i}" for i in range(boxes)]]
    return graph


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_svg_and_layout_are_the_same_with_or_without_the_png(tmp_path: Path) -> None:
    source = _row(5).source()
    with_png = run_dot(source, tmp_path / "a.svg", tmp_path / "a.png")
    alone = run_dot(source, tmp_path / "b.svg", None)
    assert with_png == alone
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_a_drawing_asked_for_again_is_laid_out_once(dot_runs: Path, tmp_path: Path) -> None:
    source = _row(4).source()
    with drawings_shared():
        first = run_dot(source, tmp_path / "1.svg", tmp_path / "1.png")
        again = run_dot(source, tmp_path / "2.svg", None)  # served by the entry with a PNG
        png = run_dot(source, tmp_path / "3.svg", tmp_path / "3.png")
        assert _runs(dot_runs) == 1
        other = _row(3).source()
        run_dot(other, tmp_path / "4.svg", None)
        run_dot(other, tmp_path / "5.svg", tmp_path / "5.png")  # its PNG was never drawn
        assert _runs(dot_runs) == 3
    assert first == again == png
    assert len({(tmp_path / f"{n}.svg").read_bytes() for n in (1, 2, 3)}) == 1
    assert (tmp_path / "1.png").read_bytes() == (tmp_path / "3.png").read_bytes()
    run_dot(source, tmp_path / "6.svg", None)  # the block is over: drawn again
    assert _runs(dot_runs) == 4


def test_a_drawing_shared_without_a_cache_keeps_only_its_images_in_files(
    dot_runs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SVG and the layout are kept in memory (a file per part cost a millisecond each),
    the PNGs in the temporary folder; the drawing is served again all the same."""
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    drawn = tmp_path / "drawn"
    drawn.mkdir()
    source = _row(3).source()
    with drawings_shared():
        run_dot(source, drawn / "1.svg", drawn / "1.png")
        run_png(source, drawn / "2.png", 40.0)
        run_dot(source, drawn / "3.svg", drawn / "3.png")
        run_png(source, drawn / "4.png", 40.0)
        kept = sorted(p.name.split(".", 1)[1] for p in temporary.glob("*/*"))
        assert kept == ["40dpi.png", "png"]
    assert _runs(dot_runs) == 2
    assert list(temporary.iterdir()) == []
    names = ["1.png", "1.svg", "2.png", "3.png", "3.svg", "4.png"]
    assert sorted(p.name for p in drawn.iterdir()) == names
    assert (drawn / "1.svg").read_bytes() == (drawn / "3.svg").read_bytes()
    assert (drawn / "1.png").read_bytes() == (drawn / "3.png").read_bytes()
    assert (drawn / "2.png").read_bytes() == (drawn / "4.png").read_bytes()


def test_a_cache_folder_is_the_store_while_it_is_open(dot_runs: Path, tmp_path: Path) -> None:
    source = _row(2).source()
    with drawings_cached_in(tmp_path / "cache"), drawings_shared():
        run_dot(source, tmp_path / "1.svg", None)
    with drawings_cached_in(tmp_path / "cache"):
        run_dot(source, tmp_path / "2.svg", None)
    assert _runs(dot_runs) == 1
    assert sorted(p.suffix for p in (tmp_path / "cache").iterdir()) == [".plain", ".svg"]


def test_a_png_at_a_resolution_is_kept_as_a_part_of_its_entry(
    dot_runs: Path, tmp_path: Path
) -> None:
    """`run_png` keeps each resolution as a part of the drawing's entry and serves it again
    (marked in use); a resolution not stored is drawn, and nothing is written before."""
    source = _row(2).source()
    with drawings_cached_in(tmp_path / "cache"):
        run_png(source, tmp_path / "1.png", 50.0)
        os.utime(next((tmp_path / "cache").glob("*.50dpi.png")), (1, 1))
        run_png(source, tmp_path / "2.png", 50.0)
        assert _runs(dot_runs) == 1
        assert not (tmp_path / "3.png").exists()
        run_png(source, tmp_path / "3.png", 60.0)
        assert _runs(dot_runs) == 2
    assert (tmp_path / "1.png").read_bytes() == (tmp_path / "2.png").read_bytes()
    assert (tmp_path / "1.png").read_bytes() != (tmp_path / "3.png").read_bytes()
    parts = sorted(p.name.split(".", 1)[1] for p in (tmp_path / "cache").iterdir())
    assert parts == ["50dpi.png", "60dpi.png"]
    assert next((tmp_path / "cache").glob("*.50dpi.png")).stat().st_mtime > 1


@pytest.mark.parametrize("png", [True, False])
def test_a_drawing_tried_and_kept_after_all_is_drawn_as_alone(
    png: bool, dot_runs: Path, tmp_path: Path
) -> None:
    """draw_best tries a wider drawing, keeps the first (its text prints larger) and makes
    the files on disk the first's again: from the store, with the bytes of a drawing alone;
    the PNG is drawn once, for the drawing kept."""
    alone, shared = tmp_path / "alone", tmp_path / "shared"
    for folder in (alone, shared):
        folder.mkdir()
    graphs = [_row(20), _row(30)]
    draw_best(graphs, alone / "v.svg", alone / "v.png" if png else None)
    assert _runs(dot_runs) == 3 + png  # the first, the second, the first again; its PNG
    assert _png_runs(dot_runs) == png
    with drawings_shared():
        kept, _ = draw_best(graphs, shared / "v.svg", shared / "v.png" if png else None)
    assert _runs(dot_runs) == 5 + 2 * png
    assert _png_runs(dot_runs) == 2 * png
    assert kept is graphs[0]
    assert _files(shared) == _files(alone)


def _pixels(png: Path) -> tuple[int, int]:
    """A PNG's width and height, from its header."""
    header = png.read_bytes()[16:24]
    return int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")


def test_a_png_drawn_alone_is_the_png_drawn_with_the_svg(tmp_path: Path) -> None:
    source = _row(3).source()
    run_dot(source, tmp_path / "a.svg", tmp_path / "a.png")
    run_png(source, tmp_path / "b.png")
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_a_png_printed_small_is_drawn_at_300_dpi_of_paper(tmp_path: Path) -> None:
    """A row of 90 boxes prints at a tenth of its size even on A1: its PNG has the pixels of
    300 dpi there (Graphviz's 96 dpi would be ~3,000 dpi); a small drawing's PNG is as drawn."""
    draw_best([_row(90)], tmp_path / "wide.svg", tmp_path / "wide.png")
    width_pt, height_pt = svg_size(ET.parse(tmp_path / "wide.svg").getroot())
    printed_inches = width_pt * largest_scale(width_pt, height_pt) / 72
    assert largest_scale(width_pt, height_pt) < 0.15
    assert 290 <= _pixels(tmp_path / "wide.png")[0] / printed_inches <= 303
    draw_best([_row(2)], tmp_path / "small.svg", tmp_path / "small.png")
    run_dot(_row(2).source(), tmp_path / "alone.svg", tmp_path / "alone.png")
    assert (tmp_path / "small.png").read_bytes() == (tmp_path / "alone.png").read_bytes()
    small_width, _ = svg_size(ET.parse(tmp_path / "small.svg").getroot())
    assert abs(_pixels(tmp_path / "small.png")[0] - small_width * 96 / 72) <= 2


def test_the_largest_page_is_the_concepts() -> None:
    """`largest_scale` follows the concept's largest pages, and no placement is larger."""
    areas = {(round(p.text_width, 1), round(p.text_height, 1)) for p in pages_for("A4")[-2:]}
    assert areas == set(CONCEPT_LARGEST_AREAS)
    for width, height in ((5000.0, 900.0), (900.0, 25000.0), (300.0, 200.0)):
        assert largest_scale(width, height) >= place(width, height, 10).scale


def _extents(docx: Path) -> list[tuple[int, int]]:
    body = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    return [(int(x), int(y)) for x, y in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"/>', body)]


def test_the_concept_places_a_png_drawn_smaller_at_the_same_size(tmp_path: Path) -> None:
    """The concept sizes a figure from its SVG: the PNG at 300 dpi of paper takes the place
    Graphviz's own 96 dpi PNG took (the same width; the height to a pixel's rounding)."""
    small, natural = tmp_path / "small", tmp_path / "natural"
    for folder in (small, natural):
        folder.mkdir()
    draw_best([_row(90)], small / "row.svg", small / "row.png")
    run_dot(_row(90).source(), natural / "row.svg", natural / "row.png")
    assert _pixels(small / "row.png")[0] < _pixels(natural / "row.png")[0] / 2
    placed = []
    for folder in (small, natural):
        markdown_to_docx("![A row of boxes](row.png)\n", folder, folder / "c.docx")
        placed += _extents(folder / "c.docx")
    assert len(placed) == 2 and placed[0][0] == placed[1][0]
    assert abs(placed[0][1] - placed[1][1]) <= placed[1][1] * 0.01
