"""The matrix product; importing it registers `render_matrix` (see archlex.render.registry)."""

from archlex.render.matrix.product import render_matrix

__all__ = ["render_matrix"]
