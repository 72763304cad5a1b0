"""The output formats of a check report, each a module registered by name (`--format NAME`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from archlex.outcome import Report
from archlex.registry import Registry

# A formatter writes a whole report to a stream; `colour` only matters on a terminal.
Formatter = Callable[[Report, TextIO, bool], None]
CHECK_FORMATS: Registry[Formatter] = Registry("format", "archlex.formats")
FORMATS = CHECK_FORMATS.entries


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    """Register a formatter under a `--format` name."""
    return CHECK_FORMATS.register(name)


def write_report(report: Report, name: str, stream: TextIO, colour: bool) -> None:
    """Write the report in the named format."""
    CHECK_FORMATS.get(name)(report, stream, colour)


def format_names() -> list[str]:
    """Every registered format, for `--format` help."""
    return CHECK_FORMATS.names()
