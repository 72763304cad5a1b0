"""`archlex catalog`: the regulations at the architect's keyboard.

Answers from the catalog index in the cache (archlex.catalog.store) when the model's files are
unchanged, without importing the models or the loader; otherwise loads the model once, builds
the index and stores it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from archlex.cache_folder import default_folder
from archlex.catalog.index import Card, CardSection, CatalogIndex
from archlex.catalog.search import no_regulation, search_entries
from archlex.catalog.store import CatalogStore, Inputs
from archlex.errors import ArchlexError
from archlex.text import one_line

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


def _catalog(model: Path | None) -> CatalogIndex:
    """The catalog index of the model (or of the bundled library alone when there is none)."""
    store = CatalogStore(default_folder())
    cwd = Path.cwd()
    index = store.get(cwd, model)
    if index is None:
        index, inputs = _build(model, cwd)
        store.put(cwd, model, index, inputs)
    return index


def _build(model: Path | None, cwd: Path) -> tuple[CatalogIndex, Inputs]:
    """Load the model and index it, recording every file and folder the load depended on."""
    # Imported here: the loader and the models are what a cached answer saves importing.
    from archlex.api import load
    from archlex.catalog.index import index_of
    from archlex.cli.options import parse_cache
    from archlex.load.libraries import library_manifest
    from archlex.load.manifest import MANIFEST_NAME

    inputs = Inputs()
    if model is None:  # where the model is looked for: ./archlex.yaml, else ./model/
        inputs.add_folder(cwd)
        inputs.add_folder(cwd / "model")
        inputs.add_file(cwd / MANIFEST_NAME)
        inputs.add_file(cwd / "model" / MANIFEST_NAME)
    cache = parse_cache(no_cache=False)
    try:
        project = load(model, cwd, cache=cache)
        name: str | None = project.model.manifest.name
    except ArchlexError:
        if model is not None:
            raise
        manifest = library_manifest("eu")
        if manifest is None:
            raise ArchlexError("the bundled eu library is missing", "reinstall archlex") from None
        project = load(manifest, cwd, cache=cache)
        name = None
    inputs.add_tree(project.root)
    for display in project.files:
        if display.startswith("["):  # a bundled library's file: `[eu]/roles.yaml`
            library, _, rest = display[1:].partition("]/")
            library_path = library_manifest(library)
            if library_path is not None:
                inputs.add_tree(library_path.parent)
                inputs.add_file(library_path.parent / rest)
        else:
            inputs.add_file(project.root / display)
    return index_of(project.model, name), inputs


class _Lines:
    """Plain lines on standard output: the catalog is read and piped, and importing rich
    would cost a good part of the half second the catalog should answer in."""

    def print(self, text: str = "") -> None:
        """Write one line of text (model text kept on its line)."""
        sys.stdout.write("\n".join(one_line(part) for part in text.split("\n")) + "\n")


def _console() -> _Lines:
    return _Lines()


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
    index = _catalog(model)
    if regulation is not None and regulation not in index.listings:
        raise no_regulation(regulation, [r.id for r in index.regulations])
    console = _console()
    for regulation_id, lines in index.listings.items():
        if regulation in (None, regulation_id):
            for line in lines:
                console.print(line)
    console.print("? = title not verified against the text of the act (see `show`)")


def complete_provision(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of `catalog show`: the articles and obligations' provisions."""
    try:
        index = _catalog(ctx.params.get("model"))
    except ArchlexError:
        return []
    provisions = set(index.cards) | {hit.provision for hit in index.entries if hit.provision}
    wanted = incomplete.strip('"').lower()
    return sorted(p for p in provisions if p.lower().startswith(wanted))


@catalog_app.command("show")
def show(
    provision: Annotated[
        str,
        typer.Argument(
            help='A provision, e.g. "2019/817 Art 20" or "2019/818 Art 22(1)".',
            autocompletion=complete_provision,
        ),
    ],
    model: ModelOption = None,
) -> None:
    """Show a provision: title, obligations, access it grants, ELI, and what traces it.

    Example: archlex catalog show "2019/818 Art 22"
    """
    index = _catalog(model)
    asked, card = index.card(provision)
    _print_card(_console(), str(asked), card, index.model_name)


def _print_card(console: _Lines, provision: str, card: Card, model_name: str | None) -> None:
    console.print(f"{provision}  {card.title}")
    if card.chapter is not None:
        console.print(card.chapter)
    if card.eli:
        console.print(f"ELI: {card.eli}")
    console.print(
        f"Title {'verified' if card.verified else 'not verified'}"
        + (f" ({card.source})" if card.source else "")
    )
    for section in card.catalog:
        _print_section(console, section)
    if model_name is None:
        return
    console.print(f"\nIn the model ({model_name}):")
    for section in card.in_model:
        _print_section(console, section)


def _print_section(console: _Lines, section: CardSection) -> None:
    if not section.lines and section.empty is None:
        return
    count = len(section.lines)
    heading = f"{section.title} ({count}):" if count else f"{section.title}: {section.empty}"
    console.print(f"\n{heading}")
    for line in section.lines:
        console.print(f"  {line.head}")
        if line.body:
            console.print(f"      {line.body}")


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
    hits = search_entries(_catalog(model).entries, " ".join(words), limit)
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
