"""The `archlex` command: parse arguments, call the API, print, exit.

`archlex catalog ...` is dispatched before the rest of the CLI is imported: the catalog should
answer in well under half a second, and importing the pipeline (pydantic, the loader, the
renderers) would take most of that."""

from __future__ import annotations

import sys


def main() -> None:
    """The console script."""
    if sys.argv[1:2] == ["catalog"]:
        from archlex.cli.catalog import catalog_app
        from archlex.cli.entry import run

        run(catalog_app, prog_name="archlex catalog", args=sys.argv[2:])
        return
    from archlex.cli.commands import main as run_archlex

    run_archlex()
