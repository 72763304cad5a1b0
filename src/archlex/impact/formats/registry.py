"""The output formats of `archlex impact`, each a module of this package registered by name."""

from __future__ import annotations

from collections.abc import Callable

from archlex.graph.impact import Impact
from archlex.model import Model
from archlex.registry import Registry

ImpactFormatter = Callable[[Model, Impact], str]
IMPACT_FORMATS: Registry[ImpactFormatter] = Registry("format", "archlex.impact.formats")


def impact_format(name: str, order: int) -> Callable[[ImpactFormatter], ImpactFormatter]:
    """Register the function that writes an impact as `--format NAME` (`order`: place in help)."""
    return IMPACT_FORMATS.register(name, order)
