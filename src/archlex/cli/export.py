"""`archlex export`: the model for other tools (Archi, Structurizr, requirements tools)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from archlex.api import validate_model
from archlex.cli.options import NoCacheOption, PathArgument, parse_cache
from archlex.export.archimate import archimate_xml
from archlex.export.reqif import reqif_xml
from archlex.export.structurizr import structurizr_dsl
from archlex.files import write_text_atomic
from archlex.formats import write_report
from archlex.model import Model
from archlex.outcome import Report

export_app = typer.Typer(
    help="Export the model for other tools: ArchiMate exchange format, Structurizr DSL, ReqIF.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _out_option(example: str) -> object:
    return typer.Option("--out", "-o", help=f"The file to write (replaced whole), e.g. {example}.")


ArchimateOut = Annotated[Path, _out_option("model.xml")]
StructurizrOut = Annotated[Path, _out_option("workspace.dsl")]
ReqifOut = Annotated[Path, _out_option("requirements.reqif")]


def _export(path: Path | None, out: Path, no_cache: bool, write: Callable[[Model], str]) -> None:
    report = validate_model(path, Path.cwd(), cache=parse_cache(no_cache))
    _refuse_unreadable(report)
    write_text_atomic(out, write(report.model))
    typer.echo(f"wrote {out}")


def _refuse_unreadable(report: Report) -> None:
    """A model the loader could not read correctly is not exported: the file would be wrong."""
    if report.blocking:
        write_report(
            Report(report.project, report.blocking, report.fail_on), "text", sys.stderr, False
        )
        raise typer.Exit(2)


@export_app.command("archimate")
def archimate(
    path: PathArgument = None,
    out: ArchimateOut = Path("model.xml"),
    no_cache: NoCacheOption = False,
) -> None:
    """The model as an ArchiMate 3.1 Open Group exchange-format file that Archi imports.

    Elements and relationships keep their archlex ids as properties; a view per diagram
    (context, each process, technical), laid out by Graphviz. Exit code 2 when the model
    cannot be read correctly.

    Example: archlex export archimate model/ --out model.xml
    """
    _export(path, out, no_cache, archimate_xml)


@export_app.command("structurizr")
def structurizr(
    path: PathArgument = None,
    out: StructurizrOut = Path("workspace.dsl"),
    no_cache: NoCacheOption = False,
) -> None:
    """The model as a Structurizr DSL workspace (C4: people, software systems, containers).

    Views: the system landscape, and a system-context and a container view per system.
    Exit code 2 when the model cannot be read correctly.

    Example: archlex export structurizr model/ --out workspace.dsl
    """
    _export(path, out, no_cache, structurizr_dsl)


@export_app.command("reqif")
def reqif(
    path: PathArgument = None,
    out: ReqifOut = Path("requirements.reqif"),
    no_cache: NoCacheOption = False,
) -> None:
    """The requirements as a ReqIF 1.2 file for DOORS, Polarion, Jama, Codebeamer, StrictDoc.

    Two specifications: the requirements (title, text, type, priority, status, allocation,
    the model id as ReqIF.ForeignID) and the provisions they satisfy with the obligations
    under each; `satisfies` and `traces` relations join them. Same model, same bytes.
    Exit code 2 when the model cannot be read correctly.

    Example: archlex export reqif model/ --out requirements.reqif
    """
    _export(path, out, no_cache, reqif_xml)
