"""The technical view of the example: systems inside their data centres and zones, the national
uniform interfaces on the national side of the border, connections labelled with their protocol
and coloured by network, and a legend of what it draws; and a model's hosting references checked
with their positions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archlex.outcome import Report
from archlex.render.concept.technical_values import technical_values
from archlex.render.diagrams.technical import technical_view
from archlex.render.diagrams.views import Landscape
from archlex.render.registry import RenderContext
from archlex.toolkit.dot import dot_svg
from tests.check.models import WITH_EU, check
from tests.conftest import WriteModel

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def technical(example: Report) -> ET.Element:
    """The example's technical view as drawn by Graphviz."""
    return ET.fromstring(dot_svg(technical_view(Landscape.of(example.model)).source(), "t"))


def _clusters(root: ET.Element) -> dict[str, tuple[str, set[str], tuple[float, float]]]:
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


def test_systems_sit_in_their_zones_and_the_interfaces_on_the_national_side(
    technical: ET.Element,
) -> None:
    clusters = _clusters(technical)
    national = next(v for v in clusters.values() if v[0].startswith("National side (LV)"))
    eu = next(v for v in clusters.values() if v[0].startswith("EU side"))
    nuis = {"eu.NUI-EES", "eu.NUI-VIS", "eu.NUI-SIS", "eu.NUI-ETIAS", "eu.NUI-Eurodac"}
    assert nuis <= national[1] and not nuis & eu[1]
    assert {"eu.EES", "eu.ESP", "eu.CIR"} <= eu[1]
    assert national[2][1] < eu[2][0]  # the border: the whole national side left of the EU side
    segment = next(v for v in clusters.values() if v[0].startswith("NUI segment"))
    assert nuis | {"EES-NI", "ESP-GW", "NSIS"} <= segment[1]
    site = next(v for v in clusters.values() if v[0].startswith("IeM IC primary data centre"))
    assert segment[1] < site[1]
    assert "DR, test in IeM IC secondary data centre (Riga)" in segment[0]
    strasbourg = next(v for v in clusters.values() if "Strasbourg" in v[0])
    assert "DR in eu-LISA backup site (Sankt Johann im Pongau)" in strasbourg[0]


def test_connections_carry_their_protocol_and_the_legend_names_the_networks(
    technical: ET.Element,
) -> None:
    edges = {
        g.findtext(f"{SVG}title"): " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        for g in technical.iter(f"{SVG}g")
        if g.get("class") == "edge"
    }
    assert edges["eu.NUI-EES->eu.EES"] == "SOAP, XML"
    assert edges["ESP-GW->eu.ESP"] == "REST, UMF (XML)"
    legend = next(
        " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        for g in technical.iter(f"{SVG}g")
        if g.get("class") == "node" and g.findtext(f"{SVG}title") == "legend"
    )
    assert "connection over EU communication infrastructure (TESTA-ng)" in legend
    assert "on each connection: its protocol, format" in legend
    assert "planned connection: dashed" in legend
    assert "all flows between two boxes" not in legend  # no line this view does not draw


def test_the_view_is_built_from_the_model_alone(example: Report) -> None:
    graph = technical_view(Landscape.of(example.model))
    assert graph.source() == technical_view(Landscape.of(example.model)).source()
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
        "DR: NUI segment (DR), IeM IC secondary data centre (Riga); "
        "test: Test and acceptance zone, IeM IC secondary data centre (Riga)",
        "99.9\u00a0%",
    ]
    assert hosting["Court Information System"][1:] == ["\u2013", "\u2013"]
    connections = {row[0]: row[1:] for row in values["connection_rows"]}
    assert connections["National ESP gateway \u2192 European search portal"] == [
        "EU communication infrastructure",
        "REST, UMF (XML) (Universal message format)",
        "99.9\u00a0%",
        "300 (peak 1\u00a0500) searches per minute",
    ]
