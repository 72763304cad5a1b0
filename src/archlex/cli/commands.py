"""typer commands; the only place that prints or chooses an exit code."""

from __future__ import annotations

import sys
import traceback
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from archlex import __version__
from archlex.api import validate_model
from archlex.errors import ArchlexError
from archlex.formats import write_report
from archlex.render.json_schema import json_schema_text
from archlex.scaffold import create_model

app = typer.Typer(
    name="archlex",
    help="Architecture-as-code and traceability for Regulations (EU) 2019/817 and 2019/818.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
_state = {"debug": False}

EXIT_USAGE = 2
EXIT_INTERNAL = 3


class OutputFormat(StrEnum):
    """How findings are printed."""

    TEXT = "text"
    JSON = "json"


class SchemaKind(StrEnum):
    """Which file's schema to print."""

    MODEL_FILE = "model-file"
    MANIFEST = "manifest"


PathArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The model folder or its archlex.yaml (default: ./archlex.yaml, "
        "else ./model/archlex.yaml).",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"archlex {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
) -> None:
    """Architecture-as-code and traceability for Regulations (EU) 2019/817 and 2019/818."""
    _state["debug"] = debug


@app.command()
def validate(
    path: PathArgument = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text (file:line:col lines) or json.")
    ] = OutputFormat.TEXT,
) -> None:
    """Load a model and report what the loader and schema find.

    Rules: yaml-syntax, duplicate-key, schema, duplicate-id, unknown-reference,
    unknown-provision. Exit code 0 when clean, 1 on findings at or above `fail_on`,
    2 when the model cannot be read.

    Example: archlex validate model/
    """
    report = validate_model(path, Path.cwd())
    write_report(report, output_format.value, sys.stdout, _is_colour_terminal())
    raise typer.Exit(report.exit_code)


@app.command()
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Option("--kind", "-k", help="model-file: any model file; manifest: archlex.yaml."),
    ] = SchemaKind.MODEL_FILE,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Print the JSON Schema (draft-07) of model files for the YAML language server.

    Put `# yaml-language-server: $schema=<path to the schema>` at the top of a model file
    and editors with the YAML extension check and complete it as you type.

    Example: archlex schema --kind manifest -o schema/manifest.schema.json
    """
    text = json_schema_text(kind.value)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new model.")],
) -> None:
    """Create a new model that validates, with a comment in each file on what goes there.

    Example: archlex init my-model && archlex validate my-model
    """
    written = create_model(directory)
    console = Console(highlight=False)
    for path in written:
        console.print(f"created {path}", soft_wrap=True)
    console.print(f"Next: archlex validate {directory}", soft_wrap=True)


def _is_colour_terminal() -> bool:
    return Console().is_terminal and not Console().no_color


def main() -> None:
    """Entry point: run the app; turn operational errors and bugs into exit codes 2 and 3."""
    try:
        app(standalone_mode=True)
    except ArchlexError as error:
        _fail(f"archlex: error: {error.message}", error.hint)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        _fail("archlex: interrupted", None)
        sys.exit(130)
    except Exception as error:  # a bug: one clear line, the traceback only with --debug
        if _state["debug"]:
            traceback.print_exc()
        _fail(
            f"archlex: internal error: {type(error).__name__}: {error}",
            "this is a bug in archlex; rerun with --debug and report the traceback",
        )
        sys.exit(EXIT_INTERNAL)


def _fail(message: str, hint: str | None) -> None:
    sys.stderr.write(message + "\n")
    if hint:
        sys.stderr.write(f"    hint: {hint}\n")


__all__ = ["app", "main"]
