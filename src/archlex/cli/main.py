"""The `archlex` command: parse arguments, call the API, print, exit.

`archlex catalog ...` is dispatched before the rest of the CLI is imported: the catalog should
answer in well under half a second, and importing the pipeline (pydantic, the loader, the
renderers) would take most of that. `archlex --version` is answered before typer is imported,
and so is `archlex --help` on a terminal at least 80 columns wide (archlex.cli.help_text: the
text typer prints, kept in a file that a test compares with typer's), and so is the list of
`archlex rules`; the other commands
import the pipeline inside their functions (see archlex.cli.commands), so that a command's
own help stays fast too. `archlex check` with its common options runs before typer is
imported (archlex.cli.cached_check): typer's option parsing costs more than reading a cached
report, and a good part of checking the example anew."""

from __future__ import annotations

import sys


def main(ending: bool = True) -> None:
    """The console script. `ending`: this is the command's own process, which may end at once
    when its work is done (archlex.cli.cached_check.end_at_once); False for a caller that
    goes on afterwards (the tests' runner in the same process)."""
    if sys.argv[1:] == ["--version"]:  # the same line as the typer option prints
        from archlex import __version__

        sys.stdout.write(f"archlex {__version__}\n")
        return
    if sys.argv[1:] in (["--help"], ["-h"]):
        from archlex.cli.help_text import HELP_FILE, WIDTH, columns

        if columns() >= WIDTH:
            with open(HELP_FILE, encoding="utf-8") as stream:  # noqa: PTH123 (see help_text)
                sys.stdout.write(stream.read())
            return
    if sys.argv[1:] == ["rules"]:  # the list, without importing typer and every rule
        from archlex.cli.help_text import kept_rules

        listed = kept_rules()
        if listed is not None:
            sys.stdout.write(listed)
            return
    if sys.argv[1:2] == ["check"]:  # the common command lines, before typer is imported
        from archlex.cli.cached_check import quick_check
        from archlex.cli.entry import guarded

        guarded(lambda: quick_check(sys.argv[2:], ending))  # exits when it ran the check
    if sys.argv[1:2] == ["catalog"]:
        from archlex.cli.catalog import catalog_app
        from archlex.cli.entry import run

        run(catalog_app, prog_name="archlex catalog", args=sys.argv[2:])
        return
    from archlex.cli.commands import main as run_archlex

    run_archlex()
