"""The architecture diagrams, drawn by the real Graphviz: content, determinism, hostile text."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.errors import ArchlexError
from archlex.model.data import DataCategory
from archlex.model.flow import Flow
from archlex.model.system import SystemKind
from archlex.outcome import Report
from archlex.render.diagrams.flows import process_steps
from archlex.render.diagrams.labels import capped, speaking
from archlex.render.output import render_products
from archlex.toolkit import dot as diagram_dot
from archlex.toolkit.dot import Graph, Node, text_label
from tests.conftest import WriteModel

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def drawn(example: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's diagrams, drawn once for the tests that read them."""
    out = tmp_path_factory.mktemp("example") / "out"
    render_products(example, out, ["diagrams"])
    return out / "diagrams"


def _squeeze(text: str) -> str:
    """Text without whitespace: labels are wrapped, and a long word is broken anywhere."""
    return "".join(text.split())


def _texts(svg: Path, kind: str) -> list[tuple[str, str]]:
    """The node or edge groups of an SVG: their title (the DOT name) and texts, joined."""
    root = ET.parse(svg).getroot()
    return [
        (
            group.findtext(f"{SVG}title") or "",
            " ".join(t.text or "" for t in group.iter(f"{SVG}text")),
        )
        for group in root.iter(f"{SVG}g")
        if group.get("class") == kind
    ]


def _groups(svg: Path, kind: str) -> dict[str, str]:
    """The nodes of an SVG by their DOT name (the model id): their texts, joined."""
    return dict(_texts(svg, kind))


def _all_text(svg: Path) -> str:
    return " ".join(t.text or "" for t in ET.parse(svg).getroot().iter(f"{SVG}text"))


def test_every_diagram_is_an_svg_and_a_png(example: Report, drawn: Path) -> None:
    stems = ["context", "technical", "technical-border", "data", "data-special", "legend"]
    stems += [f"{kind}-{p.id}" for p in example.model.processes for kind in ("process", "sequence")]
    flowing = {s for f in example.model.flows for s in (f.from_, f.to)}
    national = [s for s in example.model.systems if s.kind is SystemKind.NATIONAL]
    focused = [s.id for s in national if {s.id, *(c.id for c in s.components)} & flowing]
    assert len(focused) == 20
    stems += [f"context-{system}" for system in focused]
    stems += [view.id for view in example.model.views]  # the views the model names
    expected = sorted(f"{s}.{ext}" for s in stems for ext in ("svg", "png"))
    assert sorted(p.name for p in drawn.iterdir()) == sorted([*expected, "diagrams.json"])
    for stem in stems:
        assert (drawn / f"{stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert ET.parse(drawn / f"{stem}.svg").getroot().tag == f"{SVG}svg"


def test_context_names_every_owning_organisation_and_the_eu_systems_reached(
    example: Report, drawn: Path
) -> None:
    model = example.model
    nodes = _groups(drawn / "context.svg", "node")
    owners = {s.owner for s in model.systems if s.kind is SystemKind.NATIONAL}
    assert owners == {"IeM", "IeM-IC", "VP", "VRS", "PMLP", "TA", "VDD"}
    for owner in owners:
        organisation = model.get(owner or "")
        assert _squeeze(nodes[owner or ""]).startswith(_squeeze(getattr(organisation, "name", "")))
    # The EU systems the state reaches; the interfaces are folded into the flows through them.
    assert {"eu.ESP", "eu.EES", "eu.VIS", "eu.SIS", "eu.Eurodac", "eu.ECRIS-TCN"} <= set(nodes)
    assert not {n for n in nodes if n.startswith("eu.NUI-")}
    assert "eu.sBMS" not in nodes  # reached only from eu.CIR: the EU's own flow
    assert "Valsts robežsardze" in _all_text(drawn / "context.svg")  # diacritics kept


def test_a_focused_view_shows_the_system_its_neighbours_and_every_flow(
    example: Report, drawn: Path
) -> None:
    model = example.model
    nodes = _groups(drawn / "context-RKIS.svg", "node")
    edges = _squeeze(" ".join(t for _, t in _texts(drawn / "context-RKIS.svg", "edge")))
    rkis = {"RKIS", *(c.id for c in model.components if c.id.startswith("RKIS-"))}
    flows = [f for f in model.flows if {f.from_, f.to, f.via} & rkis]
    assert len(flows) >= 5
    for flow in flows:
        assert _squeeze(f"{flow.id} {flow.name or ''}") in edges, flow.id
    assert {"RKIS", "ESP-GW", "EES-NI", "NSIS", "IIIS", "MID-WS"} <= set(nodes)
    assert "eu.EES" not in nodes  # RKIS reaches the EES only through the integration layer


def _frames(svg: Path, node: str) -> list[str]:
    """The stroke widths of the outlines Graphviz drew for one box."""
    root = ET.parse(svg).getroot()
    group = next(
        g
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "node" and g.findtext(f"{SVG}title") == node
    )
    return [
        e.get("stroke-width", "1") for e in group.iter() if e.tag in (f"{SVG}path", f"{SVG}polygon")
    ]


def test_the_focus_is_framed_twice_and_keeps_its_status_line(drawn: Path) -> None:
    """A thick line is the `changing` status: the focus adds a second frame instead."""
    svg = drawn / "context-RKIS.svg"
    assert _frames(svg, "RKIS") == ["2.5", "2.5"]  # changing: thick, and framed twice
    assert _frames(svg, "ESP-GW") == ["1.5"]  # planned, not the focus: one frame
    assert _frames(drawn / "context-ESP-GW.svg", "ESP-GW") == ["1.5", "1.5"]  # planned focus
    legend = _groups(svg, "node")["legend"]
    assert "double the system this view is about: double border" in legend
    assert "changing: thick line" in legend


def test_each_process_has_its_flows_numbered_with_data_and_legal_basis(
    example: Report, drawn: Path
) -> None:
    model = example.model
    assert len(model.processes) == 12
    for process in model.processes:
        edges = [_squeeze(t) for _, t in _texts(drawn / f"process-{process.id}.svg", "edge")]
        steps = process_steps(model, process)
        assert steps, process.id
        for number, flow in steps:
            title = _squeeze(f"{number}. {flow.name or flow.id}")
            label = next((e for e in edges if e.startswith(title)), None)
            assert label is not None, f"{process.id} step {number}"
            assert "data:" in label and "legalbasis:" in label
            for provision in flow.legal_basis:
                assert _squeeze(str(provision)) in label


def test_each_process_has_a_sequence_of_numbered_messages(example: Report, drawn: Path) -> None:
    model = example.model
    for process in model.processes:
        nodes = _groups(drawn / f"sequence-{process.id}.svg", "node")
        for number, flow in process_steps(model, process):
            label = _squeeze(nodes[f"step {number}"])
            assert label.startswith(_squeeze(f"{number}. {flow.name or flow.id}")), process.id
            assert "data:" in label and "legalbasis:" in label
            for provision in flow.legal_basis:
                assert _squeeze(str(provision)) in label
    # Participants left to right: the state, the interfaces, the EU.
    svg = ET.parse(drawn / "sequence-P-LE-CIR-QUERY.svg").getroot()
    x = {}
    for group in svg.iter(f"{SVG}g"):
        title = group.findtext(f"{SVG}title") or ""
        if group.get("class") == "node" and title in {"LEA-REQ", "eu.NUI-EES", "eu.ESP", "eu.EES"}:
            x[title] = float(next(group.iter(f"{SVG}text")).get("x", "0"))
    assert x["LEA-REQ"] < x["eu.NUI-EES"] < x["eu.ESP"] < x["eu.EES"]


def test_every_step_of_a_sequence_has_its_arrow(example: Report, drawn: Path) -> None:
    """A flow between two components of one system too: a message to itself (P-LOG-REVIEW's
    F-SUP-09 had its text and no line)."""
    model = example.model
    inside = [f for f in model.flows if f.id == "F-SUP-09"]
    assert inside and inside[0].process == "P-LOG-REVIEW"  # the example's flow inside AUDIT
    xlink = "{http://www.w3.org/1999/xlink}title"
    for process in model.processes:
        svg = ET.parse(drawn / f"sequence-{process.id}.svg").getroot()
        lines = [
            link.get(xlink, "")
            for group in svg.iter(f"{SVG}g")
            if group.get("class") == "edge"
            for link in group.iter(f"{SVG}a")
        ]
        for _, flow in process_steps(model, process):
            assert any(line.startswith(f"{flow.id}:") or line == flow.id for line in lines), (
                process.id,
                flow.id,
            )


def test_the_data_view_marks_special_and_personal_data(example: Report, drawn: Path) -> None:
    nodes = _groups(drawn / "data.svg", "node")
    root = ET.parse(drawn / "data.svg").getroot()
    special = [d for d in example.model.data if d.special]
    assert {d.id for d in special} == {"fingerprints", "facial-image"}
    for category in example.model.data:
        text = nodes[f"data:{category.id}"]
        assert _squeeze(category.name) in _squeeze(text)
        assert "kept:" in text  # the retention, as the model states it
        if category.retention and not category.retention.startswith("P"):
            assert _squeeze(category.retention)[:20] in _squeeze(text)
        if category.special:
            assert "[SPECIAL: biometric]" in text
        elif category.personal:
            assert "[personal]" in text
        else:
            assert "[SPECIAL" not in text and "[personal]" not in text
    # Colour as well as the marker: the special categories are drawn in red.
    for group in root.iter(f"{SVG}g"):
        if group.findtext(f"{SVG}title") == "data:fingerprints":
            strokes = {p.get("stroke") for p in group.iter(f"{SVG}polygon")}
            assert "#b3261e" in {s.lower() for s in strokes if s}


def test_the_data_view_joins_controllers_categories_and_master_copies(
    example: Report, drawn: Path
) -> None:
    edges = {title.replace("&#45;&gt;", "->") for title, _ in _texts(drawn / "data.svg", "edge")}
    nodes = _groups(drawn / "data.svg", "node")
    fingerprints = example.model.get("fingerprints")
    assert isinstance(fingerprints, DataCategory)
    assert fingerprints.controller == ["VRS", "PMLP", "VP"] and fingerprints.master == "BDAS"
    assert {"VRS->data:fingerprints", "PMLP->data:fingerprints", "data:fingerprints->BDAS"} <= edges
    assert "data:visa-application-data->eu.VIS" in edges
    # One line per controller and one per master: the facts, not every flow end.
    expected = sum(len(d.controller) + (d.master is not None) for d in example.model.data)
    assert len(edges) == expected
    assert "RKIS" not in nodes  # a system that holds no master copy is not drawn
    text = _squeeze(nodes["data:fingerprints"])
    for part in ("entities: Fingerprint set", "processor: IeM IC, eu-LISA", "2019/817 Art 13"):
        assert _squeeze(part) in text
    legend = _squeeze(nodes["legend"])
    assert _squeeze("controller (organisation)") in legend and "cylinder" in legend
    assert "hexagon" not in legend  # no national uniform interface holds a master copy


def test_the_special_data_view_shows_where_biometrics_flow(example: Report, drawn: Path) -> None:
    edges = {
        t.replace("&#45;&gt;", "->"): text for t, text in _texts(drawn / "data-special.svg", "edge")
    }
    nodes = _groups(drawn / "data-special.svg", "node")
    assert {"BDAS", "RKIS", "eu.NUI-EES", "eu.sBMS", "eu.CIR"} <= set(nodes)
    assert "NVIS->eu.NUI-VIS" in edges and "eu.ESP->eu.CIR" in edges
    assert "STAT" not in nodes and "AUDIT" not in nodes  # no special data reach them
    assert "master copy: Facial image, Fingerprints" in " ".join(nodes["BDAS"].split())
    labels = {title: " ".join(text.split()) for title, text in edges.items()}
    assert labels["RKIS->ESP-GW"] == "Facial image"  # only some special data: named
    assert labels["eu.ESP->eu.CIR"] == ""  # every special category: unlabelled
    legend = " ".join(nodes["legend"].split())
    assert "(Facial image, Fingerprints)" in legend and "(planned)" in legend


def test_no_absolute_paths_icons_or_links_in_the_svgs(drawn: Path) -> None:
    for svg in drawn.glob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert str(drawn.parent.parent) not in text
        assert "<image" not in text and "href" not in text and "/usr/" not in text
        assert "DejaVu Sans" in text


def test_drawing_twice_gives_identical_bytes(example: Report, drawn: Path, tmp_path: Path) -> None:
    render_products(example, tmp_path / "again", ["diagrams"])
    again = tmp_path / "again" / "diagrams"
    names = sorted(p.name for p in drawn.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (drawn / name).read_bytes() == (again / name).read_bytes(), name


HOSTILE = {
    "script": "<script>alert(1)</script>",
    "bold": "<<b>bold</b>>",
    "onload": '" onload="x',
    "escapes": "\\N \\G \\L \\n end\\",
    "image": "<img src=x onerror=alert(1)>",
    "entity": "&lt;i&gt; &amp; &#60;",
}


def _hostile_model(write_model: WriteModel) -> Path:
    q = {key: json.dumps(value) for key, value in HOSTILE.items()}  # YAML double-quoted
    return write_model(
        {
            "m.yaml": f"""\
organisations:
  - {{id: ORG, name: {q["bold"]}, kind: ministry}}
systems:
  - id: SYS-A
    name: {q["script"]}
    kind: national
    owner: ORG
    zone: {q["image"]}
    components:
      - {{id: SYS-A-C, name: {q["onload"]}}}
  - {{id: SYS-B, name: {q["escapes"]}, kind: national, owner: ORG, status: planned}}
  - {{id: SYS-C, name: {q["entity"]}, kind: national}}
data:
  - {{id: bio, name: {q["bold"]}, personal: true, special: true}}
  - {{id: who, name: {q["image"]}, personal: true}}
flows:
  - id: F1
    name: {q["script"]}
    from: SYS-A-C
    to: SYS-B
    data: [bio, who]
    process: P1
  - id: F2
    name: {q["escapes"]}
    from: SYS-B
    to: eu.ESP
    data: [who]
    legal_basis: ["2019/817 Art 7(1)"]
    process: P1
  - {{id: F3, name: {q["entity"]}, from: SYS-C, to: SYS-A, data: [who], process: P1}}
processes:
  - {{id: P1, name: {q["bold"]}, steps: [F1, F2, F3]}}
"""
        }
    )


def test_hostile_names_are_drawn_as_literal_text(write_model: WriteModel, tmp_path: Path) -> None:
    root = _hostile_model(write_model)
    report = check_model(root, root)
    assert {s.name for s in report.model.systems if not s.id.startswith("eu.")} == {
        HOSTILE["script"],
        HOSTILE["escapes"],
        HOSTILE["entity"],
    }
    render_products(report, tmp_path / "out", ["diagrams"])
    folder = tmp_path / "out" / "diagrams"
    expected = {
        "context.svg": ["bold"],
        "context-SYS-A.svg": ["script", "escapes", "entity"],
        "process-P1.svg": ["script", "bold", "onload", "escapes", "entity"],
        "sequence-P1.svg": ["script", "bold", "escapes", "entity"],
        "technical.svg": ["image"],
        "data.svg": ["bold", "image"],
    }
    for name, keys in expected.items():
        svg = folder / name
        text = _squeeze(_all_text(svg))
        for key in keys:
            assert _squeeze(HOSTILE[key]) in text, (name, key)
        raw = svg.read_text(encoding="utf-8")
        assert "<script" not in raw and "<img" not in raw and "<b>" not in raw
        assert ' onload="' not in raw and "onerror=" not in raw.replace("onerror=alert", "")
        for element in ET.parse(svg).getroot().iter():
            assert element.tag.startswith(SVG), element.tag  # no <b>, <script>, <img>
            assert not {a for a in element.attrib if a.startswith("on")}, element.attrib


LITERAL = [
    *["\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "\\n", "\\l", "\\r", "a\\", "\\", '"', '\\"'],
    *["&amp;", "&lt;x&gt;", "&#60;", "<<b>x</b>>", "<i>x</i>", '<IMG SRC="/etc/hostname"/>'],
]


@pytest.mark.parametrize("text", LITERAL)
def test_a_label_shows_exactly_its_text(text: str, tmp_path: Path) -> None:
    graph = Graph("g", text_label("title"), {}, nodes=[Node("n", text_label(text, 80))])
    assert "label=<" not in graph.source()
    diagram_dot.run_dot(graph.source(), tmp_path / "g.svg", tmp_path / "g.png")
    assert _groups(tmp_path / "g.svg", "node")["n"] == text


def _big_model(write_model: WriteModel, count: int) -> Path:
    systems = [
        f"  - {{id: S{n:02}, name: National system number {n} of the test state with a long "
        f"name (Valsts sistēma {n}), kind: national, owner: ORG{n % 5}, zone: zone {n % 4}}}"
        for n in range(count)
    ]
    organisations = [
        f"  - {{id: ORG{n}, name: Organisation {n} (Iestāde {n}), kind: other}}" for n in range(5)
    ]
    flows = [
        f"  - {{id: F{n:02}, from: S{n:02}, to: S{(n * 7 + 3) % count:02}, data: [who]}}"
        for n in range(count)
    ]
    flows += [
        f"  - {{id: G{n:02}, from: S{n:02}, to: eu.ESP, data: [who]}}" for n in range(0, count, 3)
    ]
    return write_model(
        {
            "m.yaml": "organisations:\n"
            + "\n".join(organisations)
            + "\nsystems:\n"
            + "\n".join(systems)
            + "\ndata:\n  - {id: who, name: Identity, personal: true}\nflows:\n"
            + "\n".join(flows)
            + "\n"
        }
    )


def test_forty_national_systems_are_all_drawn_within_the_cap(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = _big_model(write_model, 40)
    report = check_model(root, root)
    render_products(report, tmp_path / "out", ["diagrams"])
    folder = tmp_path / "out" / "diagrams"
    assert {f"ORG{n}" for n in range(5)} <= set(_groups(folder / "context.svg", "node"))
    for n in range(40):
        assert f"S{n:02}" in _groups(folder / f"context-S{n:02}.svg", "node")
    technical = _groups(folder / "technical.svg", "node")
    assert {f"S{n:02}" for n in range(40)} <= set(technical)  # a model without hosting:
    words = _all_text(folder / "technical.svg")
    assert all(f"Zone: zone {n}" in words for n in range(4))  # each system in its zone's box
    assert "(the limit)" not in words


def test_a_diagram_over_the_cap_says_so_in_its_language() -> None:
    graph = Graph("g", text_label("title"))
    graph.nodes = [Node(f"n{i:03}", text_label(f"node {i}")) for i in range(450)]
    graph.edges = [diagram_dot.Edge("n000", "n449"), diagram_dot.Edge("n000", "n001")]
    assert graph.cap(400) == [diagram_dot.Cut("boxes", 400, 450)]
    assert len(graph.node_ids()) == 400
    assert [(e.tail, e.head) for e in graph.edges] == [("n000", "n001")]
    graph.edges = [diagram_dot.Edge("n000", f"n{i:03}") for i in range(300)]
    assert graph.cap(400, 250) == [diagram_dot.Cut("lines", 250, 300)]
    assert len(graph.edges) == 250
    many = [Node(f"n{i:04}", text_label(f"node {i}")) for i in range(diagram_dot.MAX_NODES + 5)]
    english, latvian = Graph("en", text_label("title")), Graph("lv", text_label("title"))
    english.nodes, latvian.nodes = many, list(many)
    capped(english)
    with speaking("lv"):
        capped(latvian)
    shown = f"{diagram_dot.MAX_NODES} of {diagram_dot.MAX_NODES + 5}"
    assert f"Showing {shown} boxes (the limit)" in english.source()
    assert "Showing" not in latvian.source() and shown.replace(" of ", " no ") in latvian.source()


def test_graphviz_failures_are_clear_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ArchlexError, match=r"Graphviz could not draw bad\.svg"):
        diagram_dot.run_dot("digraph {", tmp_path / "bad.svg", tmp_path / "bad.png")
    big = Graph("g", text_label("t"), nodes=[Node(f"n{i}", text_label("x")) for i in range(300)])
    big.edges = [diagram_dot.Edge(f"n{i}", f"n{(i * 7) % 300}") for i in range(300)]
    monkeypatch.setattr(diagram_dot, "DOT_TIMEOUT", 0.001)
    monkeypatch.setattr(diagram_dot, "TIMEOUT_BYTES", 10**9)
    with pytest.raises(ArchlexError, match=r"longer than 0\.001 s"):
        diagram_dot.run_dot(big.source(), tmp_path / "slow.svg", tmp_path / "slow.png")
    monkeypatch.undo()
    # A 10k model's technical view (260 KB of DOT) is given minutes, a small view a minute.
    assert diagram_dot.dot_timeout(b"x" * 260_000) >= 300
    assert diagram_dot.dot_timeout(b"digraph { a -> b }") == diagram_dot.DOT_TIMEOUT
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ArchlexError, match="Graphviz `dot` is not installed"):
        diagram_dot.run_dot("digraph {}", tmp_path / "none.svg", tmp_path / "none.png")


def test_process_steps_follow_the_steps_then_flows_naming_the_process(example: Report) -> None:
    process = example.model.processes[0]
    steps = process_steps(example.model, process)
    assert [f.id for _, f in steps][: len(process.steps)] == list(process.steps)
    assert all(isinstance(f, Flow) for _, f in steps)


def test_an_empty_model_still_draws_every_diagram(write_model: WriteModel, tmp_path: Path) -> None:
    root = write_model({"p.yaml": "processes:\n  - {id: P-EMPTY, name: Nothing yet}\n"})
    written = render_products(check_model(root, root), tmp_path / "out", ["diagrams"])
    assert sorted(p.name for p in written if p.suffix != ".png") == [
        "context.svg",
        "data.svg",
        "diagrams.json",
        "legend.svg",
        "process-P-EMPTY.svg",
        "sequence-P-EMPTY.svg",
        "technical.svg",
    ]


def test_each_diagram_has_a_heading_without_the_models_name(example: Report, drawn: Path) -> None:
    record = json.loads((drawn / "diagrams.json").read_text(encoding="utf-8"))["diagrams"]
    name = example.model.manifest.name
    by_stem = {d["name"]: d for d in record}
    for drawing in record:
        if drawing["name"] == "legend":
            continue
        assert name in drawing["title"], drawing["name"]  # drawn on the diagram itself
        assert name not in drawing["heading"] and drawing["heading"], drawing["name"]
        assert drawing["title"].startswith(drawing["heading"].split(" ")[0])
    process = example.model.processes[0]
    heading = by_stem[f"process-{process.id}"]["heading"]
    assert heading.endswith(f"{process.name} ({process.id})")
