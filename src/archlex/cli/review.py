"""`archlex review`: record that the model was reviewed against the catalog as it is now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from archlex.cli.options import PathArgument, as_date
from archlex.errors import ArchlexError


def review(
    path: PathArgument = None,
    provisions: Annotated[
        list[str] | None,
        typer.Option(
            "--provision",
            "-p",
            help='Accept only this provision (repeatable), e.g. -p "2019/817 Art 7(2)"; '
            "default: every provision the model cites.",
            show_default=False,
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on", help="The day of the review (YYYY-MM-DD; default today).", show_default=False
        ),
    ] = None,
) -> None:
    """Accept the catalog as it is now for the provisions the model cites.

    Writes `reviewed_against:` into the manifest: the catalog release and the fingerprint of
    each cited provision. `archlex check` then reports `provision-changed` on every element
    that cites a provision a later catalog changes, until it is reviewed again. Says what it
    accepted.

    Example: archlex review model/ -p "2019/817 Art 7(2)"
    """
    from archlex.api import load
    from archlex.check.review import catalog_name, parse_provisions, record_text, write_record
    from archlex.check.review import review as run_review

    try:
        only = parse_provisions(provisions or [])
    except ValueError as error:
        raise ArchlexError(
            f"{str(error)!r} is not a provision", 'write e.g. "2019/817 Art 7(2)"'
        ) from None
    project = load(path, Path.cwd())
    if any(f.rule == "yaml-syntax" for f in project.findings):
        raise ArchlexError("the model cannot be read", "run `archlex validate` and fix it first")
    outcome = run_review(project, only)
    catalog = catalog_name(project)
    day = as_date(on) or dt.date.today()
    write_record(project.manifest_path, record_text(catalog, day, outcome.provisions))
    for line in outcome.accepted:
        typer.echo(f"accepted {line}")
    typer.echo(
        f"Reviewed against {catalog} on {day}: {len(outcome.accepted)} changed provision(s) "
        f"accepted, {outcome.first} recorded for the first time, {outcome.unchanged} unchanged; "
        f"written to {project.manifest_path.name}."
    )
