"""`archlex export NAME`: the model for other architecture tools, one command per registered
export (archlex.export.registry)."""

# No `from __future__ import annotations`: typer reads the annotations of `command`, which
# name this export's default file, so they must be evaluated where the function is defined.

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.core import Command, Context  # typer vendors click
from typer.core import TyperGroup

from archlex.cli.options import LanguageOption, NoCacheOption, PathArgument, parse_cache
from archlex.cli.output import is_stdout, refuse_unreadable, write_output

if TYPE_CHECKING:
    from archlex.export.registry import Export


class _ExportsWhenAsked(TyperGroup):
    """The export commands are made from the registry only when `archlex export` is used:
    the exports import the model and the diagrams, which `archlex --help` should not pay for."""

    def list_commands(self, ctx: Context) -> list[str]:
        self._add_exports()
        return super().list_commands(ctx)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        self._add_exports()
        return super().get_command(ctx, cmd_name)

    def _add_exports(self) -> None:
        if self.commands:
            return
        from archlex.export.registry import EXPORTS

        exports = typer.Typer(rich_markup_mode=None)
        for name, export in EXPORTS.load().items():
            exports.command(name)(_command(name, export))
        self.commands.update(typer.main.get_group(exports).commands)


export_app = typer.Typer(
    cls=_ExportsWhenAsked,
    help="Export the model for other tools: ArchiMate exchange format, Structurizr DSL, ReqIF."
    "\n\nEvery export takes --language en|lv: the model's texts in that language where the "
    "model gives them, else as written (default: the manifest's `language`). "
    "Example: archlex export reqif model/ --language lv",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _command(name: str, export: "Export") -> Any:
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
        language: LanguageOption = None,
    ) -> None:
        from archlex.api import in_language, validate_model  # the pipeline only when exporting

        report = validate_model(path, Path.cwd(), cache=parse_cache(no_cache))
        refuse_unreadable(report)
        # The texts in the output language where the model gives them, as `render` writes them.
        report = in_language(report, language.value if language else None)
        write_output(out, export.write(report))
        if not is_stdout(out):
            typer.echo(f"wrote {out}")

    command.__doc__ = (
        f"{export.help}\n\nExit code 2 when the model cannot be read correctly.\n\n"
        f"Example: archlex export {name} model/ --out {export.default_file}"
    )
    return command
