"""`archlex impact`: what depends on an entity, and what it depends on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from archlex.cli.options import NoCacheOption, OutputOption, PathArgument, parse_cache
from archlex.cli.output import choice, refuse_unreadable, write_output

if TYPE_CHECKING:
    from archlex.registry import Registry


def _formats() -> Registry[Any]:
    from archlex.impact.formats import IMPACT_FORMATS  # the graph only when asked

    return IMPACT_FORMATS


def complete_entity(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of an entity id: the ids of the model (`path`, else the default)."""
    from archlex.api import load
    from archlex.errors import ArchlexError

    try:
        project = load(ctx.params.get("path"), Path.cwd(), cache=parse_cache(no_cache=False))
    except ArchlexError:
        return []
    return sorted(i for i in project.model.index if i.startswith(incomplete))


def impact(
    entity_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The id of the entity, e.g. eu.CIR or WP-09.",
            autocompletion=complete_entity,
        ),
    ],
    path: PathArgument = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            callback=choice(_formats),
            help="text, json, dot (Graphviz source) or svg (drawn by Graphviz).",
        ),
    ] = "text",
    output: OutputOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show what depends on an entity and what it depends on, transitively.

    "What breaks if the CIR is late?": the flows that use it, the processes they make up,
    the work packages that touch it, the requirements those deliver, the obligations they
    trace and the milestones that wait for them, with the roadmap's dates, each with the
    chain of relations that links it. Exit code 0; 2 when the id is unknown or the model
    cannot be read correctly (its loader errors are listed).

    Example: archlex impact eu.CIR model/ --format svg --output cir-impact.svg
    """
    from archlex.api import validate_model  # the graph only when asked
    from archlex.impact import impact_of

    report = validate_model(path, Path.cwd(), cache=parse_cache(no_cache))
    refuse_unreadable(report)  # an impact over a model read wrongly would mislead
    result = impact_of(report.model, entity_id)
    write_output(output, _formats().get(output_format)(report.model, result))
