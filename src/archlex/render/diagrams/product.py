"""`archlex render diagrams`: the architecture diagrams as SVG and PNG, and their record.

Writes `context` (organisations and the EU side), one `context-<system>` per national system,
one `process-<id>` (data flow) and one `sequence-<id>` (the steps as messages between
lifelines) per business process, `technical`, `data`, `data-special` (where special-category
data flow, when any do), one `<id>` per view the model names (`views:`), `legend`, and
`diagrams.json`:
for each diagram its title, the page it is meant for (A4 or A3, portrait or landscape), the
scale it is placed at there, its smallest printed text, its edges, edge crossings and the
farthest an edge label sits from its line. The graphs are written as DOT by
`archlex.toolkit.dot` and laid out by Graphviz `dot`, not through the `diagrams` package: that
package names nodes with random uuids, writes into the current folder, points SVGs at icon
files by absolute path, runs `dot` without a timeout, and passes a label that looks like
`<...>` to Graphviz as an HTML-like label.
"""

from __future__ import annotations

import contextvars
import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from archlex.files import write_text_atomic
from archlex.render.diagrams.context import context_view
from archlex.render.diagrams.data import data_view
from archlex.render.diagrams.data_special import special_data_view
from archlex.render.diagrams.flows import process_view
from archlex.render.diagrams.focus import focus_views
from archlex.render.diagrams.labels import capped, in_diagram_language
from archlex.render.diagrams.legend import legend_at_the_end, with_legend
from archlex.render.diagrams.measure import crossings_of, label_distances, plain_edges
from archlex.render.diagrams.named import named_views
from archlex.render.diagrams.page import SMALLEST_PRINTED_PT, DrawnSvg
from archlex.render.diagrams.sequence import WIDE_WRAP, sequence_view
from archlex.render.diagrams.style import legend
from archlex.render.diagrams.technical import technical_views
from archlex.render.diagrams.views import Landscape
from archlex.render.registry import RenderContext, renderer
from archlex.toolkit.dot import Graph, run_dot, run_png
from archlex.toolkit.drawings import drawings_shared

RECORD = "diagrams.json"
CROSSINGS_UP_TO = 250  # lines: a view with more records its crossings as null (not counted)
# `settings["png"] = "documents"` (what `archlex build` asks for): a PNG only for the diagrams
# a document prints; the site shows every diagram as SVG. These are the concept's figures
# (render/concept/product.py), with every `process-<id>` and every view the model names.
PNG_SETTING, PNG_DOCUMENTS = "png", "documents"
PRINTED = frozenset(("context", "legend", "technical", "technical-border", "data", "data-special"))


@in_diagram_language
def diagram_graphs(context: RenderContext) -> list[tuple[str, Graph]]:
    """Every diagram with the name of its files, in the order they are drawn."""
    model = context.report.model
    landscape = Landscape.of(model)
    graphs = [("context", context_view(landscape)), *focus_views(landscape)]
    for process in sorted(model.processes, key=lambda p: p.id):
        view = with_legend(process_view(model, process, landscape), ("line.message",))
        graphs.append((f"process-{process.id}", view))
        graphs.append((f"sequence-{process.id}", sequence_view(landscape, process)))
    graphs += [*technical_views(landscape), ("data", data_view(landscape))]
    special = special_data_view(landscape)
    graphs += [("data-special", special)] if special is not None else []
    graphs += [*named_views(model), ("legend", legend())]
    return graphs


def diagram_variants(context: RenderContext) -> dict[str, list[Graph]]:
    """Other drawings of a diagram, tried in turn when it prints under 7 pt: each sequence with
    wider messages (fewer lines a step)."""
    model = context.report.model
    landscape = Landscape.of(model)
    variants = {
        f"sequence-{p.id}": [sequence_view(landscape, p, WIDE_WRAP)] for p in model.processes
    }
    variants.update({stem: [graph] for stem, graph in named_views(model, WIDE_WRAP)})
    return variants


def diagram_kinds(context: RenderContext) -> dict[str, str]:
    """The kind of every diagram the model names (`views:`); the others' kind is their name's."""
    return {view.id: view.kind.value for view in context.report.model.views}


@renderer("diagrams", order=10)
@in_diagram_language
def render_diagrams(context: RenderContext) -> list[Path]:
    """Draw every diagram as SVG and PNG into the `diagrams` folder, and the record."""
    folder = context.folder("diagrams")
    graphs = diagram_graphs(context)
    variants, named = diagram_variants(context), diagram_kinds(context)
    every_png = context.settings.get(PNG_SETTING) != PNG_DOCUMENTS
    pngs = {stem for stem, _ in graphs if every_png or printed(stem, named)}
    # Graphviz runs as a child process, so the diagrams are drawn side by side, one per core,
    # the largest first (a large model's landscape takes minutes: last, it would be drawn
    # alone); the record keeps the order of the views.
    largest = sorted(range(len(graphs)), key=lambda n: -len(graphs[n][1].source()))
    # A drawing tried, dropped and kept after all (draw_best) is laid out once.
    with drawings_shared(), ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        tasks = {
            n: pool.submit(
                contextvars.copy_context().run,
                draw_one,
                graphs[n][0],
                [graphs[n][1], *variants.get(graphs[n][0], [])],
                folder,
                graphs[n][0] in pngs,
            )
            for n in largest
        }
        records = [tasks[n].result() for n in range(len(graphs))]
    for (stem, _), drawn in zip(graphs, records, strict=True):
        drawn["kind"] = named.get(stem) or _default_kind(stem)
        drawn["named"] = stem in named
    written = [folder / f"{stem}.svg" for stem, _ in graphs]
    written += [folder / f"{stem}.png" for stem, _ in graphs if stem in pngs]
    record = folder / RECORD
    write_text_atomic(record, json.dumps({"diagrams": records}, indent=2, sort_keys=True) + "\n")
    return [*written, record]


def printed(stem: str, named: dict[str, str]) -> bool:
    """Whether a document prints this diagram (the concept: its figures, every process's data
    flow, every view the model names)."""
    return stem in PRINTED or stem.startswith("process-") or stem in named


class _Canvas:
    """The SVG and PNG of one diagram on disk, and the DOT source the SVG was drawn from: the
    drawings tried are laid out as SVG only, and the PNG (ten times the cost of the SVG on a
    large view) is drawn once, for the drawing kept, at the resolution it is printed at. Each
    SVG drawn is read once (`drawn`), however often it is measured or drawn again."""

    def __init__(self, svg: Path, png: Path | None) -> None:
        self.svg, self.png = svg, png
        self.svg_of: str | None = None
        self._read: dict[str, DrawnSvg] = {}  # by DOT source: a drawing tried again

    def draw(self, graph: Graph) -> tuple[str, str]:
        """Draw the graph's SVG over the file on disk; its `-Tplain` layout and DOT source."""
        source = graph.source()
        return self.draw_source(source), source

    def draw_source(self, source: str) -> str:
        """Draw the SVG of a DOT source over the file on disk; its `-Tplain` layout."""
        plain = run_dot(source, self.svg)
        self.svg_of = source
        if source not in self._read:
            self._read[source] = DrawnSvg.of(self.svg.read_text(encoding="utf-8"))
        return plain

    @property
    def drawn(self) -> DrawnSvg:
        """The SVG on disk, read."""
        assert self.svg_of is not None, "nothing drawn yet"
        return self._read[self.svg_of]

    def printed(self) -> float:
        """The size the smallest text of the SVG on disk prints at, in points."""
        return self.drawn.placement().smallest_printed_pt

    def finish(self, source: str, plain: str) -> str:
        """Make the files on disk those of the DOT `source` (laid out as `plain`), the PNG
        drawn at the resolution the SVG says; its layout."""
        if self.svg_of != source:
            plain = self.draw_source(source)
        if self.png is not None:
            run_png(source, self.png, self.drawn.png_dpi())
        return plain


def draw_best(graphs: list[Graph], svg: Path, png: Path | None) -> tuple[Graph, str]:
    """Draw the first graph to fit; while it prints under 7 pt, try the next, and keep the one
    whose smallest text prints largest. The graph kept and its `-Tplain` layout (and no PNG
    when `png` is None)."""
    return _best_on(_Canvas(svg, png), graphs)


def _best_on(canvas: _Canvas, graphs: list[Graph]) -> tuple[Graph, str]:
    """`draw_best` on a canvas, which is left holding the drawing kept."""
    kept: tuple[float, Graph, str, str] | None = None
    for graph in graphs:
        capped(graph)
        plain, source = draw_to_fit(graph, canvas)
        size = canvas.printed()
        if kept is not None and size <= kept[0]:
            continue
        kept = (size, graph, plain, source)
        if size >= SMALLEST_PRINTED_PT:
            break
    assert kept is not None  # there is always a first graph
    # The graph kept is as drawn: only a graph tried (capped, moved) changes while drawn.
    return kept[1], canvas.finish(kept[3], kept[2])


def _default_kind(stem: str) -> str:
    """The kind of a default diagram, from its name."""
    if stem == "context":
        return "landscape"
    return stem.split("-", 1)[0]


def draw_one(stem: str, graphs: list[Graph], folder: Path, png: bool = True) -> dict[str, object]:
    """Draw one diagram into `folder` (the first of `graphs` that fits; its PNG if `png`);
    its record."""
    canvas = _Canvas(folder / f"{stem}.svg", folder / f"{stem}.png" if png else None)
    graph, plain = _best_on(canvas, graphs)
    return diagram_record(stem, graph, canvas.drawn, plain, png)


def draw_to_fit(graph: Graph, canvas: _Canvas) -> tuple[str, str]:
    """Draw a graph's SVG (most graphs fit at once); when its text would
    print under 7 pt, try the legend after the last box, then the ranks top to bottom
    (national above EU), keeping each change only when the text prints larger. The `-Tplain`
    layout and the DOT source of the drawing kept, which is the SVG on disk."""
    plain, source = canvas.draw(graph)
    size = canvas.printed()
    if size >= SMALLEST_PRINTED_PT or graph.attrs.get("rankdir") != "LR":
        return plain, source
    drawn = True  # the SVG on disk is the drawing kept
    for change in (_legend_last, _top_down):
        undo = change(graph)
        if undo is None:
            continue
        moved, moved_source = canvas.draw(graph)
        if canvas.printed() > size:
            plain, source, size, drawn = moved, moved_source, canvas.printed(), True
            if size >= SMALLEST_PRINTED_PT:
                break
        else:
            undo()
            drawn = False
    return (plain, source) if drawn else canvas.draw(graph)


def _legend_last(graph: Graph) -> Callable[[], None] | None:
    """Move the legend after the last box; how to undo it (None: nothing to move)."""
    edge = legend_at_the_end(graph)
    return None if edge is None else lambda: graph.edges.remove(edge)


def _top_down(graph: Graph) -> Callable[[], None]:
    """Lay the ranks out top to bottom; how to undo it."""
    graph.attrs["rankdir"] = "TB"
    return lambda: graph.attrs.update(rankdir="LR")


def diagram_record(
    stem: str, graph: Graph, svg: str | DrawnSvg, plain: str, png: bool = True
) -> dict[str, object]:
    """What a document needs to place a diagram (its SVG, as text or read), and the numbers
    that hold its layout (`png`: whether its PNG was drawn; `"png": null` in the record when
    not)."""
    drawn = svg if isinstance(svg, DrawnSvg) else DrawnSvg.of(svg)
    distances = label_distances(drawn.text)
    lines = plain_edges(plain)
    edges = len(lines)
    return {
        "name": stem,
        "svg": f"{stem}.svg",
        "png": f"{stem}.png" if png else None,
        "title": " ".join(graph.label.lines),
        "heading": graph.label.heading or " ".join(graph.label.lines),
        "placement": drawn.placement().as_dict(),
        "edges": edges,
        # Counting costs minutes on a 10k model's landscape (600 lines, 150,000 crossings),
        # and a count that large says no more than "too many".
        "crossings": crossings_of(lines) if edges <= CROSSINGS_UP_TO else None,
        "farthest_label_pt": max(distances.values(), default=0.0),
    }
