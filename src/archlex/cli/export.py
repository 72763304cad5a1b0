"""`archlex export NAME`: the model for other architecture tools, one command per registered
export (archlex.export.registry)."""

# No `from __future__ import annotations`: typer reads the annotations of `command`, which
# name this export's default file, so they must be evaluated where the function is defined.

from pathlib import Path
from typing import Annotated, Any

import typer

from archlex.api import validate_model
from archlex.cli.options import NoCacheOption, PathArgument, parse_cache
from archlex.cli.output import is_stdout, refuse_unreadable, write_output
from archlex.export.registry import EXPORTS, Export

export_app = typer.Typer(
    help="Export the model for other tools: ArchiMate exchange format, Structurizr DSL.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _command(name: str, export: Export) -> Any:
    def command(
        path: PathArgument = None,
        out: Annotated[
            Path,
            typer.Option(
                "--out",
                "-o",
                help=f"The file to write (replaced whole), e.g. {export.default_file}; "
                "`-` writes to standard output.",
            ),
        ] = Path(export.default_file),
        no_cache: NoCacheOption = False,
    ) -> None:
        report = validate_model(path, Path.cwd(), cache=parse_cache(no_cache))
        refuse_unreadable(report)
        write_output(out, export.write(report.model))
        if not is_stdout(out):
            typer.echo(f"wrote {out}")

    command.__doc__ = (
        f"{export.help}\n\nExit code 2 when the model cannot be read correctly.\n\n"
        f"Example: archlex export {name} model/ --out {export.default_file}"
    )
    return command


for _name, _export in EXPORTS.load().items():
    export_app.command(_name)(_command(_name, _export))
