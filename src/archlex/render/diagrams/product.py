"""`archlex render diagrams`: the architecture diagrams as SVG and PNG.

Writes `context`, one `process-<id>` per business process, `technical`, `data` and `legend`.
The graphs are written as DOT by `archlex.toolkit.dot` and laid out by Graphviz `dot`, not
through the `diagrams` package: that package names nodes with random uuids, writes into the
current folder, points SVGs at icon files by absolute path, runs `dot` without a timeout, and
passes a label that looks like `<...>` to Graphviz as an HTML-like label.
"""

from __future__ import annotations

from pathlib import Path

from archlex.render.diagrams.flows import data_view, process_view
from archlex.render.diagrams.style import legend
from archlex.render.diagrams.views import context_view, technical_view
from archlex.render.registry import RenderContext, renderer
from archlex.toolkit.dot import Graph, run_dot


def diagram_graphs(context: RenderContext) -> list[tuple[str, Graph]]:
    """Every diagram with the name of its files, in the order they are drawn."""
    model = context.report.model
    graphs = [("context", context_view(model))]
    for process in sorted(model.processes, key=lambda p: p.id):
        graphs.append((f"process-{process.id}", process_view(model, process)))
    graphs += [
        ("technical", technical_view(model)),
        ("data", data_view(model)),
        ("legend", legend()),
    ]
    return graphs


@renderer("diagrams", order=10)
def render_diagrams(context: RenderContext) -> list[Path]:
    """Draw every diagram as SVG and PNG into the `diagrams` folder."""
    folder = context.folder("diagrams")
    written: list[Path] = []
    for stem, graph in diagram_graphs(context):
        graph.cap()
        svg, png = folder / f"{stem}.svg", folder / f"{stem}.png"
        run_dot(graph.source(), svg, png)
        written += [svg, png]
    return written
