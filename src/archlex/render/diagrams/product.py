"""`archlex render diagrams`: the architecture diagrams as SVG and PNG, and their record.

Writes `context` (organisations and the EU side), one `context-<system>` per national system,
one `process-<id>` (data flow) and one `sequence-<id>` (the steps as messages between
lifelines) per business process, `technical`, `data`, `legend`, and `diagrams.json`:
for each diagram its title, the page it is meant for (A4 or A3, portrait or landscape), the
scale it is placed at there, its smallest printed text, its edges, edge crossings and the
farthest an edge label sits from its line. The graphs are written as DOT by
`archlex.toolkit.dot` and laid out by Graphviz `dot`, not through the `diagrams` package: that
package names nodes with random uuids, writes into the current folder, points SVGs at icon
files by absolute path, runs `dot` without a timeout, and passes a label that looks like
`<...>` to Graphviz as an HTML-like label.
"""

from __future__ import annotations

import json
from pathlib import Path

from archlex.files import write_text_atomic
from archlex.render.diagrams.context import context_view
from archlex.render.diagrams.data import data_view
from archlex.render.diagrams.flows import process_view
from archlex.render.diagrams.focus import focus_views
from archlex.render.diagrams.labels import in_diagram_language
from archlex.render.diagrams.legend import legend_at_the_end, with_legend
from archlex.render.diagrams.measure import crossings, label_distances, plain_edges
from archlex.render.diagrams.page import SMALLEST_PRINTED_PT, placement_of
from archlex.render.diagrams.sequence import sequence_view
from archlex.render.diagrams.style import legend
from archlex.render.diagrams.technical import technical_view
from archlex.render.diagrams.views import Landscape
from archlex.render.registry import RenderContext, renderer
from archlex.toolkit.dot import Graph, run_dot

RECORD = "diagrams.json"


@in_diagram_language
def diagram_graphs(context: RenderContext) -> list[tuple[str, Graph]]:
    """Every diagram with the name of its files, in the order they are drawn."""
    model = context.report.model
    landscape = Landscape.of(model)
    graphs = [("context", context_view(landscape)), *focus_views(landscape)]
    for process in sorted(model.processes, key=lambda p: p.id):
        view = with_legend(process_view(model, process), ("line.message",))
        graphs.append((f"process-{process.id}", view))
        graphs.append((f"sequence-{process.id}", sequence_view(landscape, process)))
    graphs += [
        ("technical", technical_view(landscape)),
        ("data", data_view(landscape)),
        ("legend", legend()),
    ]
    return graphs


@renderer("diagrams", order=10)
@in_diagram_language
def render_diagrams(context: RenderContext) -> list[Path]:
    """Draw every diagram as SVG and PNG into the `diagrams` folder, and the record."""
    folder = context.folder("diagrams")
    written: list[Path] = []
    records = []
    for stem, graph in diagram_graphs(context):
        graph.cap()
        svg, png = folder / f"{stem}.svg", folder / f"{stem}.png"
        plain = draw_to_fit(graph, svg, png)
        written += [svg, png]
        records.append(diagram_record(stem, graph, svg.read_text(encoding="utf-8"), plain))
    record = folder / RECORD
    write_text_atomic(record, json.dumps({"diagrams": records}, indent=2, sort_keys=True) + "\n")
    return [*written, record]


def draw_to_fit(graph: Graph, svg: Path, png: Path) -> str:
    """Draw a graph; when its text would print under 7 pt, try the legend after the last box
    instead and keep whichever prints larger. The `-Tplain` layout of the one kept."""
    plain = run_dot(graph.source(), svg, png)
    first = placement_of(svg.read_text(encoding="utf-8")).smallest_printed_pt
    if first >= SMALLEST_PRINTED_PT or graph.attrs.get("rankdir") != "LR":
        return plain
    edge = legend_at_the_end(graph)
    if edge is None:
        return plain
    moved = run_dot(graph.source(), svg, png)
    if placement_of(svg.read_text(encoding="utf-8")).smallest_printed_pt > first:
        return moved
    graph.edges.remove(edge)
    return run_dot(graph.source(), svg, png)


def diagram_record(stem: str, graph: Graph, svg: str, plain: str) -> dict[str, object]:
    """What a document needs to place a diagram, and the numbers that hold its layout."""
    distances = label_distances(svg)
    return {
        "name": stem,
        "svg": f"{stem}.svg",
        "png": f"{stem}.png",
        "title": " ".join(graph.label.lines),
        "placement": placement_of(svg).as_dict(),
        "edges": len(plain_edges(plain)),
        "crossings": crossings(plain),
        "farthest_label_pt": max(distances.values(), default=0.0),
    }
