"""`archlex import`: bring what requirements tools and spreadsheets hold into the model's YAML.

Every import shows the diff of the model's files first and writes only with --write; an
import that would make the model invalid, or a file that is not what it claims, writes
nothing (exit code 2).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from archlex.cli.output import refuse_unreadable

# The kinds an import reads (archlex.imports.registry.KINDS, which a test keeps equal): named
# here so that `archlex --help` does not import the loader (tests/test_startup.py).
KINDS = ("systems", "organisations", "requirements", "flows")

import_app = typer.Typer(
    help="Import into the model: ReqIF from requirements tools, XLSX or CSV inventories, "
    "the reviewed traceability matrix. Shows the diff; --write applies it.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

FileArgument = Annotated[
    Path, typer.Argument(help="The file to import.", exists=False, show_default=False)
]
ModelOption = Annotated[
    Path | None,
    typer.Option(
        "--model",
        "-m",
        help="The model folder or its archlex.yaml (default: ./archlex.yaml, "
        "else ./model/archlex.yaml).",
        show_default=False,
    ),
]
KindOption = Annotated[
    str, typer.Option("--kind", "-k", help=f"What the rows are: {', '.join(KINDS)}.")
]
MappingOption = Annotated[
    Path | None,
    typer.Option("--mapping", help="A mapping file (docs/exchange.md).", show_default=False),
]
IntoOption = Annotated[
    str | None,
    typer.Option(
        "--into",
        help="The model file new entities go to, relative to archlex.yaml (default: the "
        "file of the last entity of their kind).",
        show_default=False,
    ),
]
WriteOption = Annotated[
    bool,
    typer.Option("--write/--dry-run", help="Apply the changes (default: only show the diff)."),
]
MaxRowsOption = Annotated[
    int, typer.Option("--max-rows", help="Refuse a sheet with more rows than this.", min=1)
]


def _run(
    name: str,
    file: Path,
    model: Path | None,
    kind: str,
    mapping: Path | None,
    into: str | None,
    write: bool,
    max_rows: int = 20_000,
) -> None:
    if kind not in KINDS:
        raise typer.BadParameter(f"{kind!r}; choose one of {', '.join(KINDS)}", param_hint="--kind")
    from archlex.api import validate_model
    from archlex.imports import ImportRequest
    from archlex.imports.changes import diff_text, prepare_import, write_edits
    from archlex.imports.mapping import read_mapping

    report = validate_model(model, Path.cwd())
    refuse_unreadable(report)
    request = ImportRequest(file, report.project, kind, read_mapping(mapping), max_rows)
    prepared = prepare_import(name, request, into)
    for note in prepared.plan.notes:
        sys.stderr.write(f"note: {note}\n")
    if not prepared.edits:
        typer.echo(f"no changes: the model already says what {file} says")
        return
    typer.echo(diff_text(prepared.edits), nl=False)
    if write:
        write_edits(report.project, prepared.edits)
        typer.echo(f"wrote {len(prepared.edits)} file(s)")
    else:
        typer.echo("dry run: nothing written; add --write to apply these changes")


@import_app.command("reqif")
def reqif(
    file: FileArgument,
    model: ModelOption = None,
    mapping: MappingOption = None,
    into: IntoOption = None,
    write: WriteOption = False,
) -> None:
    """Requirements (and their status) from a ReqIF file, e.g. one a requirements tool sent back.

    A SPEC-OBJECT whose ReqIF.ForeignID (or mapped id attribute) is a requirement id
    updates it; any other becomes a new requirement. Attributes archlex does not know are
    reported. Example: archlex import reqif back.reqif --model model/ --write
    """
    _run("reqif", file, model, "requirements", mapping, into, write)


@import_app.command("xlsx")
def xlsx(
    file: FileArgument,
    kind: KindOption,
    model: ModelOption = None,
    mapping: MappingOption = None,
    into: IntoOption = None,
    write: WriteOption = False,
    max_rows: MaxRowsOption = 20_000,
) -> None:
    """Systems, organisations, requirements or flows from an XLSX sheet, a row an entity.

    Example: archlex import xlsx inventory.xlsx --kind systems --model model/ --write
    """
    _run("xlsx", file, model, kind, mapping, into, write, max_rows)


@import_app.command("csv")
def csv(
    file: FileArgument,
    kind: KindOption,
    model: ModelOption = None,
    mapping: MappingOption = None,
    into: IntoOption = None,
    write: WriteOption = False,
    max_rows: MaxRowsOption = 20_000,
) -> None:
    """Systems, organisations, requirements or flows from a CSV file (UTF-8), a row an entity.

    Example: archlex import csv authorities.csv --kind organisations --model model/
    """
    _run("csv", file, model, kind, mapping, into, write, max_rows)


@import_app.command("review")
def review(
    file: FileArgument,
    model: ModelOption = None,
    write: WriteOption = False,
) -> None:
    """Status updates from the Review sheet of a matrix.xlsx a reviewer filled in.

    The yellow columns `Review: status` and `Review: comment`: each status becomes the
    requirement's new status; comments are listed with the diff. Nothing is written
    without --write. Example: archlex import review reviewed-matrix.xlsx --model model/
    """
    _run("review", file, model, "requirements", None, None, write)
