"""The exports of `archlex export NAME`, each a module of this package registered by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archlex.model import Model
from archlex.registry import Registry

Writer = Callable[[Model], str]


@dataclass(frozen=True)
class Export:
    """One export: what writes it, the file it goes to by default, and its `--help` text."""

    write: Writer
    default_file: str
    help: str


EXPORTS: Registry[Export] = Registry("export", "archlex.export")


def exporter(name: str, order: int, default_file: str, help: str) -> Callable[[Writer], Writer]:
    """Register the function that writes the model as `archlex export NAME`."""

    def register(write: Writer) -> Writer:
        EXPORTS.register(name, order)(Export(write, default_file, help))
        return write

    return register
