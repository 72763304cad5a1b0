"""The output formats of `archlex diff`, each a module of this package registered by name."""

from __future__ import annotations

from collections.abc import Callable

from archlex.diff.model_diff import ModelDiff
from archlex.registry import Registry

DiffFormatter = Callable[[ModelDiff], str]
DIFF_FORMATS: Registry[DiffFormatter] = Registry("format", "archlex.diff.formats")


def diff_format(name: str, order: int) -> Callable[[DiffFormatter], DiffFormatter]:
    """Register the function that writes a diff as `--format NAME` (`order`: place in help)."""
    return DIFF_FORMATS.register(name, order)
