"""The views the model names (`views:`): each draws its selection of the model as the default
view of its kind draws the whole, under the view's own title and in a file named by its id.

A view's selection (`archlex.graph.views.select`) becomes a model of its own, holding only the
selected systems and flows (the index still finds every entity, so names and data categories
resolve), and the kind's drawing function draws it. A process or sequence view draws the
selected flows as the steps of a process named after the view, in the order the processes it
includes give them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from archlex.graph.views import Selection, select
from archlex.model import Model, Process, View, ViewKind
from archlex.render.diagrams.context import context_view
from archlex.render.diagrams.data import data_view
from archlex.render.diagrams.flows import process_view
from archlex.render.diagrams.focus import selection_view
from archlex.render.diagrams.legend import with_legend
from archlex.render.diagrams.sequence import sequence_view
from archlex.render.diagrams.technical import technical_view
from archlex.render.diagrams.views import Landscape, view_title
from archlex.toolkit.dot import Graph

Draw = Callable[[Model, View], Graph]


def named_views(model: Model, wrap: int | None = None) -> list[tuple[str, Graph]]:
    """Every view the model names, by id, drawn from its selection; with `wrap`, only the
    sequence views, their messages wrapped at that width."""
    graphs = []
    for view in sorted(model.views, key=lambda v: v.id):
        if wrap is not None and view.kind is not ViewKind.SEQUENCE:
            continue
        selection = select(model, view)
        if not selection.flows and not selection.systems:
            continue  # view-invalid says why; there is nothing to draw
        scoped = scoped_model(model, selection)
        if wrap is not None:
            graph = sequence_view(Landscape.of(scoped), _as_process(scoped, view), wrap)
        else:
            graph = DRAW[view.kind](scoped, view)
        graph.name = view.id
        graph.label = view_title(model, view.title)
        graphs.append((view.id, graph))
    return graphs


def scoped_model(model: Model, selection: Selection) -> Model:
    """The model with only the selected systems and flows (and an EU scope cut to them)."""
    manifest = model.manifest
    if manifest.scope is not None:
        kept = [s for s in manifest.scope.systems if s in selection.systems]
        manifest = manifest.model_copy(
            update={"scope": manifest.scope.model_copy(update={"systems": kept})}
        )
    return dataclasses.replace(
        model,
        manifest=manifest,
        systems=[s for s in model.systems if s.id in selection.systems],
        flows=list(selection.flows),
    )


def _as_process(model: Model, view: View) -> Process:
    """The view's flows as the steps of a process named after it."""
    return Process(id=view.id, name=str(view.title), steps=[f.id for f in model.flows])


def _context(model: Model, view: View) -> Graph:
    landscape = Landscape.of(model)
    focus = landscape.system_of(view.focus) if view.focus else None
    return selection_view(landscape, focus)


def _process(model: Model, view: View) -> Graph:
    return with_legend(process_view(model, _as_process(model, view)), ("line.message",))


DRAW: dict[ViewKind, Draw] = {
    ViewKind.LANDSCAPE: lambda model, _: context_view(Landscape.of(model)),
    ViewKind.CONTEXT: _context,
    ViewKind.TECHNICAL: lambda model, _: technical_view(Landscape.of(model)),
    ViewKind.DATA: lambda model, _: data_view(Landscape.of(model)),
    ViewKind.PROCESS: _process,
    ViewKind.SEQUENCE: lambda model, view: sequence_view(
        Landscape.of(model), _as_process(model, view)
    ),
}
