"""`archlex diff`: the model and its compliance at two git revisions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from archlex.cli.options import NoCacheOption, OutputOption, as_date, parse_cache
from archlex.cli.output import choice, write_output

if TYPE_CHECKING:
    from archlex.registry import Registry


def _formats() -> Registry[Any]:
    from archlex.diff.formats import DIFF_FORMATS  # networkx only when diffing

    return DIFF_FORMATS


def diff(
    revision_a: Annotated[
        str | None,
        typer.Argument(
            metavar="REV_A",
            help="The revision before (default: the merge base of HEAD with main, else master).",
            show_default=False,
        ),
    ] = None,
    revision_b: Annotated[
        str | None,
        typer.Argument(
            metavar="REV_B",
            help="The revision after (default: the working tree, as it is on disk).",
            show_default=False,
        ),
    ] = None,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH",
            help="The model folder or its archlex.yaml in the working tree (default: "
            "./archlex.yaml, else ./model/archlex.yaml); the same path is read at each revision.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            callback=choice(_formats),
            help="text, markdown (a pull-request comment) or json.",
        ),
    ] = "text",
    output: OutputOption = None,
    fail_on_new: Annotated[
        bool,
        typer.Option(
            "--fail-on-new",
            help="Exit 1 when the change brings new findings at or above the manifest's "
            "checks.fail_on, or leaves a model that cannot be loaded.",
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The date both sides are checked against (YYYY-MM-DD; default today).",
            show_default=False,
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Compare the model at two git revisions: entities and compliance.

    Lists the entities added, removed and changed (field by field), the findings fixed and
    new (matched by rule, entity and message, not by line), and coverage per regulation
    before and after. Revisions are read from git's objects; the working tree and the index
    are never touched. As with git, `archlex diff model/` and `archlex diff main model/` take
    their last argument as PATH when it exists and names no commit. Exit code 0, or 1 with
    --fail-on-new when the change brings new blocking findings; 2 when a revision or the
    model cannot be found.

    Example: archlex diff main HEAD model/ --format markdown --output diff.md
    """
    from archlex.diff import diff_revisions, split_arguments  # networkx only when diffing

    today = as_date(as_of) or dt.date.today()
    cwd = Path.cwd()
    revision_a, revision_b, path = split_arguments(revision_a, revision_b, path, cwd)
    result = diff_revisions(path, cwd, revision_a, revision_b, today, parse_cache(no_cache))
    write_output(output, _formats().get(output_format)(result))
    raise typer.Exit(1 if fail_on_new and result.has_new_blocking else 0)
