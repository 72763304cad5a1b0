"""`archlex catalog`: the regulations at the architect's keyboard."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from archlex.api import load
from archlex.catalog import ProvisionView, chapter_of, find_regulation, search, show_provision
from archlex.cli.options import parse_cache
from archlex.errors import ArchlexError
from archlex.formats import one_line
from archlex.load.libraries import library_manifest
from archlex.model import Model

catalog_app = typer.Typer(
    help="Browse the bundled catalog of Regulations (EU) 2019/817 and 2019/818.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

ModelOption = Annotated[
    Path | None,
    typer.Option(
        "--model",
        "-m",
        help="A model to show what traces each provision (default: "
        "./archlex.yaml or ./model/, else the bundled library alone).",
        show_default=False,
    ),
]


def _model(path: Path | None) -> tuple[Model, bool]:
    """The model to look in, and whether it is a user's model (not only the library)."""
    cache = parse_cache(no_cache=False)
    try:
        return load(path, cache=cache).model, True
    except ArchlexError:
        if path is not None:
            raise
    manifest = library_manifest("eu")
    if manifest is None:
        raise ArchlexError("the bundled eu library is missing", "reinstall archlex")
    return load(manifest, cache=cache).model, False


class _Lines:
    """Plain lines on standard output: the catalog is read and piped, and importing rich
    would cost a good part of the half second the catalog should answer in."""

    def print(self, text: str = "") -> None:
        """Write one line of text (model text kept on its line)."""
        sys.stdout.write("\n".join(one_line(part) for part in text.split("\n")) + "\n")


def _console() -> _Lines:
    return _Lines()


def _mark(verified: bool) -> str:
    return "verified" if verified else "not verified"


@catalog_app.command("list")
def list_articles(
    regulation: Annotated[
        str | None, typer.Argument(help="2019/817 or 2019/818 (default: both).", show_default=False)
    ] = None,
    model: ModelOption = None,
) -> None:
    """List chapters and articles, with whether each title was verified against the text.

    Example: archlex catalog list 2019/818
    """
    loaded, _ = _model(model)
    regulations = [find_regulation(loaded, regulation)] if regulation else loaded.regulations
    console = _console()
    for act in regulations:
        console.print(f"{act.id}  {act.short_title or act.title}")
        counts = {a.number: 0 for a in act.articles}
        for obligation in loaded.obligations:
            if obligation.provision.regulation == act.id:
                counts[obligation.provision.article] = (
                    counts.get(obligation.provision.article, 0) + 1
                )
        current = None
        for article in act.articles:
            chapter = chapter_of(act, article)
            if chapter is not None and chapter is not current:
                current = chapter
                console.print(f"  Chapter {chapter.number}  {chapter.title or ''}")
            obligations = counts.get(article.number, 0)
            suffix = (
                f"  [{obligations} obligation{'s' * (obligations != 1)}]" if obligations else ""
            )
            flag = " " if article.verified else "?"
            console.print(f"   {flag} Art {article.number:<4} {article.title}{suffix}")
    console.print("? = title not verified against the text of the act (see `show`)")


@catalog_app.command("show")
def show(
    provision: Annotated[
        str, typer.Argument(help='A provision, e.g. "2019/817 Art 20" or "2019/818 Art 22(1)".')
    ],
    model: ModelOption = None,
) -> None:
    """Show a provision: title, obligations, access it grants, ELI, and what traces it.

    Example: archlex catalog show "2019/818 Art 22"
    """
    loaded, is_model = _model(model)
    view = show_provision(loaded, provision)
    _print_view(_console(), view, loaded.manifest.name if is_model else None)


def _print_view(console: _Lines, view: ProvisionView, model_name: str | None) -> None:
    article = view.article
    console.print(f"{view.provision}  {article.title}")
    if view.chapter is not None:
        console.print(f"Chapter {view.chapter.number}: {view.chapter.title or ''}")
    if view.eli:
        console.print(f"ELI: {view.eli}")
    console.print(
        f"Title {_mark(article.verified)}" + (f" ({article.source})" if article.source else "")
    )
    _section(
        console,
        "Obligations",
        [
            (
                f"{o.id}  {o.provision}  actor: {o.actor}"
                + (f"  deadline: {o.deadline}" if o.deadline else "")
                + f"  [{_mark(o.verified)}]",
                o.summary,
            )
            for o in view.obligations
        ],
    )
    _section(
        console,
        "Access it grants",
        [
            (
                f"{a.id}  {a.provision}  {a.role} -> {', '.join(a.systems)}"
                + (f" via {a.via}" if a.via else "")
                + f"  [{_mark(a.verified)}]",
                a.purpose,
            )
            for a in view.access
        ],
    )
    _section(
        console, "MID links", [(f"{m.id}  {m.colour.value}", m.meaning) for m in view.mid_links]
    )
    _section(console, "Standards", [(s.id, s.name) for s in view.standards])
    _section(console, "Roles it defines", [(r.id, r.name) for r in view.roles])
    if model_name is None:
        return
    console.print(f"\nIn the model ({model_name}):")
    _section(
        console,
        "Requirements that satisfy it",
        [(f"{r.id}  [{r.status.value}]", r.title) for r in view.requirements],
        empty="none",
    )
    _section(
        console,
        "Flows that cite it",
        [(f"{f.id}  {f.from_} -> {f.to}", f.name or "") for f in view.flows],
        empty="none",
    )


def _section(
    console: _Lines, title: str, rows: list[tuple[str, str]], empty: str | None = None
) -> None:
    if not rows and empty is None:
        return
    console.print(f"\n{title} ({len(rows)}):" if rows else f"\n{title}: {empty}")
    for head, body in rows:
        console.print(f"  {head}")
        if body:
            console.print(f"      {body}")


@catalog_app.command("search")
def search_catalog(
    words: Annotated[list[str], typer.Argument(help="Words that must all appear.")],
    model: ModelOption = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="At most this many results.")
    ] = 25,
) -> None:
    """Search article titles, obligations, access grants, MID links and roles.

    Example: archlex catalog search "manual verification"
    """
    loaded, _ = _model(model)
    hits = search(loaded, " ".join(words), limit)
    console = _console()
    if not hits:
        console.print("Nothing found.")
        raise typer.Exit(1)
    for hit in hits:
        entity = f" {hit.entity}" if hit.entity else ""
        console.print(
            f"{hit.provision or '-':<22} {hit.kind}{entity}"
            + ("" if hit.verified else "  (not verified)")
        )
        console.print(f"    {hit.text}")
