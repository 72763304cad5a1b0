"""The diagrams read on a page: text size where they are placed, labels on their lines, and
edge crossings held per view, all measured from what Graphviz drew for the example."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archlex.outcome import Report
from archlex.render.diagrams.measure import crossings, label_distances, plain_edges
from archlex.render.diagrams.page import SMALLEST_PRINTED_PT, place, placement_of, smallest_font
from archlex.render.diagrams.product import CROSSINGS_UP_TO, diagram_graphs, diagram_record
from archlex.render.diagrams.views import provisions_label
from archlex.render.output import render_products
from archlex.render.registry import RenderContext
from archlex.toolkit.dot import Graph, run_dot_command, text_label

SVG = "{http://www.w3.org/2000/svg}"
EDGES_BEFORE = 57  # lines of the context view before it was split into two levels
DATA_CROSSINGS_BEFORE = 746  # crossings of the data view when it drew every flow end
FARTHEST_LABEL_PT = 14.0  # label box to its line, at the size the diagram is printed
# Edge crossings per view, counted from Graphviz's -Tplain layout.
CROSSINGS = {
    "context": 3,
    "technical": 7,
    "technical-border": 0,
    "data": 60,
    "data-special": 5,
    "context-ESP-GW": 0,
    "context-RKIS": 0,
    "context-MID-WS": 0,
    "process-P-ASYLUM-REGISTRATION": 0,
    "process-P-BORDER-ENTRY": 0,
    "process-P-ETIAS-SCREENING": 0,
    "process-P-LE-CIR-QUERY": 0,
    "process-P-POLICE-ID-CHECK": 1,
    "process-P-VISA-APPLICATION": 0,
    "sequence-P-BORDER-ENTRY": 0,
    "sequence-P-LE-CIR-QUERY": 0,
    "sequence-P-MID-VERIFICATION": 0,
    "view-border-bcp": 0,
    "view-esp-gateway": 0,
    "view-law-enforcement": 0,
}


@pytest.fixture(scope="module")
def drawn(example: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's diagrams, drawn once."""
    out = tmp_path_factory.mktemp("layout") / "out"
    render_products(example, out, ["diagrams"])
    return out / "diagrams"


def _svgs(drawn: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(drawn.glob("*.svg"))}


def test_every_view_prints_its_smallest_text_at_7_pt_on_its_page(drawn: Path) -> None:
    printed = {}
    for stem, svg in _svgs(drawn).items():
        placement = placement_of(svg)
        assert placement.page in {"A4", "A3"}
        printed[stem] = placement.smallest_printed_pt
    # context, 20 focused, 12 processes as data flows and as sequences, technical (national
    # side) and technical-border, data, data-special, 3 views the example names, legend
    assert len(printed) == 53
    for stem, size in printed.items():
        assert size >= SMALLEST_PRINTED_PT, f"{stem}: smallest text prints at {size} pt"


def test_the_smallest_text_is_read_from_the_svg_fonts() -> None:
    root = ET.fromstring(
        '<svg xmlns="http://www.w3.org/2000/svg" width="2000pt" height="500pt">'
        '<g class="graph" transform="scale(1 1)"><text font-size="10.00">a</text>'
        '<text font-size="8.00">b</text><text font-size="6.00"> </text></g></svg>'
    )
    assert smallest_font(root) == 8.0  # blank text is not text a reader sees
    wide = place(2000, 500, 8.0)
    assert (wide.page, wide.orientation) == ("A3", "landscape")
    assert wide.smallest_printed_pt < SMALLEST_PRINTED_PT  # too wide even for A3
    assert place(400, 300, 10).page == "A4" and place(400, 300, 10).scale == 1.0


def test_edge_labels_stay_on_their_lines(drawn: Path) -> None:
    farthest = {}
    for stem, svg in _svgs(drawn).items():
        scale = placement_of(svg).scale
        distances = label_distances(svg)
        farthest[stem] = max((d * scale for d in distances.values()), default=0.0)
    assert farthest["context"] > 0  # labels measured, not skipped
    for stem, distance in farthest.items():
        assert distance <= FARTHEST_LABEL_PT, f"{stem}: a label {distance:.1f} pt away"


def test_a_label_far_from_its_line_is_measured_as_far() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g class="edge"><title>a&#45;&gt;b</title>'
        '<path d="M0,0 C10,0 20,0 30,0"/><text text-anchor="middle" x="15" y="60" '
        'font-size="10">label</text></g></svg>'
    )
    assert list(label_distances(svg).values()) == [52.0]  # 60 - 0.8 * 10 from the line


def test_the_landscape_has_under_a_third_of_the_lines_it_had(drawn: Path) -> None:
    root = ET.parse(drawn / "context.svg").getroot()
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    assert len(edges) == 18
    assert len(edges) < EDGES_BEFORE / 3


def test_crossings_per_view_hold(example: Report, drawn: Path, tmp_path: Path) -> None:
    dot = shutil.which("dot")
    assert dot is not None
    graphs = dict(diagram_graphs(RenderContext(example, tmp_path)))
    record = {d["name"]: d for d in json.loads((drawn / "diagrams.json").read_text())["diagrams"]}
    for stem, expected in CROSSINGS.items():
        plain = run_dot_command(stem, [dot, "-Tplain"], graphs[stem].source()).stdout.decode()
        assert crossings(plain) == expected, stem
        assert record[stem]["crossings"] == expected
        assert record[stem]["edges"] == len(plain_edges(plain))
    assert CROSSINGS["data"] < DATA_CROSSINGS_BEFORE / 5


def test_crossings_are_counted_between_edges_that_share_no_box() -> None:
    plain = "\n".join(
        [
            "edge a b 4 0 0 1 1 2 2 3 3 solid black",
            "edge c d 4 0 3 1.3333 2 2.6667 1 4 0 solid black",  # crosses a->b once
            "edge a e 4 0 0 0 1 3 2 3 3 solid black",  # shares a with a->b
            'edge "x y" z 4 5 5 6 6 7 7 8 8 "a \\"q\\" \\\\" 6 6 solid black',
            "edge c e 4 0 3 1 2 2 1 3 0 invis black",
        ]
    )
    assert crossings(plain) == 2  # c->d crosses a->b and a->e
    assert [(t, h) for t, h, _ in plain_edges(plain)][-1] == ("x y", "z")


def test_an_edge_whose_long_label_graphviz_breaks_is_read_whole() -> None:
    dot = shutil.which("dot")
    assert dot is not None
    flows = "".join(f"LV.FLOW-{n:04d}\\l" for n in range(10))
    label = flows + "[SPECIAL]\\l"  # Graphviz breaks a line this long at the bracket
    source = f'digraph g {{ a -> b [label="{label}"]; c -> d [style=invis]; }}'
    plain = run_dot_command("long", [dot, "-Tplain"], source).stdout.decode()
    assert "\\\n" in plain  # Graphviz did break the label's line
    assert [(t, h) for t, h, _ in plain_edges(plain)] == [("a", "b")]


def test_crossings_are_counted_only_up_to_the_limit(tmp_path: Path) -> None:
    dot = shutil.which("dot")
    assert dot is not None
    for count, expected in ((CROSSINGS_UP_TO, 0), (CROSSINGS_UP_TO + 1, None)):
        edges = " ".join(f"n{i} -> n{i + 1};" for i in range(count))
        graph = Graph("chain", text_label("chain"))
        drawn = run_dot_command("chain", [dot, "-Tsvg", "-Tplain"], f"digraph g {{ {edges} }}")
        svg, plain = drawn.stdout.decode().split("</svg>", 1)
        record = diagram_record("chain", graph, svg + "</svg>", plain)
        assert record["edges"] == count
        assert record["crossings"] == expected


def test_the_record_says_where_each_diagram_goes(drawn: Path) -> None:
    record = json.loads((drawn / "diagrams.json").read_text(encoding="utf-8"))["diagrams"]
    names = [d["name"] for d in record]
    assert names[:2] == ["context", "context-AUDIT"] and names[-1] == "legend"
    context = record[0]
    assert context["placement"]["page"] == "A3"
    assert context["placement"]["orientation"] == "landscape"
    assert context["placement"]["smallest_printed_pt"] >= SMALLEST_PRINTED_PT
    svg = (drawn / "context.svg").read_text(encoding="utf-8")
    assert context["placement"] == placement_of(svg).as_dict()


def _nodes(plain: str) -> dict[str, tuple[float, float, float, float]]:
    """The nodes of a -Tplain layout: centre x, centre y, width, height (inches)."""
    found = {}
    for line in plain.splitlines():
        if line.startswith("node "):
            fields = line.split('"') if '"' in line.split()[1] else None
            name = fields[1] if fields else line.split()[1]
            rest = (line.split('"', 2)[2] if fields else line.split(" ", 2)[2]).split()
            found[name] = (float(rest[0]), float(rest[1]), float(rest[2]), float(rest[3]))
    return found


def test_a_sequence_step_label_sits_just_above_its_arrow(example: Report, tmp_path: Path) -> None:
    dot = shutil.which("dot")
    assert dot is not None
    graphs = dict(diagram_graphs(RenderContext(example, tmp_path)))
    stem = "sequence-P-LE-CIR-QUERY"
    plain = run_dot_command(stem, [dot, "-Tplain"], graphs[stem].source()).stdout.decode()
    nodes = _nodes(plain)
    arrows = [(t, h, line) for t, h, line in plain_edges(plain) if " arrow " in t]
    assert len(arrows) >= 8
    for row in range(1, 9):
        x, y, width, height = nodes[f"step {row}"]
        row_arrows = [line for t, _, line in arrows if t.endswith(f" arrow {row}")]
        assert row_arrows, row
        arrow_y = row_arrows[0][0][1]
        gap = (y - height / 2 - arrow_y) * 72  # label bottom to the arrow, in points
        assert 0 <= gap <= FARTHEST_LABEL_PT, (row, gap)
        starts = min(p[0] for line in row_arrows for p in line)
        assert starts <= x - width / 2 + 0.2  # the label starts at the arrow's left end


def test_the_views_the_model_names_are_drawn_and_recorded(drawn: Path) -> None:
    record = {d["name"]: d for d in json.loads((drawn / "diagrams.json").read_text())["diagrams"]}
    named = {name: d for name, d in record.items() if d["named"]}
    assert set(named) == {"view-border-bcp", "view-esp-gateway", "view-law-enforcement"}
    assert named["view-esp-gateway"]["kind"] == "landscape"
    assert named["view-border-bcp"]["title"].startswith("Border control at the border crossing")
    assert record["context"]["kind"] == "landscape" and not record["context"]["named"]
    assert record["sequence-P-BORDER-ENTRY"]["kind"] == "sequence"
    titles = {t.text for t in ET.parse(drawn / "view-border-bcp.svg").getroot().iter(f"{SVG}title")}
    assert {"RKIS", "ESP-GW", "eu.EES"} <= titles
    assert "PIS" not in titles  # the police are not at the border crossing point
    # Too wide left to right for 7 pt on A3, so drawn national above EU.
    assert named["view-law-enforcement"]["placement"]["orientation"] == "portrait"


def test_a_provision_is_never_cut_in_two_by_wrapping() -> None:
    label = provisions_label(
        "legal basis: 2019/817 Art 26(1); 2019/818 Art 26(1); 2019/817 Art 34", 22
    )
    assert label.lines == (
        "legal basis:",
        "2019/817 Art 26(1);",
        "2019/818 Art 26(1);",
        "2019/817 Art 34",
    )
    wide = provisions_label("legal basis: 2019/817 Art 7(2); 2019/817 Art 9(1)", 34)
    assert wide.lines == ("legal basis: 2019/817 Art 7(2);", "2019/817 Art 9(1)")
