"""The technical views of the example: the national side with its systems inside their data
centres and zones (zones side by side), the connections across the border with the national
uniform interfaces on the national side, lines labelled with their protocol and coloured by
network, a legend of what each draws; and a model's hosting references checked with their
positions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archlex.model.system import System, SystemKind
from archlex.outcome import Report
from archlex.render.concept.technical_values import technical_values
from archlex.render.diagrams.measure import label_overlaps
from archlex.render.diagrams.technical import Part, technical_view, technical_views
from archlex.render.diagrams.technical_columns import columns
from archlex.render.diagrams.views import Landscape
from archlex.render.registry import RenderContext
from archlex.toolkit.dot import Edge, dot_svg
from tests.check.models import WITH_EU, check
from tests.conftest import WriteModel

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def drawn(example: Report) -> dict[str, str]:
    """The example's default technical views as Graphviz draws them (SVG text)."""
    views = technical_views(Landscape.of(example.model))
    return {name: dot_svg(graph.source(), name) for name, graph in views}


@pytest.fixture(scope="module")
def national(drawn: dict[str, str]) -> ET.Element:
    """The national side: hosting and the lines inside the state."""
    return ET.fromstring(drawn["technical"])


@pytest.fixture(scope="module")
def border(drawn: dict[str, str]) -> ET.Element:
    """The lines across the border."""
    return ET.fromstring(drawn["technical-border"])


Box = tuple[str, set[str], tuple[float, float]]


def _clusters(root: ET.Element) -> dict[str, Box]:
    """Each cluster: its text, the ids of the nodes drawn inside its box, its x range."""
    boxes = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "cluster":
            coordinates = " ".join(
                (shape.get("points") or shape.get("d") or "")
                for shape in group.iter()
                if shape.tag in (f"{SVG}polygon", f"{SVG}path")
            )
            numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", coordinates)]
            points = list(zip(numbers[::2], numbers[1::2], strict=False))
            text = " ".join(t.text or "" for t in group.iter(f"{SVG}text"))
            xs = [p[0] for p in points] or [0.0]
            ys = [p[1] for p in points] or [0.0]
            boxes[group.findtext(f"{SVG}title") or ""] = (
                text,
                (min(xs), max(xs), min(ys), max(ys)),
            )
    nodes = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "node":
            shape = next(iter(group.iter(f"{SVG}text")))
            nodes[group.findtext(f"{SVG}title") or ""] = (
                float(shape.get("x", 0)),
                float(shape.get("y", 0)),
            )
    found = {}
    for name, (text, (x0, x1, y0, y1)) in boxes.items():
        inside = {n for n, (x, y) in nodes.items() if x0 <= x <= x1 and y0 <= y <= y1}
        found[name] = (text, inside, (x0, x1))
    return found


NUIS = {"eu.NUI-EES", "eu.NUI-VIS", "eu.NUI-SIS", "eu.NUI-ETIAS", "eu.NUI-Eurodac"}


def _cluster(clusters: dict[str, Box], start: str) -> Box:
    return next(v for v in clusters.values() if v[0].startswith(start))


def test_systems_sit_in_their_zones_and_the_zones_side_by_side(national: ET.Element) -> None:
    clusters = _clusters(national)
    side = _cluster(clusters, "National side (LV)")
    assert not [v for v in clusters.values() if v[0].startswith("EU side")]
    segment = _cluster(clusters, "NUI segment")
    assert NUIS | {"EES-NI", "ESP-GW", "NSIS"} <= segment[1] <= side[1]
    site = _cluster(clusters, "IeM IC primary data centre")
    assert segment[1] < site[1]
    assert "DR, test in IeM IC secondary data centre (Riga)" in segment[0]
    secure = _cluster(clusters, "Secure zone")
    assert {"NVIS", "PIS", "BDAS", "MID-WS"} <= secure[1]
    assert secure[2][1] < segment[2][0]  # the zones stand side by side, not one above the other
    for small in ("State Border Guard data centre", "Court Administration", "VDD classified"):
        assert _cluster(clusters, small)[2][1] < site[2][0], small  # beside the data centre
    boxes = {
        g.findtext(f"{SVG}title") for g in national.iter(f"{SVG}g") if g.get("class") == "node"
    }
    assert "eu.EES" not in boxes and boxes >= NUIS  # no EU side; the interfaces are the state's


def test_across_the_border_the_interfaces_stand_on_the_national_side(border: ET.Element) -> None:
    clusters = _clusters(border)
    national = _cluster(clusters, "National side (LV)")
    eu = _cluster(clusters, "EU side")
    assert NUIS | {"ESP-GW", "MID-WS", "STAT"} <= national[1] and not NUIS & eu[1]
    assert "EES-NI" not in national[1]  # no line of its own leaves the state
    assert {"eu.EES", "eu.ESP", "eu.CIR"} <= eu[1]
    assert national[2][1] < eu[2][0]  # the border: the whole national side left of the EU side
    strasbourg = _cluster(clusters, "eu-LISA technical site")
    assert "DR in eu-LISA backup site (Sankt Johann im Pongau)" in strasbourg[0]


def _edges(root: ET.Element) -> dict[str, str]:
    return {
        g.findtext(f"{SVG}title") or "": " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "edge"
    }


def _legend(root: ET.Element) -> str:
    return next(
        " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "node" and g.findtext(f"{SVG}title") == "legend"
    )


def test_connections_carry_their_protocol_and_the_legend_names_the_networks(
    national: ET.Element, border: ET.Element
) -> None:
    across = _edges(border)
    assert across["eu.NUI-EES->eu.EES"] == "SOAP, XML"
    assert across["ESP-GW->eu.ESP"] == "REST, UMF (XML)"
    assert _edges(national)["RKIS->ESP-GW"] == "REST, JSON"
    legend = _legend(border)
    assert "connection over EU communication infrastructure (TESTA-ng)" in legend
    assert "on each connection: its protocol, format" in legend
    assert "planned connection: dashed" in legend
    assert "all flows between two boxes" not in legend  # no line this view does not draw
    assert "TESTA-ng" not in _legend(national)  # only the networks of the lines it draws
    assert "connection over Interior-sector secure data network (IeM IC)" in _legend(national)


def test_every_line_is_drawn_in_one_of_the_two_views(
    example: Report, national: ET.Element, border: ET.Element
) -> None:
    whole = technical_view(Landscape.of(example.model), Part.ALL)
    lines = {f"{e.tail}->{e.head}" for e in whole.edges if e.attrs.get("style") != "invis"}
    inside, across = set(_edges(national)), set(_edges(border))
    assert inside | across == lines and not inside & across
    assert len(lines) == 25  # every connection of the example between two drawn systems


def test_no_edge_label_covers_a_name_or_a_zone(drawn: dict[str, str]) -> None:
    for name, svg in drawn.items():
        assert label_overlaps(svg) == [], name
    covered = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g class="cluster"><text x="10" y="20" '
        'font-size="10" text-anchor="start">Secure zone</text></g><g class="edge"><text x="40" '
        'y="22" font-size="10" text-anchor="middle">SOAP, XML</text></g></svg>'
    )
    assert label_overlaps(covered) == [("SOAP, XML", "Secure zone")]


def _system(system_id: str, kind: SystemKind = SystemKind.NATIONAL) -> System:
    return System(id=system_id, name=system_id, kind=kind)


def test_zones_in_a_cycle_are_left_to_graphviz_and_the_interfaces_follow_their_feeders() -> None:
    systems = [_system(i) for i in ("a", "b", "c", "d")]
    systems.append(_system("eu.NUI-X", SystemKind.NATIONAL_INTERFACE))
    systems.append(_system("eu.X", SystemKind.EU_CENTRAL))
    zone_of = {"a": "z1", "b": "z2", "c": "z2", "d": "z3", "eu.NUI-X": "z2"}
    lines = [Edge("a", "b"), Edge("b", "eu.NUI-X"), Edge("eu.NUI-X", "eu.X"), Edge("d", "eu.X")]
    found, order = columns(lines, systems, zone_of, {"d"})
    # z1 feeds z2 (b and c together); the interface after its feeder, beside d, whose only
    # line leaves the state; the EU side last
    assert found == [["a"], ["b", "c"], ["d", "eu.NUI-X"], ["eu.X"]]
    assert [(e.tail, e.head) for e in order] == [("a", "b"), ("b", "d"), ("d", "eu.X")]
    cycle = [Edge("a", "b"), Edge("c", "a")]
    found, _ = columns(cycle, systems, zone_of, set())
    assert found == [["eu.NUI-X"], ["eu.X"]]  # the national side is ranked by Graphviz alone
    assert cycle[1].attrs == {}  # nothing told not to pull


def test_the_view_is_built_from_the_model_alone(example: Report) -> None:
    graph = technical_view(Landscape.of(example.model), Part.NATIONAL)
    assert graph.source() == technical_view(Landscape.of(example.model), Part.NATIONAL).source()
    assert "connection over" in graph.source()


def test_unknown_hosting_references_are_placed(write_model: WriteModel) -> None:
    root = write_model(
        {
            "hosting.yaml": "systems:\n"
            "  - {id: visa, name: Visa system, kind: national}\n"
            "nodes:\n"
            "  - id: dc\n"
            "    name: Data centre\n"
            "    kind: data-centre\n"
            "    within: campus\n"
            "    networks: [lan]\n"
            "    hosts:\n"
            "      - {system: visas}\n"
            "connections:\n"
            "  - {id: c1, from: visa, to: eu.NUI-VIS, network: testa, standard: eu.UMF}\n"
        },
        WITH_EU,
    )
    report = check(root)
    found = {
        (f.line, f.column): f.message for f in report.findings if f.rule == "unknown-reference"
    }
    assert set(found) == {(7, 13), (8, 16), (10, 18), (12, 51)}
    assert "`hosts[0].system` names `visas`" in found[(10, 18)]
    assert "no network `testa`" in found[(12, 51)]


def test_a_model_without_hosting_still_loads_and_draws(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model(
        {"s.yaml": "systems:\n  - {id: visa, name: Visa system, kind: national, zone: DMZ}\n"},
        WITH_EU,
    )
    report = check(root)
    assert not [f for f in report.findings if f.severity.value == "error"]
    source = technical_view(Landscape.of(report.model)).source()
    assert "Zone: DMZ" in source and "hosting" in source.lower()


def test_the_concept_tables_say_where_systems_run_and_how_they_connect(
    example: Report, tmp_path: Path
) -> None:
    values = technical_values(RenderContext(example, tmp_path))
    hosting = {row[0]: row[1:] for row in values["hosting_rows"]}
    assert hosting["National ESP gateway"] == [
        "NUI segment, IeM IC primary data centre (Riga)",
        "2",
        "DR: NUI segment (DR), IeM IC secondary data centre (Riga); "
        "test: Test and acceptance zone, IeM IC secondary data centre (Riga)",
        "99.9\u00a0%",
    ]
    assert hosting["Court Information System"][1:] == ["\u2013", "\u2013", "\u2013"]
    assert values["hosting_head"][2] == "Instances"
    connections = {row[0]: row[1:] for row in values["connection_rows"]}
    assert connections["National ESP gateway \u2192 European search portal"] == [
        "EU communication infrastructure",
        "REST, UMF (XML) (Universal message format)",
        "99.9\u00a0%",
        "300 (peak 1\u00a0500) searches per minute",
    ]
