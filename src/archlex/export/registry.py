"""The exports of `archlex export NAME`, each a module of this package registered by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from archlex.model import Model
from archlex.registry import Registry

if TYPE_CHECKING:
    from archlex.outcome import Report

Writer = Callable[[Model], str]
ReportWriter = Callable[["Report"], str]


@dataclass(frozen=True)
class Export:
    """One export: what writes it from the checked report (in its output language), the file
    it goes to by default, and its `--help` text."""

    write: ReportWriter
    default_file: str
    help: str


EXPORTS: Registry[Export] = Registry("export", "archlex.export")


def exporter(name: str, order: int, default_file: str, help: str) -> Callable[[Writer], Writer]:
    """Register the function that writes the model as `archlex export NAME`."""

    def register(write: Writer) -> Writer:
        EXPORTS.register(name, order)(
            Export(lambda report: write(report.model), default_file, help)
        )
        return write

    return register


def report_exporter(
    name: str, order: int, default_file: str, help: str
) -> Callable[[ReportWriter], ReportWriter]:
    """Register the function that writes `archlex export NAME` from more of the report than
    the model (the ArchiMate export: which texts a library wrote, in which language)."""

    def register(write: ReportWriter) -> ReportWriter:
        EXPORTS.register(name, order)(Export(write, default_file, help))
        return write

    return register
