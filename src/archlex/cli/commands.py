"""typer commands; the only place that prints or chooses an exit code.

Each command imports the pipeline it uses inside its function, never here: `archlex --help`
and `--version` must not pay for pydantic, the loader or the renderers (tests/test_startup.py).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from archlex import __version__
from archlex.cli import entry
from archlex.cli.cached_check import CheckLine, is_colour_terminal, run_check
from archlex.cli.catalog import catalog_app
from archlex.cli.diff import diff
from archlex.cli.entry import run
from archlex.cli.export import export_app
from archlex.cli.impact import impact
from archlex.cli.imports import import_app
from archlex.cli.lsp import lsp
from archlex.cli.options import NoCacheOption, OutputOption, PathArgument, as_date, parse_cache
from archlex.cli.output import choice, is_stdout, write_output
from archlex.cli.render import render_app
from archlex.cli.review import review
from archlex.cli.serve import serve
from archlex.cli.site import build
from archlex.errors import ArchlexError
from archlex.formats import DOCS_URL, FormatOptions  # light: the formats load when used
from archlex.formats.registry import CHECK_FORMATS
from archlex.gc_pause import freeze_after_pauses
from archlex.progress import on_terminal
from archlex.text import did_you_mean

if TYPE_CHECKING:
    from archlex.outcome import Report
    from archlex.registry import Registry

app = typer.Typer(
    name="archlex",
    help="Architecture-as-code and traceability for Regulations (EU) 2019/817 and 2019/818.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,  # --install-completion for bash, zsh, fish and PowerShell
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(catalog_app, name="catalog")
app.add_typer(render_app, name="render")
app.add_typer(export_app, name="export")
app.add_typer(import_app, name="import")
app.command("build")(build)
app.command("serve")(serve)
app.command("diff")(diff)
app.command("impact")(impact)
app.command("lsp")(lsp)
app.command("review")(review)


class FailOn(StrEnum):
    """The lowest severity that fails a run."""

    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"


class SchemaKind(StrEnum):
    """Which file's schema to print."""

    MODEL_FILE = "model-file"
    MANIFEST = "manifest"


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
    entry.debug["on"] = debug


def _check_formats() -> Registry[Any]:
    from archlex.formats import CHECK_FORMATS  # the report formats only when one is chosen

    return CHECK_FORMATS


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        callback=choice(_check_formats),
        help="text, json, sarif, junit or github.",
    ),
]
# check reads its report from a cache when it can, and checks the name only when it cannot
CheckFormatOption = Annotated[
    str, typer.Option("--format", "-f", help="text, json, sarif, junit or github.")
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        help="Lowest severity that fails the run (default: the manifest's checks.fail_on).",
        show_default=False,
    ),
]


AllOption = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Text: show every finding about the catalog's obligations, not the first few of "
        "each chapter (the other formats always hold every finding).",
    ),
]


DocsUrlOption = Annotated[
    str,
    typer.Option(
        "--docs-url",
        envvar="ARCHLEX_DOCS_URL",
        help="SARIF: the base URL of archlex's documentation that each rule links to "
        "(RULE's section of rules.html); for a self-hosted copy of the docs.",
    ),
]


def _emit(report: Report, output_format: str, output: Path | None, options: FormatOptions) -> None:
    from archlex.formats import write_report

    if is_stdout(output):  # straight to the terminal, coloured when it is one
        write_report(report, output_format, sys.stdout, is_colour_terminal(), options)
        return
    buffer = io.StringIO()
    write_report(report, output_format, buffer, False, options)
    write_output(output, buffer.getvalue())


@app.command()
def validate(
    path: PathArgument = None,
    output_format: FormatOption = "text",
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    no_cache: NoCacheOption = False,
    show_all: AllOption = False,
    docs_url: DocsUrlOption = DOCS_URL,
) -> None:
    """Load a model and report what the loader and schema find.

    Rules: yaml-syntax, duplicate-key, schema, duplicate-id, unknown-reference,
    unknown-provision, include-outside, include-unmatched. Exit code 0 when clean, 1 on
    findings at or above `fail_on`, 2 when the model cannot be read.

    Example: archlex validate model/
    """
    from archlex.api import validate_model  # the pipeline only when it runs

    with on_terminal() as progress:
        report = validate_model(
            path,
            Path.cwd(),
            fail_on.value if fail_on else None,
            parse_cache(no_cache),
            progress,
            helper=True,  # this process ends with the command: it may fork a helper
        )
    _emit(report, output_format, output, FormatOptions(show_all=show_all, docs_url=docs_url))
    raise typer.Exit(report.exit_code)


@app.command()
def check(
    path: PathArgument = None,
    output_format: CheckFormatOption = "text",
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    min_coverage: Annotated[
        float | None,
        typer.Option(
            "--min-coverage",
            min=0,
            max=100,
            help="Fail when less than this percentage of the applicable obligations is traced "
            "(default: no minimum).",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Evaluate on this day (YYYY-MM-DD; default today): the law as it applied "
            "then (later obligations are listed as upcoming) and the waivers' expiry.",
            show_default=False,
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    show_all: AllOption = False,
    docs_url: DocsUrlOption = DOCS_URL,
) -> None:
    """Find the gaps against the regulations: every rule, waivers, coverage.

    Runs validate's rules and the gap rules (obligation-untraced, role-unassigned,
    flow-not-logged, deadline-missed, ...; `archlex rules` lists them). Exit code 0 when
    nothing is at or above `fail_on` and coverage is at least --min-coverage, 1 otherwise,
    2 when the model cannot be read.

    Example: archlex check model/ --format sarif --output archlex.sarif
    """
    if output_format not in CHECK_FORMATS.modules:  # a known name imports no format here
        _valid_format(output_format)
    line = CheckLine(
        path,
        output_format,
        output,
        fail_on.value if fail_on else None,
        min_coverage,
        as_date(as_of) or dt.date.today(),
        no_cache,
        FormatOptions(show_all=show_all, docs_url=docs_url),
    )
    raise typer.Exit(run_check(line))


def _valid_format(name: str) -> None:
    """A usage error (exit code 2) for an unknown `--format`."""
    try:
        choice(_check_formats)(name)
    except typer.BadParameter as error:
        raise typer.BadParameter(error.message, param_hint="'--format' / '-f'") from None


def _complete_rule(incomplete: str) -> list[str]:
    from archlex.rules import RULES  # imports every rule module: only when completing

    return sorted(rule for rule in RULES if rule.startswith(incomplete))


@app.command()
def rules(
    rule: Annotated[
        str | None,
        typer.Argument(
            help="A rule id to explain (default: list every rule).",
            show_default=False,
            autocompletion=_complete_rule,
        ),
    ] = None,
) -> None:
    """List the rules, or explain one with an example where it fires and the fix.

    Example: archlex rules flow-not-logged
    """
    from rich.console import Console  # here: `catalog` answers faster without rich

    from archlex.rules import RULES, explain_rule  # imports every rule module

    console = Console(highlight=False)
    if rule is None:
        for info in sorted(RULES.values(), key=lambda r: r.id):
            console.print(
                f"{info.id:<26} {info.severity.value:<8} {info.summary}",
                soft_wrap=True,
                markup=False,
            )
        return
    if rule not in RULES:
        raise ArchlexError(
            f"there is no rule {rule!r}", did_you_mean(rule, list(RULES)) or "see `archlex rules`"
        )
    console.print(explain_rule(RULES[rule]), soft_wrap=True, markup=False)


@app.command()
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Option("--kind", "-k", help="model-file: any model file; manifest: archlex.yaml."),
    ] = SchemaKind.MODEL_FILE,
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema (draft-07) of model files for the YAML language server.

    Put `# yaml-language-server: $schema=<path to the schema>` at the top of a model file
    and editors with the YAML extension check and complete it as you type.

    Example: archlex schema --kind manifest -o schema/manifest.schema.json
    """
    from archlex.model.json_schema import json_schema_text  # pydantic only here

    write_output(output, json_schema_text(kind.value))


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new model.")],
) -> None:
    """Create a new model that validates, with a comment in each file on what goes there.

    Example: archlex init my-model && archlex validate my-model
    """
    from rich.console import Console

    from archlex.scaffold import create_model

    written = create_model(directory)
    console = Console(highlight=False)
    for path in written:
        console.print(f"created {path}", soft_wrap=True)
    console.print(
        f"Next: archlex validate {directory} (does the model read?), then archlex check "
        f"{directory} (the gaps against the regulations: where to start)",
        soft_wrap=True,
    )


def main() -> None:
    """Entry point: run the app; turn operational errors and bugs into exit codes 2 and 3."""
    freeze_after_pauses(True)  # one command, then exit: see archlex.gc_pause
    run(app)


__all__ = ["app", "main"]
