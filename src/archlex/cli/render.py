"""`archlex render`: every product, or one with `archlex render diagrams` and so on."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.core import Context  # typer vendors click; its Context is this one
from typer.core import TyperGroup

from archlex.cli.options import (
    ForceOption,
    Language,
    LanguageOption,
    NoCacheOption,
    PathArgument,
    parse_cache,
)


class _AllByDefault(TyperGroup):
    """`archlex render PATH --out DIR` means `archlex render all PATH --out DIR`."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = ["all", *args]
        return super().parse_args(ctx, args)


render_app = typer.Typer(
    cls=_AllByDefault,
    help="Render the architecture diagrams, traceability matrix, roadmap, charts and concept.\n\n"
    "Every command takes --out DIR and --language en|lv (the language of every text, amount "
    "and date written; default: the manifest's `language`). "
    "Example: archlex render model/ --out build --language lv",
    rich_markup_mode=None,
)

OutOption = Annotated[
    Path,
    typer.Option(
        "--out",
        "-o",
        help="The output folder; replaced as a whole, and only once every product rendered.",
    ),
]


def _render(
    path: Path | None,
    out: Path,
    products: list[str] | None,
    no_cache: bool = False,
    force: bool = False,
    language: Language | None = None,
    settings: dict[str, str] | None = None,
) -> None:
    from archlex.api import check_model, in_language  # the pipeline only when rendering
    from archlex.cli.output import refuse_unreadable
    from archlex.progress import on_terminal
    from archlex.render.output import render_products

    with on_terminal() as progress:
        report = check_model(path, Path.cwd(), cache=parse_cache(no_cache), progress=progress)
        refuse_unreadable(report)
        report = in_language(report, language.value if language else None)
        written = render_products(report, out, products, force, progress, settings)
    from rich.console import Console  # imported only when there is something to print

    console = Console(highlight=False, soft_wrap=True)
    folders = sorted({p.parent for p in written})
    for folder in folders:
        count = sum(1 for p in written if p.parent == folder)
        console.print(f"wrote {count} file{'s' if count != 1 else ''} in {folder}/", markup=False)
    concept = out / "concept" / "concept.md"
    if concept in written:
        console.print(f"Start with {concept}", markup=False)


def _command(product: str | None, help_text: str, example: str) -> Any:
    def command(
        path: PathArgument = None,
        out: OutOption = Path("build"),
        no_cache: NoCacheOption = False,
        force: ForceOption = False,
        language: LanguageOption = None,
    ) -> None:
        _render(path, out, [product] if product else None, no_cache, force, language)

    command.__doc__ = (
        f"{help_text}\n\nExit code 2 when the model cannot be read correctly (nothing is "
        f"written).\n\nExample: {example}"
    )
    return command


render_app.command("all")(
    _command(
        None,
        "Render every product into one folder (the default of `archlex render`).",
        "archlex render model/ --out build",
    )
)
render_app.command("diagrams")(
    _command(
        "diagrams",
        "Architecture diagrams (SVG and PNG): context, data flows per process, "
        "technical (hosting in the state, connections across the border), data, the views "
        "the model names (views:), legend.",
        "archlex render diagrams model/ --out build",
    )
)
render_app.command("matrix")(
    _command(
        "matrix",
        "The traceability matrix as HTML, Markdown, CSV and XLSX.",
        "archlex render matrix model/ --out build",
    )
)
render_app.command("roadmap")(
    _command(
        "roadmap",
        "The roadmap: critical path, Gantt chart, milestones and budget.",
        "archlex render roadmap model/ --out build",
    )
)
render_app.command("charts")(
    _command(
        "charts",
        "Charts (SVG and PNG): coverage per regulation by state, open findings by rule, "
        "budget by year and funding source.",
        "archlex render charts model/ --out build",
    )
)


class ConceptFormat(StrEnum):
    """What `render concept` writes besides the Markdown."""

    DOCX = "docx"
    PDF = "pdf"


class Paper(StrEnum):
    """Paper sizes of the concept."""

    A4 = "A4"
    LETTER = "Letter"


@render_app.command("concept")
def concept(
    path: PathArgument = None,
    out: OutOption = Path("build"),
    output_format: Annotated[
        ConceptFormat,
        typer.Option("--format", help="docx: Markdown and DOCX; pdf: also a PDF (LibreOffice)."),
    ] = ConceptFormat.DOCX,
    paper: Annotated[
        Paper | None, typer.Option(help="Paper size (default: the manifest's, else A4).")
    ] = None,
    reference_docx: Annotated[
        Path | None,
        typer.Option(
            "--reference-docx",
            help="The ministry's Word template: its styles, header, footer and logo.",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    force: ForceOption = False,
    language: LanguageOption = None,
) -> None:
    """The concept document as Markdown and DOCX (and PDF), with the figures it needs.

    Exit code 2 when the model cannot be read correctly (nothing is written).

    Example: archlex render concept model/ --out build --format pdf
    """
    settings = {"format": output_format.value}
    if paper is not None:
        settings["paper"] = paper.value
    if reference_docx is not None:
        settings["reference_docx"] = str(reference_docx.resolve())
    _render(path, out, ["concept"], no_cache, force, language, settings)
