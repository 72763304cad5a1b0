"""`archlex impact`: what depends on an entity, and what it depends on."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from archlex.cli.options import NoCacheOption, OutputOption, PathArgument, parse_cache
from archlex.files import write_text_atomic


class ImpactFormat(StrEnum):
    """How the impact is written."""

    TEXT = "text"
    JSON = "json"
    DOT = "dot"
    SVG = "svg"


def impact(
    entity_id: Annotated[
        str, typer.Argument(metavar="ID", help="The id of the entity, e.g. eu.CIR or WP-09.")
    ],
    path: PathArgument = None,
    output_format: Annotated[
        ImpactFormat,
        typer.Option(
            "--format", "-f", help="text, json, dot (Graphviz source) or svg (drawn by Graphviz)."
        ),
    ] = ImpactFormat.TEXT,
    output: OutputOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show what depends on an entity and what it depends on, transitively.

    "What breaks if the CIR is late?": the flows that use it, the processes they make up,
    the work packages that touch it, the requirements those deliver, the obligations they
    trace and the milestones that wait for them, with the roadmap's dates, each with the
    chain of relations that links it. Exit code 0; 1 when the model has loader errors (they
    are listed); 2 when the id or the model is unknown.

    Example: archlex impact eu.CIR model/ --format svg --output cir-impact.svg
    """
    from archlex.api import validate_model  # the graph only when asked
    from archlex.cli.render import refuse_unreadable
    from archlex.impact import impact_json, impact_of

    report = validate_model(path, Path.cwd(), cache=parse_cache(no_cache))
    refuse_unreadable(report)  # an impact over a model read wrongly would mislead
    model = report.model
    result = impact_of(model, entity_id)
    if output_format is ImpactFormat.JSON:
        text = json.dumps(impact_json(model, result), indent=2, ensure_ascii=False) + "\n"
    elif output_format is ImpactFormat.TEXT:
        from archlex.impact.text import impact_text

        text = impact_text(model, result)
    else:
        from archlex.impact.diagram import impact_graph
        from archlex.toolkit.dot import dot_svg

        source = impact_graph(model, result).source()
        text = source if output_format is ImpactFormat.DOT else dot_svg(source, "the diagram")
    if output is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(output, text)
