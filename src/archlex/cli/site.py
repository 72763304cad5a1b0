"""`archlex build`: the concept site, built offline with mkdocs-material."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from archlex.cli.options import (
    ForceOption,
    LanguageOption,
    NoCacheOption,
    PathArgument,
    as_date,
    parse_cache,
)


def build(
    path: PathArgument = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="The site folder; replaced as a whole, and only once the build succeeded.",
        ),
    ] = Path("site"),
    project: Annotated[
        Path | None,
        typer.Option(
            "--project",
            help="Also keep the generated mkdocs project (mkdocs.yml and docs/) in this folder "
            "(default: not kept).",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The date the home page counts the next milestones from (YYYY-MM-DD; "
            "default: SOURCE_DATE_EPOCH's date, else today).",
            show_default=False,
        ),
    ] = None,
    language: LanguageOption = None,
    one_language: Annotated[
        bool,
        typer.Option(
            "--one-language",
            help="Build the site in its language only (--language, else the manifest's), "
            "without the other languages and the switch between them: half the time.",
        ),
    ] = False,
    no_cache: NoCacheOption = False,
    force: ForceOption = False,
) -> None:
    """Build the concept site: every regulation, article, system, flow, requirement and work
    package as a page, with the matrix, roadmap, concept, findings, search and tags.

    The site is in --language (default: the manifest's `language`) at the top of the folder,
    and in each other language archlex ships in a folder of its own (`lv/`, or `en/` for a
    Latvian site), with a switch to the same page in the other language on every page.
    The site works offline, also opened from the file system (file://): nothing is loaded
    from the network. Exit code 2 when the model cannot be read correctly.

    Example: archlex build model/ --out site --language lv && open site/index.html
    """
    from archlex.api import check_model  # imported here: `--help` stays fast
    from archlex.cache_folder import default_folder
    from archlex.cli.output import refuse_unreadable
    from archlex.i18n import LANGUAGES
    from archlex.progress import on_terminal
    from archlex.render.roadmap.product import source_date
    from archlex.site.build import build_site  # mkdocs is imported only by this command

    day = as_date(as_of) or source_date() or dt.date.today()
    with on_terminal() as progress:
        report = check_model(
            path, Path.cwd(), today=day, cache=parse_cache(no_cache), progress=progress
        )
        refuse_unreadable(report)
        others = () if one_language else LANGUAGES
        chosen = language.value if language else None
        cache = None if no_cache else default_folder()
        built = build_site(
            report, out, day, project, force, progress, cache, language=chosen, others=others
        )
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    console.print(f"built {built.pages} pages in {out}/", markup=False)
    if built.project is not None:
        console.print(f"kept the mkdocs project in {built.project}/", markup=False)
    console.print(f"Open {out / 'index.html'}", markup=False)
