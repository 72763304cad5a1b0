"""`archlex impact --format dot|svg`: the impact diagram as Graphviz source, or drawn."""

from __future__ import annotations

from archlex.graph.impact import Impact
from archlex.impact.diagram import impact_graph
from archlex.impact.formats.registry import impact_format
from archlex.model import Model
from archlex.toolkit.dot import dot_svg


@impact_format("dot", order=30)
def impact_dot(model: Model, result: Impact) -> str:
    """The diagram as Graphviz DOT source."""
    return impact_graph(model, result).source()


@impact_format("svg", order=40)
def impact_svg(model: Model, result: Impact) -> str:
    """The diagram drawn by Graphviz as SVG."""
    return dot_svg(impact_dot(model, result), "the diagram")
