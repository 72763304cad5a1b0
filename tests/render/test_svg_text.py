"""A Graphviz SVG read as text reads as the same SVG parsed as XML: size, smallest font and
label distances of every diagram of the example, and the entities Graphviz writes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archlex.outcome import Report
from archlex.render.diagrams.measure import _distance, _path_points, label_distances
from archlex.render.diagrams.page import DrawnSvg, smallest_font, svg_size
from archlex.render.diagrams.svg_text import groups, shown_font_sizes, unescaped
from archlex.render.output import render_products

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def svgs(example: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The example's diagrams as SVG text, drawn once."""
    out = tmp_path_factory.mktemp("svg-text") / "out"
    render_products(example, out, ["diagrams"])
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(out.glob("diagrams/*.svg"))}


def _parsed_distances(svg_text: str) -> dict[str, float]:
    """Label distances as measured from the parsed tree (as `label_distances` first did)."""
    found: dict[str, float] = {}
    for number, group in enumerate(ET.fromstring(svg_text).iter(f"{SVG}g")):
        if group.get("class") != "edge":
            continue
        texts = [t for t in group.iter(f"{SVG}text") if (t.text or "").strip()]
        paths = [p for p in group.iter(f"{SVG}path") if p.get("d")]
        if not texts or not paths:
            continue
        line = [pt for p in paths for pt in _path_points(p.get("d", ""))]
        boxes = []
        for text in texts:
            size = float(text.get("font-size", "14"))
            width = len(text.text or "") * size * 0.6
            x, y = float(text.get("x", "0")), float(text.get("y", "0"))
            left = {"start": x, "end": x - width}.get(
                text.get("text-anchor", "middle"), x - width / 2
            )
            boxes.append((left, y - 0.8 * size, left + width, y + 0.2 * size))
        box = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        title = group.findtext(f"{SVG}title") or f"edge {number}"
        found[f"{title} #{number}"] = round(min(_distance(p, box) for p in line), 1)
    return found


def test_every_diagram_reads_as_its_parsed_tree(svgs: dict[str, str]) -> None:
    assert len(svgs) > 40
    measured = 0
    for stem, svg in svgs.items():
        root = ET.fromstring(svg)
        drawn = DrawnSvg.of(svg)
        assert (drawn.width_pt, drawn.height_pt) == svg_size(root), stem
        assert drawn.smallest_font_pt == smallest_font(root), stem
        assert label_distances(svg) == _parsed_distances(svg), stem
        measured += len(label_distances(svg))
    assert measured > 100  # edge labels were found, not skipped


def test_entities_are_read_as_xml_reads_them() -> None:
    written = "a&#45;&gt;b &amp; &lt;c&gt; &quot;d&quot; &#39;e&apos; &#x41;&#160;"
    parsed = ET.fromstring(f"<t>{written}</t>").text
    assert unescaped(written) == parsed == "a->b & <c> \"d\" 'e' A\xa0"


def test_blank_text_and_a_text_without_a_size_are_read_as_the_tree_reads_them() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="20pt" height="10pt">'
        '<g id="graph0" class="graph" transform="scale(0.5 0.5)"><title>g</title>'
        '<text font-size="6.00">&#160;</text><text x="1">no size</text>'
        '<text font-size="9.00">nine</text></g></svg>'
    )
    assert shown_font_sizes(svg) == ["14", "9.00"]  # the blank one (a no-break space) left out
    assert DrawnSvg.of(svg).smallest_font_pt == smallest_font(ET.fromstring(svg)) == 4.5


def test_a_group_runs_to_the_next_group_with_a_class() -> None:
    svg = (
        '<svg><g id="graph0" class="graph"><g id="edge1" class="edge"><title>a&#45;&gt;b</title>'
        '<g id="a_edge1"><a><path d="M0,0C1,1 2,2 3,3"/></a></g><text>x</text></g>'
        '<g id="node1" class="node"><title>a</title></g></g></svg>'
    )
    found = [(g.number, g.kind, g.title()) for g in groups(svg)]
    assert found == [(0, "graph", None), (1, "edge", "a->b"), (3, "node", "a")]
    edge = next(g for g in groups(svg) if g.kind == "edge")
    assert edge.path_lines() == ["M0,0C1,1 2,2 3,3"]
    assert [t.text for t in edge.shown_texts()] == ["x"]


def test_a_file_written_by_graphviz_is_read_whole(tmp_path: Path) -> None:
    # the title of the graph group is its first child, after the line break Graphviz writes
    svg = '<svg>\n<g id="graph0" class="graph">\n<title>g&amp;h</title>\n</g>\n</svg>\n'
    (tmp_path / "g.svg").write_text(svg, encoding="utf-8")
    read = (tmp_path / "g.svg").read_text(encoding="utf-8")
    assert [g.title() for g in groups(read)] == ["g&h"]
