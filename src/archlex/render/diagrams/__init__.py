"""The diagrams product; importing it registers `render_diagrams` (see archlex.render.registry)."""

from archlex.render.diagrams.product import render_diagrams

__all__ = ["render_diagrams"]
