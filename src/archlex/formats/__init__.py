"""Output formats of a report, each a module registered by name (`--format NAME`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from archlex.outcome import Report

# A formatter writes a whole report to a stream; `colour` only matters on a terminal;
# `show_all` only for text (which shows the first few findings per chapter of the catalog):
# machine formats always keep every finding.
Formatter = Callable[[Report, TextIO, bool, bool], None]
FORMATS: dict[str, Formatter] = {}


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    """Register a formatter under a `--format` name."""

    def register(function: Formatter) -> Formatter:
        FORMATS[name] = function
        return function

    return register


def write_report(
    report: Report, name: str, stream: TextIO, colour: bool, show_all: bool = False
) -> None:
    """Write the report in the named format."""
    _load_all()
    FORMATS[name](report, stream, colour, show_all)


def format_names() -> list[str]:
    """Every registered format, for `--format` help."""
    _load_all()
    return sorted(FORMATS)


def _load_all() -> None:
    # Importing a format module registers it; new formats are added to this list.
    from archlex.formats import github, json_format, junit, sarif, text  # noqa: F401
